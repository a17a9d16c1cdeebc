/**
 * What kind of element a reader is looking at: never article text (scripts,
 * form controls), hidden, site chrome, a block or inline. Shared by the text
 * reader (`readable-text.ts`) and the article locator (`article-locator.ts`).
 *
 * Standard DOM only; attributes and tag names, no layout and no globals.
 */

/**
 * Never text a reader reads as the article. MathML is read (a formula is
 * part of the sentence around it: "when a ≠ 0, ..."), all but its
 * annotations (the TeX or other source kept beside the formula in
 * `<semantics>`, which a browser does not show).
 */
export const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'ANNOTATION', 'ANNOTATION-XML',
  'NAV', 'ASIDE', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'LABEL', 'OPTION',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'DIALOG', 'HEAD', 'TITLE',
]);

/** Elements that start and end a paragraph; everything else flows inline. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * Roles of site chrome, and of things that are not articles at all: a web
 * app's own UI and its widgets (an editable text box, a grid of messages, a
 * list box, a tree), whose text a mark could break and is no article's.
 */
const CHROME_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'dialog', 'alertdialog', 'alert',
  'search', 'toolbar', 'application',
  'textbox', 'searchbox', 'combobox', 'listbox', 'option', 'grid', 'treegrid', 'tree', 'spinbutton', 'slider',
]);

/**
 * Words of a class or id that name something no article holds: comments,
 * share bars, related-article rails, ads, cookie and newsletter prompts. A
 * word counts only between word edges (letters on neither side), so
 * "commentary" or "shared-story" do not match; "comments" and "disqus" count
 * inside a longer name too (`fbcommentsmodule`).
 */
const FURNITURE_WORDS =
  /comments|disqus|(?:^|[^a-z])(?:comments?|commentlist|disqus|related[a-z]*|share|sharedaddy|legends|sharing|sharebar|social|cookies?|consent|gdpr|newsletter|subscribe|promo|sponsored|adverts?|advertisement|ads?|adslot|ad-slot|ad-container|outbrain|taboola|most-read|mostread|popular|trending|recommended|paywall)(?:[^a-z]|$)/;

/**
 * Words of a class or id that name page layout around an article: menus,
 * navigation, sidebars, footers. Sites use them loosely (`nav-no-loaded` on
 * `<body>`, `content-with-sidebar-wrp` around the article), so they remove an
 * element only when nothing else says it holds the article (see `isChrome`).
 */
const LAYOUT_WORDS = /(?:^|[^a-z])(?:menu|nav|navbar|navigation|breadcrumbs?|sidebar|footer|masthead|toolbar|pagination|pager)(?:[^a-z]|$)/;

/** Words that say an element holds the article: they outweigh a layout word in the same names. */
const ARTICLE_WORDS = /(?:^|[^a-z])(?:article|content|entry|main|post|story|body|text|blog|hentry|prose)(?:[^a-z]|$)/;

/**
 * A class token that describes a state or a variant of the page rather than
 * naming the element: `no-sidebar`, `no_sidebar_border`, `nav-no-loaded`,
 * `has-comments`, `content-with-sidebar-wrp`, `menu-type-dropdownmenu`.
 */
const MODIFIER_TOKEN = /^(?:no|not|has|with|without|hide|show|is|js)[-_]|[-_](?:no|not|with|without|has|type|open|closed|loaded|active|enabled|disabled)(?:[-_]|$)/;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Header and footer are the page's masthead and colophon unless a sectioning element holds them (HTML's implicit banner/contentinfo rule). */
const SECTIONING = 'article, aside, main, nav, section, [role="main"], [role="article"]';

/** Elements a class or id never takes out: the page itself and what says it is the article. */
const NEVER_CHROME_BY_NAME = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

export function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** The class and id of `el` as words to match, lower-cased, without modifier tokens (see `MODIFIER_TOKEN`). */
export function namesOf(el: Element): string {
  const raw = rawNamesOf(el);
  if (raw === '') return '';
  return withoutModifiers(raw);
}

/** The class and id of `el`, lower-cased, as they are. */
function rawNamesOf(el: Element): string {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return '';
  return `${cls ?? ''} ${id ?? ''}`.toLowerCase();
}

function withoutModifiers(raw: string): string {
  return raw
    .split(/\s+/)
    .filter((t) => t.length > 0 && !MODIFIER_TOKEN.test(t))
    .join(' ');
}

/** Whether names may say anything (a word of the lists anywhere in them), before they are taken apart: most class lists say nothing. */
function mayName(raw: string): boolean {
  return FURNITURE_WORDS.test(raw) || LAYOUT_WORDS.test(raw) || ARTICLE_WORDS.test(raw);
}

/** Whether the names of `el` say it holds the article (`article-body`, `entry-content`, `itemprop=articleBody`). */
export function namedAsArticle(el: Element): boolean {
  if (el.getAttribute('itemprop') === 'articleBody') return true;
  const names = namesOf(el);
  return names.length > 0 && ARTICLE_WORDS.test(names);
}

function isChrome(el: Element, tag: string): boolean {
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  if ((tag === 'HEADER' || tag === 'FOOTER') && !el.parentElement?.closest(SECTIONING)) return true;
  if (NEVER_CHROME_BY_NAME.has(tag) || el.getAttribute('itemprop') === 'articleBody') return false;
  const raw = rawNamesOf(el);
  // Removing modifier tokens only ever removes words, so names that match no list as they are match none after.
  if (raw === '' || !(FURNITURE_WORDS.test(raw) || LAYOUT_WORDS.test(raw))) return false;
  const names = withoutModifiers(raw);
  if (FURNITURE_WORDS.test(names)) return !ARTICLE_CONTAINER_WORDS.test(names);
  if (LAYOUT_WORDS.test(names)) return !ARTICLE_WORDS.test(names) && !looksLikeProse(el);
  return false;
}

/** Names that mark the article's own container even beside a furniture word (`article-body has-comments` is already dropped as a modifier; `post-content share-enabled` is not). */
const ARTICLE_CONTAINER_WORDS = /(?:^|[^a-z])(?:article-?body|article-?content|entry-content|post-?body|post-content|story-?body|story-content)(?:[^a-z]|$)/;

/** How many nodes `looksLikeProse` looks at before it decides on what it has seen. */
const PROSE_BUDGET = 2000;

/**
 * Whether `el` holds running prose: at least 400 characters of text, under a
 * third of it in links. A block named like layout that holds the article's
 * paragraphs is the article's wrapper, not a menu.
 */
function looksLikeProse(el: Element): boolean {
  let text = 0;
  let linked = 0;
  let seen = 0;
  const stack: [Node, boolean][] = [[el, false]];
  while (stack.length > 0 && seen++ < PROSE_BUDGET) {
    const [node, inLink] = stack.pop()!;
    if (node.nodeType === 3) {
      const n = (node as Text).data.trim().length;
      text += n;
      if (inLink) linked += n;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const tag = tagOf(child);
    if (child !== el && (SKIPPED_TAGS.has(tag) || isHidden(child))) continue;
    const link = inLink || tag === 'A';
    for (let c = child.lastChild; c; c = c.previousSibling) stack.push([c, link]);
  }
  return text >= 400 && linked < text / 3;
}

/**
 * Whether `el` and everything under it is left out of the article text
 * (scripts, site chrome, asides, form controls, hidden elements). A same-origin
 * frame is not skipped by its tag when `readFrames`.
 */
export function isSkippedElement(el: Element, readFrames = false): boolean {
  const tag = tagOf(el);
  if (readFrames && tag === 'IFRAME') return isHidden(el) || isChrome(el, tag);
  return SKIPPED_TAGS.has(tag) || isHidden(el) || isChrome(el, tag);
}

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/**
 * What the names of `el` say about it as the article's container: +25 when
 * they name the article (`entry-content`), -25 when they name furniture or
 * layout (`sidebar`, `related`), both when they say both.
 */
export function nameWeight(el: Element): number {
  if (el.getAttribute('itemprop') === 'articleBody') return 25;
  const raw = rawNamesOf(el);
  if (raw === '' || !mayName(raw)) return 0;
  const names = withoutModifiers(raw);
  let weight = 0;
  if (ARTICLE_WORDS.test(names)) weight += 25;
  if (FURNITURE_WORDS.test(names) || LAYOUT_WORDS.test(names)) weight -= 25;
  return weight;
}
