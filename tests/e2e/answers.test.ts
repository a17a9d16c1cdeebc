/**
 * Answering a flag, in both browsers, with the built extension on seed 002:
 * *Dismiss on this page* in the card takes the mark away, and it stays away
 * when the page is loaded again (kept per address and sentence in
 * `storage.local`), while the report still lists the sentence; the popup
 * lists it with *Show again*, which brings the mark back. *Report as wrong*
 * keeps the sentence, its verdict and its claims among the reader's reports
 * in `storage.local` (nothing is sent: tests/e2e/network.test.ts covers the
 * network).
 */
import { describe, expect, it } from 'vitest';
import { DISMISSED_KEY, WRONG_REPORTS_KEY } from '../../src/ext/flag-notes';
import { findingsOf } from '../../src/ext/labels';
import type { PageReportReply } from '../../src/ext/messages';
import { BROWSERS, poll, POPUP_VIEWPORT, type ExtensionBrowser } from './harness';
import { CARD_HOST, flaggedSentences, markedPieces, markedSentences, openCardStart } from './marks-and-card';
import { seedPageName } from './pages/generate';
import { pageReport, useExtensionBrowser } from './support';

/** What `storage.local` holds under `key`, read inside the extension. */
function stored(browser: ExtensionBrowser, key: string): Promise<unknown> {
  return browser.evaluateInExtension(async ({ arg }) => {
    type Storage = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const api = (globalThis as unknown as { browser?: Storage }).browser ?? (globalThis as unknown as { chrome: Storage }).chrome;
    return (await api.storage.local.get(arg))[arg] ?? null;
  }, key);
}

/** The flagged sentences marked on the page now. */
async function markedFlags(browser: ExtensionBrowser, report: PageReportReply): Promise<string[]> {
  const pieces = await markedPieces(browser);
  const flagged = flaggedSentences(report).map((s) => s.text);
  return [...markedSentences(pieces.conflict, flagged), ...markedSentences(pieces.unsupported, flagged)];
}

/** Clicks the open card's button named `name`. */
function clickInCard(browser: ExtensionBrowser, name: string): Promise<unknown> {
  return browser.page.evaluateInShadowRoot(CARD_HOST, (root, name) => {
    const button = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name);
    if (!button) throw new Error(`no button "${name}" in the card`);
    button.click();
    return true;
  }, name);
}

describe.each(BROWSERS)('%s: answering a flag', (name) => {
  const session = useExtensionBrowser(name);
  const browser = () => session.browser();

  it('seed-002.html: Dismiss hides the flag, also after a reload; the popup shows it again', async () => {
    const address = session.server().url(seedPageName('002'));
    await browser().open(address);
    const report = await pageReport(browser());
    const target = flaggedSentences(report)[0]!;
    expect(await markedFlags(browser(), report)).toContain(target.text);

    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: target.start, focus: true })).toBe(true);
    await poll(() => openCardStart(browser()), (start) => start === target.start, { what: 'the card' });
    await clickInCard(browser(), 'Dismiss on this page');
    await poll(() => markedFlags(browser(), report), (marked) => !marked.includes(target.text), { what: 'the mark to go' });
    expect(await openCardStart(browser())).toBeNull();
    const kept = (await poll(() => stored(browser(), DISMISSED_KEY), (value) => value !== null, { what: 'the dismissal kept' })) as Record<string, { text: string; verdict: string }[]>;
    expect(Object.values(kept).flat().map(({ text, verdict }) => ({ text, verdict }))).toEqual([{ text: target.text, verdict: target.verdict }]);

    // Loaded again: still hidden, still in the report.
    await browser().open(address);
    const again = await pageReport(browser());
    expect(again.sentences.find((s) => s.text === target.text)?.verdict).toBe(target.verdict);
    const marked = await poll(() => markedFlags(browser(), again), (m) => m.length === flaggedSentences(again).length - 1, { what: 'the other marks' });
    expect(marked).not.toContain(target.text);

    const popup = await browser().extensionPage('popup.html', POPUP_VIEWPORT);
    try {
      const listed = await poll(() => popup.evaluate(() => [...document.querySelectorAll('.dismissed q')].map((q) => q.textContent)), (texts) => texts.length > 0, { what: 'the popup to list the dismissed flag' });
      expect(listed).toEqual([target.text]);
      await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Show again')!.click());
      await poll(() => markedFlags(browser(), again), (m) => m.includes(target.text), { what: 'the mark to come back' });
    } finally {
      await popup.close();
    }
  });

  it('seed-002.html: Report as wrong keeps the sentence, its verdict, its claims and the claim set in this browser', async () => {
    await browser().open(session.server().url(seedPageName('002')));
    const report = await pageReport(browser());
    const target = flaggedSentences(report).find((s) => s.verdict === 'conflict')!;
    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: target.start, focus: true })).toBe(true);
    await poll(() => openCardStart(browser()), (start) => start === target.start, { what: 'the card' });
    await clickInCard(browser(), 'Report as wrong');
    const reports = (await poll(() => stored(browser(), WRONG_REPORTS_KEY), (value) => Array.isArray(value) && value.length > 0, { what: 'the report kept' })) as Record<string, unknown>[];
    const findings = findingsOf(target);
    expect(reports).toEqual([
      expect.objectContaining({
        sentence: target.text,
        verdict: target.verdict,
        claimIds: findings.flatMap((f) => (f.claimId ? [f.claimId] : [])),
        reasons: findings.map((f) => f.reason),
        claimSet: expect.objectContaining({ label: 'EEAS press release, Tokyo, 1 November 2024', version: 1 }),
      }),
    ]);
    // The mark stays: reporting is not dismissing.
    expect(await markedFlags(browser(), report)).toContain(target.text);
  });

  it('no console errors', () => {
    expect(browser().consoleErrors()).toEqual([]);
  });
});
