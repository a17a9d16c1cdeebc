/**
 * What the content script reports and marks, asked the way the popup asks:
 * `tabs.sendMessage(tabId, { type: 'get-page-report' }, { frameId: 0 })`.
 * Skipped, with the reason in the name, while the build has no content script.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PageReportReply } from '../../src/ext/messages';
import { PAGES_DIR } from './harness/paths';
import { BROWSERS, buildHasContentScript, poll, POPUP_VIEWPORT, type ExtensionBrowser } from './harness';
import { ORDINARY_STORY } from './pages/articles';
import { seedPageName } from './pages/generate';
import { SEED_IDS, seedSentences } from './pages/seeds';
import { splitSentences } from '../../src/core/text/sentences';
import { marksAndReport } from './marks-and-card';
import { badgeText, pageMarks, pageReport, screenshotPath, useExtensionBrowser, waitForFixtureReady } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();
const TITLE = HAS_CONTENT_SCRIPT
  ? '%s: the page report'
  : '%s: the page report (skipped: the build has no content script, .output/chrome-mv3/manifest.json lists no content_scripts)';

const texts = (report: { sentences: Array<{ text: string }> }): string[] => report.sentences.map((sentence) => sentence.text);
/** The page's headline (the templates put it above `<main>`; the reader reads it first, as it matches the title), or none. */
const headlines = (name: string): string[] => {
  const match = /<h1 class="headline">([^<]*)<\/h1>/.exec(readFileSync(`${PAGES_DIR}/${name}`, 'utf8'));
  return match ? [match[1]!] : [];
};

/** What the page marks now, beside what the report flags: equal when the marks follow the page. */
async function expectMarksToFollow(browser: ExtensionBrowser, report: PageReportReply): Promise<void> {
  const { marked, reported } = await poll(
    () => marksAndReport(browser, report),
    (found) => JSON.stringify(found.marked) === JSON.stringify({ ...found.reported, supported: [] }),
    { timeoutMs: 5_000, what: 'the marks to match the report' },
  ).catch(() => marksAndReport(browser, report));
  expect(marked.conflict).toEqual(reported.conflict);
  expect(marked.unsupported).toEqual(reported.unsupported);
  expect(marked.supported).toEqual([]);
}

describe.each(BROWSERS)(TITLE, (name) => {
  // Launch only when there is something to test.
  const session = HAS_CONTENT_SCRIPT ? useExtensionBrowser(name) : undefined;
  const browser = () => session!.browser();
  const url = (path: string) => session!.server().url(path);

  it.skipIf(!HAS_CONTENT_SCRIPT).each(SEED_IDS)('seed-%s.html: the report has every sentence of the seed', async (id) => {
    await browser().open(url(seedPageName(id)));
    const report = await pageReport(browser());
    expect(report.file).toBe(url(seedPageName(id)));
    expect(texts(report)).toEqual(expect.arrayContaining(seedSentences(id)));
  });

  it.skipIf(!HAS_CONTENT_SCRIPT).each(SEED_IDS)(
    'seed-%s.html: the report reads nothing outside the article (menu, ads, related links, comments)',
    async (id) => {
      await browser().open(url(seedPageName(id)));
      const report = await pageReport(browser());
      expect([...headlines(seedPageName(id)), ...seedSentences(id)]).toEqual(expect.arrayContaining(texts(report)));
    },
  );

  it.skipIf(!HAS_CONTENT_SCRIPT).each(SEED_IDS)('seed-%s.html: flagged sentences are marked on the page', async (id) => {
    await browser().open(url(seedPageName(id)));
    const report = await pageReport(browser());
    const flagged = report.summary.conflict + report.summary.unsupported;
    const marks = await pageMarks(browser());
    const shown =
      marks.highlights['ejfc-conflict'] +
      marks.highlights['ejfc-unsupported'] +
      (marks.elements.conflict ?? 0) +
      (marks.elements.unsupported ?? 0);
    expect(shown > 0).toBe(flagged > 0);
  });

  it.skipIf(!HAS_CONTENT_SCRIPT)('ordinary.html: a page about something else is not topical and gets no verdict', async () => {
    await browser().open(url('ordinary.html'));
    const report = await pageReport(browser());
    expect(report.topical).toBe(false);
    expect(report.sentences.filter((sentence) => sentence.verdict !== null)).toEqual([]);
    expect(texts(report)).toEqual([...headlines('ordinary.html'), ...splitSentences(ORDINARY_STORY.paragraphs.join('\n')).map((span) => span.text)]);
  });

  it.skipIf(!HAS_CONTENT_SCRIPT).each([
    ['shadow.html', 'an open shadow root', '002'],
    ['iframe.html', 'a same-origin iframe', '000'],
  ] as const)("%s: the top frame's report reads the article in %s", async (path, _where, seed) => {
    await browser().open(url(path));
    const report = await pageReport(browser());
    expect(texts(report)).toEqual(expect.arrayContaining(seedSentences(seed)));
    expect(seedSentences(seed)).toEqual(expect.arrayContaining(texts(report)));
  });

  it.skipIf(!HAS_CONTENT_SCRIPT)(
    'shadow-late.html: an article in the open shadow root of a custom element defined after the page was read gets the verdicts and marks it gets on seed-002.html',
    async () => {
      await browser().open(url(seedPageName('002')));
      const plain = await pageReport(browser());
      const verdicts = (report: PageReportReply) =>
        report.sentences.map(({ text, verdict, severity, reason }) => ({ text, verdict, severity, reason }));
      expect(plain.summary.conflict, 'seed 002 has a conflict to mark').toBeGreaterThan(0);

      const before = browser().consoleErrors().length;
      await browser().open(url('shadow-late.html'));
      const first = await pageReport(browser());
      // The extension read the page while <news-article> was undefined and empty.
      expect(await browser().evaluate(() => customElements.get('news-article') === undefined)).toBe(true);
      expect(texts(first)).toEqual([]);

      await browser().evaluate(() => document.querySelector<HTMLButtonElement>('.load-story button')?.click());
      await waitForFixtureReady(browser());
      const report = await pageReport(browser(), (candidate) => candidate.sentences.length >= plain.sentences.length);
      expect(verdicts(report)).toEqual(verdicts(plain));
      await expectMarksToFollow(browser(), report);
      const { marked } = await marksAndReport(browser(), report);
      expect(marked.conflict.length).toBe(plain.summary.conflict);
      expect(browser().consoleErrors().slice(before)).toEqual([]);
    },
  );

  it.skipIf(!HAS_CONTENT_SCRIPT)('the popup, opened over seed-000.html, lists every flagged sentence of the report', async () => {
    await browser().open(url(seedPageName('000')));
    const report = await pageReport(browser());
    const flagged = report.sentences.filter((sentence) => sentence.verdict === 'conflict' || sentence.verdict === 'unsupported');
    expect(flagged.length).toBeGreaterThan(0);
    const popup = await browser().extensionPage('popup.html', POPUP_VIEWPORT);
    try {
      const text = await poll(
        () => popup.evaluate(() => document.body.innerText.replace(/\s+/g, ' ')),
        (value) => flagged.every((sentence) => value.includes(sentence.text)),
        { what: 'the popup to list the flagged sentences' },
      );
      expect(flagged.filter((sentence) => !text.includes(sentence.text))).toEqual([]);
      await popup.screenshot(screenshotPath(browser(), 'popup-seed-000'));
    } finally {
      await popup.close();
    }
  });

  it.skipIf(!HAS_CONTENT_SCRIPT)('live.html: paragraphs appended after load are checked and marked too, with no console error', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('live.html'));
    await waitForFixtureReady(browser());
    const wanted = seedSentences('004');
    const report = await pageReport(browser(), (candidate) => wanted.every((sentence) => texts(candidate).includes(sentence)));
    expect(texts(report)).toEqual(expect.arrayContaining(wanted));
    await expectMarksToFollow(browser(), report);
    expect(browser().consoleErrors().slice(before)).toEqual([]);
  });

  it.skipIf(!HAS_CONTENT_SCRIPT)(
    'spa.html: after a History API navigation the report, the marks and the badge are about the new article, with no console error',
    async () => {
      const before = browser().consoleErrors().length;
      await browser().open(url('spa/article/000'));
      await waitForFixtureReady(browser());
      await pageReport(browser(), (report) => texts(report).includes(seedSentences('000')[0]!));
      await browser().evaluate(() => document.querySelector<HTMLAnchorElement>('a[href="/spa/article/004"]')?.click());
      const report = await pageReport(browser(), (candidate) => candidate.file === url('spa/article/004'));
      expect(texts(report)).toEqual(expect.arrayContaining(seedSentences('004')));
      expect(texts(report).filter((text) => seedSentences('000').includes(text) && !seedSentences('004').includes(text))).toEqual([]);
      // Nothing of the old article stays marked: every mark is one of the new report's flagged sentences.
      await expectMarksToFollow(browser(), report);
      const badge = report.summary.conflict > 0 ? String(report.summary.conflict) : '';
      expect(await poll(() => badgeText(browser()), (text) => text === badge, { what: `the badge to read "${badge}"` })).toBe(badge);
      expect(browser().consoleErrors().slice(before)).toEqual([]);
    },
  );

  it.skipIf(!HAS_CONTENT_SCRIPT)('preact.html: the re-rendered article is checked and marked, and the page keeps working, with no console error', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('preact.html'));
    await waitForFixtureReady(browser());
    const wanted = seedSentences('003');
    await pageReport(browser(), (report) => wanted.every((sentence) => texts(report).includes(sentence)));
    await browser().evaluate(() => document.querySelector<HTMLButtonElement>('button.like')?.click());
    await browser().evaluate(() => document.querySelector<HTMLButtonElement>('button.like')?.click());
    expect(await browser().evaluate(() => document.querySelector('.like-count')?.textContent)).toBe('2');
    const report = await pageReport(browser());
    expect(texts(report)).toEqual(expect.arrayContaining(wanted));
    await expectMarksToFollow(browser(), report);
    expect(browser().consoleErrors().slice(before)).toEqual([]);
  });
});
