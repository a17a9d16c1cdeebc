/**
 * A stand-in for the CSS Custom Highlight API, which happy-dom lacks: a
 * registry map and a set of ranges, installed on the document's own window
 * (where the highlighter looks, as it must for frames).
 */

/** A `Highlight`: a set of ranges with a priority. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

export interface FakeHighlightApi {
  registry: Map<string, FakeHighlight>;
  /** Put the window back as it was. */
  uninstall(): void;
}

/**
 * Install the stand-in on `doc`'s window. happy-dom's `window.CSS` is a getter
 * that makes a new object each time, so it is replaced for the test.
 */
export function installFakeHighlights(doc: Document): FakeHighlightApi {
  const win = doc.defaultView as unknown as Record<string, unknown>;
  const registry = new Map<string, FakeHighlight>();
  const originalCss = Object.getOwnPropertyDescriptor(win, 'CSS');
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true });
  win.Highlight = FakeHighlight;
  return {
    registry,
    uninstall() {
      if (originalCss) Object.defineProperty(win, 'CSS', originalCss);
      else delete win.CSS;
      delete win.Highlight;
    },
  };
}
