// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { piecesFor, type TextPiece } from '../../../../src/page/reading/anchor';
import { createHighlighter } from '../../../../src/page/marking/create-highlighter';
import type { Highlighter } from '../../../../src/page/marking/highlighter';
import { FLASH_HIGHLIGHT, HIGHLIGHT_NAMES, MARK_TAG } from '../../../../src/page/marking/highlight-styles';
import { OwnNodes } from '../../../../src/page/shared/own-nodes';
import { readableText } from '../../../../src/page/reading/readable-text';
import { FakeHighlight, installFakeHighlights, type FakeHighlightApi } from './fake-highlights';

/** Everything a page is, node for node: each node object, its data, in order. */
function snapshot(root: Node): { node: Node; data: string | null }[] {
  const out: { node: Node; data: string | null }[] = [];
  const visit = (node: Node): void => {
    out.push({ node, data: node.nodeType === 3 ? (node as Text).data : null });
    node.childNodes.forEach(visit);
  };
  visit(root);
  return out;
}

/** The pieces of the sentences of `body` that contain each of `sentences`. */
function piecesOf(root: Node, ...sentences: string[]): TextPiece[][] {
  const read = readableText(root, { shadowRoots: true });
  return sentences.map((sentence) => {
    const start = read.text.indexOf(sentence);
    expect(start, sentence).toBeGreaterThanOrEqual(0);
    return piecesFor(read.segments, start, start + sentence.length);
  });
}

let highlighter: Highlighter | undefined;
afterEach(() => {
  highlighter?.destroy();
  highlighter = undefined;
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

const PAGES = [
  ['one sentence in one text node', '<p>Borrell met Iwaya in Osaka. They talked.</p>', ['Borrell met Iwaya in Osaka.']],
  ['a sentence across a link, emphasis and a split word', '<p>Then <a href="#">Borrell</a> met <em>Takeshi <b>Iw</b>aya</em> in Osaka.</p>', ['Then Borrell met Takeshi Iwaya in Osaka.']],
  ['two sentences of one text node, both marked', '<p>Borrell met Iwaya in Osaka. It was signed. Fine.</p>', ['Borrell met Iwaya in Osaka.', 'It was signed.']],
  ['sentences in several paragraphs', '<h1>EU and Japan sign a treaty</h1><p>Borrell met <a>Iwaya</a> in Osaka.</p><ul><li>It was signed.</li></ul>', ['EU and Japan sign a treaty', 'Borrell met Iwaya in Osaka.', 'It was signed.']],
] as const;

describe('the fallback highlighter (<ejfc-mark> elements)', () => {
  beforeEach(() => {
    highlighter = createHighlighter(document, { own: new OwnNodes(), prefer: 'elements' });
  });

  it.each(PAGES)('%s: wraps the sentence text in marks', (_reason, html, sentences) => {
    document.body.innerHTML = html;
    piecesOf(document.body, ...sentences).forEach((pieces, i) => highlighter!.mark(i, i === 0 ? 'conflict' : 'unsupported', pieces));
    const marks = [...document.querySelectorAll(MARK_TAG)];
    expect(highlighter!.kind).toBe('elements');
    sentences.forEach((sentence, i) => {
      const own = marks.filter((m) => m.getAttribute('data-ejfc-key') === String(i));
      expect(own.map((m) => m.textContent).join('')).toBe(sentence);
      expect(own.every((m) => m.getAttribute('data-verdict') === (i === 0 ? 'conflict' : 'unsupported'))).toBe(true);
      expect(highlighter!.rangesOf(i).map((r) => r.toString()).join('')).toBe(own.map((m) => m.textContent).join(''));
    });
    // The page reads the same with the marks in: they only wrap.
    expect(readableText(document.body).text).toBe(readableText(new DOMParser().parseFromString(html, 'text/html').body).text);
  });

  it.each(PAGES)('%s: puts back the very same nodes, with the same data, in the same places', (_reason, html, sentences) => {
    document.body.innerHTML = html;
    const before = snapshot(document.body);
    const marked = piecesOf(document.body, ...sentences);
    marked.forEach((pieces, i) => highlighter!.mark(i, 'conflict', pieces));
    expect(snapshot(document.body)).not.toEqual(before);
    // Take them off one at a time, in another order than they went on.
    for (const key of [...highlighter!.keys()].reverse()) highlighter!.unmark(key);
    const after = snapshot(document.body);
    expect(after.length).toBe(before.length);
    after.forEach((entry, i) => {
      expect(entry.node).toBe(before[i]!.node);
      expect(entry.data).toBe(before[i]!.data);
    });
    expect(document.body.innerHTML).toBe(html);
  });

  it('destroy() takes every mark and its styles away', () => {
    const html = PAGES[3][1];
    document.body.innerHTML = html;
    const before = snapshot(document.body);
    piecesOf(document.body, ...PAGES[3][2]).forEach((pieces, i) => highlighter!.mark(i, 'supported', pieces));
    expect(document.adoptedStyleSheets.length + document.querySelectorAll('style[data-ejfc]').length).toBe(1);
    highlighter!.destroy();
    expect(snapshot(document.body)).toEqual(before);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(document.querySelectorAll('style[data-ejfc]')).toHaveLength(0);
  });

  it('a mark inside an open shadow root gets its styles in that root, and comes off cleanly', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Borrell met Iwaya in Osaka.</p>';
    const before = snapshot(shadow);
    const [pieces] = piecesOf(document.body, 'Borrell met Iwaya in Osaka.');
    highlighter!.mark(7, 'conflict', pieces!);
    expect(shadow.querySelectorAll(MARK_TAG)).toHaveLength(1);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    highlighter!.unmark(7);
    expect(snapshot(shadow)).toEqual(before);
  });

  it('a page node out of the page while marked still counts as on the page; a removed mark does not', () => {
    document.body.innerHTML = '<p id="p">Borrell met Iwaya in Osaka.</p>';
    const text = document.getElementById('p')!.firstChild as Text;
    const [pieces] = piecesOf(document.body, 'Borrell met Iwaya in Osaka.');
    highlighter!.mark(1, 'conflict', pieces!);
    expect(text.isConnected).toBe(false);
    expect(highlighter!.isOnPage(text)).toBe(true);
    document.getElementById('p')!.remove();
    expect(highlighter!.isOnPage(text)).toBe(false);
  });

  it('flash() marks the finding for a moment', () => {
    document.body.innerHTML = '<p>Borrell met Iwaya in Osaka.</p>';
    const [pieces] = piecesOf(document.body, 'Borrell met Iwaya in Osaka.');
    highlighter!.mark(1, 'conflict', pieces!);
    highlighter!.flash(1);
    expect(document.querySelector(`${MARK_TAG}[data-flash]`)).not.toBeNull();
  });

  it.each([['adopted' as const], ['element' as const]])('styles reach the page as %s styles, and leave with the highlighter', (mode) => {
    highlighter!.destroy();
    highlighter = createHighlighter(document, { own: new OwnNodes(), prefer: 'elements', styles: mode });
    document.body.innerHTML = '<p>Borrell met Iwaya in Osaka.</p>';
    highlighter.mark(1, 'conflict', piecesOf(document.body, 'Borrell met Iwaya in Osaka.')[0]!);
    const css = mode === 'adopted' ? [...document.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join('\n') : document.querySelector('style[data-ejfc]')!.textContent!;
    expect(css).toContain(`${MARK_TAG}[data-look="conflict"]`);
    expect(css).toMatch(/wavy/);
    highlighter.destroy();
    expect(document.adoptedStyleSheets.length + document.querySelectorAll('style').length).toBe(0);
  });
});

describe('the Highlight API highlighter', () => {
  let fake: FakeHighlightApi;
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    fake = installFakeHighlights(document);
    registry = fake.registry;
    highlighter = createHighlighter(document, { own: new OwnNodes() });
  });
  afterEach(() => fake.uninstall());

  it('is chosen when the window has the API', () => {
    expect(highlighter!.kind).toBe('highlight-api');
  });

  it.each(PAGES)('%s: registers the ranges under the verdict\'s name and touches no page node', (_reason, html, sentences) => {
    document.body.innerHTML = html;
    const before = snapshot(document.body);
    piecesOf(document.body, ...sentences).forEach((pieces, i) => highlighter!.mark(i, i === 0 ? 'conflict' : 'unsupported', pieces));
    expect(snapshot(document.body)).toEqual(before);
    const conflict = registry.get(HIGHLIGHT_NAMES.conflict)!;
    expect([...conflict].map((r) => (r as Range).toString().replace(/\s+/g, ' '))).toEqual([sentences[0]]);
    expect(registry.get(HIGHLIGHT_NAMES.unsupported)!.size).toBe(sentences.length - 1);
    expect(conflict.priority).toBeGreaterThan(registry.get(HIGHLIGHT_NAMES.unsupported)!.priority);
  });

  it('unmark() takes a finding\'s ranges out; destroy() takes the highlights out of the registry and the styles off', () => {
    document.body.innerHTML = PAGES[3][1];
    piecesOf(document.body, ...PAGES[3][2]).forEach((pieces, i) => highlighter!.mark(i, 'conflict', pieces));
    expect(registry.get(HIGHLIGHT_NAMES.conflict)!.size).toBe(3);
    highlighter!.unmark(1);
    expect(registry.get(HIGHLIGHT_NAMES.conflict)!.size).toBe(2);
    expect(highlighter!.keys()).toEqual([0, 2]);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    highlighter!.destroy();
    expect([...registry.keys()]).toEqual([]);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('leaves alone a highlight someone else registered under one of its names', () => {
    highlighter!.mark(1, 'conflict', []);
    const theirs = new FakeHighlight();
    registry.set(FLASH_HIGHLIGHT, theirs);
    highlighter!.destroy();
    expect(registry.get(FLASH_HIGHLIGHT)).toBe(theirs);
  });

  it('the ::highlight() rules reach the page, and a shadow root with marks gets its own copy', () => {
    // As <style> elements, whose text happy-dom keeps as written (its CSS parser drops ::highlight rules).
    highlighter!.destroy();
    highlighter = createHighlighter(document, { own: new OwnNodes(), styles: 'element' });
    document.body.innerHTML = '<p>Borrell met Iwaya in Osaka.</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>It was signed in Kyoto.</p>';
    const pieces = piecesOf(document.body, 'Borrell met Iwaya in Osaka.', 'It was signed in Kyoto.');
    pieces.forEach((p, i) => highlighter!.mark(i, 'conflict', p));
    for (const root of [document.head, shadow]) {
      expect(root.querySelector('style[data-ejfc]')?.textContent).toContain(`::highlight(${HIGHLIGHT_NAMES.conflict})`);
    }
    highlighter.destroy();
    expect(document.querySelectorAll('style').length + shadow.querySelectorAll('style').length).toBe(0);
  });

  it('flash() adds the finding to the flash highlight for a moment', () => {
    document.body.innerHTML = '<p>Borrell met Iwaya in Osaka.</p>';
    highlighter!.mark(1, 'unsupported', piecesOf(document.body, 'Borrell met Iwaya in Osaka.')[0]!);
    highlighter!.flash(1);
    expect(registry.get(FLASH_HIGHLIGHT)!.size).toBe(1);
  });
});
