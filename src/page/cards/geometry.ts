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
 * The key of the mark whose text lies in `node` or around it (a link or
 * button inside a marked sentence, or a piece of the sentence), if any: the
 * first such mark in the order the keys are kept.
 */
export function markContaining(highlighter: Highlighter, node: Node): number | undefined {
  for (const key of highlighter.keys()) {
    for (const range of highlighter.rangesOf(key)) {
      if (range.startContainer.ownerDocument !== node.ownerDocument) continue;
      try {
        if (!range.intersectsNode(node)) continue;
        // A container around the sentence and much else (a focusable <main>) is not "in" the sentence.
        const around = node.contains(range.startContainer) && node.contains(range.endContainer);
        if (around && (node.textContent?.length ?? 0) > 2 * range.toString().length) continue;
        return key;
      } catch {
        // A node in another tree (a shadow root the range is not in) cannot intersect it.
      }
    }
  }
  return undefined;
}
