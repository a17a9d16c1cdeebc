/**
 * The nodes the extension puts into a page (marks, the card's host, style
 * elements), so that watching the page for new text never mistakes the
 * extension's own writes for the page's.
 *
 * @module
 */

const DOCUMENT_FRAGMENT_NODE = 11;

/** A registry of the extension's own nodes, shared by everything that writes to the page. */
export class OwnNodes {
  private readonly nodes = new WeakSet<Node>();

  /** Record `node` as the extension's; returns it, for use inline. */
  add<T extends Node>(node: T): T {
    this.nodes.add(node);
    return node;
  }

  /** Forget `node` (it went back to the page, or away). */
  delete(node: Node): void {
    this.nodes.delete(node);
  }

  /** Whether `node` itself is the extension's. */
  has(node: Node): boolean {
    return this.nodes.has(node);
  }

  /** Whether `node` is the extension's or lies inside something that is, across shadow-root boundaries. */
  contains(node: Node | null): boolean {
    for (let n = node; n; n = n.nodeType === DOCUMENT_FRAGMENT_NODE ? ((n as ShadowRoot).host ?? null) : n.parentNode) {
      if (this.nodes.has(n)) return true;
    }
    return false;
  }
}
