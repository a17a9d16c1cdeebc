/**
 * The engine judges a sentence (its support in the reference, the rules'
 * findings) only when a verdict is wanted, which is never on a page about
 * something else: there, sentences that a common word ("minister",
 * "agreement") lets through the gate cost only the reading of their facts,
 * and neither the claims' vocabulary nor fuse.js's index is ever built.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const counts = vi.hoisted(() => ({ fuseIndexes: 0, supportMeasured: 0, vocabularies: 0 }));

vi.mock('fuse.js', async (importOriginal) => {
  const Fuse = ((await importOriginal()) as { default: new (...args: unknown[]) => object }).default;
  class CountedFuse extends Fuse {
    constructor(...args: unknown[]) {
      super(...args);
      counts.fuseIndexes += 1;
    }
  }
  return { default: CountedFuse };
});

vi.mock('../../../src/core/support', async (importOriginal) => {
  const original = (await importOriginal()) as typeof import('../../../src/core/support');
  return {
    ...original,
    measureSupport: (...args: Parameters<typeof original.measureSupport>) => {
      counts.supportMeasured += 1;
      return original.measureSupport(...args);
    },
  };
});

vi.mock('../../../src/core/vocabulary', async (importOriginal) => {
  const original = (await importOriginal()) as typeof import('../../../src/core/vocabulary');
  return {
    ...original,
    compileVocabulary: (...args: Parameters<typeof original.compileVocabulary>) => {
      counts.vocabularies += 1;
      return original.compileVocabulary(...args);
    },
  };
});

const { createChecker } = await import('../../../src/core');
const { topicalSentences, unrelatedSentences } = await import('../../bench/corpus');

const ELSEWHERE = [
  'The finance minister said the trade agreement with Canada would be signed in spring.',
  'Union leaders called the pay deal a fair one.',
  'The chief executive told reporters the merger was on track.',
].join(' ');

beforeEach(() => {
  counts.fuseIndexes = 0;
  counts.supportMeasured = 0;
  counts.vocabularies = 0;
});

describe('judging a sentence on demand', () => {
  it('a page about something else: sentences pass the gate, but none is judged and the fuzzy index is never built', () => {
    const checker = createChecker();
    const reading = checker.startPage();
    const read = ELSEWHERE.split(/(?<=\.) /).map((s) => reading.read(s));
    expect(read.filter((a) => a !== undefined).length).toBeGreaterThan(0);
    const report = checker.check(ELSEWHERE);
    expect(report.topical).toBe(false);
    expect(report.sentences.every((s) => s.verdict === null)).toBe(true);
    expect(counts.supportMeasured).toBe(0);
    expect(counts.fuseIndexes).toBe(0);
    expect(counts.vocabularies).toBe(0);
  });

  it('a long page of ordinary news: many sentences pass the gate, the claims\' vocabulary is never compiled', () => {
    const checker = createChecker();
    const reading = checker.startPage();
    const read = unrelatedSentences(600, 3).map((s) => reading.read(s));
    expect(read.filter((a) => a !== undefined).length).toBeGreaterThan(10);
    expect(reading.topical).toBe(false);
    expect(counts.vocabularies).toBe(0);
    expect(counts.supportMeasured).toBe(0);
  });

  it('a page about the subject: each sentence read is judged once, however often it is decided', () => {
    const checker = createChecker();
    const text = `${ELSEWHERE} Josep Borrell and Takeshi Iwaya announced the Security and Defence Partnership in Tokyo on 1 November 2024.`;
    const reading = checker.startPage();
    const assessments = text
      .split(/(?<=\.) /)
      .map((s) => reading.read(s))
      .filter((a) => a !== undefined);
    // The three sentences about something else pass the gate on a common word, the last on its names.
    expect(assessments).toHaveLength(4);
    expect(reading.topical).toBe(true);
    expect(counts.supportMeasured).toBe(0);
    expect(counts.vocabularies).toBe(0);
    for (const level of ['lenient', 'balanced', 'strict'] as const) for (const a of assessments) checker.decide(a, level);
    expect(counts.supportMeasured).toBe(assessments.length);
    // Compiled on the first judgement, once for the checker.
    expect(counts.vocabularies).toBe(1);
    checker.check(text);
    expect(counts.vocabularies).toBe(1);
  });

  it('judging a sentence as soon as it is read, or after the rest of the page, gives the same judgement', () => {
    // The page's context (names, "he", "the pact") changes as the page is
    // read; a judgement made late must not see those later changes.
    const sentences = [...topicalSentences(120, 5), 'He said it would be signed in Osaka next year.', 'They met again in Kyoto.', ...unrelatedSentences(40, 5)];
    const early = createChecker();
    const late = createChecker();
    const readingEarly = early.startPage();
    const readingLate = late.startPage();
    const judgedEarly: unknown[] = [];
    const kept: (ReturnType<typeof readingLate.read>)[] = [];
    for (const sentence of sentences) {
      const a = readingEarly.read(sentence);
      judgedEarly.push(a && { topical: a.topical, findings: a.findings, support: a.support, otherEvents: a.otherEvents, confirmed: a.confirmed, decision: early.decide(a, 'balanced') });
      kept.push(readingLate.read(sentence));
    }
    const judgedLate = kept.map((a) => a && { topical: a.topical, findings: a.findings, support: a.support, otherEvents: a.otherEvents, confirmed: a.confirmed, decision: late.decide(a, 'balanced') });
    expect(judgedLate.filter((a) => a !== undefined).length).toBeGreaterThan(100);
    expect(judgedLate).toEqual(judgedEarly);
  });
});
