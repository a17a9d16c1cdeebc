import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { isSkipped, readableText, type ReadableText } from '../../../../src/page/reading/readable-text';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** A happy-dom document whose body is `bodyHtml`; scripts never run (happy-dom's default). */
function bodyOf(bodyHtml: string): Node {
  const window = new Window();
  windows.push(window);
  window.document.write(`<!DOCTYPE html><html><head></head><body>${bodyHtml}</body></html>`);
  return window.document.body as unknown as Node;
}

function read(bodyHtml: string): ReadableText {
  return readableText(bodyOf(bodyHtml));
}

describe('readableText: what is read', () => {
  it.each([
    ['a headline and the paragraph below stay separate paragraphs', '<h1>EU and Japan meet</h1><p>They met in Tokyo.</p>', 'EU and Japan meet\nThey met in Tokyo.'],
    ['a link inside a sentence does not split it', '<p>Borrell met <a href="/iwaya">Takeshi Iwaya</a> in Tokyo.</p>', 'Borrell met Takeshi Iwaya in Tokyo.'],
    ['em, strong, b, i, span and time flow inline', '<p>It was <em>announced</em>, <strong>not</strong> <b>signed</b>, on <time>1 November</time> <i>in</i> <span>Tokyo</span>.</p>', 'It was announced, not signed, on 1 November in Tokyo.'],
    ['a word split across inline tags stays one word', '<p><b>Ja</b>pan</p>', 'Japan'],
    ['q gets the quotation marks a browser draws, single ones when nested', '<p>He said <q>it is <q>historic</q></q>.</p>', 'He said “it is ‘historic’”.'],
    ['line breaks and indentation in the source collapse to one space', '<p>\n  The EU\n\tand   Japan\n  met.\n</p>', 'The EU and Japan met.'],
    ['spaces on both sides of a tag collapse to one', '<p>The EU <a> and </a> Japan</p>', 'The EU and Japan'],
    ['no-break spaces are kept as they are', '<p>1\u00a0November</p>', '1\u00a0November'],
    ['br ends a line; several in a row make one break', '<p>First line<br><br>Second line</p>', 'First line\nSecond line'],
    ['list items are separate paragraphs', '<ul><li>Maritime security</li><li>Cyber issues</li></ul>', 'Maritime security\nCyber issues'],
    ['table cells are separate paragraphs', '<table><tr><td>Date</td><td>1 November</td></tr></table>', 'Date\n1 November'],
    ['blockquote and figcaption are blocks', 'Intro<blockquote>Quoted.</blockquote><figure><img src="x.png"><figcaption>Caption.</figcaption></figure>', 'Intro\nQuoted.\nCaption.'],
    ['text directly in body counts', 'Plain text in body.', 'Plain text in body.'],
    ['an empty body reads as empty text', '', ''],
  ])('%s', (_reason, html, expected) => {
    expect(read(html).text).toBe(expected);
  });
});

describe('readableText: what is skipped', () => {
  const ARTICLE = '<p>Kept sentence.</p>';
  it.each([
    ['nav: site navigation', '<nav><a>World</a><a>Asia</a></nav>'],
    ['role=navigation', '<div role="navigation">Home</div>'],
    ['role=banner: the masthead', '<div role="banner">World Desk</div>'],
    ['role=contentinfo: the colophon', '<div role="contentinfo">Copyright</div>'],
    ['a header outside any article is the masthead', '<header>World Desk</header>'],
    ['a footer outside any article is the colophon', '<footer>Copyright 2024</footer>'],
    ['class menu', '<div class="dropdown-menu">Politics</div>'],
    ['id nav', '<div id="nav">Politics</div>'],
    ['class share', '<div class="share-buttons">Share on X</div>'],
    ['class social', '<ul class="social"><li>Telegram</li></ul>'],
    ['id comments', '<section id="comments"><p>It was signed in Kyoto!</p></section>'],
    ['class comment', '<div class="comment">First!</div>'],
    ['id fbcommentsmodule (comments inside a longer name)', '<div id="fbcommentsmodule"><p>Leave your comment</p></div>'],
    ['class related', '<div class="related-stories">Japan and NATO sign a pact</div>'],
    ['class footer', '<div class="page-footer">Contact us</div>'],
    ['class cookie', '<div class="cookie-notice">We use cookies</div>'],
    ['class ad-slot', '<div class="ad-slot">Buy now</div>'],
    ['class advert', '<div class="advert">Buy now</div>'],
    ['class newsletter', '<div class="newsletter">Sign up</div>'],
    ['aside: pull quotes and sidebars', '<aside>Signed in Osaka, said a pull quote.</aside>'],
    ['script', '<script>var signed = true;</script>'],
    ['style', '<style>p { color: red }</style>'],
    ['noscript', '<noscript>Enable JavaScript.</noscript>'],
    ['template', '<template><p>Template text.</p></template>'],
    ['svg', '<svg><text>Chart label</text></svg>'],
    ['input value', '<input value="search terms">'],
    ['textarea', '<textarea>Write a comment</textarea>'],
    ['select options', '<select><option>English</option></select>'],
    ['button', '<button>Subscribe</button>'],
    ['label', '<label>Email</label>'],
    ['contenteditable', '<div contenteditable="true">Draft text</div>'],
    ['hidden attribute', '<p hidden>Hidden correction.</p>'],
    ['aria-hidden=true', '<span aria-hidden="true">★</span>'],
    ['inline display:none', '<p style="color: red; display: none">Not shown.</p>'],
    ['inline visibility:hidden', '<p style="visibility:hidden">Not shown.</p>'],
  ])('%s', (_reason, chrome) => {
    expect(read(`${chrome}${ARTICLE}${chrome}`).text).toBe('Kept sentence.');
  });

  it.each([
    ['a header inside an article is the article\'s own', '<article><header><h1>Headline</h1></header><p>Body.</p></article>', 'Headline\nBody.'],
    ['a footer inside an article is the article\'s own', '<article><p>Body.</p><footer>By A. Writer</footer></article>', 'Body.\nBy A. Writer'],
    ['"commentary" is not "comment"', '<div class="commentary"><p>Analysis.</p></div>', 'Analysis.'],
    ['"canvas-wrapper" is not "nav"', '<div class="canvas-wrapper"><p>Body.</p></div>', 'Body.'],
    ['"shared-story" is not "share"', '<div class="shared-story"><p>Body.</p></div>', 'Body.'],
    ['code inside a sentence is part of it', '<p>Run <code>npm test</code> first.</p>', 'Run npm test first.'],
    ['pre is a block of the article', '<p>Intro.</p><pre>line one\nline two</pre>', 'Intro.\nline one line two'],
    ['aria-hidden=false is visible', '<p aria-hidden="false">Body.</p>', 'Body.'],
    ['contenteditable=false is not an editor', '<p contenteditable="false">Body.</p>', 'Body.'],
  ])('kept: %s', (_reason, html, expected) => {
    expect(read(html).text).toBe(expected);
  });
});

describe('readableText: mathematics (MathML) is part of the sentence around it', () => {
  it('reads the tokens of a formula inline, in the paragraph that holds it', () => {
    const html = '<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, the equation has two roots.</p>';
    expect(read(html).text).toBe('When a≠0, the equation has two roots.');
  });

  it('reads a formula set apart between paragraphs (a display equation) as text of the article', () => {
    const html = '<p>The roots are</p><math display="block"><mi>x</mi> <mo>=</mo> <mn>2</mn></math><p>for this equation.</p>';
    expect(read(html).text).toBe('The roots are\nx = 2\nfor this equation.');
  });

  it('leaves out the annotations kept beside a formula (its TeX source), which a browser does not show', () => {
    const html =
      '<p>The area is <math><semantics><mrow><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></mrow>' +
      '<annotation encoding="application/x-tex">\\pi r^2</annotation>' +
      '<annotation-xml encoding="MathML-Content"><apply><times/><ci>pi</ci></apply></annotation-xml>' +
      '</semantics></math> square metres.</p>';
    expect(read(html).text).toBe('The area is πr2 square metres.');
  });

  it('skips a hidden copy of a formula (one kept for screen readers beside an image)', () => {
    const html = '<p>The area is <span style="display: none"><math><mi>π</mi></math></span><img alt="pi r squared"> square metres.</p>';
    expect(read(html).text).toBe('The area is square metres.');
  });
});

describe('readableText: class names of real pages never take the article out on their own', () => {
  const PROSE = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the article, long enough to be prose, with commas, clauses, and a full stop at the end of it.</p>`).join('');
  const ARTICLE_TEXT = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of the article, long enough to be prose, with commas, clauses, and a full stop at the end of it.`).join('\n');

  /** Read from the document, as the extension does: `<body>` is judged like any element. */
  function readDocument(bodyAttributes: string, bodyHtml: string): string {
    const window = new Window();
    windows.push(window);
    window.document.write(`<!DOCTYPE html><html><head></head><body ${bodyAttributes}>${bodyHtml}</body></html>`);
    return readableText(window.document as unknown as Node).text;
  }

  it.each([
    ['menu-type-dropdownmenu'],
    ['nav-no-loaded'],
    ['no_sidebar_border'],
    ['html not-front no-sidebars page-node'],
    ['has-comments'],
  ])('body class "%s"', (cls) => {
    expect(readDocument(`class="${cls}"`, `<nav><a href="/">Home</a></nav><div>${PROSE}</div>`)).toBe(ARTICLE_TEXT);
    // Text the page adds later is judged by its ancestors, body among them.
    const window = new Window();
    windows.push(window);
    window.document.write(`<body class="${cls}"><div id="late"><p>Added later.</p></div></body>`);
    expect(isSkipped(window.document.body as unknown as Element)).toBe(false);
  });

  it.each([
    ['content-with-sidebar-wrp'],
    ['no_sidebar_border wrapper'],
    ['nav-no-loaded'],
    ['layout-sidebar-right'],
  ])('an article inside div.%s', (cls) => {
    expect(readDocument('', `<div class="${cls}"><div class="story">${PROSE}</div></div><footer>Copyright</footer>`)).toBe(ARTICLE_TEXT);
  });

  it('control: a real sidebar of links beside the article is still left out', () => {
    const sidebar = '<div class="sidebar"><ul><li><a href="/1">Most read one</a></li><li><a href="/2">Most read two</a></li></ul></div>';
    expect(readDocument('', `<div class="story">${PROSE}${sidebar}</div>`)).toBe(ARTICLE_TEXT);
  });

  it('the best-scoring container wins over a longer list of links and teasers', () => {
    const teasers = Array.from({ length: 30 }, (_, i) => `<li><a href="/t${i}">Teaser headline number ${i} about something else entirely</a></li>`).join('');
    expect(readDocument('', `<div class="list"><ul>${teasers}</ul></div><div class="story">${PROSE}</div>`)).toBe(ARTICLE_TEXT);
  });

  it('a body split into sections of one class, in different wrappers, is read whole', () => {
    const section = (from: number) =>
      `<div class="wrap"><div class="post__content wysiwyg">${Array.from({ length: 3 }, (_, i) => `<p>Paragraph ${from + i} of the article, long enough to be prose, with commas, clauses, and a full stop at the end of it.</p>`).join('')}</div></div>`;
    const expected = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of the article, long enough to be prose, with commas, clauses, and a full stop at the end of it.`).join('\n');
    expect(readDocument('', `<div class="outer">${section(1)}<div class="wrap"><figure><figcaption>Photo</figcaption></figure></div>${section(4)}</div>`)).toBe(
      expected.replace('\nParagraph 4', '\nPhoto\nParagraph 4'),
    );
  });

  it('a related-posts block inside the article body (jp-relatedposts) is left out', () => {
    const related = '<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><div class="jp-relatedposts-post"><a href="/x">Another story about the EU and Japan</a></div></div>';
    expect(readDocument('', `<div class="entry-content">${PROSE}${related}</div>`)).toBe(ARTICLE_TEXT);
  });

  it.each([
    ['a web app (body role=application)', 'role="application"', `<div>${PROSE}</div>`],
    ['an editor (contenteditable body)', 'contenteditable="true"', `<div>${PROSE}</div>`],
    ['a page whose text is all in form fields, menus and search', '', '<div role="search"><input value="EU Japan"></div><div role="toolbar"><button>Bold</button></div><textarea>Draft about the EU and Japan</textarea>'],
  ])('not an article, so nothing is read that a mark could break: %s', (_case, attributes, html) => {
    expect(readDocument(attributes, html)).toBe('');
  });

  it('paragraph siblings of the article container are kept with it', () => {
    const lead = '<p>The standfirst: a paragraph that sits beside the body container, long enough to be read as part of it.</p>';
    expect(readDocument('', `<div class="page">${lead}<div class="story">${PROSE}</div><div class="share">Share</div></div>`)).toBe(
      `The standfirst: a paragraph that sits beside the body container, long enough to be read as part of it.\n${ARTICLE_TEXT}`,
    );
  });
});

describe('readableText: a headline outside the article container', () => {
  const PROSE = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the article, long enough to be prose, with commas, clauses, and a full stop at the end of it.</p>`).join('');
  const ARTICLE_TEXT = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of the article, long enough to be prose, with commas, clauses, and a full stop at the end of it.`).join('\n');
  const HEADLINE = 'Ministers agree a new partnership in Tokyo';

  function readPage(head: string, body: string): ReadableText {
    const window = new Window();
    windows.push(window);
    window.document.write(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
    return readableText(window.document as unknown as Node);
  }

  it.each([
    ['an <h1> before the body container, the <title> naming it with the site', `<title>${HEADLINE} | The Daily Example</title>`, `<div class="top"><h1>${HEADLINE}</h1></div><div class="story">${PROSE}</div>`],
    ['an <h1> in a page-level <header> (left out as a masthead otherwise)', `<title>${HEADLINE} - Example News</title>`, `<header><h1>${HEADLINE}</h1></header><div class="story">${PROSE}</div>`],
    ['an <h2> that matches og:title, with a byline and a share bar between', `<meta property="og:title" content="${HEADLINE}"><title>Example</title>`, `<h2 class="headline">${HEADLINE}</h2><p class="byline">By A. Writer, 2 November</p><div class="share"><a href="#">Share</a></div><div class="story">${PROSE}</div>`],
  ])('is read before the article: %s', (_case, head, body) => {
    const read = readPage(head, body);
    expect(read.text.split('\n')[0]).toBe(HEADLINE);
    expect(read.text).toContain(ARTICLE_TEXT);
    // It is the page's own text node, as every piece of the text.
    expect(read.segments[0]!.node.data).toBe(HEADLINE);
  });

  it.each([
    ['a site name in an <h1> of the masthead', `<title>${HEADLINE} | The Daily Example</title>`, `<header><h1>The Daily Example</h1></header><div class="story">${PROSE}</div>`],
    ['an <h1> that is not the title (a section name)', `<title>${HEADLINE}</title>`, `<h1>World news</h1><div class="story">${PROSE}</div>`],
    ['a page without a title to match', '', `<h1>${HEADLINE}</h1><div class="story">${PROSE}</div>`],
    ['the headline far above the article (a list of teasers between)', `<title>${HEADLINE}</title>`, `<h1>${HEADLINE}</h1><ul class="list">${'<li><a href="/t">A teaser headline about something else entirely</a></li>'.repeat(20)}</ul><div class="story">${PROSE}</div>`],
    ['a hidden heading', `<title>${HEADLINE}</title>`, `<h1 hidden>${HEADLINE}</h1><div class="story">${PROSE}</div>`],
    ['a heading inside a link (a teaser)', `<title>${HEADLINE}</title>`, `<a href="/x"><h2>${HEADLINE}</h2></a><div class="story">${PROSE}</div>`],
    ['a heading after the article', `<title>${HEADLINE}</title>`, `<div class="story">${PROSE}</div><h2>${HEADLINE}</h2>`],
  ])('is not read: %s', (_case, head, body) => {
    expect(readPage(head, body).text).toBe(ARTICLE_TEXT);
  });

  it('an article container that holds its own <h1> gets no second headline', () => {
    const read = readPage(`<title>${HEADLINE}</title>`, `<div class="top"><h2>${HEADLINE}</h2></div><div class="story"><h1>${HEADLINE}</h1>${PROSE}</div>`);
    expect(read.text).toBe(`${HEADLINE}\n${ARTICLE_TEXT}`);
  });
});

describe('readableText: one walk over the page', () => {
  it('the article is read from the record of the walk that found it, not by walking the page again', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i + 1} of the article, long enough to be prose, with commas, clauses, and a full stop.</p>`).join('');
    const window = new Window();
    windows.push(window);
    window.document.write(`<!DOCTYPE html><html><head></head><body><nav><a href="/">Home</a></nav><div class="story">${paragraphs}</div></body></html>`);
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(window.document.body))) as object;
    const nodeProto = (function find(o: object | null): object {
      while (o && !Object.getOwnPropertyDescriptor(o, 'nextSibling')) o = Object.getPrototypeOf(o) as object | null;
      return o!;
    })(proto);
    const descriptor = Object.getOwnPropertyDescriptor(nodeProto, 'nextSibling')!;
    let steps = 0;
    Object.defineProperty(nodeProto, 'nextSibling', { ...descriptor, get(this: Node) { steps++; return descriptor.get!.call(this); } });
    try {
      const text = readableText(window.document as unknown as Node).text;
      expect(text.split('\n')).toHaveLength(200);
      // One step per node of the page (200 paragraphs, their 200 text nodes, a few more): one walk, not two (about 800 steps).
      expect(steps).toBeGreaterThanOrEqual(400);
      expect(steps).toBeLessThan(500);
    } finally {
      Object.defineProperty(nodeProto, 'nextSibling', descriptor);
    }
  });
});

describe('readableText: where the article is', () => {
  it.each([
    ['main is preferred over the rest of body', '<div>Teaser: Japan and NATO.</div><main><h1>Headline</h1><p>Body.</p></main>', 'Headline\nBody.'],
    ['role=main counts as main', '<div>Teaser.</div><div role="main"><p>Body.</p></div>', 'Body.'],
    ['main keeps a headline that sits beside the article', '<main><h1>Headline</h1><article><p>Body.</p></article></main>', 'Headline\nBody.'],
    ['without main, the longest article is read', '<article><p>Short teaser.</p></article><article><p>The long article body with many words.</p></article>', 'The long article body with many words.'],
    ['without main or article, body is read', '<div><p>Body.</p></div>', 'Body.'],
    ['a hidden main is not the article', '<main hidden><p>Old.</p></main><div><p>Body.</p></div>', 'Body.'],
  ])('%s', (_reason, html, expected) => {
    expect(read(html).text).toBe(expected);
  });

  it('a whole document can be the root: head and title are not article text', () => {
    const window = new Window();
    windows.push(window);
    window.document.write('<html><head><title>Site title</title></head><body><p>Body.</p></body></html>');
    expect(readableText(window.document as unknown as Node).text).toBe('Body.');
  });
});

describe('readableText: segments map the text back to text nodes', () => {
  /** Whitespace the reader collapses reads as a space; every other character must be the node's own. */
  const asRead = (data: string): string => data.replace(/[\t\n\f\r ]/g, ' ');

  it.each([
    ['plain paragraphs', '<p>One.</p><p>Two.</p>'],
    ['inline elements and links', '<p>The <a href="#">EU</a> and <em>Japan</em> met in <b>To</b>kyo.</p>'],
    ['collapsed whitespace inside one node', '<p>\n  The EU\n\tand   Japan\n  met.\n</p>'],
    ['generated quotation marks', '<p>He said <q>it is historic</q>.</p>'],
    ['chrome around the article', '<nav>Home</nav><main><h1>Title</h1><p>Body <span aria-hidden="true">x</span>text.</p></main><footer>c</footer>'],
    ['a whole news page', readFileSync(new URL('../../../fixtures/html/002-news-page.html', import.meta.url), 'utf8')],
  ])('%s', (_reason, html) => {
    const { text, segments } = read(html);
    let previousEnd = 0;
    const covered = new Array<boolean>(text.length).fill(false);
    for (const { node, start, end, nodeStart } of segments) {
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(text.slice(start, end)).toBe(asRead(node.data.slice(nodeStart, nodeStart + (end - start))));
      covered.fill(true, start, end);
      previousEnd = end;
    }
    // Whatever no segment covers is a paragraph break or a drawn quotation mark.
    const uncovered = [...text].filter((_, i) => !covered[i]);
    expect(uncovered.every((c) => '\n“”‘’'.includes(c))).toBe(true);
  });

  it('a node read whole is one segment whose slice is the node\'s data', () => {
    const { text, segments } = read('<p>The <a href="#">European Union</a> and Japan.</p>');
    expect(segments.map((s) => [text.slice(s.start, s.end), s.node.data, s.nodeStart])).toEqual([
      ['The ', 'The ', 0],
      ['European Union', 'European Union', 0],
      [' and Japan.', ' and Japan.', 0],
    ]);
  });

  it('a whitespace run inside a node splits it into segments that skip the collapsed characters', () => {
    const { text, segments } = read('<p>EU   and\n\nJapan</p>');
    expect(text).toBe('EU and Japan');
    expect(segments.map((s) => ({ text: text.slice(s.start, s.end), nodeStart: s.nodeStart }))).toEqual([
      { text: 'EU ', nodeStart: 0 },
      { text: 'and ', nodeStart: 5 },
      { text: 'Japan', nodeStart: 10 },
    ]);
  });
});

describe('readableText: news pages around the seed articles', () => {
  const fixture = (path: string): string => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

  it.each([
    ['semantic page (main, article, nav, header/footer, share bar, comments, related, cookie banner)', 'html/002-news-page.html', 'seeds/002_e7a668e7c20fc301.txt'],
    ['div soup page (chrome known only by class, id and role; paragraphs split by br)', 'html/004-radio-page.html', 'seeds/004_95ec95232d0eab6f.txt'],
  ])('%s reads as exactly the article', (_reason, page, seed) => {
    const window = new Window();
    windows.push(window);
    window.document.write(fixture(page));
    expect(readableText(window.document.body as unknown as Node).text).toBe(fixture(seed).trimEnd());
  });
});
