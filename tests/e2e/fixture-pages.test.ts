/**
 * The fixture pages themselves, without a browser: they are what the
 * generator makes from the seeds, and the article text a reader takes from
 * each is exactly its seed's (after the page's headline), whatever markup and
 * site furniture surrounds it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlReadableText } from '../../src/cli/html';
import { PAGES_DIR } from './harness/paths';
import { ORDINARY_STORY } from './pages/articles';
import { renderPages, seedPageName } from './pages/generate';
import { SEED_IDS, seedText } from './pages/seeds';

const page = (name: string): string => readFileSync(`${PAGES_DIR}/${name}`, 'utf8');
/** The page's headline, which the templates put above `<main>`: read too, as the first paragraph (it matches the page's title). */
const headlineOf = (html: string): string => {
  const match = /<h1 class="headline">([^<]*)<\/h1>/.exec(html);
  return match ? `${match[1]}\n` : '';
};

describe('fixture pages', () => {
  it.each(Object.entries(renderPages()))('%s is up to date with tests/e2e/pages/generate.ts (rerun it after changing seeds or templates)', (name, html) => {
    expect(page(name)).toBe(html);
  });

  it.each(SEED_IDS)('seed-%s.html: the article text is exactly the seed', async (id) => {
    const html = page(seedPageName(id));
    expect(await htmlReadableText(html)).toBe(headlineOf(html) + seedText(id));
  });

  it('ordinary.html: the article text is the ordinary story alone', async () => {
    expect(await htmlReadableText(page('ordinary.html'))).toBe(headlineOf(page('ordinary.html')) + ORDINARY_STORY.paragraphs.join('\n'));
  });

  it("iframe-article.html (the iframe's document): the article text is exactly seed 000", async () => {
    expect(await htmlReadableText(page('iframe-article.html'))).toBe(seedText('000'));
  });

  it.each(SEED_IDS)('seed-%s.html splits sentences across links, emphasis and spans', (id) => {
    const article = /<article>([\s\S]*)<\/article>/.exec(page(seedPageName(id)))?.[1] ?? '';
    // Words on both sides of an inline element: one sentence, several text nodes.
    expect(article).toMatch(/\w[ ,]*<(a|em|span|time)\b[^>]*>[^<]+<\/\1>[ ,]*\w/);
  });
});
