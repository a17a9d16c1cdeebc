/**
 * The fallback way of marking (see `highlighter.ts`), for browsers without
 * the CSS Custom Highlight API: marked text is shown in `<ejfc-mark
 * data-verdict=… data-look=…>` elements.
 *
 * The page's own text node is never changed: it is taken out whole and kept,
 * its data untouched, while pieces made by the extension (plain text nodes
 * and marks) stand in its place; when its last mark goes, the very same node
 * object goes back where it was and the pieces go. So a page looks, node for
 * node, as it did before (no split nodes left behind, no `normalize()` of
 * the page's nodes), and a script holding the node still holds the page's.
 *
 * @module
 */
import type { TextPiece } from '../reading/anchor';
import type { Highlighter, HighlighterOptions } from './highlighter';
import { MARK_TAG, markCss, verdictOfLook, type MarkLook } from './highlight-styles';
import { FlashTimers, TreeStyles } from './mark-upkeep';
import type { OwnNodes } from '../shared/own-nodes';

/** One page text node while it has marks. */
interface Swapped {
  /** The page's node, out of the page while it has marks; never modified. */
  original: Text;
  /** The marked parts of `original.data`, in order, not overlapping. */
  spans: { from: number; to: number; key: number; look: MarkLook }[];
  /** What stands in the page in its place, in order. */
  stand: Node[];
}

interface Marked {
  look: MarkLook;
  /** The page nodes this finding marks text of. */
  nodes: Text[];
}

/** Marks by wrapping text in `<ejfc-mark>` elements; see the module comment. */
export class ElementHighlighter implements Highlighter {
  readonly kind = 'elements' as const;
  private readonly swapped = new Map<Text, Swapped>();
  private readonly marks = new Map<number, Marked>();
  private readonly flashes: FlashTimers;
  /** Mark rules act only in the tree they are in: each document and shadow root with marks gets them. */
  private readonly styles: TreeStyles;
  private readonly own: OwnNodes;

  constructor(options: HighlighterOptions) {
    this.own = options.own;
    this.flashes = new FlashTimers(options.flashMs);
    this.styles = new TreeStyles(markCss(), options.own, options.styles);
  }

  mark(key: number, look: MarkLook, pieces: readonly TextPiece[]): void {
    this.unmark(key);
    const nodes: Text[] = [];
    for (const { node, from, to } of pieces) {
      if (to <= from) continue;
      const swapped = this.swapped.get(node);
      if (!swapped && !node.parentNode) continue;
      const entry = swapped ?? { original: node, spans: [], stand: [] };
      // Sentences never overlap; a piece that would is left unmarked rather than mangled.
      if (entry.spans.some((s) => s.from < to && from < s.to)) continue;
      entry.spans.push({ from, to, key, look });
      entry.spans.sort((a, b) => a.from - b.from);
      if (this.redraw(entry)) {
        this.swapped.set(node, entry);
        nodes.push(node);
      }
    }
    this.marks.set(key, { look, nodes });
  }

  unmark(key: number): void {
    const marked = this.marks.get(key);
    if (!marked) return;
    this.marks.delete(key);
    for (const node of marked.nodes) {
      const entry = this.swapped.get(node);
      if (!entry) continue;
      entry.spans = entry.spans.filter((s) => s.key !== key);
      if (entry.spans.length > 0) this.redraw(entry);
      else this.restore(entry);
    }
  }

  lookOf(key: number): MarkLook | undefined {
    return this.marks.get(key)?.look;
  }

  keys(): number[] {
    return [...this.marks.keys()];
  }

  rangesOf(key: number): Range[] {
    return this.elementsOf(key).map((el) => {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      return range;
    });
  }

  flash(key: number): void {
    for (const el of this.elementsOf(key)) {
      const win = el.ownerDocument.defaultView;
      if (!win) continue;
      el.setAttribute('data-flash', '');
      this.flashes.start(win, () => el.removeAttribute('data-flash'));
    }
  }

  isOnPage(node: Text): boolean {
    const entry = this.swapped.get(node);
    const shown = entry ? entry.stand.find((n) => n.isConnected) : node.isConnected ? node : undefined;
    return shown !== undefined && shown.ownerDocument!.defaultView !== null;
  }

  clear(): void {
    for (const key of [...this.marks.keys()]) this.unmark(key);
  }

  destroy(): void {
    this.flashes.endAll();
    this.clear();
    this.styles.removeAll();
  }

  private elementsOf(key: number): Element[] {
    const marked = this.marks.get(key);
    if (!marked) return [];
    const out: Element[] = [];
    for (const node of marked.nodes) {
      const entry = this.swapped.get(node);
      for (const n of entry?.stand ?? []) {
        if (n.nodeType === 1 && (n as Element).getAttribute('data-ejfc-key') === String(key)) out.push(n as Element);
      }
    }
    return out;
  }

  /**
   * Put in the page, in place of what stands for `entry.original` now (or of
   * the original itself), pieces showing its spans. Returns false when there
   * is no place to put them (the page took the node out).
   */
  private redraw(entry: Swapped): boolean {
    const current = entry.stand.length > 0 ? entry.stand : [entry.original];
    const anchor = current.find((n) => n.parentNode);
    const parent = anchor?.parentNode;
    if (!anchor || !parent) return false;
    const doc = entry.original.ownerDocument;
    const data = entry.original.data;
    const stand: Node[] = [];
    const text = (from: number, to: number): Text => this.own.add(doc.createTextNode(data.slice(from, to)));
    let at = 0;
    for (const span of entry.spans) {
      if (span.from > at) stand.push(text(at, span.from));
      const mark = this.own.add(doc.createElement(MARK_TAG));
      mark.setAttribute('data-verdict', verdictOfLook(span.look));
      mark.setAttribute('data-look', span.look);
      mark.setAttribute('data-ejfc-key', String(span.key));
      mark.appendChild(text(span.from, span.to));
      stand.push(mark);
      at = span.to;
    }
    if (at < data.length) stand.push(text(at, data.length));
    for (const node of stand) parent.insertBefore(node, anchor);
    for (const node of current) node.parentNode?.removeChild(node);
    entry.stand = stand;
    this.styles.ensure(parent.getRootNode());
    return true;
  }

  /** The page's own node back where its stand-ins are; the stand-ins out. */
  private restore(entry: Swapped): void {
    this.swapped.delete(entry.original);
    const anchor = entry.stand.find((n) => n.parentNode);
    // If the page took the stand-ins out itself, the text is gone from the page: leave it so.
    if (anchor?.parentNode) anchor.parentNode.insertBefore(entry.original, anchor);
    for (const node of entry.stand) {
      node.parentNode?.removeChild(node);
      this.own.delete(node);
    }
    entry.stand = [];
  }
}
