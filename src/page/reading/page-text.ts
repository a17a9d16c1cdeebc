/**
 * The page's text as the session has read it: one first read, then pieces
 * the page added later, each at its offset in one growing text (a paragraph
 * break between them), with the map from offsets back to text nodes. The
 * engine's offsets are into this text; `piecesOf` turns them back into nodes.
 *
 * Also the memory of which text nodes were read, so that nothing is read (and
 * checked) twice.
 *
 * @module
 */
import { piecesFor, type TextPiece } from './anchor';
import type { TextSegment } from './readable-text';

/** Text read from the page (or part of it), with its segments; offsets from 0. */
export interface ReadPiece {
  text: string;
  segments: TextSegment[];
  /**
   * From `keepNew`: text nodes read before that are in a kept paragraph (the
   * page added to a paragraph it had shown). Their sentences, as read before,
   * are superseded by the paragraph as it is now.
   */
  reread?: Text[];
}

/** One read, at its place in the page text. */
interface Chunk {
  base: number;
  end: number;
  segments: TextSegment[];
}

/** The page text read so far; see the module comment. */
export class PageText {
  private readonly chunks: Chunk[] = [];
  private length = 0;
  /** Page text nodes already read: never read again. */
  private readonly known = new WeakSet<Text>();

  /** Whether this text node was read before. */
  has(node: Text): boolean {
    return this.known.has(node);
  }

  /**
   * `read` without the paragraphs that hold only text read before (a node
   * the page moved, a section it showed again); the nodes of what is kept
   * count as read from now on.
   */
  keepNew(read: ReadPiece): ReadPiece {
    const { text, segments } = read;
    const keptSegments: TextSegment[] = [];
    const reread: Text[] = [];
    /** The kept lines, as `[start, end)` in `text`. */
    const keptLines: number[] = [];
    let keptLength = 0;
    let segment = 0;
    for (let lineStart = 0; lineStart <= text.length; ) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const first = segment;
      let fresh = false;
      while (segment < segments.length && segments[segment]!.start < lineEnd) {
        if (!this.known.has(segments[segment]!.node)) fresh = true;
        segment += 1;
      }
      if (fresh) {
        const at = keptLines.length > 0 ? keptLength + 1 : 0;
        // Where nothing before was left out, the segments stand as they are: no copy (the first read of a page).
        const shift = lineStart - at;
        for (let i = first; i < segment; i++) {
          const s = segments[i]!;
          keptSegments.push(shift === 0 ? s : { ...s, start: s.start - shift, end: s.end - shift });
          if (this.known.has(s.node)) reread.push(s.node);
          else this.known.add(s.node);
        }
        keptLines.push(lineStart, lineEnd);
        keptLength = at + (lineEnd - lineStart);
      }
      lineStart = lineEnd + 1;
    }
    const extra = reread.length > 0 ? { reread } : {};
    // Every line kept: the text as it is.
    if (keptLength === text.length) return { text, segments: keptSegments, ...extra };
    const lines: string[] = [];
    for (let i = 0; i < keptLines.length; i += 2) lines.push(text.slice(keptLines[i], keptLines[i + 1]));
    return { text: lines.join('\n'), segments: keptSegments, ...extra };
  }

  /**
   * Add `piece` after everything read before; returns its offset in the page
   * text, or `undefined` when it is empty (nothing to add).
   */
  append(piece: ReadPiece): number | undefined {
    if (piece.text.length === 0) return undefined;
    // A paragraph break between reads, so that a sentence never runs from one into the next.
    const base = this.chunks.length === 0 ? 0 : this.length + 1;
    this.chunks.push({ base, end: base + piece.text.length, segments: piece.segments });
    this.length = base + piece.text.length;
    return base;
  }

  /**
   * The stretches of the page text whose text nodes are all `gone`, as
   * `[start, end)` ranges, each widened to the text of no node around it (a
   * paragraph break, a quotation mark the reader supplied) up to the next
   * node that is not gone. So a sentence lies wholly within one of them
   * exactly when every text node it is read from is gone: what the engine,
   * which knows offsets and not nodes, needs to forget it.
   */
  rangesWhere(gone: (node: Text) => boolean): [number, number][] {
    const ranges: [number, number][] = [];
    for (const chunk of this.chunks) {
      /** Where the text after the last node that is not gone begins. */
      let openFrom = chunk.base;
      let current: [number, number] | undefined;
      for (const segment of chunk.segments) {
        if (gone(segment.node)) {
          current ??= [openFrom, 0];
          continue;
        }
        if (current) {
          current[1] = chunk.base + segment.start;
          ranges.push(current);
          current = undefined;
        }
        openFrom = chunk.base + segment.end;
      }
      if (current) {
        current[1] = chunk.end;
        ranges.push(current);
      }
    }
    return ranges;
  }

  /** The text-node pieces of the page text `[start, end)` (one read's: sentences never span two). */
  piecesOf(start: number, end: number): TextPiece[] {
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
}

/** Several reads as one, a paragraph break between each two. */
export function joinPieces(parts: readonly ReadPiece[]): ReadPiece {
  const joined: ReadPiece = { text: '', segments: [] };
  let length = 0;
  for (const part of parts) {
    const at = length > 0 ? length + 1 : 0;
    for (const s of part.segments) joined.segments.push({ ...s, start: s.start + at, end: s.end + at });
    length = at + part.text.length;
  }
  joined.text = parts.map((p) => p.text).join('\n');
  const reread = parts.flatMap((p) => p.reread ?? []);
  if (reread.length > 0) joined.reread = reread;
  return joined;
}
