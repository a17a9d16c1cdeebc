/**
 * Strictness presets, defined once. A preset is a plain options object; the
 * engine reads only these fields, so what each level flags follows from the
 * numbers here and nowhere else.
 */
export const STRICTNESS_LEVELS = ['lenient', 'balanced', 'strict'] as const;

export type Strictness = (typeof STRICTNESS_LEVELS)[number];

export const DEFAULT_STRICTNESS: Strictness = 'balanced';

export interface StrictnessPreset {
  /** Report soft conflicts (overstated or shifted wording) as conflicts. */
  readonly flagSoftConflicts: boolean;
  /** Report on-topic claims that the reference does not contain. */
  readonly flagUnsupported: boolean;
  /**
   * Support a sentence needs (0..1, share of its content the best claims cover)
   * to be called supported; below it an on-topic sentence is unsupported when
   * `flagUnsupported` is on and support is under `unsupportedBelow`, else left alone.
   */
  readonly supportedAtLeast: number;
  /** Below this support an on-topic sentence counts as unsupported (when flagged). */
  readonly unsupportedBelow: number;
  /**
   * Support enough when the rules compared a detail of the sentence (a title,
   * an ordinal, a date) and found it right: checked details are stronger
   * evidence than shared words.
   */
  readonly supportedIfConfirmedAtLeast: number;
}

export const STRICTNESS_PRESETS: Readonly<Record<Strictness, StrictnessPreset>> = Object.freeze({
  lenient: Object.freeze({
    flagSoftConflicts: false,
    flagUnsupported: false,
    supportedAtLeast: 0.35,
    unsupportedBelow: 0,
    supportedIfConfirmedAtLeast: 0.2,
  }),
  balanced: Object.freeze({
    flagSoftConflicts: true,
    flagUnsupported: true,
    supportedAtLeast: 0.35,
    unsupportedBelow: 0,
    supportedIfConfirmedAtLeast: 0.2,
  }),
  strict: Object.freeze({
    flagSoftConflicts: true,
    flagUnsupported: true,
    supportedAtLeast: 0.55,
    unsupportedBelow: 0.55,
    supportedIfConfirmedAtLeast: 0.35,
  }),
});

export function isStrictness(value: unknown): value is Strictness {
  return typeof value === 'string' && (STRICTNESS_LEVELS as readonly string[]).includes(value);
}
