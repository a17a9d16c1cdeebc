/**
 * Marks that are painted, not just registered: the other marks tests read
 * the page's `CSS.highlights`, which says what the browser was asked to
 * paint. Here each visible registered range is looked for in screenshots,
 * marks on against marks off: a range whose line boxes show no difference is
 * registered but not painted (as Firefox once left "After Tokyo, …" on
 * seed-000).
 *
 * The check itself is shown able to fail: a range registered under a name no
 * style paints must come out unpainted.
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES } from '../../src/page/marking/highlight-styles';
import { BROWSERS, poll, SCREENSHOTS_DIR, type ExtensionBrowser } from './harness';
import { flaggedSentences, hideHighlights, showHighlights, visibleMarks, type Box, type VisibleMark } from './marks-and-card';
import { seedPageName } from './pages/generate';
import { SEED_IDS } from './pages/seeds';
import { readPng, type Pixels } from './png';
import { pageReport, useExtensionBrowser } from './support';

const MARK_HIGHLIGHTS = Object.values(HIGHLIGHT_NAMES);
/** A highlight the extension never styles: the control that must show unpainted. */
const UNSTYLED = 'ejfc-test-unstyled';

/** Colour distance (sum over R, G, B) above which two pixels differ: more than antialiasing noise. */
const PIXEL_DIFFERENCE = 40;
/**
 * Changed pixels per CSS pixel of line width for a mark to count as painted.
 * A 2px dashed underline changes about 1 per pixel of width, a conflict's
 * tinted background many more; an unpainted range changes none.
 */
const PAINTED_PER_PIXEL = 0.25;

/**
 * Pixels that differ between the two screenshots inside `rects` (each
 * stretched a few pixels down, where an underline may run: the second of two
 * neighbouring marks draws its line lower, 0.38em below the baseline).
 */
function changedPixels(on: Pixels, off: Pixels, rects: readonly Box[]): number {
  let changed = 0;
  for (const rect of rects) {
    for (let y = Math.max(0, Math.floor(rect.top)); y < Math.min(on.height, Math.ceil(rect.bottom) + 7); y++) {
      for (let x = Math.max(0, Math.floor(rect.left)); x < Math.min(on.width, Math.ceil(rect.right)); x++) {
        const i = (y * on.width + x) * 4;
        const distance = Math.abs(on.rgba[i]! - off.rgba[i]!) + Math.abs(on.rgba[i + 1]! - off.rgba[i + 1]!) + Math.abs(on.rgba[i + 2]! - off.rgba[i + 2]!);
        if (distance > PIXEL_DIFFERENCE) changed += 1;
      }
    }
  }
  return changed;
}

/** The visible registered ranges of `names`, each with whether the screenshots show it painted. */
async function paintedMarks(browser: ExtensionBrowser, names: readonly string[], label: string): Promise<Array<VisibleMark & { painted: boolean }>> {
  // Still and settled, so that the two screenshots differ only by the marks.
  const scrolled = await browser.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return scrollY;
  });
  const marks = await visibleMarks(browser, names);
  if (marks.length === 0) return [];
  const onPath = `${SCREENSHOTS_DIR}/paint/${browser.name}-${label}-on.png`;
  const offPath = `${SCREENSHOTS_DIR}/paint/${browser.name}-${label}-off.png`;
  await browser.screenshot(onPath);
  await hideHighlights(browser, names);
  try {
    await browser.screenshot(offPath);
  } finally {
    await showHighlights(browser);
  }
  expect(await browser.evaluate(() => scrollY), 'the page did not move between the screenshots').toBe(scrolled);
  const on = readPng(onPath);
  const off = readPng(offPath);
  expect(on.width, 'screenshots are in CSS pixels').toBe(await browser.evaluate(() => innerWidth));
  return marks.map((mark) => {
    const width = mark.rects.reduce((sum, r) => sum + (r.right - r.left), 0);
    return { ...mark, painted: changedPixels(on, off, mark.rects) >= PAINTED_PER_PIXEL * width };
  });
}

/** Scrolls the page a viewport (less an overlap) at a time from the top, checking paint at each stop; returns every mark seen. */
async function paintThroughPage(browser: ExtensionBrowser, label: string): Promise<Array<VisibleMark & { painted: boolean }>> {
  const { height, step } = await browser.evaluate(() => ({ height: document.documentElement.scrollHeight, step: Math.max(200, innerHeight - 250) }));
  const seen: Array<VisibleMark & { painted: boolean }> = [];
  for (let top = 0; top < height; top += step) {
    await browser.evaluate((top) => scrollTo({ top: Math.round(top), behavior: 'instant' }), top);
    seen.push(...(await paintedMarks(browser, MARK_HIGHLIGHTS, `${label}-${top}`)));
  }
  return seen;
}

/** The text of every range registered under the extension's mark highlights. */
const registeredTexts = (browser: ExtensionBrowser): Promise<string[]> =>
  browser.evaluate((names) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    return names.flatMap((name) => [...(registry?.get(name) ?? [])].map((range) => range.toString().replace(/\s+/g, ' ').trim()));
  }, MARK_HIGHLIGHTS);

describe.each(BROWSERS)('%s: every registered mark is painted', (name) => {
  const session = useExtensionBrowser(name);
  const browser = () => session.browser();
  const url = (path: string) => session.server().url(path);

  it('the check sees an unpainted range: one registered under a name no style paints', async () => {
    await browser().open(url(seedPageName('000')));
    await pageReport(browser());
    await browser().evaluate((unstyled) => {
      const paragraph = document.querySelector('article p')!;
      scrollTo({ top: Math.round(scrollY + paragraph.getBoundingClientRect().top - 200), behavior: 'instant' });
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const api = window as unknown as { Highlight: new (...ranges: Range[]) => unknown };
      (CSS as unknown as { highlights: Map<string, unknown> }).highlights.set(unstyled, new api.Highlight(range));
    }, UNSTYLED);
    try {
      const marks = await paintedMarks(browser(), [UNSTYLED], 'control');
      expect(marks.length).toBe(1);
      expect(marks[0]!.painted).toBe(false);
    } finally {
      await browser().evaluate((unstyled) => void (CSS as unknown as { highlights: Map<string, unknown> }).highlights.delete(unstyled), UNSTYLED);
    }
  });

  it.each(SEED_IDS)('seed-%s.html: every mark, scrolled through the page, shows on screen', async (id) => {
    await browser().open(url(seedPageName(id)));
    const report = await pageReport(browser());
    expect(flaggedSentences(report).length).toBeGreaterThan(0);
    const seen = await paintThroughPage(browser(), `seed-${id}`);
    expect(seen.filter((mark) => !mark.painted).map((mark) => `${mark.highlight}: ${mark.text}`), 'registered but not painted').toEqual([]);
    // Every registered range was in view, uncovered, at some stop: none went unchecked.
    const checked = new Set(seen.map((mark) => mark.text));
    expect((await registeredTexts(browser())).filter((text) => !checked.has(text)), 'marks never checked').toEqual([]);
  });

  it('seed-000.html: after reveal-finding flashes the last flagged sentence, every mark in view is still painted', async () => {
    await browser().open(url(seedPageName('000')));
    const flagged = flaggedSentences(await pageReport(browser()));
    expect(await browser().sendToTab<boolean>({ type: 'reveal-finding', start: flagged[flagged.length - 1]!.start })).toBe(true);
    // The flash is over (its highlight empty again) and the smooth scroll has stopped.
    let previous = Number.NaN;
    await poll(
      () => browser().evaluate(() => ({ flash: (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('ejfc-flash')?.size ?? 0, y: scrollY })),
      ({ flash, y }) => {
        const still = y === previous;
        previous = y;
        return flash === 0 && still;
      },
      { timeoutMs: 10_000, intervalMs: 250, what: 'the flash to end and the page to stop scrolling' },
    );
    await browser().page.press('Escape');
    const marks = await paintedMarks(browser(), MARK_HIGHLIGHTS, 'after-reveal');
    expect(marks.length).toBeGreaterThan(1);
    expect(marks.filter((mark) => !mark.painted).map((mark) => `${mark.highlight}: ${mark.text}`), 'registered but not painted').toEqual([]);
  });
});
