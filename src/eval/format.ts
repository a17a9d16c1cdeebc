/**
 * Plain-text rendering of evaluations for `npm run eval`: tables a developer
 * reads in a terminal, and the list of mistakes to work from.
 */
import type { Strictness } from '../core';
import { GOLD_LABELS, type GoldLabel, type GoldRow } from './gold';
import type { ClassScore, ConfusionTable, Evaluation } from './metrics';

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}

function fixed(value: number): string {
  return value.toFixed(2);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${Math.round((100 * part) / whole)}%`;
}

/** Rows: gold label; columns: predicted label (see `metrics.ts` for how `alsoAccept` lands on the diagonal). */
export function formatConfusion(confusion: ConfusionTable): string {
  const first = Math.max('gold \\ predicted'.length, ...GOLD_LABELS.map((l) => l.length));
  const widths = GOLD_LABELS.map((l) => Math.max(l.length, 5));
  const header = [pad('gold \\ predicted', first), ...GOLD_LABELS.map((l, i) => pad(l, widths[i] as number, 'right'))].join('  ');
  const rows = GOLD_LABELS.map((gold) =>
    [pad(gold, first), ...GOLD_LABELS.map((p, i) => pad(String(confusion[gold][p]), widths[i] as number, 'right'))].join('  '),
  );
  return [header, ...rows].join('\n');
}

export function formatClassScore(name: string, score: ClassScore): string {
  return (
    `${pad(name, 9)} precision ${fixed(score.precision)} (${score.correct}/${score.predicted})` +
    `  recall ${fixed(score.recall)} (${score.found}/${score.relevant})  F1 ${fixed(score.f1)}`
  );
}

function goldDescription(row: GoldRow): string {
  const label = row.severity ? `${row.label} (${row.severity})` : row.label;
  return row.alsoAccept.length > 0 ? `${label}, also accepts ${row.alsoAccept.join('/')}` : label;
}

function predictedDescription(label: GoldLabel, severity: string | undefined): string {
  return severity ? `${label} (${severity})` : label;
}

/** Everything about one strictness: counts, confusion table, scores, mistakes. */
export function formatEvaluation(strictness: Strictness, evaluation: Evaluation): string {
  const found = evaluation.total - evaluation.notFound.length;
  const lines = [
    `== ${strictness} ==`,
    `${evaluation.total} gold sentences, ${found} found in the reports (${evaluation.notFound.length} not found); ` +
      `${evaluation.accepted} accepted (${percent(evaluation.accepted, found)})`,
    '',
    formatConfusion(evaluation.confusion),
    '',
    formatClassScore('conflict', evaluation.conflict),
    formatClassScore('flagged', evaluation.flagged),
    `hard conflicts found as conflict: ${evaluation.hardConflicts.found}/${evaluation.hardConflicts.total} (${fixed(evaluation.hardConflicts.recall)})`,
    `neutral sentences called conflict: ${evaluation.neutralAsConflict}`,
  ];
  if (evaluation.notFound.length > 0) {
    lines.push('', `not found in the reports (${evaluation.notFound.length}): the sentence splitter cut them differently`);
    for (const row of evaluation.notFound) lines.push(`  ${row.file}: ${row.sentence}`);
  }
  lines.push('', `mistakes (${evaluation.mistakes.length}):`);
  for (const { gold, predicted, sentence } of evaluation.mistakes) {
    lines.push(`  ${gold.file}  gold ${goldDescription(gold)}  ->  predicted ${predictedDescription(predicted, sentence.severity)}`);
    lines.push(`    ${sentence.text}`);
    if (gold.why) lines.push(`    gold why: ${gold.why}`);
    if (sentence.reason) lines.push(`    engine:   ${sentence.reason}`);
  }
  return lines.join('\n');
}

/** One line a strictness, for comparing them at a glance. */
export function formatOverview(results: readonly { strictness: Strictness; evaluation: Evaluation }[]): string {
  const header = 'strictness  accepted  conflict P / R / F1   flagged P / R / F1    hard R  neutral->conflict';
  const rows = results.map(({ strictness, evaluation: e }) => {
    const found = e.total - e.notFound.length;
    const prf = (s: ClassScore): string => `${fixed(s.precision)} / ${fixed(s.recall)} / ${fixed(s.f1)}`;
    return [
      pad(strictness, 10),
      pad(`${e.accepted}/${found}`, 8),
      pad(prf(e.conflict), 20),
      pad(prf(e.flagged), 20),
      pad(fixed(e.hardConflicts.recall), 6),
      String(e.neutralAsConflict),
    ].join('  ');
  });
  return [header, ...rows].join('\n');
}
