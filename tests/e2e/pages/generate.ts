/**
 * Writes the fixture web pages into tests/fixtures/pages/ from the seed
 * articles, so every page carries the seed's words exactly:
 *
 *   npx tsx tests/e2e/pages/generate.ts
 *
 * `tests/e2e/fixture-pages.test.ts` fails when the committed pages differ from
 * what this makes, and checks that each page's article text is its seed's.
 * `site.css` beside them is written by hand.
 *
 * Pages that change after load set `<html data-fixture-state="ready">` when
 * they are done, for the tests to wait on.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAGES_DIR } from '../harness/paths';
import { ORDINARY_STORY, articleBody, paragraphHtml, paragraphTrees, seedStory, type Story } from './articles';
import { articleTop, comments, newsPage, relatedSection, sidebar } from './layout';
import { SEED_IDS, type SeedId } from './seeds';

const top = (story: Story): string =>
  story.headline === null ? '' : articleTop(story.kicker, story.headline, story.meta);

const title = (story: Story): string => story.headline ?? story.paragraphs[0] ?? '';

/** Everything in `<main>` after the article. */
const afterArticle = (): string => `${sidebar()}${relatedSection()}${comments()}`;

/** A JSON literal safe inside an inline <script>, one array item or object entry a line. */
function scriptJson(value: unknown[] | Record<string, unknown>): string {
  const lines = Array.isArray(value)
    ? value.map((item) => JSON.stringify(item))
    : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n      ${lines.join(',\n      ')}\n    ${close}`.replace(/</g, '\\u003c');
}

function staticArticlePage(story: Story): string {
  return newsPage({
    site: story.site,
    title: title(story),
    top: top(story),
    main: `
    <article>${articleBody(story)}
    </article>${afterArticle()}`,
  });
}

/** A live page: three paragraphs at load, the rest appended one by one afterwards. */
function livePage(story: Story): string {
  const atLoad = 3;
  const later = story.paragraphs.slice(atLoad).map((text) => paragraphHtml(text, ''));
  return newsPage({
    site: story.site,
    title: `Live: ${title(story)}`,
    top: top(story).replace('<p class="kicker">', '<p class="kicker"><span class="live-badge">LIVE</span> '),
    main: `
    <article id="live-article">${articleBody(story, '      ', atLoad)}
    </article>${afterArticle()}`,
    scripts: `
  <script>
    // Updates arrive after load, as on a live page.
    const updates = ${scriptJson(later)};
    const article = document.getElementById('live-article');
    function next() {
      const html = updates.shift();
      if (html === undefined) {
        document.documentElement.dataset.fixtureState = 'ready';
        return;
      }
      article.insertAdjacentHTML('beforeend', html);
      setTimeout(next, 400);
    }
    setTimeout(next, 500);
  </script>`,
  });
}

/** A single-page app: one document for every /spa/ URL, articles swapped through the History API. */
function spaPage(stories: Record<string, Story>): string {
  const data = Object.fromEntries(
    Object.entries(stories).map(([route, story]) => [
      route,
      { title: title(story), top: top(story), article: articleBody(story) },
    ]),
  );
  const links = Object.entries(stories)
    .map(([route, story]) => `<li><a href="/spa/article/${route}">${title(story)}</a></li>`)
    .join('');
  const site = { name: 'Newsroom One', tagline: 'Stories without page loads.' };
  return newsPage({
    site,
    title: 'Top stories',
    top: `
  <nav class="story-nav" aria-label="Top stories"><ul>${links}</ul></nav>
  <div id="article-top"></div>`,
    main: `
    <article id="spa-article"></article>${afterArticle()}`,
    scripts: `
  <script>
    const STORIES = ${scriptJson(data)};
    const DEFAULT_ROUTE = ${JSON.stringify(Object.keys(stories)[0])};
    function routeOf(pathname) {
      const match = /^\\/spa\\/article\\/([\\w-]+)$/.exec(pathname);
      return match && STORIES[match[1]] ? match[1] : DEFAULT_ROUTE;
    }
    function render() {
      const route = routeOf(location.pathname);
      const story = STORIES[route];
      document.title = story.title + ' | Newsroom One';
      document.getElementById('article-top').innerHTML = story.top;
      // A new element each time, as frameworks do: nothing of the last article survives.
      const article = document.createElement('article');
      article.id = 'spa-article';
      article.innerHTML = story.article;
      document.getElementById('spa-article').replaceWith(article);
      document.documentElement.dataset.route = route;
      document.documentElement.dataset.fixtureState = 'ready';
    }
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="/spa/"]') : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      event.preventDefault();
      if (link.getAttribute('href') === location.pathname) return;
      history.pushState({}, '', link.getAttribute('href'));
      render();
      window.scrollTo(0, 0);
    });
    window.addEventListener('popstate', render);
    render();
  </script>`,
  });
}

/** A page rendered by Preact: a teaser first, the full article a few hundred ms later (new keys: new nodes); a like counter re-renders the article on each click. */
function preactPage(story: Story): string {
  return newsPage({
    site: story.site,
    title: title(story),
    top: top(story),
    head: `
  <script type="importmap">
    { "imports": { "preact": "/vendor/preact/dist/preact.mjs", "preact/hooks": "/vendor/preact/hooks/dist/hooks.mjs" } }
  </script>`,
    main: `
    <div id="story-root"></div>${afterArticle()}`,
    scripts: `
  <script type="module">
    import { h, render } from 'preact';
    import { useEffect, useState } from 'preact/hooks';

    const PARAGRAPHS = ${scriptJson(paragraphTrees(story))};
    const TEASER_LENGTH = 3;
    const toNode = (part) => (typeof part === 'string' ? part : h(part.tag, part.attrs, ...part.children.map(toNode)));

    function Story() {
      const [edition, setEdition] = useState('teaser');
      const [likes, setLikes] = useState(0);
      useEffect(() => {
        const timer = setTimeout(() => setEdition('full'), 400);
        return () => clearTimeout(timer);
      }, []);
      useEffect(() => {
        if (edition === 'full') document.documentElement.dataset.fixtureState = 'ready';
      }, [edition]);
      const shown = edition === 'full' ? PARAGRAPHS : PARAGRAPHS.slice(0, TEASER_LENGTH);
      return h(
        'article',
        { 'data-edition': edition, 'data-likes': String(likes) },
        h('div', { class: 'reactions' },
          h('button', { type: 'button', class: 'like', onClick: () => setLikes((n) => n + 1) }, '♥ Like ', h('span', { class: 'like-count' }, String(likes)))),
        ...shown.map((paragraph, index) => h('p', { key: edition + '-' + index }, ...paragraph.map(toNode))),
      );
    }

    render(h(Story), document.getElementById('story-root'));
  </script>`,
  });
}

/** The article inside an open shadow root of a custom element. */
function shadowPage(story: Story): string {
  return newsPage({
    site: story.site,
    title: title(story),
    top: top(story),
    main: `${shadowArticleTemplate(story)}
    <news-article></news-article>${afterArticle()}`,
    scripts: `
  <script>${defineNewsArticle('    ')}
  </script>`,
  });
}

/**
 * The same article in a custom element the page defines late: the element is
 * in the page from the start, undefined and empty, and its code "loads" (a
 * timeout) only when the reader asks for the story. Only when it is defined
 * does it attach its open shadow root with the article, and nothing records
 * that as a change in the page. Driven by the reader's click rather than by a
 * timer alone, so a test knows the extension read the page before the element
 * was defined.
 */
function shadowLatePage(story: Story): string {
  return newsPage({
    site: story.site,
    title: title(story),
    top: top(story),
    main: `${shadowArticleTemplate(story)}
    <news-article></news-article>
    <p class="load-story"><button type="button">Read the full story</button></p>${afterArticle()}`,
    scripts: `
  <script>
    const loadButton = document.querySelector('.load-story button');
    loadButton.addEventListener('click', () => {
      loadButton.disabled = true;
      // As if the component's module were fetched now.
      setTimeout(() => {${defineNewsArticle('        ')}
        loadButton.closest('.load-story').remove();
      }, 300);
    }, { once: true });
  </script>`,
  });
}

const shadowArticleTemplate = (story: Story): string => `
    <template id="news-article-template">
      <link rel="stylesheet" href="/site.css">
      <article>${articleBody(story, '        ')}
      </article>
    </template>`;

/** The script that defines `<news-article>`, which puts the template's article in its open shadow root: one line a statement, each after a line break and `indent`. */
const defineNewsArticle = (indent: string): string =>
  [
    "customElements.define('news-article', class extends HTMLElement {",
    '  connectedCallback() {',
    '    if (this.shadowRoot) return;',
    "    const template = document.getElementById('news-article-template');",
    '    this.attachShadow({ mode: \'open\' }).append(template.content.cloneNode(true));',
    "    document.documentElement.dataset.fixtureState = 'ready';",
    '  }',
    '});',
  ]
    .map((line) => `\n${indent}${line}`)
    .join('');

/** A page whose article is in a same-origin iframe, and the iframe's document. */
function iframePages(story: Story): { outer: string; inner: string } {
  const outer = newsPage({
    site: story.site,
    title: title(story),
    top: top(story),
    main: `
    <iframe class="article-frame" src="/iframe-article.html" title="Article"></iframe>${afterArticle()}`,
  });
  const inner = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title(story)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/site.css">
</head>
<body class="framed">
  <main>
    <article>${articleBody(story)}
    </article>
  </main>
</body>
</html>
`;
  return { outer, inner };
}

function indexPage(names: string[]): string {
  const items = names.map((name) => `    <li><a href="/${name}">${name}</a></li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Fixture pages</title><link rel="icon" href="data:,"></head>
<body>
  <h1>Fixture pages</h1>
  <p>Generated by tests/e2e/pages/generate.ts from tests/fixtures/seeds/.</p>
  <ul>
${items}
  </ul>
</body>
</html>
`;
}

/** Every generated page: file name (in tests/fixtures/pages/) → HTML. */
export function renderPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const id of SEED_IDS) pages[seedPageName(id)] = staticArticlePage(seedStory(id));
  pages['ordinary.html'] = staticArticlePage(ORDINARY_STORY);
  pages['live.html'] = livePage(seedStory('004'));
  pages['spa.html'] = spaPage({ '000': seedStory('000'), '004': seedStory('004'), ordinary: ORDINARY_STORY });
  pages['preact.html'] = preactPage(seedStory('003'));
  pages['shadow.html'] = shadowPage(seedStory('002'));
  pages['shadow-late.html'] = shadowLatePage(seedStory('002'));
  const { outer, inner } = iframePages(seedStory('000'));
  pages['iframe.html'] = outer;
  pages['iframe-article.html'] = inner;
  pages['index.html'] = indexPage(Object.keys(pages));
  return pages;
}

export function seedPageName(id: SeedId): string {
  return `seed-${id}.html`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, html] of Object.entries(renderPages())) writeFileSync(`${PAGES_DIR}/${name}`, html);
  console.log(`wrote ${Object.keys(renderPages()).length} pages to ${PAGES_DIR}`);
}
