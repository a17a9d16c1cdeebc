/**
 * Plain-text rendering of evaluations for `npm run eval`: tables a developer
 * reads in a terminal, and the list of mistakes to work from.
 */
import { STRICTNESS_LEVELS, type Strictness } from '../core';
import { GOLD_LABELS, type GoldRow } from './gold';
import type { Got, SetEvaluation } from './labelled';
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

function gotDescription(got: Got): string {
  return `${got.severity ? `${got.label} (${got.severity})` : got.label}${got.accepted ? '' : ' ✗'}`;
}

/** Figures of one strictness on one line (the header is {@link FIGURES_HEADER}). */
export function formatFigures(strictness: string, e: Evaluation): string {
  const hard = e.hardConflicts.total === 0 ? 'n/a' : `${fixed(e.hardConflicts.recall)} (${e.hardConflicts.found}/${e.hardConflicts.total})`;
  return [
    pad(strictness, 10),
    pad(`${fixed(e.accepted / Math.max(1, e.total))} (${e.accepted}/${e.total})`, 15),
    pad(`${fixed(e.conflict.precision)} (${e.conflict.correct}/${e.conflict.predicted})`, 14),
    pad(`${fixed(e.conflict.recall)} (${e.conflict.found}/${e.conflict.relevant})`, 14),
    pad(hard, 14),
    pad(`${fixed(e.flagged.precision)} / ${fixed(e.flagged.recall)} / ${fixed(e.flagged.f1)}`, 18),
    pad(String(e.neutralAsConflict), 8),
    String(e.notFound.length),
  ].join(' ');
}

export const FIGURES_HEADER = [
  pad('strictness', 10),
  pad('4-way acc', 15),
  pad('conflict P', 14),
  pad('conflict R', 14),
  pad('hard-confl R', 14),
  pad('flagged P/R/F1', 18),
  pad('neu->con', 8),
  'no sentence',
].join(' ');

/** The confusion tables of every strictness side by side (rows gold, columns predicted). */
export function formatConfusions(byStrictness: Record<Strictness, Evaluation>): string {
  const tables = STRICTNESS_LEVELS.map((s) => formatConfusion(byStrictness[s].confusion).split('\n'));
  const width = Math.max(...tables.flat().map((l) => l.length));
  const title = STRICTNESS_LEVELS.map((s) => pad(`confusion at ${s}`, width)).join('   ');
  const rows = (tables[0] as string[]).map((_, i) => tables.map((t) => pad(t[i] ?? '', width)).join('   '));
  return [title, ...rows].join('\n');
}

/** A labelled set: its figures at every strictness, confusion tables, and its worst misses. */
export function formatSetEvaluation(se: SetEvaluation, options: { misses: number }): string {
  const any = se.byStrictness.balanced;
  const lines = [
    `== ${se.name}: ${any.total} labelled sentences in ${se.files} files ==`,
    ...(se.missingFiles.length > 0 ? [`files named in the labels but absent (their sentences count as no verdict): ${se.missingFiles.join(', ')}`] : []),
    FIGURES_HEADER,
    ...STRICTNESS_LEVELS.map((s) => formatFigures(s, se.byStrictness[s])),
    '(4-way acc counts alsoAccept as right; neu->con: sentences labelled neutral called conflict; no sentence: labelled sentences the report did not hold, counted as no verdict)',
    '',
    formatConfusions(se.byStrictness),
  ];
  const notFound = any.notFound;
  if (notFound.length > 0) {
    lines.push('', `labelled sentences no report sentence covers (${notFound.length}):`);
    for (const row of notFound) lines.push(`  ${row.file}: ${row.sentence}`);
  }
  const shown = se.misses.slice(0, options.misses);
  lines.push('', `misses, worst first (${shown.length} of ${se.misses.length}${shown.length < se.misses.length ? '; --misses N shows more' : ''}):`);
  for (const miss of shown) {
    const got = STRICTNESS_LEVELS.map((s) => `${s} ${gotDescription(miss.got[s])}`).join(', ');
    lines.push(`  ${miss.gold.file}  gold ${goldDescription(miss.gold)}  got ${got}`);
    lines.push(`    "${miss.gold.sentence}"`);
    if (miss.gold.why) lines.push(`    gold why: ${miss.gold.why}`);
    const reasonAt = STRICTNESS_LEVELS.find((s) => !miss.got[s].accepted && miss.got[s].reason) ?? STRICTNESS_LEVELS.find((s) => miss.got[s].reason);
    if (reasonAt) lines.push(`    engine (${reasonAt}): ${miss.got[reasonAt].reason}`);
  }
  return lines.join('\n');
}
