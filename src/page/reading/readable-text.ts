/**
 * The article text a reader sees on a page, with a map from each piece of it
 * back to the DOM text node it came from.
 *
 * Standard DOM only (child lists, attributes; nothing global), so the
 * content script runs it on the live page and the
 * CLI runs it on happy-dom. No layout is available in the CLI, so "hidden"
 * means what the markup says (`hidden`, `aria-hidden`, inline `display:none`),
 * not computed style.
 *
 * Where the article is comes first (`article-locator.ts`: containers scored
 * by their paragraphs, as Firefox's Reader View does); what is skipped inside
 * it is `element-kind.ts`'s to say. The locator's walk records the nodes it
 * visits (`WalkOrder`), and the article is read from that record, not by
 * walking the page a second time; only shadow hosts, slots and frames, and
 * what the walk did not reach (a headline in the masthead), are read from the
 * page itself.
 */
import { ArticleLocator, locateArticle, type WalkOrder } from './article-locator';
import { BLOCK_TAGS, isSkippedElement } from './element-kind';

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
  /** The element the text was read from: the article's container (or the nearest element holding its parts: the container and the sibling sections and paragraphs kept with it), else `main`, the longest `<article>` or the root passed in. */
  scope: Node;
  /**
   * The open shadow roots and same-origin frame documents the reader entered
   * (see `ReadOptions`), in the order it entered them; empty when none. Whoever
   * watches the page for changes must watch these too: a document's observers
   * see neither.
   */
  subtrees: (ShadowRoot | Document)[];
  /**
   * The page is no article at all (a web app, an editor, a list of teasers or
   * search results): nothing was read, and text the page adds later is no
   * article text either.
   */
  noArticle: boolean;
}

const ONE_WHITESPACE_NOT_SPACE = /[\t\n\f\r]/;
const WHITESPACE_NOT_SPACE = /[\t\n\f\r]/g;

// Numeric constants instead of the `Node`/`NodeFilter` globals, which do not
// exist in Node.js where the CLI runs this on happy-dom.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/** Builds `text` and `segments` while collapsing whitespace the way CSS `white-space: normal` does. */
class TextBuilder {
  readonly segments: TextSegment[] = [];
  /** The text so far, in pieces: appending to one growing string and asking for its last character copies the whole string each time on long pages. */
  private readonly parts: string[] = [];
  private length = 0;
  private lastChar = '';
  /** A collapsed whitespace run seen since the last word, to be written as one space before the next word of the same paragraph. */
  private pendingSpace: { node: Text; offset: number } | null = null;

  get text(): string {
    return this.parts.join('');
  }

  /** Ends the current paragraph: the next text starts on a new line. */
  breakParagraph(): void {
    this.pendingSpace = null;
    if (this.length > 0 && this.lastChar !== '\n') this.write('\n');
  }

  /** Text the browser draws that is in no text node (the quotation marks around `<q>`). */
  addGenerated(piece: string): void {
    this.flushSpace();
    this.write(piece);
  }

  addTextNode(node: Text): void {
    const data = node.data;
    // Stretches of words whose gaps are one whitespace character each: they
    // map one to one onto the text (each gap read as a space), so a whole
    // stretch is written at once; only longer runs of whitespace collapse.
    // Prose is mostly one stretch per node, so this is one write, not one per word.
    const stretches = /[^\t\n\f\r ]+(?:[\t\n\f\r ][^\t\n\f\r ]+)*/g;
    let last = 0;
    for (let match = stretches.exec(data); match; match = stretches.exec(data)) {
      if (match.index > last) this.pendingSpace = { node, offset: last };
      this.flushSpace();
      const stretch = match[0];
      this.append(node, match.index, ONE_WHITESPACE_NOT_SPACE.test(stretch) ? stretch.replace(WHITESPACE_NOT_SPACE, ' ') : stretch);
      last = match.index + stretch.length;
    }
    if (last < data.length) this.pendingSpace ??= { node, offset: last };
  }

  private write(piece: string): void {
    if (piece.length === 0) return;
    this.parts.push(piece);
    this.length += piece.length;
    this.lastChar = piece[piece.length - 1]!;
  }

  private flushSpace(): void {
    if (!this.pendingSpace) return;
    if (this.length > 0 && this.lastChar !== '\n') this.append(this.pendingSpace.node, this.pendingSpace.offset, ' ');
    this.pendingSpace = null;
  }

  private append(node: Text, nodeStart: number, piece: string): void {
    const start = this.length;
    this.write(piece);
    const previous = this.segments[this.segments.length - 1];
    if (previous && previous.node === node && previous.end === start && previous.nodeStart + (start - previous.start) === nodeStart) {
      previous.end = this.length;
    } else {
      this.segments.push({ node, start, end: this.length, nodeStart });
    }
  }
}

/** What `readableText` may enter beyond the light DOM of `root`'s document. */
export interface ReadOptions {
  /**
   * Read open shadow roots where the browser renders them: a host's shadow
   * tree instead of its children, and at each `<slot>` the nodes assigned to
   * it. Off by default: the CLI parses pages without running scripts, so its
   * pages have no shadow roots to read.
   */
  shadowRoots?: boolean;
  /**
   * Read same-origin `<iframe>`s (`contentDocument` reachable) as blocks at
   * their place in the page; cross-origin frames stay skipped. Off by default.
   */
  frames?: boolean;
}

/**
 * The text of the article under `root` as a reader sees it, skipping scripts,
 * site chrome (navigation, masthead, share bars, comments, related links,
 * cookie banners, ads), asides, form controls and hidden elements.
 *
 * Block elements end a paragraph (`\n` in `text`), so a headline never runs
 * into the paragraph below it; inline elements (links, emphasis) do not, so a
 * sentence split across a link stays one sentence. One pass over the tree.
 *
 * `root` may also be a single text node (text a page added on its own); then
 * it is read as it stands, with no skipping: the caller knows where it is.
 */
export function readableText(root: Node, options: ReadOptions = {}): ReadableText {
  const reader = new TextReader(root, options);
  reader.read();
  return reader.result();
}

/** Where the reader is among one element's children. */
interface Frame {
  parent: Element | null;
  /** A copy of the children still to read from `next` on; `null` while they are followed by sibling links from `cursor`. */
  children: Node[] | null;
  next: number;
  cursor: Node | null;
  /**
   * Set when the frame replays the locator's walk (`WalkOrder`) instead of
   * walking the page: `next` runs over its nodes up to `to`, one subtree at a
   * time. `children` and `cursor` are then unused.
   */
  to?: number;
}

/** How many nodes a reader visits between two questions whether to stop. */
const NODES_PER_CHECK = 256;

/**
 * `readableText` in steps: `read(stop)` reads on until `stop()` says so, and
 * can be called again to go on, so that a very long page can be read without
 * holding the main thread for long. The page may change between steps: text
 * taken out before the reader reaches it is not read, text put in after
 * reading began may or may not be (whoever reads in steps must watch for it
 * and drop what was read already), and no text node is read twice.
 */
export class TextReader {
  /** Finds the article before the reading starts (in steps too); `undefined` once it has, or for a text node. */
  private locator: ArticleLocator | undefined;
  private located: Node | undefined;
  private noArticle = false;
  /** The locator's walk, replayed for the article instead of walking it again; and where the nodes to read are in it. */
  private order: WalkOrder | undefined;
  private partsAt: Map<Node, number> | undefined;
  private readonly builder = new TextBuilder();
  private readonly subtrees: (ShadowRoot | Document)[] = [];
  private readonly seen = new WeakSet<Text>();
  /** Depth-first with an explicit stack (deep pages must not overflow the call stack, and a step can stop anywhere). */
  private readonly stack: Frame[] = [];
  /** Browsers draw quotation marks around <q>, alternating double and single when nested. */
  private quoteDepth = 0;
  /** Whether a step stopped before the end (the page may have changed since). */
  private resumed = false;
  /** Whether the root was in a document when reading began (a detached tree is read as it is). */
  private readonly connected: boolean;

  constructor(
    root: Node,
    private readonly options: ReadOptions = {},
  ) {
    this.connected = root.isConnected;
    if (root.nodeType === TEXT_NODE) {
      this.located = root;
      this.builder.addTextNode(root as Text);
      return;
    }
    this.locator = new ArticleLocator(root, options.frames === true);
  }

  /**
   * The element the text is read from (see `ReadableText.scope`). Asking
   * before `read` has found the article finds it at once, in one step.
   */
  get scope(): Node {
    this.locate(() => false);
    return this.located!;
  }

  /** Whether the whole tree has been read. */
  get done(): boolean {
    return this.locator === undefined && this.stack.length === 0;
  }

  /** Go on finding the article; once found, set up the reading. Returns whether it is found. */
  private locate(stop: () => boolean): boolean {
    const locator = this.locator;
    if (!locator) return true;
    if (!locator.step(stop)) return false;
    this.locator = undefined;
    const { scope, parts } = locator.result();
    this.located = scope;
    this.noArticle = parts !== null && parts.length === 0;
    const doc = scope.nodeType === DOCUMENT_NODE ? (scope as Document) : scope.ownerDocument;
    if (!doc) return true;
    const order = locator.result().order;
    this.order = order;
    if (parts) {
      this.partsAt = new Map();
      for (const part of parts) {
        const at = order.nodes.indexOf(part);
        if (at !== -1) this.partsAt.set(part, at);
      }
      this.stack.push({ parent: null, children: parts, next: 0, cursor: null });
      return true;
    }
    // The whole page (from the element the walk started at) or one element of it: replayed, as far as the walk went there.
    const at = scope.nodeType === DOCUMENT_NODE ? (order.nodes.length > 0 ? 0 : -1) : order.nodes.indexOf(scope);
    if (at === -1 || this.readLive(scope)) this.stack.push(this.frameOf(scope, null));
    else if (scope.nodeType === DOCUMENT_NODE) this.stack.push({ parent: null, children: null, next: 0, cursor: null, to: order.nodes.length });
    else this.stack.push({ parent: null, children: null, next: at + 1, cursor: null, to: order.ends[at]! });
    return true;
  }

  /** Whether an element must be read from the page, not from the walk's record: what the browser renders there is not its light DOM (a shadow host, a slot, a frame). */
  private readLive(node: Node): boolean {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const el = node as Element;
    if (this.options.shadowRoots && (el.shadowRoot || isSlot(el))) return true;
    return this.options.frames === true && isFrame(el);
  }

  /** The frame for the children of `el`, entered: replayed from the walk's record when it has `el` (at `at`), else walked. */
  private frameFor(el: Element, at: number): Frame {
    const order = this.order;
    if (order && at !== -1 && !this.readLive(el)) return { parent: el, children: null, next: at + 1, cursor: null, to: order.ends[at]! };
    return this.frameOf(el, el);
  }

  /** Read on until `stop()` (asked every few hundred nodes) says so, or to the end. Returns whether the end was reached. */
  read(stop: () => boolean = () => false): boolean {
    if (!this.locate(stop)) {
      this.resumed = true;
      return false;
    }
    const { stack, builder } = this;
    let visited = 0;
    while (stack.length > 0) {
      if (++visited % NODES_PER_CHECK === 0 && stop()) {
        this.resumed = true;
        this.holdPlaces();
        return false;
      }
      const top = stack[stack.length - 1]!;
      let node: Node | null;
      let at = -1;
      if (top.to !== undefined) {
        if (top.next < top.to) {
          at = top.next;
          node = this.order!.nodes[at]!;
          top.next = this.order!.ends[at]!;
        } else node = null;
      } else if (top.children) {
        node = top.next < top.children.length ? top.children[top.next++]! : null;
        if (node && this.partsAt && top.parent === null) at = this.partsAt.get(node) ?? -1;
      } else {
        node = top.cursor;
        if (node) top.cursor = node.nextSibling;
      }
      if (!node) {
        stack.pop();
        if (top.parent) this.leave(top.parent);
        continue;
      }
      if (node.nodeType === TEXT_NODE) {
        // Taken out of the page since this read began (only possible between steps).
        if (this.seen.has(node as Text) || (this.resumed && this.connected && !node.isConnected)) continue;
        this.seen.add(node as Text);
        builder.addTextNode(node as Text);
      } else if (node.nodeType === ELEMENT_NODE) {
        // What the walk recorded it did not skip; the page may have changed that since only if a step stopped.
        if ((at === -1 || this.resumed) && isSkipped(node as Element, this.options)) continue;
        this.enter(node as Element);
        stack.push(this.frameFor(node as Element, at));
      }
    }
    return true;
  }

  /** What has been read so far (all of it once `read` returned true). */
  result(): ReadableText {
    const text = this.builder.text;
    return { text: text.endsWith('\n') ? text.slice(0, -1) : text, segments: this.builder.segments, scope: this.located ?? this.scope, subtrees: this.subtrees, noArticle: this.noArticle };
  }

  private enter(node: Element): void {
    if (isBlock(node)) this.builder.breakParagraph();
    else if (isQuote(node)) this.builder.addGenerated(this.quoteDepth++ % 2 === 0 ? '“' : '‘');
  }

  private leave(node: Element): void {
    if (isBlock(node)) this.builder.breakParagraph();
    else if (isQuote(node)) this.builder.addGenerated(--this.quoteDepth % 2 === 0 ? '”' : '’');
  }

  /**
   * A frame for the children a reader sees under `node`, in order: the
   * composed tree when shadow roots are read, a same-origin frame's article.
   * Plain children are followed by their sibling links (copying every child
   * list cost more than the rest of the walk); see `holdPlaces` for a step
   * that stops.
   */
  private frameOf(node: Node, parent: Element | null): Frame {
    const list = (children: ArrayLike<Node>): Frame => ({ parent, children: Array.from(children), next: 0, cursor: null });
    if (node.nodeType !== ELEMENT_NODE) return { parent, children: null, next: 0, cursor: node.firstChild };
    const el = node as Element;
    if (this.options.shadowRoots) {
      const shadow = el.shadowRoot;
      if (shadow) {
        this.subtrees.push(shadow);
        return list(shadow.childNodes);
      }
      if (isSlot(el)) {
        // A slot shows what is assigned to it, else its own fallback content.
        const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
        return list(assigned.length > 0 ? assigned : el.childNodes);
      }
    }
    if (this.options.frames && isFrame(el)) {
      const frameDoc = sameOriginDocument(el);
      if (!frameDoc) return list([]);
      this.subtrees.push(frameDoc);
      const { scope: frameScope, parts } = locateArticle(frameDoc, true);
      if (parts) return list(parts);
      return frameScope === frameDoc ? list(frameDoc.childNodes) : list([frameScope]);
    }
    return { parent, children: null, next: 0, cursor: el.firstChild };
  }

  /**
   * Before a step stops: turn each place kept as a sibling link into a copy
   * of the siblings still to read, so that the page changing its child lists
   * before the next step (taking the next node out, say) makes the reader
   * neither skip nor repeat a node.
   */
  private holdPlaces(): void {
    for (const frame of this.stack) {
      if (frame.children || frame.to !== undefined) continue;
      const rest: Node[] = [];
      for (let n = frame.cursor; n; n = n.nextSibling) rest.push(n);
      frame.children = rest;
      frame.next = 0;
      frame.cursor = null;
    }
  }
}

/**
 * Whether `el` and everything under it is left out of the article text
 * (scripts, site chrome, asides, form controls, hidden elements), as
 * `readableText` reads with `options`: a same-origin frame is read when frames
 * are. Exported so that text a page adds later can be judged by its ancestors.
 */
export function isSkipped(el: Element, options: ReadOptions = {}): boolean {
  return isSkippedElement(el, options.frames === true);
}

function isFrame(el: Element): boolean {
  return el.tagName.toUpperCase() === 'IFRAME';
}

function isSlot(el: Element): boolean {
  return el.tagName.toUpperCase() === 'SLOT';
}

/** The frame's document when the page may read it (same origin, loaded); `null` otherwise. */
function sameOriginDocument(frame: Element): Document | null {
  // A frame whose address is of another origin has no document for us: said
  // by its `src` without asking for `contentDocument`, which for a
  // cross-origin frame costs Chromium a security check of a millisecond or
  // so (2.4 ms on a saved MSN page with a few ad frames). (A page cannot
  // bring another origin's frame to its own origin, so nothing is missed.)
  if (otherOrigin(frame)) return null;
  try {
    // A cross-origin frame gives `null` here (or throws in some engines).
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** Whether the frame's `src` names an http(s) address of another origin than its document's (then its text is never the page's to read). */
export function otherOrigin(frame: Element): boolean {
  const src = frame.getAttribute('src');
  if (!src || !/^(?:https?:)?\/\//i.test(src)) return false;
  const doc = frame.ownerDocument;
  try {
    return new URL(src, doc.baseURI).origin !== new URL(doc.URL).origin;
  } catch {
    return false;
  }
}

function isBlock(node: Node): boolean {
  return BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

function isQuote(node: Node): boolean {
  return (node as Element).tagName.toUpperCase() === 'Q';
}
