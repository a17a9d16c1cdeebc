import { describe, expect, it } from 'vitest';
import type { ClaimSet, PageReport } from '../../../src/core';
import { checkReferenceAgainstItself, isCheckable, segmentSentences } from '../../../src/eval/self-check';

describe('segmentSentences', () => {
  it('cuts line by line with Intl.Segmenter and trims, as the labels are cut', () => {
    expect(segmentSentences('One here. Two there.\n\n  Heading  \nThree.')).toEqual(['One here.', 'Two there.', 'Heading', 'Three.']);
  });
});

describe('isCheckable', () => {
  const passages = ['We live in a very dangerous world. We live in a world of rivalries.', 'Japan is first.'];
  it.each([
    ['a whole passage', 'Japan is first.', true],
    ['a sentence inside a passage', 'We live in a world of rivalries.', true],
    ['no-break spaces are spaces', 'We\u00a0live in a very dangerous\u00a0world.', true],
    ['a heading that is no passage', 'Background', false],
    ['a sentence that only overlaps one', 'Japan is first. And more.', false],
  ])('%s', (_why, sentence, expected) => {
    expect(isCheckable(sentence, passages)).toBe(expected);
  });
});

describe('checkReferenceAgainstItself', () => {
  const claimSet = { claims: [{ id: 'c', passage: 'Japan is first.', about: [] }] } as unknown as ClaimSet;
  const reference = 'Heading\nJapan is first. Thanks.';
  function checker(verdicts: Record<string, PageReport['sentences'][number]['verdict']>) {
    return {
      check: (text: string, options: { strictness?: string }): PageReport => ({
        file: 'r',
        strictness: 'balanced',
        topical: true,
        sentences: ['Heading', 'Japan is first.', 'Thanks.'].map((t) => ({ text: t, start: text.indexOf(t), end: text.indexOf(t) + t.length, verdict: verdicts[`${options.strictness}:${t}`] ?? verdicts[t] ?? null })),
        summary: { conflict: 0, unsupported: 0, supported: 0 },
      }),
    } as never;
  }

  it('counts checkable sentences supported, per strictness, and lists every sentence flagged anywhere', () => {
    const result = checkReferenceAgainstItself(reference, claimSet, checker({ 'Japan is first.': 'supported', 'strict:Japan is first.': 'unsupported', 'lenient:Thanks.': 'unsupported' }));
    expect(result.checkable).toBe(1);
    expect(result.byStrictness.balanced).toEqual({ supported: 1, notSupported: [], flagged: [] });
    expect(result.byStrictness.strict).toEqual({ supported: 0, notSupported: ['Japan is first.'], flagged: ['Japan is first.'] });
    expect(result.flaggedAnywhere).toEqual(['Japan is first.', 'Thanks.']);
  });
});
