/**
 * The article text a reader sees on a page, with a map from each piece of it
 * back to the DOM text node it came from.
 *
 * Standard DOM only (TreeWalker, attributes; everything reached through
 * `root.ownerDocument`), so the content script runs it on the live page and the
 * CLI runs it on happy-dom. No layout is available in the CLI, so "hidden"
 * means what the markup says (`hidden`, `aria-hidden`, inline `display:none`),
 * not computed style.
 */

/** A run of `text` copied from one text node: `text.slice(start, end)` is `node.data.slice(nodeStart, nodeStart + (end - start))` with each whitespace character read as a space. */
export interface TextSegment {
  node: Text;
  /** Offset in `ReadableText.text` of the run's first character. */
  start: number;
  /** Offset in `ReadableText.text` just past the run. */
  end: number;
  /** Offset in `node.data` of the run's first character. */
  nodeStart: number;
}

export interface ReadableText {
  /** Paragraphs separated by `\n`; whitespace inside a paragraph collapsed to single spaces, as a browser renders it. */
  text: string;
  /** In text order, not overlapping. Characters not covered belong to no node: paragraph breaks, and the quotation marks a browser draws around `<q>`. */
  segments: TextSegment[];
  /** The element the text was read from: the page's main region or article, else the root passed in. */
  scope: Node;
}

// Numeric constants instead of the `Node`/`NodeFilter` globals, which do not
// exist in Node.js where the CLI runs this on happy-dom.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/** Never text a reader reads as the article. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'SVG', 'MATH',
  'NAV', 'ASIDE', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'LABEL', 'OPTION',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'DIALOG', 'HEAD', 'TITLE',
]);

/** Elements that start and end a paragraph; everything else flows inline. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'OL', 'P', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'dialog', 'alert']);

// Whole words of a class or id that name site chrome. Word edges keep
// "commentary" or "canvas" from matching "comment" or "nav".
const CHROME_NAME =
  /(?:^|[^a-z])(?:menu|nav|navbar|navigation|breadcrumbs?|share|sharing|social|comments?|related|footer|cookies?|consent|adverts?|advertisement|ads?|adslot|ad-slot|newsletter|sidebar|masthead)(?:[^a-z]|$)/;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Header and footer are the page's masthead and colophon unless a sectioning element holds them (HTML's implicit banner/contentinfo rule). */
const SECTIONING = 'article, aside, main, nav, section, [role="main"], [role="article"]';

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

function isChrome(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const tag = el.tagName.toUpperCase();
  if ((tag === 'HEADER' || tag === 'FOOTER') && !el.parentElement?.closest(SECTIONING)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase();
  return CHROME_NAME.test(names);
}

function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName.toUpperCase()) || isHidden(el) || isChrome(el);
}

/**
 * Where the article is: the first main region, else the longest article, else
 * `root`. Main comes first because sites often put the headline beside the
 * <article> rather than in it.
 */
function findArticleScope(root: Node): Node {
  if (root.nodeType !== ELEMENT_NODE && root.nodeType !== DOCUMENT_NODE) return root;
  const container = root as ParentNode;
  const main = [...container.querySelectorAll('main, [role="main"]')].find((el) => !isHidden(el));
  if (main) return main;
  let best: Element | undefined;
  let bestLength = 0;
  for (const article of container.querySelectorAll('article')) {
    if (isHidden(article) || article.parentElement?.closest('article')) continue;
    const length = article.textContent?.length ?? 0;
    if (length > bestLength) {
      best = article;
      bestLength = length;
    }
  }
  return best ?? root;
}

/** Builds `text` and `segments` while collapsing whitespace the way CSS `white-space: normal` does. */
class TextBuilder {
  text = '';
  readonly segments: TextSegment[] = [];
  /** A collapsed whitespace run seen since the last word, to be written as one space before the next word of the same paragraph. */
  private pendingSpace: { node: Text; offset: number } | null = null;

  /** Ends the current paragraph: the next text starts on a new line. */
  breakParagraph(): void {
    this.pendingSpace = null;
    if (this.text.length > 0 && !this.text.endsWith('\n')) this.text += '\n';
  }

  /** Text the browser draws that is in no text node (the quotation marks around `<q>`). */
  addGenerated(piece: string): void {
    this.flushSpace();
    this.text += piece;
  }

  addTextNode(node: Text): void {
    const data = node.data;
    const words = /[^\t\n\f\r ]+/g;
    let last = 0;
    for (let match = words.exec(data); match; match = words.exec(data)) {
      if (match.index > last) this.pendingSpace = { node, offset: last };
      this.flushSpace();
      this.append(node, match.index, match[0]);
      last = match.index + match[0].length;
    }
    if (last < data.length) this.pendingSpace ??= { node, offset: last };
  }

  private flushSpace(): void {
    if (!this.pendingSpace) return;
    if (this.text.length > 0 && !this.text.endsWith('\n')) this.append(this.pendingSpace.node, this.pendingSpace.offset, ' ');
    this.pendingSpace = null;
  }

  private append(node: Text, nodeStart: number, piece: string): void {
    const start = this.text.length;
    this.text += piece;
    const previous = this.segments[this.segments.length - 1];
    if (previous && previous.node === node && previous.end === start && previous.nodeStart + (start - previous.start) === nodeStart) {
      previous.end = this.text.length;
    } else {
      this.segments.push({ node, start, end: this.text.length, nodeStart });
    }
  }
}

/**
 * The text of the article under `root` as a reader sees it, skipping scripts,
 * site chrome (navigation, masthead, share bars, comments, related links,
 * cookie banners, ads), asides, form controls and hidden elements.
 *
 * Block elements end a paragraph (`\n` in `text`), so a headline never runs
 * into the paragraph below it; inline elements (links, emphasis) do not, so a
 * sentence split across a link stays one sentence. One pass over the tree.
 */
export function readableText(root: Node): ReadableText {
  const scope = findArticleScope(root);
  const builder = new TextBuilder();
  const doc = scope.nodeType === DOCUMENT_NODE ? (scope as Document) : scope.ownerDocument;
  if (!doc) return { text: '', segments: [], scope };

  const walker = doc.createTreeWalker(scope, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === ELEMENT_NODE && isSkipped(node as Element) ? FILTER_REJECT : FILTER_ACCEPT,
  });

  // Browsers draw quotation marks around <q>, alternating double and single when nested.
  let quoteDepth = 0;
  const enter = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) builder.addTextNode(node as Text);
    else if (isBlock(node)) builder.breakParagraph();
    else if (isQuote(node)) builder.addGenerated(quoteDepth++ % 2 === 0 ? '“' : '‘');
  };
  const leave = (node: Node): void => {
    if (node.nodeType !== ELEMENT_NODE) return;
    if (isBlock(node)) builder.breakParagraph();
    else if (isQuote(node)) builder.addGenerated(--quoteDepth % 2 === 0 ? '”' : '’');
  };

  // Depth-first, with a `leave` for every element, so blocks close paragraphs.
  let node = walker.firstChild();
  while (node) {
    enter(node);
    if (walker.firstChild()) {
      node = walker.currentNode;
      continue;
    }
    leave(node);
    while (!walker.nextSibling()) {
      const parent = walker.parentNode();
      if (!parent || parent === scope) {
        node = null;
        break;
      }
      leave(parent);
    }
    if (node) node = walker.currentNode;
  }

  return { text: builder.text.replace(/\n$/, ''), segments: builder.segments, scope };
}

function isBlock(node: Node): boolean {
  return BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

function isQuote(node: Node): boolean {
  return (node as Element).tagName.toUpperCase() === 'Q';
}
