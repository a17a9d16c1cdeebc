/**
 * Hostile fixture pages: pages that are huge, deep, nested through shadow
 * roots and frames, never stop changing, break the built-ins, forbid
 * everything with a Content-Security-Policy, are written right to left or in
 * Japanese and Chinese, restyle every element, or carry text that looks like
 * markup. Each is about the reference's subject, so the engine really works
 * on it.
 *
 *   npx tsx tests/e2e/pages/hostile.ts
 *
 * writes the small ones into tests/fixtures/hostile/ (a test keeps them equal
 * to this generator). The two huge ones (a 5 MB text node, 100,000 elements)
 * are not committed: `generatedHostilePages()` makes them for the fixture
 * server to serve from memory.
 *
 * Every page has the same probe: a timer that counts `data-page-ticks` on
 * `<html>` and a button (`#page-button`) that counts its clicks into
 * `#page-clicks[data-clicks]`, written with nothing a hostile page could have
 * broken, so a test can tell the page still runs after the extension did.
 * Pages that build themselves set `<html data-fixture-state="ready">`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../harness/paths';
import { escapeHtml } from './inline';
import { SEED_IDS, seedParagraphs } from './seeds';

export const HOSTILE_DIR = `${ROOT}tests/fixtures/hostile`;
/** Where the server serves them. */
export const HOSTILE_PREFIX = '/hostile/';

/** The HTTP header of the CSP page (the `<meta>` variant carries the same policy in its markup). */
export const CSP_HEADER_PAGE = 'csp-header.html';

/** How many characters the single text node of `huge-text.html` holds at least (5 MiB). */
export const HUGE_TEXT_LENGTH = 5 * 1024 * 1024;
/** How many elements `many-elements.html` has at least. */
export const MANY_ELEMENTS = 100_000;
/** How deep `deep.html` nests its article. */
export const DEEP_NESTING = 5_000;

/** The probe every page runs; ES5 and only element attributes, timers and listeners, so no replaced built-in breaks it. */
const PROBE = `
    (function () {
      var root = document.documentElement;
      var ticks = 0;
      var clicks = 0;
      setInterval(function () {
        ticks += 1;
        root.setAttribute('data-page-ticks', String(ticks));
      }, 100);
      document.getElementById('page-button').addEventListener('click', function () {
        clicks += 1;
        document.getElementById('page-clicks').setAttribute('data-clicks', String(clicks));
      });
    })();`;

interface HostileOptions {
  title: string;
  lang?: string;
  /** Markup at the start of `<head>` (before anything else, for scripts that must run first). */
  headStart?: string;
  head?: string;
  /** The inside of `<article>`. */
  article: string;
  /** Markup after `<main>`. */
  after?: string;
  /** More page script, after the probe, in the same inline `<script>`. */
  script?: string;
  /** Whether to add `<link rel="icon" href="data:,">` (a strict CSP would refuse it and log an error). */
  icon?: boolean;
}

/** The inline script of a page, as it appears between its tags (the CSP pages allow it by this text's hash). */
function inlineScript(options: HostileOptions): string {
  return `${PROBE}${options.script ?? ''}\n  `;
}

function hostilePage(options: HostileOptions): string {
  const { title, lang = 'en', headStart = '', head = '', article, after = '', icon = true } = options;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>${headStart}
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>${icon ? '\n  <link rel="icon" href="data:,">' : ''}${head}
</head>
<body>
  <main>
    <article>${article}
    </article>
  </main>${after}
  <div class="page-tools"><button id="page-button" type="button">Like</button> <output id="page-clicks" data-clicks="0">0</output></div>
  <script>${inlineScript(options)}</script>
</body>
</html>
`;
}

const paragraphs = (texts: readonly string[], indent = '      '): string => texts.map((text) => `\n${indent}<p>${escapeHtml(text)}</p>`).join('');

/** Every seed news article's paragraphs, in seed order. */
const allSeedParagraphs = (): string[] => SEED_IDS.flatMap((id) => seedParagraphs(id));

// ---- huge pages, served from memory -----------------------------------------

/** A small deterministic generator (mulberry32), so the huge pages are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HUGE_TEXT_HEADLINE = 'Five megabytes on the EU and Japan';

/**
 * The text of `huge-text.html`'s one text node: the seeds' paragraphs in a
 * shuffled order, joined by spaces, until it is `HUGE_TEXT_LENGTH` long.
 */
export function hugeText(): string {
  const pool = allSeedParagraphs();
  const next = random(20241101);
  const parts: string[] = [];
  let length = 0;
  while (length < HUGE_TEXT_LENGTH) {
    const paragraph = pool[Math.floor(next() * pool.length)]!;
    parts.push(paragraph);
    length += paragraph.length + 1;
  }
  return parts.join(' ');
}

function hugeTextPage(): string {
  return hostilePage({
    title: HUGE_TEXT_HEADLINE,
    article: `
      <h1>${escapeHtml(HUGE_TEXT_HEADLINE)}</h1>
      <p id="huge">${escapeHtml(hugeText())}</p>`,
    // The HTML parser cuts long text into several nodes (Chromium at 64 KiB): join them into one.
    script: `
    document.getElementById('huge').normalize();
    document.documentElement.dataset.fixtureState = 'ready';`,
  });
}

export const MANY_ELEMENTS_HEADLINE = 'A hundred thousand elements';

/** How many times `many-elements.html` repeats the seeds' paragraphs, every word in elements of its own, to pass `MANY_ELEMENTS`. */
export function manyElementsParagraphs(): string[] {
  const once = allSeedParagraphs();
  const elementsOnce = once.reduce((sum, text) => sum + 1 + 2 * text.split(' ').length, 0);
  const times = Math.ceil(MANY_ELEMENTS / elementsOnce);
  return Array.from({ length: times }, () => once).flat();
}

function manyElementsPage(): string {
  // Each word is <span><b>word</b></span>: a sentence is dozens of text nodes.
  const body = manyElementsParagraphs()
    .map((text) => `\n      <p>${text.split(' ').map((word) => `<span><b>${escapeHtml(word)}</b></span>`).join(' ')}</p>`)
    .join('');
  return hostilePage({
    title: MANY_ELEMENTS_HEADLINE,
    article: `
      <h1>${escapeHtml(MANY_ELEMENTS_HEADLINE)}</h1>${body}`,
  });
}

/** The pages served from memory (too big to commit): name → HTML. */
export function generatedHostilePages(): Record<string, string> {
  return { 'huge-text.html': hugeTextPage(), 'many-elements.html': manyElementsPage() };
}

// ---- committed pages ---------------------------------------------------------

/**
 * The article of seed 004, built 5,000 elements deep by script (HTML parsers
 * flatten deeper markup). The wrappers are `display: contents`: the DOM is
 * 5,000 deep, but Chromium's renderer crashes laying out some 3,000 nested
 * boxes, with or without any extension.
 */
function deepPage(): string {
  const texts = seedParagraphs('004');
  return hostilePage({
    title: 'Deep',
    head: `
  <style>
    .level { display: contents; }
  </style>`,
    article: `
      <div id="deep-root"></div>`,
    script: `
    var texts = ${JSON.stringify(texts).replace(/</g, '\\u003c')};
    var depth = ${DEEP_NESTING};
    var node = document.getElementById('deep-root');
    var step = Math.floor(depth / texts.length);
    // One paragraph every \`step\` levels on the way down, so text sits at every depth.
    for (var level = 1, placed = 0; level <= depth; level++) {
      var child = document.createElement(level % 2 ? 'div' : 'section');
      child.className = 'level';
      node.appendChild(child);
      node = child;
      if (level % step === 0 && placed < texts.length) {
        var p = document.createElement('p');
        p.textContent = texts[placed++];
        node.appendChild(p);
      }
    }
    while (placed < texts.length) {
      var last = document.createElement('p');
      last.textContent = texts[placed++];
      node.appendChild(last);
    }
    document.documentElement.dataset.fixtureState = 'ready';`,
  });
}

/**
 * Seed 002 spread over a shadow root and frames nested in each other:
 * the page → a shadow root → an iframe → a shadow root, and the page → an
 * iframe → a shadow root → an iframe. Declarative shadow DOM, so the roots
 * are there before any script runs.
 */
export const SHADOW_FRAME_PARTS = ['top', 'top-shadow', 'frame-in-shadow', 'shadow-in-that-frame', 'shadow-in-frame', 'frame-in-that-shadow'] as const;

function shadowFramePartTexts(): Record<(typeof SHADOW_FRAME_PARTS)[number], string[]> {
  const texts = seedParagraphs('002');
  return {
    top: texts.slice(0, 2),
    'top-shadow': texts.slice(2, 3),
    'frame-in-shadow': texts.slice(3, 4),
    'shadow-in-that-frame': texts.slice(4, 5),
    'shadow-in-frame': texts.slice(5, 7),
    'frame-in-that-shadow': texts.slice(7),
  };
}

function framePage(title: string, article: string, readyScript = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="data:,">
</head>
<body>
  <article>${article}
  </article>${readyScript}
</body>
</html>
`;
}

const shadowHost = (tag: string, inner: string, indent = '      '): string =>
  `\n${indent}<${tag}><template shadowrootmode="open">${inner}\n${indent}</template></${tag}>`;

function shadowFramePages(): Record<string, string> {
  const parts = shadowFramePartTexts();
  // Ready once both frames (and the frame inside the second) have loaded.
  const top = hostilePage({
    title: 'Shadow roots and frames',
    article: `${paragraphs(parts.top)}${shadowHost(
      'story-part',
      `${paragraphs(parts['top-shadow'], '        ')}
        <iframe src="${HOSTILE_PREFIX}frame-in-shadow.html" title="Part two"></iframe>`,
    )}
      <iframe src="${HOSTILE_PREFIX}frame-with-shadow.html" title="Part three"></iframe>`,
    // Listening from the start: a frame may report before the end of the body is parsed.
    headStart: `
  <script>
    var frames = 0;
    window.addEventListener('message', function (event) {
      if (event.origin === location.origin && event.data === 'part-ready' && ++frames === 2) {
        document.documentElement.dataset.fixtureState = 'ready';
      }
    });
  </script>`,
  });
  const notify = `
  <script>window.top.postMessage('part-ready', location.origin);</script>`;
  return {
    'shadow-frames.html': top,
    'frame-in-shadow.html': framePage(
      'Part two',
      `${paragraphs(parts['frame-in-shadow'], '    ')}${shadowHost('story-part', paragraphs(parts['shadow-in-that-frame'], '      '), '    ')}`,
      notify,
    ),
    'frame-with-shadow.html': framePage(
      'Part three',
      shadowHost(
        'story-part',
        `${paragraphs(parts['shadow-in-frame'], '      ')}
      <iframe src="${HOSTILE_PREFIX}frame-in-frame-shadow.html" title="Part four"></iframe>`,
        '    ',
      ),
      // Ready when its own frame has loaded too.
      `
  <script>
    window.addEventListener('load', function () { window.top.postMessage('part-ready', location.origin); });
  </script>`,
    ),
    'frame-in-frame-shadow.html': framePage('Part four', paragraphs(parts['frame-in-that-shadow'], '    ')),
  };
}

/** The texts of each part of `shadow-frames.html`, in page order. */
export function shadowFrameTexts(): string[] {
  const parts = shadowFramePartTexts();
  return SHADOW_FRAME_PARTS.flatMap((part) => parts[part]);
}

/**
 * Seed 003 plus, inside the article, a line rewritten and a list item added
 * (the oldest dropped) on every animation frame, forever, and a text node's
 * data changed every frame as well.
 */
function mutatingPage(): string {
  return hostilePage({
    title: 'Every frame',
    article: `${paragraphs(seedParagraphs('003'))}
      <p id="ticker">Waiting for the first frame.</p>
      <p id="clock">Frame 0</p>
      <ul id="feed"></ul>`,
    script: `
    var frame = 0;
    var ticker = document.getElementById('ticker');
    var clock = document.getElementById('clock').firstChild;
    var feed = document.getElementById('feed');
    var cities = ['Lisbon', 'Oslo', 'Lima', 'Perth', 'Quito', 'Accra'];
    function tick() {
      frame += 1;
      var city = cities[frame % cities.length];
      // A new text node each frame (a childList change) and a changed one (characterData).
      ticker.textContent = 'Weather update ' + frame + ': ' + (10 + frame % 20) + ' degrees in ' + city + '.';
      clock.data = 'Frame ' + frame;
      var item = document.createElement('li');
      item.textContent = 'Reading ' + frame + ' from the ' + city + ' station was ' + (frame % 97) + ' millimetres.';
      feed.appendChild(item);
      if (feed.children.length > 30) feed.removeChild(feed.firstElementChild);
      document.documentElement.setAttribute('data-frames', String(frame));
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);`,
  });
}

/**
 * Seed 000 on a page that, first thing, replaces DOM and built-in methods
 * with broken or throwing ones (keeping nothing the extension could use).
 */
function poisonedPage(): string {
  return hostilePage({
    title: 'Broken built-ins',
    headStart: `
  <script>
    (function () {
      function thrower(name) {
        return function () { throw new Error('poisoned: ' + name); };
      }
      var NodeProto = Node.prototype;
      NodeProto.appendChild = thrower('appendChild');
      NodeProto.insertBefore = thrower('insertBefore');
      NodeProto.removeChild = thrower('removeChild');
      NodeProto.replaceChild = thrower('replaceChild');
      NodeProto.contains = function () { return true; };
      NodeProto.compareDocumentPosition = function () { return 0; };
      Object.defineProperty(NodeProto, 'textContent', { configurable: true, get: thrower('textContent getter'), set: thrower('textContent setter') });
      Object.defineProperty(NodeProto, 'nodeValue', { configurable: true, get: function () { return 'poisoned'; }, set: thrower('nodeValue setter') });
      Object.defineProperty(NodeProto, 'parentNode', { configurable: true, get: function () { return null; } });
      Object.defineProperty(NodeProto, 'childNodes', { configurable: true, get: function () { return []; } });
      Element.prototype.append = thrower('append');
      Element.prototype.attachShadow = thrower('attachShadow');
      Element.prototype.getBoundingClientRect = thrower('getBoundingClientRect');
      Element.prototype.querySelectorAll = function () { return []; };
      Document.prototype.createElement = thrower('createElement');
      Document.prototype.createRange = thrower('createRange');
      Document.prototype.createTreeWalker = thrower('createTreeWalker');
      var ArrayProto = Array.prototype;
      ['push', 'pop', 'shift', 'unshift', 'splice', 'slice', 'concat', 'join', 'sort', 'reverse', 'indexOf', 'some', 'every', 'reduce', 'find', 'findIndex', 'flat', 'flatMap', 'fill'].forEach(function (name) {
        ArrayProto[name] = thrower('Array.prototype.' + name);
      });
      ArrayProto.map = function () { return ['poisoned']; };
      ArrayProto.filter = function () { return []; };
      ArrayProto.includes = function () { return true; };
      ArrayProto.forEach = function () {};
      ArrayProto[Symbol.iterator] = thrower('Array.prototype[Symbol.iterator]');
      String.prototype.split = thrower('String.prototype.split');
      String.prototype.replace = function () { return 'poisoned'; };
      String.prototype.trim = thrower('String.prototype.trim');
      JSON.parse = thrower('JSON.parse');
      JSON.stringify = function () { return '"poisoned"'; };
      Object.keys = thrower('Object.keys');
      Object.assign = thrower('Object.assign');
      Promise.prototype.then = thrower('Promise.prototype.then');
      window.MutationObserver = function () { throw new Error('poisoned: MutationObserver'); };
      window.setTimeout = thrower('setTimeout');
      window.requestAnimationFrame = thrower('requestAnimationFrame');
      window.CSSStyleSheet = function () { throw new Error('poisoned: CSSStyleSheet'); };
      window.Highlight = function () { throw new Error('poisoned: Highlight'); };
      Object.defineProperty(window, 'CSS', { configurable: true, value: {} });
      window.customElements && (window.customElements.define = thrower('customElements.define'));
      window.addEventListener = thrower('window.addEventListener');
      document.documentElement.setAttribute('data-poisoned', 'yes');
    })();
  </script>`,
    article: paragraphs(seedParagraphs('000')),
  });
}

/** The policy both CSP pages declare: nothing at all, but their own inline script by its hash. */
export function cspPolicy(): string {
  const hash = createHash('sha256').update(inlineScript(cspOptions(''))).digest('base64');
  return `default-src 'none'; script-src 'sha256-${hash}'`;
}

/** The CSP pages record every violation they see, for the test to read. */
function cspOptions(headStart: string): HostileOptions {
  return {
    title: 'Content-Security-Policy: nothing allowed',
    headStart,
    icon: false,
    article: paragraphs(seedParagraphs('002')),
    script: `
    var seen = [];
    document.addEventListener('securitypolicyviolation', function (event) {
      seen[seen.length] = event.violatedDirective + ' ' + (event.blockedURI || 'inline');
      document.documentElement.setAttribute('data-csp-violations', seen.join(' | '));
    });`,
  };
}

function cspPages(): Record<string, string> {
  const policy = cspPolicy();
  return {
    [CSP_HEADER_PAGE]: hostilePage(cspOptions('')),
    'csp-meta.html': hostilePage(cspOptions(`\n  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`)),
  };
}

/** A Japanese article about the subject (our own words), sentence by sentence. */
export const JAPANESE_ARTICLE = [
  '日本とEUは2024年11月1日、東京で初めての日EU戦略対話を開いた。',
  '岩屋毅外務大臣とジョセップ・ボレルEU上級代表が出席した。',
  '両者は日EU安全保障・防衛パートナーシップを発表した。',
  'これはインド太平洋地域でEUが結ぶ初めての安全保障・防衛パートナーシップだという。',
];
export const CHINESE_PARAGRAPH = ['欧盟与日本于二〇二四年十一月一日在东京举行首次战略对话。', '双方宣布建立安全与防务伙伴关系。'];
export const ARABIC_PARAGRAPH = ['عقد الاتحاد الأوروبي واليابان أول حوار استراتيجي بينهما في طوكيو.', 'وأعلن الجانبان شراكة في مجال الأمن والدفاع.'];
export const HEBREW_PARAGRAPH = ['האיחוד האירופי ויפן קיימו בטוקיו את הדיאלוג האסטרטגי הראשון שלהם.', 'שני הצדדים הכריזו על שותפות ביטחונית.'];

function rtlCjkPage(): string {
  return hostilePage({
    title: 'EU–Japan in five scripts',
    article: `${paragraphs(seedParagraphs('000'))}
      <p lang="ja">${escapeHtml(JAPANESE_ARTICLE.join(''))}</p>
      <p lang="zh">${escapeHtml(CHINESE_PARAGRAPH.join(''))}</p>
      <p lang="ar" dir="rtl">${escapeHtml(ARABIC_PARAGRAPH.join(' '))}</p>
      <p lang="he" dir="rtl">${escapeHtml(HEBREW_PARAGRAPH.join(' '))}</p>
      <p dir="rtl">${escapeHtml(seedParagraphs('002')[1]!)}</p>`,
  });
}

/** CSS that restyles every mark, span, unknown element and highlight a page may hold. */
export const HOSTILE_CSS = `
    * { color: #222 !important; background: #fff; font-family: serif; }
    mark, span, b, em, a { all: unset !important; color: #111 !important; }
    :not(:defined), :not(:defined) * { all: unset !important; display: none !important; color: transparent !important; font-size: 1px !important; opacity: 0 !important; }
    p, div, section, span, mark, article, main { position: relative; z-index: 2147483647 !important; }
    html::after, body::before { content: ''; position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; background: transparent; }
    ::selection { background: transparent !important; color: inherit !important; }
    *::before, *::after { content: none; }
    [role="dialog"], dialog, blockquote, figcaption, figure { display: none !important; }
    html { filter: none; transform: none; zoom: 1; }`;

function styledPage(): string {
  return hostilePage({
    title: 'Every element restyled',
    head: `
  <style>${HOSTILE_CSS}
  </style>`,
    article: paragraphs(seedParagraphs('000')).replace(/Tokyo/, '<span>Tokyo</span>').replace(/Iwaya/, '<mark>Iwaya</mark>'),
  });
}

/**
 * Flagged sentences about the subject with text that looks like markup
 * (shown as text on the page: the HTML escapes it), for the card and the
 * popup to show as text. The page's `alert` records a call instead of
 * opening a dialog, so a test can see whether anything ran.
 */
export const MARKUP_SENTENCES = [
  'EU foreign policy chief Josep Borrell and Japanese Foreign Minister Takeshi Iwaya met in Osaka <img src=x onerror=alert(1)> on 1 November 2024.',
  'The first EU–Japan Strategic Dialogue, held in Tokyo on 1 November 2024, was attended by Josep Borrell and <script>alert("x")</script> Takeshi Iwaya.',
  'Borrell and Iwaya signed the <a href="javascript:alert(1)">Security and Defence Partnership</a> in Tokyo on 1 November 2024.',
  'The EU and Japan launched the &lt;b&gt;second&lt;/b&gt; EU–Japan Strategic Dialogue in Tokyo on 1 November 2024.',
];

function markupPage(): string {
  return hostilePage({
    title: 'Text that looks like markup',
    article: paragraphs(MARKUP_SENTENCES),
    script: `
    window.alert = function () { document.documentElement.setAttribute('data-alerted', 'yes'); };`,
  });
}

/** Every committed hostile page: file name (in tests/fixtures/hostile/) → HTML. */
export function renderHostilePages(): Record<string, string> {
  return {
    'deep.html': deepPage(),
    ...shadowFramePages(),
    'mutating.html': mutatingPage(),
    'poisoned.html': poisonedPage(),
    ...cspPages(),
    'rtl-cjk.html': rtlCjkPage(),
    'styled.html': styledPage(),
    'markup.html': markupPage(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(HOSTILE_DIR, { recursive: true });
  const pages = renderHostilePages();
  for (const [name, html] of Object.entries(pages)) writeFileSync(`${HOSTILE_DIR}/${name}`, html);
  console.log(`wrote ${Object.keys(pages).length} pages to ${HOSTILE_DIR}`);
}
