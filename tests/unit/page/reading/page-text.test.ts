// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { joinPieces, PageText } from '../../../../src/page/reading/page-text';
import { readableText } from '../../../../src/page/reading/readable-text';

afterEach(() => {
  document.body.innerHTML = '';
});

const seen = (text: PageText, start: number, end: number): string => text.piecesOf(start, end).map((p) => p.node.data.slice(p.from, p.to)).join('');

describe('PageText: the page text as read so far', () => {
  it('reads append one after another, a paragraph break between, and offsets lead back to the nodes', () => {
    document.body.innerHTML = '<p id="a">Borrell met <a>Iwaya</a>.</p><p id="b">They met in Tokyo.</p>';
    const text = new PageText();
    const first = text.keepNew(readableText(document.getElementById('a')!));
    const second = text.keepNew(readableText(document.getElementById('b')!));
    expect(text.append(first)).toBe(0);
    expect(text.append(second)).toBe(first.text.length + 1);
    expect(seen(text, 0, first.text.length)).toBe('Borrell met Iwaya.');
    expect(seen(text, first.text.length + 1, first.text.length + 1 + second.text.length)).toBe('They met in Tokyo.');
    expect(text.append({ text: '', segments: [] })).toBeUndefined();
  });

  it.each([
    ['a paragraph read before is dropped, a new one kept', (main: Element) => main.append(Object.assign(document.createElement('p'), { textContent: 'New one.' })), 'New one.'],
    ['a paragraph the page moved is not new', (main: Element) => main.append(Object.assign(document.createElement('div'), {}), main.querySelector('p')!), ''],
    ['nothing changed, nothing new', () => {}, ''],
  ])('keepNew: %s', (_reason, change: (main: Element) => void, expected) => {
    document.body.innerHTML = '<main><p>Old one.</p></main>';
    const text = new PageText();
    expect(text.keepNew(readableText(document.body)).text).toBe('Old one.');
    change(document.querySelector('main')!);
    expect(text.keepNew(readableText(document.body)).text).toBe(expected);
  });

  it('keepNew keeps a paragraph that gained a node, old text and all', () => {
    document.body.innerHTML = '<p>Old one.</p>';
    const text = new PageText();
    text.keepNew(readableText(document.body));
    document.querySelector('p')!.append(' And a new one.');
    expect(text.keepNew(readableText(document.body)).text).toBe('Old one. And a new one.');
  });

  it('joinPieces puts reads together with paragraph breaks, segments shifted', () => {
    document.body.innerHTML = '<p id="a">One.</p><p id="b">Two.</p>';
    const joined = joinPieces([readableText(document.getElementById('a')!), readableText(document.getElementById('b')!)]);
    expect(joined.text).toBe('One.\nTwo.');
    expect(joined.segments.map((s) => joined.text.slice(s.start, s.end))).toEqual(['One.', 'Two.']);
  });
});

describe('PageText.rangesWhere: the stretches of text whose nodes are gone, for an engine that knows only offsets', () => {
  /** The sentence `[start, end)` lies wholly within one of `ranges`. */
  const within = (ranges: [number, number][], start: number, end: number) => ranges.some(([a, b]) => a <= start && end <= b);

  it('a sentence is within a range exactly when every node it is read from is gone', () => {
    document.body.innerHTML = '<p>One <b>two</b> three.</p><p>Four five.</p><p>Six <i>seven</i>.</p>';
    const text = new PageText();
    const read = text.keepNew(readableText(document.body));
    text.append(read);
    const [p1, p2, p3] = [...document.querySelectorAll('p')];
    const nodesOf = (el: Element) => new Set([...el.querySelectorAll('*')].flatMap((e) => [...e.childNodes]).concat([...el.childNodes]).filter((n): n is Text => n.nodeType === 3));
    const para = (n: number) => {
      const lines = read.text.split('\n');
      const start = lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
      return [start, start + lines[n]!.length] as const;
    };
    // The second paragraph gone: it, and nothing else, lies within a range.
    const gone2 = nodesOf(p2!);
    const ranges = text.rangesWhere((node) => gone2.has(node));
    expect(within(ranges, ...para(1))).toBe(true);
    expect(within(ranges, ...para(0))).toBe(false);
    expect(within(ranges, ...para(2))).toBe(false);
    // Only part of the first paragraph's nodes gone: the paragraph is not within a range.
    const bold = new Set([p1!.querySelector('b')!.firstChild as Text]);
    expect(within(text.rangesWhere((node) => bold.has(node)), ...para(0))).toBe(false);
    // All of the third's nodes gone (two of them, with text between): within one range.
    const gone3 = nodesOf(p3!);
    expect(within(text.rangesWhere((node) => gone3.has(node)), ...para(2))).toBe(true);
    expect(text.rangesWhere(() => false)).toEqual([]);
  });
});

describe('PageText.keepNew on any mix of lines read before and new', () => {
  it('keeps exactly the lines with a node not read before, their segments moved with them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('Old.', 'New one.', 'A line, longer than the others.'), fc.array(fc.boolean(), { maxLength: 3 })), { minLength: 1, maxLength: 8 }), (lines) => {
        const page = new PageText();
        const known: Text[] = [];
        const text = lines.map(([line]) => line).join('\n');
        const segments: { node: Text; start: number; end: number; nodeStart: number }[] = [];
        let at = 0;
        const expectedLines: string[] = [];
        for (const [line, nodes] of lines) {
          // Each line's text split among its nodes (none: a line of drawn text only, never kept).
          let fresh = false;
          nodes.forEach((isNew, i) => {
            const node = document.createTextNode(line);
            if (!isNew) known.push(node);
            else fresh = true;
            const from = Math.floor((line.length * i) / nodes.length);
            const to = Math.floor((line.length * (i + 1)) / nodes.length);
            segments.push({ node, start: at + from, end: at + to, nodeStart: from });
          });
          if (fresh) expectedLines.push(line);
          at += line.length + 1;
        }
        if (known.length > 0) page.keepNew({ text: known.map(() => 'x').join('\n'), segments: known.map((node, i) => ({ node, start: 2 * i, end: 2 * i + 1, nodeStart: 0 })) });
        const kept = page.keepNew({ text, segments });
        expect(kept.text).toBe(expectedLines.join('\n'));
        // Every kept segment still points at its own text.
        for (const s of kept.segments) expect(kept.text.slice(s.start, s.end)).toBe(s.node.data.slice(s.nodeStart, s.nodeStart + (s.end - s.start)));
        // A kept line keeps all its nodes, those read before too.
        expect(kept.segments).toHaveLength(lines.filter(([, nodes]) => nodes.some(Boolean)).reduce((sum, [, nodes]) => sum + nodes.length, 0));
      }),
      { seed: 20241101, numRuns: 300 },
    );
  });
});
