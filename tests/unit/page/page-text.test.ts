// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { joinPieces, PageText } from '../../../src/page/page-text';
import { readableText } from '../../../src/page/readable-text';

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
