/**
 * `npx tsx tests/bench/gated.ts`: what a sentence costs the engine when a
 * common word ("chief", "minister", "agreement") lets it through the gate on a
 * page that is not about the subject. Such a page never asks for a verdict, so
 * this is all the engine does with it.
 *
 * Sentences: those of `unrelatedSentences` (tests/bench/corpus.ts) that the
 * gate lets through and that are not topical (about 7% of them pass the gate),
 * and a second, more varied set of ordinary news below (ministers, trade deals,
 * other countries, dates and figures), again only the gated, not topical ones.
 *
 * Measured, per set, in `--runs` rounds after one warm-up, alternating so that
 * load on the machine falls on all alike (median, min..max, in microseconds
 * per sentence):
 *  - engine: a fresh checker and page reading per round; its first sentence is
 *    read untimed (it compiles what the engine needs), then every other
 *    sentence of the set through `read`;
 *  - floor: `tokenize` of each sentence, the least any reading of the words costs;
 *  - gate: the trigger pattern tested on each sentence, what an ungated sentence costs.
 * And the first gated sentence of a page on a fresh checker, which compiles
 * the claim set: cold (the first in this process) and warm (median of 20).
 *
 * Options: `--runs N` (default 15), `--sentences N` (corpus sentences to pick from, default 40000).
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { triggerPattern } from '../../src/core/gate';
import { bundledClaimSet } from '../../src/core/claims/bundled';
import { createChecker } from '../../src/core/check';
import { tokenize } from '../../src/core/text/normalize';
import { splitSentences } from '../../src/core/text/sentences';
import { unrelatedSentences } from './corpus';
import { wholeNumberOption } from './options';

/** Ordinary news that a common word lets through the gate: none of it is about the EU–Japan partnership. */
const VARIED = [
  'The finance minister said the trade agreement with Canada would be signed in spring.',
  'Union leaders called the pay deal a fair one after three weeks of talks.',
  'The chief executive told reporters on Tuesday that the merger was on track.',
  'Prime Minister Anthony Albanese visited a flooded farm near Lismore on 3 March 2022.',
  "Brazil's environment minister announced a new partnership with local ranchers to protect 40,000 hectares.",
  'The health minister, who took office last year, promised 1,200 more nurses by 2026.',
  'A second round of talks on the fisheries accord is scheduled for next month in Reykjavik.',
  'The police chief resigned on Friday after the report was published.',
  'Norway and Iceland signed a customs treaty that will enter into force in January.',
  'The club agreed a deal worth 45 million euros for the Portuguese striker.',
  'Kenya and Ethiopia agreed to extend their border pact for another five years.',
  'The education minister said the first schools would reopen on 14 September.',
  'The fire chief said crews had contained 80 percent of the blaze by Sunday evening.',
  'Mexico and Canada renewed a water-sharing agreement that dates back to 1944.',
  'The transport minister unveiled a plan to double the number of night trains by 2030.',
  'Our representative at the tournament said the draw was fair.',
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** The sentences of `text`, in order, that the gate lets through and that are not topical, read as one page. */
function gatedNotTopical(sentences: readonly string[]): string[] {
  const reading = createChecker().startPage();
  const out: string[] = [];
  for (const sentence of sentences) {
    const a = reading.read(sentence);
    if (a && !a.topical) out.push(sentence);
  }
  return out;
}

function main(): void {
  const runs = wholeNumberOption('runs', 15);
  const pool = wholeNumberOption('sentences', 40000);

  // ---- the first gated sentence of a page: compiles the claim set ----
  const firstSentence = VARIED[0]!;
  const set = bundledClaimSet();
  const cold = timed(() => createChecker(set).startPage().read(firstSentence));
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) {
    const checker = createChecker(set);
    warm.push(timed(() => checker.startPage().read(firstSentence)));
  }

  const corpus = splitSentences(unrelatedSentences(pool, 1).join(' ')).map((s) => s.text);
  const sets = {
    corpus: gatedNotTopical(corpus),
    varied: gatedNotTopical(VARIED),
  };
  const gate = triggerPattern(set.registry);
  const lines: string[] = [];
  lines.push(`gated, not topical sentences: corpus ${sets.corpus.length} of ${corpus.length} (${((100 * sets.corpus.length) / corpus.length).toFixed(1)}%), varied ${sets.varied.length} of ${VARIED.length}; ${runs} rounds after a warm-up (median, min..max), microseconds per sentence`);
  lines.push('');
  lines.push(`${'set'.padEnd(8)} ${'engine read'.padEnd(22)} ${'floor: tokenize'.padEnd(22)} ${'gate test'.padEnd(22)} engine/floor`);
  let sink = 0;
  for (const [name, sentences] of Object.entries(sets)) {
    if (sentences.length < 2) throw new Error(`too few gated sentences in the ${name} set: ${sentences.length}`);
    const rest = sentences.slice(1);
    const engine = () => {
      const checker = createChecker(set);
      const reading = checker.startPage();
      reading.read(sentences[0]!);
      return timed(() => {
        for (const s of rest) if (reading.read(s)?.topical) sink += 1;
      });
    };
    const floor = () =>
      timed(() => {
        for (const s of rest) sink += tokenize(s).length;
      });
    const gateOnly = () =>
      timed(() => {
        for (const s of rest) if (gate.test(s)) sink += 1;
      });
    engine();
    floor();
    gateOnly();
    const ms = { engine: [] as number[], floor: [] as number[], gate: [] as number[] };
    for (let r = 0; r < runs; r++) {
      ms.engine.push(engine());
      ms.floor.push(floor());
      ms.gate.push(gateOnly());
    }
    const us = (values: number[]) => values.map((v) => (v * 1000) / rest.length);
    const show = (values: number[]) => {
      const u = us(values);
      return `${median(u).toFixed(2)} (${Math.min(...u).toFixed(2)}..${Math.max(...u).toFixed(2)})`;
    };
    lines.push(`${name.padEnd(8)} ${show(ms.engine).padEnd(22)} ${show(ms.floor).padEnd(22)} ${show(ms.gate).padEnd(22)} ${(median(ms.engine) / median(ms.floor)).toFixed(1)}x`);
  }
  lines.push('');
  lines.push(`first gated sentence on a fresh checker (compiles the claim set): cold ${cold.toFixed(1)} ms, warm median ${median(warm).toFixed(2)} ms (${Math.min(...warm).toFixed(2)}..${Math.max(...warm).toFixed(2)})`);
  if (sink < 0) lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench gated: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
