import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatch, normalizeWhitespace, tokenize } from '../../../../src/core/text/normalize';
import { randomPieces } from '../../../helpers/random-text';

describe('normalizeWhitespace', () => {
  it.each([
    ['no-break space (the reference text uses it)', '1\u00A0November 2024', '1 November 2024'],
    ['thin space U+2009', 'EU\u2009Japan', 'EU Japan'],
    ['narrow no-break space U+202F', '100\u202F000', '100 000'],
    ['ideographic space U+3000', '日本\u3000東京', '日本 東京'],
    ['tabs and newlines', 'a\tb\nc\r\nd', 'a b c d'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    ['NEL from legacy encodings', 'a\u0085b', 'a b'],
    ['em and en quads and spaces', 'a\u2000\u2001\u2002\u2003\u200Ab', 'a b'],
    ['runs collapse to one space', 'a  \u00A0 \t b', 'a b'],
    ['trimmed at both ends', ' \u00A0 text \n', 'text'],
    ['only whitespace gives empty', ' \u00A0\t\n\u3000', ''],
    ['empty stays empty', '', ''],
    ['zero-width space is not a space', 'a\u200Bb', 'a\u200Bb'],
    ['words untouched', 'Josep Borrell', 'Josep Borrell'],
  ])('%s', (_why, input, expected) => {
    expect(normalizeWhitespace(input)).toBe(expected);
  });
});

describe('foldForMatch', () => {
  it.each([
    ['lower case', 'EU-Japan Strategic Dialogue', 'eu-japan strategic dialogue'],
    ['curly apostrophe', 'Japan’s', "japan's"],
    ['left single quote and low-9 quote', '‘yes‚ ‛no', "'yes' 'no"],
    ['prime as apostrophe', 'Japan′s', "japan's"],
    ['modifier-letter apostrophe and acute accent typed for apostrophes', 'Japanʼs Japan´s', "japan's japan's"],
    ['curly double quotes', '“very timely”', '"very timely"'],
    ['low-9 double quote', '„Zitat“', '"zitat"'],
    ['guillemets', '« fin »', '" fin "'],
    ['double prime (NFKC would make it two primes)', '12″', '12"'],
    ['en dash', 'EU–Japan', 'eu-japan'],
    ['em dash', 'a—b', 'a-b'],
    ['hyphen U+2010 and non-breaking hyphen U+2011', 'Indo‐Pacific Indo‑Pacific', 'indo-pacific indo-pacific'],
    ['figure dash and horizontal bar', '1‒2 a―b', '1-2 a-b'],
    ['minus sign', '−5', '-5'],
    ['small and fullwidth hyphen-minus', 'a﹣b c－d', 'a-b c-d'],
    ['acute accent removed', 'Josép', 'josep'],
    ['several diacritics', 'Ishiba Shigéru Ñandú Zürich Føroyar Łódź', 'ishiba shigeru nandu zurich foroyar lodz'],
    ['decomposed input (NFD) folds the same', 'Jose\u0301p', 'josep'],
    ['dotted capital I', 'İstanbul', 'istanbul'],
    ['NFKC: fullwidth letters and digits', 'ＥＵ１２', 'eu12'],
    ['NFKC: ligature', 'ﬁrst', 'first'],
    ['soft hyphen removed', 'secu\u00ADrity', 'security'],
    ['zero-width space, non-joiner, joiner removed', 'a\u200Bb\u200Cc\u200Dd', 'abcd'],
    ['word joiner and BOM removed', '\uFEFFa\u2060b', 'ab'],
    ['bidi marks removed', '\u200EBorrell\u200F', 'borrell'],
    ['whitespace normalised', '  EU\u00A0and\u2009Japan\n', 'eu and japan'],
    ['Japanese voiced kana keep their mark', 'がぎ', 'がぎ'],
    ['Korean syllables survive NFD', '한국', '한국'],
    ['Arabic letters untouched', 'اليابان', 'اليابان'],
    ['empty', '', ''],
  ])('%s', (_why, input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const s of ['Josép “EU–Japan”’s', 'secu\u00ADrity\u00A0ﬁrst', '12″ İ Ł']) {
      expect(foldForMatch(foldForMatch(s))).toBe(foldForMatch(s));
    }
  });
});

function texts(s: string): string[] {
  return tokenize(s).map((t) => t.text);
}

describe('tokenize', () => {
  it.each([
    ['plain words', 'The EU and Japan', ['The', 'EU', 'and', 'Japan']],
    ['punctuation is not a token', '“Yes!” — he said, (quietly).', ['Yes', 'he', 'said', 'quietly']],
    ['internal curly apostrophe', 'Japan’s partner', ['Japan’s', 'partner']],
    ['internal straight apostrophe', "China's rise", ["China's", 'rise']],
    ['several apostrophes', 'rock’n’roll', ['rock’n’roll']],
    ['leading and trailing apostrophes are not part of the word', '’90s students’ ‘quote’', ['90s', 'students', 'quote']],
    ['hyphenated compound', 'Indo-Pacific', ['Indo-Pacific']],
    ['en dash compound', 'EU–Japan', ['EU–Japan']],
    ['non-breaking hyphen compound', 'Asia‑Pacific', ['Asia‑Pacific']],
    ['several hyphens', 'rules-based well-known non-proliferation', ['rules-based', 'well-known', 'non-proliferation']],
    ['em dash separates words', 'security—and defence', ['security', 'and', 'defence']],
    ['double hyphen separates words', 'a--b', ['a', 'b']],
    ['spaced dash is punctuation', 'Source – EEAS', ['Source', 'EEAS']],
    ['abbreviation keeps its periods', 'the U.S. mainland', ['the', 'U.S.', 'mainland']],
    ['lower-case abbreviations', 'e.g. at 10 a.m. i.e. now', ['e.g.', 'at', '10', 'a.m.', 'i.e.', 'now']],
    ['sentence period after a word is not kept', 'It ended. Then', ['It', 'ended', 'Then']],
    ['title period is not kept', 'Mr. Iwaya', ['Mr', 'Iwaya']],
    ['thousands separator', '1,000 soldiers', ['1,000', 'soldiers']],
    ['decimal', '2.5 billion', ['2.5', 'billion']],
    ['time', 'starting at 06:30', ['starting', 'at', '06:30']],
    ['date with comma and space is two numbers', 'January 1, 2025', ['January', '1', '2025']],
    ['comma between words splits', 'Tokyo,Japan', ['Tokyo', 'Japan']],
    ['colon between words splits', 'Note:this', ['Note', 'this']],
    ['domain', 'Caliber.Az reports', ['Caliber.Az', 'reports']],
    ['URL path splits at slash', 'example.com/path', ['example.com', 'path']],
    ['soft hyphen inside a word', 'secu\u00ADrity', ['secu\u00ADrity']],
    ['combining mark inside a word', 'Jose\u0301p', ['Jose\u0301p']],
    ['CJK run', '日本と欧州', ['日本と欧州']],
    ['astral letters', '𝐀𝐁 ok', ['𝐀𝐁', 'ok']],
    ['lone surrogates are not letters', '\uD800abc\uDC00', ['abc']],
    ['empty', '', []],
  ])('%s', (_why, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it.each([
    ['curly apostrophe becomes straight', 'Japan’s', "japan's"],
    ['en dash compound', 'EU–Japan', 'eu-japan'],
    ['hyphen compound', 'Indo-Pacific', 'indo-pacific'],
    ['abbreviation', 'U.S.', 'u.s.'],
    ['diacritics', 'Josép', 'josep'],
    ['soft hyphen dropped', 'secu\u00ADrity', 'security'],
    ['number', '1,000', '1,000'],
    ['fullwidth', 'ＥＵ', 'eu'],
  ])('norm: %s', (_why, input, expected) => {
    const [token] = tokenize(input);
    expect(token?.norm).toBe(expected);
    expect(token?.norm).toBe(foldForMatch(input));
  });

  it('gives offsets into the input', () => {
    const s = '  “EU–Japan’s” U.S. 1,000\u00A0Josép.';
    expect(tokenize(s)).toEqual([
      { text: 'EU–Japan’s', norm: "eu-japan's", start: 3, end: 13 },
      { text: 'U.S.', norm: 'u.s.', start: 15, end: 19 },
      { text: '1,000', norm: '1,000', start: 20, end: 25 },
      { text: 'Josép', norm: 'josep', start: 26, end: 31 },
    ]);
  });

  it.each([
    ['news sentence', '“It will enter into force on January 1, 2025,” Iwaya said. noting that Japan was the first.'],
    ['mixed scripts', 'EU 日本 اليابان Ελλάδα 𝐀𝐁 😀 \uD800 x'],
    ['connectors at the edges', "-a- 'b' .c. ,1, :2: --- ... ,,,"],
    ['random', randomText(1, 2000)],
    ['random again', randomText(2, 2000)],
  ])('offsets and norms are consistent: %s', (_why, s) => {
    let last = 0;
    for (const t of tokenize(s)) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(t.end).toBeGreaterThan(t.start);
      expect(s.slice(t.start, t.end)).toBe(t.text);
      expect(t.norm).toBe(foldForMatch(t.text));
      last = t.end;
    }
  });
});

// Deterministic pseudo-random text from pieces that stress the tokenizer.
function randomText(seed: number, pieces: number): string {
  const parts = ['word', 'U.S.', 'e.g.', '’', "'", '-', '–', '—', '.', ',', ':', '1', '2.5', ' ', '\u00A0', '\u00AD', '\u200B', 'é', 'e\u0301', '日本', '😀', '\uD800', '\uDC00', '“', '”', '\n'];
  return randomPieces(seed, pieces, parts);
}

describe('tokenize on ASCII text (scanned without the Unicode regex)', () => {
  // Text with one non-ASCII character anywhere goes through the regex; a
  // trailing " é" is its own word and cannot change the words before it, so
  // it gives the regex's reading of the ASCII text to compare with.
  const viaRegex = (s: string) => tokenize(`${s} \u00e9`).slice(0, -1);
  const pieces = ['a', 'B', 'z', '9', '0', '.', '-', "'", ',', ':', ' ', '`', '\t', '\n', 'U.S.', 'e.g.', '2,000', '06:30', 'a.m.', 'EU-Japan', "Japan's", '--', '..', '!', '"', '(', ')', '/', '_'];
  const asciiText = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));
  const params = { seed: 20241101, numRuns: 5000 };

  it('gives exactly the words, offsets and folded forms the regex gives', () => {
    fc.assert(fc.property(asciiText, (s) => {
      expect(tokenize(s)).toEqual(viaRegex(s));
    }), params);
  });

  it('agrees with the regex on any printable ASCII', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }), (s) => {
      expect(tokenize(s)).toEqual(viaRegex(s));
    }), params);
  });

  it('reads digit separators, dotted abbreviations and connectors as words', () => {
    expect(tokenize('On 06:30, 2,000 U.S. troops: EU-Japan\'s e.g. 1,2,x').map((t) => t.text)).toEqual(['On', '06:30', '2,000', 'U.S.', 'troops', "EU-Japan's", 'e.g.', '1,2', 'x']);
  });
});
