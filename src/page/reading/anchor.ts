/**
 * Sentence offsets -> DOM `Range`s. The one place where offsets into the
 * article text (what the engine sees) meet nodes (what the page has): the
 * engine never sees a node, the highlighter never sees an offset.
 *
 * Pure DOM, reached through the segments' own nodes: no globals, so it runs on
 * the live page, in a same-origin frame's document and on happy-dom.
 *
 * @module
 */
import type { TextSegment } from './readable-text';

/**
 * Index of the first segment that ends after `offset`, or `segments.length`
 * when none does. Segments are in text order and do not overlap, so a binary
 * search finds it on pages with tens of thousands of them.
 */
export function firstSegmentAfter(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The segments that hold some of `[start, end)`, in text order. */
export function segmentsBetween(segments: readonly TextSegment[], start: number, end: number): TextSegment[] {
  const out: TextSegment[] = [];
  for (let i = firstSegmentAfter(segments, start); i < segments.length && segments[i]!.start < end; i++) {
    out.push(segments[i]!);
  }
  return out;
}

/** Part of a sentence that lies in one text node: `node.data.slice(from, to)`. */
export interface TextPiece {
  node: Text;
  from: number;
  to: number;
}

/**
 * The text-node pieces that hold `[start, end)` of a `ReadableText` (offsets as
 * the engine reports them), given that text's `segments`, in text order.
 * Characters no node holds (a paragraph break, a drawn quotation mark) have
 * no piece.
 */
export function piecesFor(segments: readonly TextSegment[], start: number, end: number): TextPiece[] {
  return segmentsBetween(segments, start, end).map((segment) => ({
    node: segment.node,
    from: segment.nodeStart + (Math.max(start, segment.start) - segment.start),
    to: segment.nodeStart + (Math.min(end, segment.end) - segment.start),
  }));
}

/**
 * The `Range`s that cover the text `[start, end)` of a `ReadableText`; see
 * `rangesFromPieces`. Returns `[]` for an empty span or one no node holds.
 */
export function rangesFor(segments: readonly TextSegment[], start: number, end: number): Range[] {
  return rangesFromPieces(piecesFor(segments, start, end));
}

/**
 * As few `Range`s as cover `pieces`: one when a sentence runs through links,
 * `<em>` or `<span>`s; more only when it must: where the text crosses into
 * another tree (a shadow root, a frame's document: a range cannot span
 * trees), or where text the reader skips lies between two pieces (a
 * `<button>` or an `aria-hidden` badge inside the sentence), so that no mark
 * ever covers text the engine did not read. Whitespace between pieces never
 * splits a range.
 */
export function rangesFromPieces(pieces: readonly TextPiece[]): Range[] {
  const ranges: Range[] = [];
  let open: { range: Range; root: Node; last: TextPiece } | null = null;
  for (const piece of pieces) {
    if (piece.to <= piece.from) continue;
    const root = piece.node.getRootNode();
    if (open && open.root === root && onlyWhitespaceBetween(open.last, piece)) {
      open.range.setEnd(piece.node, piece.to);
      open.last = piece;
      continue;
    }
    const range = piece.node.ownerDocument.createRange();
    range.setStart(piece.node, piece.from);
    range.setEnd(piece.node, piece.to);
    ranges.push(range);
    open = { range, root, last: piece };
  }
  return ranges;
}

/**
 * Whether nothing but whitespace stands between the end of piece `a` and the
 * start of piece `b` in document order: then one range may cover both without
 * marking text the reader skipped.
 */
function onlyWhitespaceBetween(a: TextPiece, b: TextPiece): boolean {
  if (a.node === b.node) return b.from >= a.to && /^\s*$/.test(a.node.data.slice(a.to, b.from));
  const gap = a.node.ownerDocument.createRange();
  gap.setStart(a.node, a.to);
  gap.setEnd(b.node, b.from);
  // Two different nodes' boundary points never coincide, so a collapsed gap
  // means b comes before a (a slot can reorder): never merge across that.
  if (gap.collapsed) return false;
  return /^\s*$/.test(gap.toString());
}
