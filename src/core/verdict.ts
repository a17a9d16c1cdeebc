/**
 * The verdict names, defined once: the engine, the CLI, the extension and the
 * tests all import them from here.
 */
export const VERDICTS = ['conflict', 'unsupported', 'supported'] as const;

/** What the reference says of a sentence. `null` in a report means "no verdict": the sentence is not about the reference's subject, or the engine is unsure. */
export type Verdict = (typeof VERDICTS)[number];

export const SEVERITIES = ['hard', 'soft'] as const;

/**
 * How a conflict contradicts the reference: `hard` for a wrong name, role, date,
 * place, number, ordinal, negation or actor; `soft` for wording that overstates
 * or shifts it ("signed" where the reference says "announced").
 */
export type Severity = (typeof SEVERITIES)[number];

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}
