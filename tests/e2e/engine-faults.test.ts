/**
 * Faults of the engine in the background (issue 12): the Chromium service
 * worker stopped mid-check, a tab closed mid-check, and the background busy
 * with a 50,000-sentence page while another tab opens an article. Each time
 * the reports still finish, equal to the report of the same page checked
 * without the fault, and nothing loops: once a page's report is done, no
 * message of its comes to the extension any more.
 *
 * A message lost on its own cannot be made in a real browser (no API drops
 * one runtime message); the client's retry with the same number, and the
 * service's same reply to it, are proved in the unit tests
 * (tests/unit/page/session/check-client.test.ts,
 * tests/unit/core/check-service.test.ts). Stopping the worker while a request
 * is in flight loses that request's reply, which is the case here.
 *
 * The long pages are generated as the browser benchmark makes them
 * (tests/bench/browser/pages.ts): news pages of sentences about the subject,
 * which the engine reads in full, for seconds.
 */
import { describe, expect, it } from 'vitest';
import type { PageReportReply, PageStatusReply } from '../../src/ext/messages';
import { newsPageHtml } from '../bench/browser/pages';
import { topicalSentences } from '../bench/corpus';
import { BROWSERS, buildHasContentScript, poll, type ExtensionBrowser, type ServedPage } from './harness';
import { seedPageName } from './pages/generate';
import { useExtensionBrowser } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();

/** A page the engine reads for a few seconds, and one it reads for many. */
const LONG = 10_000;
const HUGE = 50_000;
/** A word found nowhere else, in the first sentence of the page closed mid-check (case 3), to look for in the background's memory. */
const MARKER = 'Quillbright';

function longPage(count: number, seed: number, firstSentence?: string): string {
  const sentences = topicalSentences(count, seed);
  if (firstSentence) sentences[0] = firstSentence;
  return newsPageHtml('EU and Japan deepen security ties', sentences);
}

let served: Record<string, ServedPage> | undefined;
const servedPages = (): Record<string, ServedPage> =>
  (served ??= {
    '/faults/long.html': { body: longPage(LONG, 7) },
    '/faults/closed.html': { body: longPage(LONG, 8, `The EU and Japan held the first strategic dialogue in Tokyo, envoy ${MARKER} said.`) },
    '/faults/huge.html': { body: longPage(HUGE, 9) },
  });

type Status = PageReportReply['status'];

const status = (browser: ExtensionBrowser, tabId?: number): Promise<PageStatusReply> =>
  browser.sendToTab<PageStatusReply>({ type: 'get-page-status' }, tabId);

/** Waits for the tab's report to be `done` (asking for its status, which costs the page nothing), then asks for the whole report. */
async function finishedReport(browser: ExtensionBrowser, tabId?: number, timeoutMs = 60_000): Promise<PageReportReply> {
  await poll(
    () => status(browser, tabId),
    (reply) => reply?.status === 'done',
    { timeoutMs, intervalMs: 250, what: 'the page report to be done' },
  );
  return browser.sendToTab<PageReportReply>({ type: 'get-page-report' }, tabId);
}

/** What must be equal between a report made under a fault and one made without. */
const essence = (report: PageReportReply) => ({
  file: report.file,
  status: report.status,
  strictness: report.strictness,
  topical: report.topical,
  summary: report.summary,
  sentences: report.sentences,
});

/** Waits until the tab's report is `scanning` with some verdicts in: the engine is part-way through the page. */
function midCheck(browser: ExtensionBrowser, tabId?: number): Promise<PageStatusReply> {
  return poll(
    () => status(browser, tabId),
    (reply) => reply?.status === 'scanning' && reply.summary.conflict + reply.summary.supported + reply.summary.unsupported > 0,
    { timeoutMs: 30_000, intervalMs: 50, what: 'the report to be part-way (scanning, some verdicts)' },
  );
}

/**
 * Counts the messages pages send to the extension from now on, by type
 * (`checkPage`, `pageReport`, `report-changed`…), in the context that hears
 * them: Chromium's service worker, in Firefox the extension page the harness
 * keeps open (runtime messages reach every extension page). Returns a reader.
 */
async function countMessages(browser: ExtensionBrowser): Promise<() => Promise<Record<string, number> | null>> {
  type Counter = { __ejfcFaultCount?: Record<string, number> };
  await browser.evaluateInExtension(() => {
    const self = globalThis as unknown as Counter & {
      chrome?: { runtime: { onMessage: { addListener(fn: (message: unknown, sender: { tab?: unknown }) => undefined): void } } };
      browser?: { runtime: { onMessage: { addListener(fn: (message: unknown, sender: { tab?: unknown }) => undefined): void } } };
    };
    if (self.__ejfcFaultCount) {
      self.__ejfcFaultCount = {};
      return;
    }
    self.__ejfcFaultCount = {};
    (self.browser ?? self.chrome)!.runtime.onMessage.addListener((message, sender) => {
      if (!sender.tab) return undefined;
      const type = String((message as { type?: unknown } | null)?.type);
      self.__ejfcFaultCount![type] = (self.__ejfcFaultCount![type] ?? 0) + 1;
      return undefined;
    });
  });
  // `null` when the counter is gone (the context that kept it was started again): not a quiet page.
  return () => browser.evaluateInExtension(() => (globalThis as unknown as Counter).__ejfcFaultCount ?? null);
}

/** Nothing loops: after the report is done, the pages send nothing more for `ms`. */
async function expectQuietFor(browser: ExtensionBrowser, ms: number): Promise<void> {
  const read = await countMessages(browser);
  await new Promise((resolve) => setTimeout(resolve, ms));
  expect(await read(), `messages from pages in the ${ms / 1000} s after every report was done`).toEqual({});
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

describe.each(BROWSERS)(HAS_CONTENT_SCRIPT ? '%s: engine faults' : '%s: engine faults (skipped: the build has no content script)', (name) => {
  const session = HAS_CONTENT_SCRIPT ? useExtensionBrowser(name, {}, () => ({ pages: servedPages() })) : undefined;
  const browser = () => session!.browser();
  const url = (path: string) => session!.server().url(path);

  /** Reports checked with no fault, once per browser: what each fault's report must equal. */
  const reference = new Map<string, PageReportReply>();
  async function referenceReport(path: string): Promise<PageReportReply> {
    const known = reference.get(path);
    if (known) return known;
    const started = Date.now();
    await browser().open(url(path));
    const report = await finishedReport(browser());
    console.log(`${name}: ${path} checked with no fault in ${seconds(Date.now() - started)}: ${report.sentences.length} sentences, ${JSON.stringify(report.summary)}`);
    reference.set(path, report);
    return report;
  }

  it.skipIf(!HAS_CONTENT_SCRIPT || name !== 'chromium')(
    'the service worker stopped mid-check: the page sends its text again, and the report finishes equal to the one made without the stop',
    async () => {
      const expected = await referenceReport('faults/long.html');
      expect(expected.sentences.length).toBeGreaterThan(LONG / 2);
      const errorsBefore = browser().consoleErrors().length;

      const started = Date.now();
      await browser().open(url('faults/long.html'));
      const before = await midCheck(browser());
      // A mark in the worker's global scope, gone when the worker has really been stopped and started again.
      await browser().evaluateInExtension(() => void ((globalThis as { ejfcBeforeStop?: boolean }).ejfcBeforeStop = true));
      await browser().stopServiceWorker!();
      const stoppedAt = Date.now();
      const report = await finishedReport(browser());
      expect(await browser().evaluateInExtension(() => (globalThis as { ejfcBeforeStop?: boolean }).ejfcBeforeStop ?? false)).toBe(false);
      console.log(
        `${name}: worker stopped ${seconds(stoppedAt - started)} after load with ${JSON.stringify(before.summary)} decided; done ${seconds(Date.now() - stoppedAt)} later`,
      );
      expect(essence(report)).toEqual(essence(expected));
      expect(browser().consoleErrors().slice(errorsBefore)).toEqual([]);
      await expectQuietFor(browser(), 2_000);
    },
  );

  // Reported as skipped, with the reason: there is no such fault to make in Firefox.
  if (name === 'firefox') {
    it.skip('the background stopped mid-check (skipped in Firefox: its MV2 background page is persistent, and the browser never stops it)', () => undefined);
  }

  it.skipIf(!HAS_CONTENT_SCRIPT)(
    "a tab closed mid-check: another tab's article then gets its right report (and in Chromium the background's memory no longer holds the closed tab's page)",
    async () => {
      const expected = await referenceReport(seedPageName('000'));
      const errorsBefore = browser().consoleErrors().length;

      const closed = await browser().openTab(url('faults/closed.html'));
      await midCheck(browser(), closed.tabId);
      // Chromium: the background holds the page's first sentence while it checks it (the probe sees it)...
      if (browser().backgroundHolds) expect(await browser().backgroundHolds!(MARKER)).toBe(true);
      await closed.close();

      const other = await browser().openTab(url(seedPageName('000')));
      try {
        const report = await finishedReport(browser(), other.tabId);
        expect(essence(report)).toEqual(essence(expected));
        // ...and none of it once the tab is closed (Firefox's background page cannot be looked into).
        if (browser().backgroundHolds) expect(await browser().backgroundHolds!(MARKER)).toBe(false);
        expect(browser().consoleErrors().slice(errorsBefore)).toEqual([]);
        await expectQuietFor(browser(), 2_000);
      } finally {
        await other.close();
      }
    },
  );

  it.skipIf(!HAS_CONTENT_SCRIPT)(
    'the background busy with a 50,000-sentence page: an article opened in another tab gets its right report long before the long page is done, and both finish',
    async () => {
      const expected = await referenceReport(seedPageName('000'));
      const errorsBefore = browser().consoleErrors().length;

      const started = Date.now();
      await browser().open(url('faults/huge.html'));
      await midCheck(browser());
      const busyAt = Date.now();
      const article = await browser().openTab(url(seedPageName('000')));
      try {
        const report = await finishedReport(browser(), article.tabId, 20_000);
        const articleDoneAt = Date.now();
        // The long page is still being read when the article's report is done.
        const huge = await status(browser());
        console.log(
          `${name}: 50,000 sentences: scanning ${seconds(busyAt - started)} after load; the article opened then was done ${seconds(articleDoneAt - busyAt)} later, with the long page ${huge.status}`,
        );
        expect(essence(report)).toEqual(essence(expected));
        expect(huge.status).toBe<Status>('scanning');

        const long = await finishedReport(browser(), undefined, 110_000 - (Date.now() - started));
        console.log(`${name}: the 50,000-sentence page was done ${seconds(Date.now() - started)} after load, ${long.sentences.length} sentences, ${JSON.stringify(long.summary)}`);
        expect(long.topical).toBe(true);
        expect(long.sentences.length).toBeGreaterThan(HUGE / 2);
        expect(browser().consoleErrors().slice(errorsBefore)).toEqual([]);
        await expectQuietFor(browser(), 2_000);
      } finally {
        await article.close();
      }
    },
    120_000,
  );
});
