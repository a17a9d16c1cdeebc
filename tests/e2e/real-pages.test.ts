/**
 * The reader on real pages, in the real browsers: five of the saved pages of
 * `tests/fixtures/readability/` (Mozilla Readability's test pages), served as
 * they were saved, read by the built extension in Chromium and in Firefox.
 * The sentences the extension reports must be those `npm run check` reads
 * from the same file (the same reader, on happy-dom), and none of them may get
 * a verdict: none of these pages is about the EU–Japan partnership.
 *
 * The pages' own scripts and everything they would load from the network are
 * refused by a Content-Security-Policy header (`pages/real.ts`), so that the
 * browser shows the page as saved (and nothing leaves the machine); the
 * extension is not bound by a page's policy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlReadableText, openInertPage } from '../../src/cli/html';
import { overlap, plainText } from '../../src/cli/reader-score';
import { defaultChecker } from '../../src/core';
import { BROWSERS, buildHasContentScript, type ServedPage } from './harness';
import { ROOT } from './harness/paths';
import { realPageSource, REAL_PREFIX, servedRealPages } from './pages/real';
import { pageReport, useExtensionBrowser } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();
const TITLE = HAS_CONTENT_SCRIPT
  ? '%s: real pages read as the CLI reads them'
  : '%s: real pages (skipped: the build has no content script, .output/chrome-mv3/manifest.json lists no content_scripts)';

/** A news site, a public broadcaster, a French daily, a blog platform and a long US article: different markup each. */
const PAGES = ['ars-1', 'bbc-1', 'lemonde-1', 'medium-1', 'nytimes-1'] as const;
const PREFIX = REAL_PREFIX;
const source = realPageSource;
const servedPages = (): Record<string, ServedPage> => servedRealPages(PAGES);

/** The text of the page's `expected.html` (Readability.js's article, reviewed by its maintainers). */
async function goldText(name: string): Promise<string> {
  const page = openInertPage(readFileSync(`${ROOT}tests/fixtures/readability/${name}/expected.html`, 'utf8'));
  try {
    return plainText(page.document.body as unknown as Node);
  } finally {
    await page.close();
  }
}

/** The sentences `npm run check` reports for a page file. */
async function cliSentences(name: string): Promise<string[]> {
  const report = defaultChecker().check(await htmlReadableText(source(name)), { file: name });
  return report.sentences.map((s) => s.text);
}

describe.each(BROWSERS)(TITLE, (browserName) => {
  const session = HAS_CONTENT_SCRIPT ? useExtensionBrowser(browserName, {}, () => ({ pages: servedPages() })) : undefined;

  it.skipIf(!HAS_CONTENT_SCRIPT).each(PAGES)('%s: the same sentences as the CLI, and no verdict', async (name) => {
    const expected = await cliSentences(name);
    // Control: the page has an article to read, so agreeing on nothing could not pass.
    expect(expected.length).toBeGreaterThan(10);
    const browser = session!.browser();
    await browser.open(session!.server().url(`${PREFIX}${name}.html`));
    const report = await pageReport(browser);
    expect(report.sentences.map((s) => s.text)).toEqual(expected);
    expect(report.sentences.filter((s) => s.verdict !== null)).toEqual([]);
    expect(report.summary).toEqual({ conflict: 0, unsupported: 0, supported: 0 });
    // What the browser read, against the saved article: printed, and held to a floor well under what the CLI measures on these pages (0.95 and up).
    const score = overlap(report.sentences.map((s) => s.text).join('\n'), await goldText(name));
    console.log(`${browserName}: ${name}: F1 ${score.f1.toFixed(3)}, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`);
    expect(score.recall).toBeGreaterThan(0.9);
    expect(score.precision).toBeGreaterThan(0.8);
  });
});
