/**
 * `npm run bench`: the built extension in Chromium on generated pages of
 * 1,000, 10,000 and 50,000 sentences (about the subject and not) and on the
 * seed articles. For each page, in the same run and the same browser:
 *
 * - the floor: a bare pass that walks the page's text nodes with a
 *   `TreeWalker` and splits each into sentences with `Intl.Segmenter`;
 * - from a performance trace of the page loading with the extension on: the
 *   time from the content script's start to the report's completion, the
 *   main-thread time of the extension's tasks and the longest of them;
 * - the extra JS heap: the page with the extension on against the same page
 *   with it off, each after a forced garbage collection.
 *
 * Each page is measured `--runs` times (default 3) and the medians are kept.
 * Prints a table, writes `.output/bench.json`, and exits 1 naming every
 * budget missed. `--sizes 1000,10000` measures fewer pages; `--no-seeds`
 * leaves the seed articles out.
 *
 * @module
 */
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launchChromium, startFixtureServer, type ExtensionBrowser, type ServedPage } from '../../e2e/harness';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/ext/settings';
import { benchTable, budgetMisses, median, type BenchCase } from './budgets';
import { generatedPages, type BenchPage } from './pages';
import { extensionTimings, type TraceEvent } from './trace';

const DONE_MARK = 'ejfc:report-done';
const CONTENT_SCRIPT = '/page.js';
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'].join(',');

interface Options {
  sizes: number[];
  runs: number;
  seeds: boolean;
  /** Write each traced load here (open one in DevTools' Performance panel to see where the time went). */
  traceDir?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [1000, 10_000, 50_000], runs: 3, seeds: true };
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
    else if (arg === '--trace-dir') options.traceDir = value();
    else throw new Error(`unknown option ${arg} (known: --sizes N,N  --runs N  --no-seeds  --trace-dir DIR)`);
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
  longestTaskMs: number;
  renderMs: number;
  longestRenderTaskMs: number;
  heapMB: number;
}

async function measureOnce(browser: ExtensionBrowser, url: string, timeoutMs: number, traceFile?: string): Promise<RunFigures> {
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
  });
  if (traceFile) writeFileSync(traceFile, JSON.stringify({ traceEvents: events }));
  const timings = extensionTimings(events, CONTENT_SCRIPT, DONE_MARK);
  if (timings.extensionMs === undefined) throw new Error(`${url}: the trace holds no start or completion of the content script (${events.length} events)`);
  const heapOn = await heapUsedMB(browser);
  return {
    floorMs: floor.ms,
    extensionMs: timings.extensionMs,
    mainThreadMs: timings.mainThreadMs,
    longestTaskMs: timings.longestTaskMs,
    renderMs: timings.renderMs,
    longestRenderTaskMs: timings.longestRenderTaskMs,
    heapMB: heapOn - heapOff,
  };
}

async function sentencesInReport(browser: ExtensionBrowser): Promise<number> {
  const report = await browser.sendToTab<{ sentences: unknown[] }>({ type: 'get-page-report' });
  return report.sentences.length;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const generated = generatedPages(options.sizes);
  const seeds: BenchPage[] = options.seeds
    ? ['000', '002', '003', '004'].map((n) => ({ name: `seed-${n}`, path: `/seed-${n}.html`, sentences: 0, topical: true }))
    : [];
  const served: Record<string, ServedPage> = {};
  for (const page of generated) served[page.path] = { body: page.html! };
  const server = await startFixtureServer({ pages: served });
  const browser = await launchChromium();
  const started = Date.now();
  const cases: BenchCase[] = [];
  try {
    if (!browser.page.devtools) throw new Error('the benchmark needs Chromium’s DevTools protocol');
    for (const page of [...seeds, ...generated]) {
      const url = server.url(page.path.slice(1));
      const runs: RunFigures[] = [];
      if (options.traceDir) mkdirSync(options.traceDir, { recursive: true });
      for (let run = 0; run < options.runs; run++) {
        const traceFile = options.traceDir ? `${options.traceDir}/${page.name}-${run + 1}.json` : undefined;
        runs.push(await measureOnce(browser, url, 600_000, traceFile));
      }
      const sentences = page.sentences || (await sentencesInReport(browser));
      const pick = (key: keyof RunFigures) => median(runs.map((r) => r[key]));
      const floorMs = pick('floorMs');
      const extensionMs = pick('extensionMs');
      const mainThreadMs = pick('mainThreadMs');
      const c: BenchCase = {
        name: page.name,
        sentences,
        topical: page.topical,
        floorMs,
        extensionMs,
        ratio: extensionMs / floorMs,
        mainThreadMs,
        costRatio: mainThreadMs / floorMs,
        longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
        renderMs: pick('renderMs'),
        longestRenderTaskMs: Math.max(...runs.map((r) => r.longestRenderTaskMs)),
        heapMB: pick('heapMB'),
      };
      cases.push(c);
      console.log(`${c.name}: floor ${c.floorMs.toFixed(1)} ms, complete in ${c.extensionMs.toFixed(0)} ms (${c.ratio.toFixed(1)}x), main thread ${c.mainThreadMs.toFixed(0)} ms (${c.costRatio.toFixed(2)}x), longest task ${c.longestTaskMs.toFixed(1)} ms, rendering ${c.renderMs.toFixed(0)} ms (longest ${c.longestRenderTaskMs.toFixed(0)} ms), heap +${c.heapMB.toFixed(1)} MB`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
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
  mkdirSync('.output', { recursive: true });
  writeFileSync('.output/bench.json', JSON.stringify({ machine, cases }, null, 2) + '\n');
  console.log(`\n${benchTable(cases)}\n`);
  console.log(`${machine.cpu}, ${machine.cores} cores; ${machine.chromium}; ${machine.runsPerPage} runs a page (medians; longest task: the longest of any run); ${machine.wallSeconds} s`);
  const misses = budgetMisses(cases);
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
