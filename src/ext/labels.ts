import type { Severity, Strictness, Verdict } from '../core';

/**
 * The words the extension shows a reader for the engine's names, defined once
 * so the popup, the exported Markdown and the in-page card say the same thing.
 */

/** A verdict as a reader sees it. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = Object.freeze({
  conflict: 'Conflict',
  unsupported: 'Unsupported',
  supported: 'Supported',
});

/** A conflict's severity as a reader sees it. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = Object.freeze({
  hard: 'hard',
  soft: 'soft',
});

/** A strictness level's name and what it flags, in the words of the README's table. */
export interface StrictnessLabel {
  /** Short name for a control. */
  readonly name: string;
  /** What the level flags, one line. */
  readonly description: string;
}

/** Each strictness level's name and what it flags. */
export const STRICTNESS_LABELS: Readonly<Record<Strictness, StrictnessLabel>> = Object.freeze({
  lenient: Object.freeze({ name: 'Lenient', description: 'Flags only clear errors: a wrong name, role, date, place or number.' }),
  balanced: Object.freeze({ name: 'Balanced', description: 'Flags every conflict, including overstated wording, and claims the release does not contain.' }),
  strict: Object.freeze({ name: 'Strict', description: 'Also flags claims the release supports only weakly.' }),
});

/** The noun after a count: "conflict", "conflicts", "unsupported". */
export function countNoun(count: number, verdict: Verdict): string {
  if (verdict === 'conflict') return count === 1 ? 'conflict' : 'conflicts';
  return verdict;
}

/** "1 conflict", "2 conflicts", "3 supported": counts in the summary and the export. */
export function countLabel(count: number, verdict: Verdict): string {
  return `${count} ${countNoun(count, verdict)}`;
}
