/**
 * The engine over a page whose text arrives in pieces and is checked in
 * slices: what `Checker.check` does in one call, spread over many short steps
 * so that the content script never blocks the page for long, and continued
 * (never restarted) when the page adds text.
 *
 * Why not `check()` per piece: a page is one text to the engine. Whom "he"
 * stands for, a misspelling already confirmed, and whether the page is about
 * the subject at all are decided over the whole page, so checking pieces on
 * their own would give other verdicts than the CLI gives on the same text.
 * Here the sentences share one page context, in page order, and the result is
 * exactly `check(wholeText)` (tests/unit/core/page-checker.test.ts holds it to
 * that on every seed article and strictness).
 *
 * The reading itself is the engine's own (`Checker.startPage`, the loop
 * `check` runs too); this class only queues the page's text, splits it a
 * paragraph at a time and keeps the decisions of the current strictness.
 *
 * Pure TypeScript, like the engine: no DOM.
 *
 * @module
 */
import type { Assessment } from './assess';
import { defaultChecker, type Checker, type Decision, type PageReading } from './check';
import type { ClaimSet } from './claims/types';
import { summarize, type PageReport, type SentenceReport } from './report';
import { DEFAULT_STRICTNESS, STRICTNESS_LEVELS, type Strictness } from './strictness';
import { splitSentences } from './text/sentences';

/** One sentence of the page. */
interface Entry {
  text: string;
  start: number;
  end: number;
  /** The engine's reading, until it is decided; `undefined` when the gate let it pass (or not yet assessed). */
  assessment: Assessment | undefined;
  /**
   * What each strictness makes of it (in `STRICTNESS_LEVELS` order), once it
   * is decided: the reading is let go then, since a page keeps thousands of
   * these and identical decisions are shared.
   */
  decisions: readonly Decision[] | undefined;
  /** The page no longer shows this sentence: left out of the report. */
  removed: boolean;
  /** The engine has had its turn at it (read it, or let it pass): it is in the report. */
  done: boolean;
  /** Its number among the sentences the engine read (see `drainChanges`); -1 for one it did not read. */
  id: number;
}

/** A sentence with a verdict at some strictness, as `drainChanges` tells it: where it is and what each strictness makes of it. */
export interface DecidedSentence {
  /** Stable for the life of the page: a sentence that moves keeps it. */
  id: number;
  text: string;
  start: number;
  end: number;
  /** The decision at each strictness, in `STRICTNESS_LEVELS` order. */
  decisions: readonly Decision[];
}

/** What changed among the decided sentences since the last `drainChanges`. */
export interface DecisionChanges {
  /** Sentences newly decided with a verdict, or moved (the page showed them again elsewhere). */
  decided: DecidedSentence[];
  /** Ids of sentences told before that the page took away. */
  removed: number[];
}

/**
 * A paragraph of which the gate would let every sentence pass unread (see
 * `PageReading.wouldPassUnread`): it is not split until a report lists its
 * sentences. On a page about something else that is nearly every paragraph,
 * and splitting is most of what checking it would cost.
 */
interface UnsplitParagraph {
  text: string;
  base: number;
  /** Its sentences, once something asked for them. */
  sentences: Entry[] | undefined;
}

type Item = Entry | UnsplitParagraph;

const isEntry = (item: Item): item is Entry => 'done' in item;

/** The engine over one growing page text; see the module comment. */
export class PageChecker {
  /** The claim set checked against (its `source.label` names the reference on the card). */
  readonly claimSet: ClaimSet;
  private readonly checker: Checker;
  private readonly reading: PageReading;
  /** Every sentence and unsplit paragraph, in the order the text was added. */
  private readonly items: Item[] = [];
  /** Sentences waiting for the engine, in page order, from `next` on. */
  private readonly pending: Entry[] = [];
  private next = 0;
  /** The sentences the engine read (those that can have a verdict), in the order read. */
  private readonly read: Entry[] = [];
  /** How many of `read` have been decided (and so judged: see `Assessment`) while stepping. */
  private decided = 0;
  /** Text added and not yet split into sentences, in page order; `at`: how far it is split; `once`: see `add`. */
  private readonly queue: { text: string; base: number; at: number; once: boolean }[] = [];
  /** Decisions made on this page, by their JSON: see `shared`. */
  private readonly decisionsSeen = new Map<string, Decision>();
  /** Paragraphs left unsplit that no one has asked for the sentences of yet. */
  private readonly unsplit: UnsplitParagraph[] = [];
  /** Entries by text, for text added with `once`. */
  private readonly byText = new Map<string, Entry[]>();
  /** Where the text added so far ends in the page text. */
  private queuedEnd = 0;
  /** Sentences with a verdict decided or moved, and ids of told ones removed, since the last `drainChanges`. */
  private changed = new Set<Entry>();
  private removedIds: number[] = [];
  /** Ids of the sentences told by `drainChanges` and not removed since. */
  private readonly told = new Set<number>();
  private strictnessLevel: Strictness;

  constructor(checker: Checker = defaultChecker(), strictness: Strictness = DEFAULT_STRICTNESS) {
    this.checker = checker;
    this.claimSet = checker.claimSet;
    this.reading = checker.startPage();
    this.strictnessLevel = strictness;
  }

  /** The strictness reports are decided at. */
  get strictness(): Strictness {
    return this.strictnessLevel;
  }

  /**
   * Decide at another strictness. Assessments do not depend on strictness,
   * so nothing is read again: only the (cheap) decisions are redone.
   */
  set strictness(level: Strictness) {
    if (level === this.strictnessLevel) return;
    this.strictnessLevel = level;
  }

  /** Whether every piece of text added has been split and every sentence assessed. */
  /** Whether what was read so far says anything about the reference's subject (`PageReport.topical`). */
  get topical(): boolean {
    return this.reading.topical;
  }

  /** Whether the engine reads the next sentence whatever its words (see `PageReading.listening`). */
  get listening(): boolean {
    return this.reading.listening;
  }

  get finished(): boolean {
    return this.next >= this.pending.length && this.queue.length === 0 && !this.undecided();
  }

  /**
   * Whether a sentence read is still to be decided. Only on a page about the
   * subject: elsewhere no sentence gets a verdict, and the engine's judgement
   * of one is never made.
   */
  private undecided(): boolean {
    return this.reading.topical && this.decided < this.read.length;
  }

  /**
   * Queue `text`, a piece of the page text that starts at offset `base` of it
   * (after everything queued before). Nothing is done with it yet: `step`
   * splits it into sentences a paragraph at a time, so that queueing a long
   * page costs nothing up front.
   *
   * `once` is for text the page adds after the first read, which may hold
   * sentences already assessed (a paragraph the page re-rendered, a text node
   * it replaced by one with the same text and more): a sentence whose text
   * the report holds already is not assessed again nor listed twice; one
   * whose earlier copy left the page (the page took the old node out) takes
   * that entry back, with its assessment, at its new place. Only new
   * sentences are read by the engine, once.
   *
   * Why this keeps `check(wholeText)` where it means anything: the first read
   * is added without `once`, so it is exactly `check` on that text (repeated
   * sentences and all). What comes later is read after it in the same page
   * context, as `check` would read it appended, except that a sentence the
   * page shows again is the same claim, not a new one: reading it again could
   * only repeat it in the report (or, with the page context moved on, give it
   * a second, different verdict).
   */
  add(text: string, base = 0, { once = false }: { once?: boolean } = {}): void {
    if (base < this.queuedEnd) throw new RangeError(`page text added at ${base}, before the end of the text already added (${this.queuedEnd})`);
    this.queuedEnd = base + text.length;
    if (text.length > 0) this.queue.push({ text, base, at: 0, once });
  }

  /**
   * Split and assess queued text in page order until `stop()` says so (asked
   * after each paragraph split and each sentence assessed, so some work is
   * always done) or none is left. Returns whether any remains.
   */
  step(stop: () => boolean = () => false): boolean {
    for (;;) {
      // Decided as read, in slices: the judgement is most of a sentence's
      // cost, and left to a report it would all come in one long task.
      if (this.undecided()) {
        const entry = this.read[this.decided]!;
        this.decision(entry);
        if (entry.decisions?.some((d) => d.verdict !== null)) this.changed.add(entry);
        this.decided += 1;
      } else if (this.next < this.pending.length) {
        this.assess(this.pending[this.next]!);
        this.next += 1;
      } else if (!this.splitParagraph()) {
        break;
      }
      if (stop()) break;
    }
    return !this.finished;
  }

  /**
   * Split the next paragraph (line) of queued text into sentences. The
   * engine splits a text line by line, so splitting it a line at a time gives
   * the same sentences. Returns false when nothing is queued.
   *
   * Only called with every sentence before it assessed, so the engine's
   * page context is the one the paragraph's sentences would be read in.
   */
  private splitParagraph(): boolean {
    const piece = this.queue[0];
    if (!piece) return false;
    const lineEnd = piece.text.indexOf('\n', piece.at);
    const end = lineEnd === -1 ? piece.text.length : lineEnd;
    const base = piece.base + piece.at;
    const line = piece.text.slice(piece.at, end);
    piece.at = end + 1;
    if (piece.at > piece.text.length) this.queue.shift();
    // Text added with `once` is split at once: it is matched sentence by sentence against the report.
    if (!piece.once && this.reading.wouldPassUnread(line)) {
      const paragraph: UnsplitParagraph = { text: line, base, sentences: undefined };
      this.items.push(paragraph);
      this.unsplit.push(paragraph);
      return true;
    }
    // A sentence added with `once` is looked up among all the report's sentences.
    if (piece.once) for (const paragraph of this.unsplit.splice(0)) this.sentencesOf(paragraph);
    for (const span of splitSentences(line)) {
      const start = base + span.start;
      const stop = base + span.end;
      if (piece.once) {
        const same = this.byText.get(span.text) ?? [];
        if (same.some((e) => !e.removed)) continue;
        const gone = same.find((e) => e.removed);
        if (gone) {
          gone.removed = false;
          gone.start = start;
          gone.end = stop;
          if (gone.decisions?.some((d) => d.verdict !== null)) this.changed.add(gone);
          continue;
        }
      }
      const entry = newEntry(span.text, start, stop);
      this.items.push(entry);
      this.pending.push(entry);
      this.remember(entry);
    }
    return true;
  }

  private remember(entry: Entry): void {
    const same = this.byText.get(entry.text);
    if (same) same.push(entry);
    else this.byText.set(entry.text, [entry]);
  }

  /** The sentences of a paragraph left unsplit, split now (once). */
  private sentencesOf(paragraph: UnsplitParagraph): Entry[] {
    if (!paragraph.sentences) {
      paragraph.sentences = splitSentences(paragraph.text).map((span) => {
        const entry = newEntry(span.text, paragraph.base + span.start, paragraph.base + span.end);
        entry.done = true;
        // Text added later with `once` may repeat it, as it may repeat any sentence.
        this.remember(entry);
        return entry;
      });
    }
    return paragraph.sentences;
  }

  /** Every sentence in the order added, unsplit paragraphs split. */
  private *sentences(): Generator<Entry> {
    for (const item of this.items) {
      if (isEntry(item)) yield item;
      else yield* this.sentencesOf(item);
    }
  }

  /** Leave the sentences `drop` selects out of every later report (the page removed their text). */
  remove(drop: (sentence: { start: number; end: number }) => boolean): number {
    let count = 0;
    for (const entry of this.sentences()) {
      if (!entry.removed && drop(entry)) {
        entry.removed = true;
        count += 1;
        this.changed.delete(entry);
        if (this.told.delete(entry.id)) this.removedIds.push(entry.id);
      }
    }
    return count;
  }

  /**
   * Leave out of every later report the sentences that lie wholly within
   * `ranges` (`[start, end)` of the page text, in any order): the page took
   * that text away. Returns how many.
   */
  removeRanges(ranges: readonly (readonly [number, number])[]): number {
    if (ranges.length === 0) return 0;
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    return this.remove(({ start, end }) => {
      // The last range starting at or before `start` is the only one that can hold it whole (ranges do not overlap).
      let low = 0;
      let high = sorted.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if (sorted[mid]![0] <= start) low = mid;
        else high = mid - 1;
      }
      const range = sorted[low]!;
      return range[0] <= start && end <= range[1];
    });
  }

  /**
   * The sentences with a verdict (at any strictness) decided or moved since
   * the last call, each with its decision at every strictness, and the ids
   * of those told before that were removed: what a copy of the findings
   * kept elsewhere (the page's script, when the engine runs in the
   * background) needs to stay the same as `findings`.
   */
  drainChanges(): DecisionChanges {
    const decided: DecidedSentence[] = [];
    for (const entry of this.changed) {
      if (entry.removed || !entry.decisions) continue;
      this.told.add(entry.id);
      decided.push({ id: entry.id, text: entry.text, start: entry.start, end: entry.end, decisions: entry.decisions });
    }
    this.changed = new Set();
    const removed = this.removedIds;
    this.removedIds = [];
    return { decided, removed };
  }

  /**
   * The report on what has been assessed so far, at the current strictness:
   * once nothing is pending, exactly what `check()` gives on the whole text.
   * It lists every sentence, so it costs in proportion to the page: for the
   * marks and the counts, `findings` is the cheap way.
   */
  report(file: string): PageReport {
    const sentences: SentenceReport[] = [];
    for (const entry of this.sentences()) {
      if (!entry.done || entry.removed) continue;
      sentences.push({ text: entry.text, start: entry.start, end: entry.end, ...this.decision(entry) });
    }
    return { file, strictness: this.strictnessLevel, topical: this.reading.topical, sentences: inPageOrder(sentences), summary: summarize(sentences) };
  }

  /** What the current strictness makes of a sentence the engine had its turn at. */
  private decision(entry: Entry): Decision {
    // A page that says nothing of the subject gets no verdicts at all (as in `check`).
    if (!this.reading.topical) return NO_VERDICT;
    if (!entry.decisions) {
      const assessment = entry.assessment;
      if (!assessment) return NO_VERDICT;
      entry.decisions = STRICTNESS_LEVELS.map((level) => this.shared(this.checker.decide(assessment, level)));
      entry.assessment = undefined;
    }
    return entry.decisions[STRICTNESS_LEVELS.indexOf(this.strictnessLevel)]!;
  }

  /** `decision`, or the equal one decided before (news repeats its verdicts: "The reference says this.", on the same passage). */
  private shared(decision: Decision): Decision {
    if (decision.verdict === null && decision.reason === undefined) return NO_VERDICT;
    // The quote is the passage of the claim named: not part of the key.
    const key = `${decision.verdict}\u0000${decision.severity ?? ''}\u0000${decision.claimId ?? ''}\u0000${decision.reason ?? ''}`;
    const known = this.decisionsSeen.get(key);
    if (known) return known;
    this.decisionsSeen.set(key, decision);
    return decision;
  }

  /** The engine's reading of one sentence, in page order. */
  private assess(entry: Entry): void {
    entry.assessment = this.reading.read(entry.text);
    entry.done = true;
    if (entry.assessment) {
      entry.id = this.read.length;
      this.read.push(entry);
    }
  }
}

const NO_VERDICT: Decision = Object.freeze({ verdict: null });

function newEntry(text: string, start: number, end: number): Entry {
  return { text, start, end, assessment: undefined, decisions: undefined, removed: false, done: false, id: -1 };
}

/** A sentence the page showed again elsewhere (see `PageChecker.add`) moved: keep the report in page order. */
function inPageOrder(sentences: SentenceReport[]): SentenceReport[] {
  if (sentences.some((s, i) => i > 0 && s.start < sentences[i - 1]!.start)) sentences.sort((a, b) => a.start - b.start);
  return sentences;
}
