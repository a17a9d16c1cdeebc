/**
 * Issue 10: pages that are not articles (home pages, search results, web
 * apps, a PDF in the viewer) are read as nothing a later mark could break,
 * and the extension stays quiet on them, even where they name the subject
 * (a teaser, a search result, a draft in a mail app). The pages are small
 * ones of our own (`tests/fixtures/non-article/`), read through the CLI's
 * HTML path as `npm run check` reads a file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultChecker, STRICTNESS_LEVELS } from '../../../../src/core';
import { htmlReadableText } from '../../../../src/cli/html';
import { readableText } from '../../../../src/page/reading/readable-text';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/non-article/', import.meta.url));
const page = (name: string): string => readFileSync(`${FIXTURES}${name}`, 'utf8');

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});
function documentOf(html: string): Document {
  const window = new Window();
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('pages that are not articles', () => {
  it.each([
    ['a home page of teasers (one about the EU and Japan)', 'home.html'],
    ['search results (snippets about the partnership)', 'search.html'],
    ['a mail app (a grid of messages, a composer, a list box)', 'app.html'],
    ['a PDF in the viewer (an <embed>)', 'pdf-viewer.html'],
  ])('%s: nothing is read, so nothing is marked and no verdict given', async (_page, file) => {
    const text = await htmlReadableText(page(file));
    expect(text).toBe('');
    const checker = defaultChecker();
    for (const strictness of STRICTNESS_LEVELS) expect(checker.check(text, { strictness }).sentences).toEqual([]);
  });

  it('control: the same home page is read when a story scoring as an article sits among the teasers', async () => {
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to be prose, with commas, clauses, and a full stop at the end of it.</p>`).join('');
    const html = page('home.html').replace('</main>', `<div class="story">${story}</div></main>`);
    expect(await htmlReadableText(html)).toContain('Paragraph 6 of the story');
  });

  it('a forum thread: the posts are read, the reply box (a text area, an editable preview) and the buttons are not', async () => {
    const text = await htmlReadableText(page('forum.html'));
    expect(text).toContain('I read that the EU and Japan signed a binding defence treaty in Tokyo last week.');
    expect(text).not.toContain('I think');
    expect(text).not.toContain('in 2019');
    expect(text).not.toMatch(/Reply|Like|Post\b/);
  });

  it.each([
    ['role=textbox', '<div role="textbox" contenteditable="false"><p>Typed text that is long enough to count as a paragraph of prose here.</p></div>'],
    ['role=grid', '<div role="grid"><div role="row"><div role="gridcell">A message preview that is long enough to count as a paragraph.</div></div></div>'],
    ['role=listbox', '<ul role="listbox"><li role="option">An option that is long enough to count as a paragraph of prose.</li></ul>'],
    ['role=combobox', '<div role="combobox">A suggestion that is long enough to count as a paragraph of prose.</div>'],
    ['role=slider (a video progress bar)', '<div role="slider" aria-valuenow="0">Loaded: 0%</div>'],
  ])('a widget (%s) inside an article is not read', (_role, widget) => {
    const doc = documentOf(`<main><p>The article's own paragraph, read as before.</p>${widget}</main>`);
    expect(readableText(doc as unknown as Node).text).toBe("The article's own paragraph, read as before.");
  });

  it('a document in design mode (an editor in a frame) is read as nothing', () => {
    const doc = documentOf('<body><p>A paragraph being edited, long enough to be prose, with commas, and a full stop.</p></body>');
    doc.designMode = 'on';
    // happy-dom may not keep the mode; what matters is what the reader does when a browser does.
    if (doc.designMode !== 'on') Object.defineProperty(doc, 'designMode', { value: 'on' });
    const read = readableText(doc as unknown as Node);
    expect(read.text).toBe('');
    expect(read.noArticle).toBe(true);
  });

  it('says when a page is no article, so that text it adds later is not read either', () => {
    expect(readableText(documentOf(page('home.html')) as unknown as Node).noArticle).toBe(true);
    expect(readableText(documentOf(page('forum.html')) as unknown as Node).noArticle).toBe(false);
    expect(readableText(documentOf('<main><h1>Headline</h1><p>Body.</p></main>') as unknown as Node).noArticle).toBe(false);
  });
});
