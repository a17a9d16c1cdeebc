/**
 * `npm run bench`: the built extension in Chromium on generated pages of
 * 1,000, 10,000 and 50,000 sentences (about the subject and not), on the
 * seed articles and on saved real-world article pages (Mozilla Readability's
 * test pages, `REAL_PAGES` in pages.ts). For each page, in the same run and
 * the same browser:
 *
 * - the floor: a bare pass that walks the page's text nodes with a
 *   `TreeWalker` and splits each into sentences with `Intl.Segmenter`;
 * - from a performance trace of the page loading with the extension on: the
 *   time from the content script's start to the report's completion, the
 *   main-thread time of the extension's tasks and the longest of them (its
 *   script's evaluation included), the page's main thread from that start
 *   to the marks painted, and the evaluation (and compilation) of the
 *   extension's scripts on the page;
 * - the extra JS heap: the page with the extension on against the same page
 *   with it off, each after a forced garbage collection.
 *
 * The real pages are served as saved but with a Content-Security-Policy that
 * blocks their scripts and every request (tests/e2e/pages/real.ts): only the
 * extension runs script on them, as on the generated pages (which have none),
 * so the trace's script tasks are the extension's, and nothing leaves the
 * machine.
 *
 * Then the popup (issue 11): the hostile 5 MB page (`huge-text.html`,
 * tests/e2e/pages/hostile.ts, some 16,000 findings) is checked, and the
 * popup (`popup.html`, for that tab) is opened `--runs` times once the page
 * has drawn its marks, timed from its navigation start to its summary and
 * first page of findings on screen (the popup's `ejfc:findings-shown` mark);
 * the median is held to the budget. Once more, opened the moment the report
 * is complete, for comparison (the page's thread still busy drawing).
 *
 * The content script's size: the bytes of every script the manifest injects
 * into pages and of any other extension script the traces saw evaluated on
 * a page (the card's script, cards.js, which the background puts into a
 * page with its first mark); its evaluation time, every such script's.
 *
 * "Report complete" is the content script's `console.timeStamp` mark when
 * its report's status becomes done; the benchmark waits for the same moment
 * in the service worker, by the `report-changed` message saying done.
 *
 * Each page is measured `--runs` times (default 3) and the medians are kept.
 * Prints Markdown tables, writes `.output/bench.json`, and exits 1 naming
 * every budget missed. `--sizes 1000,10000` measures fewer generated pages;
 * `--no-seeds` leaves the seed articles out, `--no-real` the real pages,
 * `--real N` measures the first N of them, `--no-popup` leaves the popup
 * out; `--trace-dir DIR` keeps each trace.
 *
 * @module
 */
import { cpus } from 'node:os';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launchChromium, popupShown, startFixtureServer, type ExtensionBrowser, type ServedPage } from '../../e2e/harness';
import { CHROME_BUILD } from '../../e2e/harness/paths';
import { generatedHostilePages, HOSTILE_PREFIX } from '../../e2e/pages/hostile';
import { servedRealPages } from '../../e2e/pages/real';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/ext/settings';
import { FINDINGS_SHOWN_MARK } from '../../../src/ui/popup/flagged-findings';
import { CARD_HOST_TAG } from '../../../src/ui/card/card-host';
import { benchTable, BUDGETS, budgetMisses, median, type BenchCase, type ContentScriptFigures, type PopupFigures } from './budgets';
import { generatedPages, REAL_PAGES, realPages, type BenchPage } from './pages';
import { extensionTimings, type ScriptEvaluation, type TraceEvent } from './trace';

const DONE_MARK = 'ejfc:report-done';
const HOSTILE_PAGE = 'huge-text.html';
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'].join(',');

interface Options {
  sizes: number[];
  runs: number;
  seeds: boolean;
  /** How many of the real pages (`REAL_PAGES`) to measure. */
  real: number;
  popup: boolean;
  /** Write each traced load here (open one in DevTools' Performance panel to see where the time went). */
  traceDir?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [1000, 10_000, 50_000], runs: 3, seeds: true, real: REAL_PAGES.length, popup: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') {
      options.sizes = value().split(',').map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n <= 0) throw new Error(`--sizes: "${s}" is not a whole number of sentences`);
        return n;
      });
    } else if (arg === '--runs') {
      options.runs = Number(value());
      if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs: give a whole number of at least 1');
    } else if (arg === '--no-seeds') options.seeds = false;
    else if (arg === '--real') {
      options.real = Number(value());
      if (!Number.isInteger(options.real) || options.real < 0 || options.real > REAL_PAGES.length) throw new Error(`--real: give a whole number from 0 to ${REAL_PAGES.length}`);
    } else if (arg === '--no-real') options.real = 0;
    else if (arg === '--no-popup') options.popup = false;
    else if (arg === '--trace-dir') options.traceDir = value();
    else throw new Error(`unknown option ${arg} (known: --sizes N,N  --runs N  --no-seeds  --real N  --no-real  --no-popup  --trace-dir DIR)`);
  }
  return options;
}

async function setEnabled(browser: ExtensionBrowser, enabled: boolean): Promise<void> {
  await browser.evaluateInExtension(
    async ({ arg }) => {
      type Storage = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      const api = (globalThis as unknown as { browser?: Storage }).browser ?? (globalThis as unknown as { chrome: Storage }).chrome;
      await api.storage.local.set({ [arg.key]: arg.settings });
    },
    { key: SETTINGS_KEY, settings: { ...DEFAULT_SETTINGS, enabled } },
  );
}

/**
 * Waits, in the extension's service worker, for the tab's `report-changed`
 * message saying `done` (the content script sends it to the background for
 * the badge): asking the page itself would make the content script answer
 * with the whole report, work the trace would count as the extension's.
 */
async function armDoneListener(browser: ExtensionBrowser): Promise<void> {
  await browser.evaluateInExtension(({ tabId }) => {
    type Runtime = { runtime: { onMessage: { addListener(f: (m: unknown, s: { tab?: { id?: number } }) => void): void } } };
    const g = globalThis as unknown as { __ejfcBenchDone?: Record<number, boolean>; chrome: Runtime };
    if (!g.__ejfcBenchDone) {
      g.__ejfcBenchDone = {};
      const done = g.__ejfcBenchDone;
      g.chrome.runtime.onMessage.addListener((message, sender) => {
        const m = message as { type?: string; status?: string };
        if (m?.type === 'report-changed' && m.status === 'done' && sender.tab?.id !== undefined) done[sender.tab.id] = true;
      });
    }
    g.__ejfcBenchDone[tabId] = false;
  });
}

async function waitDone(browser: ExtensionBrowser, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const done = await browser.evaluateInExtension(({ tabId }) => (globalThis as unknown as { __ejfcBenchDone?: Record<number, boolean> }).__ejfcBenchDone?.[tabId] === true);
    if (done) return;
    if (Date.now() > until) throw new Error(`the report was not complete after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Wait until the page has the card host (`cards.js` has run), up to `timeoutMs`; a page that never gets one is said, not failed. */
async function waitCardHost(browser: ExtensionBrowser, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await browser.evaluate((tag) => document.querySelector(tag) !== null, CARD_HOST_TAG))) {
    if (Date.now() > until) {
      console.warn(`no card host after ${timeoutMs / 1000} s: cards.js is not counted`);
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The floor, measured five times on the open page; the median, in ms, and the sentences it found. */
function floorPass(browser: ExtensionBrowser): Promise<{ ms: number; segments: number }> {
  return browser.evaluate(() => {
    const times: number[] = [];
    let segments = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const _ of segmenter.segment((node as Text).data)) n++;
      }
      times.push(performance.now() - t0);
      segments = n;
    }
    times.sort((a, b) => a - b);
    return { ms: times[2]!, segments };
  });
}

async function heapUsedMB(browser: ExtensionBrowser): Promise<number> {
  const cdp = await browser.page.devtools!();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  // V8's heap and Blink's (where the DOM `Range`s and `Highlight`s of the marks live).
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return (usage.usedSize + (usage.embedderHeapUsedSize ?? 0)) / (1024 * 1024);
}

async function traced<T>(browser: ExtensionBrowser, work: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await browser.page.devtools!();
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await work();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

interface RunFigures {
  floorMs: number;
  extensionMs: number;
  mainThreadMs: number;
  pageMainThreadMs: number;
  evaluateMs: number;
  compileMs: number;
  longestTaskMs: number;
  renderMs: number;
  longestRenderTaskMs: number;
  heapMB: number;
  scripts: ScriptEvaluation[];
}

/** The scripts the built manifest injects into pages (`content_scripts[].js`), as paths in the build. */
function manifestContentScripts(): string[] {
  const manifest = JSON.parse(readFileSync(`${CHROME_BUILD}/manifest.json`, 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  return [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
}

async function measureOnce(browser: ExtensionBrowser, url: string, timeoutMs: number, contentScripts: readonly string[], marksExpected: boolean, traceFile?: string): Promise<RunFigures> {
  // Off: the floor and the heap the page takes by itself.
  await setEnabled(browser, false);
  await browser.open(url);
  const floor = await floorPass(browser);
  const heapOff = await heapUsedMB(browser);
  // On: a fresh load, traced until the report is complete.
  await browser.open('about:blank');
  await setEnabled(browser, true);
  await armDoneListener(browser);
  const { events } = await traced(browser, async () => {
    await browser.open(url);
    await waitDone(browser, timeoutMs);
    // A page with marks also evaluates the card's script (cards.js), which
    // comes with the first mark and may land just after the report is
    // complete: the trace goes on until the card host is in the page (made
    // when it has come), so that its evaluation is counted.
    if (marksExpected) await waitCardHost(browser, 10_000);
  });
  if (traceFile) writeFileSync(traceFile, JSON.stringify({ traceEvents: events }));
  // The content script's start: the first of the manifest's scripts to run (they run in order).
  const timings = extensionTimings(events, `${browser.extensionOrigin}/${contentScripts[0]}`, DONE_MARK, `${browser.extensionOrigin}/`);
  if (timings.extensionMs === undefined) throw new Error(`${url}: the trace holds no start or completion of the content script (${events.length} events)`);
  // A page without marks may draw no frame after the report: its main thread then counts to the completion.
  if (!timings.painted && marksExpected) console.warn(`${url}: no frame painted after the report was complete; the page's main thread is counted up to the completion`);
  const heapOn = await heapUsedMB(browser);
  return {
    floorMs: floor.ms,
    extensionMs: timings.extensionMs,
    mainThreadMs: timings.mainThreadMs,
    pageMainThreadMs: timings.pageMainThreadMs,
    evaluateMs: timings.scripts.reduce((sum, s) => sum + s.evaluateMs, 0),
    compileMs: timings.scripts.reduce((sum, s) => sum + s.compileMs, 0),
    scripts: timings.scripts,
    longestTaskMs: timings.longestTaskMs,
    renderMs: timings.renderMs,
    longestRenderTaskMs: timings.longestRenderTaskMs,
    heapMB: heapOn - heapOff,
  };
}

/** Sentences in the page's report, asked of the page (after the traced runs); 0 when the page does not answer. */
async function sentencesInReport(browser: ExtensionBrowser): Promise<number> {
  try {
    const report = await browser.sendToTab<{ sentences: unknown[] }>({ type: 'get-page-report' });
    return report.sentences.length;
  } catch {
    return 0;
  }
}

async function measurePage(browser: ExtensionBrowser, page: BenchPage, url: string, options: Options, contentScripts: readonly string[], seenScripts: Set<string>): Promise<BenchCase> {
  const runs: RunFigures[] = [];
  if (options.traceDir) mkdirSync(options.traceDir, { recursive: true });
  for (let run = 0; run < options.runs; run++) {
    const traceFile = options.traceDir ? `${options.traceDir}/${page.name}-${run + 1}.json` : undefined;
    const figures = await measureOnce(browser, url, 600_000, contentScripts, page.topical, traceFile);
    for (const script of figures.scripts) seenScripts.add(script.url);
    runs.push(figures);
  }
  const sentences = page.sentences || (await sentencesInReport(browser));
  const pick = (key: Exclude<keyof RunFigures, 'scripts'>) => median(runs.map((r) => r[key]));
  const floorMs = pick('floorMs');
  const extensionMs = pick('extensionMs');
  const mainThreadMs = pick('mainThreadMs');
  const pageMainThreadMs = pick('pageMainThreadMs');
  return {
    name: page.name,
    kind: page.kind,
    sentences,
    topical: page.topical,
    floorMs,
    extensionMs,
    ratio: extensionMs / floorMs,
    mainThreadMs,
    costRatio: mainThreadMs / floorMs,
    pageMainThreadMs,
    pageCostRatio: pageMainThreadMs / floorMs,
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    renderMs: pick('renderMs'),
    longestRenderTaskMs: Math.max(...runs.map((r) => r.longestRenderTaskMs)),
    heapMB: pick('heapMB'),
    evaluateMs: pick('evaluateMs'),
    compileMs: pick('compileMs'),
  };
}

/**
 * The popup over the hostile 5 MB page: the page checked (the service
 * worker hears its report done), the popup opened at once, then, once the
 * page has drawn (two animation frames and a second of quiet), `runs` more
 * times; each time from the popup's navigation start to its summary and
 * first page of findings on screen.
 */
async function measurePopup(browser: ExtensionBrowser, url: string, runs: number): Promise<PopupFigures> {
  await browser.open('about:blank');
  await setEnabled(browser, true);
  await armDoneListener(browser);
  await browser.open(url);
  await waitDone(browser, 600_000);
  const atDone = await popupShown(browser, FINDINGS_SHOWN_MARK);
  await browser.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 1_000)))));
  const shown = [];
  for (let run = 0; run < runs; run++) shown.push(await popupShown(browser, FINDINGS_SHOWN_MARK));
  const last = shown[shown.length - 1]!;
  if (!last.summary || last.items === 0) throw new Error(`the popup on ${HOSTILE_PAGE} showed ${last.items} findings${last.summary ? '' : ' and no summary'}`);
  // "1–25 of 16,204": the page's flagged sentences, as the popup says.
  const findings = Number(/of\s+([\d,]+)/.exec(last.position)?.[1]?.replace(/,/g, '') ?? last.items);
  return { page: HOSTILE_PAGE, findings, openMs: median(shown.map((s) => s.at)), openAtDoneMs: atDone.at };
}

/** The bytes of each script the extension puts into pages: the manifest's, and any other the traces saw. */
function contentScriptFigures(origin: string, manifestScripts: readonly string[], seen: ReadonlySet<string>): ContentScriptFigures {
  const files = new Set(manifestScripts);
  for (const url of seen) if (url.startsWith(`${origin}/`)) files.add(url.slice(origin.length + 1));
  const sized = [...files].map((file) => ({ file, bytes: existsSync(`${CHROME_BUILD}/${file}`) ? statSync(`${CHROME_BUILD}/${file}`).size : 0 }));
  return { files: sized, totalBytes: sized.reduce((sum, f) => sum + f.bytes, 0) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const generated = generatedPages(options.sizes);
  const seeds: BenchPage[] = options.seeds
    ? ['000', '002', '003', '004'].map((n) => ({ name: `seed-${n}`, kind: 'seed', path: `/seed-${n}.html`, sentences: 0, topical: true }))
    : [];
  const real = realPages(options.real);
  const served: Record<string, ServedPage> = { ...servedRealPages(real.map((p) => p.name)) };
  for (const page of generated) served[page.path] = { body: page.html! };
  if (options.popup) served[`${HOSTILE_PREFIX}${HOSTILE_PAGE}`] = { body: generatedHostilePages()[HOSTILE_PAGE]! };
  const contentScripts = manifestContentScripts();
  if (contentScripts.length === 0) throw new Error(`${CHROME_BUILD}/manifest.json injects no content script`);
  const server = await startFixtureServer({ pages: served });
  const browser = await launchChromium();
  const started = Date.now();
  const cases: BenchCase[] = [];
  const seenScripts = new Set<string>();
  let popup: PopupFigures | undefined;
  try {
    if (!browser.page.devtools) throw new Error('the benchmark needs Chromium’s DevTools protocol');
    for (const page of [...seeds, ...generated, ...real]) {
      const c = await measurePage(browser, page, server.url(page.path.slice(1)), options, contentScripts, seenScripts);
      cases.push(c);
      console.log(`${c.name}: floor ${c.floorMs.toFixed(1)} ms, complete in ${c.extensionMs.toFixed(0)} ms (${c.ratio.toFixed(1)}x), extension main thread ${c.mainThreadMs.toFixed(0)} ms (${c.costRatio.toFixed(2)}x), page main thread to painted ${c.pageMainThreadMs.toFixed(0)} ms (${c.pageCostRatio.toFixed(2)}x), longest task ${c.longestTaskMs.toFixed(1)} ms, script evaluated in ${c.evaluateMs.toFixed(1)} ms (compiled ${c.compileMs.toFixed(1)}), rendering ${c.renderMs.toFixed(0)} ms (longest ${c.longestRenderTaskMs.toFixed(0)} ms), heap +${c.heapMB.toFixed(1)} MB`);
    }
    if (options.popup) {
      popup = await measurePopup(browser, server.url(`${HOSTILE_PREFIX.slice(1)}${HOSTILE_PAGE}`), options.runs);
      console.log(`popup on ${popup.page} (${popup.findings.toLocaleString('en')} findings): shown in ${popup.openMs.toFixed(0)} ms (median of ${options.runs}), ${popup.openAtDoneMs.toFixed(0)} ms opened the moment the report was complete`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const contentScript = contentScriptFigures(browser.extensionOrigin, contentScripts, seenScripts);
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    chromium: (() => {
      try {
        return execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
      } catch {
        return 'unknown';
      }
    })(),
    runsPerPage: options.runs,
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  const results = { cases, ...(popup ? { popup } : {}) };
  const misses = budgetMisses(results);
  const realCases = cases.filter((c) => c.kind === 'real');
  const evaluations = cases.map((c) => c.evaluateMs);
  mkdirSync('.output', { recursive: true });
  writeFileSync(
    '.output/bench.json',
    JSON.stringify(
      {
        machine,
        budgets: BUDGETS,
        cases,
        real: realCases.length > 0 ? { pages: realCases.length, medianCostRatio: median(realCases.map((c) => c.costRatio)), worstCostRatio: Math.max(...realCases.map((c) => c.costRatio)), worst: realCases.reduce((a, b) => (b.costRatio > a.costRatio ? b : a)).name } : null,
        contentScript: { ...contentScript, evaluateMsMedian: evaluations.length ? median(evaluations) : null, evaluateMsMax: evaluations.length ? Math.max(...evaluations) : null, compileMsMedian: evaluations.length ? median(cases.map((c) => c.compileMs)) : null },
        popup: popup ?? null,
        misses,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\n${benchTable(results, contentScript)}\n`);
  console.log(`${machine.cpu}, ${machine.cores} cores; ${machine.chromium}; ${machine.runsPerPage} runs a page (medians; longest task: the longest of any run); ${machine.wallSeconds} s`);
  if (misses.length > 0) {
    console.log(`\nBudgets missed (${misses.length}):`);
    for (const miss of misses) console.log(`- ${miss}`);
    process.exitCode = 1;
  } else console.log('\nEvery budget met.');
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
