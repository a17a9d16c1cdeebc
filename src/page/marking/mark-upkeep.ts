/**
 * What both highlighters keep besides their marks: the timers that end a
 * flash, and their CSS in each tree that has marks.
 *
 * @module
 */
import type { OwnNodes } from '../shared/own-nodes';
import { installStyles, type InstalledStyles, type StyleMode } from '../shared/style-sheet';

const DEFAULT_FLASH_MS = 1600;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Flashes under way: each ends after the flash time, or at once on `endAll()`. */
export class FlashTimers {
  private readonly pending = new Set<{ win: Window; id: number; end: () => void }>();

  constructor(private readonly flashMs = DEFAULT_FLASH_MS) {}

  /** Call `end` once the flash time has passed in `win` (the window of the flashed text). */
  start(win: Window, end: () => void): void {
    const timer = {
      win,
      id: 0,
      end: () => {
        this.pending.delete(timer);
        end();
      },
    };
    timer.id = win.setTimeout(timer.end, this.flashMs);
    this.pending.add(timer);
  }

  /** End every flash now (the highlighter is going): nothing stays flashed. */
  endAll(): void {
    for (const timer of [...this.pending]) {
      timer.win.clearTimeout(timer.id);
      timer.end();
    }
  }
}

/**
 * One CSS text installed into each document and shadow root that gets marks:
 * rules act only in the tree they are in (a document's styles do not reach
 * into shadow trees, and `::highlight()` styles text by its own tree's rules).
 */
export class TreeStyles {
  private readonly installed = new Map<Node, InstalledStyles>();

  constructor(
    private readonly css: string,
    private readonly own: OwnNodes,
    private readonly mode: StyleMode | 'auto' | undefined,
  ) {}

  /** Install the CSS into `root` unless it has it; a detached subtree (neither document nor shadow root) has nothing to paint. */
  ensure(root: Node): void {
    if (this.installed.has(root) || (root.nodeType !== DOCUMENT_NODE && root.nodeType !== DOCUMENT_FRAGMENT_NODE)) return;
    this.installed.set(root, installStyles(root as Document | ShadowRoot, this.css, this.own, this.mode));
  }

  /** Take the CSS out of every tree it went into. */
  removeAll(): void {
    for (const styles of this.installed.values()) styles.remove();
    this.installed.clear();
  }
}
