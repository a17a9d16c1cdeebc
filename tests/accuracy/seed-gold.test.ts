import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultChecker, STRICTNESS_LEVELS, type Strictness } from '../../src/core';
import { parseGold } from '../../src/eval/gold';
import { evaluate, matchGold } from '../../src/eval/metrics';

// The bar of the engine issue, on the hand-labelled seed articles. These
// sentences are a development set: the rules are general (see
// tests/unit/core/rules.test.ts), and this test only holds them to the bar.
const goldPath = new URL('../fixtures/seed-gold.jsonl', import.meta.url);
const gold = parseGold(readFileSync(goldPath, 'utf8'), 'tests/fixtures/seed-gold.jsonl');
const articles = [...new Set(gold.map((row) => row.file))];

function reports(strictness: Strictness) {
  return articles.map((file) => defaultChecker().check(readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8'), { strictness, file }));
}

describe('accuracy on the labelled seed articles', () => {
  it('finds every gold sentence in the reports', () => {
    expect(articles).toHaveLength(4);
    for (const strictness of STRICTNESS_LEVELS) expect(evaluate(gold, reports(strictness)).notFound).toEqual([]);
  });

  it.each(STRICTNESS_LEVELS)('finds every hard conflict at %s', (strictness) => {
    const { hardConflicts } = evaluate(gold, reports(strictness));
    expect(hardConflicts.total).toBeGreaterThan(0);
    expect(hardConflicts.found).toBe(hardConflicts.total);
  });

  it('meets the bar at balanced: conflict precision and recall ≥ 0.9, flagged F1 ≥ 0.85', () => {
    const result = evaluate(gold, reports('balanced'));
    expect(result.conflict.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.conflict.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.flagged.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('never calls a gold supported or neutral sentence a conflict at lenient', () => {
    const { pairs } = matchGold(gold, reports('lenient'));
    const wrong = pairs.filter((p) => (p.gold.label === 'supported' || p.gold.label === 'neutral') && p.predicted === 'conflict');
    expect(wrong.map((p) => p.gold.sentence)).toEqual([]);
  });

  it('never calls a gold neutral sentence a conflict at any strictness', () => {
    for (const strictness of STRICTNESS_LEVELS) expect(evaluate(gold, reports(strictness)).neutralAsConflict).toBe(0);
  });
});
