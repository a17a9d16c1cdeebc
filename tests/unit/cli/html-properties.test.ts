/**
 * Property tests of the CLI's HTML path, as the engine is fuzzed: random
 * markup (tags of real pages, chrome and article class names, hidden parts,
 * links that happy-dom resolves, unclosed and stray tags) and random bytes.
 * Reading never throws, and every offset of the text maps back into it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlReadableText, openInertPage } from '../../../src/cli/html';
import { decodeText } from '../../../src/cli/read-input';
import { readableText, TextReader } from '../../../src/page/reading/readable-text';

const TAGS = ['p', 'div', 'article', 'main', 'section', 'nav', 'aside', 'header', 'footer', 'span', 'a', 'em', 'q', 'h1', 'h2', 'ul', 'li', 'table', 'tr', 'td', 'pre', 'code', 'script', 'style', 'template', 'svg', 'iframe', 'form', 'button', 'figure', 'figcaption', 'blockquote', 'body', 'html', 'head', 'title'];
const CLASS_WORDS = ['content', 'article-body', 'sidebar', 'no_sidebar_border', 'nav-no-loaded', 'menu-type-dropdownmenu', 'content-with-sidebar-wrp', 'comments', 'related', 'share', 'entry-content', 'story', 'footer', 'ad', 'x'];

const attribute = fc.oneof(
  fc.constantFrom(...CLASS_WORDS).map((c) => ` class="${c}"`),
  fc.constantFrom(...CLASS_WORDS).map((c) => ` id="${c}"`),
  fc.constantFrom(' hidden', ' aria-hidden="true"', ' style="display:none"', ' role="navigation"', ' role="main"', ' contenteditable', ' itemprop="articleBody"'),
  fc.constantFrom(' href="/relative/path"', ' href="::bad url::"', ' src="x.png"', ' rel="preload"', ' as="fetch"', ' as="style"'),
);

const token = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 })).map(([t, a]) => `<${t}${a.join('')}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom('The EU and Japan met in Tokyo, on 1 November 2024, and agreed to cooperate. ', '&amp;', '&lt;b&gt;', '&#0;', '&nbsp;', '<!-- c -->', '<br>', '<link rel="preload" as="fetch" href="/data.json">', '<meta charset="utf-8">', '<![CDATA[x]]>', '<', '>', '"') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const markup = fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join(''));

/** Whitespace the reader collapses reads as a space; every other character must be the node's own. */
const asRead = (data: string): string => data.replace(/[\t\n\f\r ]/g, ' ');

describe('the HTML path, fuzzed', () => {
  it('random markup: reading never throws, and every segment maps into the text and back to its node', async () => {
    await fc.assert(
      fc.asyncProperty(markup, async (html) => {
        await expect(htmlReadableText(html)).resolves.toBeTypeOf('string');
        const page = openInertPage(html);
        try {
          const { text, segments } = readableText(page.document as unknown as Node);
          let previousEnd = 0;
          for (const { node, start, end, nodeStart } of segments) {
            expect(start).toBeGreaterThanOrEqual(previousEnd);
            expect(end).toBeGreaterThan(start);
            expect(end).toBeLessThanOrEqual(text.length);
            expect(nodeStart + (end - start)).toBeLessThanOrEqual(node.data.length);
            expect(text.slice(start, end)).toBe(asRead(node.data.slice(nodeStart, nodeStart + (end - start))));
            previousEnd = end;
          }
        } finally {
          await page.close();
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('random markup: read in steps as small as can be, the text and segments are those of one pass', async () => {
    await fc.assert(
      // Repeated, so that pages have the thousands of nodes it takes for a reader to stop at all (it asks every 256).
      fc.asyncProperty(markup.map((html) => html.repeat(40)), async (html) => {
        const page = openInertPage(html);
        try {
          const root = page.document as unknown as Node;
          const reader = new TextReader(root);
          let steps = 1;
          while (!reader.read(() => true)) steps++;
          if (page.document.querySelectorAll('*').length > 2000) expect(steps).toBeGreaterThan(1);
          const whole = readableText(root);
          expect(reader.result().text).toBe(whole.text);
          expect(reader.result().segments).toEqual(whole.segments);
        } finally {
          await page.close();
        }
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('random bytes: either refused with a one-line reason, or decoded text that reads without throwing', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      markup.map((html) => new TextEncoder().encode(html)),
      fc.tuple(markup, fc.uint8Array({ maxLength: 8 }), markup).map(([a, b, c]) => new Uint8Array([...new TextEncoder().encode(a), ...b, ...new TextEncoder().encode(c)])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        let text: string;
        try {
          text = decodeText(input, true);
        } catch (error) {
          expect((error as Error).message).toMatch(/^(not a text or HTML file|unreadable encoding \(.*\))$/);
          return;
        }
        await expect(htmlReadableText(text)).resolves.toBeTypeOf('string');
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
