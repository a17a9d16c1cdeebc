/**
 * Privacy towards the page: a site must not learn from the extension that it
 * is installed. Scripts of a page hear `message` events posted to its window
 * whatever world posts them, so the extension posts none (WXT's content
 * script context posts one carrying the extension's ID on every page; ours is
 * a plain script for that reason, see entrypoints/page.ts). The page here
 * listens from its first script on, the extension checks it and marks it, the
 * reader switches strictness; then the page tells what it heard.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, buildHasContentScript, poll } from './harness';
import { PAGES_DIR } from './harness/paths';
import { pageReport, setSettings, useExtensionBrowser } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();

/** Seed 002's page, with a script that notes every message the window receives, first in <head>. */
function listeningPage(): string {
  const html = readFileSync(`${PAGES_DIR}/seed-002.html`, 'utf8');
  const listener = `<script>
    window.__heard = [];
    window.addEventListener('message', function (event) {
      window.__heard.push(typeof event.data === 'string' ? event.data : JSON.stringify(event.data));
    });
  </script>`;
  return html.replace('<head>', `<head>${listener}`);
}

describe.skipIf(!HAS_CONTENT_SCRIPT).each(BROWSERS)('%s: the page hears nothing from the extension', (name) => {
  const session = useExtensionBrowser(name, {}, () => ({ pages: { '/listening.html': { body: listeningPage() } } }));

  it('no message reaches the page while it is read, checked, marked and re-decided', async () => {
    const browser = session.browser();
    await browser.open(session.server().url('listening.html'));
    const report = await poll(
      () => pageReport(browser),
      (found) => found?.status === 'done' && found.summary.conflict + found.summary.unsupported > 0,
      { timeoutMs: 30_000, what: 'the report to be done, with findings' },
    );
    expect(report!.topical).toBe(true);
    await setSettings(browser, { strictness: 'strict' });
    // Longer than the content script's one-second check for in-page navigation.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const heard = await browser.evaluate(() => (window as unknown as { __heard?: string[] }).__heard ?? null);
    // The listener ran (an array, not null), and heard nothing.
    expect(heard).toEqual([]);
    // A control: a message the page posts itself is heard, so the listener would catch one of ours.
    await browser.evaluate(() => window.postMessage('control', '*'));
    expect(await poll(() => browser.evaluate(() => (window as unknown as { __heard: string[] }).__heard), (list) => list.length > 0, { what: 'the control message' })).toEqual(['control']);
  });
});
