/**
 * Sentence splitting for news text.
 *
 * `Intl.Segmenter` does the Unicode (UAX #29) work; this module then repairs
 * what it gets wrong in news: it breaks after "Mr." or "U.S.", after initials
 * ("George W. Bush") and before lower-case attributions ("“Is it?” he
 * asked."), and it can leave a closing quote at the start of the next
 * sentence. Each line is a paragraph of its own, because news pages put every
 * headline and paragraph on its own line and headlines have no full stop.
 *
 * Everything is linear in the input: long paragraphs are fed to the
 * segmenter in windows (see WINDOW), and each boundary is judged by looking at
 * the few characters around it.
 *
 * Pure TypeScript: no DOM, runs in Node and in a content script.
 *
 * @module
 */

/** A slice of a text: `text === input.slice(start, end)`. */
export interface TextSpan {
  /** The sentence, without surrounding whitespace. */
  text: string;
  /** Offset of the first UTF-16 code unit in the input. */
  start: number;
  /** Offset just past the last UTF-16 code unit in the input. */
  end: number;
}

// Line breaks that end a paragraph. CR LF is two breaks with an empty
// paragraph between them, which costs nothing.
const PARAGRAPH_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/g;

// Whitespace around a sentence, plus the zero-width characters that scraped
// text leaves at line edges: a sentence of nothing but those is empty.
function isTrimmable(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Abbreviations that precede what they qualify and so never end a sentence:
// after them the text always goes on.
const NEVER_FINAL = ['Mr.', 'Mrs.', 'Ms.', 'Messrs.', 'Dr.', 'Prof.', 'Gen.', 'Col.', 'Lt.', 'Sgt.', 'Capt.', 'Maj.', 'Adm.', 'Cpl.', 'Rep.', 'Sen.', 'Gov.', 'Rev.', 'Hon.', 'vs.', 'e.g.', 'i.e.', 'cf.', 'approx.'];
// Abbreviations that can also be the last word of a sentence ("made in the
// U.S.", "at 10 a.m.", "Apple Inc."). After them the text goes on unless the
// next word is one that typically opens a sentence (see OPENERS). "No." is
// here because a quoted reply ("No. It is not.") is as common as "No. 5".
const MAYBE_FINAL = ['St.', 'Jr.', 'Sr.', 'No.', 'etc.', 'a.m.', 'p.m.', 'Inc.', 'Ltd.', 'Co.', 'Corp.', 'Bros.', 'Dept.', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

interface Abbreviation {
  neverFinal: boolean;
  // Title-case entries only count with a capital first letter, so that the
  // reply "he said no." still ends a sentence while "No. 10" does not.
  capital: boolean;
}

function entry(abbreviation: string, neverFinal: boolean): [string, Abbreviation] {
  const first = abbreviation.charAt(0);
  return [abbreviation.toLowerCase(), { neverFinal, capital: first !== first.toLowerCase() }];
}

// Keyed by lower case; `capital` restores the case rule.
const ABBREVIATIONS: ReadonlyMap<string, Abbreviation> = new Map([
  ...NEVER_FINAL.map((a) => entry(a, true)),
  ...MAYBE_FINAL.map((a) => entry(a, false)),
]);

// The longest abbreviation above is 7 characters; looking back further than
// this would only cost time.
const MAX_ABBREVIATION = 8;

// Words that open sentences in news far more often than they follow an
// abbreviation or an initial. "He came from the U.S. He left." splits; "the
// U.S. Army" does not. Lower case, compared after lower-casing the word.
const OPENERS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those there here it its he she they we i you his her their our my your ' +
    'and but or so yet nor then also still now however meanwhile moreover furthermore instead otherwise ' +
    'in on at by for from with without to of as after before during since until while when where if ' +
    'although though because despite under over about among between into through against ' +
    'what who whom whose which why how some many most all both each every other others such ' +
    'no not one two three last earlier later today yesterday tomorrow according'
  ).split(' '),
);

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
// Closing punctuation that belongs to the sentence before it. Straight quotes
// are ambiguous and only count when followed by a space or the end (checked in
// code).
const CLOSER = /[\p{Pe}\p{Pf}"'»›]/u;
// Dashes between a question and its attribution: "“Why?” – he asked."
const DASH = /\p{Pd}/u;
const TERMINATOR = /[.!?。！？‼⁇⁈⁉…]/u;

/**
 * Splits a text into sentences.
 *
 * A line break always ends a sentence. Within a line, `Intl.Segmenter` finds
 * candidate boundaries, then a boundary is dropped when it falls after a
 * common abbreviation or title ("Mr.", "U.S.", "a.m.", "e.g."), after an
 * initial ("George W. Bush"), or before a lower-case continuation ("“Is it?”
 * he asked."); closing quotes and brackets stay with the sentence they close.
 *
 * Never throws: any string, including empty, huge or with lone surrogates,
 * gives a (possibly empty) list.
 *
 * @param text - The whole text of a page or file.
 * @returns The sentences in order, non-overlapping and never empty; each
 *   `text` is `input.slice(start, end)` with no whitespace at either end.
 */
export function splitSentences(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  let paragraphStart = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m !== null; m = PARAGRAPH_BREAK.exec(text)) {
    splitParagraph(text, paragraphStart, m.index, out);
    paragraphStart = m.index + 1;
  }
  splitParagraph(text, paragraphStart, text.length, out);
  return out;
}

let segmenter: Intl.Segmenter | null | undefined;

// Created once and lazily: building a segmenter loads ICU data, and an
// environment without Intl.Segmenter must still be able to import this file.
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'sentence' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/** Appends the sentences of `text.slice(from, to)`, which has no line break. */
function splitParagraph(text: string, from: number, to: number, out: TextSpan[]): void {
  let first = from;
  while (first < to && isTrimmable(text.charCodeAt(first))) first++;
  if (first === to) return;
  const para = text.slice(from, to);
  let boundaries: number[];
  try {
    boundaries = icuBoundaries(para);
  } catch {
    // Never seen in practice, but a segmenter failure must not lose the page.
    boundaries = fallbackBoundaries(para);
  }

  let sentenceStart = 0;
  // Candidates inside a run of closers already moved past are skipped, so no
  // stretch of text is scanned twice.
  let scanned = 0;
  for (const candidate of boundaries) {
    if (candidate <= scanned) continue;
    const boundary = skipClosers(para, candidate);
    scanned = boundary;
    if (boundary >= para.length) break;
    if (keepTogether(para, sentenceStart, boundary)) continue;
    pushTrimmed(text, from + sentenceStart, from + boundary, out);
    sentenceStart = boundary;
  }
  pushTrimmed(text, from + sentenceStart, to, out);
}

// V8's segment iterator costs time proportional to the whole string at every
// step, so one long paragraph of many sentences would be quadratic (a minute
// for 600,000 characters). Long paragraphs are therefore segmented in windows
// of about this many characters; the cost per window is bounded and the total
// is linear.
const WINDOW = 1024;
const LETTER_ONLY = /\p{L}/u;

/** Offsets inside `para` where `Intl.Segmenter` starts a new sentence. */
function icuBoundaries(para: string): number[] {
  const seg = getSegmenter();
  if (seg === null) return fallbackBoundaries(para);
  const out: number[] = [];
  for (let start = 0; start < para.length; ) {
    const end = windowEnd(para, start + WINDOW);
    const piece = start === 0 && end === para.length ? para : para.slice(start, end);
    for (const s of seg.segment(piece)) if (s.index > 0) out.push(start + s.index);
    start = end;
  }
  return out;
}

// Where to end a window: between two letters of the same word. UAX #29 never
// breaks there, and every rule that decides a break nearby looks back only to
// the terminator and looks ahead only to the next letter, which the window
// then still holds; so the windows give the same boundaries as the whole
// paragraph would. Text with no letters for a long stretch is cut anyway
// (outside a surrogate pair): the cost of a wrong boundary there is small.
function windowEnd(para: string, from: number): number {
  if (from >= para.length) return para.length;
  const limit = Math.min(para.length, from + WINDOW / 2);
  for (let i = from; i < limit; i++) {
    if (isLetterAt(para, i - 1) && isLetterAt(para, i)) return i;
  }
  if (limit === para.length) return limit;
  const c = para.charCodeAt(from);
  return c >= 0xdc00 && c <= 0xdfff ? from + 1 : from;
}

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  // A lone half of a surrogate pair is not a letter on its own.
  return LETTER_ONLY.test(s[i] as string);
}

// For engines without Intl.Segmenter (or if it fails): a boundary after
// terminators, closing punctuation and whitespace. The repairs still apply.
function fallbackBoundaries(para: string): number[] {
  const out: number[] = [];
  const re = /[.!?。！？‼⁇⁈⁉]+[\p{Pe}\p{Pf}"']*(?:\s+|(?<=[。！？]))/gu;
  for (let m = re.exec(para); m !== null; m = re.exec(para)) {
    const end = m.index + m[0].length;
    if (end < para.length) out.push(end);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

// A closing quote or bracket at the start of the next segment closes the
// previous sentence (a stray space before it, or the French "fin. »"), so the
// boundary moves past it. It only counts as closing when followed by a space,
// a terminator or the end; otherwise it opens a quote ("”Next" in Swedish).
function skipClosers(para: string, boundary: number): number {
  let i = boundary;
  while (i < para.length && isTrimmable(para.charCodeAt(i))) i++;
  let j = i;
  while (j < para.length && CLOSER.test(para[j] as string)) j++;
  if (j === i) return boundary;
  if (j < para.length && !isTrimmable(para.charCodeAt(j)) && !TERMINATOR.test(para[j] as string)) return boundary;
  return j;
}

/** Whether the candidate boundary at `boundary` should be dropped. */
function keepTogether(para: string, sentenceStart: number, boundary: number): boolean {
  let prevEnd = boundary;
  while (prevEnd > sentenceStart && isTrimmable(para.charCodeAt(prevEnd - 1))) prevEnd--;
  let next = boundary;
  while (next < para.length && isTrimmable(para.charCodeAt(next))) next++;
  if (prevEnd === sentenceStart || next === para.length) return true;

  if (startsLowerCase(para, next)) return true;

  if (para.charCodeAt(prevEnd - 1) !== 0x2e) return false;
  const word = wordBeforePeriod(para, sentenceStart, prevEnd);
  if (word === null) return false;
  const abbreviation = ABBREVIATIONS.get(word.toLowerCase());
  if (abbreviation !== undefined && (!abbreviation.capital || UPPER.test(word[0] as string))) {
    return abbreviation.neverFinal || !opensSentence(para, next);
  }
  if (INITIALS.test(word)) return !opensSentence(para, next);
  return false;
}

// A sentence does not start in lower case, so a lower-case word after a
// boundary continues the sentence: "“Is it?” he asked." Dashes and spaces in
// between are skipped ("“Why?” – he asked."), within a few characters so the
// check stays bounded.
function startsLowerCase(para: string, at: number): boolean {
  const limit = Math.min(para.length, at + 4);
  let i = at;
  while (i < limit && (DASH.test(para[i] as string) || isTrimmable(para.charCodeAt(i)))) i++;
  if (i >= para.length) return false;
  const cp = para.codePointAt(i) as number;
  return LOWER.test(String.fromCodePoint(cp));
}

// The word ending with the period at `end - 1`, period included: "Mr.",
// "U.S.", "a.m.". Null when the word is longer than any abbreviation, so the
// look-back is bounded.
function wordBeforePeriod(para: string, sentenceStart: number, end: number): string | null {
  const limit = Math.max(sentenceStart, end - MAX_ABBREVIATION - 1);
  let i = end - 1;
  while (i > limit && (para[i - 1] === '.' || LETTER.test(para[i - 1] as string))) i--;
  if (i === limit && i > sentenceStart && (para[i - 1] === '.' || LETTER.test(para[i - 1] as string))) return null;
  while (i < end && para[i] === '.') i++;
  return i < end - 1 ? para.slice(i, end) : null;
}

// Whether the text at `at` looks like the start of a new sentence rather than
// the rest of a name or phrase after an abbreviation. Quotes and other
// punctuation open sentences; a capitalised word opens one only if it is a
// common sentence opener ("He", "The", "But") and not itself an initial
// ("J. A. Smith").
function opensSentence(para: string, at: number): boolean {
  const c = para[at] as string;
  if (c === '(' || c === '[') return false;
  if (!LETTER.test(c)) return !DIGIT.test(c);
  let end = at;
  while (end < para.length && end - at < 16 && LETTER.test(para[end] as string)) end++;
  if (end - at === 1 && para[end] === '.') return false;
  return OPENERS.has(para.slice(at, end).toLowerCase());
}

/** Pushes `text.slice(start, end)` without its edge whitespace, if anything is left. */
function pushTrimmed(text: string, start: number, end: number, out: TextSpan[]): void {
  while (start < end && isTrimmable(text.charCodeAt(start))) start++;
  while (end > start && isTrimmable(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
