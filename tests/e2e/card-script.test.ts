/**
 * The card's UI comes with the first mark: `cards.js` (entrypoints/cards.ts)
 * is listed in no manifest key; the background runs it in a page when the
 * page's script asks, with its first mark (src/ext/card-script.ts). A page
 * about something else never gets it; a page with marks gets it, and cards
 * open there. Seen from the extension's content-script world (Chromium's
 * isolated world, Firefox's content-script sandbox), where the page's
 * script keeps the slot it asks with and `cards.js` leaves its one global.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_UI_SLOT } from '../../src/ext/card-script';
import { BROWSERS, buildHasContentScript, poll } from './harness';
import { CHROME_BUILD } from './harness/paths';
import { pageReport, useExtensionBrowser } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();

/** What the content-script world holds: whether the page's script asked for the card's script, and whether it ran. */
interface CardWorld {
  asked: boolean;
  ran: boolean;
}

describe.skipIf(!HAS_CONTENT_SCRIPT).each(BROWSERS)("%s: the card's script comes with the first mark", (name) => {
  const session = useExtensionBrowser(name);

  /** Look into the web tab's content-script world from the extension. */
  const cardWorld = (): Promise<CardWorld> =>
    session.browser().evaluateInExtension(async ({ tabId, arg: slot }) => {
      // `cards` is the global WXT's build gives an unlisted script's result (`var cards = …`).
      type Scripting = { executeScript(i: { target: { tabId: number }; func: (slot: string) => unknown; args: string[] }): Promise<Array<{ result: unknown }>> };
      type Tabs = { executeScript(tabId: number, details: { code: string }): Promise<unknown[]> };
      const api = globalThis as unknown as { chrome?: { scripting?: Scripting }; browser?: { tabs: Tabs } };
      if (api.chrome?.scripting) {
        const [first] = await api.chrome.scripting.executeScript({
          target: { tabId },
          func: (name: string) => ({ asked: typeof (globalThis as Record<string, unknown>)[name] === 'function', ran: typeof (globalThis as Record<string, unknown>).cards !== 'undefined' }),
          args: [slot],
        });
        return first!.result as CardWorld;
      }
      const [result] = await api.browser!.tabs.executeScript(tabId, {
        code: `({ asked: typeof globalThis[${JSON.stringify(slot)}] === 'function', ran: typeof globalThis.cards !== 'undefined' })`,
      });
      return result as CardWorld;
    }, CARD_UI_SLOT);

  it('is no content script of the manifest', () => {
    const manifest = JSON.parse(readFileSync(`${CHROME_BUILD}/manifest.json`, 'utf8')) as { content_scripts: Array<{ js: string[] }> };
    expect(manifest.content_scripts.flatMap((c) => c.js)).toEqual(['page.js']);
  });

  it('a page about something else, checked, never gets it', async () => {
    const browser = session.browser();
    await browser.open(session.server().url('ordinary.html'));
    const report = await poll(() => pageReport(browser), (found) => found?.status === 'done', { timeoutMs: 30_000, what: 'the report to be done' });
    expect(report!.topical).toBe(false);
    // Longer than a request and an injection take.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await cardWorld()).toEqual({ asked: false, ran: false });
  });

  it('a page with marks gets it, and its cards open', async () => {
    const browser = session.browser();
    await browser.open(session.server().url('seed-002.html'));
    const report = await poll(
      () => pageReport(browser),
      (found) => found?.status === 'done' && found.summary.conflict + found.summary.unsupported > 0,
      { timeoutMs: 30_000, what: 'the report to be done, with findings' },
    );
    expect(await poll(cardWorld, (world) => world.ran, { what: 'cards.js to have run' })).toEqual({ asked: true, ran: true });
    // The page's own scripts see neither.
    expect(await browser.evaluate((slot) => [typeof (window as unknown as Record<string, unknown>)[slot], typeof (window as unknown as Record<string, unknown>).cards], CARD_UI_SLOT)).toEqual(['undefined', 'undefined']);
    const first = report!.sentences.find((s) => s.verdict === 'conflict' || s.verdict === 'unsupported')!;
    expect(await browser.sendToTab({ type: 'reveal-finding', start: first.start })).toBe(true);
    const open = await poll(() => browser.evaluate(() => document.querySelector('ejfc-card')?.getAttribute('data-finding-start') ?? null), (value) => value !== null, { what: 'the card to open' });
    expect(open).toBe(String(first.start));
    expect(browser.consoleErrors()).toEqual([]);
  });
});
