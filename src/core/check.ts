import { ANAPHOR, assessSentence, newPageContext, type Assessment } from './assess';
import { triggerPattern } from './gate';
import { bundledClaimSet } from './claims/bundled';
import type { ClaimSet } from './claims/types';
import { compileKnowledge, type Knowledge } from './knowledge';
import type { PageReport, ReportFinding, SentenceReport } from './report';
import { summarize } from './report';
import { DEFAULT_STRICTNESS, STRICTNESS_PRESETS, type Strictness, type StrictnessPreset } from './strictness';
import { referenceDates, restates } from './support';
import { splitSentences } from './text/sentences';
import { isCreditLine } from './facts/asides';
import type { DateSpec } from './claims/types';

export interface CheckOptions {
  strictness?: Strictness;
  /** Name of what is checked: a file name or a page URL. */
  file?: string;
}

import type { Decision } from './report';
export type { Decision };

/**
 * One page read a sentence at a time, in page order: whom "he" stands for,
 * misspellings already seen, and whether the page is about the subject carry
 * from one sentence to the next, exactly as in `check`.
 */
export interface PageReading {
  /** The engine's reading of the next sentence; `undefined` when the gate let it pass unread. */
  read(sentence: string): Assessment | undefined;
  /**
   * Whether the gate would let every sentence of `text` (a paragraph, say)
   * pass unread, given what the page said before it: then reading them one by
   * one would change nothing, neither a verdict nor the page context, and a
   * caller may leave the text unsplit. Conservative: `false` means only that
   * some sentence might need reading.
   */
  wouldPassUnread(text: string): boolean;
  /** Whether any sentence read so far is about the subject: until one is, no sentence gets a verdict. */
  readonly topical: boolean;
  /**
   * Whether the next sentence is read whatever words it holds: the page is
   * about the subject, or someone or something was named that "he" or "it"
   * may stand for. While it is false, a sentence without a gate word passes
   * unread (see `gatePattern`), which is what lets a caller keep such text
   * to itself.
   */
  readonly listening: boolean;
}

export interface Checker {
  /** Check a whole text: split it into sentences and give each its verdict. */
  check(text: string, options?: CheckOptions): PageReport;
  /** Start reading a page sentence by sentence (for text that arrives in pieces, as on a live page). */
  startPage(): PageReading;
  /** What a reading means at a strictness (cheap: strictness never needs a sentence read again). */
  decide(assessment: Assessment, strictness: Strictness): Decision;
  /** The claim set this checker checks against. */
  readonly claimSet: ClaimSet;
}

/** Turn an assessment into what the reader sees at a strictness: the one place where strictness acts. */
export function decide(assessment: Assessment, preset: StrictnessPreset, k: Knowledge): Decision {
  const { findings, topical, support, otherEvents } = assessment;
  const hard = findings.filter((f) => f.severity === 'hard');
  const soft = findings.filter((f) => f.severity === 'soft');
  // Every conflict this strictness flags is told, the hard ones first, each
  // with the passage it rests on.
  const shown = [...hard, ...(preset.flagSoftConflicts ? soft : [])];
  if (shown.length > 0) {
    const listed: ReportFinding[] = [];
    for (const f of shown) {
      if (listed.some((l) => l.reason === f.reason)) continue;
      const claim = k.claimById.get(f.claimId);
      listed.push({ verdict: 'conflict', severity: f.severity, reason: f.reason, ...(claim ? { claimId: claim.id, quote: claim.passage } : {}) });
    }
    return { ...listed[0]!, severity: hard.length > 0 ? 'hard' : 'soft', reason: listed.map((l) => l.reason).join(' '), findings: listed };
  }
  // A soft conflict that this strictness does not flag still rules out
  // "supported". A sentence that names nothing of the subject is judged only
  // when it closely restates a claim (claim-first matching): then it speaks of
  // what that claim speaks of.
  if (soft.length > 0 || !(topical || restates(support))) return { verdict: null };
  const closest = support.claim !== undefined ? k.claims[support.claim] : undefined;
  // An unsupported sentence quotes the closest passage only when that passage
  // speaks of the same thing (a good share of the sentence's words, several of
  // them); a passage that merely shares a name would be evidence of nothing.
  const cite = closest && support.coverage >= 0.45 && support.shared >= 3 ? { claimId: closest.id, quote: closest.passage } : undefined;
  // What a heading cannot be: unsupported (it asserts nothing). Nor can a
  // sentence about another country's dealings ("the EU and Norway signed a
  // partnership"), unless it is said of the reference's own parties too.
  const flagUnsupported = preset.flagUnsupported && !assessment.heading && !(assessment.aboutOthers && !assessment.aboutParties);
  const other = otherEvents[0];
  if (other) {
    // Another event is never a conflict; it is unsupported only where it is
    // said of the reference's own parties ("the EU and Japan will hold a
    // second dialogue"), else not the reference's business.
    if (!flagUnsupported || !assessment.aboutParties) return { verdict: null };
    const passage = k.claimById.get(other.claim)?.passage;
    return single({ verdict: 'unsupported', reason: `The reference covers only ${other.name}; it says nothing of this one.`, ...(passage ? { claimId: other.claim, quote: passage } : {}) });
  }
  if (support.uncovered.length > 0) {
    if (!flagUnsupported) return { verdict: null };
    const list = support.uncovered.slice(0, 4).map((u) => `"${u}"`);
    const named = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
    return single({ verdict: 'unsupported', reason: `The reference does not mention ${named}.${cite ? '' : ' It has nothing on what this sentence says.'}`, ...cite });
  }
  const needed = assessment.confirmed.length > 0 ? preset.supportedIfConfirmedAtLeast : preset.supportedAtLeast;
  if (support.coverage >= needed && (support.shared >= 2 || support.continues === true) && closest) {
    return single({ verdict: 'supported', reason: 'The reference says this.', claimId: closest.id, quote: closest.passage });
  }
  if (flagUnsupported && support.coverage < Math.min(needed, preset.unsupportedBelow)) {
    return single({ verdict: 'unsupported', reason: cite ? 'The reference gives at most weak support for this.' : 'The reference has nothing on what this sentence says.', ...cite });
  }
  return { verdict: null };
}

/** A decision resting on one finding: the finding is also the report's single fields. */
function single(finding: ReportFinding): Decision {
  return { ...finding, findings: [finding] };
}

/** The engine over one claim set; the set is compiled once and shared by every check. */
export function createChecker(claimSet: ClaimSet = bundledClaimSet()): Checker {
  // The gate needs only the registry's names. What reading a sentence's facts
  // needs is compiled when a sentence first passes the gate, so the cost is not
  // part of loading the content script; what only a judgement needs (the
  // claims' vocabulary, the fuse.js index, the reference's dates) when a
  // sentence is first judged, which on a page about something else is never.
  const trigger = triggerPattern(claimSet.registry);
  let compiled: Knowledge | undefined;
  const knowledge = (): Knowledge => (compiled ??= compileKnowledge(claimSet));
  // The reference's dates: only the judgement reads them.
  let dates: DateSpec[] | undefined;
  const datesOfReference = (): DateSpec[] => (dates ??= referenceDates(knowledge()));

  const startPage = (): PageReading => {
    const context = newPageContext();
    let topical = false;
    /** Someone or something named before, for "he", "it" or "they" to stand for. */
    const hasAntecedent = (): boolean => context.lastPerson !== undefined || context.lastDocument !== undefined || context.lastPeople > 0;
    return {
      get topical() {
        return topical;
      },
      get listening() {
        return topical || hasAntecedent();
      },
      read(sentence) {
        // Once the page is about the subject, every sentence is matched
        // against the claims, whether or not it names anything the registry
        // knows ("We live in a very dangerous world," a quote, a paraphrase of
        // the reference's positions). Before that, only the gate's words can
        // make a sentence worth reading.
        // A byline or a photo credit asserts nothing, whatever names it holds.
        if ((!topical && !trigger.test(sentence) && !(hasAntecedent() && ANAPHOR.test(sentence))) || isCreditLine(sentence)) {
          context.lastPeople = 0;
          context.previous = undefined;
          return undefined;
        }
        const a = assessSentence(sentence, knowledge(), context, datesOfReference);
        topical ||= a.anchors;
        return a;
      },
      wouldPassUnread(text) {
        // With nothing said before for a pronoun to stand for, a sentence
        // passes only on a trigger word, and one that does not pass leaves the
        // context as it was (no one for "they" to stand for either way). A
        // sentence is a stretch of its paragraph cut after punctuation or
        // space, never inside a word, so a trigger word in one of them is one
        // in the paragraph too.
        return !(topical || hasAntecedent()) && !trigger.test(text);
      },
    };
  };

  return {
    claimSet,
    startPage,
    decide: (assessment, strictness) => decide(assessment, STRICTNESS_PRESETS[strictness], knowledge()),
    check(text, options = {}) {
      const strictness = options.strictness ?? DEFAULT_STRICTNESS;
      const preset = STRICTNESS_PRESETS[strictness];
      const spans = splitSentences(text);
      const reading = startPage();
      const assessments = spans.map((span) => reading.read(span.text));
      // A page that says nothing of the subject gets no verdicts at all: quiet, not wrong.
      const topical = reading.topical;
      const sentences: SentenceReport[] = spans.map((span, i) => {
        const a = topical ? assessments[i] : undefined;
        return { text: span.text, start: span.start, end: span.end, ...(a ? decide(a, preset, knowledge()) : { verdict: null }) };
      });
      return { file: options.file ?? '-', strictness, topical, sentences, summary: summarize(sentences) };
    },
  };
}

let shared: Checker | undefined;

/** A checker over the bundled claim set, made on first use. */
export function defaultChecker(): Checker {
  shared ??= createChecker();
  return shared;
}
