import type { Checker, ClaimSet } from '../core';
export type Family = 'perturbed' | 'paraphrase' | 'moved';
export interface GroupResult { family: Family; kind: string; passed: number; total: number; failures: unknown[] }
export interface MetamorphicResult { totals: Record<Family, { passed: number; total: number }>; groups: GroupResult[] }
export function runMetamorphic(_c: ClaimSet, _k: Checker): MetamorphicResult {
  return { totals: { perturbed: { passed: 0, total: 0 }, paraphrase: { passed: 0, total: 0 }, moved: { passed: 0, total: 0 } }, groups: [] };
}
export function formatMetamorphic(_r: MetamorphicResult, _o: { failures: number }): string { return '== metamorphic: (not yet) =='; }
