/**
 * Scores page reports against the gold labels. Pure: rows and reports in,
 * figures out; reading files and printing belong to `src/cli/eval.ts`.
 *
 * Conventions, chosen once here:
 * - A gold row is found by where its text lies in the report of the same file
 *   (base name), not by equal text, since the engine's splitter may cut
 *   sentences differently from the labels' (see `matchGold`). A row the
 *   engine cut into pieces takes the strongest verdict of the pieces.
 * - The predicted label is the report's verdict, `neutral` for `null`. A row
 *   the reports do not hold at all is listed in `notFound` and counts as
 *   `neutral` (no verdict) in every figure below.
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
import { STRICTNESS_PRESETS, type PageReport, type SentenceReport, type Severity, type Strictness } from '../core';
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
  /** Rows whose prediction is not accepted (rows not found included, as neutral), in gold order. */
  mistakes: GoldMatch[];
  /** Every row with its prediction (rows not found: neutral, `pieces` 0), in gold order. */
  matches: GoldMatch[];
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

/**
 * What a strictness should show of a gold row, by the labels' README: a level
 * that does not flag soft conflicts or unsupported claims (lenient) should
 * say nothing of them, so for it their label is neutral. The presets say what
 * each level flags; nothing else is assumed.
 */
export function goldAt(row: GoldRow, strictness: Strictness): GoldRow {
  const preset = STRICTNESS_PRESETS[strictness];
  const shown = (label: GoldLabel): GoldLabel =>
    (label === 'unsupported' && !preset.flagUnsupported) || (label === 'conflict' && row.severity === 'soft' && !preset.flagSoftConflicts) ? 'neutral' : label;
  const label = shown(row.label);
  if (label === row.label) return row;
  return { ...row, label, alsoAccept: [...new Set(row.alsoAccept.map(shown))].filter((l) => l !== label) };
}

/** A gold row and the report sentence it was matched to. */
export interface GoldMatch {
  gold: GoldRow;
  /**
   * The report sentence whose verdict stands for the row: when the engine cut
   * the row's text into several sentences, the one with the strongest verdict
   * (see {@link VERDICT_STRENGTH}); when it joined the row with its
   * neighbours, that joined sentence.
   */
  sentence: SentenceReport;
  predicted: GoldLabel;
  /** How many report sentences answer the row (2 or more: the engine cut it). */
  pieces: number;
}

/** Which verdict stands for a labelled sentence the engine cut into pieces: the one a reader sees most. */
export const VERDICT_STRENGTH: Readonly<Record<GoldLabel, number>> = { conflict: 3, unsupported: 2, supported: 1, neutral: 0 };

/**
 * Folds text for locating a labelled sentence in a report: whitespace runs
 * become one space, curly quotes and dashes their ASCII forms, letters lower
 * case. Every step maps one character to one character (whitespace runs
 * aside, which `normalizeSentence` collapses first), so offsets in the folded
 * text are offsets in the collapsed text.
 */
export function foldForMatching(text: string): string {
  return normalizeSentence(text)
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}

function wordsOf(text: string): string[] {
  return foldForMatching(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The sentences of one file's reports laid end to end, one space apart, with where each one lies. */
interface FileTrack {
  text: string;
  pieces: { sentence: SentenceReport; start: number; end: number }[];
  /** Spans of `text` already given to a gold row. */
  used: [number, number][];
  cursor: number;
}

function buildTrack(sentences: readonly SentenceReport[]): FileTrack {
  let text = '';
  const pieces: FileTrack['pieces'] = [];
  for (const sentence of sentences) {
    const folded = foldForMatching(sentence.text);
    if (!folded) continue;
    if (text) text += ' ';
    pieces.push({ sentence, start: text.length, end: text.length + folded.length });
    text += folded;
  }
  return { text, pieces, used: [], cursor: 0 };
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Where `needle` lies in the track, at or after the cursor first, then anywhere; never on a span already used. */
function locate(track: FileTrack, needle: string): [number, number] | undefined {
  const { text } = track;
  const candidates = (wordEdges: boolean): [number, number] | undefined => {
    for (const from of [track.cursor, 0]) {
      for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
        const span: [number, number] = [at, at + needle.length];
        if (wordEdges && ((at > 0 && text[at - 1] !== ' ') || (span[1] < text.length && text[span[1]] !== ' '))) continue;
        if (!track.used.some((u) => overlaps(u, span))) return span;
      }
    }
    return undefined;
  };
  return candidates(true) ?? candidates(false);
}

/** Fallback when the text is not found as it stands: the report sentence sharing most of the row's words (at least 80% of them). */
function closestByWords(track: FileTrack, sentence: string): [number, number] | undefined {
  const wanted = wordsOf(sentence);
  if (wanted.length < 3) return undefined;
  let best: { span: [number, number]; score: number } | undefined;
  for (const piece of track.pieces) {
    const span: [number, number] = [piece.start, piece.end];
    if (track.used.some((u) => overlaps(u, span))) continue;
    const have = new Map<string, number>();
    for (const w of wordsOf(piece.sentence.text)) have.set(w, (have.get(w) ?? 0) + 1);
    let shared = 0;
    for (const w of wanted) {
      const n = have.get(w) ?? 0;
      if (n > 0) {
        shared += 1;
        have.set(w, n - 1);
      }
    }
    const score = shared / Math.max(wanted.length, wordsOf(piece.sentence.text).length);
    if (score >= 0.8 && (!best || score > best.score)) best = { span, score };
  }
  return best?.span;
}

/**
 * The report sentences that answer a located span: each that covers at least
 * half of the span, or lies at least half inside it; failing both, the one
 * overlapping it most.
 */
function answering(track: FileTrack, span: [number, number]): SentenceReport[] {
  const touching = track.pieces
    .map((p) => ({ p, shared: Math.min(p.end, span[1]) - Math.max(p.start, span[0]) }))
    .filter(({ shared }) => shared > 0);
  const length = span[1] - span[0];
  const strong = touching.filter(({ p, shared }) => shared * 2 >= length || shared * 2 >= p.end - p.start);
  if (strong.length > 0) return strong.map(({ p }) => p.sentence);
  const most = touching.sort((a, b) => b.shared - a.shared)[0];
  return most ? [most.p.sentence] : [];
}

/**
 * Pairs each gold row with the report sentence(s) covering its text. The
 * engine's splitter may cut differently from `Intl.Segmenter`, which cut the
 * labels, so a row is matched by where its text lies, not by equal text:
 *
 * - The report sentences of the row's file (same base name) are laid end to
 *   end (folded: whitespace, quotes, dashes, case) and the row's folded text
 *   is looked for in them, at or after where the previous row of that file
 *   was found, else anywhere, never on text an earlier row took (so a
 *   sentence repeated in an article answers one row each time).
 * - Not found that way, the row goes to the unused report sentence sharing at
 *   least 80% of its words (and of that sentence's words), if any.
 * - The report sentences covering the found text answer the row: its
 *   prediction is their strongest verdict (several when the engine cut the
 *   row; one, possibly longer, when it joined it with a neighbour).
 * - A row found nowhere is in `notFound`. `evaluate` counts it as predicted
 *   `neutral` (the report gave that sentence no verdict), and lists it.
 */
export function matchGold(gold: readonly GoldRow[], reports: readonly PageReport[]): { pairs: GoldMatch[]; notFound: GoldRow[] } {
  const sentencesByFile = new Map<string, SentenceReport[]>();
  for (const report of reports) {
    const file = baseName(report.file);
    sentencesByFile.set(file, [...(sentencesByFile.get(file) ?? []), ...report.sentences]);
  }
  const tracks = new Map<string, FileTrack>();
  const pairs: GoldMatch[] = [];
  const notFound: GoldRow[] = [];
  for (const row of gold) {
    const file = baseName(row.file);
    let track = tracks.get(file);
    if (!track) {
      track = buildTrack(sentencesByFile.get(file) ?? []);
      tracks.set(file, track);
    }
    const needle = foldForMatching(row.sentence);
    const span = (needle ? locate(track, needle) : undefined) ?? closestByWords(track, row.sentence);
    const answers = span ? answering(track, span) : [];
    if (!span || answers.length === 0) {
      notFound.push(row);
      continue;
    }
    track.used.push(span);
    track.cursor = span[1];
    let best = answers[0] as SentenceReport;
    for (const s of answers) if (VERDICT_STRENGTH[predictedLabel(s)] > VERDICT_STRENGTH[predictedLabel(best)]) best = s;
    pairs.push({ gold: row, sentence: best, predicted: predictedLabel(best), pieces: answers.length });
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
export function evaluate(gold: readonly GoldRow[], reports: readonly PageReport[], strictness?: Strictness): Evaluation {
  const matched = matchGold(gold, reports);
  const { notFound } = matched;
  // A row the reports do not hold got no verdict: it counts as predicted neutral.
  const pairs: GoldMatch[] = [
    ...matched.pairs,
    ...notFound.map((row) => ({ gold: row, sentence: { text: row.sentence, start: 0, end: 0, verdict: null }, predicted: 'neutral' as const, pieces: 0 })),
  ];
  const order = new Map(gold.map((row, i) => [row, i]));
  pairs.sort((a, b) => (order.get(a.gold) ?? 0) - (order.get(b.gold) ?? 0));
  const confusion = emptyConfusion();
  const mistakes: GoldMatch[] = [];
  let accepted = 0;
  let hardTotal = 0;
  let hardFound = 0;
  let neutralAsConflict = 0;

  // Scored against what the strictness should show (see `goldAt`); the matches keep the rows as labelled.
  const seen = strictness ? pairs.map((p) => ({ ...p, gold: goldAt(p.gold, strictness) })) : pairs;
  for (const match of seen) {
    const { gold: row, predicted } = match;
    if (isAccepted(row, predicted)) {
      accepted += 1;
      confusion[predicted][predicted] += 1;
    } else {
      confusion[row.label][predicted] += 1;
      mistakes.push(pairs[seen.indexOf(match)]!);
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
    conflict: scoreClass(seen, CONFLICT),
    flagged: scoreClass(seen, FLAGGED),
    hardConflicts: { total: hardTotal, found: hardFound, recall: ratio(hardFound, hardTotal) },
    neutralAsConflict,
    mistakes,
    matches: pairs,
  };
}

