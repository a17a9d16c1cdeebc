// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MarkFinder } from '../../../../src/page/cards/geometry';
import type { Highlighter } from '../../../../src/page/marking/highlighter';

/**
 * A highlighter over real ranges: each key marks the text of the elements
 * given (one range over all of them, like `rangesFromPieces` merging pieces,
 * or one range each with `split`). Counts how often ranges are asked for.
 */
function rangeHighlighter(marks: Map<number, { nodes: Node[]; split?: boolean }>) {
  let asked = 0;
  const rangeOver = (first: Node, last: Node) => {
    const range = (first.ownerDocument ?? document).createRange();
    range.setStart(first, 0);
    range.setEnd(last, last.nodeType === 3 ? (last as Text).data.length : last.childNodes.length);
    return range;
  };
  const highlighter: Highlighter = {
    kind: 'highlight-api',
    keys: () => [...marks.keys()],
    rangesOf: (key) => {
      asked += 1;
      const mark = marks.get(key);
      if (!mark) return [];
      return mark.split ? mark.nodes.map((node) => rangeOver(node, node)) : [rangeOver(mark.nodes[0]!, mark.nodes[mark.nodes.length - 1]!)];
    },
    lookOf: (key) => (marks.has(key) ? 'conflict' : undefined),
    mark: () => {},
    unmark: () => {},
    flash: () => {},
    isOnPage: () => true,
    clear: () => {},
    destroy: () => {},
  };
  return { highlighter, asked: () => asked };
}

/** The old way, asking every mark: the key of the first mark (in `order`) whose text `node` is in. */
function everyMark(highlighter: Highlighter, order: readonly number[], node: Node): number | undefined {
  return order.find((key) =>
    highlighter.rangesOf(key).some((range) => {
      try {
        if (!range.intersectsNode(node)) return false;
        const around = node.contains(range.startContainer) && node.contains(range.endContainer);
        return !(around && (node.textContent?.length ?? 0) > 2 * range.toString().length);
      } catch {
        return false;
      }
    }),
  );
}

const text = (selector: string, root: ParentNode = document): Text => root.querySelector(selector)!.firstChild as Text;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MarkFinder: which mark a focused node is in', () => {
  function page() {
    document.body.innerHTML = `
      <main id="main">
        <p id="p1"><span id="s1">Japan and the EU signed a pact in <a id="in-link" href="#">Tokyo</a> on Friday.</span> <span id="s2">Nothing else happened.</span></p>
        <p id="p2"><span id="s3">A <b id="word">strategic</b> partnership was agreed.</span> <a id="out-link" href="#">Read more</a></p>
        <button id="button">Share</button>
      </main>`;
    // Keys as the session gives them (page text offsets), here not in document order: the third sentence was read first.
    return new Map<number, { nodes: Node[] }>([
      [500, { nodes: [text('#s1')!, text('#s1 a')!, document.querySelector('#s1')!.lastChild!] }],
      [20, { nodes: [text('#s3'), document.querySelector('#s3')!.lastChild!] }],
    ]);
  }

  it.each([
    ['a link inside a marked sentence', '#in-link', 500],
    ['a piece of a marked sentence', '#word', 20],
    ['an element around one sentence only', '#s3', 20],
    ['a link after the sentence', '#out-link', undefined],
    ['an unmarked sentence', '#s2', undefined],
    ['a button outside every sentence', '#button', undefined],
    ['a container around much more than the sentence', '#main', undefined],
  ])('%s', (_what, selector, key) => {
    const finder = new MarkFinder(rangeHighlighter(page()).highlighter);
    expect(finder.containing(document.querySelector(selector)!)).toBe(key);
  });

  it('with hundreds of marks it asks a few marks for their ranges, not every one; the order is made again when the marks change', () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>Sentence ${i} <a href="#" id="a${i}">link</a> ends.</p>`).join('');
    const marks = new Map<number, { nodes: Node[] }>();
    // Keys mostly in document order, a run of them not (text the page added later, read later).
    const keyOf = (i: number) => (i >= 120 && i < 150 ? 100_000 + i : i * 10);
    const paragraphs = document.querySelectorAll('p');
    for (let i = 0; i < 300; i++) {
      const p = paragraphs[i]!;
      marks.set(keyOf(i), { nodes: [p.firstChild!, p.lastChild!] });
    }
    const { highlighter, asked } = rangeHighlighter(marks);
    const finder = new MarkFinder(highlighter);
    expect(finder.containing(document.getElementById('a0')!)).toBe(0);
    for (const i of [1, 119, 120, 149, 150, 277, 299]) {
      const before = asked();
      expect(finder.containing(document.getElementById(`a${i}`)!)).toBe(keyOf(i));
      // A binary search over 300 (about 9 asks) and the mark it lands on, not 300.
      expect(asked() - before).toBeLessThan(15);
    }
    marks.delete(keyOf(277));
    marks.set(5, { nodes: [document.getElementById('a277')!.firstChild!] });
    expect(finder.containing(document.getElementById('a277')!)).toBe(5);
    expect(finder.containing(document.getElementById('a276')!)).toBe(keyOf(276));
  });

  it('finds the same mark as asking every one, for every element of a page', () => {
    const marks = page();
    // And a third sentence split around its link (text the reader skipped): two ranges.
    document.body.insertAdjacentHTML('beforeend', '<p id="p3"><span id="s4">One more <button id="skipped">x</button> said.</span></p>');
    marks.set(900, { nodes: [text('#s4'), document.querySelector('#s4')!.lastChild!], split: true } as { nodes: Node[] });
    const { highlighter } = rangeHighlighter(marks);
    const finder = new MarkFinder(highlighter);
    const inDocumentOrder = [500, 20, 900];
    for (const node of [document.body, ...document.body.querySelectorAll('*'), ...[...document.body.querySelectorAll('*')].flatMap((el) => [...el.childNodes])]) {
      expect(finder.containing(node), (node as Element).id || node.nodeName).toBe(everyMark(highlighter, inDocumentOrder, node));
    }
    expect(finder.containing(document.getElementById('skipped')!)).toBeUndefined();
  });

  it('marks in a shadow root are found from nodes in it; a mark with ranges in two trees is asked apart', () => {
    document.body.innerHTML = '<p id="light">Light sentence <a id="light-link" href="#">here</a>.</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="dark">Shadow sentence <a id="dark-link" href="#">there</a>.</p><p id="both">Half <a id="both-link" href="#">of it</a>.</p>';
    const light = document.getElementById('light')!;
    const marks = new Map<number, { nodes: Node[]; split?: boolean }>([
      [1, { nodes: [light.firstChild!, document.getElementById('light-link')!.firstChild!] }],
      [2, { nodes: [shadow.getElementById('dark')!.firstChild!, shadow.getElementById('dark')!.lastChild!] }],
      // A sentence read partly in the light tree, partly in the shadow tree (slotted text): one range in each.
      [3, { nodes: [light.lastChild!, shadow.getElementById('both-link')!.firstChild!], split: true }],
    ]);
    const finder = new MarkFinder(rangeHighlighter(marks).highlighter);
    expect(finder.containing(document.getElementById('light-link')!)).toBe(1);
    expect(finder.containing(shadow.getElementById('dark-link')!)).toBe(2);
    expect(finder.containing(shadow.getElementById('both-link')!)).toBe(3);
    expect(finder.containing(document.getElementById('host')!)).toBeUndefined();
  });
});
