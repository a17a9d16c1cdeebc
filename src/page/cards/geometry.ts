/**
 * Where marked text is on screen: hit tests for the pointer, and boxes in the
 * top document's viewport for placing the card. With the Highlight API there
 * are no nodes to listen on, so a point is tested against the marks' ranges.
 *
 * @module
 */
import type { AnchorBox } from './card-ui';
import type { Highlighter } from '../marking/highlighter';

/** Pointer slack in CSS pixels: a line's box ends at the glyphs, a reader's aim does not. */
const SLACK = 2;

function inside(rect: DOMRect | DOMRectReadOnly, x: number, y: number): boolean {
  return rect.width > 0 && x >= rect.left - SLACK && x <= rect.right + SLACK && y >= rect.top - SLACK && y <= rect.bottom + SLACK;
}

/**
 * The key of the mark under the point (`x`, `y`) of `doc`'s viewport, if any.
 * Each range's bounding box rules it out cheaply; only a candidate's line
 * boxes are then asked, so a hover over a long page stays cheap.
 */
export function markAt(highlighter: Highlighter, doc: Document, x: number, y: number): number | undefined {
  for (const key of highlighter.paintedKeys?.() ?? highlighter.keys()) {
    for (const range of highlighter.rangesOf(key)) {
      if (range.startContainer.ownerDocument !== doc) continue;
      if (!inside(range.getBoundingClientRect(), x, y)) continue;
      for (const rect of range.getClientRects()) if (inside(rect, x, y)) return key;
    }
  }
  return undefined;
}

/**
 * The box around a mark's text (all its lines, so that a card placed below
 * it never covers the sentence), in the top document's viewport: the frames
 * it is inside add their offsets. Left edge: the leftmost of its lines, so a
 * sentence that starts mid-line gets its card in the text column, not past it.
 * `undefined` when the mark has no box (it is hidden or gone).
 */
export function anchorBoxOf(highlighter: Highlighter, key: number, top: Document): AnchorBox | undefined {
  const ranges = highlighter.rangesOf(key);
  const first = ranges[0];
  if (!first) return undefined;
  let doc = first.startContainer.ownerDocument;
  let box: AnchorBox | undefined;
  for (const range of ranges) {
    if (range.startContainer.ownerDocument !== doc) continue;
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 && rect.height === 0) continue;
      box = box
        ? { left: Math.min(box.left, rect.left), top: Math.min(box.top, rect.top), right: Math.max(box.right, rect.right), bottom: Math.max(box.bottom, rect.bottom) }
        : { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    }
  }
  if (!box) {
    const rect = first.getBoundingClientRect();
    box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  }
  while (doc && doc !== top) {
    const frame = doc.defaultView?.frameElement;
    if (!frame) break;
    const outer = frame.getBoundingClientRect();
    const dx = outer.left + frame.clientLeft;
    const dy = outer.top + frame.clientTop;
    box = { left: box.left + dx, top: box.top + dy, right: box.right + dx, bottom: box.bottom + dy };
    doc = frame.ownerDocument;
  }
  return box;
}

/** The element to scroll to for a mark: the one its text starts in. */
export function elementOf(highlighter: Highlighter, key: number): Element | undefined {
  const range = highlighter.rangesOf(key)[0];
  if (!range) return undefined;
  const node = range.startContainer;
  return (node.nodeType === 1 ? (node as Element) : node.parentElement) ?? undefined;
}

/**
 * Whether `node` is in the mark of `ranges`: a link or button inside the
 * marked sentence, or a piece of the sentence. A container around the
 * sentence and much else (a focusable `<main>`) is not; `textLength` is the
 * length of `node`'s text, asked only then.
 */
function inMark(ranges: readonly Range[], node: Node, textLength: () => number): boolean {
  for (const range of ranges) {
    if (range.startContainer.ownerDocument !== node.ownerDocument) continue;
    try {
      if (!range.intersectsNode(node)) continue;
      const around = node.contains(range.startContainer) && node.contains(range.endContainer);
      if (around && textLength() > 2 * lengthOf(range)) continue;
      return true;
    } catch {
      // A node in another tree (a shadow root the range is not in) cannot intersect it.
    }
  }
  return false;
}

/** The length of a range's text; within one text node without building it (a 5 MB page's node holds thousands of marks). */
function lengthOf(range: Range): number {
  return range.startContainer === range.endContainer && range.startContainer.nodeType === 3 ? range.endOffset - range.startOffset : range.toString().length;
}

/** A mark being put in order: its ranges' first and last, in one tree and in document order. */
interface Placed {
  key: number;
  first: Range;
  last: Range;
}

/** `Range`'s comparison kinds (the global `Range` is not asked for them: a frame's ranges are of its own window's). */
const START_TO_START = 0;
const START_TO_END = 1;

/** Whether range `a` ends where range `b` starts or before (`a`'s end against `b`'s start): they do not overlap, `a` first. Throws across trees. */
const endsBy = (a: Range, b: Range): boolean => a.compareBoundaryPoints(START_TO_END, b) <= 0;

/**
 * Finds the mark whose text lies in a node or around it (see `containing`)
 * without asking every mark: with thousands of marks (a 5 MB page has
 * 16,000) asking each for its ranges on every focus was a long task, worse
 * where ranges are made on request (marks not painted, `<ejfc-mark>`
 * elements).
 *
 * How: the marks of each tree (a document, a shadow root), in document
 * order, never overlapping (sentences do not), so that the few a node can
 * intersect are found by binary search, comparing boundary points of a
 * handful of marks' ranges. That order is made when the set of marks
 * changes: from their keys' order (the page text's, mostly the document's
 * already), sorted by where they start. A mark that does not fit it (ranges
 * in several trees, out of document order, overlapping another: slots can
 * reorder text) is kept aside and asked every time, as is everything when a
 * comparison fails (a mark's text moved to another tree since). Not seen: a
 * page that moves marked text within its tree, the marks unchanged; the
 * order is then stale until the marks next change.
 */
export class MarkFinder {
  /** The keys the order was made from, as `keys()` gave them. */
  private madeFrom: readonly number[] | undefined;
  /** Per tree root: keys of marks in document order, disjoint. */
  private ordered = new Map<Node, number[]>();
  /** Keys of marks asked one by one. */
  private loose: number[] = [];

  constructor(private readonly highlighter: Highlighter) {}

  /**
   * The key of the mark whose text lies in `node` or around it (a link or
   * button inside a marked sentence, or a piece of the sentence), if any:
   * the first in document order of the marks in `node`'s tree, else of the
   * marks kept aside.
   */
  containing(node: Node): number | undefined {
    this.update();
    let length: number | undefined;
    const textLength = () => (length ??= node.textContent?.length ?? 0);
    const holds = (key: number) => inMark(this.highlighter.rangesOf(key), node, textLength);
    let found: number | undefined;
    try {
      found = this.search(this.ordered.get(node.getRootNode()) ?? [], node, textLength);
    } catch {
      // A mark's ranges are no longer in the tree they were put in order in: ask every mark.
      this.madeFrom = undefined;
      return this.highlighter.keys().find(holds);
    }
    return found ?? this.loose.find(holds);
  }

  /** The first mark of `keys` (disjoint, in document order, in `node`'s tree) that `node` is in. */
  private search(keys: readonly number[], node: Node, textLength: () => number): number | undefined {
    if (keys.length === 0) return undefined;
    // A node without a parent (a document, a shadow root) is around every mark of its tree.
    if (!node.parentNode) return keys.find((key) => inMark(this.highlighter.rangesOf(key), node, textLength));
    const span = (node.ownerDocument ?? (node as Document)).createRange();
    span.selectNode(node);
    // The first mark that ends after the node starts: the marks before it cannot intersect the node.
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const ranges = this.highlighter.rangesOf(keys[mid]!);
      const last = ranges[ranges.length - 1];
      // Its end at or before the node's start (a mark with no ranges left counts as before: it holds nothing).
      if (!last || endsBy(last, span)) low = mid + 1;
      else high = mid;
    }
    // From there, every mark that starts before the node ends.
    for (let i = low; i < keys.length; i++) {
      const key = keys[i]!;
      const ranges = this.highlighter.rangesOf(key);
      const first = ranges[0];
      if (!first) continue;
      // It starts at or after the node's end: so do the rest.
      if (endsBy(span, first)) break;
      if (inMark(ranges, node, textLength)) return key;
    }
    return undefined;
  }

  /** Puts the marks in order again if they changed since (see the class comment). */
  private update(): void {
    const keys = this.highlighter.keys();
    const made = this.madeFrom;
    if (made && made.length === keys.length && made.every((key, i) => key === keys[i])) return;
    this.madeFrom = keys;
    this.ordered = new Map();
    this.loose = [];
    const byRoot = new Map<Node, Placed[]>();
    for (const key of [...keys].sort((a, b) => a - b)) {
      const ranges = this.highlighter.rangesOf(key);
      const first = ranges[0];
      if (!first) continue;
      const root = first.startContainer.getRootNode();
      let fits = true;
      try {
        for (let i = 0; fits && i < ranges.length; i++) {
          const range = ranges[i]!;
          if (range.startContainer.getRootNode() !== root || range.endContainer.getRootNode() !== root) fits = false;
          else if (i > 0 && !endsBy(ranges[i - 1]!, range)) fits = false;
        }
      } catch {
        fits = false;
      }
      if (!fits) {
        this.loose.push(key);
        continue;
      }
      let placed = byRoot.get(root);
      if (!placed) byRoot.set(root, (placed = []));
      placed.push({ key, first, last: ranges[ranges.length - 1]! });
    }
    for (const [root, placed] of byRoot) {
      try {
        // Already in order but for a few (the page text follows the document): a stable sort that sees that compares each once.
        placed.sort((a, b) => a.first.compareBoundaryPoints(START_TO_START, b.first));
      } catch {
        this.loose.push(...placed.map((p) => p.key));
        continue;
      }
      const keep: number[] = [];
      let previous: Placed | undefined;
      for (const mark of placed) {
        if (previous && !endsBy(previous.last, mark.first)) {
          this.loose.push(mark.key);
          continue;
        }
        keep.push(mark.key);
        previous = mark;
      }
      this.ordered.set(root, keep);
    }
  }
}
