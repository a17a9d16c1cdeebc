/**
 * Hostile pages (tests/e2e/pages/hostile.ts) in Chromium and Firefox: on each
 * the page keeps working (its own timer and button), the extension finishes a
 * sensible report, marks what it flags, and neither console shows an error.
 */
import { readFileSync } from 'node:fs';
import { findingsOf } from '../../src/ext/labels';
import { highlightNamesOf } from '../../src/page/marking/highlight-styles';
import { describe, expect, it } from 'vitest';
import type { PageReportReply } from '../../src/ext/messages';
import { splitSentences } from '../../src/core/text/sentences';
import { PAINT_ALL_UP_TO } from '../../src/page/session/session';
import { BROWSERS, buildHasContentScript, poll, POPUP_VIEWPORT, type ExtensionBrowser, type ServedPage } from './harness';
import { flaggedSentences, marksAndReport, openCard, placeOfMark, CARD_HOST } from './marks-and-card';
import {
  ARABIC_PARAGRAPH,
  CHINESE_PARAGRAPH,
  CSP_HEADER_PAGE,
  cspPolicy,
  DEEP_NESTING,
  generatedHostilePages,
  HEBREW_PARAGRAPH,
  HOSTILE_DIR,
  HOSTILE_PREFIX,
  HUGE_TEXT_HEADLINE,
  HUGE_TEXT_LENGTH,
  hugeText,
  JAPANESE_ARTICLE,
  MANY_ELEMENTS,
  MANY_ELEMENTS_HEADLINE,
  manyElementsParagraphs,
  MARKUP_SENTENCES,
  renderHostilePages,
  shadowFrameTexts,
} from './pages/hostile';
import { seedSentences } from './pages/seeds';
import { screenshotPath, setSettings, useExtensionBrowser, waitForFixtureReady } from './support';

const HAS_CONTENT_SCRIPT = buildHasContentScript();

/** The two huge pages are made once per test file, in memory. */
let generated: Record<string, string> | undefined;
const generatedPages = (): Record<string, string> => (generated ??= generatedHostilePages());

function servedPages(): Record<string, ServedPage> {
  const pages: Record<string, ServedPage> = {};
  for (const [name, body] of Object.entries(generatedPages())) pages[`${HOSTILE_PREFIX}${name}`] = { body };
  pages[`${HOSTILE_PREFIX}${CSP_HEADER_PAGE}`] = { headers: { 'content-security-policy': cspPolicy() } };
  return pages;
}

const texts = (report: PageReportReply): string[] => report.sentences.map((sentence) => sentence.text);
const sentencesOf = (text: string): string[] => splitSentences(text).map((span) => span.text);

describe('hostile fixture pages (no browser)', () => {
  it.each(Object.entries(renderHostilePages()))(
    'tests/fixtures/hostile/%s is up to date with tests/e2e/pages/hostile.ts (rerun it after changing the generator)',
    (name, html) => {
      expect(readFileSync(`${HOSTILE_DIR}/${name}`, 'utf8')).toBe(html);
    },
  );

  it('huge-text.html holds at least 5 MiB of text, and many-elements.html at least 100,000 elements', () => {
    expect(hugeText().length).toBeGreaterThanOrEqual(HUGE_TEXT_LENGTH);
    const tags = generatedPages()['many-elements.html']!.match(/<[a-z][a-z0-9]*[\s>]/g) ?? [];
    expect(tags.length).toBeGreaterThanOrEqual(MANY_ELEMENTS);
  });

  it('the CSP policy forbids everything by default and allows only the pages’ inline script', () => {
    expect(cspPolicy()).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'$/);
  });
});

/** How long a hostile page may take to be checked: the 5 MB page is about 30,000 sentences on a loaded 2-core machine. */
const DONE_TIMEOUT_MS = 240_000;

describe.each(BROWSERS)('%s: hostile pages', (name) => {
  const session = HAS_CONTENT_SCRIPT ? useExtensionBrowser(name, {}, () => ({ pages: servedPages() })) : undefined;
  const browser = (): ExtensionBrowser => session!.browser();
  const url = (page: string): string => session!.server().url(`${HOSTILE_PREFIX}${page}`);

  /** Reads a page in a world of its own when the page broke its built-ins. */
  const read = <Result, Arg = undefined>(isolated: boolean, fn: (arg: Arg) => Result, arg?: Arg): Promise<Result> =>
    isolated ? browser().page.evaluateIsolated(fn, arg) : browser().evaluate(fn, arg);

  /** Asks for the report until it is done (and `accept` holds); returns it with the time from `since`. */
  async function finishedReport(
    since: number,
    accept: (report: PageReportReply) => boolean = () => true,
    intervalMs = 500,
  ): Promise<{ report: PageReportReply; ms: number }> {
    // The report of the page now open, not of one before it.
    const address = await browser().page.evaluateIsolated(() => location.href);
    let doneAt = 0;
    const report = await poll(
      async () => {
        const reply = await browser().sendToTab<PageReportReply>({ type: 'get-page-report' });
        doneAt = Date.now();
        return reply;
      },
      (reply) => reply?.status === 'done' && reply.file === address && accept(reply),
      { timeoutMs: DONE_TIMEOUT_MS, intervalMs, what: 'a finished page report' },
    );
    return { report, ms: doneAt - since };
  }

  /** The page's own script still runs: its timer keeps counting, and its button counts a click. */
  async function expectPageToWork(isolated = false): Promise<void> {
    const ticks = () => read(isolated, () => Number(document.documentElement.getAttribute('data-page-ticks') ?? '0'));
    const before = await ticks();
    expect(await poll(ticks, (now) => now > before, { what: "the page's timer to tick" })).toBeGreaterThan(before);
    const clicksBefore = await read(isolated, () => Number(document.getElementById('page-clicks')?.getAttribute('data-clicks')));
    await read(isolated, () => document.getElementById('page-button')?.click());
    expect(await read(isolated, () => Number(document.getElementById('page-clicks')?.getAttribute('data-clicks')))).toBe(clicksBefore + 1);
  }

  /**
   * Any error in either console since `before` (the page's own, the content
   * script's, the background's), except Firefox's report that a strict CSP
   * page refused its own favicon: the browser asks for `/favicon.ico` on the
   * page's behalf and the page's `img-src` (`default-src 'none'`) says no.
   */
  const errorsSince = (before: number) =>
    browser()
      .consoleErrors()
      .slice(before)
      .filter((error) => !/\(img-src\) at http:\/\/127\.0\.0\.1:\d+\/favicon\.ico because/.test(error.text));

  /** Highlight ranges of each verdict (or fallback mark elements), counted in the page. */
  const markCount = (isolated = false): Promise<number> =>
    read(
      isolated,
      (names: string[]) => {
        const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
        // By name (every look of the two verdicts): Firefox's sandbox cannot iterate the page's registry.
        const ranges = names.reduce((sum, name) => sum + (registry?.get(name)?.size ?? 0), 0);
        return ranges + document.querySelectorAll('ejfc-mark').length;
      },
      [...highlightNamesOf('conflict'), ...highlightNamesOf('unsupported')],
    );

  /** The marks are exactly the report's flagged sentences. */
  async function expectMarksToFollow(report: PageReportReply): Promise<void> {
    const { marked, reported } = await poll(
      () => marksAndReport(browser(), report),
      (found) => JSON.stringify(found.marked) === JSON.stringify({ ...found.reported, supported: [] }),
      { timeoutMs: 10_000, what: 'the marks to match the report' },
    ).catch(() => marksAndReport(browser(), report));
    expect(marked.conflict).toEqual(reported.conflict);
    expect(marked.unsupported).toEqual(reported.unsupported);
  }

  /**
   * On a page with more flagged sentences than are painted at once (see
   * `NearViewportHighlighter`): what is marked is flagged in the report, with
   * its verdict, but not all of it; after a scroll to the end, the last
   * flagged sentence is marked too.
   */
  async function expectMarksNearViewport(report: PageReportReply): Promise<void> {
    const flagged = flaggedSentences(report);
    const total = (marked: Record<string, string[]>) => marked.conflict!.length + marked.unsupported!.length;
    const { marked, reported } = await poll(
      () => marksAndReport(browser(), report),
      (found) => total(found.marked) > 0,
      { timeoutMs: 10_000, what: 'marks near the top of the page' },
    );
    for (const verdict of ['conflict', 'unsupported'] as const) for (const sentence of marked[verdict]) expect(reported[verdict]).toContain(sentence);
    expect(marked.supported).toEqual([]);
    expect(total(marked)).toBeLessThan(flagged.length);
    const last = flagged[flagged.length - 1]!;
    await browser().evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const atEnd = await poll(
      () => marksAndReport(browser(), report),
      (found) => found.marked[last.verdict as 'conflict' | 'unsupported'].includes(last.text),
      { timeoutMs: 10_000, what: 'the last flagged sentence to be marked once scrolled to' },
    ).catch(() => marksAndReport(browser(), report));
    expect(atEnd.marked[last.verdict as 'conflict' | 'unsupported']).toContain(last.text);
    await browser().evaluate(() => window.scrollTo(0, 0));
  }

  /**
   * Points at the first hard conflict and reads the card: its description
   * must be the report's reason and its quote the report's passage.
   */
  async function expectCardOnHover(report: PageReportReply): Promise<void> {
    const target = flaggedSentences(report).find((sentence) => sentence.verdict === 'conflict');
    expect(target, 'a conflict to point at').toBeDefined();
    const place = await poll(
      () => placeOfMark(browser(), target!.text, { scroll: true }),
      (found) => found !== null,
      { timeoutMs: 10_000, what: 'the mark to be on screen' },
    );
    await browser().page.mouseMove(place!.point.x, place!.point.y);
    const card = await poll(() => openCard(browser()), (view) => view !== null, { timeoutMs: 10_000, what: 'the card to open' });
    // Described by its sentence, then every finding's reason; each finding's passage quoted.
    const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(card!.sentence).toBe(collapse(target!.text));
    for (const finding of findingsOf(target!)) expect(card!.description).toContain(collapse(finding.reason));
    expect(card!.quotes).toEqual(findingsOf(target!).flatMap((f) => (f.quote ? [collapse(f.quote)] : [])));
    expect(card!.label).toMatch(/conflict/i);
    // The card is on screen and is what the reader sees at its centre (nothing of the page's lies over it).
    const centre = { x: (card!.box.left + card!.box.right) / 2, y: (card!.box.top + card!.box.bottom) / 2 };
    expect(card!.box.right - card!.box.left).toBeGreaterThan(100);
    expect(await browser().evaluate((point) => document.elementFromPoint(point.x, point.y)?.tagName.toLowerCase() ?? null, centre)).toBe(CARD_HOST);
    await browser().page.press('Escape');
    await browser().page.mouseMove(2, 2);
  }

  /** The line under the first conflict mark, as the page's styles resolve it (`::highlight()` read back, or the fallback element). */
  const conflictLine = (): Promise<string | null> =>
    browser().evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
      const [name, ranges] = [...(registry?.entries() ?? [])].find(([n, set]) => n.startsWith('ejfc-conflict') && [...set].length > 0) ?? [];
      const range = ranges ? [...ranges][0] : undefined;
      const element = range?.startContainer.parentElement;
      if (element) return getComputedStyle(element, `::highlight(${name})`).textDecorationLine;
      const mark = document.querySelector('ejfc-mark[data-verdict="conflict"]');
      return mark ? getComputedStyle(mark).textDecorationLine : null;
    });

  /** How the open card's parts are drawn, read inside its shadow root. */
  async function cardLooks() {
    const looks = await browser().page.evaluateInShadowRoot(CARD_HOST, (root) =>
      ['[role="dialog"]', '#ejfc-reason-0', 'blockquote', 'figcaption'].map((selector) => {
        const element = root.querySelector(selector)!;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          selector,
          display: style.display,
          visibility: style.visibility,
          opacity: style.opacity,
          color: style.color,
          background: style.backgroundColor,
          font: style.font,
          fontSize: parseFloat(style.fontSize),
          width: box.width,
          height: box.height,
        };
      }),
    );
    return looks ?? [];
  }

  /** Where the main thread's time went since `start` (Chromium's counters), for the log. */
  async function mainThreadSince(start: Record<string, number> | null): Promise<string> {
    const end = await browser().page.performanceMetrics();
    if (!start || !end) return 'no counters in this browser';
    return ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']
      .map((key) => `${key} ${((end[key]! - start[key]!) * 1000).toFixed(0)} ms`)
      .join(', ');
  }

  const skip = !HAS_CONTENT_SCRIPT;

  it.skipIf(skip)('huge-text.html: one 5 MB text node is read whole and checked, sentence by sentence', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('huge-text.html'));
    const opened = Date.now();
    const node = await browser().evaluate(() => {
      const p = document.getElementById('huge')!;
      return { children: p.childNodes.length, length: p.firstChild?.nodeValue?.length ?? 0 };
    });
    expect(node.children).toBe(1);
    expect(node.length).toBeGreaterThanOrEqual(HUGE_TEXT_LENGTH);
    const atLoad = await browser().page.performanceMetrics();
    // Asked seldom: each answer while scanning is a large message the content script must build.
    const { report, ms } = await finishedReport(opened, () => true, 2_000);
    console.log(`${name}: huge-text.html (${node.length} characters, one text node): 'done' ${ms} ms after load, ${report.sentences.length} sentences, ${JSON.stringify(report.summary)}`);
    console.log(`${name}: huge-text.html: main thread from load to 'done': ${await mainThreadSince(atLoad)}`);
    const expected = sentencesOf(`${HUGE_TEXT_HEADLINE}\n${hugeText()}`);
    expect(report.topical).toBe(true);
    expect(report.sentences.length).toBe(expected.length);
    expect(texts(report).slice(0, 50)).toEqual(expected.slice(0, 50));
    expect(texts(report).slice(-50)).toEqual(expected.slice(-50));
    expect(report.summary.conflict).toBeGreaterThan(0);
    expect(report.summary.conflict + report.summary.unsupported + report.summary.supported).toBeLessThanOrEqual(report.sentences.length);
    expect(await markCount()).toBe(report.summary.conflict + report.summary.unsupported);
    await expectPageToWork();
    expect(errorsSince(before)).toEqual([]);
  }, DONE_TIMEOUT_MS + 60_000);

  it.skipIf(skip)('many-elements.html: 100,000 elements, every word in elements of its own, are read and checked', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('many-elements.html'));
    const opened = Date.now();
    const elements = await browser().evaluate(() => document.getElementsByTagName('*').length);
    expect(elements).toBeGreaterThanOrEqual(MANY_ELEMENTS);
    const atLoad = await browser().page.performanceMetrics();
    const { report, ms } = await finishedReport(opened);
    console.log(`${name}: many-elements.html (${elements} elements): 'done' ${ms} ms after load, ${report.sentences.length} sentences, ${JSON.stringify(report.summary)}`);
    console.log(`${name}: many-elements.html: main thread from load to 'done': ${await mainThreadSince(atLoad)}`);
    const expected = sentencesOf([MANY_ELEMENTS_HEADLINE, ...manyElementsParagraphs()].join('\n'));
    expect(report.topical).toBe(true);
    expect(report.sentences.length).toBe(expected.length);
    expect(texts(report)).toEqual(expected);
    expect(flaggedSentences(report).length).toBeGreaterThan(PAINT_ALL_UP_TO);
    await expectMarksNearViewport(report);
    await expectPageToWork();
    expect(errorsSince(before)).toEqual([]);
  });

  it.skipIf(skip)('deep.html: an article spread over 5,000 levels of nesting is read in order', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('deep.html'));
    await waitForFixtureReady(browser());
    const depth = await browser().evaluate(() => {
      let deepest = 0;
      for (const p of document.querySelectorAll('article p')) {
        let levels = 0;
        for (let n: Node | null = p; n; n = n.parentNode) levels++;
        deepest = Math.max(deepest, levels);
      }
      return deepest;
    });
    expect(depth).toBeGreaterThan(DEEP_NESTING);
    const { report } = await finishedReport(Date.now());
    expect(texts(report)).toEqual(seedSentences('004'));
    await expectMarksToFollow(report);
    await expectPageToWork();
    expect(errorsSince(before)).toEqual([]);
  });

  it.skipIf(skip)('shadow-frames.html: text in shadow roots in frames and frames in shadow roots is read in page order', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('shadow-frames.html'));
    await waitForFixtureReady(browser());
    const wanted = sentencesOf(shadowFrameTexts().join('\n'));
    const { report } = await finishedReport(Date.now(), (candidate) => wanted.every((sentence) => texts(candidate).includes(sentence)));
    expect(texts(report)).toEqual(wanted);
    expect(report.summary.conflict + report.summary.unsupported).toBeGreaterThan(0);
    await expectPageToWork();
    expect(errorsSince(before)).toEqual([]);
  });

  it.skipIf(skip)('mutating.html: a page that changes every frame, forever, is checked, and the extension does not keep the CPU busy', async () => {
    const before = browser().consoleErrors().length;
    const frames = () => browser().evaluate(() => Number(document.documentElement.getAttribute('data-frames') ?? '0'));
    const metric = async (): Promise<{ at: number; script: number; task: number } | null> => {
      const metrics = await browser().page.performanceMetrics();
      return metrics ? { at: Date.now(), script: metrics.ScriptDuration ?? 0, task: metrics.TaskDuration ?? 0 } : null;
    };
    /** Main-thread script and task time per second of wall time over a window of `ms`. */
    const window = async (ms: number): Promise<{ script: number; task: number; frames: number } | null> => {
      const [start, framesBefore] = [await metric(), await frames()];
      await new Promise((resolve) => setTimeout(resolve, ms));
      const [end, framesAfter] = [await metric(), await frames()];
      if (!start || !end) return null;
      const seconds = (end.at - start.at) / 1000;
      return { script: (end.script - start.script) / seconds, task: (end.task - start.task) / seconds, frames: (framesAfter - framesBefore) / seconds };
    };
    const hostname = new URL(url('mutating.html')).hostname;
    try {
      // Off for this site first: what the page alone costs.
      await setSettings(browser(), { pausedSites: [hostname] });
      await browser().open(url('mutating.html'));
      await poll(frames, (n) => n > 30, { what: 'the page to animate' });
      const off = await window(4_000);
      // On: the session starts on this very document; first its whole check, then the steady state.
      const switchedOn = await metric();
      await setSettings(browser(), {});
      const { report, ms } = await finishedReport(Date.now(), (candidate) => candidate.topical);
      const checked = await metric();
      const on = await window(4_000);
      expect(texts(report)).toEqual(expect.arrayContaining(seedSentences('003')));
      expect(report.summary.conflict + report.summary.unsupported).toBeGreaterThan(0);

      // Not looping: sampled over a few seconds the report is mostly done, and stays the size of the page.
      const samples: PageReportReply[] = [];
      const sampleUntil = Date.now() + 4_000;
      while (Date.now() < sampleUntil) {
        samples.push(await browser().sendToTab<PageReportReply>({ type: 'get-page-report' }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const doneShare = samples.filter((sample) => sample.status === 'done').length / samples.length;
      const largest = Math.max(...samples.map((sample) => sample.sentences.length));
      // The page holds the seed, a ticker, a clock and at most 30 feed items; a few more come and go between batches.
      const pageSentences = seedSentences('003').length + 2 + 30;
      console.log(`${name}: mutating.html: 'done' ${ms} ms after switching on; ${samples.length} samples over 4 s, ${(doneShare * 100).toFixed(0)}% done; largest report ${largest} sentences (page about ${pageSentences})`);
      expect(doneShare).toBeGreaterThan(0.5);
      expect(largest).toBeLessThan(pageSentences * 3);

      if (off && on && switchedOn && checked) {
        // Task time, not script time: Chromium's ScriptDuration leaves out much of what runs in the
        // content script's isolated world; TaskDuration is everything the page's main thread did.
        const share = on.task - off.task;
        const fullCheck = checked.task - switchedOn.task - off.task * ((checked.at - switchedOn.at) / 1000);
        console.log(
          `${name}: mutating.html: page alone ${(off.script * 1000).toFixed(1)} ms script/s (${(off.task * 1000).toFixed(1)} ms task/s, ${off.frames.toFixed(0)} frames/s); ` +
            `with the extension ${(on.script * 1000).toFixed(1)} ms script/s (${(on.task * 1000).toFixed(1)} ms task/s, ${on.frames.toFixed(0)} frames/s); ` +
            `extension's share ${(share * 1000).toFixed(1)} ms task/s; its first full check of the page ${(fullCheck * 1000).toFixed(1)} ms of tasks`,
        );
        // The bounds. What they must catch: a loop (a core kept busy, 1,000 ms
        // a second) or the page re-read every frame (one full check per
        // frame). Measured on a quiet machine the share is 80-100 ms a second;
        // on this shared 2-core machine, with other work beside the test, one
        // run in three saw 160-210 ms, so the absolute bound is 35% of a core,
        // and the share must stay under a third of what re-checking every
        // frame would cost. (With the engine in the background a full check
        // costs the page about 16 ms of tasks, so re-checking every frame
        // would keep about one core busy: the first bound checks that the
        // measure can still tell that from what the extension does.)
        const everyFrame = fullCheck * on.frames;
        expect(everyFrame).toBeGreaterThan(0.5);
        expect(share).toBeLessThan(0.35);
        expect(share).toBeLessThan(everyFrame / 3);
        // And the page keeps its frame rate.
        expect(on.frames).toBeGreaterThan(off.frames * 0.5);
      }
      await expectPageToWork();
      expect(errorsSince(before)).toEqual([]);
    } finally {
      await setSettings(browser(), {});
    }
  });

  it.skipIf(skip)('poisoned.html: a page that breaks DOM methods, Array.prototype, JSON and more is still read, checked and marked', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('poisoned.html'));
    expect(await browser().page.evaluateIsolated(() => document.documentElement.getAttribute('data-poisoned'))).toBe('yes');
    const { report } = await finishedReport(Date.now());
    expect(texts(report)).toEqual(seedSentences('000'));
    const flagged = report.summary.conflict + report.summary.unsupported;
    expect(flagged).toBeGreaterThan(0);
    expect(await poll(() => markCount(true), (count) => count === flagged, { what: 'every flagged sentence to be marked' })).toBe(flagged);
    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: flaggedSentences(report)[0]!.start })).toBe(true);
    await expectPageToWork(true);
    expect(errorsSince(before)).toEqual([]);
  });

  it.skipIf(skip).each(['csp-header.html', 'csp-meta.html'])(
    '%s: under default-src \'none\' the marks are styled and the card works, with no CSP violation',
    async (page) => {
      const before = browser().consoleErrors().length;
      if (page === CSP_HEADER_PAGE) {
        const response = await fetch(url(page));
        expect(response.headers.get('content-security-policy')).toBe(cspPolicy());
      }
      await browser().open(url(page));
      const { report } = await finishedReport(Date.now());
      expect(texts(report)).toEqual(seedSentences('002'));
      await expectMarksToFollow(report);
      // The mark's style got in: the highlight draws a line.
      expect(await conflictLine()).toContain('underline');
      await expectCardOnHover(report);
      await browser().screenshot(screenshotPath(browser(), `hostile-${page.replace('.html', '')}`));
      // The page's own favicon (Firefox checks it against img-src) is the page's business; nothing else may be refused.
      const violations = await browser().evaluate(() => document.documentElement.getAttribute('data-csp-violations'));
      expect((violations ?? '').split(' | ').filter((entry) => entry !== '' && !entry.endsWith('/favicon.ico'))).toEqual([]);
      await expectPageToWork();
      expect(errorsSince(before)).toEqual([]);
    },
  );

  it.skipIf(skip)('rtl-cjk.html: Japanese, Chinese, Arabic and Hebrew sentences are read as sentences; the English ones are marked and carded', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('rtl-cjk.html'));
    const { report } = await finishedReport(Date.now());
    for (const sentence of [...JAPANESE_ARTICLE, ...CHINESE_PARAGRAPH, ...ARABIC_PARAGRAPH, ...HEBREW_PARAGRAPH]) expect(texts(report)).toContain(sentence);
    expect(texts(report)).toEqual(expect.arrayContaining(seedSentences('000')));
    await expectMarksToFollow(report);
    await expectCardOnHover(report);
    await browser().screenshot(screenshotPath(browser(), 'hostile-rtl-cjk'));
    await expectPageToWork();
    expect(errorsSince(before)).toEqual([]);
  });

  it.skipIf(skip)("styled.html: the page's CSS on every element leaves the marks drawn and the card readable and right", async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('styled.html'));
    const { report } = await finishedReport(Date.now());
    expect(texts(report)).toEqual(seedSentences('000'));
    await expectMarksToFollow(report);
    expect(await conflictLine()).toContain('underline');
    await expectCardOnHover(report);
    // Reopen and read how the card's text is drawn, inside its shadow root.
    const target = flaggedSentences(report).find((sentence) => sentence.verdict === 'conflict')!;
    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: target.start })).toBe(true);
    await poll(() => openCard(browser()), (view) => view !== null, { timeoutMs: 10_000, what: 'the card to open' });
    const looks = await cardLooks();
    for (const look of looks) {
      expect(look.display, look.selector).not.toBe('none');
      expect(look.visibility, look.selector).toBe('visible');
      expect(look.color, look.selector).not.toMatch(/rgba\(.*, 0\)|transparent/);
      expect(look.fontSize, look.selector).toBeGreaterThanOrEqual(11);
      expect(look.width * look.height, look.selector).toBeGreaterThan(0);
    }
    expect(looks).toHaveLength(4);
    await browser().screenshot(screenshotPath(browser(), 'hostile-styled-card'));
    await browser().page.press('Escape');
    // The same card on the same article without the page's CSS looks the same in every respect.
    await browser().open(url('rtl-cjk.html'));
    const plain = (await finishedReport(Date.now())).report;
    const same = flaggedSentences(plain).find((sentence) => sentence.text === target.text)!;
    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: same.start })).toBe(true);
    await poll(() => openCard(browser()), (view) => view !== null, { timeoutMs: 10_000, what: 'the card to open' });
    expect(looks.map(({ width, ...look }) => look)).toEqual((await cardLooks()).map(({ width, ...look }) => look));
    await browser().page.press('Escape');
    await browser().open(url('styled.html'));
    await expectPageToWork();
    expect(errorsSince(before)).toEqual([]);
  });

  it.skipIf(skip)('markup.html: text that looks like markup is shown as text in the card and the popup, and nothing runs', async () => {
    const before = browser().consoleErrors().length;
    await browser().open(url('markup.html'));
    const { report } = await finishedReport(Date.now());
    const flagged = flaggedSentences(report);
    expect(flagged.map((sentence) => sentence.text)).toEqual(MARKUP_SENTENCES);
    /** Elements that markup in the page's text would have made. */
    const madeFromText = (root: ParentNode): number =>
      root.querySelectorAll('img[src="x"], img[onerror], script:not([src]), a[href^="javascript:"], [onerror]').length +
      [...root.querySelectorAll('b')].filter((b) => b.textContent === 'second').length;
    for (const sentence of flagged) {
      expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: sentence.start })).toBe(true);
      // The sentence, markup and all, shown as text in the card.
      const card = await poll(() => openCard(browser()), (view) => view?.sentence === sentence.text.replace(/\s+/g, ' ').trim(), { timeoutMs: 10_000, what: 'the card to open' });
      for (const finding of findingsOf(sentence)) expect(card!.description).toContain(finding.reason.replace(/\s+/g, ' ').trim());
      const made = await browser().page.evaluateInShadowRoot(CARD_HOST, new Function('root', `return (${madeFromText.toString()})(root);`) as (root: ShadowRoot) => number);
      expect(made).toBe(0);
    }
    const popup = await browser().extensionPage('popup.html', POPUP_VIEWPORT);
    try {
      const shown = await poll(
        () => popup.evaluate(() => document.body.innerText.replace(/\s+/g, ' ')),
        (text) => MARKUP_SENTENCES.every((sentence) => text.includes(sentence)),
        { what: 'the popup to list the sentences, markup as text' },
      );
      for (const sentence of MARKUP_SENTENCES) expect(shown).toContain(sentence);
      expect(await popup.evaluate(new Function(`return (${madeFromText.toString()})(document.body);`) as () => number)).toBe(0);
      await popup.screenshot(screenshotPath(browser(), 'hostile-markup-popup'));
    } finally {
      await popup.close();
    }
    expect(await browser().evaluate(() => document.documentElement.getAttribute('data-alerted'))).toBeNull();
    expect(await browser().evaluate(() => document.querySelectorAll('img, a[href^="javascript:"], [onerror]').length)).toBe(0);
    await expectPageToWork();
    expect(errorsSince(before)).toEqual([]);
  });
});
