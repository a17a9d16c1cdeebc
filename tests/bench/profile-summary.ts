/**
 * The functions that cost most in a V8 `.cpuprofile` (from `node --cpu-prof`):
 * self time and total time (self plus callees), by function and place.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [rows]');
const rows = Number(process.argv[3] ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
// Total time counts a function once per stack, however deeply it recurses.
const walk = (n: ProfileNode, onStack: Set<string>): number => {
  let sum = n.hitCount;
  const name = label(n);
  self.set(name, (self.get(name) ?? 0) + n.hitCount);
  all += n.hitCount;
  const fresh = !onStack.has(name);
  if (fresh) onStack.add(name);
  for (const c of n.children ?? []) sum += walk(byId.get(c)!, onStack);
  if (fresh) {
    onStack.delete(name);
    total.set(name, (total.get(name) ?? 0) + sum);
  }
  return sum;
};
walk(profile.nodes[0]!, new Set());
const pct = (v: number) => `${((v / all) * 100).toFixed(1).padStart(5)}%`;
process.stdout.write('self     total    function\n');
for (const [name, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, rows)) process.stdout.write(`${pct(v)}   ${pct(total.get(name) ?? 0)}   ${name}\n`);
process.stdout.write('\nby total\n');
for (const [name, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, rows)) process.stdout.write(`${pct(self.get(name) ?? 0)}   ${pct(v)}   ${name}\n`);

// Lines that cost most, from the samples' positions (self time only).
const lineTicks = new Map<string, number>();
for (const n of profile.nodes as (ProfileNode & { positionTicks?: { line: number; ticks: number }[] })[]) {
  for (const p of n.positionTicks ?? []) {
    const key = `${n.callFrame.url.replace(/^.*\//, '')}:${p.line}`;
    lineTicks.set(key, (lineTicks.get(key) ?? 0) + p.ticks);
  }
}
if (lineTicks.size > 0) {
  process.stdout.write('\nhot lines (self)\n');
  for (const [key, v] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, rows)) process.stdout.write(`${pct(v)}   ${key}\n`);
}
