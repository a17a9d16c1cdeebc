/**
 * On a page with very many marks, paint only those near the viewport.
 *
 * Why: each change to a highlight has the browser go over every range of it
 * again (Chromium's pre-paint), so with ten thousand marked sentences a
 * single mark added or removed cost a frame of 60-200 ms, and a hit test for
 * the pointer asked every range for its box. The reader sees a screen or two
 * of text at a time; marks further away are kept (their verdicts, pieces and
 * keys), but handed to the browser only when their text comes within a
 * screen of the viewport, and taken back when it goes further. Up to
 * `paintAllUpTo` marks, every one is painted, as before.
 *
 * Where a mark's text is followed: the element holding its first text node,
 * watched with an `IntersectionObserver`. Marks in same-origin frames are
 * always painted (an observer of this document's viewport does not see into
 * their scrolling), and so is everything where the observer is missing.
 *
 * @module
 */
import { rangesFromPieces, type TextPiece } from '../reading/anchor';
import type { Highlighter } from './highlighter';
import type { MarkLook } from './highlight-styles';

export interface NearViewportOptions {
  /** Paint every mark while there are at most this many. */
  paintAllUpTo: number;
  /** How far beyond the viewport marks are painted, as an `IntersectionObserver` root margin. */
  margin?: string;
}

interface Kept {
  look: MarkLook;
  pieces: readonly TextPiece[];
  /** The element followed for this mark; `null`: always painted. */
  anchor: Element | null;
}

/** A `Highlighter` that paints only the marks near the viewport of `doc` once there are many; see the module comment. */
export class NearViewportHighlighter implements Highlighter {
  readonly kind: Highlighter['kind'];
  private readonly kept = new Map<number, Kept>();
  private readonly byAnchor = new Map<Element, Set<number>>();
  /** Followed elements the observer last saw near the viewport. */
  private readonly near = new Set<Element>();
  private observer: IntersectionObserver | undefined;

  constructor(
    private readonly inner: Highlighter,
    private readonly doc: Document,
    private readonly options: NearViewportOptions,
  ) {
    this.kind = inner.kind;
  }

  mark(key: number, look: MarkLook, pieces: readonly TextPiece[]): void {
    this.unmark(key);
    const anchor = this.anchorOf(pieces);
    this.kept.set(key, { look, pieces, anchor });
    if (anchor) {
      let keys = this.byAnchor.get(anchor);
      if (!keys) {
        keys = new Set();
        this.byAnchor.set(anchor, keys);
        this.observer?.observe(anchor);
      }
      keys.add(key);
    }
    if (!this.observer && this.kept.size > this.options.paintAllUpTo) this.startFollowing();
    if (!this.observer || !anchor || this.near.has(anchor)) this.inner.mark(key, look, pieces);
  }

  unmark(key: number): void {
    const kept = this.kept.get(key);
    if (!kept) return;
    this.kept.delete(key);
    this.inner.unmark(key);
    const anchor = kept.anchor;
    const keys = anchor ? this.byAnchor.get(anchor) : undefined;
    if (anchor && keys) {
      keys.delete(key);
      if (keys.size === 0) {
        this.byAnchor.delete(anchor);
        this.near.delete(anchor);
        this.observer?.unobserve(anchor);
      }
    }
  }

  lookOf(key: number): MarkLook | undefined {
    return this.kept.get(key)?.look;
  }

  keys(): number[] {
    return [...this.kept.keys()];
  }

  /** Only the painted ones: a mark that is not painted is not under the pointer. */
  paintedKeys(): number[] {
    return this.inner.keys();
  }

  rangesOf(key: number): Range[] {
    if (this.inner.lookOf(key) !== undefined) return this.inner.rangesOf(key);
    const kept = this.kept.get(key);
    return kept ? rangesFromPieces(kept.pieces) : [];
  }

  /** The reader asked to see this one (it is being scrolled to): paint it now, not when the observer next reports. */
  flash(key: number): void {
    const kept = this.kept.get(key);
    if (!kept) return;
    if (this.inner.lookOf(key) === undefined) this.inner.mark(key, kept.look, kept.pieces);
    this.inner.flash(key);
  }

  isOnPage(node: Text): boolean {
    return this.inner.isOnPage(node);
  }

  clear(): void {
    this.stopFollowing();
    this.kept.clear();
    this.byAnchor.clear();
    this.inner.clear();
  }

  destroy(): void {
    this.stopFollowing();
    this.kept.clear();
    this.byAnchor.clear();
    this.inner.destroy();
  }

  /** The element to follow for a mark: its first text node's parent, in this document only; `null` when it cannot be followed. */
  private anchorOf(pieces: readonly TextPiece[]): Element | null {
    const node = pieces[0]?.node;
    if (!node || node.ownerDocument !== this.doc) return null;
    return node.parentElement;
  }

  private startFollowing(): void {
    const Observer = (this.doc.defaultView as (Window & { IntersectionObserver?: typeof IntersectionObserver }) | null)?.IntersectionObserver;
    if (typeof Observer !== 'function') return;
    // Every followed element counts as near until the observer's first report,
    // which comes for each of them: then what is far is taken off.
    for (const anchor of this.byAnchor.keys()) this.near.add(anchor);
    this.observer = new Observer((entries) => this.onIntersections(entries), { rootMargin: this.options.margin ?? '100% 0px' });
    for (const anchor of this.byAnchor.keys()) this.observer.observe(anchor);
  }

  private stopFollowing(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.near.clear();
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const anchor = entry.target;
      const keys = this.byAnchor.get(anchor);
      if (!keys) continue;
      if (entry.isIntersecting) {
        this.near.add(anchor);
        for (const key of keys) {
          const kept = this.kept.get(key)!;
          if (this.inner.lookOf(key) === undefined) this.inner.mark(key, kept.look, kept.pieces);
        }
      } else {
        this.near.delete(anchor);
        for (const key of keys) this.inner.unmark(key);
      }
    }
  }
}
