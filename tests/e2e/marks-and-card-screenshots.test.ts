/**
 * The screenshots the README shows, taken the same way in both browsers into
 * `.output/screenshots/docs/` (copy the ones the README names over
 * `docs/screenshots/`): an annotated seed article, an open card, the popup.
 * Each is taken only once the page shows what its name says, and the test
 * fails otherwise, so a screenshot cannot quietly show a page without marks,
 * a card not yet open, or a popup still loading.
 *
 * The fixture's cookie banner is accepted first, as a reader would, so it
 * does not cover the article.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../src/ext/labels';
import { highlightNamesOf } from '../../src/page/marking/highlight-styles';
import { BROWSERS, poll, POPUP_VIEWPORT, SCREENSHOTS_DIR, type ExtensionBrowser } from './harness';
import { flaggedSentences, openCard, openCardStart, placeOfMark, visibleMarks } from './marks-and-card';
import { seedPageName } from './pages/generate';
import { pageReport, useExtensionBrowser } from './support';

const docsScreenshot = (browser: ExtensionBrowser, name: string): string => `${SCREENSHOTS_DIR}/docs/${browser.name}-${name}.png`;

/** Opens a seed page with its report done and the cookie banner accepted. */
async function openSeed(browser: ExtensionBrowser, url: string) {
  await browser.open(url);
  const report = await pageReport(browser);
  await browser.evaluate(() => document.querySelector<HTMLButtonElement>('.cookie-banner button')?.click());
  expect(await browser.evaluate(() => document.querySelector('.cookie-banner'))).toBeNull();
  return report;
}

/** Two frames, so what was just changed is painted before the screenshot. */
const painted = (browser: ExtensionBrowser): Promise<void> =>
  browser.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

describe.each(BROWSERS)('%s: the README screenshots', (name) => {
  const session = useExtensionBrowser(name);
  const browser = () => session.browser();
  const url = (path: string) => session.server().url(path);

  it('article: seed-000.html from its top, a conflict and an unsupported claim marked in view', async () => {
    const report = await openSeed(browser(), url(seedPageName('000')));
    await browser().evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    const flagged = flaggedSentences(report).map((sentence) => sentence.text.replace(/\s+/g, ' '));
    const inView = await poll(
      () => visibleMarks(browser(), [...highlightNamesOf('conflict'), ...highlightNamesOf('unsupported')]),
      (marks) => new Set(marks.map((mark) => (mark.highlight.startsWith('ejfc-conflict') ? 'conflict' : 'unsupported'))).size === 2,
      { timeoutMs: 10_000, what: 'a conflict and an unsupported claim marked in view' },
    );
    for (const mark of inView) expect(flagged.some((sentence) => sentence.includes(mark.text)), mark.text).toBe(true);
    await painted(browser());
    await browser().screenshot(docsScreenshot(browser(), 'article'));
  });

  it("card: seed-002.html with a hard conflict's card open beside it", async () => {
    const report = await openSeed(browser(), url(seedPageName('002')));
    const target = report.sentences.find((sentence) => sentence.verdict === 'conflict' && sentence.severity === 'hard');
    expect(target, 'seed 002 has a hard conflict').toBeDefined();
    const place = await placeOfMark(browser(), target!.text, { scroll: true });
    expect(place, 'the conflict is marked').not.toBeNull();
    await browser().page.click(place!.point.x, place!.point.y);
    await poll(() => openCardStart(browser()), (start) => start === target!.start, { timeoutMs: 5_000, what: "the conflict's card to open" });
    const card = await openCard(browser());
    // Described by its sentence and every reason.
    expect(card?.sentence).toBe(target!.text.replace(/\s+/g, ' ').trim());
    for (const finding of findingsOf(target!)) expect(card?.description).toContain(finding.reason.replace(/\s+/g, ' ').trim());
    expect(card!.box.bottom, 'the whole card is in view').toBeLessThanOrEqual(place!.viewport.height);
    expect(card!.box.top).toBeGreaterThanOrEqual(0);
    await painted(browser());
    await browser().screenshot(docsScreenshot(browser(), 'card'));
  });

  it('popup: over seed-000.html, at the width it is designed for, listing the flagged sentences', async () => {
    const report = await openSeed(browser(), url(seedPageName('000')));
    const flagged = flaggedSentences(report);
    expect(flagged.length).toBeGreaterThan(0);
    // The browser sizes a toolbar popup to its content: take it at that width, not with a blank strip beside it.
    const probe = await browser().extensionPage('popup.html', POPUP_VIEWPORT);
    let width: number;
    try {
      width = await probe.evaluate(() => {
        const body = document.body.getBoundingClientRect();
        return Math.ceil(body.right + body.left);
      });
    } finally {
      await probe.close();
    }
    expect(width).toBeLessThanOrEqual(POPUP_VIEWPORT.width);
    const popup = await browser().extensionPage('popup.html', { width, height: POPUP_VIEWPORT.height });
    try {
      const text = await poll(
        () => popup.evaluate(() => document.body.innerText.replace(/\s+/g, ' ')),
        (value) => flagged.every((sentence) => value.includes(sentence.text)),
        { what: 'the popup to list the flagged sentences' },
      );
      expect(text).toContain(`${report.summary.conflict} conflict`);
      expect(await popup.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing cut off at the side').toBe(true);
      await popup.screenshot(docsScreenshot(browser(), 'popup'));
    } finally {
      await popup.close();
    }
  });
});
