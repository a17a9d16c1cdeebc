/**
 * Privacy: the extension makes no network request of any kind. Each browser
 * runs with every request (loopback included) sent through a recording proxy
 * (harness/recording-proxy.ts) while a reader browses the fixture pages, opens
 * the popup, changes the strictness there and reveals a finding from it.
 * Every request recorded must be one the fixture pages make themselves (the
 * set is read from the pages' HTML), and none may carry the extension's
 * origin or referer. Controls show the recorder would see one: a fetch by the
 * page and a fetch by the extension both land in the record, and the same
 * check flags the extension's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReportReply } from '../../src/ext/messages';
import { BROWSERS, buildHasContentScript, poll, POPUP_VIEWPORT } from './harness';
import { CHROME_BUILD, FIREFOX_BUILD, PAGES_DIR } from './harness/paths';
import { startRecordingProxy, type RecordedRequest, type RecordingProxy } from './harness/recording-proxy';
import { openCard } from './marks-and-card';
import { seedPageName } from './pages/generate';
import { SEED_IDS } from './pages/seeds';
import { pageReport, setSettings, useExtensionBrowser, waitForFixtureReady } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();

/** The pages the reader opens (request path → the file the server answers with). */
const STATIC_PAGES = [...SEED_IDS.map(seedPageName), 'ordinary.html', 'shadow.html', 'iframe.html'];
const DOCUMENTS: Record<string, string> = {
  ...Object.fromEntries(STATIC_PAGES.map((page) => [`/${page}`, page])),
  '/live.html': 'live.html',
  '/spa/article/000': 'spa.html',
  '/preact.html': 'preact.html',
};

/** Every file of a built extension, as one text. */
function builtText(dir: string): string {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'latin1'))
    .join('\n');
}

/** What a page's HTML makes the browser fetch: style sheets, scripts, frames, images, import-map modules (frames' own, too). */
function subresources(file: string, seen = new Set<string>()): string[] {
  const html = readFileSync(`${PAGES_DIR}/${file}`, 'utf8');
  const found: string[] = [];
  const attribute = /<(link|script|iframe|img)\b([^>]*)>/g;
  for (const [, tag, attrs] of html.matchAll(attribute)) {
    const rel = /\brel="([^"]*)"/.exec(attrs!)?.[1];
    const url = /\b(?:src|href)="([^"]*)"/.exec(attrs!)?.[1];
    if (!url || url.startsWith('data:')) continue;
    if (tag === 'link' && rel !== 'stylesheet') continue;
    found.push(url);
    if (tag === 'iframe' && url.endsWith('.html') && !seen.has(url)) {
      seen.add(url);
      found.push(...subresources(url.slice(1), seen));
    }
  }
  for (const [, json] of html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)) {
    found.push(...Object.values((JSON.parse(json!) as { imports: Record<string, string> }).imports));
  }
  return found;
}

/**
 * Every path the fixture pages may make the browser ask for: the documents,
 * what their HTML loads, and the icon a browser asks any site for.
 */
function expectedPaths(): Set<string> {
  const paths = new Set(['/favicon.ico']);
  for (const [path, file] of Object.entries(DOCUMENTS)) {
    paths.add(path);
    for (const url of subresources(file)) paths.add(url);
  }
  return paths;
}

const EXTENSION_SCHEMES = /^(chrome-extension|moz-extension):/;

/**
 * The browser's own services, which each browser calls by itself whatever
 * runs in it (Chromium: its updater, account and autofill servers; Firefox:
 * remote settings), always over https (a CONNECT tunnel: only the host shows).
 * They are told apart by host alone, so they are listed here one by one and
 * logged, not hidden; the extension's code names no host at all.
 */
const BROWSER_SERVICES: readonly RegExp[] = [
  /^(update|content-autofill|optimizationguide-pa|safebrowsing|clientservices|android\.clients)\.googleapis\.com(:443)?$/,
  /^(accounts|clients2|www)\.google\.com(:443)?$/,
  /^(firefox\.settings\.services|content-signature-2\.cdn|aus5|location\.services|push\.services|shavar\.services|tracking-protection\.cdn)\.mozilla\.(com|net|org)(:443)?$/,
  /^detectportal\.firefox\.com(:80)?$/,
];

/** The host a recorded request went to. */
const hostOf = (request: RecordedRequest): string => (request.method === 'CONNECT' ? request.url : URL.canParse(request.url) ? new URL(request.url).host : request.url);

/** Whether a request is the browser's own call to its vendor's services (and names no extension). */
function browserService(request: RecordedRequest): boolean {
  const extensionHeader = ['origin', 'referer'].some((header) => EXTENSION_SCHEMES.test(String(request.headers[header] ?? '')));
  return !extensionHeader && BROWSER_SERVICES.some((pattern) => pattern.test(hostOf(request)));
}

/** Why a recorded request is not one the fixture pages make themselves, or null when it is. */
function notFromPages(request: RecordedRequest, fixtureOrigin: string, expected: Set<string>): string | null {
  for (const header of ['origin', 'referer'] as const) {
    const value = request.headers[header];
    if (typeof value === 'string' && EXTENSION_SCHEMES.test(value)) return `${header} is the extension's: ${value}`;
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return `not a web address: ${request.method} ${request.url}`;
  }
  if (url.origin !== fixtureOrigin) return `not the fixture server: ${request.method} ${request.url}`;
  if (!expected.has(decodeURIComponent(url.pathname))) return `no fixture page asks for it: ${request.method} ${request.url}`;
  return null;
}

describe.each(BROWSERS)('%s: the extension makes no network request', (name) => {
  let proxy: RecordingProxy | undefined;
  // Before the browser starts (hooks run in order): it is launched pointing at the proxy.
  beforeAll(async () => {
    proxy = await startRecordingProxy(() => (session ? [session.server().origin] : []));
  });
  const session = HAS_CONTENT_SCRIPT ? useExtensionBrowser(name, () => ({ proxy: { host: proxy!.host, port: proxy!.port } })) : undefined;
  afterAll(async () => {
    await proxy?.close();
  });
  const browser = () => session!.browser();
  const url = (path: string) => session!.server().url(path);
  const unexplained = (requests: readonly RecordedRequest[]) =>
    requests.map((request) => notFromPages(request, session!.server().origin, expectedPaths())).filter((reason) => reason !== null);

  it.skipIf(!HAS_CONTENT_SCRIPT)(
    'browsing every fixture page, the popup, a strictness change and a revealed finding: every request is one the pages make',
    async () => {
      const errorsBefore = browser().consoleErrors().length;
      for (const page of STATIC_PAGES) {
        await browser().open(url(page));
        await pageReport(browser());
      }
      await browser().open(url('live.html'));
      await waitForFixtureReady(browser());
      await pageReport(browser());
      await browser().open(url('spa/article/000'));
      await waitForFixtureReady(browser());
      await browser().evaluate(() => document.querySelector<HTMLAnchorElement>('a[href="/spa/article/004"]')?.click());
      await pageReport(browser(), (report) => report.file === url('spa/article/004'));
      await browser().open(url('preact.html'));
      await waitForFixtureReady(browser());
      await browser().evaluate(() => document.querySelector<HTMLButtonElement>('button.like')?.click());
      await pageReport(browser());

      // The popup over seed 000: change the strictness with its control, reveal a finding from its list.
      await browser().open(url(seedPageName('000')));
      await pageReport(browser());
      const popup = await browser().extensionPage('popup.html', POPUP_VIEWPORT);
      try {
        await poll(
          () => popup.evaluate(() => document.querySelectorAll('button.finding-show').length),
          (count) => count > 0,
          { what: 'the popup to list findings' },
        );
        await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[type="radio"][value="strict"]')?.click());
        const strict = await poll(
          () => browser().sendToTab<PageReportReply>({ type: 'get-page-report' }),
          (report) => report.strictness === 'strict' && report.status === 'done',
          { what: 'the page to be checked at strict' },
        );
        expect(strict.strictness).toBe('strict');
        // The popup re-renders its list when the new strictness's counts arrive: a
        // click that lands on the list being replaced is lost, so click again until
        // the card is open (this test is about requests, not about the popup).
        const card = await poll(
          async () => {
            await popup.evaluate(() => document.querySelector<HTMLButtonElement>('button.finding-show')?.click());
            return openCard(browser());
          },
          (view) => view !== null,
          { what: 'the revealed finding’s card' },
        );
        expect(card).not.toBeNull();
      } finally {
        await popup.close();
        await setSettings(browser(), {});
      }

      const everything = [...proxy!.requests];
      const services = everything.filter(browserService);
      const recorded = everything.filter((request) => !browserService(request));
      console.log(
        `${name}: ${everything.length} requests recorded; ${services.length} the browser's own services (${[...new Set(services.map(hostOf))].join(', ')}); ` +
          `the rest: ${[...new Set(recorded.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`))].join(', ')}`,
      );
      // The recorder saw the browsing: every document the reader opened went through it.
      const seenPaths = new Set(recorded.map((request) => decodeURIComponent(new URL(request.url, 'http://x').pathname)));
      expect(Object.keys(DOCUMENTS).filter((path) => !seenPaths.has(path))).toEqual([]);
      expect(seenPaths.has('/site.css')).toBe(true);
      // And nothing it saw is the extension's.
      expect(unexplained(recorded)).toEqual([]);
      // The vendor hosts set aside above are not the extension's either: no file of the build names one.
      const build = builtText(name === 'chromium' ? CHROME_BUILD : FIREFOX_BUILD);
      expect([...new Set(services.map((request) => hostOf(request).replace(/:\d+$/, '')))].filter((host) => build.includes(host))).toEqual([]);
      expect(browser().consoleErrors().slice(errorsBefore)).toEqual([]);
    },
  );

  it.skipIf(!HAS_CONTENT_SCRIPT)('controls: a fetch by the page and one by the extension both show in the record, and only the extension’s is flagged', async () => {
    await browser().open(url(seedPageName('000')));
    const tag = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const before = proxy!.requests.length;
    await browser().evaluate((path) => fetch(path).then((response) => response.status), `/control-page-${tag}`);
    // The answer may be refused to the extension page (no CORS header): the request has gone out all the same.
    await browser().evaluateInExtension(
      ({ arg }) => fetch(arg).then((response) => response.status, (error: Error) => error.message),
      url(`control-extension-${tag}`),
    );
    const added = await poll(
      async () => proxy!.requests.slice(before),
      (requests) => requests.some((r) => r.url.includes(`control-page-${tag}`)) && requests.some((r) => r.url.includes(`control-extension-${tag}`)),
      { what: 'both control requests in the record' },
    );
    const page = added.find((request) => request.url.includes(`control-page-${tag}`))!;
    const extension = added.find((request) => request.url.includes(`control-extension-${tag}`))!;
    console.log(`${name}: control requests: page ${JSON.stringify({ origin: page.headers.origin, referer: page.headers.referer })}, extension ${JSON.stringify({ origin: extension.headers.origin, referer: extension.headers.referer })}`);
    // The page's own fetch carries the page's address; the extension's is caught by the check the browsing test uses.
    expect(page.headers.referer).toBe(url(seedPageName('000')));
    const expected = expectedPaths();
    expect(notFromPages(extension, session!.server().origin, expected)).not.toBeNull();
    expect(browserService(extension)).toBe(false);
    // Had a fixture page asked for that path, the extension's request would still be flagged when it names its origin.
    if (typeof extension.headers.origin === 'string' || typeof extension.headers.referer === 'string') {
      expect(notFromPages(extension, session!.server().origin, new Set([...expected, new URL(extension.url).pathname]))).toMatch(/extension's/);
    }
  });
});
