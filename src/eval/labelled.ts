/**
 * One labelled set checked at every strictness: the figures of each
 * strictness (`evaluate`) and the misses, worst first, each with what the
 * engine said at every strictness.
 */
import { STRICTNESS_LEVELS, type Checker, type Severity, type Strictness } from '../core';
import type { GoldLabel, GoldRow } from './gold';
import { evaluate, goldAt, isAccepted, type Evaluation, type GoldMatch } from './metrics';
import type { LabelledSet } from './sets';

/** What the engine said about a labelled sentence at one strictness. */
export interface Got {
  label: GoldLabel;
  severity?: Severity;
  reason?: string;
  accepted: boolean;
}

/** A labelled sentence the engine got wrong at one strictness or more. */
export interface Miss {
  gold: GoldRow;
  got: Record<Strictness, Got>;
  /** How bad the worst of its mistakes is (see {@link missWeight}), plus 0.5 when it is made at balanced; misses are listed by it, worst first. */
  weight: number;
}

export interface SetEvaluation {
  name: string;
  files: number;
  /** Files the labels name that are not there (their rows count as no verdict). */
  missingFiles: string[];
  byStrictness: Record<Strictness, Evaluation>;
  misses: Miss[];
}

/**
 * How bad one mistake is, for ordering misses (not a figure):
 * 6 a neutral sentence called a conflict; 5 a supported one called a
 * conflict, or a hard conflict not called one; 3 a soft conflict neither
 * flagged nor accepted at balanced or strict; 2 a supported or neutral
 * sentence flagged unsupported; 1 anything else. At lenient, which flags
 * only hard conflicts by design, only the 6s and 5s count.
 */
export function missWeight(gold: GoldRow, got: GoldLabel, strictness: Strictness): number {
  if (isAccepted(gold, got)) return 0;
  if (got === 'conflict' && gold.label === 'neutral') return 6;
  if (got === 'conflict' && gold.label === 'supported') return 5;
  if (gold.label === 'conflict' && gold.severity === 'hard' && got !== 'conflict') return 5;
  if (strictness === 'lenient') return 0;
  if (gold.label === 'conflict') return 3;
  if (got === 'unsupported') return 2;
  return 1;
}

function gotOf(match: GoldMatch, strictness: Strictness): Got {
  const { sentence, predicted } = match;
  const gold = goldAt(match.gold, strictness);
  return {
    label: predicted,
    ...(sentence.severity && { severity: sentence.severity }),
    ...(sentence.reason && { reason: sentence.reason }),
    accepted: isAccepted(gold, predicted),
  };
}

/** Checks every file of the set at every strictness and scores the reports. */
export function evaluateSet(set: LabelledSet, checker: Checker): SetEvaluation {
  const byStrictness = {} as Record<Strictness, Evaluation>;
  const gotByRow = new Map<GoldRow, Partial<Record<Strictness, Got>>>();
  for (const strictness of STRICTNESS_LEVELS) {
    const reports = [...set.texts].map(([file, text]) => checker.check(text, { strictness, file }));
    const evaluation = evaluate(set.rows, reports, strictness);
    byStrictness[strictness] = evaluation;
    for (const match of evaluation.matches) {
      const got = gotByRow.get(match.gold) ?? {};
      got[strictness] = gotOf(match, strictness);
      gotByRow.set(match.gold, got);
    }
  }
  const misses: Miss[] = [];
  for (const row of set.rows) {
    const got = gotByRow.get(row) as Record<Strictness, Got>;
    if (STRICTNESS_LEVELS.every((s) => got[s].accepted)) continue;
    // A mistake at balanced, the default, goes before one of the same weight made only at another level.
    const weight = Math.max(...STRICTNESS_LEVELS.map((s) => missWeight(row, got[s].label, s))) + (got.balanced.accepted ? 0 : 0.5);
    misses.push({ gold: row, got, weight });
  }
  misses.sort((a, b) => b.weight - a.weight);
  return { name: set.name, files: set.texts.size, missingFiles: set.missing, byStrictness, misses };
}
