/**
 * Scores page reports against the gold labels. Pure: rows and reports in,
 * figures out; reading files and printing belong to `src/cli/eval.ts`.
 *
 * Conventions, chosen once here:
 * - A gold row is found in the report of the same file (base name) whose
 *   sentence has the same text after whitespace is collapsed; each report
 *   sentence answers at most one gold row. Rows not found are listed and left
 *   out of every figure below.
 * - The predicted label is the report's verdict, `neutral` for `null`.
 * - A prediction is accepted when it is the gold label or in `alsoAccept`.
 * - Confusion table: `confusion[gold][predicted]`, where the gold side is the
 *   predicted label itself when that prediction is accepted (so an accepted
 *   alternative counts on the diagonal of the predicted label), else the gold
 *   label. The diagonal sums to the accepted rows; every off-diagonal cell is
 *   a mistake.
 * - Precision of a class set S (`conflict`, or flagged = conflict ∪
 *   unsupported): rows predicted in S whose gold label or `alsoAccept` meets
 *   S, over rows predicted in S. Recall: rows whose gold label is in S and
 *   whose prediction is in S, over rows whose gold label is in S. A ratio with
 *   nothing to divide by is 0.
 */
import type { PageReport, SentenceReport, Severity } from '../core';
import { GOLD_LABELS, type GoldLabel, type GoldRow } from './gold';

export type ConfusionTable = Record<GoldLabel, Record<GoldLabel, number>>;

/** Precision, recall and F1 of one class set, with the counts behind them. */
export interface ClassScore {
  /** Rows predicted in the set. */
  predicted: number;
  /** Of those, rows whose gold label or `alsoAccept` is in the set. */
  correct: number;
  /** Rows whose gold label is in the set. */
  relevant: number;
  /** Of those, rows predicted in the set. */
  found: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  /** Gold rows given. */
  total: number;
  /** Gold rows with no report sentence of the same text. */
  notFound: GoldRow[];
  /** Found rows whose prediction is accepted. */
  accepted: number;
  confusion: ConfusionTable;
  conflict: ClassScore;
  /** Flagged: predicted conflict or unsupported. */
  flagged: ClassScore;
  /** Gold conflicts of severity `hard` that were predicted as conflicts. */
  hardConflicts: { total: number; found: number; recall: number };
  /** Rows whose gold label is `neutral` and whose prediction is `conflict`: the engine must never do this. */
  neutralAsConflict: number;
  /** Found rows whose prediction is not accepted, in gold order. */
  mistakes: GoldMatch[];
}

const CONFLICT: ReadonlySet<GoldLabel> = new Set(['conflict']);
const FLAGGED: ReadonlySet<GoldLabel> = new Set(['conflict', 'unsupported']);

/** Whitespace-insensitive sentence key (the reference and some articles use no-break spaces). */
export function normalizeSentence(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function emptyConfusion(): ConfusionTable {
  const row = (): Record<GoldLabel, number> => Object.fromEntries(GOLD_LABELS.map((l) => [l, 0])) as Record<GoldLabel, number>;
  return Object.fromEntries(GOLD_LABELS.map((l) => [l, row()])) as ConfusionTable;
}

/** The label a report gives a sentence: its verdict, `neutral` for none. */
export function predictedLabel(sentence: SentenceReport): GoldLabel {
  return sentence.verdict ?? 'neutral';
}

export function isAccepted(gold: GoldRow, predicted: GoldLabel): boolean {
  return gold.label === predicted || gold.alsoAccept.includes(predicted);
}

/** A gold row and the report sentence it was matched to. */
export interface GoldMatch {
  gold: GoldRow;
  sentence: SentenceReport;
  predicted: GoldLabel;
}

/** Pairs each gold row with its report sentence; see the module comment for the rule. */
export function matchGold(gold: readonly GoldRow[], reports: readonly PageReport[]): { pairs: GoldMatch[]; notFound: GoldRow[] } {
  const byKey = new Map<string, SentenceReport[]>();
  for (const report of reports) {
    const file = baseName(report.file);
    for (const sentence of report.sentences) {
      const key = `${file}\u0000${normalizeSentence(sentence.text)}`;
      const queue = byKey.get(key);
      if (queue) queue.push(sentence);
      else byKey.set(key, [sentence]);
    }
  }
  const pairs: GoldMatch[] = [];
  const notFound: GoldRow[] = [];
  for (const row of gold) {
    const sentence = byKey.get(`${baseName(row.file)}\u0000${normalizeSentence(row.sentence)}`)?.shift();
    if (sentence) pairs.push({ gold: row, sentence, predicted: predictedLabel(sentence) });
    else notFound.push(row);
  }
  return { pairs, notFound };
}

function scoreClass(pairs: readonly GoldMatch[], set: ReadonlySet<GoldLabel>): ClassScore {
  let predicted = 0;
  let correct = 0;
  let relevant = 0;
  let found = 0;
  for (const { gold, predicted: label } of pairs) {
    const predictedIn = set.has(label);
    if (predictedIn) {
      predicted += 1;
      if (set.has(gold.label) || gold.alsoAccept.some((l) => set.has(l))) correct += 1;
    }
    if (set.has(gold.label)) {
      relevant += 1;
      if (predictedIn) found += 1;
    }
  }
  const precision = ratio(correct, predicted);
  const recall = ratio(found, relevant);
  return { predicted, correct, relevant, found, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

/** Scores the reports of one strictness against the gold rows. */
export function evaluate(gold: readonly GoldRow[], reports: readonly PageReport[]): Evaluation {
  const { pairs, notFound } = matchGold(gold, reports);
  const confusion = emptyConfusion();
  const mistakes: GoldMatch[] = [];
  let accepted = 0;
  let hardTotal = 0;
  let hardFound = 0;
  let neutralAsConflict = 0;

  for (const match of pairs) {
    const { gold: row, predicted } = match;
    if (isAccepted(row, predicted)) {
      accepted += 1;
      confusion[predicted][predicted] += 1;
    } else {
      confusion[row.label][predicted] += 1;
      mistakes.push(match);
    }
    if (row.label === 'conflict' && row.severity === 'hard') {
      hardTotal += 1;
      if (predicted === 'conflict') hardFound += 1;
    }
    if (row.label === 'neutral' && predicted === 'conflict') neutralAsConflict += 1;
  }

  return {
    total: gold.length,
    notFound,
    accepted,
    confusion,
    conflict: scoreClass(pairs, CONFLICT),
    flagged: scoreClass(pairs, FLAGGED),
    hardConflicts: { total: hardTotal, found: hardFound, recall: ratio(hardFound, hardTotal) },
    neutralAsConflict,
    mistakes,
  };
}

