import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitSentences, type TextSpan } from '../../../../src/core/text/sentences';
import { randomPieces } from '../../../helpers/random-text';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

// The guarantees every result must keep, whatever the input. Problems are
// collected rather than asserted one by one so that inputs with tens of
// thousands of spans stay cheap to check and a failure names the span.
function expectWellFormed(input: string, spans: TextSpan[]): void {
  const problems: string[] = [];
  let last = 0;
  spans.forEach((s, i) => {
    if (s.start < last) problems.push(`#${i} starts at ${s.start}, before the end of the previous span (${last})`);
    if (s.end <= s.start) problems.push(`#${i} is empty or reversed: ${s.start}..${s.end}`);
    if (s.end > input.length) problems.push(`#${i} ends at ${s.end}, past the input (${input.length})`);
    if (input.slice(s.start, s.end) !== s.text) problems.push(`#${i} text is not input.slice(${s.start}, ${s.end})`);
    if (s.text.trim() !== s.text) problems.push(`#${i} has whitespace at an edge: ${JSON.stringify(s.text)}`);
    last = s.end;
  });
  expect(problems).toEqual([]);
}

describe('splitSentences: paragraphs', () => {
  it.each([
    ['a line break ends a headline without a full stop', 'Japan becomes EU’s first partner\nThe EU and Japan signed.', ['Japan becomes EU’s first partner', 'The EU and Japan signed.']],
    ['a line break ends a sentence that ends in a comma', '“We agreed,” he added,\n“Specifically, we will.”', ['“We agreed,” he added,', '“Specifically, we will.”']],
    ['CR LF and blank lines', 'One\r\n\r\nTwo.\r\nThree', ['One', 'Two.', 'Three']],
    ['lone CR', 'One\rTwo', ['One', 'Two']],
    ['Unicode line and paragraph separators', 'One\u2028Two\u2029Three', ['One', 'Two', 'Three']],
    ['an abbreviation does not join across a line break', 'Made in the U.S.\nSmith left.', ['Made in the U.S.', 'Smith left.']],
    ['lower case on the next line does not join', 'It ended.\nnoting that', ['It ended.', 'noting that']],
    ['two sentences on one line', 'He left. She stayed.', ['He left.', 'She stayed.']],
  ])('%s', (_why, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });
});

describe('splitSentences: abbreviations and titles', () => {
  it.each([
    ['Mr.', 'Mr. Smith met Iwaya. He left.', ['Mr. Smith met Iwaya.', 'He left.']],
    ['Mrs. and Ms.', 'Mrs. Jones and Ms. Lee spoke. They agreed.', ['Mrs. Jones and Ms. Lee spoke.', 'They agreed.']],
    ['Dr. and Prof.', 'Dr. Watson met Prof. Moriarty. It rained.', ['Dr. Watson met Prof. Moriarty.', 'It rained.']],
    ['military ranks', 'Gen. Lee, Col. Sanders, Lt. Dan and Sgt. Pepper came. Nobody else.', ['Gen. Lee, Col. Sanders, Lt. Dan and Sgt. Pepper came.', 'Nobody else.']],
    ['Rep. Sen. Gov.', 'Rep. Doe, Sen. Roe and Gov. Poe voted. The bill passed.', ['Rep. Doe, Sen. Roe and Gov. Poe voted.', 'The bill passed.']],
    ['St. before a name', 'He flew to St. Petersburg. Then home.', ['He flew to St. Petersburg.', 'Then home.']],
    ['Jr. and Sr.', 'John Smith Jr. Thanked John Smith Sr. Warmly. He left.', ['John Smith Jr. Thanked John Smith Sr. Warmly.', 'He left.']],
    ['No. before a word', 'Resolution No. Twelve passed. Good.', ['Resolution No. Twelve passed.', 'Good.']],
    ['vs.', 'It was Japan vs. China in the final. Japan won.', ['It was Japan vs. China in the final.', 'Japan won.']],
    ['etc. before a name', 'Tokyo, Osaka etc. Were listed. Fine.', ['Tokyo, Osaka etc. Were listed.', 'Fine.']],
    ['e.g. and i.e.', 'Threats, e.g. Cyber attacks, grow. Partners, i.e. Japan, act.', ['Threats, e.g. Cyber attacks, grow.', 'Partners, i.e. Japan, act.']],
    ['approx.', 'It costs approx. USD 5 billion. Too much.', ['It costs approx. USD 5 billion.', 'Too much.']],
    ['a dateline with an abbreviated month and an agency', 'Tokyo, Nov. 1 (Jiji Press)--Japan and the EU met. They agreed.', ['Tokyo, Nov. 1 (Jiji Press)--Japan and the EU met.', 'They agreed.']],
    ['a dateline in capitals with a wire', 'SEOUL, Nov 4 (Reuters) - The EU and South Korea met. Cho spoke.', ['SEOUL, Nov 4 (Reuters) - The EU and South Korea met.', 'Cho spoke.']],
    ['No. before a figure', 'He is the No. 2 official of the E.U. mission. She is No. 1.', ['He is the No. 2 official of the E.U. mission.', 'She is No. 1.']],
    ['a caption’s (L) and (R)', 'Borrell (L) and Iwaya (R) shake hands in Tokyo on Nov. 1. They smiled.', ['Borrell (L) and Iwaya (R) shake hands in Tokyo on Nov. 1.', 'They smiled.']],
    ['a date with its year', 'It takes effect on Jan. 1, 2025, officials said. Good.', ['It takes effect on Jan. 1, 2025, officials said.', 'Good.']],
    ['months', 'On Jan. 5, Feb. 6, Aug. 7, Sept. 8, Oct. 9, Nov. 10 and Dec. 11 they met. Twice.', ['On Jan. 5, Feb. 6, Aug. 7, Sept. 8, Oct. 9, Nov. 10 and Dec. 11 they met.', 'Twice.']],
    ['month before a capitalised word', 'Since Sept. Japan has led. Well.', ['Since Sept. Japan has led.', 'Well.']],
    ['U.S. before a noun', 'The U.S. Navy and U.K. Forces joined. Good.', ['The U.S. Navy and U.K. Forces joined.', 'Good.']],
    ['U.N. and E.U.', 'The U.N. Security Council and E.U. Ministers met. Good.', ['The U.N. Security Council and E.U. Ministers met.', 'Good.']],
    ['a.m. and p.m.', 'From 9 a.m. Tokyo time to 5 p.m. Brussels time. Long.', ['From 9 a.m. Tokyo time to 5 p.m. Brussels time.', 'Long.']],
    ['company suffixes', 'Apple Inc. Reported, Acme Ltd. Said, Smith & Co. Agreed and Big Corp. Rose. Fine.', ['Apple Inc. Reported, Acme Ltd. Said, Smith & Co. Agreed and Big Corp. Rose.', 'Fine.']],
    ['all-caps title', 'MR. SMITH SPOKE. HE LEFT.', ['MR. SMITH SPOKE.', 'HE LEFT.']],
    ['sentence-final U.S. before a pronoun still splits', 'He came from the U.S. He went home.', ['He came from the U.S.', 'He went home.']],
    ['sentence-final a.m. before "The" still splits', 'It began at 10 a.m. The talks lasted long.', ['It began at 10 a.m.', 'The talks lasted long.']],
    ['sentence-final etc. before "And" still splits', 'Tokyo, Osaka etc. And more.', ['Tokyo, Osaka etc.', 'And more.']],
    ['sentence-final U.S. before a quote still splits', 'He came from the U.S. “Hello,” he said.', ['He came from the U.S.', '“Hello,” he said.']],
    ['a reply "No." ends a sentence', '“No. It is not,” she said.', ['“No.', 'It is not,” she said.']],
    ['lower-case "no." is the word, not the abbreviation', 'He said no. Smith left.', ['He said no.', 'Smith left.']],
    ['unknown words ending in a period still split', 'Talks went well. Iwaya agreed.', ['Talks went well.', 'Iwaya agreed.']],
  ])('%s', (_why, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });
});

describe('splitSentences: initials', () => {
  it.each([
    ['one initial', 'J. Borrell visited Tokyo. He met Iwaya.', ['J. Borrell visited Tokyo.', 'He met Iwaya.']],
    ['middle initial', 'George W. Bush was there. So was Laura.', ['George W. Bush was there.', 'So was Laura.']],
    ['several spaced initials', 'J. R. R. Tolkien wrote it. Fine.', ['J. R. R. Tolkien wrote it.', 'Fine.']],
    ['an initial that is also an opener word', 'J. A. Smith and J. I. Doe came. Fine.', ['J. A. Smith and J. I. Doe came.', 'Fine.']],
    ['initials inside a sentence', 'The report by E. Nakatani and T. Iwaya was read. Fine.', ['The report by E. Nakatani and T. Iwaya was read.', 'Fine.']],
    ['a capital letter ending a sentence before "The"', 'They chose plan B. The rest followed.', ['They chose plan B.', 'The rest followed.']],
  ])('%s', (_why, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });
});

describe('splitSentences: lower-case continuations', () => {
  it.each([
    ['after a full stop and a closing quote', '“It will enter into force on January 1, 2025,” Iwaya said. noting that Japan was the first.', ['“It will enter into force on January 1, 2025,” Iwaya said. noting that Japan was the first.']],
    ['after a full stop', 'The deal was signed. according to officials, it holds. Fine.', ['The deal was signed. according to officials, it holds.', 'Fine.']],
    ['question mark inside quotes', '“Is it?” he asked. “Yes,” she said.', ['“Is it?” he asked.', '“Yes,” she said.']],
    ['exclamation mark inside quotes', '“Never!” she replied. Then she left.', ['“Never!” she replied.', 'Then she left.']],
    ['question mark with straight quotes', '"Why now?" asked the minister. Nobody knew.', ['"Why now?" asked the minister.', 'Nobody knew.']],
    ['dash before the attribution', '“Why?” – he asked. Fine.', ['“Why?” – he asked.', 'Fine.']],
    ['capitalised attribution is a new sentence', '“Is it?” Iwaya asked.', ['“Is it?”', 'Iwaya asked.']],
    ['question then a new sentence', 'Is it over? The answer is no.', ['Is it over?', 'The answer is no.']],
  ])('%s', (_why, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });
});

describe('splitSentences: quotes, brackets and typography', () => {
  it.each([
    ['closing curly quote stays', 'He called it “a rules-based world order.” Japan agreed.', ['He called it “a rules-based world order.”', 'Japan agreed.']],
    ['closing straight quote stays', 'He said "the world is round." Then he left.', ['He said "the world is round."', 'Then he left.']],
    ['closing bracket stays', 'It passed (after a long debate.) Then it rained.', ['It passed (after a long debate.)', 'Then it rained.']],
    ['quote and bracket together', 'He said (“yes.”) Then he left.', ['He said (“yes.”)', 'Then he left.']],
    ['closing quote after a stray space', 'He said “we agree. ” Then he left.', ['He said “we agree. ”', 'Then he left.']],
    ['French closing guillemet after a no-break space', 'Il a dit « c’est fini.\u00A0» Puis il est parti.', ['Il a dit « c’est fini.\u00A0»', 'Puis il est parti.']],
    ['opening quote starts the next sentence', 'It was signed. “We agreed,” he said.', ['It was signed.', '“We agreed,” he said.']],
    ['quoted sentence followed by another quote', '“Relations are strong. We will work together,” Iwaya added.', ['“Relations are strong.', 'We will work together,” Iwaya added.']],
    ['no-break space after the full stop', 'It was signed.\u00A0Japan agreed.', ['It was signed.', 'Japan agreed.']],
    ['no-break spaces inside a sentence', 'On 1\u00A0November 2024 in Tokyo. Fine.', ['On 1\u00A0November 2024 in Tokyo.', 'Fine.']],
    ['thin and ideographic spaces', 'It was signed.\u2009Japan agreed.\u3000Good.', ['It was signed.', 'Japan agreed.', 'Good.']],
    ['en dash inside a sentence', 'The EU–Japan pact – a first – was signed. Fine.', ['The EU–Japan pact – a first – was signed.', 'Fine.']],
    ['ellipsis inside a sentence', 'He paused… then he spoke. Fine.', ['He paused… then he spoke.', 'Fine.']],
    ['ellipsis before a capital', 'He paused… Then he spoke.', ['He paused… Then he spoke.']],
    ['three dots before lower case', 'He paused... then he spoke. Fine.', ['He paused... then he spoke.', 'Fine.']],
    ['question and exclamation marks end sentences', 'Is it signed? Yes! It is.', ['Is it signed?', 'Yes!', 'It is.']],
  ])('%s', (_why, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });
});

describe('splitSentences: numbers and addresses', () => {
  it.each([
    ['decimal number', 'Trade grew by 2.5 billion euros. Fine.', ['Trade grew by 2.5 billion euros.', 'Fine.']],
    ['decimal at the start of a figure', 'It rose 0.5 percent. Fine.', ['It rose 0.5 percent.', 'Fine.']],
    ['time', 'The video starts at 06:30 sharp. Fine.', ['The video starts at 06:30 sharp.', 'Fine.']],
    ['dotted time', 'We met at 10.30 in Tokyo. Fine.', ['We met at 10.30 in Tokyo.', 'Fine.']],
    ['domain with a capital after the dot', 'Caliber.Az reports citing media. Fine.', ['Caliber.Az reports citing media.', 'Fine.']],
    ['URL with a path', 'See example.com/path for details. Fine.', ['See example.com/path for details.', 'Fine.']],
    ['full URL', 'Link: https://audiovisual.ec.europa.eu/en/video/I-263113 Fine.', ['Link: https://audiovisual.ec.europa.eu/en/video/I-263113 Fine.']],
    ['version-like numbers', 'Version 1.2.3 shipped. Fine.', ['Version 1.2.3 shipped.', 'Fine.']],
    ['number after No.', 'See No. 5 in the list. Fine.', ['See No. 5 in the list.', 'Fine.']],
  ])('%s', (_why, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });
});

describe('splitSentences: other scripts', () => {
  it.each([
    ['Japanese full stop ends sentences', '日本は好きです。東京に行きました。', ['日本は好きです。', '東京に行きました。']],
    ['Japanese question and exclamation marks', '本当ですか？はい！そうです。', ['本当ですか？', 'はい！', 'そうです。']],
    ['Chinese', '欧盟和日本签署了协议。这是第一次。', ['欧盟和日本签署了协议。', '这是第一次。']],
    ['Arabic with Arabic question mark', 'مرحبا بالعالم. كيف حالك؟ أنا بخير.', ['مرحبا بالعالم.', 'كيف حالك؟', 'أنا بخير.']],
    ['Hebrew', 'שלום עולם. מה שלומך?', ['שלום עולם.', 'מה שלומך?']],
    ['Greek', 'Η ΕΕ και η Ιαπωνία. Συμφώνησαν.', ['Η ΕΕ και η Ιαπωνία.', 'Συμφώνησαν.']],
  ])('%s', (_why, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });
});

describe('splitSentences: robustness', () => {
  it.each([
    ['empty input', ''],
    ['only spaces', '   '],
    ['only mixed whitespace', ' \t\n\r\n\u00A0\u2009\u202F\u3000\u2028\u2029\v\f'],
    ['only zero-width characters', '\u200B\uFEFF\u2060'],
    ['only punctuation', '. . . ? ! ” “ ) ( …'],
    ['lone high surrogate', '\uD800'],
    ['lone low surrogate', '\uDC00'],
    ['lone surrogates between sentences', 'First.\uD800 Second. \uDC00Third.\uD83D'],
    ['emoji', 'Signed 😀. Great 🇪🇺🇯🇵! Yes.'],
    ['combining marks alone', '\u0301\u0301. \u0301'],
    ['control characters', '\u0000\u0001 a. \u0007 b.'],
    ['100,000 characters without punctuation', 'word '.repeat(20000)],
    ['100,000 characters without spaces', 'x'.repeat(100000)],
    ['100,000 full stops', '.'.repeat(100000)],
    ['100,000 line breaks', '\n'.repeat(100000)],
    ['many abbreviations in a row', 'Mr. '.repeat(20000)],
    ['many initials in a row', 'A. '.repeat(20000)],
    ['many closing quotes', 'a. ” '.repeat(20000)],
    ['many numbered points', '1. '.repeat(20000)],
    ['RTL text with bidi marks', '\u200Fמרחבא.\u200E Hello. \u202Bשלום\u202C.'],
    ['CJK without punctuation', '日本'.repeat(50000)],
  ])('never throws and stays well-formed: %s', (_why, input) => {
    const spans = splitSentences(input);
    expectWellFormed(input, spans);
  });

  it.each([
    ['empty input', ''],
    ['only whitespace', ' \n\t\u00A0\u3000 '],
    ['only zero-width characters', '\u200B\uFEFF'],
  ])('gives no sentence for %s', (_why, input) => {
    expect(splitSentences(input)).toEqual([]);
  });

  it('keeps a 100,000-character sentence whole', () => {
    const input = 'word '.repeat(20000);
    expect(splitSentences(input)).toEqual([{ text: input.trim(), start: 0, end: input.length - 1 }]);
  });

  it('tolerates a non-string at run time', () => {
    expect(splitSentences(undefined as unknown as string)).toEqual([]);
  });
});

describe('splitSentences: offsets', () => {
  it('reports offsets into the whole input, not the paragraph', () => {
    const input = '  Title\n\n  First one.\u00A0 Second “one.”  \nLast';
    expect(splitSentences(input)).toEqual([
      { text: 'Title', start: 2, end: 7 },
      { text: 'First one.', start: 11, end: 21 },
      { text: 'Second “one.”', start: 23, end: 36 },
      { text: 'Last', start: 39, end: 43 },
    ]);
  });

  it.each([
    ['tricky news text', '“It will,” Iwaya said. noting it. The U.S. Navy met Mr. J. Smith at 10 a.m. on Jan. 5.\n\n“Is it?” he asked.\u00A0Yes!'],
    ['closers and spaces', ' ” a. ” b. »\u00A0c. ) d. " e. \' f.'],
    ['random 1', randomText(1, 3000)],
    ['random 2', randomText(2, 3000)],
    ['random 3', randomText(3, 3000)],
    ['random 4', randomText(4, 3000)],
    ['random long paragraphs', randomText(5, 30000, false)],
  ])('slices, order and bounds hold: %s', (_why, input) => {
    expectWellFormed(input, splitSentences(input));
  });

  it('covers every non-space character exactly once', () => {
    const input = randomText(6, 5000);
    const covered = new Array<boolean>(input.length).fill(false);
    for (const s of splitSentences(input)) for (let i = s.start; i < s.end; i++) covered[i] = true;
    for (let i = 0; i < input.length; i++) {
      if (!covered[i]) expect(/[\s\u200B-\u200D\u2060\uFEFF]/.test(input[i] as string)).toBe(true);
    }
  });
});

describe('splitSentences: long paragraphs', () => {
  // Long paragraphs are segmented in windows; the result must not depend on
  // where the windows fall.
  it('splits one long paragraph like the same sentences on separate lines', () => {
    const parts = [
      'The European Union and Japan signed an agreement.',
      '“It will enter into force on January 1, 2025,” Iwaya said. noting that Japan was the first.',
      'Mr. J. Smith of the U.S. Navy met Gen. Lee at 10 a.m. on Sept. 5.',
      '“Is it?” he asked.',
      'Trade grew by 2.5 billion euros, Caliber.Az reports.',
      'He called it “a rules-based world order.”',
      '日本は好きです。',
      'Is it signed?',
    ];
    const list: string[] = [];
    for (let i = 0; i < 3000; i++) list.push(parts[(i * 7) % parts.length] as string);
    const paragraph = list.join(' ');
    expect(paragraph.length).toBeGreaterThan(100000);
    expect(sentences(paragraph)).toEqual(list);
    expect(sentences(list.join('\n'))).toEqual(list);
  });
});

describe('splitSentences: gold sentences of the seed articles', () => {
  const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
  const gold = readFileSync(`${fixtures}seed-gold.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { file: string; sentence: string });

  it.each(['000', '002', '003', '004'])('article %s gives exactly its gold sentences, in order', (prefix) => {
    const file = gold.find((g) => g.file.startsWith(`${prefix}_`))?.file;
    expect(file).toBeDefined();
    const text = readFileSync(`${fixtures}seeds/${file}`, 'utf8');
    const spans = splitSentences(text);
    expectWellFormed(text, spans);
    expect(spans.map((s) => s.text)).toEqual(gold.filter((g) => g.file === file).map((g) => g.sentence));
  });
});

describe('splitSentences without Intl.Segmenter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('falls back to its own boundaries and keeps the repairs', async () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    vi.resetModules();
    const { splitSentences: split } = await import('../../../../src/core/text/sentences');
    const input = 'Mr. Smith met Iwaya. “Is it?” he asked.\nJapan agreed! It is done. 日本です。東京です。';
    const spans = split(input);
    expectWellFormed(input, spans);
    expect(spans.map((s) => s.text)).toEqual(['Mr. Smith met Iwaya.', '“Is it?” he asked.', 'Japan agreed!', 'It is done.', '日本です。', '東京です。']);
  });
});

// Deterministic pseudo-random text from pieces that stress the splitter.
function randomText(seed: number, pieces: number, lineBreaks = true): string {
  const parts = [
    'Word', 'word', 'the', 'Mr.', 'U.S.', 'a.m.', 'J.', 'etc.', 'He', '. ', '? ', '! ', '… ', '.', ' ', ' ', ' ',
    '\u00A0', '\u2009', '“', '”', '"', "'", '(', ')', '»', '–', '2.5', '06:30', 'Caliber.Az', '日本', '。', '😀',
    '\uD800', '\uDC00', '\u200B', '\u0301', 'مرحبا', '؟',
  ];
  if (lineBreaks) parts.push('\n', '\r\n');
  return randomPieces(seed, pieces, parts);
}
