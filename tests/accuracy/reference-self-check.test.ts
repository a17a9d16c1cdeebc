import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultChecker } from '../../src/core';
import { bundledClaimSet } from '../../src/core/claims/bundled';
import { checkReferenceAgainstItself } from '../../src/eval/self-check';

// Issue 9: the reference checked against itself with the bundled checker,
// whose claims are drawn from it. A checkable sentence is a claim passage or
// lies inside one (src/eval/self-check.ts).
const reference = readFileSync(new URL('../../assets/reference.txt', import.meta.url), 'utf8');
const result = checkReferenceAgainstItself(reference, bundledClaimSet(), defaultChecker());

describe('the reference checked against itself', () => {
  it('has checkable sentences (the claim set covers the reference)', () => {
    expect(result.checkable).toBeGreaterThanOrEqual(30);
  });

  it.each(['balanced', 'strict'] as const)('every checkable sentence is supported at %s', (strictness) => {
    expect(result.byStrictness[strictness].notSupported).toEqual([]);
  });

  it('no sentence of the reference is flagged at any strictness', () => {
    expect(result.flaggedAnywhere).toEqual([]);
  });
});
