/**
 * The reference checked against itself with the bundled checker, whose claims
 * are drawn from it.
 *
 * The reference's sentences are cut as the labels are cut
 * (`Intl.Segmenter('en', {granularity: 'sentence'})`, line by line, trimmed),
 * not by the engine's splitter, so the count does not move when the splitter
 * does. A sentence is *checkable* when, whitespace normalised (the text uses
 * U+00A0), it is a claim passage or lies inside one. Each sentence is matched
 * to the report as labelled sentences are (`matchGold`), so a sentence the
 * engine cut in two takes the stronger verdict of the pieces.
 *
 * Expected (issue 9): every checkable sentence `supported` at balanced and
 * strict; no sentence of the reference flagged (conflict or unsupported) at
 * any strictness.
 */
import { STRICTNESS_LEVELS, type Checker, type ClaimSet, type Strictness, type Verdict } from '../core';
import type { GoldRow } from './gold';
import { matchGold, normalizeSentence } from './metrics';

export interface SelfCheckSentence {
  text: string;
  checkable: boolean;
  /** The verdict at each strictness (`null`: none, or the report does not hold the sentence). */
  verdicts: Record<Strictness, Verdict | null>;
  /** The reason given where the sentence is flagged or checkable but not supported, at the first such strictness. */
  reason?: string;
}

export interface SelfCheck {
  sentences: SelfCheckSentence[];
  /** Sentences that are a claim passage or inside one. */
  checkable: number;
  byStrictness: Record<Strictness, { supported: number; notSupported: string[]; flagged: string[] }>;
  /** Sentences flagged at one strictness or more. */
  flaggedAnywhere: string[];
}

/** The sentences of `text` as the labels cut them: `Intl.Segmenter` line by line, trimmed, empty ones left out. */
export function segmentSentences(text: string): string[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const { segment } of segmenter.segment(line)) {
      const trimmed = segment.trim();
      if (trimmed) sentences.push(trimmed);
    }
  }
  return sentences;
}

/** Whether a sentence (whitespace normalised) is one of the passages or lies inside one. */
export function isCheckable(sentence: string, passages: readonly string[]): boolean {
  const s = normalizeSentence(sentence);
  return s.length > 0 && passages.some((p) => p.includes(s));
}

export function checkReferenceAgainstItself(reference: string, claimSet: ClaimSet, checker: Checker): SelfCheck {
  const file = 'reference.txt';
  const passages = claimSet.claims.map((c) => normalizeSentence(c.passage));
  const rows: GoldRow[] = segmentSentences(reference).map((sentence) => ({
    file,
    sentence,
    label: isCheckable(sentence, passages) ? 'supported' : 'neutral',
    alsoAccept: [],
  }));
  const verdicts = new Map<GoldRow, Partial<Record<Strictness, Verdict | null>>>();
  const reasons = new Map<GoldRow, string>();
  for (const strictness of STRICTNESS_LEVELS) {
    const report = checker.check(reference, { strictness, file });
    const { pairs } = matchGold(rows, [{ ...report, file }]);
    for (const row of rows) verdicts.set(row, { ...verdicts.get(row), [strictness]: null });
    for (const { gold, sentence } of pairs) {
      verdicts.set(gold, { ...verdicts.get(gold), [strictness]: sentence.verdict });
      const bad = sentence.verdict === 'conflict' || sentence.verdict === 'unsupported' || (gold.label === 'supported' && sentence.verdict !== 'supported');
      if (bad && sentence.reason && !reasons.has(gold)) reasons.set(gold, `${strictness}: ${sentence.reason}`);
    }
  }
  const sentences: SelfCheckSentence[] = rows.map((row) => ({
    text: row.sentence,
    checkable: row.label === 'supported',
    verdicts: verdicts.get(row) as Record<Strictness, Verdict | null>,
    ...(reasons.has(row) && { reason: reasons.get(row) }),
  }));
  const isFlagged = (v: Verdict | null): boolean => v === 'conflict' || v === 'unsupported';
  const byStrictness = Object.fromEntries(
    STRICTNESS_LEVELS.map((s) => [
      s,
      {
        supported: sentences.filter((x) => x.checkable && x.verdicts[s] === 'supported').length,
        notSupported: sentences.filter((x) => x.checkable && x.verdicts[s] !== 'supported').map((x) => x.text),
        flagged: sentences.filter((x) => isFlagged(x.verdicts[s])).map((x) => x.text),
      },
    ]),
  ) as SelfCheck['byStrictness'];
  return {
    sentences,
    checkable: sentences.filter((s) => s.checkable).length,
    byStrictness,
    flaggedAnywhere: sentences.filter((x) => STRICTNESS_LEVELS.some((s) => isFlagged(x.verdicts[s]))).map((x) => x.text),
  };
}

function short(text: string, max = 110): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function formatSelfCheck(result: SelfCheck): string {
  const lines = [
    `== reference: assets/reference.txt checked against itself (${result.sentences.length} sentences, ${result.checkable} checkable) ==`,
    'expected: every checkable sentence supported at balanced and strict; nothing flagged at any strictness',
  ];
  for (const s of STRICTNESS_LEVELS) {
    const r = result.byStrictness[s];
    lines.push(`${s.padEnd(9)} checkable supported ${r.supported}/${result.checkable}, flagged ${r.flagged.length}`);
  }
  const notSupported = result.sentences.filter((x) => x.checkable && x.verdicts.balanced !== 'supported' || x.checkable && x.verdicts.strict !== 'supported');
  if (notSupported.length > 0) {
    lines.push('', `checkable sentences not supported at balanced or strict (${notSupported.length}):`);
    for (const x of notSupported) lines.push(`  [${STRICTNESS_LEVELS.map((s) => `${s[0]}:${x.verdicts[s] ?? '-'}`).join(' ')}] ${short(x.text)}`);
  }
  const flagged = result.sentences.filter((x) => result.flaggedAnywhere.includes(x.text));
  lines.push('', `sentences flagged at some strictness (${flagged.length}):`);
  for (const x of flagged) {
    lines.push(`  [${STRICTNESS_LEVELS.map((s) => `${s[0]}:${x.verdicts[s] ?? '-'}`).join(' ')}] ${short(x.text)}`);
    if (x.reason) lines.push(`    engine ${x.reason}`);
  }
  return lines.join('\n');
}
