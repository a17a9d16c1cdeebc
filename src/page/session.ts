/**
 * One page, checked: the long-lived object the content script keeps per page
 * (and replaces on navigation). It reads the page's article text (with its
 * open shadow roots and same-origin frames), runs the engine in short slices
 * that give the page's main thread back between them, marks the findings,
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
import type { Strictness } from '../core';
import type { PageReportReply } from '../ext/messages';
import { piecesFor, type TextPiece } from './anchor';
import { cardFinding, FindingCards, type FindingCardsOptions } from './finding-cards';
import { elementOf } from './geometry';
import { createHighlighter, type Highlighter, type HighlighterOptions } from './highlighter';
import type { MarkedVerdict } from './highlight-styles';
import { OwnNodes } from './own-nodes';
import { PageChecker } from './page-checker';
import { isSkipped, readableText, TextReader, type ReadOptions, type TextSegment } from './readable-text';
import type { StyleMode } from './style-sheet';

/** The page is read where the reader sees it: open shadow roots and same-origin frames included. */
const READ_OPTIONS: ReadOptions = Object.freeze({ shadowRoots: true, frames: true });

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** The attributes whose change can show text that was hidden; nothing else the page (or the extension) changes on an element starts a read. */
const REVEALING_ATTRIBUTES = ['hidden', 'aria-hidden', 'style'];

export interface PageSessionOptions {
  /** The top document. */
  document: Document;
  /** The page's address, for the report. */
  file: string;
  strictness: Strictness;
  /** Mark supported sentences too. */
  showSupported: boolean;
  /** Force a way of marking (see `createHighlighter`). */
  highlighter?: HighlighterOptions['prefer'];
  /** How CSS gets into the page (see `installStyles`). */
  styles?: StyleMode | 'auto';
  /** Open cards on marks (default on); options for tests. */
  cards?: boolean | Pick<FindingCardsOptions, 'cardMode' | 'hoverDelayMs' | 'leaveDelayMs'>;
  /** Longest slice of engine work between two yields to the page, in milliseconds. */
  sliceMs?: number;
  /** Give the main thread back (a macrotask); tests may pass their own. */
  yieldToMain?: () => Promise<void>;
  /** Quiet time after the page's last change before added text is read, in milliseconds. */
  settleMs?: number;
  /** Longest wait for quiet: a page that never stops changing is still read this often. */
  maxWaitMs?: number;
  /** Called when the report may have changed (new verdicts, counts, status). */
  onChange?: (session: PageSession) => void;
  /** Clock for slices; `performance.now` by default. */
  now?: () => number;
}

/** Part of the page text: one read of the page, at its offset in the whole. */
interface Chunk {
  base: number;
  end: number;
  segments: TextSegment[];
}

/** Text read and filtered, before it becomes a chunk. */
interface Piece {
  text: string;
  segments: TextSegment[];
}

/** The page's text, checked and marked; see the module comment. */
export class PageSession {
  /** `scanning` while the engine has sentences to read; `done` when every sentence read so far has its verdict. */
  status: PageReportReply['status'] = 'scanning';
  readonly checker: PageChecker;
  readonly highlighter: Highlighter;
  private readonly own = new OwnNodes();
  private readonly cards: FindingCards | undefined;
  private readonly doc: Document;
  private readonly chunks: Chunk[] = [];
  private textLength = 0;
  /** Page text nodes already read: never read again. */
  private readonly known = new WeakSet<Text>();
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private readonly listeners = new AbortController();
  private scope: Node;
  /** The first read of the page, until it is done. */
  private reader: TextReader | undefined;
  private strictnessLevel: Strictness;
  private showSupported: boolean;
  private running = false;
  private destroyed = false;
  private pending = { nodes: new Set<Node>(), removed: false };
  private settleTimer: number | undefined;
  private maxWaitTimer: number | undefined;
  private idleWaiters: (() => void)[] = [];
  private cachedReport: PageReportReply | undefined;
  private lastShown: number | undefined;

  constructor(private readonly options: PageSessionOptions) {
    this.doc = options.document;
    this.strictnessLevel = options.strictness;
    this.showSupported = options.showSupported;
    this.checker = new PageChecker(undefined, options.strictness);
    this.highlighter = createHighlighter(this.doc, { own: this.own, prefer: options.highlighter ?? 'auto', styles: options.styles ?? 'auto' });
    if (options.cards !== false) {
      this.cards = new FindingCards({
        document: this.doc,
        highlighter: this.highlighter,
        own: this.own,
        sourceLabel: this.checker.claimSet.source.label,
        findingOf: (key) => {
          const sentence = this.sentenceAt(key);
          return sentence && this.highlighter.verdictOf(key) ? cardFinding(sentence) : undefined;
        },
        styles: options.styles ?? 'auto',
        ...(typeof options.cards === 'object' ? options.cards : {}),
      });
    }
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));

    // Watch before reading, so that nothing the page adds while a long page
    // is read in steps goes unseen.
    this.watch(this.doc);
    this.reader = new TextReader(this.doc, READ_OPTIONS);
    this.scope = this.reader.scope;
    void this.readPage();
  }

  /** The report so far, as the content script answers `get-page-report`. */
  report(): PageReportReply {
    this.cachedReport ??= { ...this.checker.report(this.options.file), status: this.status };
    return this.cachedReport;
  }

  /** Resolves when no work is under way or waiting (the page has settled and every sentence has its verdict). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Apply the reader's settings at once. A new strictness redecides every
   * sentence without reading any again; showing supported sentences adds or
   * removes their marks.
   */
  update(settings: { strictness?: Strictness; showSupported?: boolean }): void {
    if (this.destroyed) return;
    if (settings.strictness) {
      this.strictnessLevel = settings.strictness;
      this.checker.strictness = settings.strictness;
    }
    if (settings.showSupported !== undefined) this.showSupported = settings.showSupported;
    this.sync();
    this.cards?.refresh();
  }

  /** The strictness the page is checked at. */
  get strictness(): Strictness {
    return this.strictnessLevel;
  }

  /**
   * Show the finding whose sentence starts at `start`: scroll to it, flash
   * it, open its card (with focus when asked, as from the keyboard). Returns
   * false when no marked sentence starts there.
   */
  reveal(start: number, how: { focus?: boolean } = {}): boolean {
    if (this.destroyed || this.highlighter.verdictOf(start) === undefined) return false;
    const element = elementOf(this.highlighter, start);
    const reduceMotion = this.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    element?.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
    this.highlighter.flash(start);
    this.lastShown = start;
    this.cards?.open(start, { focus: how.focus ?? false, pinned: true });
    return true;
  }

  /**
   * Go to the flagged sentence (conflict or unsupported) after the one shown
   * last, from the top after the last one; scroll to it and open its card
   * with focus. Returns the sentence's start, or `undefined` when nothing is
   * flagged.
   */
  next(): number | undefined {
    const flagged = this.report()
      .sentences.filter((s) => (s.verdict === 'conflict' || s.verdict === 'unsupported') && this.highlighter.verdictOf(s.start) !== undefined)
      .map((s) => s.start);
    if (flagged.length === 0) return undefined;
    const after = this.cards?.current ?? this.lastShown ?? -1;
    const target = flagged.find((start) => start > after) ?? flagged[0]!;
    this.reveal(target, { focus: true });
    return target;
  }

  /** Take everything down, in order: work, watching, listeners, card, marks. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.observer.disconnect();
    const win = this.doc.defaultView;
    if (this.settleTimer !== undefined) win?.clearTimeout(this.settleTimer);
    if (this.maxWaitTimer !== undefined) win?.clearTimeout(this.maxWaitTimer);
    this.listeners.abort();
    this.cards?.destroy();
    this.highlighter.destroy();
    this.pending = { nodes: new Set(), removed: false };
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Whether `node` is one the extension put into the page. */
  isOwn(node: Node): boolean {
    return this.own.contains(node);
  }

  // ---- reading --------------------------------------------------------------

  /** Keep `read`'s paragraphs that hold text not read before; remember their nodes as read. */
  private keepNew(read: Piece): Piece {
    const kept: Piece = { text: '', segments: [] };
    let segment = 0;
    let lineStart = 0;
    for (const line of read.text.split('\n')) {
      const lineEnd = lineStart + line.length;
      const own: TextSegment[] = [];
      while (segment < read.segments.length && read.segments[segment]!.start < lineEnd) own.push(read.segments[segment++]!);
      if (own.some((s) => !this.known.has(s.node))) {
        const shift = (kept.text.length > 0 ? kept.text.length + 1 : 0) - lineStart;
        kept.text = kept.text.length > 0 ? `${kept.text}\n${line}` : line;
        for (const s of own) {
          kept.segments.push({ ...s, start: s.start + shift, end: s.end + shift });
          this.known.add(s.node);
        }
      }
      lineStart = lineEnd + 1;
    }
    return kept;
  }

  /** Queue `piece` for the engine, after everything read before. */
  private addChunk(piece: Piece): void {
    if (piece.text.length === 0) return;
    // A paragraph break between reads, so that a sentence never runs from one into the next.
    const base = this.chunks.length === 0 ? 0 : this.textLength + 1;
    this.chunks.push({ base, end: base + piece.text.length, segments: piece.segments });
    this.textLength = base + piece.text.length;
    this.checker.add(piece.text, base);
  }

  /** The text-node pieces of the page text `[start, end)`. */
  private piecesOf(start: number, end: number): TextPiece[] {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.chunks[mid]!.base <= start) low = mid;
      else high = mid - 1;
    }
    const chunk = this.chunks[low];
    if (!chunk || start < chunk.base || end > chunk.end) return [];
    return piecesFor(chunk.segments, start - chunk.base, end - chunk.base);
  }

  private sentenceAt(start: number) {
    return this.report().sentences.find((s) => s.start === start);
  }

  // ---- checking -------------------------------------------------------------

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
    const read = reader.result();
    for (const subtree of read.subtrees) this.watch(subtree);
    this.addChunk(this.keepNew(read));
    this.reader = undefined;
    // What the page added meanwhile waited for this read (it must come after it in the page text).
    if (this.pending.nodes.size > 0 || this.pending.removed) this.queue(null, false);
    await this.run();
  }

  private clock(): () => number {
    return this.options.now ?? (() => (this.doc.defaultView?.performance ?? performance).now());
  }

  /** Run the engine over what is queued, in slices, giving the page its main thread back between them. */
  private async run(): Promise<void> {
    if (this.running || this.destroyed) return;
    this.running = true;
    this.setStatus('scanning');
    const now = this.clock();
    const sliceMs = this.options.sliceMs ?? 8;
    try {
      while (!this.destroyed && !this.checker.finished) {
        // Yield first: whatever queued this work (reading the page, a batch
        // of the page's changes) has had its share of this task.
        await this.yieldToMain();
        if (this.destroyed) break;
        const deadline = now() + sliceMs;
        this.checker.step(() => now() >= deadline);
        this.sync();
      }
    } finally {
      this.running = false;
    }
    if (this.destroyed) return;
    this.setStatus('done');
    this.settleIfIdle();
  }

  private yieldToMain(): Promise<void> {
    if (this.options.yieldToMain) return this.options.yieldToMain();
    const win = this.doc.defaultView;
    return new Promise((resolve) => (win ? win.setTimeout(resolve, 0) : setTimeout(resolve, 0)));
  }

  /** Bring the marks in line with the report: a mark for each sentence with a verdict the reader asked to see. */
  private sync(): void {
    if (this.destroyed) return;
    this.cachedReport = undefined;
    const wanted = new Map<number, { verdict: MarkedVerdict; end: number }>();
    for (const sentence of this.report().sentences) {
      if (sentence.verdict && (sentence.verdict !== 'supported' || this.showSupported)) wanted.set(sentence.start, { verdict: sentence.verdict, end: sentence.end });
    }
    let cardGone = false;
    for (const key of this.highlighter.keys()) {
      if (wanted.get(key)?.verdict === this.highlighter.verdictOf(key)) continue;
      this.highlighter.unmark(key);
      if (key === this.cards?.current) cardGone = true;
    }
    for (const [key, { verdict, end }] of wanted) {
      if (this.highlighter.verdictOf(key) === verdict) continue;
      const pieces = this.piecesOf(key, end);
      this.highlighter.mark(key, verdict, pieces);
      for (const piece of pieces) {
        const doc = piece.node.ownerDocument;
        if (doc !== this.doc) this.cards?.watch(doc);
      }
    }
    if (cardGone) this.cards?.refresh();
    this.options.onChange?.(this);
  }

  private setStatus(status: PageReportReply['status']): void {
    if (this.status === status) return;
    this.status = status;
    this.cachedReport = undefined;
    this.options.onChange?.(this);
  }

  private isIdle(): boolean {
    return this.destroyed || (!this.reader && !this.running && this.checker.finished && this.settleTimer === undefined && this.pending.nodes.size === 0 && !this.pending.removed);
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  // ---- watching the page ----------------------------------------------------

  /** Watch a document, shadow root or frame document for added text (each needs its own watch: changes inside one are not seen from outside). */
  private watch(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: REVEALING_ATTRIBUTES, attributeOldValue: true });
    if (root.nodeType === DOCUMENT_NODE) {
      // A frame that loads (or loads again) brings a new document: read it whole.
      root.addEventListener(
        'load',
        (event) => {
          const target = event.target as Node | null;
          if (target?.nodeType === ELEMENT_NODE && (target as Element).tagName.toUpperCase() === 'IFRAME') this.queue(target, true);
        },
        { capture: true, signal: this.listeners.signal },
      );
    }
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.destroyed) return;
    for (const record of records) {
      // The extension's own writes (marks, the card, styles) never start a read.
      if (this.own.contains(record.target)) continue;
      if (record.type === 'attributes') {
        if (revealing(record)) this.queue(record.target, false);
        continue;
      }
      for (const node of record.addedNodes) {
        if (this.own.has(node) || (node.nodeType === TEXT_NODE && this.known.has(node as Text))) continue;
        if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) this.queue(node, false);
      }
      for (const node of record.removedNodes) {
        // A page node the fallback highlighter stood in for is not gone.
        if (this.own.has(node) || (node.nodeType === TEXT_NODE && this.highlighter.isOnPage(node as Text))) continue;
        this.queue(null, true);
      }
    }
  }

  /** Note a node to read once the page settles (and/or that something went); read after a quiet spell, or at the latest after `maxWaitMs`. */
  private queue(node: Node | null, removed: boolean): void {
    if (node) this.pending.nodes.add(node);
    if (removed) this.pending.removed = true;
    const win = this.doc.defaultView;
    if (!win) return;
    if (this.settleTimer !== undefined) win.clearTimeout(this.settleTimer);
    this.settleTimer = win.setTimeout(() => this.flush(), this.options.settleMs ?? 250);
    this.maxWaitTimer ??= win.setTimeout(() => this.flush(), this.options.maxWaitMs ?? 2000);
  }

  /** Read what the page added since the last read (and forget what it removed), then check it. */
  private flush(): void {
    const win = this.doc.defaultView;
    if (this.settleTimer !== undefined) win?.clearTimeout(this.settleTimer);
    if (this.maxWaitTimer !== undefined) win?.clearTimeout(this.maxWaitTimer);
    this.settleTimer = this.maxWaitTimer = undefined;
    if (this.destroyed || this.reader) return;
    const { nodes, removed } = this.pending;
    this.pending = { nodes: new Set(), removed: false };
    if (removed) this.prune();

    const parts: Piece[] = [];
    for (const node of topmost(nodes)) {
      if (!node.isConnected || !this.readablePlace(node)) continue;
      const read = readableText(node, READ_OPTIONS);
      for (const subtree of read.subtrees) this.watch(subtree);
      const kept = this.keepNew(read);
      if (kept.text.length > 0) parts.push(kept);
    }
    if (parts.length > 0) {
      const joined: Piece = { text: '', segments: [] };
      for (const part of parts) {
        const shift = joined.text.length > 0 ? joined.text.length + 1 : 0;
        joined.text = joined.text.length > 0 ? `${joined.text}\n${part.text}` : part.text;
        for (const s of part.segments) joined.segments.push({ ...s, start: s.start + shift, end: s.end + shift });
      }
      this.addChunk(joined);
      void this.run();
    } else {
      this.settleIfIdle();
    }
  }

  /** Leave out of the report the sentences whose text the page took away. */
  private prune(): void {
    const removed = this.checker.remove(({ start, end }) => {
      const pieces = this.piecesOf(start, end);
      return pieces.length > 0 && pieces.every((p) => !this.highlighter.isOnPage(p.node));
    });
    if (removed > 0) this.sync();
  }

  /**
   * Whether text at `node` is article text: not in anything skipped or the
   * extension's own, inside the article the first read found (unless the page
   * replaced that), up through shadow hosts and frames to this document.
   */
  private readablePlace(node: Node): boolean {
    const scopeGone = !this.scope.isConnected;
    let inScope = scopeGone || this.scope.nodeType === DOCUMENT_NODE;
    for (let n: Node | null = node; n; ) {
      if (n === this.scope) inScope = true;
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

/** Whether an attribute change may have shown text that was hidden. */
function revealing(record: MutationRecord): boolean {
  const el = record.target as Element;
  const old = record.oldValue;
  switch (record.attributeName) {
    // A record means the attribute changed; one that is now absent (or not
    // "true") was there before. (Not every DOM reports the old value.)
    case 'hidden':
      return !el.hasAttribute('hidden');
    case 'aria-hidden':
      return el.getAttribute('aria-hidden') !== 'true';
    case 'style':
      // A cheap first cut; reading the element then drops all it read before.
      return old !== null && /none|hidden/i.test(old) && !isSkipped(el, READ_OPTIONS);
    default:
      return false;
  }
}

/** The nodes of `nodes` that no other of them contains, in the order given. */
function topmost(nodes: Set<Node>): Node[] {
  return [...nodes].filter((node) => {
    for (let n = node.parentNode; n; n = n.parentNode) if (nodes.has(n)) return false;
    return true;
  });
}
