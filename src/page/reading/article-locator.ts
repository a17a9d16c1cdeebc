/**
 * Where the article is on a page: the container a reader of the page would
 * call "the article", found by scoring containers the way Firefox's Reader
 * View does (each paragraph of prose adds to its parent and, less, to its
 * further ancestors; a container's score is discounted by how much of its
 * text is links; names like `entry-content` or `sidebar` weigh in), then
 * keeping the siblings of the best container that read as part of the same
 * article.
 *
 * It only reads the page: no clone, no change, one walk over the elements
 * that are not skipped, which can be done in steps (`step(stop)`) so that a
 * long page never holds the main thread for long.
 *
 * Standard DOM only, like the reader.
 */
import { isHidden, isSkippedElement, nameWeight, namedAsArticle, tagOf, BLOCK_TAGS } from './element-kind';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;

/** Where to read. */
export interface ArticleLocation {
  /** The article's container, or the nearest element holding all of `parts`; the root when no article was found. */
  scope: Node;
  /** The nodes to read, in page order, when not the whole of `scope`: the article's container with the sibling sections and paragraphs kept with it (none when the page is no article to read at all). */
  parts: Node[] | null;
  /** The walk's record of the page, for reading the article without walking it again (see `WalkOrder`). */
  order: WalkOrder;
}

/**
 * The nodes the locator's walk visited, in page order: every element it did
 * not skip and every text node (whitespace too), with, for each, where its
 * subtree ends in `nodes` (`ends[i]`: one past its last descendant). The
 * reader replays it for the article instead of walking the page again.
 */
export interface WalkOrder {
  nodes: Node[];
  ends: number[];
}

/** An element the walk is inside, with what it has counted so far. */
interface Open {
  el: Element;
  tag: string;
  /** The next child to visit. */
  cursor: Node | null;
  inLink: boolean;
  /** Characters of text (whitespace runs counted once) under it, and of those in links. */
  text: number;
  link: number;
  /** The same, for its text outside any block descendant: its own paragraph text. */
  inlineText: number;
  inlineLink: number;
  inlineCommas: number;
  /** Its entry among the candidates, once a paragraph below it has scored. */
  candidate: Candidate | undefined;
  /** Its index in the walk's order. */
  at: number;
}

interface Candidate {
  el: Element;
  /** Score from the paragraphs below it, before the link discount. */
  score: number;
  text: number;
  link: number;
}

/** Blocks whose own text is a paragraph that scores for its ancestors. */
const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'TD', 'BLOCKQUOTE', 'DD', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'CENTER', 'FONT']);
/** Shorter text than this is not a paragraph (a label, a date, a button). */
const MIN_PARAGRAPH = 25;
/** A best container scoring less than this is no article (a form, a list of links, a few words): the reader falls back to `main`, an `<article>`, or the root. */
const MIN_ARTICLE_SCORE = 20;
/** A container with less text than this is no article, whatever its names say (a headline block named `article-top`). */
const MIN_ARTICLE_TEXT = 200;
/** A page with no article and at least this many headings that are links (at least half of its headings) is a list of teasers or results, read as nothing. */
const MIN_LISTING_HEADINGS = 3;
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** How many levels up a paragraph's score reaches. */
const ANCESTOR_LEVELS = 5;
/** How many nodes are visited between two questions whether to stop. */
const NODES_PER_CHECK = 256;

const COMMA_CHARS = [',', '،', '、', '，'];

function tagWeight(tag: string): number {
  switch (tag) {
    case 'DIV':
    case 'ARTICLE':
      return 5;
    case 'PRE':
    case 'TD':
    case 'BLOCKQUOTE':
      return 3;
    case 'ADDRESS':
    case 'OL':
    case 'UL':
    case 'DL':
    case 'DD':
    case 'DT':
    case 'LI':
    case 'FORM':
      return -3;
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
    case 'TH':
      return -5;
    default:
      return 0;
  }
}

const NON_SPACE = /\S/;

/**
 * How much text a text node holds: its length, or 0 when it is only
 * whitespace (the indentation between tags). Whitespace inside text is
 * counted as it is: measuring every character of every node cost more than
 * it changed a score.
 */
function textLength(data: string): number {
  return NON_SPACE.test(data) ? data.length : 0;
}

/** Commas of Latin, Arabic and CJK text (each a sign of a clause of prose), found by the engine's native search. */
function countCommas(data: string): number {
  let n = 0;
  for (const comma of COMMA_CHARS) {
    for (let at = data.indexOf(comma); at !== -1; at = data.indexOf(comma, at + 1)) n++;
  }
  return n;
}

/** The locator's walk, in steps; see the module comment. */
export class ArticleLocator {
  private readonly open: Open[] = [];
  private readonly candidates = new Map<Element, Candidate>();
  private location: ArticleLocation | undefined;
  private readonly start: Element | null;
  private readonly order: WalkOrder = { nodes: [], ends: [] };
  /** Headings read on the way, and those of them that are mostly a link (a teaser's, a search result's). */
  private headings = 0;
  private linkedHeadings = 0;

  constructor(
    private readonly root: Node,
    private readonly readFrames = false,
  ) {
    this.start =
      root.nodeType === DOCUMENT_NODE
        ? ((root as Document).body ?? (root as Document).documentElement)
        : root.nodeType === ELEMENT_NODE
          ? (root as Element)
          : null;
    if (!this.start) return;
    // A page whose body is an app, an editor (also one made so by `designMode`) or hidden is no article: nothing is read.
    if (root.nodeType === DOCUMENT_NODE && (isSkippedElement(this.start, readFrames) || (root as Document).designMode === 'on')) {
      this.location = { scope: this.start, parts: [], order: this.order };
      return;
    }
    this.open.push(this.openRecord(this.start, false));
  }

  /** Walk on until `stop()` says so or the walk is done; returns whether it is done. */
  step(stop: () => boolean = () => false): boolean {
    if (this.location) return true;
    const open = this.open;
    let visited = 0;
    while (open.length > 0) {
      if (++visited % NODES_PER_CHECK === 0 && stop()) return false;
      const top = open[open.length - 1]!;
      const node = top.cursor;
      if (!node) {
        this.close(open.pop()!);
        continue;
      }
      top.cursor = node.nextSibling;
      if (node.nodeType === TEXT_NODE) {
        const order = this.order;
        order.ends.push(order.nodes.push(node));
        const data = (node as Text).data;
        const length = textLength(data);
        if (length === 0) continue;
        top.text += length;
        top.inlineText += length;
        top.inlineCommas += countCommas(data);
        if (top.inLink) {
          top.link += length;
          top.inlineLink += length;
        }
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        if (isSkippedElement(el, this.readFrames)) continue;
        open.push(this.openRecord(el, top.inLink));
      }
    }
    this.location = this.decide();
    return true;
  }

  /** Where the article is (walks the rest of the page first if `step` has not finished). */
  result(): ArticleLocation {
    this.step();
    return this.location!;
  }

  private openRecord(el: Element, inLink: boolean): Open {
    const tag = tagOf(el);
    const at = this.order.nodes.push(el) - 1;
    this.order.ends.push(at + 1);
    return { el, tag, cursor: el.firstChild, inLink: inLink || tag === 'A', text: 0, link: 0, inlineText: 0, inlineLink: 0, inlineCommas: 0, candidate: undefined, at };
  }

  private candidate(record: Open): Candidate {
    let c = record.candidate;
    if (!c) {
      c = { el: record.el, score: tagWeight(record.tag) + nameWeight(record.el), text: 0, link: 0 };
      record.candidate = c;
      this.candidates.set(record.el, c);
    }
    return c;
  }

  /** An element's walk is over: score it as a paragraph if it is one, and hand its counts to its parent. */
  private close(record: Open): void {
    const { open } = this;
    this.order.ends[record.at] = this.order.nodes.length;
    const parent = open[open.length - 1];
    if (HEADING_TAGS.has(record.tag) && record.text > 0) {
      this.headings++;
      if (record.link * 2 >= record.text) this.linkedHeadings++;
    }
    const own = record.candidate;
    if (own) {
      own.text = record.text;
      own.link = record.link;
    }
    if (PARAGRAPH_TAGS.has(record.tag) && record.inlineText >= MIN_PARAGRAPH && record.inlineLink * 2 < record.inlineText) {
      const score = 1 + record.inlineCommas + Math.min(Math.floor(record.inlineText / 100), 3);
      for (let level = 0; level < ANCESTOR_LEVELS; level++) {
        const ancestor = open[open.length - 1 - level];
        if (!ancestor) break;
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        this.candidate(ancestor).score += score / divider;
      }
    }
    if (!parent) return;
    parent.text += record.text;
    parent.link += record.link;
    if (!BLOCK_TAGS.has(record.tag)) {
      parent.inlineText += record.inlineText;
      parent.inlineLink += record.inlineLink;
      parent.inlineCommas += record.inlineCommas;
    }
  }

  private finalScore(c: Candidate): number {
    return c.text > 0 ? c.score * (1 - c.link / c.text) : c.score;
  }

  private decide(): ArticleLocation {
    const root = this.root;
    const order = this.order;
    if (!this.start) return { scope: root, parts: null, order };
    const ranked = [...this.candidates.values()]
      .map((c) => ({ c, score: this.finalScore(c) }))
      .sort((a, b) => b.score - a.score);
    const bestAt = ranked.findIndex((r) => r.c.text >= MIN_ARTICLE_TEXT);
    const best = ranked[bestAt];
    if (!best || best.score < MIN_ARTICLE_SCORE) {
      // A list of teasers or results (a home page, a section front, search results) is no article: nothing is read.
      if (this.linkedHeadings >= MIN_LISTING_HEADINGS && this.linkedHeadings * 2 >= this.headings) return { scope: this.start, parts: [], order };
      return { scope: fallbackScope(root), parts: null, order };
    }

    let top = best.c.el;
    let topScore = best.score;

    // Several containers scoring close to the best, under one ancestor: the
    // article is split into sections, and that ancestor holds it all.
    const close = ranked.slice(0, 5).filter((r) => r !== best).filter((r) => r.score >= topScore * 0.75 && !top.contains(r.c.el) && !r.c.el.contains(top));
    if (close.length >= 3) {
      for (let up = top.parentElement; up && up !== this.start.parentElement; up = up.parentElement) {
        if (close.filter((r) => up!.contains(r.c.el)).length >= 3) {
          top = up;
          topScore = Math.max(topScore, this.scoreOf(up));
          break;
        }
      }
    }

    // A parent that scores about as well holds more of the same article.
    let last = topScore;
    for (let up = top.parentElement; up && up !== this.start && up.parentElement; up = up.parentElement) {
      const c = this.candidates.get(up);
      if (!c) continue;
      const s = this.finalScore(c);
      if (s < topScore / 3) break;
      if (s > last) {
        top = up;
        topScore = s;
        break;
      }
      last = s;
    }

    // Containers like the best one (same tag, a class in common) elsewhere
    // in the page are more sections of the same article (a body split
    // around a figure or an ad): read from their nearest common ancestor.
    const alike = this.alikeElsewhere(top, topScore);
    if (alike.length > 0) {
      const ancestor = commonAncestor([top, ...alike]);
      if (ancestor.nodeType === ELEMENT_NODE && ancestor !== this.start.parentNode) {
        top = ancestor as Element;
        topScore = Math.max(topScore, this.scoreOf(top));
      }
    }

    // A lone child is its parent, for what sits beside it.
    while (top !== this.start && top.parentElement && top.parentElement !== this.start && top.parentElement.childElementCount === 1) {
      top = top.parentElement;
    }

    const parts: Node[] = top === this.start ? [top] : this.withSiblings(top, topScore);
    // The headline, when the article's container does not hold it (Reader View reads the title apart from the body).
    const headline = top === this.start ? null : headlineBefore(parts as Element[], this.start, this.readFrames);
    if (headline) parts.unshift(headline);
    if (parts.length === 1) return { scope: parts[0]!, parts: null, order: this.order };
    return { scope: commonAncestor(parts), parts, order: this.order };
  }

  private scoreOf(el: Element): number {
    const c = this.candidates.get(el);
    return c ? this.finalScore(c) : 0;
  }

  /** Candidates outside `top` of its tag, with a class of its in common, scoring at least a fifth of it (and 10). */
  private alikeElsewhere(top: Element, topScore: number): Element[] {
    const classes = (top.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    if (classes.length === 0) return [];
    const tag = tagOf(top);
    const threshold = Math.max(10, topScore * 0.2);
    const found: Element[] = [];
    for (const c of this.candidates.values()) {
      if (c.el === top || top.contains(c.el) || c.el.contains(top) || tagOf(c.el) !== tag) continue;
      if (this.finalScore(c) < threshold) continue;
      const own = (c.el.getAttribute('class') ?? '').split(/\s+/);
      if (own.some((k) => classes.includes(k))) found.push(c.el);
    }
    return found;
  }

  /** `top` and those of its siblings that read as more of the same article, in page order. */
  private withSiblings(top: Element, topScore: number): Element[] {
    const parent = top.parentElement;
    if (!parent) return [top];
    const threshold = Math.max(10, topScore * 0.2);
    const topClasses = new Set((top.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
    const topTag = tagOf(top);
    const parts: Element[] = [];
    for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
      if (sibling === top) {
        parts.push(sibling);
        continue;
      }
      if (isSkippedElement(sibling, this.readFrames)) continue;
      // A sibling of the same kind (same tag, a class in common) is likely the next section of the article.
      const alike = tagOf(sibling) === topTag && (sibling.getAttribute('class') ?? '').split(/\s+/).some((c) => topClasses.has(c));
      const bonus = alike ? topScore * 0.2 : 0;
      const c = this.candidates.get(sibling);
      if (c && this.finalScore(c) + bonus >= threshold) {
        parts.push(sibling);
        continue;
      }
      const tag = tagOf(sibling);
      if (tag === 'P' || (PARAGRAPH_TAGS.has(tag) && !hasBlockChild(sibling))) {
        const { text, linkDensity } = measure(sibling);
        if (text.length > 80 && linkDensity < 0.25) parts.push(sibling);
        else if (text.length > 0 && text.length <= 80 && linkDensity === 0 && /\.( |$)/.test(text)) parts.push(sibling);
      }
    }
    return parts;
  }

}

/** Headings that may be the article's headline. */
const HEADLINE_SELECTOR = 'h1, h2';
/** How much readable text may lie between a headline and the article's container (a standfirst, a byline, a date, a caption). */
const MAX_HEADLINE_GAP = 600;
/** How many nodes the look between a headline and the container visits at most. */
const MAX_HEADLINE_GAP_NODES = 1500;
/** How much of the longer of a heading and the page's title their shared words must be for the heading to be the headline. */
const TITLE_MATCH = 0.5;

/** Words of a title, lower-cased; each character of scripts written without spaces is a word. */
function titleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]|[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** The share of the longer of `a` and `b` that their shared words make (as multisets). */
function titleSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of a) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return shared / Math.max(a.length, b.length);
}

/** What the page says its title is: `og:title`, `twitter:title`, `<title>`. */
function pageTitles(doc: Document): string[][] {
  const titles: string[] = [];
  for (const meta of doc.querySelectorAll('meta[property="og:title"], meta[name="og:title"], meta[name="twitter:title"], meta[property="twitter:title"]')) {
    const content = meta.getAttribute('content');
    if (content) titles.push(content);
  }
  // Whole: a part of it (`Headline | Site`) may be the site's name, which is often an <h1> of the masthead too.
  const title = doc.querySelector('title')?.textContent ?? '';
  if (title.trim()) titles.push(title);
  return titles.map(titleWords).filter((w) => w.length > 0);
}

/** Whether `el` or an element above it (up to its document) is hidden or is an app, a form control, an editor: never read as a headline. */
function hiddenOrInert(el: Element): boolean {
  for (let up: Element | null = el; up; up = up.parentElement) {
    if (isHidden(up)) return true;
    const tag = tagOf(up);
    if (tag === 'TEMPLATE' || tag === 'DIALOG' || tag === 'BUTTON' || tag === 'A' || up.getAttribute('role') === 'application') return true;
  }
  return false;
}

/**
 * How much readable text lies after `from` (its own subtree left out) and
 * before `to` in page order, counted up to `limit` (more is `Infinity`);
 * skipped elements (navigation, share bars, scripts) count nothing.
 */
function textBetween(from: Element, to: Node, readFrames: boolean, limit: number): number {
  let text = 0;
  let visited = 0;
  let node: Node | null = from;
  // The next node in page order after `node`'s subtree.
  const after = (n: Node): Node | null => {
    for (let up: Node | null = n; up; up = up.parentNode) if (up.nextSibling) return up.nextSibling;
    return null;
  };
  node = after(from);
  while (node && node !== to) {
    if (++visited > MAX_HEADLINE_GAP_NODES) return Infinity;
    if (node.contains(to)) {
      node = node.firstChild;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      text += (node as Text).data.trim().length;
      if (text > limit) return Infinity;
    } else if (node.nodeType === ELEMENT_NODE && !isSkippedElement(node as Element, readFrames) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = after(node);
  }
  return node === to ? text : Infinity;
}

/**
 * The article's headline when the container (`parts`, the nodes to read)
 * holds no `<h1>` and no heading like the title: the nearest `<h1>` or `<h2>` before it whose words are
 * mostly the page's title (`og:title`, `<title>`), with little readable text
 * between the two (a standfirst, a byline). A heading in the page's masthead
 * counts (headlines often sit in a `<header>` outside the article's
 * container); a site's name in an `<h1>` does not match the title. `null`
 * when there is none.
 */
function headlineBefore(parts: readonly Element[], start: Element, readFrames: boolean): Element | null {
  const first = parts[0]!;
  const doc = first.ownerDocument;
  if (!doc) return null;
  const titles = pageTitles(doc);
  if (titles.length === 0) return null;
  const isTitle = (heading: Element): boolean => {
    const words = titleWords(heading.textContent ?? '');
    return words.length > 0 && titles.some((t) => titleSimilarity(words, t) >= TITLE_MATCH);
  };
  // The article holds its headline already.
  for (const part of parts) {
    if (part.querySelector('h1')) return null;
    for (const heading of part.querySelectorAll('h2')) if (isTitle(heading)) return null;
  }
  const FOLLOWING = 4;
  let found: Element | null = null;
  for (const heading of start.querySelectorAll(HEADLINE_SELECTOR)) {
    // Only headings before the container, not inside it.
    if (!(heading.compareDocumentPosition(first) & FOLLOWING) || heading.contains(first)) break;
    if (!isTitle(heading) || hiddenOrInert(heading)) continue;
    found = heading;
  }
  if (!found || textBetween(found, first, readFrames, MAX_HEADLINE_GAP) === Infinity) return null;
  return found;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCK_TAGS.has(tagOf(c))) return true;
  return false;
}

function measure(el: Element): { text: string; linkDensity: number } {
  const text = normalise(el.textContent ?? '');
  if (text.length === 0) return { text, linkDensity: 0 };
  let link = 0;
  for (const a of el.querySelectorAll('a')) link += normalise(a.textContent ?? '').length;
  return { text, linkDensity: link / text.length };
}

function commonAncestor(nodes: readonly Node[]): Node {
  let ancestor: Node | null = nodes[0]!;
  while (ancestor && !nodes.every((n) => ancestor!.contains(n))) ancestor = ancestor.parentNode;
  return ancestor ?? nodes[0]!;
}

/**
 * Where to read when no container scores as an article: the first main
 * region, else the longest `<article>`, else an element named as the article
 * body, else `root`.
 */
export function fallbackScope(root: Node): Node {
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
  if (best) return best;
  const named = [...container.querySelectorAll('[itemprop="articleBody"]')].find((el) => !isHidden(el) && namedAsArticle(el));
  return named ?? root;
}

/** Where the article under `root` is, in one go. */
export function locateArticle(root: Node, readFrames = false): ArticleLocation {
  return new ArticleLocator(root, readFrames).result();
}
