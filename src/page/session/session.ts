/**
 * One page, checked: the long-lived object the content script keeps per page
 * (and replaces on navigation). It reads the page's article text (with its
 * open shadow roots and same-origin frames) in short slices that give the
 * page's main thread back between them, has the engine check it where the
 * engine runs (the extension's background: see `CheckClient`), marks the findings,
 * opens cards on them, and checks text the page adds later without checking
 * again what it already checked.
 *
 * Data flows one way: page -> text with offsets -> engine verdicts -> ranges
 * -> marks and cards. `destroy()` takes everything down in order.
 *
 * DOM only, no `browser.*`: the content script wires it to settings and
 * messages.
 *
 * @module
 */
// The engine's modules one by one, never its index: this runs in the page's script, where the engine is not.
import { summarize, type PageReport, type SentenceReport } from '../../core/report';
import type { Strictness } from '../../core/strictness';
import type { EngineConnection } from '../../core/check-protocol';
import type { CardUi, FindingShortcuts } from '../cards/card-ui';
import { CountAnnouncer } from '../cards/count-announcer';
import { cardFinding, FindingCards, type FindingCardsOptions } from '../cards/finding-cards';
import { elementOf } from '../cards/geometry';
import { createHighlighter } from '../marking/create-highlighter';
import type { Highlighter, HighlighterOptions } from '../marking/highlighter';
import { inForcedColors, markLook, type MarkLook } from '../marking/highlight-styles';
import { OwnNodes } from '../shared/own-nodes';
import { CheckClient } from './check-client';
import { joinPieces, PageText, type ReadPiece } from '../reading/page-text';
import { PageWatcher, type PageChanges } from '../reading/page-watcher';
import { MAX_FINDINGS_PAGE, type FindingsPage, type ScanStatus, type SessionReport, type SessionStatus } from './session-report';
import { yieldingTo } from './yield-to-main';
import { isSkipped, otherOrigin, readableText, TextReader, type ReadableText, type ReadOptions } from '../reading/readable-text';
import type { StyleMode } from '../shared/style-sheet';

/** The page is read where the reader sees it: open shadow roots and same-origin frames included. */
const READ_OPTIONS: ReadOptions = Object.freeze({ shadowRoots: true, frames: true });

/** How often, at most, the marks are brought in line with the verdicts while a page is being checked. */
const MARK_INTERVAL_MS = 250;
/**
 * And no more often than this many milliseconds per mark on the page: each
 * change has the browser recompute every range (Chromium: about 17 µs a range
 * in its pre-paint, measured at 10,000 marks), so with many marks the interval
 * grows to keep that redrawing a small share of the time.
 */
const MARK_INTERVAL_MS_PER_MARK = 0.1;
/**
 * With more marks than this, only those within a screen of the viewport are
 * painted (see `NearViewportHighlighter`). A long article has a few dozen;
 * a page with hundreds is a live blog or a dump, where painting them all made
 * every change a long frame.
 */
export const PAINT_ALL_UP_TO = 300;
/**
 * Two marks of the same kind at most this many characters of page text
 * apart (a space, a line break) are neighbours: drawn alike they would read
 * as one line, so the second is drawn differently (see `highlight-styles.ts`).
 */
const NEIGHBOUR_GAP = 2;

/** What the reader hears after "Report as wrong". */
const REPORTED_WRONG = 'Kept among your reports of wrong flags: export them from the toolbar popup. Nothing is sent anywhere.';

/** No keys known (no card UI to name them). */
const NO_SHORTCUTS: Readonly<FindingShortcuts> = Object.freeze({ next: '', previous: '' });

const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

export interface PageSessionOptions {
  /** The top document. */
  document: Document;
  /** The page's address, for the report. */
  file: string;
  strictness: Strictness;
  /** Mark supported sentences too. */
  showSupported: boolean;
  /** The engine over the claim set in force (the background's, in the extension), its gate, and the reference's label. */
  engine: EngineConnection;
  /** Force a way of marking (see `createHighlighter`); by default elements in forced-colours mode, else the Highlight API where there is one. */
  highlighter?: HighlighterOptions['prefer'];
  /** How CSS gets into the page (see `installStyles`). */
  styles?: StyleMode | 'auto';
  /** See `HighlighterOptions.paintAllUpTo` (default `PAINT_ALL_UP_TO`). */
  paintAllUpTo?: number;
  /** See `HighlighterOptions.reregister`. */
  reregisterHighlights?: boolean;
  /**
   * Fetch the card's UI and the words said through it (src/ui/card's
   * `CARD_UI`; the page layer imports nothing from `src/ui` or `src/ext`).
   * Called once, with the first mark, never on a page with nothing marked:
   * the content script has the background put the card's own script
   * (`cards.js`) into the page then, so that every other page evaluates
   * none of it. Until it arrives no card opens (a hover then does nothing; a
   * reveal is done when it comes) and the counts wait to be announced.
   * Without it (or when it fails) no card opens and nothing is announced.
   */
  loadCardUi?: () => Promise<CardUi>;
  /** Open cards on marks (default on, given `loadCardUi`); options for tests. */
  cards?: boolean | Pick<FindingCardsOptions, 'cardMode' | 'hoverDelayMs' | 'leaveDelayMs'>;
  /** Longest slice of work between two yields to the page, in milliseconds. */
  sliceMs?: number;
  /** Give the main thread back (a macrotask); tests may pass their own. */
  yieldToMain?: () => Promise<void>;
  /** Quiet time after the page's last change before added text is read, in milliseconds. */
  settleMs?: number;
  /** Longest wait for quiet: a page that never stops changing is still read this often. */
  maxWaitMs?: number;
  /** The sentences (by text) whose flags the reader dismissed on this page: not marked, not listed, not stepped to. */
  dismissed?: ReadonlySet<string>;
  /** The reader dismissed a flag from its card (the content script keeps it; `update({ dismissed })` hides it). */
  onDismiss?: (sentence: SentenceReport) => void;
  /** The reader reported a flag as wrong from its card (the content script keeps the report). */
  onReportWrong?: (sentence: SentenceReport) => void;
  /** Least time between two announcements of the counts, in milliseconds (see `CountAnnouncer`). */
  announceEveryMs?: number;
  /** The keys of the finding commands, for the announcement and the card (the card UI's `suggestedShortcuts` by default). */
  shortcuts?: () => FindingShortcuts;
  /** Called when the report may have changed (new verdicts, counts, status). */
  onChange?: (session: PageSession) => void;
  /** Clock for slices; `performance.now` by default. */
  now?: () => number;
}

/** The page's text, checked and marked; see the module comment. */
export class PageSession {
  /** The engine's findings on this page, as it sends them. */
  readonly checker: CheckClient;
  readonly highlighter: Highlighter;
  private readonly own = new OwnNodes();
  /** Made with the first mark (see `cardsNow`): a page with nothing marked gets no element, style or listener of ours. */
  private cards: FindingCards | undefined;
  private readonly doc: Document;
  private readonly text = new PageText();
  private readonly watcher: PageWatcher;
  /** The element the first read found the article in; set when that read is done (changes are held until then). */
  private scope: Node | undefined;
  /** The first read found no article (an app, a list of teasers or results): what the page adds later is not read either. */
  private noArticle = false;
  /** The first read of the page, until it is done. */
  private reader: TextReader | undefined;
  /** No gate word anywhere on the page: it was not read (see the constructor). */
  private unreadPage = false;
  private showSupported: boolean;
  private running = false;
  private destroyed = false;
  private idleWaiters: (() => void)[] = [];
  /** The report's counts as of the last `sync`. */
  private counts: PageReport['summary'] = summarize([]);
  private lastShown: number | undefined;
  private scanStatus: ScanStatus = 'scanning';
  /** Marks wanted at the last `sync`: how long the next one may wait (see `MARK_INTERVAL_MS_PER_MARK`). */
  private markCount = 0;
  private yielding: (() => Promise<void>) | undefined;
  private dismissed: ReadonlySet<string>;
  /** How many flagged sentences are dismissed, as of the last `sync`. */
  private dismissedCount = 0;
  /** When the check last became `done` (ISO 8601): the time of the check, for the export. */
  private checkedAt: string | undefined;
  /** Says the counts when a check ends with something flagged. */
  private readonly announcer: CountAnnouncer;
  /** The card's UI, once `loadCardUi` has brought it (see `cardsNow`). */
  private cardUi: CardUi | undefined;
  /** Whether `loadCardUi` has been called. */
  private cardUiAsked = false;
  /** The last `reveal` asked for before the card's UI arrived: its card opens when it does. */
  private pendingReveal: { start: number; focus: boolean } | undefined;

  constructor(private readonly options: PageSessionOptions) {
    this.doc = options.document;
    this.showSupported = options.showSupported;
    this.dismissed = options.dismissed ?? new Set();
    this.announcer = new CountAnnouncer({
      win: this.doc.defaultView,
      // The live region lives in the card host, made here if the page has none yet (it has marks: something is flagged).
      say: (text) => this.cardsNow()?.announce(text),
      // Flagged counts wait for the card's UI (its words, its live region): asking starts fetching it.
      ready: () => this.cardsNow() !== undefined,
      shortcuts: () => this.shortcuts(),
      flaggedAnnouncement: (summary, shortcuts) => this.cardUi?.flaggedAnnouncement(summary, shortcuts),
      ...(options.announceEveryMs !== undefined ? { everyMs: options.announceEveryMs } : {}),
    });
    this.checker = new CheckClient({ transport: options.engine.transport, ...(options.engine.gate ? { gate: options.engine.gate } : {}), strictness: options.strictness });
    this.highlighter = createHighlighter(this.doc, {
      own: this.own,
      // Highlights cannot show the marks apart in forced colours (see highlight-styles.ts): elements there.
      prefer: options.highlighter ?? (inForcedColors(this.doc) ? 'elements' : 'auto'),
      styles: options.styles ?? 'auto',
      ...(options.reregisterHighlights !== undefined ? { reregister: options.reregisterHighlights } : {}),
      paintAllUpTo: options.paintAllUpTo ?? PAINT_ALL_UP_TO,
    });
    this.watcher = new PageWatcher({
      document: this.doc,
      own: this.own,
      read: READ_OPTIONS,
      wasRead: (node) => this.text.has(node),
      isOnPage: (node) => this.highlighter.isOnPage(node),
      onChanges: (changes) => this.onChanges(changes),
      ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
      ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    });
    // Watch before reading, so that nothing the page adds while a long page
    // is read in steps goes unseen; hold what it adds until that read is in,
    // because it must come after it in the page text.
    this.watcher.watch(this.doc);
    // A page none of whose text holds a word of the engine's gate is not read
    // at all (nothing in it could be checked): it costs one look at its text.
    // It is read when it adds text with such a word, or when its whole report
    // is asked for (an export lists every sentence).
    if (options.engine.gate && !mayMention(this.doc, options.engine.gate)) {
      this.unreadPage = true;
      queueMicrotask(() => {
        if (this.destroyed || !this.unreadPage) return;
        this.setStatus('done');
        this.settleIfIdle();
      });
      return;
    }
    this.startReading();
  }

  /** The first read of the page, in slices (finding the article is part of it: asking for `scope` now would do it in one task). */
  private startReading(): void {
    this.unreadPage = false;
    this.watcher.hold();
    this.reader = new TextReader(this.doc, READ_OPTIONS);
    void this.readPage();
  }

  /** `scanning` while the page is read or the engine has sentences to read; `done` when every sentence read so far has its verdict. */
  get status(): ScanStatus {
    return this.scanStatus;
  }

  /**
   * The report so far, as the content script answers `get-page-report`. It
   * lists every sentence of the page, so it is asked of the engine (for an
   * export): the marks and the counts come from `findings` and `summary`.
   */
  async report(): Promise<SessionReport> {
    if (this.unreadPage && !this.destroyed) {
      // Every sentence is asked for: the page is read now, whole (it holds no gate word, so nothing is sent).
      this.startReading();
      await this.idle();
    }
    const status = this.scanStatus;
    const checkedAt = this.checkedAt;
    const report = await this.checker.report(this.options.file);
    return { ...report, status, ...(checkedAt ? { checkedAt } : {}) };
  }

  /** The report without its sentences: state and counts, cheap whatever the page's length (what the popup shows first). */
  pageStatus(): SessionStatus {
    return {
      file: this.options.file,
      strictness: this.checker.strictness,
      topical: this.checker.topical,
      summary: this.counts,
      status: this.scanStatus,
      ...(this.checkedAt ? { checkedAt: this.checkedAt } : {}),
      flagged: this.counts.conflict + this.counts.unsupported - this.dismissedCount,
    };
  }

  /** The flagged sentences (conflict or unsupported) from `offset`, at most `limit` (capped at `MAX_FINDINGS_PAGE`), in page order. */
  flaggedPage(offset: number, limit: number): FindingsPage {
    const { total, sentences } = this.checker.flaggedSlice(offset, Math.min(limit, MAX_FINDINGS_PAGE), (text) => !this.dismissed.has(text));
    return { total, offset, sentences };
  }

  /** The sentences of `report` with a verdict, in page order. */
  findings(): SentenceReport[] {
    // Made afresh each time (from decisions the checker keeps), not kept: on a
    // long page that would be thousands of objects held for a hover now and then.
    return this.checker.findings();
  }

  /** The report's counts (its `summary`). */
  summary(): PageReport['summary'] {
    return this.counts;
  }

  /** Resolves when no work is under way or waiting (the page has settled and every sentence has its verdict). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The strictness the page is checked at. */
  get strictness(): Strictness {
    return this.checker.strictness;
  }

  /**
   * Apply the reader's settings at once. A new strictness redecides every
   * sentence without reading any again; showing supported sentences adds or
   * removes their marks.
   */
  update(settings: { strictness?: Strictness; showSupported?: boolean; dismissed?: ReadonlySet<string> }): void {
    if (this.destroyed) return;
    if (settings.dismissed) this.dismissed = settings.dismissed;
    if (settings.strictness) this.checker.strictness = settings.strictness;
    if (settings.showSupported !== undefined) this.showSupported = settings.showSupported;
    this.sync();
    this.cards?.refresh();
  }

  /**
   * Show the finding whose sentence starts at `start`: scroll to it, flash
   * it, open its card (with focus when asked, as from the keyboard). Returns
   * false when no marked sentence starts there.
   */
  reveal(start: number, how: { focus?: boolean } = {}): boolean {
    if (this.destroyed || this.highlighter.lookOf(start) === undefined) return false;
    const element = elementOf(this.highlighter, start);
    const reduceMotion = this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    element?.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
    this.highlighter.flash(start);
    this.lastShown = start;
    const cards = this.cardsNow();
    if (cards) cards.open(start, { focus: how.focus ?? false, pinned: true });
    else this.pendingReveal = { start, focus: how.focus ?? false };
    return true;
  }

  /**
   * Go to the flagged sentence (conflict or unsupported) after the one shown
   * last, from the top after the last one; scroll to it and open its card
   * with focus. A card offered beside a focused link in a flagged sentence
   * is entered first. Returns the sentence's start, or `undefined` when
   * nothing is flagged.
   */
  next(): number | undefined {
    return this.step(1);
  }

  /** As `next`, backwards: the flagged sentence before the one shown last, from the bottom before the first. */
  previous(): number | undefined {
    return this.step(-1);
  }

  private step(direction: 1 | -1): number | undefined {
    const flagged = this
      .findings()
      .filter((s) => (s.verdict === 'conflict' || s.verdict === 'unsupported') && this.highlighter.lookOf(s.start) !== undefined)
      .map((s) => s.start);
    if (flagged.length === 0) return undefined;
    const offered = this.cards?.offered;
    let target: number;
    if (offered !== undefined && flagged.includes(offered)) target = offered;
    else {
      const from = this.cards?.current ?? this.lastShown;
      target =
        direction === 1
          ? (flagged.find((start) => start > (from ?? -1)) ?? flagged[0]!)
          : (flagged.findLast((start) => start < (from ?? Infinity)) ?? flagged[flagged.length - 1]!);
    }
    this.reveal(target, { focus: true });
    return target;
  }

  /** Take everything down, in order: work, watching, card and its listeners, marks and styles. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.announcer.stop();
    this.watcher.stop();
    this.cards?.destroy();
    this.highlighter.destroy();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // ---- reading and checking -------------------------------------------------

  /** The first read of the page, in slices like the checking (a very long page takes a while to walk), then the checking. */
  private async readPage(): Promise<void> {
    const reader = this.reader!;
    const now = this.clock();
    const sliceMs = this.options.sliceMs ?? 8;
    for (;;) {
      const deadline = now() + sliceMs;
      if (reader.read(() => now() >= deadline)) break;
      await this.yieldToMain();
      if (this.destroyed) return;
    }
    this.reader = undefined;
    const read = reader.result();
    this.scope = read.scope;
    this.noArticle = read.noArticle;
    this.queue(read);
    this.watcher.release();
    await this.run();
  }

  /** Watch what `read` entered, and queue its new text for the engine after everything read before. */
  private queue(read: ReadableText): void {
    for (const subtree of read.subtrees) this.watcher.watch(subtree);
    this.queuePiece(this.text.keepNew(read));
  }

  /** `once`: text added after the first read, whose sentences already in the report are not checked again (see `PageChecker.add`). */
  private queuePiece(piece: ReadPiece, once = false): boolean {
    const base = this.text.append(piece);
    if (base === undefined) return false;
    if (once) this.checker.add(piece.text, base, { once });
    else this.checker.add(piece.text, base);
    return true;
  }

  /** Have the engine check what is queued, a request at a time; the page's main thread is free while it reads. */
  private async run(): Promise<void> {
    if (this.running || this.destroyed) return;
    this.running = true;
    this.setStatus('scanning');
    const now = this.clock();
    let synced = now();
    try {
      while (!this.destroyed && !this.checker.finished) {
        await this.checker.step();
        if (this.destroyed) break;
        // Marks follow a few times a second, not after every slice: each
        // change to the highlights has the browser redraw every range of the
        // text they are in, which on a long page costs far more than a slice.
        if (now() - synced >= Math.max(MARK_INTERVAL_MS, this.markCount * MARK_INTERVAL_MS_PER_MARK)) {
          this.sync();
          synced = now();
        }
      }
    } finally {
      this.running = false;
    }
    if (this.destroyed) return;
    this.sync();
    this.setStatus('done');
    this.announcer.counts(this.counts);
    this.settleIfIdle();
  }

  /** Hand the sentence marked under `key` to the reader's answer. */
  private answer(key: number, to: (sentence: SentenceReport) => void): void {
    const sentence = this.checker.findingAt(key);
    if (sentence) to(sentence);
  }

  private shortcuts(): FindingShortcuts {
    return this.options.shortcuts?.() ?? this.cardUi?.suggestedShortcuts ?? NO_SHORTCUTS;
  }



  private clock(): () => number {
    return this.options.now ?? (() => (this.doc.defaultView?.performance ?? performance).now());
  }

  /**
   * The cards, made on first need (see `cards`); `undefined` when cards are
   * off, the session is over, or the card's UI is not here yet (the first
   * call fetches it; `cardUiArrived` makes the cards then).
   */
  private cardsNow(): FindingCards | undefined {
    if (this.cards || this.options.cards === false || this.destroyed) return this.cards;
    const ui = this.cardUi;
    if (!ui) {
      this.fetchCardUi();
      return undefined;
    }
    const options = this.options;
    this.cards = new FindingCards({
      document: this.doc,
      ui,
      highlighter: this.highlighter,
      own: this.own,
      sourceLabel: options.engine.sourceLabel,
      onStep: (direction) => void this.step(direction),
      ...(options.onDismiss ? { onDismiss: (key: number) => this.answer(key, options.onDismiss!) } : {}),
      ...(options.onReportWrong
        ? {
            onReportWrong: (key: number) => {
              this.answer(key, options.onReportWrong!);
              this.cards?.announce(REPORTED_WRONG);
            },
          }
        : {}),
      shortcuts: () => this.shortcuts(),
      findingOf: (key) => {
        const sentence = this.checker.findingAt(key);
        return sentence && this.highlighter.lookOf(key) ? cardFinding(sentence) : undefined;
      },
      styles: options.styles ?? 'auto',
      ...(typeof options.cards === 'object' ? options.cards : {}),
    });
    return this.cards;
  }

  /** Ask for the card's UI, once (see `PageSessionOptions.loadCardUi`). */
  private fetchCardUi(): void {
    const load = this.options.loadCardUi;
    if (!load || this.cardUiAsked) return;
    this.cardUiAsked = true;
    load().then(
      (ui) => this.cardUiArrived(ui),
      () => undefined,
    );
  }

  /** The card's UI is here: make the cards, listen in the frames already marked, open a card asked for meanwhile, say the counts that waited. */
  private cardUiArrived(ui: CardUi): void {
    if (this.destroyed) return;
    this.cardUi = ui;
    const cards = this.cardsNow();
    if (!cards) return;
    for (const key of this.highlighter.keys()) {
      for (const range of this.highlighter.rangesOf(key)) {
        const doc = range.startContainer.ownerDocument;
        if (doc && doc !== this.doc) cards.watch(doc);
      }
    }
    const reveal = this.pendingReveal;
    this.pendingReveal = undefined;
    if (reveal && this.highlighter.lookOf(reveal.start) !== undefined) cards.open(reveal.start, { focus: reveal.focus, pinned: true });
    this.announcer.resume();
  }

  private yieldToMain(): Promise<void> {
    this.yielding ??= this.options.yieldToMain ?? yieldingTo(this.doc.defaultView);
    return this.yielding();
  }

  /** Bring the marks in line with the report: a mark for each sentence with a verdict the reader asked to see. */
  private sync(): void {
    if (this.destroyed) return;
    const findings = this.findings();
    this.counts = summarize(findings);
    const wanted = new Map<number, { look: MarkLook; end: number }>();
    // In page order: the second of two neighbours of the same kind gets the other look, so the reader sees where each ends.
    let previous: { kind: MarkLook; end: number; alt: boolean } | undefined;
    let dismissed = 0;
    for (const sentence of findings) {
      if (!sentence.verdict || (sentence.verdict === 'supported' && !this.showSupported)) continue;
      if (sentence.verdict !== 'supported' && this.dismissed.has(sentence.text)) {
        dismissed += 1;
        continue;
      }
      const kind = markLook(sentence.verdict, sentence.severity);
      const alt = previous !== undefined && previous.kind === kind && sentence.start - previous.end <= NEIGHBOUR_GAP && !previous.alt;
      wanted.set(sentence.start, { look: markLook(sentence.verdict, sentence.severity, alt), end: sentence.end });
      previous = { kind, end: sentence.end, alt };
    }
    this.markCount = wanted.size;
    this.dismissedCount = dismissed;
    let cardGone = false;
    for (const key of this.highlighter.keys()) {
      if (wanted.get(key)?.look === this.highlighter.lookOf(key)) continue;
      this.highlighter.unmark(key);
      if (key === this.cards?.current) cardGone = true;
    }
    for (const [key, { look, end }] of wanted) {
      if (this.highlighter.lookOf(key) === look) continue;
      const pieces = this.text.piecesOf(key, end);
      this.highlighter.mark(key, look, pieces);
      const cards = this.cardsNow();
      for (const piece of pieces) {
        const doc = piece.node.ownerDocument;
        if (doc !== this.doc) cards?.watch(doc);
      }
    }
    if (cardGone) this.cards?.refresh();
    this.options.onChange?.(this);
  }

  private setStatus(status: ScanStatus): void {
    if (this.scanStatus === status) return;
    this.scanStatus = status;
    if (status === 'done') this.checkedAt = new Date().toISOString();
    this.options.onChange?.(this);
  }

  private isIdle(): boolean {
    return this.destroyed || (!this.reader && !this.running && this.checker.finished && !this.watcher.busy);
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // ---- what the page changed ------------------------------------------------

  /** Forget what the page took away; read what it added or showed, and check it. */
  private onChanges({ nodes, removed }: PageChanges): void {
    if (this.destroyed) return;
    if (this.unreadPage) {
      // Text with a word of the gate: now the page is worth reading (the read finds what was added too).
      const gate = this.options.engine.gate!;
      if (nodes.some((node) => node.isConnected && gate.test(node.textContent ?? ''))) this.startReading();
      else this.settleIfIdle();
      return;
    }
    if (removed) this.prune();
    const parts: ReadPiece[] = [];
    for (const node of nodes) {
      if (!node.isConnected || !this.readablePlace(node)) continue;
      const read = readableText(node, READ_OPTIONS);
      for (const subtree of read.subtrees) this.watcher.watch(subtree);
      const kept = this.text.keepNew(read);
      if (kept.text.length > 0) parts.push(kept);
    }
    const joined = joinPieces(parts);
    // A paragraph the page added to is read again whole: its sentences as
    // read before give way to it (one that reads the same comes back with its
    // verdict; one the new text continues is replaced, not listed twice).
    if (joined.reread) this.supersede(new Set(joined.reread));
    if (this.queuePiece(joined, true)) void this.run();
    else this.settleIfIdle();
  }

  /** Leave out of the report the sentences all of whose text is in `nodes`. */
  private supersede(nodes: ReadonlySet<Text>): void {
    this.dropSentences((node) => nodes.has(node));
  }

  /** Leave out of the report the sentences whose text the page took away (the engine hears of it with the next request). */
  private prune(): void {
    if (this.dropSentences((node) => !this.highlighter.isOnPage(node))) void this.run();
  }

  /** Leave out of the report each sentence all of whose text nodes are `gone`; returns whether there may be any. */
  private dropSentences(gone: (node: Text) => boolean): boolean {
    const ranges = this.text.rangesWhere(gone);
    this.checker.removeRanges(ranges);
    return ranges.length > 0;
  }

  /**
   * Whether text at `node` is article text: not in anything skipped or the
   * extension's own, inside the article the first read found (unless the page
   * replaced that), up through shadow hosts and frames to this document.
   */
  private readablePlace(node: Node): boolean {
    if (this.noArticle) return false;
    const scope = this.scope ?? this.doc;
    let inScope = !scope.isConnected || scope.nodeType === DOCUMENT_NODE;
    for (let n: Node | null = node; n; ) {
      if (n === scope) inScope = true;
      if (this.own.has(n)) return false;
      if (n.nodeType === ELEMENT_NODE && isSkipped(n as Element, READ_OPTIONS)) return false;
      if (n === this.doc) return inScope;
      if (n.parentNode) n = n.parentNode;
      else if (n.nodeType === DOCUMENT_FRAGMENT_NODE) n = (n as ShadowRoot).host ?? null;
      else if (n.nodeType === DOCUMENT_NODE) n = (n as Document).defaultView?.frameElement ?? null;
      else n = null;
    }
    return false;
  }
}

/** Elements whose text is not the page's words: a script's or style's text names nothing the reader sees. */
const NOT_WORDS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Whether the page may hold a word of the engine's gate: a text node of its
 * body does (scripts and styles aside), or it has frames that may be of its
 * origin or open shadow roots, whose text a walk of the body does not reach
 * (those are read to know). Conservative: hidden text counts too. Stops at the first word found,
 * so on most pages it looks at a few nodes. (A gate word split between two
 * elements in the middle, "Iwa<b>ya</b>", is not seen: markup does not do
 * that to names.)
 */
function mayMention(doc: Document, gate: RegExp): boolean {
  const body = doc.body;
  if (!body) return true;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode as Element | null;
    if (parent && NOT_WORDS.has(parent.nodeName.toUpperCase())) continue;
    if (gate.test((node as Text).data)) return true;
  }
  // A frame of another origin (an advertisement, an embed) is never read: only one that may be of this origin counts.
  for (const frame of doc.getElementsByTagName('iframe')) if (!otherOrigin(frame)) return true;
  const elements = body.getElementsByTagName('*');
  for (let i = 0; i < elements.length; i++) if (elements[i]!.shadowRoot) return true;
  return false;
}
