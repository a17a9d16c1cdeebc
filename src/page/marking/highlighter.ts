/**
 * Marking findings on the page: one interface, two ways, chosen by feature
 * detection.
 *
 * - `highlight-api`: the CSS Custom Highlight API (`CSS.highlights`). Ranges
 *   are painted by the browser; no page node is touched, so no page script,
 *   framework or layout can be disturbed by a mark.
 * - `elements`: where that API is missing, marked text is wrapped in
 *   `<ejfc-mark>` elements; removing a mark puts the page's own text nodes
 *   back exactly as they were.
 *
 * A finding is marked under a numeric key (the session uses the sentence's
 * start offset), which is how the card, the hit test and "next finding" refer
 * to it.
 *
 * This module holds the interface only (the ways and the near-viewport
 * painter implement it); `create-highlighter.ts` picks one.
 *
 * @module
 */
import type { TextPiece } from '../reading/anchor';
import type { OwnNodes } from '../shared/own-nodes';
import type { StyleMode } from '../shared/style-sheet';
import type { MarkLook } from './highlight-styles';

/** Marks findings on a page; see the module comment. */
export interface Highlighter {
  /** Which way this one marks. */
  readonly kind: 'highlight-api' | 'elements';
  /** Mark the text of `pieces` as one finding, drawn as `look`; replaces an earlier mark under the same key. */
  mark(key: number, look: MarkLook, pieces: readonly TextPiece[]): void;
  /** Take one finding's mark off. */
  unmark(key: number): void;
  /** The look a key is marked with (its verdict: `verdictOfLook`), if it is marked. */
  lookOf(key: number): MarkLook | undefined;
  /** The keys marked now, in the order they were marked. */
  keys(): number[];
  /** The keys whose marks the browser paints now, where that is fewer than `keys()` (see `NearViewportHighlighter`). */
  paintedKeys?(): number[];
  /** Ranges over the marked text as the page holds it now: for placing the card, scrolling, hit tests. */
  rangesOf(key: number): Range[];
  /** Make a finding stand out for a moment (the reader asked to see it). */
  flash(key: number): void;
  /** Whether the page still shows this text node (the `elements` way swaps page nodes for its own while they are marked). */
  isOnPage(node: Text): boolean;
  /** Take every mark off; styles stay for the next marks. */
  clear(): void;
  /** Take every mark and every style off; the highlighter is not used again. */
  destroy(): void;
}

/** How a highlighter is made. */
export interface HighlighterOptions {
  /** Registry of the extension's own nodes (the `elements` way adds its nodes to it). */
  own: OwnNodes;
  /** Force a way (tests, in-browser checks); `auto` picks the Highlight API when the page's window has it. */
  prefer?: 'auto' | 'highlight-api' | 'elements';
  /** How CSS gets into the page (see `installStyles`). */
  styles?: StyleMode | 'auto';
  /** How long a flash lasts, in milliseconds. */
  flashMs?: number;
  /**
   * Register the highlights again a frame after each change (default on): a
   * Firefox painting workaround (see `CssHighlighter.refreshSoon`). Chromium
   * paints without it, and there it makes every frame recompute every range
   * of the page, which on a long page is a long task: the content script
   * turns it off in the Chrome build.
   */
  reregister?: boolean;
  /** With more marks than this, paint only those near the viewport (see `NearViewportHighlighter`); unset: paint all. */
  paintAllUpTo?: number;
}
