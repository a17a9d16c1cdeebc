/**
 * The engine's verdicts, recorded sentence by sentence, so that a change made
 * for speed can be shown to change no verdict: every sentence of the seed
 * articles, the nearby articles, and a few thousand generated sentences (about
 * the subject, ordinary news, and the two interleaved so that "he" and "the
 * pact" carry across kinds), with the full decision at every strictness.
 *
 * `npx tsx tests/bench/snapshot.ts --write` rewrites the recorded snapshot
 * (only when a verdict is meant to change); without `--write` it compares and
 * exits 1 on the first difference. `tests/unit/core/engine-snapshot.test.ts`
 * runs the same comparison in the unit project.
 *
 * @module
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createChecker, STRICTNESS_LEVELS, type Checker, type PageReport } from '../../src/core';
import { paragraphs, topicalSentences, unrelatedSentences } from './corpus';

export const SNAPSHOT_FILE = fileURLToPath(new URL('../unit/core/engine-snapshot.jsonl', import.meta.url));

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Paragraphs one to a line, as a page reader hands them to the engine. */
function page(sentences: readonly string[]): string {
  return paragraphs(sentences, 4).map((p) => p.join(' ')).join('\n');
}

/** The texts the snapshot covers, by name, in a fixed order. */
export function snapshotTexts(): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  for (const dir of ['seeds', 'nearby']) {
    const url = new URL(`${dir}/`, FIXTURES);
    for (const file of readdirSync(url).filter((f) => f.endsWith('.txt')).sort()) {
      texts.push({ name: `${dir}/${file}`, text: readFileSync(new URL(file, url), 'utf8') });
    }
  }
  // The bare templates (no retelling): the texts this snapshot was first recorded on.
  texts.push({ name: 'corpus/topical', text: page(topicalSentences(1500, 7, 8, { retell: false })) });
  texts.push({ name: 'corpus/unrelated', text: page(unrelatedSentences(1500, 7, { retell: false })) });
  // Ordinary news and news about the subject, paragraph by paragraph.
  const mixed: string[] = [];
  const topical = paragraphs(topicalSentences(600, 11, 8, { retell: false }), 3);
  const unrelated = paragraphs(unrelatedSentences(600, 11, { retell: false }), 3);
  for (let i = 0; i < topical.length; i++) mixed.push(unrelated[i]!.join(' '), topical[i]!.join(' '));
  texts.push({ name: 'corpus/mixed', text: mixed.join('\n') });
  return texts;
}

/**
 * The snapshot as lines. Each distinct decision (verdict, severity, reason,
 * claim id, reference passage) is written once, in order of first use, as
 * `{"decision":n,...}`; each text then gets a line for its page-level outcome
 * and each sentence a line `[text, start, end, lenient, balanced, strict]`
 * naming its decisions by number. Interning keeps the file small (news repeats
 * its verdicts) without leaving out any field of a decision.
 */
export function engineSnapshot(checker: Checker = createChecker()): string[] {
  const decisions = new Map<string, number>();
  const decisionLines: string[] = [];
  const idOf = (decision: object): number => {
    const json = JSON.stringify(decision);
    let id = decisions.get(json);
    if (id === undefined) {
      decisions.set(json, (id = decisions.size));
      decisionLines.push(JSON.stringify({ decision: id, ...decision }));
    }
    return id;
  };
  const lines: string[] = [];
  for (const { name, text } of snapshotTexts()) {
    const reports: PageReport[] = STRICTNESS_LEVELS.map((strictness) => checker.check(text, { strictness, file: name }));
    lines.push(JSON.stringify({ text: name, sentences: reports.map((r) => r.sentences.length), topical: reports.map((r) => r.topical), summary: reports.map((r) => r.summary) }));
    reports[0]!.sentences.forEach((sentence, i) => {
      const ids = reports.map((r) => {
        const { text: _text, start, end, ...decision } = r.sentences[i]!;
        if (start !== sentence.start || end !== sentence.end) throw new Error(`${name}: sentence ${i} has other offsets at ${r.strictness}`);
        return idOf(decision);
      });
      lines.push(JSON.stringify([name, sentence.start, sentence.end, ...ids]));
    });
  }
  return [...decisionLines, ...lines];
}

export function readSnapshot(): string[] {
  return readFileSync(SNAPSHOT_FILE, 'utf8').split('\n').filter((line) => line !== '');
}

/** The first line where two snapshots differ, or undefined when they are equal. */
export function firstDifference(expected: readonly string[], actual: readonly string[]): { line: number; expected?: string; actual?: string } | undefined {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) return { line: i + 1, ...(expected[i] !== undefined ? { expected: expected[i] } : {}), ...(actual[i] !== undefined ? { actual: actual[i] } : {}) };
  }
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const actual = engineSnapshot();
  if (process.argv.includes('--write')) {
    writeFileSync(SNAPSHOT_FILE, `${actual.join('\n')}\n`);
    process.stdout.write(`wrote ${actual.length} lines to ${SNAPSHOT_FILE}\n`);
  } else {
    const diff = firstDifference(readSnapshot(), actual);
    if (diff) {
      process.stderr.write(`snapshot differs at line ${diff.line}\n expected: ${diff.expected}\n actual:   ${diff.actual}\n`);
      process.exitCode = 1;
    } else process.stdout.write(`snapshot equal (${actual.length} lines)\n`);
  }
}
