import { describe, expect, it } from 'vitest';
import { defaultChecker } from '../../src/core';
import { bundledClaimSet } from '../../src/core/claims/bundled';
import { runMetamorphic } from '../../src/eval/metamorphic';
import { METAMORPHIC_FLOORS } from './floors';

// The metamorphic suite generated from the bundled claim set, held to the
// floors of ./floors.ts (measured, rounded down; the engine is raising them).
const result = runMetamorphic(bundledClaimSet(), defaultChecker());
const groups = new Map(result.groups.map((g) => [`${g.family}: ${g.group}`, g]));

describe('metamorphic suite: every group at or above its floor', () => {
  it('generates every group that has a floor', () => {
    expect([...groups.keys()].filter((k) => !(k in METAMORPHIC_FLOORS)), 'groups without a floor: add one to tests/accuracy/floors.ts').toEqual([]);
    expect(Object.keys(METAMORPHIC_FLOORS).filter((k) => !groups.has(k)), 'floors of groups no longer generated').toEqual([]);
  });

  it.each(Object.entries(METAMORPHIC_FLOORS))('%s ≥ %s', (key, floor) => {
    const group = groups.get(key);
    expect(group, key).toBeDefined();
    if (!group) return;
    expect(group.total).toBeGreaterThan(0);
    const failures = group.failures.slice(0, 3).map((f) => `${f.target} → ${f.got.balanced ?? 'no verdict'}${f.reason ? ` (${f.reason})` : ''}`);
    expect(group.passed / group.total, failures.join('\n')).toBeGreaterThanOrEqual(floor);
  });
});
