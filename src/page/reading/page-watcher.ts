/**
 * Watching a page for text it adds (or shows, or takes away) after the first
 * read: a `MutationObserver` on the document and on each open shadow root and
 * same-origin frame document (changes inside one are not seen from outside),
 * and frame loads. Changes are gathered and handed over in one batch once the
 * page has been quiet for a moment (or, on a page that never stops changing,
 * at the latest after a longer while).
 *
 * The extension's own writes (marks, the card, its styles) are never handed
 * over; nor is any attribute change except one that can show hidden text.
 *
 * @module
 */
import type { OwnNodes } from '../shared/own-nodes';
import { isSkipped, type ReadOptions } from './readable-text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** The attributes whose change can show text that was hidden. */
const REVEALING_ATTRIBUTES = ['hidden', 'aria-hidden', 'style'];

/** What changed since the last batch. */
export interface PageChanges {
  /** Nodes to read: added, shown, or a frame that loaded (none inside another). */
  nodes: Node[];
  /** Whether the page took something out (its text may be gone). */
  removed: boolean;
}

export interface PageWatcherOptions {
  document: Document;
  own: OwnNodes;
  /** How the page is read (for judging whether a change shows text). */
  read: ReadOptions;
  /** Whether a text node was read before (then adding it again is no news). */
  wasRead(node: Text): boolean;
  /** Whether a text node is still on the page (the fallback highlighter stands in for marked ones). */
  isOnPage(node: Text): boolean;
  /** Called with each batch. */
  onChanges(changes: PageChanges): void;
  /** Quiet time before a batch is handed over, in milliseconds. */
  settleMs?: number;
  /** Longest wait for quiet, in milliseconds. */
  maxWaitMs?: number;
}

/** Watches a page; see the module comment. */
export class PageWatcher {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  /** The roots watched (the document, shadow roots, frame documents), to look for upgraded elements in. */
  private readonly roots: Node[] = [];
  /** Custom element names seen undefined, waited for. */
  private readonly awaitedNames = new Set<string>();
  /** Where the page's custom element registry is out of reach: one size watcher per window (see `awaitUpgrades`). */
  private readonly sizeObservers = new Map<Window, ResizeObserver>();
  private readonly listeners = new AbortController();
  private pending = { nodes: new Set<Node>(), removed: false };
  private settleTimer: number | undefined;
  private maxWaitTimer: number | undefined;
  private held = false;
  private stopped = false;

  constructor(private readonly options: PageWatcherOptions) {
    const Observer = options.document.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
  }

  /** Whether changes are waiting to be handed over. */
  get busy(): boolean {
    return this.settleTimer !== undefined || this.pending.nodes.size > 0 || this.pending.removed;
  }

  /** Also watch `root` (the document, an open shadow root, a frame's document). */
  watch(root: Node): void {
    if (this.stopped || this.observed.has(root)) return;
    this.observed.add(root);
    this.roots.push(root);
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: REVEALING_ATTRIBUTES, attributeOldValue: true });
    this.awaitUpgrades(root);
    if (root.nodeType === DOCUMENT_NODE || root.nodeType === DOCUMENT_FRAGMENT_NODE) {
      // A frame that loads (or loads again) brings a new document: read it whole.
      // A load event is not composed: one inside a shadow root is heard only there.
      root.addEventListener(
        'load',
        (event) => {
          const target = event.target as Node | null;
          if (target?.nodeType === ELEMENT_NODE && (target as Element).tagName.toUpperCase() === 'IFRAME') this.note(target, true);
        },
        { capture: true, signal: this.listeners.signal },
      );
    }
  }

  /** Keep gathering changes but hand none over until `release()` (the first read is still going on). */
  hold(): void {
    this.held = true;
  }

  /** Hand over what was gathered while held (after the usual quiet time). */
  release(): void {
    this.held = false;
    if (this.pending.nodes.size > 0 || this.pending.removed) this.note(null, false);
  }

  /** Stop watching, for good. */
  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    for (const observer of this.sizeObservers.values()) observer.disconnect();
    this.sizeObservers.clear();
    this.listeners.abort();
    this.clearTimers();
    this.pending = { nodes: new Set(), removed: false };
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    const { own, wasRead, isOnPage } = this.options;
    for (const record of records) {
      // The extension's own writes (marks, the card, styles) are never news.
      if (own.contains(record.target)) continue;
      if (record.type === 'attributes') {
        if (this.revealing(record)) this.note(record.target, false);
        continue;
      }
      for (const node of record.addedNodes) {
        if (own.has(node) || (node.nodeType === TEXT_NODE && wasRead(node as Text))) continue;
        if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) this.note(node, false);
        if (node.nodeType === ELEMENT_NODE) this.awaitUpgrades(node);
      }
      for (const node of record.removedNodes) {
        // A page node the fallback highlighter stood in for is not gone.
        if (own.has(node) || (node.nodeType === TEXT_NODE && isOnPage(node as Text))) continue;
        this.note(null, true);
      }
    }
  }

  /**
   * A custom element that is not defined yet may attach an open shadow root
   * with article text when the page defines it, and no mutation record tells
   * of `attachShadow`. So each undefined custom element name met in watched
   * text is waited for (`customElements.whenDefined`, the page's own registry,
   * nothing of the page patched); once defined, its elements that now have an
   * open shadow root are handed over to be read (what they showed before is
   * known and not read again). A component that attaches its shadow root
   * later than its upgrade is still missed until something else changes in
   * it.
   *
   * Chromium gives content scripts no registry (`customElements` is null in
   * their isolated world). There each undefined custom element is watched for
   * a change of size instead (`ResizeObserver`): an element that shows its
   * shadow root's text takes up room it did not before. It is handed over once
   * it has an open shadow root; one whose size stays the same is missed.
   */
  private awaitUpgrades(root: Node): void {
    const within = root as Partial<ParentNode>;
    const win = (root.ownerDocument ?? (root as Document)).defaultView;
    if (!win || typeof within.querySelectorAll !== 'function') return;
    const undefinedHere = [...within.querySelectorAll(':not(:defined)')];
    if (root.nodeType === ELEMENT_NODE && (root as Element).matches(':not(:defined)')) undefinedHere.push(root as Element);
    const registry = win.customElements as CustomElementRegistry | null | undefined;
    for (const element of undefinedHere) {
      const name = element.localName;
      if (!name.includes('-')) continue;
      if (!registry) {
        this.sizeObserverFor(win)?.observe(element);
        continue;
      }
      if (this.awaitedNames.has(name)) continue;
      this.awaitedNames.add(name);
      registry.whenDefined(name).then(
        () => this.onDefined(name),
        () => undefined,
      );
    }
  }

  private sizeObserverFor(win: Window & typeof globalThis): ResizeObserver | undefined {
    let observer = this.sizeObservers.get(win);
    if (!observer && typeof win.ResizeObserver === 'function') {
      observer = new win.ResizeObserver((entries, self) => this.onResized(entries, self));
      this.sizeObservers.set(win, observer);
    }
    return observer;
  }

  private onResized(entries: ResizeObserverEntry[], observer: ResizeObserver): void {
    if (this.stopped) return;
    for (const { target } of entries) {
      const shadow = target.shadowRoot;
      if (!shadow) continue;
      // Read from here on, its shadow root is watched like any other.
      observer.unobserve(target);
      if (!this.observed.has(shadow) && !this.options.own.has(target)) this.note(target, false);
    }
  }

  private onDefined(name: string): void {
    this.awaitedNames.delete(name);
    if (this.stopped) return;
    for (const root of this.roots) {
      if (!root.isConnected && root.nodeType !== DOCUMENT_NODE) continue;
      for (const element of (root as ParentNode).querySelectorAll(name)) {
        const shadow = element.shadowRoot;
        if (shadow && !this.observed.has(shadow) && !this.options.own.has(element)) this.note(element, false);
      }
    }
  }

  /** Whether an attribute change may have shown text that was hidden. */
  private revealing(record: MutationRecord): boolean {
    const el = record.target as Element;
    switch (record.attributeName) {
      // A record means the attribute changed; one that is now absent (or not
      // "true") was there before. (Not every DOM reports the old value.)
      case 'hidden':
        return !el.hasAttribute('hidden');
      case 'aria-hidden':
        return el.getAttribute('aria-hidden') !== 'true';
      case 'style':
        // A cheap first cut; reading the element then drops all it read before.
        return record.oldValue !== null && /none|hidden/i.test(record.oldValue) && !isSkipped(el, this.options.read);
      default:
        return false;
    }
  }

  /** Note a node to read (and/or that something went); hand the batch over after a quiet spell, or at the latest after `maxWaitMs`. */
  private note(node: Node | null, removed: boolean): void {
    if (node) this.pending.nodes.add(node);
    if (removed) this.pending.removed = true;
    const win = this.options.document.defaultView;
    if (!win) return;
    if (this.settleTimer !== undefined) win.clearTimeout(this.settleTimer);
    this.settleTimer = win.setTimeout(() => this.handOver(), this.options.settleMs ?? 250);
    this.maxWaitTimer ??= win.setTimeout(() => this.handOver(), this.options.maxWaitMs ?? 2000);
  }

  private handOver(): void {
    this.clearTimers();
    if (this.stopped || this.held) return;
    const { nodes, removed } = this.pending;
    this.pending = { nodes: new Set(), removed: false };
    this.options.onChanges({ nodes: topmost(nodes), removed });
  }

  private clearTimers(): void {
    const win = this.options.document.defaultView;
    if (this.settleTimer !== undefined) win?.clearTimeout(this.settleTimer);
    if (this.maxWaitTimer !== undefined) win?.clearTimeout(this.maxWaitTimer);
    this.settleTimer = this.maxWaitTimer = undefined;
  }
}

/** The nodes of `nodes` that no other of them contains, in the order given. */
function topmost(nodes: Set<Node>): Node[] {
  return [...nodes].filter((node) => {
    for (let n = node.parentNode; n; n = n.parentNode) if (nodes.has(n)) return false;
    return true;
  });
}
