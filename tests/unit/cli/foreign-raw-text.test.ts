import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlReadableText, openInertPage } from '../../../src/cli/html';
import { neutraliseForeignRawText } from '../../../src/cli/foreign-raw-text';

const ARTICLE = '<p>The first paragraph of the story, long enough to read.</p>';
const AFTER = '<p>The paragraph after the icon, which must not be lost.</p>';

describe('neutraliseForeignRawText', () => {
  it.each([
    ['a <style> in an inline <svg>', '<svg class="icon"><style>.a{fill:red}</style><path d="M0 0"/></svg>'],
    ['a <script> in an inline <svg>', '<svg><script>if (a < b) go();</script></svg>'],
    ['upper-case tags', '<SVG><STYLE>.a{}</STYLE></SVG>'],
    ['a <style> at an integration point (<foreignObject>)', '<svg><foreignObject><style>p > a { color: red }</style></foreignObject></svg>'],
    ['a CDATA section in an <svg> script', '<svg><script><![CDATA[ if (a<b) { go(); } ]]></script></svg>'],
    ['nested <svg>', '<svg><svg><style>.b{}</style></svg><style>.c{}</style></svg>'],
    ['a <style> in <math>', '<math><mi>x</mi><style>.m{}</style></math>'],
  ])('%s: the page after it is still read', async (_what, foreign) => {
    const html = `<html><body><article>${ARTICLE}${foreign}${AFTER}</article></body></html>`;
    const text = await htmlReadableText(html);
    expect(text).toContain('The first paragraph of the story');
    expect(text).toContain('The paragraph after the icon');
  });

  it('control: happy-dom itself loses the page after an <svg> holding a <style>, so the test above can fail', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window();
    window.document.write(`<body>${ARTICLE}<svg><style>.a{}</style></svg>${AFTER}</body>`);
    expect(window.document.body.textContent).not.toContain('The paragraph after the icon');
    await window.happyDOM.close();
  });

  it('renames the tags inside foreign content, and keeps their text as a browser would read it', async () => {
    expect(neutraliseForeignRawText('<svg><style>.a{}</style></svg>')).toBe('<svg><svg-style>.a{}</svg-style></svg>');
    expect(neutraliseForeignRawText('<math><script type="x">1</script></math>')).toBe('<math><math-script type="x">1</math-script></math>');
    // At an integration point the content is raw text: escaped, so the parser makes the same text of it.
    expect(neutraliseForeignRawText('<svg><desc><style>a<b&amp;</style></desc></svg>')).toBe('<svg><desc><svg-style>a&lt;b&amp;amp;</svg-style></desc></svg>');
    // CDATA in foreign content is text.
    expect(neutraliseForeignRawText('<svg><text><![CDATA[a<b]]></text></svg>')).toBe('<svg><text>a&lt;b</text></svg>');
    const page = openInertPage('<svg><desc><style>a<b&amp;</style></desc></svg>');
    try {
      expect(page.document.querySelector('desc')?.textContent).toBe('a<b&amp;');
    } finally {
      await page.close();
    }
  });

  it('leaves alone what is not inside foreign content: HTML styles and scripts, comments, strings in scripts, attribute values', () => {
    const html = [
      '<head><style>svg > style { }</style><script>const s = "<svg><style>";</script></head>',
      '<body><!-- <svg><style> --><p title="<svg><style>">Text</p><style>.x{}</style>',
      '<svg/><style>.after-self-closed{}</style>',
      '<svg></svg><script>var after = 1;</script></body>',
    ].join('');
    expect(neutraliseForeignRawText(html)).toBe(html);
  });

  it('returns a page without <svg> or <math> as it is, the same string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const html = s.replace(/<\s*(svg|math)/gi, '<x');
        expect(neutraliseForeignRawText(html)).toBe(html);
      }),
    );
  });

  it('never changes what lies outside foreign content (random markup)', () => {
    const piece = fc.constantFrom('<svg>', '</svg>', '<math>', '</math>', '<style>', '</style>', '<script>', '</script>', '<foreignObject>', '</foreignObject>', '<p>', '</p>', 'text', 'a<b', '<!--', '-->', '<![CDATA[', ']]>', '"', "'");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const html = pieces.join('');
        const out = neutraliseForeignRawText(html);
        // Only tags and text inside <svg>/<math> change: what comes before the first of them is kept.
        const first = html.search(/<(?:svg|math)>/);
        if (first === -1) expect(out).toBe(html);
        else expect(out.slice(0, first)).toBe(html.slice(0, first));
      }),
    );
  });
});
