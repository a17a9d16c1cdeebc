/**
 * Reading a Chromium performance trace (CDP `Tracing`, the `devtools.timeline`
 * categories) for what the extension did on one page load: when its content
 * script started, when it marked the report complete, how much main-thread
 * time its tasks took, and the longest of them.
 *
 * Which tasks are the extension's: the benchmark's pages run no script of
 * their own, so every main-thread task that runs script (a function call, a
 * timer, an animation frame, a non-empty microtask checkpoint) from the
 * content script's start on is the extension's. The trace cannot say it more
 * directly: the extension yields with `setTimeout(resolve)` and goes on in
 * promise continuations, which the trace files under no script URL. The whole
 * task counts, since the style, layout and garbage collection inside it are
 * the extension's doing too.
 *
 * The page's main thread while checking (`pageMainThreadMs`) counts every
 * task on that thread, script or not, from the content script's start until
 * the marks are painted: the end of the first task after the done mark that
 * commits a frame (`Commit`, or `Paint` where no commit is traced). With the
 * engine working elsewhere (the background), what is left on the page's
 * thread is the content script's own tasks and the drawing of its marks; the
 * time the page waits idle for answers is not counted.
 *
 * The extension's scripts on the page are every script on the page's main
 * thread whose URL holds `scriptsUrl` (the extension's origin, so a second
 * file the extension injects is found too): for each, the time spent evaluating it (`EvaluateScript`,
 * compilation included) and compiling it (`v8.compile`).
 *
 * Pure: trace events in, figures out.
 *
 * @module
 */

/** One event of the Trace Event Format, as CDP reports it (times in microseconds). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; message?: string; timerId?: number; id?: number }; name?: string };
}

export interface ExtensionTimings {
  /** Content script start to the report's completion marker, in ms; undefined when either is missing. */
  extensionMs: number | undefined;
  /** Main-thread time of the extension's tasks, in ms. */
  mainThreadMs: number;
  /** The longest of them, in ms. */
  longestTaskMs: number;
  /** How many tasks the extension ran. */
  tasks: number;
  /**
   * Tasks that run no script between the start and the completion (style,
   * layout, paint), in ms: mostly the browser drawing the marks the extension
   * adds, but also the page's own first layout when that comes late. Not
   * counted in `mainThreadMs`, since the trace cannot say whose they are.
   */
  renderMs: number;
  /** The longest of those, in ms. */
  longestRenderTaskMs: number;
  /**
   * Every task on the page's main thread (script, style, layout, paint) from
   * the content script's start until the marks are painted (see the module
   * comment), in ms; up to the done mark when no frame follows it.
   */
  pageMainThreadMs: number;
  /** Whether a painted frame followed the done mark (so `pageMainThreadMs` covers the marks' drawing). */
  painted: boolean;
  /** The extension's scripts evaluated on the page, by URL: evaluation (compilation included) and compilation, in ms. */
  scripts: ScriptEvaluation[];
}

export interface ScriptEvaluation {
  url: string;
  evaluateMs: number;
  compileMs: number;
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript']);
const COMPILE_EVENTS = new Set(['v8.compile', 'v8.compileModule']);
/** A classic script's evaluation, or an ES module's (should the extension load one). */
const EVALUATE_EVENTS = new Set(['EvaluateScript', 'v8.evaluateModule']);
/** A frame drawn: what marks being painted ends with. */
const FRAME_EVENTS = new Set(['Commit', 'Paint']);
const RUNS_SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame']);
const MICROTASKS = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A microtask checkpoint shorter than this ran nothing worth the name (every task has one). */
const EMPTY_CHECKPOINT_US = 50;

const runsScript = (e: TraceEvent): boolean => RUNS_SCRIPT.has(e.name) || (e.name === MICROTASKS && (e.dur ?? 0) >= EMPTY_CHECKPOINT_US);

/**
 * The extension's figures in `events`: `scriptUrl` is (a part of) the
 * content script's URL, `doneMark` the `console.timeStamp` label it leaves
 * when the report is complete, `scriptsUrl` (a part of) the URL of every
 * script of the extension's (its origin; `scriptUrl` unless given). See the
 * module comment for which tasks count.
 */
export function extensionTimings(events: readonly TraceEvent[], scriptUrl: string, doneMark: string, scriptsUrl = scriptUrl): ExtensionTimings {
  const byName = events.filter((e) => SCRIPT_EVENTS.has(e.name) && (e.args?.data?.url ?? '').includes(scriptUrl)).sort((a, b) => a.ts - b.ts);
  if (byName.length === 0) return { extensionMs: undefined, mainThreadMs: 0, longestTaskMs: 0, tasks: 0, renderMs: 0, longestRenderTaskMs: 0, pageMainThreadMs: 0, painted: false, scripts: [] };
  const { pid, tid } = byName[0]!;
  const start = byName[0]!.ts;
  const done = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === doneMark && e.ts >= start);
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ts + (e.dur ?? 0) >= start).sort((a, b) => a.ts - b.ts);
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined);
  const scripts = onThread.filter(runsScript);
  let mainThread = 0;
  let longest = 0;
  let count = 0;
  let render = 0;
  let longestRender = 0;
  let next = 0;
  const until = done?.ts ?? Infinity;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    while (next < scripts.length && scripts[next]!.ts < task.ts) next++;
    if (next >= scripts.length || scripts[next]!.ts > end) {
      if (task.ts >= start && end <= until) {
        render += task.dur!;
        longestRender = Math.max(longestRender, task.dur!);
      }
      continue;
    }
    mainThread += task.dur!;
    longest = Math.max(longest, task.dur!);
    count++;
  }
  // The marks painted: the end of the first task after the done mark that draws a frame.
  let paintedAt: number | undefined;
  if (done) {
    const frame = onThread.find((e) => FRAME_EVENTS.has(e.name) && e.ts >= done.ts);
    if (frame) {
      const task = tasks.find((t) => t.ts <= frame.ts && frame.ts <= t.ts + t.dur!);
      paintedAt = task ? task.ts + task.dur! : frame.ts + (frame.dur ?? 0);
    }
  }
  const windowEnd = paintedAt ?? done?.ts ?? Infinity;
  let page = 0;
  for (const task of tasks) if (task.ts <= windowEnd) page += task.dur!;
  const evaluated = new Map<string, ScriptEvaluation>();
  for (const e of onThread) {
    const url = e.args?.data?.url ?? '';
    if (!url.includes(scriptsUrl) || e.dur === undefined) continue;
    const isEvaluate = EVALUATE_EVENTS.has(e.name);
    if (!isEvaluate && !COMPILE_EVENTS.has(e.name)) continue;
    const entry = evaluated.get(url) ?? { url, evaluateMs: 0, compileMs: 0 };
    if (isEvaluate) entry.evaluateMs += e.dur / 1000;
    else entry.compileMs += e.dur / 1000;
    evaluated.set(url, entry);
  }
  return {
    extensionMs: done ? (done.ts - start) / 1000 : undefined,
    pageMainThreadMs: page / 1000,
    painted: paintedAt !== undefined,
    scripts: [...evaluated.values()],
    mainThreadMs: mainThread / 1000,
    longestTaskMs: longest / 1000,
    tasks: count,
    renderMs: render / 1000,
    longestRenderTaskMs: longestRender / 1000,
  };
}
