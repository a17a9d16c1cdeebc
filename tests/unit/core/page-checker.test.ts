import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker, defaultChecker, STRICTNESS_LEVELS, type Checker } from '../../../src/core';
import { PageChecker, type DecidedSentence } from '../../../src/core/page-checker';
import type { SentenceReport } from '../../../src/core';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');
const TEXTS: [string, string][] = [
  ...readdirSync(new URL('seeds/', fixtures)).map((f): [string, string] => [`seed ${f}`, read(`seeds/${f}`)]),
  ...readdirSync(new URL('nearby/', fixtures)).map((f): [string, string] => [`nearby ${f}`, read(`nearby/${f}`)]),
  ['a text about something else', 'The weather in Oslo was mild.\nTrains ran on time.'],
];

/** Every line (paragraph) queued on its own, at its offset in the whole text, the way a page's added content arrives. */
function addByLines(checker: PageChecker, text: string): void {
  let offset = 0;
  for (const line of text.split('\n')) {
    checker.add(line, offset);
    offset += line.length + 1;
  }
}

/** The sentences told by `drainChanges` with a verdict at the strictness numbered `level`, as the report lists them, in page order. */
function decidedAt(told: readonly DecidedSentence[], level: number): SentenceReport[] {
  return told
    .filter((s) => s.decisions[level]!.verdict !== null)
    .map((s) => ({ text: s.text, start: s.start, end: s.end, ...s.decisions[level]! }))
    .sort((a, b) => a.start - b.start);
}

/** Everything `drainChanges` tells of `page` from now on: what a copy of the findings elsewhere would hold. */
function drained(page: PageChecker): DecidedSentence[] {
  return page.drainChanges().decided;
}

describe('PageChecker gives exactly what check() gives on the whole text', () => {
  const rows = TEXTS.flatMap(([name, text]) => STRICTNESS_LEVELS.map((level): [string, string, string, typeof level] => [`${name} at ${level}`, name, text, level]));

  it.each(rows)('%s, one sentence per slice', (_row, name, text, strictness) => {
    const checker = new PageChecker(undefined, strictness);
    checker.add(text);
    while (checker.step(() => true));
    expect(checker.report(name)).toEqual(defaultChecker().check(text, { strictness, file: name }));
  });

  it.each(rows)('%s, queued paragraph by paragraph', (_row, name, text, strictness) => {
    const checker = new PageChecker(undefined, strictness);
    addByLines(checker, text);
    checker.step();
    expect(checker.report(name)).toEqual(defaultChecker().check(text, { strictness, file: name }));
  });
});

describe('PageChecker', () => {
  const seed = read('seeds/002_e7a668e7c20fc301.txt');

  it.each(TEXTS)('drainChanges on %s tells, once, every sentence with a verdict at some strictness, with its decision at each', (_name, text) => {
    const checker = new PageChecker();
    addByLines(checker, text);
    const told: DecidedSentence[] = [];
    while (checker.step(() => true)) told.push(...checker.drainChanges().decided);
    told.push(...checker.drainChanges().decided);
    expect(new Set(told.map((s) => s.id)).size).toBe(told.length);
    expect(checker.drainChanges()).toEqual({ decided: [], removed: [] });
    for (const [i, level] of STRICTNESS_LEVELS.entries()) {
      const expected = defaultChecker().check(text, { strictness: level }).sentences.filter((s) => s.verdict !== null);
      expect(decidedAt(told, i)).toEqual(expected);
    }
  });

  it('changing strictness redecides without reading again, as if checked at the new level', () => {
    const checker = new PageChecker(undefined, 'lenient');
    checker.add(seed);
    checker.step();
    for (const level of ['strict', 'balanced', 'lenient'] as const) {
      checker.strictness = level;
      expect(checker.report('x')).toEqual(defaultChecker().check(seed, { strictness: level, file: 'x' }));
    }
  });

  it('reports only what has been assessed while a scan is under way', () => {
    const checker = new PageChecker();
    checker.add(seed);
    // The first step splits the first paragraph (the headline); the next assesses it.
    checker.step(() => true);
    expect(checker.report('x').sentences).toHaveLength(0);
    checker.step(() => true);
    expect(checker.report('x').sentences).toHaveLength(1);
    expect(checker.finished).toBe(false);
  });

  it('text added later continues the page: earlier sentences are not assessed again and keep their verdicts', () => {
    const lines = seed.split('\n');
    const first = lines.slice(0, 3).join('\n');
    const checker = new PageChecker();
    checker.add(first);
    checker.step();
    const before = checker.report('x').sentences;
    checker.add(lines.slice(3).join('\n'), first.length + 1);
    expect(checker.finished).toBe(false);
    checker.step();
    const after = checker.report('x').sentences;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toEqual(defaultChecker().check(seed, { file: 'x' }).sentences);
  });

  it('text may not be added before what is already queued', () => {
    const checker = new PageChecker();
    checker.add('Borrell met Iwaya in Tokyo.');
    expect(() => checker.add('Earlier text.', 3)).toThrow(RangeError);
  });

  it('drainChanges tells the ids of told sentences the page removed, and none of those it never told', () => {
    const checker = new PageChecker();
    checker.add(seed);
    checker.step();
    const told = checker.drainChanges().decided;
    expect(told.length).toBeGreaterThan(2);
    const plain = checker.report('x').sentences.find((s) => s.verdict === null && !told.some((t) => t.start === s.start))!;
    checker.remove((s) => s.start === told[0]!.start || s.start === plain.start);
    expect(checker.drainChanges()).toEqual({ decided: [], removed: [told[0]!.id] });
  });

  it('removed sentences leave the report and its summary', () => {
    const checker = new PageChecker();
    checker.add(seed);
    checker.step();
    const flagged = checker.report('x').sentences.filter((s) => s.verdict === 'conflict');
    expect(flagged.length).toBeGreaterThan(0);
    checker.remove((s) => s.start === flagged[0]!.start);
    const report = checker.report('x');
    expect(report.sentences.some((s) => s.start === flagged[0]!.start)).toBe(false);
    expect(report.summary.conflict).toBe(flagged.length - 1);
  });
});

describe('paragraphs the gate lets pass whole', { timeout: 60_000 }, () => {
  const UNRELATED = ['Heavy rain flooded several streets in Lisbon on Saturday.', 'The museum reopens in spring, the city said.', 'Ticket prices rose by 3% in March.'];

  /** A checker that counts the sentences its page readings are asked to read, and those whose judgement (findings) was asked for. */
  function countingChecker(): { checker: Checker; reads: string[]; judged: Set<string> } {
    const inner = createChecker();
    const reads: string[] = [];
    const judged = new Set<string>();
    const checker: Checker = {
      ...inner,
      check: inner.check,
      decide: inner.decide,
      startPage() {
        const reading = inner.startPage();
        return {
          read: (sentence) => {
            reads.push(sentence);
            const a = reading.read(sentence);
            if (!a) return a;
            // Every field read through, noting when the judgement (findings) is asked for.
            return new Proxy(a, {
              get(target, key) {
                if (key === 'findings') judged.add(sentence);
                return Reflect.get(target, key, target);
              },
            });
          },
          wouldPassUnread: (text) => reading.wouldPassUnread(text),
          get topical() {
            return reading.topical;
          },
          get listening() {
            return reading.listening;
          },
        };
      },
    };
    return { checker, reads, judged };
  }

  it('are not split nor read, yet the report lists their sentences and findings() has none', () => {
    const text = [UNRELATED.join(' '), 'EU High Representative Josep Borrell visited Tokyo on 1 November 2024.', UNRELATED[0]!].join('\n');
    const { checker, reads } = countingChecker();
    const page = new PageChecker(checker);
    page.add(text);
    page.step();
    // Only the paragraph with a name of the reference is read, and the one after it, which "he" or "it" could continue.
    expect(reads).toEqual(['EU High Representative Josep Borrell visited Tokyo on 1 November 2024.', UNRELATED[0]]);
    expect(page.report('x')).toEqual(defaultChecker().check(text, { file: 'x' }));
    expect(decidedAt(drained(page), STRICTNESS_LEVELS.indexOf('balanced'))).toEqual(page.report('x').sentences.filter((s) => s.verdict !== null));
  });

  it('on a page about the subject, each sentence read is judged while stepping (in slices), not when a report is made', () => {
    const text = `${UNRELATED.join(' ')} The minister said a deal was near.\nEU High Representative Josep Borrell visited Tokyo on 1 November 2024.`;
    const { checker, reads, judged } = countingChecker();
    const page = new PageChecker(checker);
    page.add(text);
    let steps = 0;
    while (page.step(() => true)) steps += 1;
    // The sentence with "minister" was read before the page was known to be about the subject: it is judged afterwards, still in a step.
    expect(reads).toEqual(['Heavy rain flooded several streets in Lisbon on Saturday.', 'The museum reopens in spring, the city said.', 'Ticket prices rose by 3% in March.', 'The minister said a deal was near.', 'EU High Representative Josep Borrell visited Tokyo on 1 November 2024.']);
    expect([...judged].sort()).toEqual(['EU High Representative Josep Borrell visited Tokyo on 1 November 2024.', 'The minister said a deal was near.']);
    expect(steps).toBeGreaterThan(reads.length);
    expect(page.report('x')).toEqual(defaultChecker().check(text, { file: 'x' }));
  });

  it('a page about something else reads nothing and reports every sentence, without a verdict', () => {
    const text = [UNRELATED.join(' '), UNRELATED.slice(1).join(' ')].join('\n');
    const { checker, reads } = countingChecker();
    const page = new PageChecker(checker);
    page.add(text);
    page.step();
    expect(reads).toEqual([]);
    expect(page.finished).toBe(true);
    expect(drained(page)).toEqual([]);
    expect(page.report('x')).toEqual(defaultChecker().check(text, { file: 'x' }));
  });

  it('their sentences can be removed, and text added later with `once` finds them', () => {
    const text = `${UNRELATED.join(' ')}\nJosep Borrell and Takeshi Iwaya met in Tokyo.`;
    const page = new PageChecker();
    page.add(text);
    page.step();
    const second = page.report('x').sentences[1]!;
    expect(second.text).toBe(UNRELATED[1]);
    expect(page.remove((s) => s.start === second.start)).toBe(1);
    expect(page.report('x').sentences.map((s) => s.text)).not.toContain(UNRELATED[1]);
    // The page shows it again further down: the same sentence takes its entry back, not a second one.
    page.add(`${UNRELATED[0]} ${UNRELATED[1]}`, text.length + 1, { once: true });
    page.step();
    const texts = page.report('x').sentences.map((s) => s.text);
    expect(texts.filter((t) => t === UNRELATED[1])).toHaveLength(1);
    expect(texts.filter((t) => t === UNRELATED[0])).toHaveLength(1);
  });

  it('give what check() gives on any mix of paragraphs, at any strictness', () => {
    const seedLines = TEXTS.flatMap(([, text]) => text.split('\n')).filter((l) => l.trim() !== '');
    const line = fc.oneof(fc.constantFrom(...seedLines), fc.array(fc.constantFrom(...UNRELATED, 'He said it would.', 'They agreed.'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')), fc.constant(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom(...STRICTNESS_LEVELS), (lines, strictness) => {
        const text = lines.join('\n');
        const page = new PageChecker(undefined, strictness);
        addByLines(page, text);
        page.step();
        const expected = defaultChecker().check(text, { strictness, file: 'x' });
        expect(page.report('x')).toEqual(expected);
        expect(decidedAt(drained(page), STRICTNESS_LEVELS.indexOf(strictness))).toEqual(expected.sentences.filter((s) => s.verdict !== null));
      }),
      { seed: 20241101, numRuns: 150 },
    );
  });
});
