/**
 * Text normalisation for matching article sentences against the reference
 * press release.
 *
 * Scraped news text and the EEAS release disagree on typography far more
 * often than on words: no-break spaces, curly versus straight quotes, en
 * dashes in "EU–Japan", soft hyphens left over from justified layouts. These
 * helpers erase those differences so that the matcher only sees words.
 *
 * Pure TypeScript: no DOM, runs in Node and in a content script.
 *
 * @module
 */

/** A word of the input, with its place in the input. */
export interface Token {
  /** The exact slice of the input: `input.slice(start, end)`. */
  text: string;
  /** {@link foldForMatch} of `text`: the form to compare. */
  norm: string;
  /** Offset of the first UTF-16 code unit in the input. */
  start: number;
  /** Offset just past the last UTF-16 code unit in the input. */
  end: number;
}

// Spelled out rather than `\s` because `\s` also matches U+FEFF, which is
// invisible (a byte-order mark) and must vanish, not turn into a space that
// would split a word in two. U+0085 (NEL) is not in `\s` but does end lines
// in text decoded from legacy encodings.
const SPACE_CLASS = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const SPACE_RUNS = new RegExp(`[${SPACE_CLASS}]+`, 'g');
const EDGE_SPACE = new RegExp(`^[${SPACE_CLASS}]+|[${SPACE_CLASS}]+$`, 'g');

/**
 * Turns every Unicode space (no-break space, thin and narrow spaces,
 * ideographic space, tabs, line breaks...) into a plain space, collapses
 * runs to one space and trims both ends.
 *
 * Zero-width characters are not spaces and are left alone; {@link foldForMatch}
 * removes them.
 *
 * @param s - Any string.
 * @returns The string with normalised spacing.
 * @example normalizeWhitespace(' 1\u00A0November\t2024 ') === '1 November 2024'
 */
export function normalizeWhitespace(s: string): string {
  return s.replace(SPACE_RUNS, ' ').replace(EDGE_SPACE, '');
}

// Invisible characters that change nothing a reader sees: soft hyphen,
// zero-width space/non-joiner/joiner, word joiner, BOM. Bidi controls (LRM,
// RLM, ALM, embeddings, isolates) are added because pages with Arabic or
// Hebrew sprinkle them around Latin names, which would otherwise not match.
const INVISIBLE_CLASS = '\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]+`, 'g');

// Mapped before NFKC: NFKC turns the double prime into two primes and the
// acute accent into a space plus a combining mark, which would lose the
// "one quote" reading. ´ ` and ʼ stand in for apostrophes in careless typing
// ("Japan´s").
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\u02BC\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
// Em dash and horizontal bar are included: for matching, "EU—Japan" and
// "EU-Japan" are the same words whatever the writer meant by the dash.
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;

// Only the generic combining diacritics blocks, not every \p{M}: stripping
// all marks would turn Japanese "が" into "か" and remove Devanagari vowel
// signs, changing the word rather than dropping an accent.
const DIACRITICS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;

// Latin letters whose stroke or slash is not a combining mark, so NFD leaves
// them alone; news in English spells "Łukasz" both ways.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
};
const UNDECOMPOSABLE_RE = /[łøđħı]/g;
const PLAIN_ASCII = /^[\x00-\x7f]*$/;
const BACKTICKS = /`/g;

/**
 * The form used to compare words: invisible characters removed, curly quotes
 * and apostrophes made straight, every dash made `-`, NFKC, lower case,
 * diacritics removed, spacing normalised as by {@link normalizeWhitespace}.
 *
 * @param s - Any string.
 * @returns The folded string; comparing folded strings ignores typography.
 * @example foldForMatch('Josép “EU–Japan”') === 'josep "eu-japan"'
 */
export function foldForMatch(s: string): string {
  // Plain ASCII needs none of the Unicode steps (none of the mapped or
  // invisible characters is ASCII except the backtick, and the normalisations
  // leave ASCII as it is): lower case, the backtick made an apostrophe, spacing.
  if (PLAIN_ASCII.test(s)) return normalizeWhitespace(s.toLowerCase().replace(BACKTICKS, "'"));
  let t = s.replace(INVISIBLE, '');
  t = t.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
  t = t.normalize('NFKC').toLowerCase();
  t = t.normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
  t = t.replace(UNDECOMPOSABLE_RE, (c) => UNDECOMPOSABLE[c] ?? c);
  return normalizeWhitespace(t);
}

// One word: runs of letters, digits and marks, possibly glued by invisible
// characters (a soft hyphen inside "secu\u00ADrity" is still one word), joined
// by single connectors that only count between word characters:
//  - apostrophes: "Japan’s", "rock'n'roll";
//  - hyphens and the en dash, which news uses for "EU–Japan"; not the em
//    dash, which separates clauses ("security—and");
//  - a period: "U.S", "2.5", "Caliber.Az", "example.com";
//  - a comma or colon between digits: "1,000", "06:30".
// Character classes never overlap, so the regex cannot backtrack
// catastrophically: matching stays linear.
const RUN = `[\\p{L}\\p{N}\\p{M}]+(?:[${INVISIBLE_CLASS}]+[\\p{L}\\p{N}\\p{M}]+)*`;
const CONNECTOR = `(?:['\\u2019\\u02BC\\u2018\\u201B\\u2032\\u00B4]|[\\-\\u2010\\u2011\\u2012\\u2013\\u2212\\uFE63\\uFF0D]|\\.|(?<=\\p{Nd})[,:](?=\\p{Nd}))`;
const WORD = new RegExp(`${RUN}(?:${CONNECTOR}${RUN})*`, 'gu');
// "U.S" is cut before its last period because a period only joins two word
// characters; single letters separated by periods are an abbreviation, and
// the last period is part of it ("U.S.", "e.g.", "a.m.").
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)+\p{L}$/u;
// Words that foldForMatch would only lower-case: ASCII letters, digits and
// the ASCII connectors, which need no mapping.
const ASCII_WORD = /^[A-Za-z0-9'.,:-]*$/;

const UPPER_FIRST = /^\p{Lu}/u;

/**
 * Whether the text starts with an upper-case letter (`/^\p{Lu}/u`). ASCII is
 * decided from the code: of ASCII characters exactly A-Z are \p{Lu}, so the
 * answer is the regex's, without running it for nearly every word of English.
 */
export function startsWithCapital(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER_FIRST.test(text);
}

/**
 * Splits a string into words with their offsets. Punctuation and spaces are
 * not tokens. Words keep internal apostrophes, hyphens (including the en
 * dash), periods ("U.S.", "2.5") and digit separators ("1,000", "06:30").
 *
 * @param s - Any string.
 * @returns The words in order; each `text` is `s.slice(start, end)` and each
 *   `norm` is `foldForMatch(text)`.
 * @example tokenize('EU–Japan’s') // [{ text: 'EU–Japan’s', norm: "eu-japan's", start: 0, end: 10 }]
 */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  if (PLAIN_ASCII.test(s)) return tokenizeAscii(s, out);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m !== null; m = WORD.exec(s)) {
    const start = m.index;
    let end = start + m[0].length;
    if (s.charCodeAt(end) === 0x2e && DOTTED_ABBREVIATION.test(m[0])) end += 1;
    const text = s.slice(start, end);
    // Most words of English news are plain ASCII, for which folding is just
    // lower-casing; skipping the Unicode normalisations makes a page of a
    // million words several times faster.
    const norm = ASCII_WORD.test(text) ? text.toLowerCase() : foldForMatch(text);
    out.push({ text, norm, start, end });
  }
  return out;
}

/** A-Z, a-z, 0-9: the ASCII letters and digits, the only ASCII characters of `[\p{L}\p{N}\p{M}]`. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * `tokenize` for text that is all ASCII, without the Unicode regex: most news
 * is. In ASCII the pattern reads: a run of letters and digits (no invisible
 * character is ASCII), then any number of connectors (an apostrophe, a hyphen,
 * a period, or a comma or colon between two digits) each followed by another
 * run. Runs are maximal and connectors are not letters, so the regex has no
 * choice to make: the greedy scan below finds the same words, and the same
 * lower-cased forms (`foldForMatch` of an ASCII word is its lower case).
 */
function tokenizeAscii(s: string, out: Token[]): Token[] {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(s.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < n && isAsciiWordChar(s.charCodeAt(i))) i += 1;
    while (i + 1 < n) {
      const c = s.charCodeAt(i);
      const next = s.charCodeAt(i + 1);
      const connector = c === 0x27 || c === 0x2d || c === 0x2e || ((c === 0x2c || c === 0x3a) && isAsciiDigit(s.charCodeAt(i - 1)) && isAsciiDigit(next));
      if (!connector || !isAsciiWordChar(next)) break;
      i += 2;
      while (i < n && isAsciiWordChar(s.charCodeAt(i))) i += 1;
    }
    let end = i;
    const word = s.slice(start, end);
    if (s.charCodeAt(end) === 0x2e && DOTTED_ABBREVIATION.test(word)) end += 1;
    const text = end === i ? word : s.slice(start, end);
    out.push({ text, norm: text.toLowerCase(), start, end });
  }
  return out;
}
