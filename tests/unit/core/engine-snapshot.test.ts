import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/core';
import { engineSnapshot, firstDifference, readSnapshot } from '../../bench/snapshot';

// Changes made for speed must not change a verdict. The recorded snapshot
// (tests/unit/core/engine-snapshot.jsonl, written by
// `npx tsx tests/bench/snapshot.ts --write`) holds the full decision for every
// sentence of the seed and nearby articles and of generated pages, at every
// strictness; the engine must reproduce it exactly.
describe('engine snapshot', () => {
  it('reproduces every recorded decision at every strictness', () => {
    const expected = readSnapshot();
    const actual = engineSnapshot(createChecker());
    // Guard against an empty or truncated recording passing vacuously.
    expect(expected.length).toBeGreaterThan(4000);
    expect(expected.some((line) => line.includes('"verdict":"conflict"'))).toBe(true);
    expect(firstDifference(expected, actual)).toBeUndefined();
  });
});
