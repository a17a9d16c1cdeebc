/**
 * The engine judges a sentence (its support in the reference, the rules'
 * findings) only when a verdict is wanted, which is never on a page about
 * something else: there, sentences that a common word ("minister",
 * "agreement") lets through the gate cost only the reading of their facts,
 * and fuse.js's index is never built.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const counts = vi.hoisted(() => ({ fuseIndexes: 0, supportMeasured: 0 }));

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

const { createChecker } = await import('../../../src/core');

const ELSEWHERE = [
  'The finance minister said the trade agreement with Canada would be signed in spring.',
  'Union leaders called the pay deal a fair one.',
  'The chief executive told reporters the merger was on track.',
].join(' ');

beforeEach(() => {
  counts.fuseIndexes = 0;
  counts.supportMeasured = 0;
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
    for (const level of ['lenient', 'balanced', 'strict'] as const) for (const a of assessments) checker.decide(a, level);
    expect(counts.supportMeasured).toBe(assessments.length);
  });
});
