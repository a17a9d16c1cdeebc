/**
 * Forced-colours mode (Windows high contrast): the page's colours give way
 * to the reader's, and every kind of mark must still be told apart. Turned on
 * in Chromium by emulation (CDP `Emulation.setEmulatedMedia`,
 * `forced-colors: active`), in Firefox by the pref behind its "Override the
 * colours specified by the page with your selections: Always"
 * (`browser.display.document_color_use` = 2, set in the profile at launch;
 * `@media (forced-colors: active)` matches with it alone, and
 * `prefers-contrast: more` with it; `ui.forcedColors` or
 * `ui.useAccessibilityTheme` alone do not, checked in Firefox ESR 153).
 * Chromium paints custom highlights there as one solid block in the
 * selection colours whatever their style, so in that mode the extension
 * marks with `<ejfc-mark>` elements (checked first), in either browser. Then
 * read two ways: the styles each kind of mark resolves to (its line, its
 * background), and screenshots with the marks' styles on and off, in which
 * a hard conflict changes the pixels behind its words (its `Mark`
 * background) and a soft conflict and an unsupported claim only those of
 * their lines.
 */
import { describe, expect, it } from 'vitest';
import { MARK_LOOKS, type MarkLook } from '../../src/page/marking/highlight-styles';
import { BROWSERS, SCREENSHOTS_DIR, type ExtensionBrowser, type LaunchOptions } from './harness';
import type { Box } from './marks-and-card';
import { seedPageName } from './pages/generate';
import { SEED_IDS } from './pages/seeds';
import { readPng, type Pixels } from './png';
import { pageReport, useExtensionBrowser } from './support';

interface LookStyle {
  look: MarkLook;
  line: string;
  thickness: string;
  offset: string;
  background: string;
}

/** How the page resolves each look, for the looks marked on the page (`<ejfc-mark data-look>` elements in this mode). */
function lookStyles(browser: ExtensionBrowser): Promise<LookStyle[]> {
  return browser.evaluate((looks) => {
    const out: LookStyle[] = [];
    for (const look of looks) {
      const mark = document.querySelector(`ejfc-mark[data-look="${look}"]`);
      if (!mark) continue;
      const style = getComputedStyle(mark);
      out.push({ look: look as MarkLook, line: style.textDecorationStyle, thickness: style.textDecorationThickness, offset: style.textUnderlineOffset, background: style.backgroundColor });
    }
    return out;
  }, [...MARK_LOOKS]);
}

/** A computed colour with nothing of it painted (forced colours resolve `transparent` with the canvas's channels). */
const isTransparent = (colour: string): boolean => colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);

/** Colour distance (sum over R, G, B) above which two pixels differ. */
const PIXEL_DIFFERENCE = 40;

/** Pixels that differ between the screenshots in the rows `from`..`to` (fractions of each line box's height; beyond 1 reaches below it, where the line runs). */
function changedIn(on: Pixels, off: Pixels, rects: readonly Box[], from: number, to: number): number {
  let changed = 0;
  for (const rect of rects) {
    const height = rect.bottom - rect.top;
    for (let y = Math.max(0, Math.floor(rect.top + from * height)); y < Math.min(on.height, Math.ceil(rect.top + to * height)); y++) {
      for (let x = Math.max(0, Math.floor(rect.left)); x < Math.min(on.width, Math.ceil(rect.right)); x++) {
        const i = (y * on.width + x) * 4;
        if (Math.abs(on.rgba[i]! - off.rgba[i]!) + Math.abs(on.rgba[i + 1]! - off.rgba[i + 1]!) + Math.abs(on.rgba[i + 2]! - off.rgba[i + 2]!) > PIXEL_DIFFERENCE) changed += 1;
      }
    }
  }
  return changed;
}

const widthOf = (rects: readonly Box[]) => rects.reduce((sum, r) => sum + (r.right - r.left), 0);

/** Firefox's prefs for forced colours: override the page's colours always (`browser.display.document_color_use`: 0 only with a high-contrast theme, 1 never, 2 always). */
const FIREFOX_FORCED_COLOURS: LaunchOptions = { prefs: { 'browser.display.document_color_use': 2 } };

describe.each(BROWSERS)('%s: forced colours', (name) => {
  const session = useExtensionBrowser(name, name === 'firefox' ? FIREFOX_FORCED_COLOURS : {});
  const browser = () => session.browser();

  /** Chromium: emulated on the web tab; Firefox: on from launch (the profile's prefs). Either way the page must say so. */
  async function forceColours(): Promise<void> {
    if (name === 'chromium') {
      const cdp = await browser().page.devtools!();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    }
    expect(await browser().evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  }

  it('every kind of mark keeps a line of its own in system colours; only a hard conflict keeps a background; neighbours are drawn apart', async () => {
    await forceColours();
    const seen = new Map<MarkLook, LookStyle>();
    for (const id of SEED_IDS) {
      await browser().open(session.server().url(seedPageName(id)));
      const report = await pageReport(browser());
      // Marked with elements, not highlights: every flagged sentence has its element, no highlight has a range.
      const marks = await browser().evaluate(() => ({
        elements: new Set([...document.querySelectorAll('ejfc-mark')].map((mark) => mark.getAttribute('data-ejfc-key'))).size,
        ranges: [...((CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights?.entries() ?? [])].reduce((sum, [name, h]) => sum + (name.startsWith('ejfc-') ? h.size : 0), 0),
      }));
      expect(marks).toEqual({ elements: report.summary.conflict + report.summary.unsupported, ranges: 0 });
      for (const style of await lookStyles(browser())) seen.set(style.look, style);
    }
    // The seed pages have hard conflicts and unsupported claims; the other looks are checked where they occur.
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['conflict', 'unsupported']));
    const expectedLine: Record<string, string> = { conflict: 'wavy', 'conflict-soft': 'double', unsupported: 'dashed', supported: 'solid' };
    for (const [look, style] of seen) {
      expect(style.line, look).toBe(expectedLine[look.replace(/-alt$/, '')]);
      expect(isTransparent(style.background), `${look}: ${style.background}`).toBe(!(look === 'conflict' || look === 'conflict-alt'));
    }
    const alt = [...seen.values()].find((style) => style.look.endsWith('-alt'));
    if (alt) expect(alt.offset).not.toBe(seen.get(alt.look.replace(/-alt$/, '') as MarkLook)?.offset);
    console.log(`${name}: forced colours, looks on the seed pages: ${[...seen.keys()].join(', ')} (of ${MARK_LOOKS.length})`);
  });

  /**
   * The pixels a mark of `looks` changes, on the first seed page that has one:
   * scrolled to the middle of the viewport, screenshots with every mark on
   * and off; per pixel of its width, behind its words (the middle of its line
   * box) and where its line runs (below).
   */
  async function paintOf(looks: readonly MarkLook[], label: string): Promise<{ behind: number; line: number } | undefined> {
    for (const id of SEED_IDS) {
      await browser().open(session.server().url(seedPageName(id)));
      await pageReport(browser());
      const rects = await browser().evaluate(async (looks) => {
        const mark = looks.map((look) => document.querySelector(`ejfc-mark[data-look="${look}"]`)).find(Boolean);
        if (!mark) return null;
        scrollTo({ top: Math.round(scrollY + mark.getBoundingClientRect().top - innerHeight / 2), behavior: 'instant' });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return [...mark.getClientRects()].filter((r) => r.width > 2).map(({ left, top, right, bottom }) => ({ left, top, right, bottom }));
      }, [...looks]);
      if (!rects || rects.length === 0) continue;
      const onPath = `${SCREENSHOTS_DIR}/${name}-forced-colors-${label}.png`;
      const offPath = `${SCREENSHOTS_DIR}/forced/${name}-forced-colors-${label}-off.png`;
      await browser().screenshot(onPath);
      // The same page with the marks drawn as plain text: a rule of the page's own that outweighs the marks' styles.
      await browser().evaluate(async () => {
        const style = document.createElement('style');
        style.id = 'ejfc-test-unstyle';
        style.textContent = 'ejfc-mark { text-decoration: none !important; background: none !important; color: inherit !important; forced-color-adjust: auto !important; }';
        document.head.append(style);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      });
      try {
        await browser().screenshot(offPath);
      } finally {
        await browser().evaluate(() => document.getElementById('ejfc-test-unstyle')?.remove());
      }
      const on = readPng(onPath);
      const off = readPng(offPath);
      const width = widthOf(rects);
      return { behind: changedIn(on, off, rects, 0.15, 0.6) / width, line: changedIn(on, off, rects, 0.75, 1.6) / width };
    }
    return undefined;
  }

  it('on screen: a hard conflict changes the pixels behind its words (its background), a soft conflict and an unsupported claim only those of their lines', async () => {
    await forceColours();
    const hard = await paintOf(['conflict', 'conflict-alt'], 'hard');
    const soft = await paintOf(['conflict-soft', 'conflict-soft-alt'], 'soft');
    const unsupported = await paintOf(['unsupported', 'unsupported-alt'], 'unsupported');
    console.log(`${name}: forced colours, changed pixels per pixel of width (behind the words / the line): hard ${JSON.stringify(hard)}, soft ${JSON.stringify(soft)}, unsupported ${JSON.stringify(unsupported)}`);
    expect(hard, 'a seed page has a hard conflict').toBeDefined();
    expect(unsupported, 'a seed page has an unsupported claim').toBeDefined();
    expect(hard!.behind).toBeGreaterThan(2);
    for (const lineOnly of [soft, unsupported]) {
      if (!lineOnly) continue;
      expect(lineOnly.behind).toBeLessThan(0.05);
      expect(lineOnly.line).toBeGreaterThan(0.25);
    }
  });
});
