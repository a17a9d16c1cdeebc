/**
 * What a reader sees of the findings, in both browsers: the marks follow the
 * strictness as it changes (no reload), pausing on a site or switching off
 * takes every mark away and back, the card opens on a marked sentence (by
 * hover or click) with the verdict, the reason and the reference passage and
 * closes on Escape, `reveal-finding` and `next-finding` scroll to the
 * sentence, and the toolbar badge counts the page's conflicts.
 *
 * Settings are written to `storage.local` from inside the extension, as the
 * popup writes them; marks are read from the page (its highlight registry, or
 * `<ejfc-mark>` elements); which card is open from its host's
 * `data-finding-start`, and what the card says from its closed shadow root,
 * which the harness reaches through the browser's remote protocol.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STRICTNESS_LEVELS, type Strictness } from '../../src/core';
import { findingsOf, NOTHING_IN_REFERENCE, SEVERITY_LABELS, VERDICT_LABELS } from '../../src/ext/labels';
import type { PageReportReply } from '../../src/ext/messages';
import { BROWSERS, poll, type ExtensionBrowser } from './harness';
import { ROOT } from './harness/paths';
import {
  flaggedSentences,
  inBox,
  inViewport,
  markedPieces,
  marksAndReport,
  openCard,
  openCardStart,
  placeOfMark,
  type CardView,
  type MarkPlace,
} from './marks-and-card';
import { seedPageName } from './pages/generate';
import { SEED_IDS } from './pages/seeds';
import { badgeText, pageReport, screenshotPath, setSettings, useExtensionBrowser } from './support';

/** The label the card gives the reference passage. */
const SOURCE_LABEL = (JSON.parse(readFileSync(`${ROOT}assets/claims.json`, 'utf8')) as { source: { label: string } }).source.label;

/** Longer than the card's leave grace (400 ms) and a frame: a hover card would be gone by then. */
const LONGER_THAN_LEAVE_GRACE_MS = 900;

type Sentence = PageReportReply['sentences'][number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The badge text a page's conflict count calls for: the number, or nothing at 0. */
const expectedBadge = (report: PageReportReply): string => (report.summary.conflict > 0 ? String(report.summary.conflict) : '');

/** Polls the badge until it says what `report` calls for (the background hears of the counts asynchronously). */
const badgeFor = (browser: ExtensionBrowser, report: PageReportReply): Promise<string> =>
  poll(() => badgeText(browser), (text) => text === expectedBadge(report), { what: `the badge to read "${expectedBadge(report)}"` });

/** Polls the page's marks until they match the report (they follow it within the same task, but the page is read from outside). */
const marksOf = (browser: ExtensionBrowser, report: PageReportReply) =>
  poll(
    () => marksAndReport(browser, report),
    ({ marked, reported }) =>
      JSON.stringify([marked.conflict, marked.unsupported]) === JSON.stringify([reported.conflict, reported.unsupported]) &&
      marked.supported.length === 0,
    { timeoutMs: 5_000, what: 'the marks to match the report' },
  ).catch(() => marksAndReport(browser, report));

/** Every trace of the extension on the page: marks, highlights registered under its names, its card host. */
const extensionTraces = (browser: ExtensionBrowser) =>
  browser.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    return {
      highlights: [...(registry?.keys() ?? [])].filter((name) => name.startsWith('ejfc-')),
      elements: document.querySelectorAll('ejfc-mark, ejfc-card').length,
    };
  });

/** Polls until the page has stopped scrolling and the sentence's mark is in view. */
const settledInView = async (browser: ExtensionBrowser, sentence: Sentence): Promise<MarkPlace | null> => {
  let previous = Number.NaN;
  return poll(
    () => placeOfMark(browser, sentence.text, { verdict: sentence.verdict as 'conflict' | 'unsupported' }),
    (place) => {
      const still = place !== null && place.scrollY === previous;
      previous = place?.scrollY ?? Number.NaN;
      return still && inViewport(place);
    },
    { timeoutMs: 10_000, intervalMs: 150, what: `"${sentence.text.slice(0, 40)}…" to be scrolled into view` },
  ).catch(() => placeOfMark(browser, sentence.text, { verdict: sentence.verdict as 'conflict' | 'unsupported' }));
};

/** Waits until the card open is `sentence`'s (by the host's `data-finding-start`), then reads what it says. */
const waitForCard = async (browser: ExtensionBrowser, sentence: Sentence): Promise<CardView | null> => {
  const start = await poll(() => openCardStart(browser), (open) => open === sentence.start, {
    timeoutMs: 5_000,
    what: `the card of the sentence at ${sentence.start} to open`,
  }).catch(() => openCardStart(browser));
  expect(start, 'the card open is the sentence\'s').toBe(sentence.start);
  return openCard(browser);
};

/** Waits until the host says no card is open, then reads the card's shadow root: `null` when nothing shows there either. */
const waitForNoCard = async (browser: ExtensionBrowser): Promise<CardView | null> => {
  await poll(() => openCardStart(browser), (open) => open === null, { timeoutMs: 5_000, what: 'the card to close' }).catch(() => undefined);
  return openCard(browser);
};

/**
 * What the card must say about `sentence`: its verdict (and severity) by
 * name, its reason, and its reference passage under the reference's label;
 * a finding with no passage (a claim the reference does not contain) names
 * the reference it was checked against.
 */
function expectCardFor(card: CardView | null, sentence: Sentence): void {
  expect(card, 'the card is open').not.toBeNull();
  const verdict = VERDICT_LABELS[sentence.verdict!];
  expect(card!.label).toContain(verdict);
  if (sentence.severity) expect(card!.label).toContain(SEVERITY_LABELS[sentence.severity]);
  expect(card!.text).toContain(verdict);
  // It names the sentence, and gives every finding behind the verdict its own reason and passage.
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  expect(card!.sentence).toBe(collapse(sentence.text));
  const findings = findingsOf(sentence);
  expect(findings.length).toBeGreaterThan(0);
  expect(card!.reasons.map((reason) => reason.replace(` ${NOTHING_IN_REFERENCE}`, ''))).toEqual(findings.map((f) => collapse(f.reason)));
  expect(card!.description).toBe(collapse([`The sentence: ${sentence.text}`, ...card!.reasons].join(' ')));
  expect(card!.quotes).toEqual(findings.filter((f) => f.quote).map((f) => collapse(f.quote!)));
  if (findings.some((f) => f.quote)) expect(card!.source).toBe(SOURCE_LABEL);
  else {
    expect(card!.quote).toBe('');
    expect(card!.text).toContain(NOTHING_IN_REFERENCE);
    expect(card!.text).toContain(SOURCE_LABEL);
  }
}

describe.each(BROWSERS)('%s: the findings on the page', (name) => {
  const session = useExtensionBrowser(name);
  const browser = () => session.browser();
  const url = (path: string) => session.server().url(path);
  let errorsBefore = 0;

  beforeEach(() => {
    errorsBefore = browser().consoleErrors().length;
  });
  afterEach(async () => {
    // Back to the defaults for the next test, whatever this one left.
    await setSettings(browser());
    expect(browser().consoleErrors().slice(errorsBefore), 'console errors').toEqual([]);
  });

  it.each(SEED_IDS)('seed-%s.html: a new strictness changes the marks and the badge live, and the marks are the flagged sentences', async (id) => {
    await browser().open(url(seedPageName(id)));
    await pageReport(browser(), (report) => report.strictness === 'balanced');
    // A page global that a reload would lose.
    await browser().evaluate(() => void ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const flaggedAt = {} as Record<Strictness, string[]>;
    for (const level of STRICTNESS_LEVELS) {
      await setSettings(browser(), { strictness: level });
      const report = await pageReport(browser(), (candidate) => candidate.strictness === level);
      const { marked, reported } = await marksOf(browser(), report);
      expect(marked.conflict, `${level}: conflicts marked`).toEqual(reported.conflict);
      expect(marked.unsupported, `${level}: unsupported claims marked`).toEqual(reported.unsupported);
      expect(marked.supported, `${level}: supported sentences are not marked by default`).toEqual([]);
      expect(await badgeFor(browser(), report), `${level}: the badge`).toBe(expectedBadge(report));
      flaggedAt[level] = flaggedSentences(report).map((sentence) => sentence.text);
      if (level === 'lenient') {
        const notHard = flaggedSentences(report).filter((sentence) => sentence.verdict !== 'conflict' || sentence.severity !== 'hard');
        expect(notHard, 'lenient flags hard conflicts only').toEqual([]);
      }
    }
    expect(flaggedAt.balanced).toEqual(expect.arrayContaining(flaggedAt.lenient));
    expect(flaggedAt.strict).toEqual(expect.arrayContaining(flaggedAt.balanced));
    expect(await browser().evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), 'the page was not reloaded').toBe(true);
  });

  it.each([
    ['paused on this site', 'pausedSites: [hostname]', (hostname: string) => ({ pausedSites: [hostname] })],
    ['switched off everywhere', 'enabled: false', () => ({ enabled: false })],
  ] as const)('seed-002.html: %s (%s), every mark goes and the report is empty; back on, they return', async (_what, _setting, off) => {
    await browser().open(url(seedPageName('002')));
    const before = await pageReport(browser());
    const flagged = flaggedSentences(before).map((sentence) => sentence.text);
    expect(flagged.length).toBeGreaterThan(0);
    const shown = await marksOf(browser(), before);
    expect(shown.marked.conflict).toEqual(shown.reported.conflict);

    await setSettings(browser(), off(new URL(url('')).hostname));
    // Off here, the content script answers with an empty, finished report: nothing checked, nothing flagged.
    const report = await pageReport(browser(), (candidate) => candidate.sentences.length === 0);
    expect(report).toMatchObject({ file: url(seedPageName('002')), topical: false, sentences: [], summary: { conflict: 0, unsupported: 0, supported: 0 } });
    expect(await markedPieces(browser())).toEqual({ conflict: [], unsupported: [], supported: [] });
    expect(await extensionTraces(browser()), 'no highlight, mark or card host left').toEqual({ highlights: [], elements: 0 });
    expect(await badgeFor(browser(), report)).toBe('');

    await setSettings(browser());
    const back = await pageReport(browser(), (candidate) => candidate.sentences.length > 0);
    expect(flaggedSentences(back).map((sentence) => sentence.text)).toEqual(flagged);
    const { marked, reported } = await marksOf(browser(), back);
    expect(marked.conflict).toEqual(reported.conflict);
    expect(marked.unsupported).toEqual(reported.unsupported);
    expect(await badgeFor(browser(), back)).toBe(expectedBadge(before));
  });

  it('seed-002.html: pausing another site leaves this page marked', async () => {
    await browser().open(url(seedPageName('002')));
    const before = await pageReport(browser());
    // With a strictness change in the same write, to know when the page has heard of it.
    await setSettings(browser(), { pausedSites: ['example.org'], strictness: 'strict' });
    const report = await pageReport(browser(), (candidate) => candidate.strictness === 'strict');
    expect(report.sentences.map((sentence) => sentence.text)).toEqual(before.sentences.map((sentence) => sentence.text));
    expect((await marksOf(browser(), report)).marked.conflict).toEqual(report.sentences.filter((s) => s.verdict === 'conflict').map((s) => s.text));
  });

  it('seed-002.html: hovering a conflict opens its card (verdict, reason, reference passage), below the sentence; Escape closes it', async () => {
    await browser().open(url(seedPageName('002')));
    const report = await pageReport(browser());
    const target = report.sentences.find((sentence) => sentence.verdict === 'conflict' && sentence.severity === 'hard');
    expect(target, 'seed 002 has a hard conflict').toBeDefined();
    expect(await openCardStart(browser())).toBeNull();

    const place = await placeOfMark(browser(), target!.text, { scroll: true });
    expect(place, 'the conflict is marked').not.toBeNull();
    await browser().page.mouseMove(place!.point.x, place!.point.y);
    const card = await waitForCard(browser(), target!);
    expectCardFor(card, target!);
    // Beside the sentence, not over the words the reader points at.
    expect(inBox(place!.point, card!.box)).toBe(false);
    expect(card!.box.top >= place!.box.bottom || card!.box.bottom <= place!.box.top).toBe(true);
    await browser().screenshot(screenshotPath(browser(), 'card-hover'));

    await browser().page.press('Escape');
    expect(await waitForNoCard(browser())).toBeNull();
  });

  it('seed-002.html: clicking a conflict opens its card, which stays when the pointer leaves; Escape closes it', async () => {
    await browser().open(url(seedPageName('002')));
    const report = await pageReport(browser());
    const target = report.sentences.find((sentence) => sentence.verdict === 'conflict' && sentence.severity === 'hard')!;
    const place = await placeOfMark(browser(), target.text, { scroll: true });
    await browser().page.click(place!.point.x, place!.point.y);
    expectCardFor(await waitForCard(browser(), target), target);

    // Somewhere with no mark: the page's left margin.
    await browser().page.mouseMove(4, place!.viewport.height - 4);
    await sleep(LONGER_THAN_LEAVE_GRACE_MS);
    expect(await openCardStart(browser())).toBe(target.start);
    expectCardFor(await openCard(browser()), target);

    await browser().page.press('Escape');
    expect(await waitForNoCard(browser())).toBeNull();
  });

  it('seed-000.html: reveal-finding scrolls to the sentence and opens its card', async () => {
    await browser().open(url(seedPageName('000')));
    const report = await pageReport(browser());
    const flagged = flaggedSentences(report);
    const target = flagged[flagged.length - 1]!;
    await browser().evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    const before = await placeOfMark(browser(), target.text, { verdict: target.verdict as 'conflict' | 'unsupported' });
    expect(before && inViewport(before), 'the last flagged sentence starts out of view').toBe(false);

    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: target.start })).toBe(true);
    const after = await settledInView(browser(), target);
    expect(after!.scrollY).toBeGreaterThan(0);
    expect(inViewport(after!)).toBe(true);
    const card = await waitForCard(browser(), target);
    expectCardFor(card, target);
    await browser().screenshot(screenshotPath(browser(), 'card-revealed'));

    // A start no marked sentence has: nothing to reveal.
    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: target.start + 1 })).toBe(false);
    await browser().page.press('Escape');
    expect(await waitForNoCard(browser())).toBeNull();
  });

  it('seed-000.html: next-finding goes from one flagged sentence to the next, scrolling to each and focusing its card', async () => {
    await browser().open(url(seedPageName('000')));
    const report = await pageReport(browser());
    const flagged = flaggedSentences(report);
    expect(flagged.length).toBeGreaterThan(2);
    await browser().evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    const bottom = await browser().evaluate(() => scrollY);

    for (const [index, target] of flagged.slice(0, 3).entries()) {
      expect(await browser().sendToTab<boolean>({ type: 'next-finding' })).toBe(true);
      const place = await settledInView(browser(), target);
      expect(place && inViewport(place), `flagged sentence ${index + 1} is in view`).toBe(true);
      if (index === 0) expect(place!.scrollY).toBeLessThan(bottom);
      const card = await waitForCard(browser(), target);
      expectCardFor(card, target);
      expect(card!.focused, 'focus is in the card').toBe(true);
    }
    await browser().page.press('Escape');
    expect(await waitForNoCard(browser())).toBeNull();
  });

  it('the badge is cleared when the tab loads a page with no conflict', async () => {
    await browser().open(url(seedPageName('002')));
    const seed = await pageReport(browser());
    expect(await badgeFor(browser(), seed)).not.toBe('');
    await browser().open(url('ordinary.html'));
    const ordinary = await pageReport(browser());
    expect(ordinary.summary.conflict).toBe(0);
    expect(await badgeFor(browser(), ordinary)).toBe('');
  });
});
