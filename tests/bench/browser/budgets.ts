/**
 * The benchmark's figures and the budgets they are held to (issue 12, and
 * issue 11's popup), kept apart from the browser so they can be tested.
 * The budgets are defined here and nowhere else.
 *
 * @module
 */

/** Where a page comes from: generated sentences, a seed article, or a saved real-world page. */
export type PageKind = 'generated' | 'seed' | 'real';

/** One page's figures, as `.output/bench.json` holds them. */
export interface BenchCase {
  name: string;
  kind: PageKind;
  sentences: number;
  topical: boolean;
  /** The bare walk-and-split pass over the page, in ms. */
  floorMs: number;
  /** Content script start to the report being complete, in ms (wall clock). */
  extensionMs: number;
  /** `extensionMs / floorMs`. */
  ratio: number;
  /** Main-thread time of the extension's tasks (those that run script), in ms. */
  mainThreadMs: number;
  /** `mainThreadMs / floorMs`: what the page pays. */
  costRatio: number;
  /** Every main-thread task from the content script's start to the marks painted (script, style, layout, paint), in ms. */
  pageMainThreadMs: number;
  /** `pageMainThreadMs / floorMs`. */
  pageCostRatio: number;
  longestTaskMs: number;
  /** Style, layout and paint tasks (no script) while checking, in ms: see `ExtensionTimings.renderMs`. */
  renderMs: number;
  longestRenderTaskMs: number;
  /** Extra JS heap with the extension on, in MB (after garbage collection). */
  heapMB: number;
  /** Evaluating the extension's scripts on the page (compilation included), in ms. */
  evaluateMs: number;
  /** Of which compiling them, in ms. */
  compileMs: number;
}

/** The popup opened over the hostile 5 MB page (issue 11). */
export interface PopupFigures {
  page: string;
  /** Flagged sentences the popup says the page has. */
  findings: number;
  /** Popup navigation start to its summary and first page of findings shown, once the page has drawn its marks (median of runs), in ms. */
  openMs: number;
  /** The same, the popup opened the moment the report was complete (the page still drawing), in ms; not budgeted. */
  openAtDoneMs: number;
}

/** The script files the extension puts into pages, and their bytes. */
export interface ContentScriptFigures {
  files: Array<{ file: string; bytes: number }>;
  totalBytes: number;
}

/** Everything one run measured (any part may be left out by the options). */
export interface BenchResults {
  cases: readonly BenchCase[];
  popup?: PopupFigures;
}

/** The budgets of issue 12, and issue 11's popup. */
export const BUDGETS = Object.freeze({
  /** A seed article: the page's main thread from the content script's start to the report complete and the marks painted, ms. */
  seedPageMainThreadMs: 30,
  /** No task of the extension's longer than this on any page, its script's evaluation included, ms. */
  longestTaskMs: 50,
  /** A page not about the subject (generated at any size, or a saved real page): the extension's main-thread time, times the floor. */
  unrelatedCostRatio: 1.5,
  /** A generated 10,000-sentence page about the subject: the report complete within this times the floor. */
  topical10kRatio: 5,
  /** The same page: its main thread (content script start to marks painted) at most this times the floor. */
  topical10kPageCostRatio: 2,
  /** The same page: extra heap under this, MB. */
  topical10kHeapMB: 5,
  /** The popup over the hostile 5 MB page: summary and first page of findings shown within this, ms. */
  popupOpenMs: 1000,
});

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const isTopical10k = (c: BenchCase): boolean => c.kind === 'generated' && c.topical && c.sentences === 10_000;

/** The real pages' extension cost against the floor: median and worst (undefined without real pages). */
export function realSummary(cases: readonly BenchCase[]): { pages: number; medianCostRatio: number; worst: BenchCase; over: BenchCase[] } | undefined {
  const real = cases.filter((c) => c.kind === 'real');
  if (real.length === 0) return undefined;
  const worst = real.reduce((a, b) => (b.costRatio > a.costRatio ? b : a));
  return {
    pages: real.length,
    medianCostRatio: median(real.map((c) => c.costRatio)),
    worst,
    over: real.filter((c) => c.costRatio > BUDGETS.unrelatedCostRatio),
  };
}

/** Each budget missed, in words with the figure; empty when all are met. */
export function budgetMisses({ cases, popup }: BenchResults): string[] {
  const misses: string[] = [];
  const fixed = (n: number) => n.toFixed(2);
  for (const c of cases) {
    if (c.kind === 'seed' && c.pageMainThreadMs > BUDGETS.seedPageMainThreadMs) {
      misses.push(`${c.name}: the page's main thread was busy ${c.pageMainThreadMs.toFixed(1)} ms from the content script's start to the report complete and marks painted (budget ${BUDGETS.seedPageMainThreadMs} ms for a seed article)`);
    }
    if (c.kind === 'generated' && !c.topical && c.costRatio > BUDGETS.unrelatedCostRatio) {
      misses.push(`${c.name}: the extension's main-thread time is ${fixed(c.costRatio)}x the floor (budget ${BUDGETS.unrelatedCostRatio}x for a page not about the subject)`);
    }
    if (isTopical10k(c)) {
      if (c.ratio > BUDGETS.topical10kRatio) misses.push(`${c.name}: report complete in ${fixed(c.ratio)}x the floor (budget ${BUDGETS.topical10kRatio}x at 10,000 sentences about the subject)`);
      if (c.pageCostRatio > BUDGETS.topical10kPageCostRatio) misses.push(`${c.name}: the page's main thread was busy ${fixed(c.pageCostRatio)}x the floor (budget ${BUDGETS.topical10kPageCostRatio}x at 10,000 sentences about the subject)`);
      if (c.heapMB >= BUDGETS.topical10kHeapMB) misses.push(`${c.name}: ${c.heapMB.toFixed(1)} MB of extra heap (budget under ${BUDGETS.topical10kHeapMB} MB at 10,000 sentences about the subject)`);
    }
    if (c.longestTaskMs > BUDGETS.longestTaskMs) {
      misses.push(`${c.name}: the extension's longest task took ${c.longestTaskMs.toFixed(1)} ms (budget ${BUDGETS.longestTaskMs} ms, its script's evaluation included)`);
    }
  }
  const real = realSummary(cases);
  if (real && real.over.length > 0) {
    misses.push(
      `real pages: ${real.over.length} of ${real.pages} cost the extension's main thread more than ${BUDGETS.unrelatedCostRatio}x the floor (median ${fixed(real.medianCostRatio)}x, worst ${real.worst.name} ${fixed(real.worst.costRatio)}x): ${real.over.map((c) => c.name).join(', ')}`,
    );
  }
  if (popup && popup.openMs > BUDGETS.popupOpenMs) {
    misses.push(`popup on ${popup.page} (${popup.findings.toLocaleString('en')} findings): opened in ${popup.openMs.toFixed(0)} ms (budget ${BUDGETS.popupOpenMs} ms)`);
  }
  return misses;
}

const row = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;

/** The tables the benchmark prints (Markdown, so the README can hold them as they are). */
export function benchTable(results: BenchResults, contentScript?: ContentScriptFigures): string {
  const { cases, popup } = results;
  const pages = cases.filter((c) => c.kind !== 'real');
  const parts: string[] = [];
  if (pages.length > 0) {
    parts.push(
      [
        '| page | sentences | about the subject | floor ms | to complete ms | × floor | extension main thread ms | × floor | page main thread to painted ms | × floor | longest task ms | render ms total / longest | script eval ms (compile) | extra heap MB |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...pages.map((c) =>
          row([c.name, c.sentences, c.topical ? 'yes' : 'no', c.floorMs.toFixed(1), c.extensionMs.toFixed(0), c.ratio.toFixed(1), c.mainThreadMs.toFixed(0), c.costRatio.toFixed(2), c.pageMainThreadMs.toFixed(0), c.pageCostRatio.toFixed(2), c.longestTaskMs.toFixed(1), `${c.renderMs.toFixed(0)} / ${c.longestRenderTaskMs.toFixed(0)}`, `${c.evaluateMs.toFixed(1)} (${c.compileMs.toFixed(1)})`, c.heapMB.toFixed(1)]),
        ),
      ].join('\n'),
    );
  }
  const real = realSummary(cases);
  if (real) {
    const realCases = cases.filter((c) => c.kind === 'real');
    const m = (f: (c: BenchCase) => number, digits: number) => median(realCases.map(f)).toFixed(digits);
    const w = real.worst;
    parts.push(
      [
        `| ${real.pages} real pages | floor ms | extension main thread ms | × floor | longest task ms | script eval ms | extra heap MB |`,
        '| --- | --- | --- | --- | --- | --- | --- |',
        row(['median', m((c) => c.floorMs, 1), m((c) => c.mainThreadMs, 0), real.medianCostRatio.toFixed(2), m((c) => c.longestTaskMs, 1), m((c) => c.evaluateMs, 1), m((c) => c.heapMB, 1)]),
        row([`worst (${w.name})`, w.floorMs.toFixed(1), w.mainThreadMs.toFixed(0), w.costRatio.toFixed(2), w.longestTaskMs.toFixed(1), w.evaluateMs.toFixed(1), w.heapMB.toFixed(1)]),
        row([`longest task (any page)`, '', '', '', Math.max(...realCases.map((c) => c.longestTaskMs)).toFixed(1), '', '']),
        row([`over ${BUDGETS.unrelatedCostRatio}x the floor`, '', '', `${real.over.length} of ${real.pages}`, '', '', '']),
      ].join('\n'),
    );
  }
  const extra: string[] = [];
  if (contentScript) {
    const evaluations = cases.map((c) => c.evaluateMs);
    extra.push(
      row([
        'content script',
        `${contentScript.totalBytes.toLocaleString('en')} bytes (${contentScript.files.map((f) => `${f.file} ${f.bytes.toLocaleString('en')}`).join(', ')})`,
        evaluations.length > 0 ? `evaluated in ${median(evaluations).toFixed(1)} ms median, ${Math.max(...evaluations).toFixed(1)} ms at most (compile ${median(cases.map((c) => c.compileMs)).toFixed(1)} ms median)` : '',
      ]),
    );
  }
  if (popup) {
    extra.push(
      row([
        `popup on ${popup.page}`,
        `${popup.findings.toLocaleString('en')} findings`,
        `summary and first page shown in ${popup.openMs.toFixed(0)} ms (budget ${BUDGETS.popupOpenMs} ms); ${popup.openAtDoneMs.toFixed(0)} ms opened the moment the report was complete`,
      ]),
    );
  }
  if (extra.length > 0) parts.push(['| what | size | time |', '| --- | --- | --- |', ...extra].join('\n'));
  return parts.join('\n\n');
}
