/**
 * Hand labels for the seed articles (`tests/fixtures/seed-gold.jsonl`): one
 * row a sentence. What the labels mean: `../shared/eval/README.md`.
 */
import { SEVERITIES, VERDICTS, type Severity, type Verdict } from '../core';

/** The engine's verdicts plus `neutral`: not a checkable claim about the reference's subject (the engine's `null`). */
export const GOLD_LABELS = [...VERDICTS, 'neutral'] as const;
export type GoldLabel = Verdict | 'neutral';

export interface GoldRow {
  /** The seed file's base name, e.g. `000_d5a01fd3a231b0ac.txt`. */
  file: string;
  sentence: string;
  label: GoldLabel;
  /** Only on conflicts. */
  severity?: Severity;
  /** Other labels a careful fact-checker would also accept. */
  alsoAccept: GoldLabel[];
  reference?: string;
  why?: string;
}

function isGoldLabel(value: unknown): value is GoldLabel {
  return typeof value === 'string' && (GOLD_LABELS as readonly string[]).includes(value);
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Parses JSON Lines; throws an error naming `source`, the line and the field on the first bad row. */
export function parseGold(jsonl: string, source: string): GoldRow[] {
  const rows: GoldRow[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${source}:${index + 1}`;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${where}: not JSON: ${(error as Error).message}`);
    }
    const { file, sentence, label, severity, alsoAccept = [], reference, why } = raw;
    if (typeof file !== 'string' || !file) throw new Error(`${where}: file must be a non-empty string`);
    if (typeof sentence !== 'string' || !sentence) throw new Error(`${where}: sentence must be a non-empty string`);
    if (!isGoldLabel(label)) throw new Error(`${where}: label must be one of ${GOLD_LABELS.join(', ')}`);
    if (severity !== undefined && !isSeverity(severity)) throw new Error(`${where}: severity must be one of ${SEVERITIES.join(', ')}`);
    if (!Array.isArray(alsoAccept) || !alsoAccept.every(isGoldLabel)) {
      throw new Error(`${where}: alsoAccept must be a list of ${GOLD_LABELS.join(', ')}`);
    }
    rows.push({
      file,
      sentence,
      label,
      ...(severity !== undefined && { severity }),
      alsoAccept,
      ...(typeof reference === 'string' && { reference }),
      ...(typeof why === 'string' && { why }),
    });
  });
  return rows;
}
