/**
 * The benchmark's figures and the budgets they are held to (issue 4), kept
 * apart from the browser so they can be tested.
 *
 * @module
 */

/** One page's figures, as `.output/bench.json` holds them. */
export interface BenchCase {
  name: string;
  sentences: number;
  topical: boolean;
  /** The bare walk-and-split pass over the page, in ms. */
  floorMs: number;
  /** Content script start to the report being complete, in ms (wall clock). */
  extensionMs: number;
  /** `extensionMs / floorMs`. */
  ratio: number;
  /** Main-thread time of the extension's tasks, in ms. */
  mainThreadMs: number;
  /** `mainThreadMs / floorMs`: what the page pays. */
  costRatio: number;
  longestTaskMs: number;
  /** Style, layout and paint tasks (no script) while checking, in ms: see `ExtensionTimings.renderMs`. */
  renderMs: number;
  longestRenderTaskMs: number;
  /** Extra JS heap with the extension on, in MB (after garbage collection). */
  heapMB: number;
}

/** The budgets of issue 4. */
export const BUDGETS = Object.freeze({
  /** A page not about the subject costs at most this times the floor (main-thread time). */
  unrelatedCostRatio: 1.5,
  /** A 10,000-sentence page about the subject is fully checked within this times the floor. */
  topical10kRatio: 5,
  /** No task of the extension's longer than this, at any size. */
  longestTaskMs: 50,
  /** Extra heap at 10,000 sentences. */
  heapMBAt10k: 10,
});

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each budget a case misses, in words with the figure; empty when all are met. */
export function budgetMisses(cases: readonly BenchCase[]): string[] {
  const misses: string[] = [];
  const fixed = (n: number) => n.toFixed(2);
  for (const c of cases) {
    if (!c.topical && c.costRatio > BUDGETS.unrelatedCostRatio) {
      misses.push(`${c.name}: the extension's main-thread time is ${fixed(c.costRatio)}x the floor (budget ${BUDGETS.unrelatedCostRatio}x for a page not about the subject)`);
    }
    if (c.topical && c.sentences === 10_000 && c.ratio > BUDGETS.topical10kRatio) {
      misses.push(`${c.name}: checked in ${fixed(c.ratio)}x the floor (budget ${BUDGETS.topical10kRatio}x at 10,000 sentences about the subject)`);
    }
    if (c.longestTaskMs > BUDGETS.longestTaskMs) {
      misses.push(`${c.name}: the extension's longest task took ${c.longestTaskMs.toFixed(1)} ms (budget ${BUDGETS.longestTaskMs} ms)`);
    }
    if (c.sentences === 10_000 && c.heapMB > BUDGETS.heapMBAt10k) {
      misses.push(`${c.name}: ${c.heapMB.toFixed(1)} MB of extra heap (budget ${BUDGETS.heapMBAt10k} MB at 10,000 sentences)`);
    }
  }
  return misses;
}

/** The table the benchmark prints (Markdown, so the README can hold it as it is). */
export function benchTable(cases: readonly BenchCase[]): string {
  const rows = cases.map((c) =>
    [c.name, c.sentences, c.topical ? 'yes' : 'no', c.floorMs.toFixed(1), c.extensionMs.toFixed(0), c.ratio.toFixed(1), c.mainThreadMs.toFixed(0), c.costRatio.toFixed(2), c.longestTaskMs.toFixed(1), `${c.renderMs.toFixed(0)} / ${c.longestRenderTaskMs.toFixed(0)}`, c.heapMB.toFixed(1)].join(' | '),
  );
  return [
    '| page | sentences | about the subject | floor ms | to complete ms | × floor | main thread ms | × floor | longest task ms | render ms total / longest | extra heap MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}
