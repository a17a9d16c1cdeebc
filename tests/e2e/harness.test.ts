/**
 * The harness itself, against a stub: the project's build plus a small
 * content script and background script of ours. The content script answers
 * `get-page-report`; on a page whose URL asks for it, both log an error and
 * throw one. It shows that `sendToTab` reaches the web tab's top frame and
 * that extension errors reach `consoleErrors()`, without relying on the real
 * content script.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, poll, type BrowserName } from './harness';
import { makeTempDir, removeTempDir } from './harness/cleanup';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness/paths';
import { useExtensionBrowser } from './support';

/** Plain JS for both browsers: the reply names the page and whether it came from the top frame. */
const STUB_CONTENT_SCRIPT = `
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message && message.type === 'get-page-report') {
    sendResponse({ file: location.href, top: window === window.top, status: 'done' });
  }
});
if (location.search.includes('stub-error')) {
  console.error('stub content script: logged error');
  setTimeout(() => { throw new Error('stub content script: thrown error'); }, 0);
  api.runtime.sendMessage({ type: 'stub-background-error' });
}
`;

/** Runs beside the build's own background script (imported by it in Chromium's service worker). */
const STUB_BACKGROUND_SCRIPT = `
(globalThis.browser ?? globalThis.chrome).runtime.onMessage.addListener((message) => {
  if (message && message.type === 'stub-background-error') {
    console.error('stub background: logged error');
    setTimeout(() => { throw new Error('stub background: thrown error'); }, 0);
  }
});
`;

/** A copy of the build with the stub content script in every frame of the fixture server's pages, in `root`. */
function writeStubExtension(name: BrowserName, root: string): string {
  const dir = `${root}/extension`;
  cpSync(name === 'chromium' ? CHROME_BUILD : FIREFOX_BUILD, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Record<string, unknown>;
  manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['stub-content.js'], all_frames: true }];
  const background = manifest.background as { service_worker?: string; scripts?: string[] };
  if (background.service_worker) {
    writeFileSync(`${dir}/stub-worker.js`, `importScripts(${JSON.stringify(background.service_worker)});\n${STUB_BACKGROUND_SCRIPT}`);
    background.service_worker = 'stub-worker.js';
  } else {
    writeFileSync(`${dir}/stub-worker.js`, STUB_BACKGROUND_SCRIPT);
    background.scripts = [...(background.scripts ?? []), 'stub-worker.js'];
  }
  writeFileSync(`${dir}/manifest.json`, JSON.stringify(manifest));
  writeFileSync(`${dir}/stub-content.js`, STUB_CONTENT_SCRIPT);
  return dir;
}

interface StubReply {
  file: string;
  top: boolean;
  status: string;
}

describe.each(BROWSERS)('harness in %s, with a stub content script', (name) => {
  let root = '';
  beforeAll(() => {
    root = makeTempDir(`ejfc-stub-${name}-`);
  });
  afterAll(() => removeTempDir(root));
  const session = useExtensionBrowser(name, () => ({ extensionDir: writeStubExtension(name, root) }));

  const reply = () =>
    poll(() => session.browser().sendToTab<StubReply>({ type: 'get-page-report' }), (value) => value?.status === 'done', {
      what: 'a reply from the stub content script',
    });

  it('sendToTab reaches the content script of the web tab', async () => {
    const url = session.server().url('seed-000.html');
    await session.browser().open(url);
    expect(await reply()).toEqual({ file: url, top: true, status: 'done' });
  });

  it('sendToTab asks the top frame only, when frames have the content script too', async () => {
    const url = session.server().url('iframe.html');
    await session.browser().open(url);
    expect(await reply()).toEqual({ file: url, top: true, status: 'done' });
  });

  it('sendToTab still reaches the web tab while an extension page is open in another tab', async () => {
    const browser = session.browser();
    const url = session.server().url('seed-002.html');
    await browser.open(url);
    const popup = await browser.extensionPage('popup.html');
    try {
      expect(await reply()).toEqual({ file: url, top: true, status: 'done' });
    } finally {
      await popup.close();
    }
  });

  it('sendToTab rejects when the page has no content script', async () => {
    await session.browser().open('about:blank');
    await expect(session.browser().sendToTab({ type: 'get-page-report' })).rejects.toThrow();
  });

  it('evaluateInShadowRoot reaches a closed shadow root, which page scripts cannot', async () => {
    const browser = session.browser();
    await browser.open(session.server().url('seed-000.html'));
    await browser.evaluate(() => {
      const host = document.body.appendChild(document.createElement('closed-host'));
      host.attachShadow({ mode: 'closed' }).innerHTML = '<p aria-label="inside">closed text</p>';
    });
    expect(await browser.evaluate(() => document.querySelector('closed-host')?.shadowRoot ?? null)).toBeNull();
    const read = await browser.page.evaluateInShadowRoot(
      'closed-host',
      (root, suffix) => `${root.querySelector('p')?.getAttribute('aria-label')}: ${root.textContent}${suffix}`,
      '!',
    );
    expect(read).toBe('inside: closed text!');
    expect(await browser.page.evaluateInShadowRoot('no-such-host', (root) => root.textContent)).toBeNull();
    expect(await browser.page.evaluateInShadowRoot('body', (root) => root.textContent)).toBeNull();
  });

  it('mouseMove, click and press reach the page as trusted events at the given point', async () => {
    const browser = session.browser();
    await browser.open(session.server().url('seed-000.html'));
    await browser.evaluate(() => {
      // A blank layer over the page, so that the click lands on nothing that navigates.
      const layer = document.body.appendChild(document.createElement('div'));
      layer.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: transparent';
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      for (const type of ['mousemove', 'click', 'keydown'] as const) {
        document.addEventListener(type, (event) => {
          if (!event.isTrusted) return;
          if (event instanceof MouseEvent && type !== 'mousemove') seen.push(`${type} ${event.clientX},${event.clientY}`);
          else if (event instanceof KeyboardEvent) seen.push(`${type} ${event.key}`);
          else if (!seen.includes('mousemove')) seen.push('mousemove');
        }, true);
      }
    });
    await browser.page.mouseMove(40, 50);
    await browser.page.click(60, 70);
    await browser.page.press('Escape');
    const seen = await poll(
      () => browser.evaluate(() => (window as unknown as { seen: string[] }).seen),
      (events) => events.length >= 3,
      { what: 'the page to see the events' },
    );
    expect(seen).toEqual(['mousemove', 'click 60,70', 'keydown Escape']);
  });

  it('evaluateInExtension runs inside the extension, given the web tab\'s id', async () => {
    const browser = session.browser();
    await browser.open(session.server().url('seed-000.html'));
    const result = await browser.evaluateInExtension(async ({ tabId, arg }) => {
      type Api = { tabs: { get(id: number): Promise<{ id?: number; active: boolean }> }; runtime: { id: string } };
      const api = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      const tab = await api.tabs.get(tabId);
      return { sameTab: tab.id === tabId, active: tab.active, extensionId: typeof api.runtime.id, arg };
    }, 42);
    expect(result).toEqual({ sameTab: true, active: true, extensionId: 'string', arg: 42 });
  });

  it.each([
    ['the content script', 'stub content script'],
    ['the background', 'stub background'],
  ])("consoleErrors() has %s's logged and thrown errors", async (_where, prefix) => {
    const browser = session.browser();
    await browser.open(session.server().url('seed-000.html?stub-error'));
    const expected = [`${prefix}: logged error`, `${prefix}: thrown error`];
    const found = (texts: string[]) => expected.filter((text) => texts.some((error) => error.includes(text)));
    const texts = await poll(
      async () => browser.consoleErrors().map((error) => error.text),
      (texts) => found(texts).length === expected.length,
      { what: `${prefix}'s errors in consoleErrors()` },
    );
    expect(found(texts)).toEqual(expected);
  });
});
