/**
 * The one API the end-to-end tests use, whichever browser runs the extension.
 */

export type BrowserName = 'chromium' | 'firefox';

/** A function run inside a page: it is sent as source text, so it may use only its argument and the page's globals. */
export type PageFunction<Arg, Result> = (arg: Arg) => Result | Promise<Result>;

/** A function run in a page with a shadow root it was handed; sent as source text like `PageFunction`. */
export type ShadowRootFunction<Arg, Result> = (root: ShadowRoot, arg: Arg) => Result | Promise<Result>;

/**
 * A function run inside the extension (Chromium's service worker, a Firefox
 * extension page), given the web tab's id; sent as source text like `PageFunction`.
 */
export type ExtensionFunction<Arg, Result> = (context: { tabId: number; arg: Arg }) => Result | Promise<Result>;

/** The keys `press` knows. */
export type Key = 'Escape' | 'Tab' | 'Enter';

/** One tab: a web page, or an extension page such as the popup. */
export interface BrowserTab {
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /**
   * Runs `fn(arg)` in the page's main world and returns its result, awaited.
   * `arg` and the result cross as JSON: plain data only.
   */
  evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result>;
  /**
   * `evaluate` in a world of its own beside the page's scripts (Chromium: an
   * isolated world; Firefox: a WebDriver BiDi sandbox): the same DOM, with the
   * browser's own built-ins. For pages that replace `JSON`, `Array.prototype`
   * or `Promise.prototype.then`, which `evaluate` relies on in the main world.
   */
  evaluateIsolated<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result>;
  /**
   * The page's main-thread counters where the browser gives them (Chromium:
   * CDP `Performance.getMetrics`, e.g. `ScriptDuration` and `TaskDuration` in
   * seconds since the document started, every world's scripts included);
   * `null` in Firefox, which has no such protocol.
   */
  performanceMetrics(): Promise<Record<string, number> | null>;
  /** Chromium only: the tab's DevTools protocol session, for what the harness does not wrap (traces, heap); absent in Firefox. */
  devtools?(): Promise<import('playwright-core').CDPSession>;
  /** Saves a PNG of the viewport to `path` (folders are created). */
  screenshot(path: string): Promise<void>;
  /** Moves the mouse to (`x`, `y`) in the viewport (CSS pixels), as the reader would: the page gets trusted pointer events. */
  mouseMove(x: number, y: number): Promise<void>;
  /** Moves the mouse to (`x`, `y`) and clicks the main button there. */
  click(x: number, y: number): Promise<void>;
  /** Presses and releases `key`, as the reader would: it goes to whatever has focus. */
  press(key: Key): Promise<void>;
  /**
   * Runs `fn(root, arg)` in the page's main world with the shadow root of the
   * first element matching `hostSelector` (in the document, not inside shadow
   * roots), open or closed; `null` when there is no such element or it has no
   * shadow root. A closed root is handed over by the browser's remote
   * protocol (CDP, WebDriver BiDi): no page script could reach it.
   */
  evaluateInShadowRoot<Result, Arg = undefined>(hostSelector: string, fn: ShadowRootFunction<Arg, Result>, arg?: Arg): Promise<Result | null>;
  close(): Promise<void>;
}

/** A web tab besides `ExtensionBrowser.page`, opened with `openTab`; `tabId` is the id the extension knows it by. */
export interface WebTab extends BrowserTab {
  readonly tabId: number;
}

/** Something the browser logged as an error: a console error or an uncaught exception. */
export interface ConsoleError {
  /** Where it happened: a page URL, or `service-worker`, `extension` and the like. */
  source: string;
  text: string;
}

/** A browser with the built extension installed and one web tab that the tests drive. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`, no trailing slash. */
  readonly extensionOrigin: string;
  /** The web tab `open`, `evaluate`, `screenshot` and `sendToTab` work on. */
  readonly page: BrowserTab;
  /** Navigates the web tab to `url` and waits for the load event. */
  open(url: string): Promise<void>;
  /** `page.evaluate`. */
  evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result>;
  /** `page.screenshot`. */
  screenshot(path: string): Promise<void>;
  /** Opens a page of the extension (e.g. `popup.html`) in a new tab of its own; close it when done. */
  extensionPage(path: string, viewport?: { width: number; height: number }): Promise<BrowserTab>;
  /**
   * Opens `url` in a new tab, through the extension (`tabs.create`), active
   * unless `active` is false, and waits for its load event. Close it when done.
   */
  openTab(url: string, options?: { active?: boolean }): Promise<WebTab>;
  /**
   * Sends a runtime message to the web tab's top frame (`tabs.sendMessage(tabId, message, { frameId: 0 })`)
   * from inside the extension and returns the reply. Rejects when no content script answers.
   * `tabId`: another tab's (see `openTab`) instead of the web tab's.
   */
  sendToTab<Reply>(message: unknown, tabId?: number): Promise<Reply>;
  /**
   * Chromium only: stops the extension's service worker, as Chrome does when
   * it has been idle (DevTools' `ServiceWorker.stopWorker`), and resolves once
   * it is stopped. The next event for the extension (a page's message) starts
   * it again; calls into the extension wait for that start.
   */
  stopServiceWorker?(): Promise<void>;
  /**
   * Chromium only: whether any string in the service worker's memory, after a
   * garbage collection, contains `text` (from a DevTools heap snapshot; V8
   * keeps the first 1,024 characters of each string's name in it).
   */
  backgroundHolds?(text: string): Promise<boolean>;
  /**
   * Runs `fn({ tabId, arg })` inside the extension, with the web tab's id:
   * in Chromium's service worker, in Firefox the extension page the harness
   * keeps open. For the extension's own APIs (storage, the toolbar badge).
   */
  evaluateInExtension<Result, Arg = undefined>(fn: ExtensionFunction<Arg, Result>, arg?: Arg): Promise<Result>;
  /**
   * The address of the tab the extension opened when it was installed (its
   * first-run page), or `null` if none opened within a few seconds. The
   * harness closes that tab before it opens the web tab, so that the tests'
   * "active tab" is the web page.
   */
  readonly firstRunPage: string | null;
  /** Every error logged since launch, in order, by the web tab, extension pages and the extension's background. */
  consoleErrors(): ConsoleError[];
  /** Ends the browser and removes its profile. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked extension to load; the project's build for that browser unless given (the harness's own tests load a stub). */
  extensionDir?: string;
  /**
   * Send every request the browser makes (loopback included) through this
   * HTTP proxy, to record them (tests/e2e/network.test.ts).
   */
  proxy?: { host: string; port: number };
  /**
   * Firefox only: extra prefs written into the profile's `user.js` (after the
   * harness's own, so they win), e.g. to turn on forced colours. Chromium ignores them.
   */
  prefs?: Record<string, string | boolean | number>;
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 900 } as const;
/** The extension's first-run page, which it opens in a tab on install (see `ExtensionBrowser.firstRunPage`). */
export const FIRST_RUN_PAGE = '/welcome.html';
/** How long the harness waits for that tab at launch. */
export const FIRST_RUN_WAIT_MS = 5_000;
export const POPUP_VIEWPORT = { width: 420, height: 600 } as const;
