/**
 * What the browser tests share: a browser and a fixture server per describe
 * block, and the few in-page reads the tests make.
 */
import { afterAll, beforeAll } from 'vitest';
import type { PageReportReply } from '../../src/ext/messages';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/ext/settings';
import {
  launch,
  poll,
  SCREENSHOTS_DIR,
  startFixtureServer,
  type BrowserName,
  type ExtensionBrowser,
  type FixtureServer,
  type FixtureServerOptions,
  type LaunchOptions,
} from './harness';

export interface Session {
  browser(): ExtensionBrowser;
  server(): FixtureServer;
}

/**
 * Starts the fixture server and `name` with the extension before the block's
 * tests; ends both after them, failed or not. `options` (and `serverOptions`)
 * may be a function, to be read when the browser starts (after earlier
 * `beforeAll` hooks).
 */
export function useExtensionBrowser(
  name: BrowserName,
  options: LaunchOptions | (() => LaunchOptions) = {},
  serverOptions: FixtureServerOptions | (() => FixtureServerOptions) = {},
): Session {
  let browser: ExtensionBrowser | undefined;
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer(typeof serverOptions === 'function' ? serverOptions() : serverOptions);
    browser = await launch(name, typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} did not start (see the beforeAll error)`);
    return value;
  };
  return { browser: () => need(browser, name), server: () => need(server, 'the fixture server') };
}

export const screenshotPath = (browser: ExtensionBrowser, name: string): string =>
  `${SCREENSHOTS_DIR}/${browser.name}-${name}.png`;

/** Waits until a page that changes after load says it is done (`<html data-fixture-state="ready">`). */
export function waitForFixtureReady(browser: ExtensionBrowser): Promise<unknown> {
  return poll(
    () => browser.evaluate(() => document.documentElement.dataset.fixtureState ?? null),
    (state) => state === 'ready',
    { what: 'the page to reach data-fixture-state="ready"' },
  );
}

/** Where a page keeps its article: the document, an open shadow root, or a same-origin iframe's document. */
export type ArticleHost = 'document' | 'shadow' | 'iframe';

/** The article's paragraphs (its headline and `<p>` children) as a reader sees them: text with whitespace collapsed. */
export function articleParagraphs(browser: ExtensionBrowser, host: ArticleHost = 'document'): Promise<string[]> {
  return browser.evaluate((host) => {
    const root: ParentNode | null | undefined =
      host === 'shadow'
        ? document.querySelector('news-article')?.shadowRoot
        : host === 'iframe'
          ? document.querySelector('iframe')?.contentDocument
          : document;
    const article = root?.querySelector('article');
    if (!article) return [];
    return [...article.querySelectorAll(':scope > h1, :scope > p')].map((el) =>
      (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }, host);
}

/** Asks the content script for the page report until it says `done`. */
export function pageReport(browser: ExtensionBrowser, accept: (report: PageReportReply) => boolean = () => true): Promise<PageReportReply> {
  return poll(
    () => browser.sendToTab<PageReportReply>({ type: 'get-page-report' }),
    (report) => report?.status === 'done' && accept(report),
    { timeoutMs: 30_000, what: 'a finished page report' },
  );
}

export interface PageMarks {
  /** Ranges in the CSS Custom Highlights the extension registers, by verdict (all looks of it). */
  highlights: Record<'ejfc-conflict' | 'ejfc-unsupported' | 'ejfc-supported', number>;
  /** Fallback `<ejfc-mark data-verdict>` elements, by verdict. */
  elements: Record<string, number>;
}

/** What the extension has marked on the page, either way it marks. */
export function pageMarks(browser: ExtensionBrowser): Promise<PageMarks> {
  return browser.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    // Every look of a verdict (`ejfc-conflict`, `ejfc-conflict-soft`, `ejfc-conflict-alt`, …) starts with its name.
    const size = (verdictName: string): number =>
      [...(registry?.entries() ?? [])].reduce((sum, [name, ranges]) => sum + (name.startsWith(verdictName) ? ranges.size : 0), 0);
    const elements: Record<string, number> = {};
    for (const mark of document.querySelectorAll<HTMLElement>('ejfc-mark[data-verdict]')) {
      const verdict = mark.dataset.verdict ?? '';
      elements[verdict] = (elements[verdict] ?? 0) + 1;
    }
    return {
      highlights: {
        'ejfc-conflict': size('ejfc-conflict'),
        'ejfc-unsupported': size('ejfc-unsupported'),
        'ejfc-supported': size('ejfc-supported'),
      },
      elements,
    };
  });
}

/**
 * Writes the reader's settings to `storage.local` from inside the extension,
 * as the popup does: the defaults with `patch` over them. Open pages hear of
 * it through `storage.onChanged`; nothing is reloaded.
 */
export async function setSettings(browser: ExtensionBrowser, patch: Partial<Omit<Settings, 'version'>> = {}): Promise<void> {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...patch, version: 1 };
  await browser.evaluateInExtension(
    async ({ arg }) => {
      type Storage = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      const api = (globalThis as unknown as { browser?: Storage }).browser ?? (globalThis as unknown as { chrome: Storage }).chrome;
      await api.storage.local.set({ [arg.key]: arg.settings });
    },
    { key: SETTINGS_KEY, settings },
  );
}

/**
 * The toolbar badge's text on the web tab, read inside the extension:
 * `chrome.action.getBadgeText` in Chromium's service worker (MV3),
 * `browser.browserAction.getBadgeText` from an extension page in Firefox (MV2).
 */
export function badgeText(browser: ExtensionBrowser): Promise<string> {
  return browser.evaluateInExtension(({ tabId }) => {
    type Badge = { getBadgeText(details: { tabId: number }): Promise<string> };
    type Api = { action?: Badge; browserAction?: Badge };
    const api = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    const badge = api.action ?? api.browserAction;
    if (!badge) throw new Error('the extension has neither action nor browserAction');
    return badge.getBadgeText({ tabId });
  });
}
