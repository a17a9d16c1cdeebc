// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readableText } from '../../../../src/page/reading/readable-text';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A page whose `#host` has an open shadow tree `shadowHtml`. */
function withShadow(bodyHtml: string, shadowHtml: string, mode: 'open' | 'closed' = 'open'): ShadowRoot {
  document.body.innerHTML = bodyHtml;
  const shadow = document.getElementById('host')!.attachShadow({ mode });
  shadow.innerHTML = shadowHtml;
  return shadow;
}

describe('readableText: open shadow roots, read where the browser renders them', () => {
  it.each([
    ['a shadow tree is read in place of the host\'s children', '<p>Before.</p><div id="host"><p>Light, not rendered.</p></div><p>After.</p>', '<p>Shadow text.</p>', 'Before.\nShadow text.\nAfter.'],
    ['slotted light DOM is read at its slot', '<p id="host">Iwaya in Tokyo.</p>', '<b>Borrell met </b><slot></slot>', 'Borrell met Iwaya in Tokyo.'],
    ['a slot with nothing assigned shows its fallback content', '<p id="host"></p>', 'They met <slot>in Tokyo</slot>.', 'They met in Tokyo.'],
    ['chrome inside a shadow tree is skipped like any other', '<div id="host"></div>', '<nav>Menu</nav><p>Body.</p>', 'Body.'],
  ])('%s', (_reason, bodyHtml, shadowHtml, expected) => {
    const shadow = withShadow(bodyHtml, shadowHtml);
    const read = readableText(document.body, { shadowRoots: true });
    expect(read.text).toBe(expected);
    expect(read.subtrees).toEqual([shadow]);
  });

  it('without the option the light DOM is read, as before', () => {
    withShadow('<div id="host"><p>Light.</p></div>', '<p>Shadow.</p>');
    expect(readableText(document.body).text).toBe('Light.');
  });

  it('a closed shadow root is the page\'s secret and is not read', () => {
    withShadow('<div id="host"><p>Light.</p></div>', '<p>Shadow.</p>', 'closed');
    expect(readableText(document.body, { shadowRoots: true }).text).toBe('Light.');
  });

  it('a host inside skipped chrome is skipped with its shadow tree', () => {
    withShadow('<nav><span id="host"></span></nav><p>Body.</p>', '<p>Menu item.</p>');
    const read = readableText(document.body, { shadowRoots: true });
    expect(read.text).toBe('Body.');
    expect(read.subtrees).toEqual([]);
  });
});

describe('readableText: same-origin frames', () => {
  // happy-dom loads no frame page from a URL, but builds a srcdoc frame's document at once.
  function withFrame(bodyHtml: string, frameBody: string): Document {
    document.body.innerHTML = bodyHtml;
    const frame = document.querySelector('iframe')!;
    frame.srcdoc = `<!DOCTYPE html><html><head><title>t</title></head><body>${frameBody}</body></html>`;
    return frame.contentDocument!;
  }

  it('a frame reads as a block at its place when frames are read', () => {
    const frameDoc = withFrame('<p>Before.</p><iframe srcdoc=""></iframe><p>After.</p>', '<nav>Menu</nav><p>Framed text.</p>');
    const read = readableText(document.body, { frames: true });
    expect(read.text).toBe('Before.\nFramed text.\nAfter.');
    expect(read.subtrees).toEqual([frameDoc]);
    expect(read.segments.find((s) => s.node.data === 'Framed text.')?.node.ownerDocument).toBe(frameDoc);
  });

  it('a frame whose src is of another origin is passed by without asking for its document (a cost in Chromium); one of this origin is asked', () => {
    document.body.innerHTML = '<p>Before.</p><iframe></iframe>';
    const frame = document.querySelector('iframe')!;
    const asked = vi.spyOn(frame, 'contentDocument', 'get').mockReturnValue(null);
    const origin = new URL(document.URL).origin;
    frame.setAttribute('src', 'https://ads.elsewhere.example/slot');
    readableText(document.body, { frames: true });
    expect(asked).not.toHaveBeenCalled();
    frame.setAttribute('src', `${origin === 'null' ? 'about:blank' : `${origin}/frame`}`);
    readableText(document.body, { frames: true });
    expect(asked).toHaveBeenCalled();
  });

  it('frames are skipped without the option, and when hidden', () => {
    withFrame('<p>Before.</p><iframe srcdoc=""></iframe>', '<p>Framed.</p>');
    expect(readableText(document.body).text).toBe('Before.');
    withFrame('<p>Before.</p><iframe hidden srcdoc=""></iframe>', '<p>Framed.</p>');
    expect(readableText(document.body, { frames: true }).text).toBe('Before.');
  });
});

describe('readableText: a text node as the root', () => {
  it('reads the node as it stands, whitespace collapsed', () => {
    document.body.innerHTML = '<p>x</p>';
    const node = document.createTextNode('  Borrell met\n Iwaya.  ');
    document.body.firstChild!.appendChild(node);
    const read = readableText(node);
    expect(read.text).toBe('Borrell met Iwaya.');
    expect(read.segments.every((s) => s.node === node)).toBe(true);
  });
});
