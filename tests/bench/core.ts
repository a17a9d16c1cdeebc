/**
 * `npm run bench:core`: the engine alone, in Node, against a naive baseline
 * measured in the same run.
 *
 * Two pages of generated news (tests/bench/corpus.ts), one about the
 * reference's subject and one of ordinary news, each `--sentences` sentences
 * in paragraphs of four. Each kind is read by
 *  - the engine: `createChecker().check(page)` with a fresh checker per run,
 *    so every cache starts empty as on a newly opened page; making the checker
 *    is timed apart (see "one-off" below) and not counted in the run;
 *  - the naive baseline: the same sentence splitter, then every sentence
 *    searched with fuse.js against every claim (a `Fuse` over the claim set's
 *    claims, keyed on their passage and extra terms, fuse's default options),
 *    with no pre-filter. It reads about a hundred sentences a second, so it
 *    is timed on the first `--baseline-sentences` (default 500) sentences of
 *    the same page: it keeps nothing from one sentence to the next, so a
 *    prefix of the page gives its rate.
 * One warm-up run of each, then `--runs` timed runs, alternating engine and
 * baseline so that load on the machine falls on both alike; the median and
 * the spread (min..max) are reported in sentences per second.
 *
 * The one-off cost: validating the bundled claim set, making the checker
 * (compiling the claim set, building the fuse index) and its first `check`,
 * timed cold (the first time in this process) and warm (median of later
 * runs), beside the baseline's index build.
 *
 * Budget (exit code 1 when missed): on unrelated text the engine reads at
 * least 10 times as many sentences per second as the baseline. The ratio on
 * topical text is reported, not held to a budget.
 *
 * Writes `.output/bench-core.json`. Options: `--sentences N` (default 5000),
 * `--baseline-sentences N` (default 500), `--runs N` (default 5), `--kind topical|unrelated` (default both; a budget
 * of a kind not run is skipped, and said so).
 *
 * @module
 */
import Fuse from 'fuse.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import raw from '../../assets/claims.json';
import { loadClaimSet } from '../../src/core/claims/load';
import type { ClaimSet } from '../../src/core/claims/types';
import { createChecker } from '../../src/core/check';
import { splitSentences } from '../../src/core/text/sentences';
import { paragraphs, topicalSentences, unrelatedSentences } from './corpus';
import { wholeNumberOption } from './options';

const UNRELATED_BUDGET = 10;
const OUT_FILE = fileURLToPath(new URL('../../.output/bench-core.json', import.meta.url));

type Kind = 'topical' | 'unrelated';

function kindsAsked(): Kind[] {
  const at = process.argv.indexOf('--kind');
  if (at < 0) return ['topical', 'unrelated'];
  const value = process.argv[at + 1];
  if (value !== 'topical' && value !== 'unrelated') throw new Error(`--kind wants "topical" or "unrelated", not "${value ?? ''}"`);
  return [value];
}

/** Paragraphs one to a line, as the page reader hands text to the engine. */
function page(sentences: readonly string[]): string {
  return paragraphs(sentences, 4).map((p) => p.join(' ')).join('\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The naive matcher: one fuse.js index over the claims, every sentence searched in full. */
function baselineIndex(set: ClaimSet): Fuse<ClaimSet['claims'][number]> {
  return new Fuse(set.claims, { keys: ['passage', 'terms'] });
}

function runBaseline(fuse: Fuse<ClaimSet['claims'][number]>, text: string): number {
  let matched = 0;
  for (const span of splitSentences(text)) if (fuse.search(span.text).length > 0) matched += 1;
  return matched;
}

interface Series {
  runsMs: number[];
  sentencesPerSecond: { median: number; min: number; max: number };
}

function series(runsMs: number[], sentences: number): Series {
  const rates = runsMs.map((ms) => (sentences / ms) * 1000);
  return { runsMs, sentencesPerSecond: { median: median(rates), min: Math.min(...rates), max: Math.max(...rates) } };
}

function main(): void {
  const count = wholeNumberOption('sentences', 5000);
  const runs = wholeNumberOption('runs', 5);
  const baselineCount = Math.min(count, wholeNumberOption('baseline-sentences', 500));
  const kinds = kindsAsked();
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';

  // ---- one-off costs, cold first (nothing of the engine has run yet) ----
  const coldLoad = timed(() => loadClaimSet(raw, { file: 'assets/claims.json' }));
  const set = coldLoad.value;
  const coldCreate = timed(() => createChecker(set));
  const coldFirst = timed(() => coldCreate.value.check('Borrell and Iwaya announced the EU-Japan Security and Defence Partnership in Tokyo on 1 November 2024.'));
  const coldBaseline = timed(() => baselineIndex(set));
  const warmCreate: number[] = [];
  const warmFirst: number[] = [];
  const warmBaseline: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = timed(() => createChecker(set));
    warmCreate.push(c.ms);
    warmFirst.push(timed(() => c.value.check('Borrell and Iwaya announced the EU-Japan Security and Defence Partnership in Tokyo on 1 November 2024.')).ms);
    warmBaseline.push(timed(() => baselineIndex(set)).ms);
  }

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const heapChecker = createChecker(set);
  gc();
  const heapAfterCreate = process.memoryUsage().heapUsed;

  const generated: Record<Kind, string[]> = { topical: topicalSentences(count, 1), unrelated: unrelatedSentences(count, 1) };
  const results: Partial<Record<Kind, { sentences: number; baselineSentences: number; engine: Series; baseline: Series; ratio: number; verdicts: Record<string, number>; baselineMatched: number }>> = {};
  let heapAfterCheck = heapAfterCreate;

  for (const kind of kinds) {
    const text = page(generated[kind]);
    const baselineText = page(generated[kind].slice(0, baselineCount));
    const sentences = splitSentences(text).length;
    const baselineSentences = splitSentences(baselineText).length;
    const fuse = baselineIndex(set);
    // Warm-up: both paths once, so the timed runs measure compiled code.
    createChecker(set).check(text);
    runBaseline(fuse, baselineText);
    const engineMs: number[] = [];
    const baselineMs: number[] = [];
    let verdicts: Record<string, number> = {};
    let baselineMatched = 0;
    for (let r = 0; r < runs; r++) {
      const checker = createChecker(set);
      gc();
      const e = timed(() => checker.check(text));
      engineMs.push(e.ms);
      verdicts = { ...e.value.summary, topical: e.value.topical ? 1 : 0 };
      gc();
      const b = timed(() => runBaseline(fuse, baselineText));
      baselineMs.push(b.ms);
      baselineMatched = b.value;
    }
    heapChecker.check(text);
    gc();
    heapAfterCheck = Math.max(heapAfterCheck, process.memoryUsage().heapUsed);
    const engine = series(engineMs, sentences);
    const baseline = series(baselineMs, baselineSentences);
    results[kind] = { sentences, baselineSentences, engine, baseline, ratio: engine.sentencesPerSecond.median / baseline.sentencesPerSecond.median, verdicts, baselineMatched };
  }

  // ---- report ----
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const rate = (s: Series) => `${Math.round(s.sentencesPerSecond.median).toLocaleString('en')}/s (${Math.round(s.sentencesPerSecond.min).toLocaleString('en')}..${Math.round(s.sentencesPerSecond.max).toLocaleString('en')})`;
  const lines: string[] = [];
  lines.push(`engine vs naive fuse.js baseline: ${count} sentences per kind (baseline: the first ${baselineCount}), ${runs} timed runs after one warm-up (median, min..max)`);
  lines.push('');
  lines.push(`${'kind'.padEnd(10)} ${'engine'.padEnd(28)} ${'baseline'.padEnd(28)} engine/baseline`);
  for (const kind of kinds) {
    const r = results[kind]!;
    lines.push(`${kind.padEnd(10)} ${rate(r.engine).padEnd(28)} ${rate(r.baseline).padEnd(28)} ${r.ratio.toFixed(1)}x`);
  }
  lines.push('');
  lines.push('one-off (ms)                          cold      warm median');
  lines.push(`validate claim set                    ${coldLoad.ms.toFixed(1).padStart(6)}`);
  lines.push(`createChecker (the gate only)        ${coldCreate.ms.toFixed(1).padStart(6)}    ${median(warmCreate).toFixed(1).padStart(6)}`);
  lines.push(`first check (compiles the claim set) ${coldFirst.ms.toFixed(1).padStart(6)}    ${median(warmFirst).toFixed(1).padStart(6)}`);
  lines.push(`baseline fuse index                   ${coldBaseline.ms.toFixed(1).padStart(6)}    ${median(warmBaseline).toFixed(1).padStart(6)}`);
  lines.push('');
  lines.push(`heap used: ${mb(heapBefore)} MB before a checker, +${mb(heapAfterCreate - heapBefore)} MB for one checker, ${mb(heapAfterCheck)} MB at most after checking${hasGc ? '' : ' (no --expose-gc: figures include garbage)'}`);

  const failures: string[] = [];
  const unrelated = results.unrelated;
  if (!unrelated) lines.push(`budget: not checked (unrelated text not run)`);
  else if (unrelated.ratio < UNRELATED_BUDGET) failures.push(`budget missed: on unrelated text the engine is ${unrelated.ratio.toFixed(1)}x the naive baseline, the budget is at least ${UNRELATED_BUDGET}x`);
  else lines.push(`budget met: on unrelated text the engine is ${unrelated.ratio.toFixed(1)}x the naive baseline (budget: at least ${UNRELATED_BUDGET}x)`);
  process.stdout.write(`${lines.join('\n')}\n`);

  mkdirSync(fileURLToPath(new URL('../../.output/', import.meta.url)), { recursive: true });
  const report = {
    node: process.version,
    sentencesPerKind: count,
    baselineSentencesPerKind: baselineCount,
    runs,
    exposeGc: hasGc,
    kinds: results,
    oneOffMs: {
      validateClaimSet: coldLoad.ms,
      createChecker: { cold: coldCreate.ms, warmMedian: median(warmCreate) },
      firstCheck: { cold: coldFirst.ms, warmMedian: median(warmFirst) },
      baselineIndex: { cold: coldBaseline.ms, warmMedian: median(warmBaseline) },
    },
    heapBytes: { beforeChecker: heapBefore, oneChecker: heapAfterCreate - heapBefore, afterChecking: heapAfterCheck },
    budget: { unrelatedRatioAtLeast: UNRELATED_BUDGET, met: unrelated ? unrelated.ratio >= UNRELATED_BUDGET : null },
  };
  writeFileSync(OUT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${OUT_FILE}\n`);
  if (failures.length > 0) {
    process.stderr.write(`${failures.join('\n')}\n`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench:core: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
