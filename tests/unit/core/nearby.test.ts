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
};

describe('articles about nearby events and planted errors', () => {
  it.each(Object.entries(expectations))('%s', (file, expected) => {
    const text = readFileSync(new URL(`../../fixtures/nearby/${file}`, import.meta.url), 'utf8');
    const report = defaultChecker().check(text, { file });
    expect(report.sentences.map((s) => (s.verdict === 'conflict' ? 'conflict' : 'no-conflict'))).toEqual(expected);
  });

  it('says why, for the planted errors', () => {
    const text = readFileSync(new URL('../../fixtures/nearby/wrong.txt', import.meta.url), 'utf8');
    const reasons = defaultChecker().check(text).sentences.map((s) => s.reason ?? '').join('\n');
    for (const words of [/not Osaka/, /a Friday, not Saturday/, /not "Borrel"/, /not Japanese Prime Minister/, /not the third/, /not 26/, /"stronger", not "weaker"/]) {
      expect(reasons).toMatch(words);
    }
  });
});
