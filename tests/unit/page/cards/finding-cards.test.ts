// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingCards, OPEN_FINDING_ATTRIBUTE } from '../../../../src/page/cards/finding-cards';
import { anchorBoxOf, markAt } from '../../../../src/page/cards/geometry';
import type { Highlighter } from '../../../../src/page/marking/highlighter';
import { OwnNodes } from '../../../../src/page/shared/own-nodes';
import { CARD_HOST_TAG } from '../../../../src/ui/card/card-host';
import { CARD_UI } from '../../../../src/ui/card/card-ui';

/** A line box in the viewport. */
const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top });

/**
 * happy-dom lays nothing out, so the marks are stand-ins whose ranges report
 * fixed line boxes: key 1 is a two-line sentence, key 2 one line further down.
 */
function fakeHighlighter(lines: Record<number, ReturnType<typeof box>[]>): Highlighter {
  const rangeOf = (rects: ReturnType<typeof box>[]) => {
    const range = document.createRange();
    range.selectNodeContents(document.body);
    const union = rects.reduce((a, r) => box(Math.min(a.left, r.left), Math.min(a.top, r.top), Math.max(a.right, r.right) - Math.min(a.left, r.left), Math.max(a.bottom, r.bottom) - Math.min(a.top, r.top)));
    Object.assign(range, { getClientRects: () => rects, getBoundingClientRect: () => union });
    return range;
  };
  return {
    kind: 'highlight-api',
    keys: () => Object.keys(lines).map(Number),
    rangesOf: (key) => (lines[key] ? [rangeOf(lines[key]!)] : []),
    lookOf: (key) => (lines[key] ? 'conflict' : undefined),
    mark: () => {},
    unmark: () => {},
    flash: () => {},
    isOnPage: () => true,
    clear: () => {},
    destroy: () => {},
  };
}

const LINES = {
  1: [box(100, 100, 500, 20), box(100, 120, 200, 20)],
  2: [box(100, 300, 400, 20)],
};

let cards: FindingCards | undefined;
afterEach(() => {
  cards?.destroy();
  cards = undefined;
  document.body.innerHTML = '';
});

describe('markAt: which mark is under the pointer', () => {
  it.each([
    ['on the first line of a two-line sentence', 150, 110, 1],
    ['on its short second line', 250, 130, 1],
    ['beside its short second line, inside its bounding box: not on it', 500, 130, undefined],
    ['a pixel past its edge still counts (the aim is not exact)', 601, 110, 1],
    ['on another sentence', 120, 310, 2],
    ['between the sentences', 120, 200, undefined],
  ])('%s', (_reason, x, y, key) => {
    expect(markAt(fakeHighlighter(LINES), document, x, y)).toBe(key);
  });

  it('the card anchors below the whole sentence, from where it starts', () => {
    expect(anchorBoxOf(fakeHighlighter(LINES), 1, document)).toEqual({ left: 100, top: 100, right: 600, bottom: 140 });
  });
});

describe('FindingCards: when the card opens and closes', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const open = () => document.querySelector(CARD_HOST_TAG)!.shadowRoot!.querySelector('[role="dialog"]');
  const move = (x: number, y: number) => document.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
  const click = (x: number, y: number) => document.body.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));

  function make(): FindingCards {
    cards = new FindingCards({
      document,
      ui: CARD_UI,
      highlighter: fakeHighlighter(LINES),
      findingOf: (key) => ({ verdict: 'conflict', severity: 'hard', reason: `Reason ${key}.`, quote: 'Passage.' }),
      sourceLabel: 'EEAS press release, Tokyo, 1 November 2024',
      own: new OwnNodes(),
      hoverDelayMs: 10,
      leaveDelayMs: 10,
      cardMode: 'open',
    });
    return cards;
  }

  it('hovering a sentence opens its card after a dwell; moving off it closes the card', async () => {
    const c = make();
    move(150, 110);
    await vi.waitFor(() => expect(c.current).toBe(1));
    expect(open()?.textContent).toContain('Reason 1.');
    move(120, 200);
    await vi.waitFor(() => expect(c.current).toBeUndefined());
  });

  it('a card opened by hovering is said in the live region (kind of flag, the key into it), and focus stays where it was', async () => {
    const c = make();
    const before = document.activeElement;
    move(150, 110);
    await vi.waitFor(() => expect(c.current).toBe(1));
    const live = document.querySelector(CARD_HOST_TAG)!.shadowRoot!.querySelector('[aria-live]');
    await vi.waitFor(() => expect(live?.textContent).toMatch(/^Card open on a flagged sentence: .*conflict/i));
    expect(document.activeElement).toBe(before);
  });

  it('a click pins the card: moving off does not close it; a click elsewhere does', async () => {
    const c = make();
    click(120, 310);
    expect(c.current).toBe(2);
    move(120, 200);
    await wait(60);
    expect(c.current).toBe(2);
    click(10, 10);
    expect(c.current).toBeUndefined();
  });

  it('a pinned card closes once its sentence has scrolled out of view, not while a revealed one is scrolled to', async () => {
    const lines: Record<number, ReturnType<typeof box>[]> = { 1: [box(100, 2000, 500, 20)] };
    cards = new FindingCards({
      document,
      ui: CARD_UI,
      highlighter: fakeHighlighter(lines),
      findingOf: () => ({ verdict: 'conflict', severity: 'hard', reason: 'Reason.', quote: 'Passage.' }),
      sourceLabel: 'EEAS press release, Tokyo, 1 November 2024',
      own: new OwnNodes(),
      cardMode: 'open',
    });
    const scroll = async (top: number) => {
      lines[1] = [box(100, top, 500, 20)];
      window.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    // Revealed below the fold: scrolling towards it keeps the card.
    expect(cards.open(1, { pinned: true })).toBe(true);
    await scroll(1500);
    expect(cards.current).toBe(1);
    await scroll(300);
    expect(cards.current).toBe(1);
    // In view, then scrolled away above the top: the card goes.
    await scroll(-200);
    expect(cards.current).toBeUndefined();
  });

  it('Escape anywhere closes it, and the page does not get that Escape', async () => {
    const c = make();
    click(150, 110);
    let pageSaw = false;
    document.body.addEventListener('keydown', () => (pageSaw = true));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(c.current).toBeUndefined();
    expect(pageSaw).toBe(false);
  });

  it('opened by keyboard it takes focus, and closing gives focus back', () => {
    document.body.innerHTML = '<button id="b">Page</button>';
    const button = document.getElementById('b') as HTMLButtonElement;
    button.focus();
    const c = make();
    c.open(2, { focus: true, pinned: true });
    expect(document.activeElement?.tagName.toLowerCase()).toBe(CARD_HOST_TAG);
    c.close();
    expect(document.activeElement).toBe(button);
  });

  it(`the host says which finding's card is open (${OPEN_FINDING_ATTRIBUTE}), and nothing more: the card's text stays in its shadow root`, async () => {
    const c = make();
    const host = () => document.querySelector(CARD_HOST_TAG)!;
    expect(host().hasAttribute(OPEN_FINDING_ATTRIBUTE)).toBe(false);
    click(150, 110);
    expect(host().getAttribute(OPEN_FINDING_ATTRIBUTE)).toBe('1');
    click(120, 310);
    expect(host().getAttribute(OPEN_FINDING_ATTRIBUTE)).toBe('2');
    expect(host().textContent).toBe('');
    expect([...host().attributes].map((attribute) => attribute.name).sort()).toEqual([OPEN_FINDING_ATTRIBUTE, 'style']);
    c.close();
    expect(host().hasAttribute(OPEN_FINDING_ATTRIBUTE)).toBe(false);
  });

  it('destroy() removes the card and stops listening', async () => {
    const c = make();
    c.destroy();
    cards = undefined;
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    move(150, 110);
    await wait(60);
    expect(c.current).toBeUndefined();
  });
});
