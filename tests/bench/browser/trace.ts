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
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript']);
const RUNS_SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame']);
const MICROTASKS = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A microtask checkpoint shorter than this ran nothing worth the name (every task has one). */
const EMPTY_CHECKPOINT_US = 50;

const runsScript = (e: TraceEvent): boolean => RUNS_SCRIPT.has(e.name) || (e.name === MICROTASKS && (e.dur ?? 0) >= EMPTY_CHECKPOINT_US);

/**
 * The extension's figures in `events`: `scriptUrl` is (a part of) the
 * content script's URL, `doneMark` the `console.timeStamp` label it leaves
 * when the report is complete. See the module comment for which tasks count.
 */
export function extensionTimings(events: readonly TraceEvent[], scriptUrl: string, doneMark: string): ExtensionTimings {
  const byName = events.filter((e) => SCRIPT_EVENTS.has(e.name) && (e.args?.data?.url ?? '').includes(scriptUrl)).sort((a, b) => a.ts - b.ts);
  if (byName.length === 0) return { extensionMs: undefined, mainThreadMs: 0, longestTaskMs: 0, tasks: 0, renderMs: 0, longestRenderTaskMs: 0 };
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
  return {
    extensionMs: done ? (done.ts - start) / 1000 : undefined,
    mainThreadMs: mainThread / 1000,
    longestTaskMs: longest / 1000,
    tasks: count,
    renderMs: render / 1000,
    longestRenderTaskMs: longestRender / 1000,
  };
}
