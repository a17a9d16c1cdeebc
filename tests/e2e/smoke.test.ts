/**
 * The built extension in real browsers, with what holds for any build: it
 * installs, its popup renders, and every fixture page loads and behaves with
 * it present, with no error in any console.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, buildHasContentScript, poll, POPUP_VIEWPORT } from './harness';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness/paths';
import { seedParagraphs } from './pages/seeds';
import { articleParagraphs, pageReport, screenshotPath, useExtensionBrowser, waitForFixtureReady, type ArticleHost } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();

/** Every page a reader could open, and whether it changes after load. */
const PAGES: Array<{ path: string; dynamic: boolean }> = [
  { path: 'seed-000.html', dynamic: false },
  { path: 'seed-002.html', dynamic: false },
  { path: 'seed-003.html', dynamic: false },
  { path: 'seed-004.html', dynamic: false },
  { path: 'ordinary.html', dynamic: false },
  { path: 'live.html', dynamic: true },
  { path: 'spa/article/004', dynamic: true },
  { path: 'preact.html', dynamic: true },
  { path: 'shadow.html', dynamic: true },
  { path: 'iframe.html', dynamic: false },
];

const builtManifest = (dir: string): { name: string; version: string } =>
  JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { name: string; version: string };

describe.each(BROWSERS)('%s with the built extension', (name) => {
  const session = useExtensionBrowser(name);
  const build = name === 'chromium' ? CHROME_BUILD : FIREFOX_BUILD;

  it('installs the extension: its pages run with the extension API and the built manifest', async () => {
    const browser = session.browser();
    expect(browser.extensionOrigin).toMatch(
      name === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/,
    );
    const tab = await browser.extensionPage('popup.html', POPUP_VIEWPORT);
    try {
      const manifest = await tab.evaluate(() => {
        type Runtime = { runtime: { getManifest(): { name: string; version: string; manifest_version: number } } };
        const api = (globalThis as unknown as { browser?: Runtime; chrome?: Runtime }).browser ?? (globalThis as unknown as { chrome: Runtime }).chrome;
        const { name, version, manifest_version } = api.runtime.getManifest();
        return { name, version, manifest_version };
      });
      const expected = builtManifest(build);
      expect(manifest).toEqual({ name: expected.name, version: expected.version, manifest_version: name === 'chromium' ? 3 : 2 });
    } finally {
      await tab.close();
    }
  });

  it('popup.html opens over a news page and renders something, with no console error', async () => {
    const browser = session.browser();
    await browser.open(session.server().url('seed-000.html'));
    const before = browser.consoleErrors().length;
    const popup = await browser.extensionPage('popup.html', POPUP_VIEWPORT);
    try {
      // Settled: the same text twice in a row, so the screenshot shows what the popup ends up saying.
      let previous = '';
      const text = await poll(
        () => popup.evaluate(() => document.body.innerText.trim()),
        (value) => {
          const settled = value.length > 0 && value === previous;
          previous = value;
          return settled;
        },
        { what: 'the popup to render text', intervalMs: 500 },
      );
      expect(text.length).toBeGreaterThan(0);
      await popup.screenshot(screenshotPath(browser, 'popup'));
    } finally {
      await popup.close();
    }
    expect(browser.consoleErrors().slice(before)).toEqual([]);
  });

  it.each(PAGES)('$path loads with the extension and no console error', async ({ path, dynamic }) => {
    const browser = session.browser();
    const before = browser.consoleErrors().length;
    await browser.open(session.server().url(path));
    if (dynamic) await waitForFixtureReady(browser);
    // With a content script, wait until it has finished with the page, so its errors would be in.
    if (HAS_CONTENT_SCRIPT) await pageReport(browser);
    expect(await browser.evaluate(() => document.title)).not.toBe('');
    await browser.screenshot(screenshotPath(browser, path.replace(/\W+/g, '-').replace(/-html$/, '')));
    expect(browser.consoleErrors().slice(before)).toEqual([]);
  });

  describe('pages that change after load still work with the extension present', () => {
    it.each<[string, string, ArticleHost, '002' | '000']>([
      ['shadow.html', 'an open shadow root', 'shadow', '002'],
      ['iframe.html', 'a same-origin iframe', 'iframe', '000'],
    ])('%s shows its article in %s', async (path, _where, host, seed) => {
      const browser = session.browser();
      await browser.open(session.server().url(path));
      const paragraphs = await poll(() => articleParagraphs(browser, host), (found) => found.length > 0, { what: 'the article' });
      expect(paragraphs).toEqual(seedParagraphs(seed));
    });

    it('live.html appends the rest of its article after load', async () => {
      const browser = session.browser();
      await browser.open(session.server().url('live.html'));
      const atLoad = await articleParagraphs(browser);
      await waitForFixtureReady(browser);
      expect(atLoad.length).toBeLessThan(seedParagraphs('004').length);
      expect(await articleParagraphs(browser)).toEqual(seedParagraphs('004'));
    });

    it('spa.html swaps articles through the History API, back and forth', async () => {
      const browser = session.browser();
      const server = session.server();
      await browser.open(server.url('spa/article/000'));
      await waitForFixtureReady(browser);
      expect(await articleParagraphs(browser)).toEqual(seedParagraphs('000'));
      const loads = server.requests.length;

      await browser.evaluate(() => document.querySelector<HTMLAnchorElement>('a[href="/spa/article/004"]')?.click());
      await poll(() => browser.evaluate(() => document.documentElement.dataset.route), (route) => route === '004', { what: 'route 004' });
      expect(await browser.evaluate(() => location.pathname)).toBe('/spa/article/004');
      expect(await articleParagraphs(browser)).toEqual(seedParagraphs('004'));

      await browser.evaluate(() => history.back());
      await poll(() => browser.evaluate(() => document.documentElement.dataset.route), (route) => route === '000', { what: 'route 000' });
      expect(await articleParagraphs(browser)).toEqual(seedParagraphs('000'));
      // No document was fetched: the swaps happened in the page.
      expect(server.requests.slice(loads).filter((path) => path.startsWith('/spa/'))).toEqual([]);
    });

    it('preact.html re-renders its article, and the like counter still counts', async () => {
      const browser = session.browser();
      await browser.open(session.server().url('preact.html'));
      await waitForFixtureReady(browser);
      expect(await articleParagraphs(browser)).toEqual(seedParagraphs('003'));
      for (let click = 0; click < 3; click++) {
        await browser.evaluate(() => document.querySelector<HTMLButtonElement>('button.like')?.click());
      }
      const count = await poll(
        () => browser.evaluate(() => document.querySelector('.like-count')?.textContent ?? ''),
        (text) => text === '3',
        { what: 'the like counter to reach 3' },
      );
      expect(count).toBe('3');
      // Each click re-rendered the article: it is still whole, nothing doubled or lost.
      expect(await articleParagraphs(browser)).toEqual(seedParagraphs('003'));
    });
  });
});
