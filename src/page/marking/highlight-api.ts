/**
 * The Highlight API way of marking (see `highlighter.ts`): one `Highlight`
 * per look (verdict, severity, alternation) in each document's `CSS.highlights`, painted by the `::highlight()`
 * rules of `highlight-styles.ts`. No page node is touched.
 *
 * @module
 */
import { rangesFromPieces, type TextPiece } from '../reading/anchor';
import type { Highlighter, HighlighterOptions } from './highlighter';
import type { Verdict } from '../../core/verdict';
import { FLASH_HIGHLIGHT, HIGHLIGHT_NAMES, highlightCss, MARK_LOOKS, verdictOfLook, type MarkLook } from './highlight-styles';
import { FlashTimers, TreeStyles } from './mark-upkeep';

/** The Highlight API's pieces, as a window offers them. */
export interface HighlightApi {
  registry: HighlightRegistry;
  Highlight: typeof Highlight;
}

/**
 * The Highlight API of `doc`'s window, or `undefined` where it is missing.
 * Read from the window rather than the globals so that a same-origin frame's
 * ranges go to that frame's own registry.
 */
export function highlightApiOf(doc: Document): HighlightApi | undefined {
  const win = doc.defaultView as (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight }) | null;
  const registry = win?.CSS?.highlights;
  const HighlightClass = win?.Highlight;
  return registry && typeof HighlightClass === 'function' ? { registry, Highlight: HighlightClass } : undefined;
}

/** Conflicts paint over unsupported over supported, and a flash over all. */
const PRIORITY: Readonly<Record<Verdict, number>> = { conflict: 3, unsupported: 2, supported: 1 };
const FLASH_PRIORITY = 4;

/** One document's registry and the highlights this extension put into it. */
interface DocumentHighlights {
  registry: HighlightRegistry;
  byLook: Map<MarkLook, Highlight>;
  flash: Highlight;
}

interface Marked {
  look: MarkLook;
  ranges: Range[];
}

/** Marks with the CSS Custom Highlight API; see the module comment. */
export class CssHighlighter implements Highlighter {
  readonly kind = 'highlight-api' as const;
  private readonly documents = new Map<Document, DocumentHighlights>();
  private readonly marks = new Map<number, Marked>();
  private readonly flashes: FlashTimers;
  /** `::highlight()` rules act only in the tree they are in: each document and shadow root with marks gets them. */
  private readonly styles: TreeStyles;
  /** Documents whose highlights changed since their last refresh, with the frame the refresh waits for. */
  private readonly refreshes = new Map<Document, { win: Window; id: number }>();
  /** Whether to register the highlights again after a change (see `refreshSoon`). */
  private readonly reregister: boolean;

  constructor(options: HighlighterOptions) {
    this.reregister = options.reregister !== false;
    this.flashes = new FlashTimers(options.flashMs);
    this.styles = new TreeStyles(highlightCss(), options.own, options.styles);
  }

  mark(key: number, look: MarkLook, pieces: readonly TextPiece[]): void {
    this.unmark(key);
    const ranges = rangesFromPieces(pieces);
    for (const range of ranges) {
      const highlights = this.highlightsOf(range.startContainer.ownerDocument!);
      if (!highlights) continue;
      this.styles.ensure(range.startContainer.getRootNode());
      highlights.byLook.get(look)!.add(range);
      this.refreshSoon(range.startContainer.ownerDocument!);
    }
    this.marks.set(key, { look, ranges });
  }

  unmark(key: number): void {
    const marked = this.marks.get(key);
    if (!marked) return;
    for (const range of marked.ranges) {
      const highlights = this.documents.get(range.startContainer.ownerDocument!);
      highlights?.byLook.get(marked.look)?.delete(range);
      highlights?.flash.delete(range);
      if (highlights) this.refreshSoon(range.startContainer.ownerDocument!);
    }
    this.marks.delete(key);
  }

  lookOf(key: number): MarkLook | undefined {
    return this.marks.get(key)?.look;
  }

  keys(): number[] {
    return [...this.marks.keys()];
  }

  rangesOf(key: number): Range[] {
    return [...(this.marks.get(key)?.ranges ?? [])];
  }

  flash(key: number): void {
    const marked = this.marks.get(key);
    if (!marked) return;
    for (const range of marked.ranges) {
      const doc = range.startContainer.ownerDocument!;
      const highlights = this.documents.get(doc);
      const win = doc.defaultView;
      if (!highlights || !win) continue;
      highlights.flash.add(range);
      this.flashes.start(win, () => {
        highlights.flash.delete(range);
        this.refreshSoon(doc);
      });
    }
  }

  isOnPage(node: Text): boolean {
    // A node in a frame that navigated away stays "connected" to its dead document.
    return node.isConnected && node.ownerDocument.defaultView !== null;
  }

  clear(): void {
    for (const key of [...this.marks.keys()]) this.unmark(key);
  }

  destroy(): void {
    this.clear();
    this.flashes.endAll();
    for (const { win, id } of this.refreshes.values()) win.cancelAnimationFrame(id);
    this.refreshes.clear();
    for (const [, highlights] of this.documents) {
      const ours = [...highlights.byLook.entries()].map(([look, h]) => [HIGHLIGHT_NAMES[look], h] as const);
      for (const [name, highlight] of [...ours, [FLASH_HIGHLIGHT, highlights.flash] as const]) {
        // Only our own: never delete a highlight someone else registered under the name.
        if (highlights.registry.get(name) === highlight) highlights.registry.delete(name);
      }
    }
    this.documents.clear();
    this.styles.removeAll();
  }

  /** The highlights of `doc`, registered on first use; `undefined` if its window lacks the API. */
  private highlightsOf(doc: Document): DocumentHighlights | undefined {
    const known = this.documents.get(doc);
    if (known) return known;
    const api = highlightApiOf(doc);
    if (!api) return undefined;
    const make = (name: string, priority: number): Highlight => {
      const highlight = new api.Highlight();
      highlight.priority = priority;
      api.registry.set(name, highlight);
      return highlight;
    };
    const byLook = new Map<MarkLook, Highlight>();
    for (const look of MARK_LOOKS) byLook.set(look, make(HIGHLIGHT_NAMES[look], PRIORITY[verdictOfLook(look)]));
    const highlights = { registry: api.registry, byLook, flash: make(FLASH_HIGHLIGHT, FLASH_PRIORITY) };
    this.documents.set(doc, highlights);
    return highlights;
  }

  /**
   * Register `doc`'s highlights again, once, at its next animation frame
   * (after the layout that follows the change).
   *
   * Why: Firefox paints a highlight's range only on text frames it flagged
   * as selected when the range was added, and that flag is shared by every
   * selection and highlight over the node. We saw it lose a registered range
   * (seed-000, "After Tokyo, …": in the registry, not painted, until another
   * range of the same highlight in that paragraph was removed). Registering
   * the same `Highlight` under its name again makes the browser rebuild its
   * selection from every range and flag their frames afresh (Gecko's
   * `HighlightRegistry::Set` drops and re-adds the highlight selection);
   * Chromium just repaints. One refresh per frame, however many changes.
   */
  private refreshSoon(doc: Document): void {
    const win = doc.defaultView;
    if (!this.reregister || !win || this.refreshes.has(doc) || typeof win.requestAnimationFrame !== 'function') return;
    const id = win.requestAnimationFrame(() => {
      this.refreshes.delete(doc);
      const highlights = this.documents.get(doc);
      if (!highlights) return;
      const ours = [...highlights.byLook.entries()].map(([look, h]) => [HIGHLIGHT_NAMES[look], h] as const);
      for (const [name, highlight] of [...ours, [FLASH_HIGHLIGHT, highlights.flash] as const]) {
        // Only our own, still registered: never take over a name someone else set.
        if (highlights.registry.get(name) === highlight) highlights.registry.set(name, highlight);
      }
    });
    this.refreshes.set(doc, { win, id });
  }
}
