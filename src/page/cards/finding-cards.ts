/**
 * Opening the card on marked sentences: on hover (after a short dwell), on
 * click, on request (the popup's "show on page", the next- and
 * previous-finding keys), and when focus lands on a link or button inside a
 * marked sentence (the card is offered beside it, and the next-finding key
 * moves focus into it; nothing is taken from the reader's focus).
 *
 * Follows WCAG's rules for content on hover: the pointer can move onto the
 * card without it closing, it stays while the pointer is on the sentence or
 * the card, and Escape closes it. Opened by keyboard, it takes focus, and
 * gives it back where it was when it closes.
 *
 * @module
 */
import type { SentenceReport } from '../../core/report';
import type { CardFinding, CardHost, CardUi, FindingShortcuts } from './card-ui';
import { anchorBoxOf, MarkFinder, markAt } from './geometry';
import type { Highlighter } from '../marking/highlighter';
import type { OwnNodes } from '../shared/own-nodes';
import type { StyleMode } from '../shared/style-sheet';

/**
 * Set on the card host while a card is open: the start of the finding's
 * sentence in the page report (`PageReport.sentences[].start`). Tests read
 * which card is open from it. It tells the page nothing it cannot see
 * already (the host and the marked ranges are in the page); the card's text,
 * the verdict and the reason stay in the closed shadow root.
 */
export const OPEN_FINDING_ATTRIBUTE = 'data-finding-start';

export interface FindingCardsOptions {
  /** The top document: the card lives here whatever frame the sentence is in. */
  document: Document;
  /** The card's UI and its words (src/ui/card's `CARD_UI`, fetched by the session with the first mark). */
  ui: CardUi;
  highlighter: Highlighter;
  /** What the card says about the finding marked under `key` (`undefined`: nothing to show). */
  findingOf(key: number): CardFinding | undefined;
  /** The claim set's `source.label`. */
  sourceLabel: string;
  own: OwnNodes;
  /** Dwell before a hover opens the card, in milliseconds. */
  hoverDelayMs?: number;
  /** Grace before a hover-opened card closes once the pointer left, in milliseconds. */
  leaveDelayMs?: number;
  /** `open` only for tests. */
  cardMode?: ShadowRootMode;
  /** Go to the previous or next flagged statement (the card's buttons). */
  onStep?(direction: 1 | -1): void;
  /** The keys of the finding commands, for the card and what is announced. */
  shortcuts?(): FindingShortcuts;
  /** The reader dismissed the flag marked under `key` (the card's button). */
  onDismiss?(key: number): void;
  /** The reader reported the flag marked under `key` as wrong (the card's button). */
  onReportWrong?(key: number): void;
  styles?: StyleMode | 'auto';
}

/** How a card was opened, which decides how it closes. */
export interface OpenHow {
  /** Move focus into the card (opened by keyboard). */
  focus?: boolean;
  /** Stay open when the pointer leaves (opened by click or on request). */
  pinned?: boolean;
  /** Offered beside a focused link or button in the sentence: stays while focus is there; the next-finding key enters it. */
  offered?: boolean;
}

/** The cards of one page session; see the module comment. */
export class FindingCards {
  private readonly card: CardHost;
  private readonly documents = new Map<Document, AbortController>();
  private openKey: number | undefined;
  private pinned = false;
  private offeredKey: number | undefined;
  private returningFocus = false;
  /** Whether the open card's sentence has been in view since the card opened (see `reposition`). */
  private anchorSeen = false;
  /** Where focus was before the card took it, to give it back. */
  private returnFocus: HTMLElement | null = null;
  private hoverTimer: { key: number; id: number } | undefined;
  private leaveTimer: number | undefined;
  private frameRequest: number | undefined;
  private lastPoint: { doc: Document; x: number; y: number; target: EventTarget | null } | undefined;
  /** Which mark a focused node is in, without asking every mark. */
  private readonly marks: MarkFinder;

  constructor(private readonly options: FindingCardsOptions) {
    this.marks = new MarkFinder(options.highlighter);
    this.card = options.ui.mountCardHost(options.document, {
      sourceLabel: options.sourceLabel,
      onClose: () => this.close(),
      own: options.own,
      mode: options.cardMode ?? 'closed',
      styles: options.styles ?? 'auto',
      ...(options.onStep ? { onStep: options.onStep } : {}),
      ...(options.shortcuts ? { shortcuts: options.shortcuts } : {}),
      ...(options.onDismiss ? { onDismiss: () => this.openKey !== undefined && options.onDismiss?.(this.openKey) } : {}),
      ...(options.onReportWrong ? { onReportWrong: () => this.openKey !== undefined && options.onReportWrong?.(this.openKey) } : {}),
    });
    const listen = new AbortController();
    this.documents.set(options.document, listen);
    this.addDocumentListeners(options.document, listen.signal);
    const win = options.document.defaultView;
    // The card is fixed in the viewport; the sentence is not.
    win?.addEventListener('scroll', () => this.reposition(), { capture: true, passive: true, signal: listen.signal });
    win?.addEventListener('resize', () => this.reposition(), { passive: true, signal: listen.signal });
    this.card.host.addEventListener('mouseenter', () => this.cancelLeave(), { signal: listen.signal });
    this.card.host.addEventListener('mouseleave', () => this.scheduleLeave(), { signal: listen.signal });
  }

  /** The key whose card is open, if one is. */
  get current(): number | undefined {
    return this.openKey;
  }

  /** The key of a card offered beside a focused element and not yet entered, if one is open. */
  get offered(): number | undefined {
    return this.offeredKey !== undefined && this.offeredKey === this.openKey && !this.card.contains(this.activeElement()) ? this.offeredKey : undefined;
  }

  /** Say `text` to screen readers (a polite live region). */
  announce(text: string): void {
    this.card.announce(text);
  }

  /** Also listen in `doc` (a same-origin frame's document with marks). */
  watch(doc: Document): void {
    if (this.documents.has(doc)) return;
    const listen = new AbortController();
    this.documents.set(doc, listen);
    this.addDocumentListeners(doc, listen.signal);
  }

  /** Open the card for the finding marked under `key`. Returns false when there is nothing to show. */
  open(key: number, how: OpenHow = {}): boolean {
    const finding = this.options.findingOf(key);
    const box = anchorBoxOf(this.options.highlighter, key, this.options.document);
    if (!finding || !box) return false;
    this.cancelHover();
    this.cancelLeave();
    if (how.focus && !this.card.contains(this.activeElement())) this.returnFocus = this.activeElement();
    this.card.show(finding, box);
    this.anchorSeen = this.inView(box);
    this.openKey = key;
    this.card.host.setAttribute(OPEN_FINDING_ATTRIBUTE, String(key));
    this.pinned = (how.pinned ?? false) || (how.offered ?? false);
    this.offeredKey = how.offered ? key : undefined;
    if (how.focus) this.card.focus();
    return true;
  }

  /** Close the card; focus goes back where it was if the card had taken it. */
  close(): void {
    this.cancelHover();
    this.cancelLeave();
    if (this.openKey === undefined) return;
    const hadFocus = this.card.contains(this.activeElement()) || this.card.contains(this.card.root.activeElement);
    this.card.hide();
    this.card.host.removeAttribute(OPEN_FINDING_ATTRIBUTE);
    this.openKey = undefined;
    this.pinned = false;
    this.offeredKey = undefined;
    const target = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus && target?.isConnected) {
      // Focus going back is not the reader arriving at a link: the card they closed is not offered again.
      this.returningFocus = true;
      try {
        target.focus({ preventScroll: true });
      } finally {
        this.returningFocus = false;
      }
    }
  }

  /** Show the open card again (its finding changed, e.g. with strictness), or close it if it has none now. */
  refresh(): void {
    if (this.openKey === undefined) return;
    const finding = this.options.findingOf(this.openKey);
    const box = anchorBoxOf(this.options.highlighter, this.openKey, this.options.document);
    if (!finding || !box) this.close();
    else this.card.show(finding, box);
  }

  /** Remove every listener and the card. */
  destroy(): void {
    this.close();
    for (const listen of this.documents.values()) listen.abort();
    this.documents.clear();
    const win = this.options.document.defaultView;
    if (this.frameRequest !== undefined) win?.cancelAnimationFrame(this.frameRequest);
    this.card.destroy();
  }

  private addDocumentListeners(doc: Document, signal: AbortSignal): void {
    doc.addEventListener('mousemove', (event) => this.onPointer(doc, event), { passive: true, signal });
    doc.addEventListener('click', (event) => this.onClick(doc, event), { signal });
    // Capture: Escape closes the card before the page acts on it.
    doc.addEventListener('keydown', (event) => this.onKey(event), { capture: true, signal });
    doc.addEventListener('focusin', (event) => this.onFocus(event), { signal });
  }

  /**
   * Focus landed somewhere: on a link or button inside a marked sentence,
   * offer that sentence's card (shown, focus left where it is) and say so;
   * elsewhere, take back a card that was offered.
   */
  private onFocus(event: FocusEvent): void {
    const target = (event.composedPath?.()[0] ?? event.target) as Node | null;
    if (!target || this.returningFocus || this.card.contains(target)) return;
    const key = this.marks.containing(target);
    if (key === undefined) {
      if (this.offeredKey !== undefined && this.offeredKey === this.openKey) this.close();
      return;
    }
    if (key === this.openKey) return;
    const finding = this.options.findingOf(key);
    if (!finding || !this.open(key, { offered: true })) return;
    const enter = this.options.shortcuts?.().next;
    this.card.announce(`In a flagged sentence: ${this.options.ui.verdictName(finding.verdict, finding.severity)}.${enter ? ` ${enter} opens its card.` : ''}`);
  }

  private onPointer(doc: Document, event: MouseEvent): void {
    this.lastPoint = { doc, x: event.clientX, y: event.clientY, target: event.target };
    // One hit test per frame, however fast the mouse moves.
    if (this.frameRequest !== undefined) return;
    const win = this.options.document.defaultView;
    if (!win) return;
    this.frameRequest = win.requestAnimationFrame(() => {
      this.frameRequest = undefined;
      const point = this.lastPoint;
      if (point) this.hover(point.doc, point.x, point.y, point.target);
    });
  }

  private hover(doc: Document, x: number, y: number, target: EventTarget | null): void {
    if (this.card.contains(target)) {
      this.cancelLeave();
      return;
    }
    const key = markAt(this.options.highlighter, doc, x, y);
    if (key === undefined) {
      this.cancelHover();
      if (this.openKey !== undefined && !this.pinned) this.scheduleLeave();
      return;
    }
    if (key === this.openKey) {
      this.cancelLeave();
      return;
    }
    if (this.hoverTimer?.key === key) return;
    this.cancelHover();
    const win = this.options.document.defaultView;
    if (!win) return;
    const id = win.setTimeout(() => {
      this.hoverTimer = undefined;
      // A card the reader pinned or focused stays until they close it.
      if (this.openKey !== undefined && this.pinned) return;
      if (this.open(key, { pinned: false })) this.announceOpened(key);
    }, this.options.hoverDelayMs ?? 300);
    this.hoverTimer = { key, id };
  }

  /**
   * A card opened under the pointer is said, not focused: taking focus on a
   * hover would move a keyboard or screen-reader user away from where they
   * were (WCAG 2.2, 3.2.1 and 1.4.13), so they hear that it opened, what
   * kind of flag it is, and the key that goes into it.
   */
  private announceOpened(key: number): void {
    const finding = this.options.findingOf(key);
    if (!finding) return;
    const enter = this.options.shortcuts?.().next;
    this.card.announce(`Card open on a flagged sentence: ${this.options.ui.verdictName(finding.verdict, finding.severity)}.${enter ? ` ${enter} goes into it.` : ''}`);
  }

  private onClick(doc: Document, event: MouseEvent): void {
    if (this.card.contains(event.target)) return;
    // A click that ends a text selection is the reader selecting, not asking.
    if (doc.getSelection?.()?.isCollapsed === false) return;
    const key = markAt(this.options.highlighter, doc, event.clientX, event.clientY);
    if (key !== undefined) this.open(key, { pinned: true });
    else if (this.openKey !== undefined) this.close();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.openKey === undefined) return;
    event.stopPropagation();
    this.close();
  }

  private reposition(): void {
    if (this.openKey === undefined) return;
    const box = anchorBoxOf(this.options.highlighter, this.openKey, this.options.document);
    if (!box) return;
    // The card belongs beside its sentence: once the sentence has scrolled out
    // of view it closes (unless the reader is in it), rather than staying
    // pinned to the viewport's edge over other text.
    // (Only once it was in view: a revealed sentence starts out of view and is scrolled to.)
    const inView = this.inView(box);
    if (inView) this.anchorSeen = true;
    if (!inView && this.anchorSeen && !this.card.contains(this.activeElement())) this.close();
    else this.card.place(box);
  }

  private inView(box: { top: number; bottom: number }): boolean {
    const doc = this.options.document;
    const height = doc.documentElement.clientHeight || doc.defaultView?.innerHeight || 0;
    return box.bottom >= 0 && box.top <= height;
  }

  private scheduleLeave(): void {
    if (this.pinned || this.openKey === undefined || this.leaveTimer !== undefined) return;
    const win = this.options.document.defaultView;
    if (!win) return;
    this.leaveTimer = win.setTimeout(() => {
      this.leaveTimer = undefined;
      if (!this.pinned) this.close();
    }, this.options.leaveDelayMs ?? 400);
  }

  private cancelLeave(): void {
    if (this.leaveTimer === undefined) return;
    this.options.document.defaultView?.clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
  }

  private cancelHover(): void {
    if (!this.hoverTimer) return;
    this.options.document.defaultView?.clearTimeout(this.hoverTimer.id);
    this.hoverTimer = undefined;
  }

  /** The element that has focus, looking into shadow roots and frames. */
  private activeElement(): HTMLElement | null {
    let active: Element | null = this.options.document.activeElement;
    for (;;) {
      const inner: Element | null | undefined = active?.shadowRoot?.activeElement ?? (active?.tagName === 'IFRAME' ? (active as HTMLIFrameElement).contentDocument?.activeElement : undefined);
      if (!inner) break;
      active = inner;
    }
    return (active as HTMLElement | null) ?? null;
  }
}

/** What the card shows for a sentence report: the sentence, its verdict and severity, and every finding behind it. */
export function cardFinding(sentence: Pick<SentenceReport, 'text' | 'verdict' | 'severity' | 'reason' | 'quote' | 'findings'>): CardFinding | undefined {
  if (!sentence.verdict) return undefined;
  return { verdict: sentence.verdict, severity: sentence.severity, reason: sentence.reason, quote: sentence.quote, findings: sentence.findings, text: sentence.text };
}
