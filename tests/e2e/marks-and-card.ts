/**
 * The findings as a reader meets them on the page: which text is marked with
 * which verdict, where to point at a marked sentence, and what the card says.
 * Read from outside the extension (the page's highlight registry or its
 * `<ejfc-mark>` elements, the card's shadow root handed over by the browser),
 * so the tests check what is shown, not what the content script believes.
 */
import type { PageReportReply } from '../../src/ext/messages';
import { OPEN_FINDING_ATTRIBUTE } from '../../src/page/cards/finding-cards';
import type { ExtensionBrowser } from './harness';

/** The verdicts the page marks. */
export const MARKED_VERDICTS = ['conflict', 'unsupported', 'supported'] as const;
export type MarkedVerdict = (typeof MARKED_VERDICTS)[number];

/**
 * The text of every mark on the page, by verdict, in document order: the
 * ranges of the `ejfc-*` highlights (CSS Custom Highlight API), and the
 * `<ejfc-mark data-verdict>` elements where a page is marked the other way.
 * A sentence that spans several text nodes is several pieces.
 */
export function markedPieces(browser: ExtensionBrowser): Promise<Record<MarkedVerdict, string[]>> {
  return browser.evaluate(() => {
    const verdicts = ['conflict', 'unsupported', 'supported'] as const;
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    const inOrder = (a: Range, b: Range): number => {
      try {
        return a.compareBoundaryPoints(Range.START_TO_START, b);
      } catch {
        // Ranges in different trees (a shadow root, a frame) have no order between them.
        return 0;
      }
    };
    const pieces = {} as Record<(typeof verdicts)[number], string[]>;
    for (const verdict of verdicts) {
      // Every look of a verdict (`ejfc-conflict`, `ejfc-conflict-soft`, `ejfc-conflict-alt`, …) starts with its name.
      const ranges = [...(registry?.entries() ?? [])].filter(([name]) => name.startsWith(`ejfc-${verdict}`)).flatMap(([, set]) => [...set]).sort(inOrder);
      const elements = [...document.querySelectorAll(`ejfc-mark[data-verdict="${verdict}"]`)];
      pieces[verdict] = [...ranges.map((range) => range.toString()), ...elements.map((mark) => mark.textContent ?? '')];
    }
    return pieces;
  });
}

const squash = (text: string): string => text.replace(/\s+/g, '');

/**
 * Marked pieces put back together as the sentences they mark: consecutive
 * pieces that make up one of `sentences` exactly (whitespace aside: the page
 * has its own line breaks) become that sentence; a piece that is part of no
 * sentence is kept as `(not a sentence) …`. So a test can compare what is
 * marked with the report's sentences and show any difference sentence by
 * sentence.
 */
export function markedSentences(pieces: readonly string[], sentences: readonly string[]): string[] {
  const visible = pieces.filter((piece) => squash(piece).length > 0);
  const marked: string[] = [];
  let at = 0;
  while (at < visible.length) {
    let matched = false;
    for (const sentence of sentences) {
      const want = squash(sentence);
      let got = '';
      let next = at;
      while (next < visible.length && got.length < want.length && want.startsWith(got + squash(visible[next]!))) got += squash(visible[next++]!);
      if (got.length > 0 && got === want) {
        marked.push(sentence);
        at = next;
        matched = true;
        break;
      }
    }
    if (!matched) marked.push(`(not a sentence) ${visible[at++]}`);
  }
  return marked;
}

/** The report's sentences with `verdict`, in page order. */
export function sentencesWith(report: PageReportReply, verdict: MarkedVerdict): string[] {
  return report.sentences.filter((sentence) => sentence.verdict === verdict).map((sentence) => sentence.text);
}

/** The report's flagged sentences (conflict or unsupported), in page order. */
export function flaggedSentences(report: PageReportReply): PageReportReply['sentences'] {
  return report.sentences.filter((sentence) => sentence.verdict === 'conflict' || sentence.verdict === 'unsupported');
}

/** What the page marks, sentence by sentence, against what the report says (both by verdict). */
export async function marksAndReport(
  browser: ExtensionBrowser,
  report: PageReportReply,
): Promise<{ marked: Record<MarkedVerdict, string[]>; reported: Record<MarkedVerdict, string[]> }> {
  const pieces = await markedPieces(browser);
  const marked = {} as Record<MarkedVerdict, string[]>;
  const reported = {} as Record<MarkedVerdict, string[]>;
  for (const verdict of MARKED_VERDICTS) {
    reported[verdict] = sentencesWith(report, verdict);
    marked[verdict] = markedSentences(pieces[verdict], reported[verdict]);
  }
  return { marked, reported };
}

/** A point in the viewport (CSS pixels). */
export interface Point {
  x: number;
  y: number;
}

/** A box in the viewport (CSS pixels). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a marked sentence is on screen. */
export interface MarkPlace {
  /** The box of its longest marked piece. */
  box: Box;
  /** A point inside that piece's first line: where a reader would put the mouse. */
  point: Point;
  viewport: { width: number; height: number };
  scrollY: number;
}

/**
 * Where the mark of `sentence` (its longest marked piece, for `verdict`) is
 * in the viewport; with `scroll`, after scrolling it to the middle of the
 * viewport at once. `null` when nothing of the sentence is marked.
 */
export function placeOfMark(
  browser: ExtensionBrowser,
  sentence: string,
  { verdict = 'conflict', scroll = false }: { verdict?: MarkedVerdict; scroll?: boolean } = {},
): Promise<MarkPlace | null> {
  return browser.evaluate(
    ({ sentence, verdict, scroll }) => {
      const squash = (text: string): string => text.replace(/\s+/g, '');
      const want = squash(sentence);
      const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
      const pieces: Array<{ text: string; element: Element | null; rects: () => DOMRect[] }> = [
        // Every look of the verdict (`ejfc-conflict-soft`, `ejfc-unsupported-alt`, …) starts with its name.
        ...[...(registry?.entries() ?? [])].filter(([name]) => name.startsWith(`ejfc-${verdict}`)).flatMap(([, set]) => [...set]).map((range) => ({
          text: range.toString(),
          element: range.startContainer.parentElement,
          rects: () => [...range.getClientRects()],
        })),
        ...[...document.querySelectorAll(`ejfc-mark[data-verdict="${verdict}"]`)].map((mark) => ({
          text: mark.textContent ?? '',
          element: mark,
          rects: () => [...mark.getClientRects()],
        })),
      ];
      const longest = pieces
        .filter((piece) => squash(piece.text).length > 0 && want.includes(squash(piece.text)))
        .sort((a, b) => squash(b.text).length - squash(a.text).length)[0];
      if (!longest) return null;
      if (scroll) longest.element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const lines = longest.rects().filter((rect) => rect.width > 4 && rect.height > 4);
      const first = lines[0];
      if (!first) return null;
      return {
        box: {
          left: Math.min(...lines.map((r) => r.left)),
          top: Math.min(...lines.map((r) => r.top)),
          right: Math.max(...lines.map((r) => r.right)),
          bottom: Math.max(...lines.map((r) => r.bottom)),
        },
        point: { x: first.left + Math.min(first.width / 2, 40), y: first.top + first.height / 2 },
        viewport: { width: innerWidth, height: innerHeight },
        scrollY,
      };
    },
    { sentence, verdict, scroll },
  );
}

/** Whether the whole box is inside the viewport. */
export function inViewport(place: MarkPlace): boolean {
  const { box, viewport } = place;
  return box.top >= 0 && box.left >= 0 && box.bottom <= viewport.height && box.right <= viewport.width;
}

/**
 * The finding card as the reader (and a screen reader) gets it, read from
 * its closed shadow root by what it means, not by its classes: the dialog's
 * name and description, the quoted passage and its caption, all its text.
 */
export interface CardView {
  /** The dialog's accessible name (`aria-label`): it names the verdict. */
  label: string;
  /** The text of what its `aria-describedby` points at, in order: the sentence, then each finding's reason. */
  description: string;
  /** The sentence the card is about (its `<q>`). */
  sentence: string;
  /** Each finding's reason, in order. */
  reasons: string[];
  /** The reference passages (`<blockquote>`), in order. */
  quotes: string[];
  /** The first reference passage (`<blockquote>`). */
  quote: string;
  /** Where the first passage comes from (`<figcaption>`). */
  source: string;
  /** Everything the card says, whitespace collapsed. */
  text: string;
  /** Whether focus is inside the card. */
  focused: boolean;
  /** Where the card is in the viewport. */
  box: Box;
}

/** The card host the content script puts on every page it checks. */
export const CARD_HOST = 'ejfc-card';

/**
 * Which finding's card is open, read from the page: the sentence start the
 * card host carries (`data-finding-start`), or `null` when no card is open.
 * What the card says is read with `openCard`.
 */
export function openCardStart(browser: ExtensionBrowser): Promise<number | null> {
  return browser.evaluate(
    ({ host, attribute }) => {
      const start = document.querySelector(host)?.getAttribute(attribute);
      return start === null || start === undefined ? null : Number(start);
    },
    { host: CARD_HOST, attribute: OPEN_FINDING_ATTRIBUTE },
  );
}

/** The open card, or `null` when none is open (or the page has no card host). */
export async function openCard(browser: ExtensionBrowser): Promise<CardView | null> {
  const view = await browser.page.evaluateInShadowRoot(CARD_HOST, (root) => {
    const dialog = root.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog) return null;
    const collapse = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
    const describedBy = (dialog.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const { left, top, right, bottom } = dialog.getBoundingClientRect();
    return {
      label: dialog.getAttribute('aria-label') ?? '',
      description: collapse(describedBy.map((id) => root.getElementById(id)?.textContent ?? '').join(' ')),
      sentence: collapse(dialog.querySelector('q')?.textContent),
      reasons: [...dialog.querySelectorAll('.reason')].map((p) => collapse(p.textContent)),
      quotes: [...dialog.querySelectorAll('blockquote')].map((q) => collapse(q.textContent)),
      quote: collapse(dialog.querySelector('blockquote')?.textContent),
      source: collapse(dialog.querySelector('figcaption')?.textContent),
      text: collapse(dialog.innerText),
      focused: root.activeElement !== null,
      box: { left, top, right, bottom },
    };
  });
  return view ?? null;
}

/** Whether the point is inside the box. */
export function inBox(point: Point, box: Box): boolean {
  return point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;
}

/** A registered highlight range as it lies in the viewport, for the paint check. */
export interface VisibleMark {
  /** The highlight's name in `CSS.highlights`. */
  highlight: string;
  /** Its text, whitespace collapsed. */
  text: string;
  /** Its line boxes, all inside the viewport and not covered by anything else (a fixed banner). */
  rects: Box[];
}

/**
 * Every range of the named highlights whose text lies wholly in the viewport
 * and is not covered by another element (the fixture's fixed cookie banner):
 * the ranges a screenshot must show painted.
 */
export function visibleMarks(browser: ExtensionBrowser, names: readonly string[]): Promise<VisibleMark[]> {
  return browser.evaluate((names) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    const out: Array<{ highlight: string; text: string; rects: Array<{ left: number; top: number; right: number; bottom: number }> }> = [];
    for (const name of names) {
      for (const range of registry?.get(name) ?? []) {
        const rects = [...range.getClientRects()].filter((r) => r.width > 2 && r.height > 4);
        if (rects.length === 0) continue;
        const inView = rects.every((r) => r.top >= 0 && r.bottom + 4 <= innerHeight && r.left >= 0 && r.right <= innerWidth);
        const holder = range.commonAncestorContainer;
        const uncovered = rects.every((r) => {
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit !== null && (holder.contains(hit) || hit.contains(holder));
        });
        if (!inView || !uncovered) continue;
        out.push({
          highlight: name,
          text: range.toString().replace(/\s+/g, ' ').trim(),
          rects: rects.map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
        });
      }
    }
    return out;
  }, names);
}

/** Takes the named highlights out of the page's registry (kept on `window` to put back), and waits two frames so the page repaints. */
export function hideHighlights(browser: ExtensionBrowser, names: readonly string[]): Promise<void> {
  return browser.evaluate(async (names) => {
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    const kept: Array<[string, unknown]> = [];
    for (const name of names) {
      const highlight = registry.get(name);
      if (highlight === undefined) continue;
      kept.push([name, highlight]);
      registry.delete(name);
    }
    (window as unknown as { __hiddenHighlights: Array<[string, unknown]> }).__hiddenHighlights = kept;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, names);
}

/** Puts back what `hideHighlights` took out. */
export function showHighlights(browser: ExtensionBrowser): Promise<void> {
  return browser.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    const kept = (window as unknown as { __hiddenHighlights?: Array<[string, unknown]> }).__hiddenHighlights ?? [];
    for (const [name, highlight] of kept) registry.set(name, highlight);
  });
}
