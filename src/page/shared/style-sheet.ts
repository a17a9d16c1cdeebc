/**
 * Putting the extension's CSS where it must act, without touching the page's
 * own styles: into a document, or into a shadow root (a document's styles do
 * not reach into shadow trees, and `::highlight()` styles a range by the
 * styles of the tree its text is in).
 *
 * A constructed sheet adopted by the document or shadow root comes first:
 * no node enters the page and the page's Content-Security-Policy does not
 * apply to it. Where adopting fails (Firefox content scripts see the page
 * through Xray wrappers, and some versions refuse a sheet or an array made on
 * the extension's side) one `<style>` element is the fallback; Firefox lets a
 * content script's own `<style>` through a strict `style-src` when the script
 * sets its text itself, which is what happens here.
 *
 * @module
 */
import type { OwnNodes } from './own-nodes';

/** How the CSS got in: an adopted constructed sheet, or a `<style>` element. */
export type StyleMode = 'adopted' | 'element';

/** CSS put into one document or shadow root. */
export interface InstalledStyles {
  readonly mode: StyleMode;
  /** Take the CSS out again, leaving the root's own sheets as they were. */
  remove(): void;
}

const DOCUMENT_NODE = 9;

type StyleRoot = Document | ShadowRoot;

function documentOf(root: StyleRoot): Document {
  return root.nodeType === DOCUMENT_NODE ? (root as Document) : (root as ShadowRoot).ownerDocument!;
}

/**
 * Put `css` into `root`. `prefer` forces a mode (tests and the in-browser
 * checks use it); `auto` tries an adopted sheet, then a `<style>` element.
 */
export function installStyles(root: StyleRoot, css: string, own: OwnNodes, prefer: StyleMode | 'auto' = 'auto'): InstalledStyles {
  if (prefer !== 'element') {
    try {
      return adopt(root, css);
    } catch (error) {
      if (prefer === 'adopted') throw error;
    }
  }
  return styleElement(root, css, own);
}

function adopt(root: StyleRoot, css: string): InstalledStyles {
  // The sheet must be made by the root's own document's window: a sheet from
  // another document (a frame's, or the top page's) may not be adopted.
  const Sheet = documentOf(root).defaultView?.CSSStyleSheet;
  if (!Sheet || !('adoptedStyleSheets' in root)) throw new Error('constructed style sheets are not available');
  const sheet = new Sheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  if (!root.adoptedStyleSheets.includes(sheet)) throw new Error('the adopted sheet did not stay adopted');
  return {
    mode: 'adopted',
    remove() {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

function styleElement(root: StyleRoot, css: string, own: OwnNodes): InstalledStyles {
  const doc = documentOf(root);
  const style = own.add(doc.createElement('style'));
  style.setAttribute('data-ejfc', '');
  style.textContent = css;
  const parent = root === doc ? (doc.head ?? doc.documentElement) : root;
  parent.appendChild(style);
  return {
    mode: 'element',
    remove() {
      style.remove();
    },
  };
}
