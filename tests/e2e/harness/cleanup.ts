/**
 * Processes and temporary folders the harness made, removed even when a test
 * run is cut short: each launcher cleans up after itself, and a process `exit`
 * hook kills whatever is still running (by the process group we started).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set<ChildProcess>();
const dirs = new Set<string>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // The child was spawned `detached`, so it leads its own process group: this
    // also ends the content processes it started, and nothing else.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function cleanUpNow(): void {
  for (const child of children) killGroup(child, 'SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

process.once('exit', cleanUpNow);
// A run cut short (Ctrl-C, `timeout`, a worker ended by its pool) cleans up too,
// then dies of the same signal as it would have.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    cleanUpNow();
    process.kill(process.pid, signal);
  });
}

/** A fresh, empty folder under the system's temp folder, removed by `removeTempDir` or at exit. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  dirs.delete(dir);
}

/** Remembers a child spawned with `detached: true`, to kill its group at exit if it is still running. */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** Ends a tracked child's process group: SIGTERM, then SIGKILL if it is still running after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL');
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // The group may outlive its leader by a moment.
  killGroup(child, 'SIGKILL');
}
