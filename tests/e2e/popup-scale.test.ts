/**
 * The popup on the hostile 5 MB page (`huge-text.html`, about 30,000
 * sentences, some 16,000 of them flagged), in both browsers: it opens on the
 * page's counts, then its settings and export, then the first 25 flagged
 * sentences, asked of the page a page at a time (`get-findings`); the whole
 * report (`get-page-report`) is asked only by the export. Measured, not
 * asserted (the machine is shared): the popup's open time, from its
 * navigation to its first page of findings on screen (the popup's own
 * `ejfc:findings-shown` performance mark), beside what the whole report it
 * used to ask for weighs and takes to arrive.
 */
import { describe, expect, it } from 'vitest';
import type { FindingsPage, PageStatusReply } from '../../src/ext/messages';
import { FINDINGS_PER_PAGE, FINDINGS_SHOWN_MARK } from '../../src/ui/popup/flagged-findings';
import { BROWSERS, buildHasContentScript, poll, popupShown as popupShownAfterOpening, popupShownIn, POPUP_VIEWPORT, type ServedPage } from './harness';
import { seedPageName } from './pages/generate';
import { generatedHostilePages, HOSTILE_PREFIX } from './pages/hostile';
import { screenshotPath, useExtensionBrowser } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();

let generated: Record<string, string> | undefined;
function servedPages(): Record<string, ServedPage> {
  generated ??= generatedHostilePages();
  return { [`${HOSTILE_PREFIX}huge-text.html`]: { body: generated['huge-text.html']! } };
}

describe.each(BROWSERS)('%s: the popup on a page with thousands of findings', (name) => {
  const session = HAS_CONTENT_SCRIPT ? useExtensionBrowser(name, {}, () => ({ pages: servedPages() })) : undefined;
  const browser = () => session!.browser();

  /** Opens the popup over the web tab and returns when (ms after its navigation started) its first page of findings was on screen, and what it listed. */
  const popupShown = () => popupShownAfterOpening(browser(), FINDINGS_SHOWN_MARK);

  it.skipIf(!HAS_CONTENT_SCRIPT)('seed-000.html, for comparison: the popup lists its few flagged sentences', async () => {
    await browser().open(session!.server().url(seedPageName('000')));
    const status = await poll(() => browser().sendToTab<PageStatusReply>({ type: 'get-page-status' }), (reply) => reply?.status === 'done', { what: 'the check' });
    const shown = await popupShown();
    expect(shown.items).toBe(status.flagged);
    console.log(`${name}: seed-000.html, ${status.flagged} flagged sentences: the popup showed its findings ${shown.at.toFixed(0)} ms after its navigation started (its document loaded at ${shown.loaded.toFixed(0)} ms)`);
  });

  it.skipIf(!HAS_CONTENT_SCRIPT)('huge-text.html: the popup opens on the counts, its settings, and the first 25 of its flagged sentences (a page of them asked of the page)', async () => {
    await browser().open(session!.server().url(`${HOSTILE_PREFIX}huge-text.html`));
    const status = await poll(
      () => browser().sendToTab<PageStatusReply>({ type: 'get-page-status' }),
      (reply) => reply?.status === 'done',
      { timeoutMs: 180_000, intervalMs: 1_000, what: 'the check of the 5 MB page to finish' },
    );
    expect(status.flagged).toBeGreaterThan(10_000);
    // Opened the moment the check is done, the page's main thread is still
    // busy drawing the marks (a page-side cost the popup only waits for).
    const atDone = await popupShown();
    // Once the page has drawn (two animation frames and a second of quiet), the popup's own time.
    await browser().evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 1_000)))));

    const popup = await browser().extensionPage('popup.html', POPUP_VIEWPORT);
    try {
      const shown = await popupShownIn(popup, FINDINGS_SHOWN_MARK);
      expect(shown.items).toBe(FINDINGS_PER_PAGE);
      expect(shown.position).toBe(`1–${FINDINGS_PER_PAGE} of ${status.flagged.toLocaleString('en')}`);
      const first = await browser().sendToTab<FindingsPage>({ type: 'get-findings', offset: 0, limit: FINDINGS_PER_PAGE });
      const listed = await popup.evaluate(() => [...document.querySelectorAll('.findings .finding-text')].map((q) => q.textContent ?? ''));
      expect(listed).toEqual(first.sentences.map((s) => s.text));
      // The summary and the settings are at the top, not under the list.
      const tops = await popup.evaluate(() => ['.counts', '.settings', '.flagged'].map((selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? -1));
      expect(tops[0]).toBeLessThan(tops[2]!);
      expect(tops[1]).toBeLessThan(tops[2]!);
      expect(tops[1]).toBeLessThan(POPUP_VIEWPORT.height * 2);
      await popup.screenshot(screenshotPath(browser(), 'popup-huge-text'));

      // The two questions the popup asks, timed from inside the extension.
      const questions = await browser().evaluateInExtension(async ({ tabId }) => {
        type Tabs = { tabs: { sendMessage(id: number, message: unknown, options: { frameId: number }): Promise<unknown> } };
        const api = (globalThis as unknown as { browser?: Tabs }).browser ?? (globalThis as unknown as { chrome: Tabs }).chrome;
        const timed = async (message: unknown) => {
          const start = performance.now();
          await api.tabs.sendMessage(tabId, message, { frameId: 0 });
          return Math.round(performance.now() - start);
        };
        return { status: await timed({ type: 'get-page-status' }), findings: await timed({ type: 'get-findings', offset: 0, limit: 25 }) };
      });
      console.log(`${name}: huge-text.html: get-page-status answered in ${questions.status} ms, get-findings (25) in ${questions.findings} ms`);

      // What the popup used to ask for: the whole report.
      const asked = Date.now();
      const size = await browser().evaluateInExtension(async ({ tabId }) => {
        type Tabs = { tabs: { sendMessage(id: number, message: unknown, options: { frameId: number }): Promise<unknown> } };
        const api = (globalThis as unknown as { browser?: Tabs }).browser ?? (globalThis as unknown as { chrome: Tabs }).chrome;
        const report = await api.tabs.sendMessage(tabId, { type: 'get-page-report' }, { frameId: 0 });
        return JSON.stringify(report).length;
      });
      const wholeMs = Date.now() - asked;
      console.log(
        `${name}: huge-text.html, ${status.flagged.toLocaleString('en')} flagged sentences: the popup showed its first ${FINDINGS_PER_PAGE} findings ${shown.at.toFixed(0)} ms after its navigation started (its document loaded at ${shown.loaded.toFixed(0)} ms), and ${atDone.at.toFixed(0)} ms when opened the moment the check was done; the whole report (${(size / 1e6).toFixed(1)} MB as JSON) took ${wholeMs} ms to arrive`,
      );
    } finally {
      await popup.close();
    }
  });
});
