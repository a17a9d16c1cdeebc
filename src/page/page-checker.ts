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
 * exactly `check(wholeText)` (tests/unit/page/page-checker.test.ts holds it to
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
import { defaultChecker, summarize, type Assessment, type Checker, type ClaimSet, type Decision, type PageReading, type PageReport, type SentenceReport } from '../core';
import { DEFAULT_STRICTNESS, type Strictness } from '../core/strictness';
import { splitSentences } from '../core/text/sentences';

interface Entry {
  text: string;
  start: number;
  end: number;
  /** `undefined`: the gate let it pass without reading it (or not yet assessed). */
  assessment: Assessment | undefined;
  /** Cached for the current strictness; dropped when strictness changes. */
  decision: Decision | undefined;
  /** The page no longer shows this sentence: left out of the report. */
  removed: boolean;
}

/** The engine over one growing page text; see the module comment. */
export class PageChecker {
  /** The claim set checked against (its `source.label` names the reference on the card). */
  readonly claimSet: ClaimSet;
  private readonly checker: Checker;
  private readonly reading: PageReading;
  private readonly entries: Entry[] = [];
  /** Index of the first entry not yet assessed. */
  private next = 0;
  /** Text added and not yet split into sentences, in page order; `at`: how far it is split; `once`: see `add`. */
  private readonly queue: { text: string; base: number; at: number; once: boolean }[] = [];
  /** Entries by text, for text added with `once`. */
  private readonly byText = new Map<string, Entry[]>();
  /** Where the text added so far ends in the page text. */
  private queuedEnd = 0;
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
    for (const entry of this.entries) entry.decision = undefined;
  }

  /** Whether every piece of text added has been split and every sentence assessed. */
  get finished(): boolean {
    return this.next >= this.entries.length && this.queue.length === 0;
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
      if (this.next < this.entries.length) {
        this.assess(this.entries[this.next]!);
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
   */
  private splitParagraph(): boolean {
    const piece = this.queue[0];
    if (!piece) return false;
    const lineEnd = piece.text.indexOf('\n', piece.at);
    const end = lineEnd === -1 ? piece.text.length : lineEnd;
    const base = piece.base + piece.at;
    for (const span of splitSentences(piece.text.slice(piece.at, end))) {
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
          continue;
        }
      }
      const entry: Entry = { text: span.text, start, end: stop, assessment: undefined, decision: undefined, removed: false };
      this.entries.push(entry);
      const same = this.byText.get(span.text);
      if (same) same.push(entry);
      else this.byText.set(span.text, [entry]);
    }
    piece.at = end + 1;
    if (piece.at > piece.text.length) this.queue.shift();
    return true;
  }

  /** Leave the sentences `drop` selects out of every later report (the page removed their text). */
  remove(drop: (sentence: { start: number; end: number }) => boolean): number {
    let count = 0;
    for (const entry of this.entries) {
      if (!entry.removed && drop(entry)) {
        entry.removed = true;
        count += 1;
      }
    }
    return count;
  }

  /**
   * The report on what has been assessed so far, at the current strictness:
   * once nothing is pending, exactly what `check()` gives on the whole text.
   */
  report(file: string): PageReport {
    const sentences: SentenceReport[] = [];
    for (let i = 0; i < this.next; i++) {
      const entry = this.entries[i]!;
      if (entry.removed) continue;
      // A page that says nothing of the subject gets no verdicts at all (as in `check`).
      const assessment = this.reading.topical ? entry.assessment : undefined;
      let decision: Decision = { verdict: null };
      if (assessment) {
        entry.decision ??= this.checker.decide(assessment, this.strictnessLevel);
        decision = entry.decision;
      }
      sentences.push({ text: entry.text, start: entry.start, end: entry.end, ...decision });
    }
    // A sentence the page showed again elsewhere (see `add`) moved: keep the report in page order.
    if (sentences.some((s, i) => i > 0 && s.start < sentences[i - 1]!.start)) sentences.sort((a, b) => a.start - b.start);
    return {
      file,
      strictness: this.strictnessLevel,
      topical: this.reading.topical,
      sentences,
      summary: summarize(sentences),
    };
  }

  /** The engine's reading of one sentence, in page order. */
  private assess(entry: Entry): void {
    entry.assessment = this.reading.read(entry.text);
  }
}
