import { ANAPHOR, assessSentence, newPageContext, triggerPattern, type Assessment } from './assess';
import { bundledClaimSet } from './claims/bundled';
import type { ClaimSet } from './claims/types';
import { compileKnowledge, type Knowledge } from './knowledge';
import type { PageReport, SentenceReport } from './report';
import { summarize } from './report';
import { DEFAULT_STRICTNESS, STRICTNESS_PRESETS, type Strictness, type StrictnessPreset } from './strictness';
import { referenceDates } from './support';
import { splitSentences, type TextSpan } from './text/sentences';
import type { DateSpec } from './claims/types';

export interface CheckOptions {
  strictness?: Strictness;
  /** Name of what is checked: a file name or a page URL. */
  file?: string;
}

export interface Checker {
  /** Check a whole text: split it into sentences and give each its verdict. */
  check(text: string, options?: CheckOptions): PageReport;
  /** The claim set this checker checks against. */
  readonly claimSet: ClaimSet;
}

/** Turn an assessment into what the reader sees at a strictness: the one place where strictness acts. */
export function decide(assessment: Assessment, preset: StrictnessPreset, k: Knowledge): Omit<SentenceReport, 'text' | 'start' | 'end'> {
  const { findings, topical, support, otherEvents } = assessment;
  const hard = findings.filter((f) => f.severity === 'hard');
  const soft = findings.filter((f) => f.severity === 'soft');
  // Every conflict this strictness flags is told, the hard ones first.
  const shown = [...hard, ...(preset.flagSoftConflicts ? soft : [])];
  if (shown.length > 0) {
    const claim = k.claimById.get(shown[0]!.claimId);
    return {
      verdict: 'conflict',
      severity: hard.length > 0 ? 'hard' : 'soft',
      reason: [...new Set(shown.map((f) => f.reason))].join(' '),
      ...(claim ? { claimId: claim.id, quote: claim.passage } : {}),
    };
  }
  // A soft conflict that this strictness does not flag still rules out "supported".
  if (soft.length > 0 || !topical) return { verdict: null };
  const closest = support.claim !== undefined ? k.claims[support.claim] : undefined;
  const cite = closest && support.coverage >= 0.2 ? { claimId: closest.id, quote: closest.passage } : {};
  const other = otherEvents[0];
  if (other && support.uncovered.length === 0) {
    if (!preset.flagUnsupported) return { verdict: null };
    const passage = k.claimById.get(other.claim)?.passage;
    return { verdict: 'unsupported', reason: `The reference covers only ${other.name}; it says nothing of this one.`, ...(passage ? { claimId: other.claim, quote: passage } : {}) };
  }
  if (support.uncovered.length > 0) {
    if (!preset.flagUnsupported) return { verdict: null };
    const list = support.uncovered.slice(0, 4).map((u) => `"${u}"`);
    const named = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
    return { verdict: 'unsupported', reason: `The reference does not mention ${named}.`, ...cite };
  }
  const needed = assessment.confirmed.length > 0 ? preset.supportedIfConfirmedAtLeast : preset.supportedAtLeast;
  if (support.coverage >= needed && support.shared >= 2 && closest) {
    return { verdict: 'supported', reason: 'The reference says this.', claimId: closest.id, quote: closest.passage };
  }
  if (preset.flagUnsupported && support.coverage < Math.min(needed, preset.unsupportedBelow)) {
    return { verdict: 'unsupported', reason: 'The reference gives at most weak support for this.', ...cite };
  }
  return { verdict: null };
}

/** The engine over one claim set; the set is compiled once and shared by every check. */
export function createChecker(claimSet: ClaimSet = bundledClaimSet()): Checker {
  const k = compileKnowledge(claimSet);
  const dates: DateSpec[] = referenceDates(k);
  const trigger = triggerPattern(k);

  const assessAll = (spans: TextSpan[]): (Assessment | undefined)[] => {
    const context = newPageContext();
    let anyTopical = false;
    const out = spans.map((span) => {
      const antecedent = context.lastPerson !== undefined || context.lastDocument !== undefined || context.lastPeople > 0;
      if (!trigger.test(span.text) && !(antecedent && ANAPHOR.test(span.text))) {
        context.lastPeople = 0;
        return undefined;
      }
      const a = assessSentence(span.text, k, context, dates);
      anyTopical ||= a.topical;
      return a;
    });
    // A page that says nothing of the subject gets no verdicts at all: quiet, not wrong.
    return anyTopical ? out : out.map(() => undefined);
  };

  return {
    claimSet,
    check(text, options = {}) {
      const strictness = options.strictness ?? DEFAULT_STRICTNESS;
      const preset = STRICTNESS_PRESETS[strictness];
      const spans = splitSentences(text);
      const assessments = assessAll(spans);
      const sentences: SentenceReport[] = spans.map((span, i) => {
        const a = assessments[i];
        return { text: span.text, start: span.start, end: span.end, ...(a ? decide(a, preset, k) : { verdict: null }) };
      });
      return {
        file: options.file ?? '-',
        strictness,
        topical: assessments.some((a) => a !== undefined),
        sentences,
        summary: summarize(sentences),
      };
    },
  };
}

let shared: Checker | undefined;

/** A checker over the bundled claim set, made on first use. */
export function defaultChecker(): Checker {
  shared ??= createChecker();
  return shared;
}
