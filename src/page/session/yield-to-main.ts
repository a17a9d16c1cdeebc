/**
 * Giving the page its main thread back between two slices of work, and
 * going on as soon as the page's own tasks have run.
 *
 * Why not `setTimeout(0)`: after five nested timers browsers wait at least
 * 4 ms for each one (HTML's timer clamping), so a long page checked in 8 ms
 * slices would sit idle a third of the time. A task posted with
 * `scheduler.postTask` (Chromium) or a message on a channel of our own (where
 * that is missing) runs as the next task in line, after whatever input,
 * rendering and page script came first: the page still gets every turn it
 * would have got.
 *
 * @module
 */

interface TaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

/** A function that resolves in a later task of `win`'s event loop. */
export function yieldingTo(win: (Window & { scheduler?: TaskScheduler }) | null): () => Promise<void> {
  const scheduler = win?.scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') {
    return () => scheduler.postTask(() => {}, { priority: 'user-visible' }).then(() => {});
  }
  if (typeof MessageChannel === 'function') {
    // One channel, its waiters resolved in order: a message is one task.
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => (win ? win.setTimeout(resolve, 0) : setTimeout(resolve, 0)));
}
