// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextPiece } from '../../../../src/page/reading/anchor';
import type { Highlighter } from '../../../../src/page/marking/highlighter';
import type { MarkLook } from '../../../../src/page/marking/highlight-styles';
import { NearViewportHighlighter } from '../../../../src/page/marking/near-viewport';

/** What the browser is asked to paint: a highlighter that only records. */
class PaintedMarks implements Highlighter {
  readonly kind = 'highlight-api' as const;
  readonly painted = new Map<number, MarkLook>();
  readonly flashed: number[] = [];
  mark(key: number, verdict: MarkLook): void {
    this.painted.set(key, verdict);
  }
  unmark(key: number): void {
    this.painted.delete(key);
  }
  lookOf(key: number): MarkLook | undefined {
    return this.painted.get(key);
  }
  keys(): number[] {
    return [...this.painted.keys()];
  }
  rangesOf(): Range[] {
    return [];
  }
  flash(key: number): void {
    this.flashed.push(key);
  }
  isOnPage(): boolean {
    return true;
  }
  clear(): void {
    this.painted.clear();
  }
  destroy(): void {
    this.painted.clear();
  }
}

/** An IntersectionObserver the test drives: `report` says which followed elements are near. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly followed = new Set<Element>();
  disconnected = false;
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.followed.add(el);
  }
  unobserve(el: Element): void {
    this.followed.delete(el);
  }
  disconnect(): void {
    this.disconnected = true;
    this.followed.clear();
  }
  report(near: (el: Element) => boolean): void {
    this.callback([...this.followed].map((target) => ({ target, isIntersecting: near(target) }) as IntersectionObserverEntry));
  }
}

let paragraphs: HTMLParagraphElement[];
const piecesOf = (i: number): TextPiece[] => {
  const node = paragraphs[i]!.firstChild as Text;
  return [{ node, from: 0, to: node.data.length }];
};

beforeEach(() => {
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
  FakeObserver.last = undefined;
  document.body.innerHTML = Array.from({ length: 20 }, (_, i) => `<p>Sentence ${i}.</p>`).join('');
  paragraphs = [...document.querySelectorAll('p')];
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('NearViewportHighlighter', () => {
  it('paints every mark up to the limit, and follows none', () => {
    const inner = new PaintedMarks();
    const marks = new NearViewportHighlighter(inner, document, { paintAllUpTo: 5 });
    for (let i = 0; i < 5; i++) marks.mark(i, 'conflict', piecesOf(i));
    expect(inner.keys()).toEqual([0, 1, 2, 3, 4]);
    expect(FakeObserver.last).toBeUndefined();
  });

  it('past the limit, keeps every mark but paints only those the observer finds near the viewport', () => {
    const inner = new PaintedMarks();
    const marks = new NearViewportHighlighter(inner, document, { paintAllUpTo: 5 });
    for (let i = 0; i < 12; i++) marks.mark(i, i % 2 ? 'unsupported' : 'conflict', piecesOf(i));
    const observer = FakeObserver.last!;
    expect(observer.followed.size).toBe(12);
    observer.report((el) => paragraphs.indexOf(el as HTMLParagraphElement) < 3);
    expect(inner.keys().sort((a, b) => a - b)).toEqual([0, 1, 2]);
    expect(marks.keys()).toHaveLength(12);
    expect(marks.lookOf(7)).toBe('unsupported');
    expect(marks.paintedKeys()).toEqual(inner.keys());
    // The reader scrolls: what comes near is painted, what goes far is taken off.
    observer.report((el) => [8, 9].includes(paragraphs.indexOf(el as HTMLParagraphElement)));
    expect(inner.keys().sort((a, b) => a - b)).toEqual([8, 9]);
    expect(inner.lookOf(9)).toBe('unsupported');
  });

  it('a mark added where the reader is, is painted at once; one added far away is not', () => {
    const inner = new PaintedMarks();
    const marks = new NearViewportHighlighter(inner, document, { paintAllUpTo: 2 });
    for (let i = 0; i < 3; i++) marks.mark(i, 'conflict', piecesOf(i));
    FakeObserver.last!.report((el) => el === paragraphs[0]);
    // Another sentence of the first paragraph's element, and one far below.
    marks.mark(100, 'unsupported', piecesOf(0));
    marks.mark(15, 'conflict', piecesOf(15));
    expect(inner.lookOf(100)).toBe('unsupported');
    expect(inner.lookOf(15)).toBeUndefined();
    expect(FakeObserver.last!.followed.has(paragraphs[15]!)).toBe(true);
  });

  it('flashing a mark far away (the reader asked for it) paints it at once', () => {
    const inner = new PaintedMarks();
    const marks = new NearViewportHighlighter(inner, document, { paintAllUpTo: 2 });
    for (let i = 0; i < 6; i++) marks.mark(i, 'conflict', piecesOf(i));
    FakeObserver.last!.report((el) => el === paragraphs[0]);
    expect(inner.lookOf(5)).toBeUndefined();
    marks.flash(5);
    expect(inner.lookOf(5)).toBe('conflict');
    expect(inner.flashed).toEqual([5]);
  });

  it('unmarking the last mark of an element stops following it; clear stops following at all', () => {
    const inner = new PaintedMarks();
    const marks = new NearViewportHighlighter(inner, document, { paintAllUpTo: 2 });
    for (let i = 0; i < 4; i++) marks.mark(i, 'conflict', piecesOf(i));
    const observer = FakeObserver.last!;
    marks.unmark(3);
    expect(observer.followed.has(paragraphs[3]!)).toBe(false);
    expect(marks.lookOf(3)).toBeUndefined();
    marks.clear();
    expect(observer.disconnected).toBe(true);
    expect(marks.keys()).toEqual([]);
    expect(inner.keys()).toEqual([]);
  });

  it('without an IntersectionObserver, paints every mark', () => {
    delete (window as unknown as { IntersectionObserver?: unknown }).IntersectionObserver;
    const inner = new PaintedMarks();
    const marks = new NearViewportHighlighter(inner, document, { paintAllUpTo: 2 });
    for (let i = 0; i < 10; i++) marks.mark(i, 'conflict', piecesOf(i));
    expect(inner.keys()).toHaveLength(10);
  });
});
