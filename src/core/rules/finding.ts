import type { Severity } from '../verdict';

/** The kinds of detail a sentence can get wrong. */
export type Detail = 'name' | 'role' | 'date' | 'place' | 'number' | 'ordinal' | 'negation' | 'actor' | 'document' | 'event';

/** One detail of a sentence that contradicts the reference. */
export interface Finding {
  detail: Detail;
  severity: Severity;
  /** In plain words, for the reader. */
  reason: string;
  claimId: string;
}
