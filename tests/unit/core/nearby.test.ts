import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultChecker } from '../../../src/core';

// Articles we wrote about nearby events (the EU–Korea partnership signed in
// Seoul, a later EU–Japan dialogue) and one full of planted errors. Each row
// says, sentence by sentence, whether a conflict is right.
const expectations: Record<string, ('conflict' | 'no-conflict')[]> = {
  'korea.txt': ['no-conflict', 'no-conflict', 'no-conflict', 'no-conflict', 'no-conflict', 'no-conflict', 'no-conflict'],
  'second.txt': ['no-conflict', 'no-conflict', 'no-conflict', 'no-conflict', 'no-conflict', 'no-conflict', 'conflict'],
  'wrong.txt': ['conflict', 'conflict', 'conflict', 'no-conflict', 'conflict', 'conflict', 'conflict'],
  'wire-correct.txt': Array(12).fill('no-conflict'),
};

describe('articles about nearby events and planted errors', () => {
  it.each(Object.entries(expectations))('%s', (file, expected) => {
    const text = readFileSync(new URL(`../../fixtures/nearby/${file}`, import.meta.url), 'utf8');
    const report = defaultChecker().check(text, { file });
    expect(report.sentences.map((s) => (s.verdict === 'conflict' ? 'conflict' : 'no-conflict'))).toEqual(expected);
  });

  it('supports a correct wire story told in other words', () => {
    const text = readFileSync(new URL('../../fixtures/nearby/wire-correct.txt', import.meta.url), 'utf8');
    const report = defaultChecker().check(text);
    expect(report.summary.unsupported).toBeLessThanOrEqual(1);
    expect(report.summary.supported).toBeGreaterThanOrEqual(8);
    expect(report.sentences.find((s) => s.text.includes('Taiwan Strait'))?.verdict).toBe('supported');
  });

  it('says why, for the planted errors', () => {
    const text = readFileSync(new URL('../../fixtures/nearby/wrong.txt', import.meta.url), 'utf8');
    const reasons = defaultChecker().check(text).sentences.map((s) => s.reason ?? '').join('\n');
    for (const words of [/not Osaka/, /a Friday, not Saturday/, /not "Borrel"/, /not Japanese Prime Minister/, /not the third/, /not 26/, /"stronger", not "weaker"/]) {
      expect(reasons).toMatch(words);
    }
  });
});
