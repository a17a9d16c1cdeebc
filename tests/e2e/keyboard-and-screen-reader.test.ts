/**
 * Every flag reachable by keyboard and announced, in both browsers, with the
 * built extension on the seed pages. In Chromium through the accessibility
 * tree a screen reader gets (CDP `Accessibility.getFullAXTree`): the polite
 * announcement when the check ends, the card as a focused dialog named by its
 * verdict and described by its sentence and reasons, its Previous and Next
 * buttons with their keys, and the offer beside a focused link. In Firefox
 * (no such protocol here) through the DOM and focus: the same live region's
 * text, where focus is, which card is open.
 *
 * The commands are sent as their messages (`next-finding`,
 * `previous-finding`): neither driver presses the browser's own shortcuts.
 */
import { describe, expect, it } from 'vitest';
import { shortcutsFrom, type FindingShortcuts } from '../../src/ext/commands';
import { findingsOf, flaggedAnnouncement, verdictName } from '../../src/ext/labels';
import { highlightNamesOf } from '../../src/page/marking/highlight-styles';
import { accessibilityTree, ancestry, focusedNode, liveRegionTexts } from './accessibility';
import { BROWSERS, POPUP_VIEWPORT, poll, type ExtensionBrowser } from './harness';
import { CARD_HOST, flaggedSentences, openCard, openCardStart } from './marks-and-card';
import { seedPageName } from './pages/generate';
import { SEED_IDS } from './pages/seeds';
import { pageReport, screenshotPath, useExtensionBrowser } from './support';

/** The live region's text, read from the card's closed shadow root. */
function liveText(browser: ExtensionBrowser): Promise<string | null> {
  return browser.page.evaluateInShadowRoot(CARD_HOST, (root) => root.querySelector('[aria-live="polite"]')?.textContent ?? null);
}

/** The keys the browser gave the finding commands, asked inside the extension. */
async function shortcuts(browser: ExtensionBrowser): Promise<FindingShortcuts> {
  const commands = await browser.evaluateInExtension(async () => {
    type Api = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
    const api = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.commands.getAll()).map(({ name, shortcut }) => ({ name, shortcut }));
  });
  return shortcutsFrom(commands);
}

/** Whether focus is in the card's dialog (the shadow root's active element is the dialog or inside it). */
function focusInCard(browser: ExtensionBrowser): Promise<boolean | null> {
  return browser.page.evaluateInShadowRoot(CARD_HOST, (root) => {
    const dialog = root.querySelector('[role="dialog"]');
    return dialog !== null && root.activeElement !== null && dialog.contains(root.activeElement);
  });
}

/** Gives a link or button inside a marked flagged sentence an id and returns it, or `null` when the page has none. */
function linkInFlaggedSentence(browser: ExtensionBrowser): Promise<{ id: string; text: string } | null> {
  return browser.evaluate((names) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    const ranges = names.flatMap((name) => [...(registry?.get(name) ?? [])]);
    for (const element of document.querySelectorAll<HTMLElement>('a[href], button')) {
      if (!ranges.some((range) => range.intersectsNode(element) && !element.contains(range.startContainer))) continue;
      element.id ||= 'ejfc-test-focus';
      return { id: element.id, text: element.textContent ?? '' };
    }
    return null;
  }, [...highlightNamesOf('conflict'), ...highlightNamesOf('unsupported')]);
}

describe.each(BROWSERS)('%s: every flag reachable and announced', (name) => {
  const session = useExtensionBrowser(name);
  const browser = () => session.browser();
  const url = (page: string) => session.server().url(page);

  it('seed-000.html: the end of the check is announced politely, with the counts and the key', async () => {
    await browser().open(url(seedPageName('000')));
    const report = await pageReport(browser());
    const expected = flaggedAnnouncement(report.summary, await shortcuts(browser()));
    expect(expected, 'seed 000 has something flagged').toBeDefined();
    expect(await poll(() => liveText(browser()), (text) => text === expected, { what: 'the announcement' })).toBe(expected);
    const tree = await accessibilityTree(browser().page);
    if (tree) {
      // What a screen reader gets: a polite status region holding exactly that text.
      expect(liveRegionTexts(tree)).toContain(expected);
    }
  });

  it('seed-000.html: next and previous go from flag to flag, focus in a dialog that names its verdict and sentence; Escape gives focus back', async () => {
    await browser().open(url(seedPageName('000')));
    const report = await pageReport(browser());
    const flagged = flaggedSentences(report);
    expect(flagged.length).toBeGreaterThan(2);
    const keys = await shortcuts(browser());
    // Focus on the page's first link, where a keyboard reader would be.
    const before = await browser().evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('a[href]')!;
      link.id ||= 'ejfc-test-start';
      link.focus();
      return link.id;
    });

    expect(await browser().sendToTab<boolean>({ type: 'next-finding' })).toBe(true);
    expect(await poll(() => openCardStart(browser()), (start) => start === flagged[0]!.start, { what: 'the first card' })).toBe(flagged[0]!.start);
    expect(await browser().sendToTab<boolean>({ type: 'next-finding' })).toBe(true);
    expect(await poll(() => openCardStart(browser()), (start) => start === flagged[1]!.start, { what: 'the second card' })).toBe(flagged[1]!.start);
    expect(await browser().sendToTab<boolean>({ type: 'previous-finding' })).toBe(true);
    expect(await poll(() => openCardStart(browser()), (start) => start === flagged[0]!.start, { what: 'the first card again' })).toBe(flagged[0]!.start);
    expect(await browser().sendToTab<boolean>({ type: 'previous-finding' })).toBe(true);
    const last = flagged[flagged.length - 1]!;
    expect(await poll(() => openCardStart(browser()), (start) => start === last.start, { what: 'around to the last card' })).toBe(last.start);
    expect(await focusInCard(browser())).toBe(true);
    const card = await openCard(browser());
    expect(card!.sentence).toBe(last.text.replace(/\s+/g, ' ').trim());

    const tree = await accessibilityTree(browser().page);
    if (tree) {
      const focused = focusedNode(tree);
      expect(focused?.role).toBe('dialog');
      expect(focused?.name).toBe(`Fact check: ${verdictName(last.verdict!, last.severity)}`);
      // Described by the sentence it is about, then the reasons.
      const description = focused?.description ?? '';
      expect(description.startsWith('The sentence: ')).toBe(true);
      expect(description).toContain(last.text.replace(/\s+/g, ' ').trim());
      for (const finding of findingsOf(last)) expect(description).toContain(finding.reason.replace(/\s+/g, ' ').trim());
      const buttons = tree.filter((node) => node.role === 'button' && ancestry(tree, node).includes(focused!));
      expect(buttons.map((b) => b.name)).toEqual(expect.arrayContaining(['Close', expect.stringMatching(/^Previous/), expect.stringMatching(/^Next/)]));
      if (keys.next) expect(buttons.find((b) => b.name.startsWith('Next'))?.keyshortcuts).toBe(keys.next);
    }
    await browser().screenshot(screenshotPath(browser(), 'card-keyboard'));

    // Tab moves within the card to its buttons; Escape closes it and gives focus back to the link.
    await browser().page.press('Tab');
    expect(await focusInCard(browser())).toBe(true);
    await browser().page.press('Escape');
    expect(await poll(() => openCardStart(browser()), (start) => start === null, { what: 'the card to close' })).toBeNull();
    expect(await browser().evaluate(() => document.activeElement?.id ?? null)).toBe(before);
  });

  it("the card's own Next button goes to the next flag, focus staying in the card", async () => {
    await browser().open(url(seedPageName('000')));
    const flagged = flaggedSentences(await pageReport(browser()));
    expect(await browser().sendToTab<boolean>({ type: 'next-finding' })).toBe(true);
    await poll(() => openCardStart(browser()), (start) => start === flagged[0]!.start, { what: 'the first card' });
    await browser().page.evaluateInShadowRoot(CARD_HOST, (root) => {
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('Next'))!.click();
    });
    expect(await poll(() => openCardStart(browser()), (start) => start === flagged[1]!.start, { what: 'the second card' })).toBe(flagged[1]!.start);
    expect(await focusInCard(browser())).toBe(true);
    await browser().page.press('Escape');
  });

  it('a link inside a flagged sentence offers its card when focused (focus stays on the link, the offer is announced); next-finding enters it', async () => {
    let link: { id: string; text: string } | null = null;
    let report;
    for (const id of SEED_IDS) {
      await browser().open(url(seedPageName(id)));
      report = await pageReport(browser());
      link = await linkInFlaggedSentence(browser());
      if (link) break;
    }
    expect(link, 'some seed page has a link inside a flagged sentence').not.toBeNull();
    await browser().evaluate((id) => document.getElementById(id)!.focus(), link!.id);
    const start = await poll(() => openCardStart(browser()), (s) => s !== null, { what: 'the offered card' });
    const sentence = report!.sentences.find((s) => s.start === start)!;
    expect(sentence.text).toContain(link!.text.trim());
    expect(await browser().evaluate(() => document.activeElement?.id ?? null)).toBe(link!.id);
    expect(await focusInCard(browser())).toBe(false);
    const offer = await poll(() => liveText(browser()), (text) => text?.startsWith('In a flagged sentence') ?? false, { what: 'the offer announced' });
    expect(offer).toContain(verdictName(sentence.verdict!, sentence.severity));
    const tree = await accessibilityTree(browser().page);
    if (tree) {
      expect(focusedNode(tree)?.role).toBe('link');
      expect(liveRegionTexts(tree).some((text) => text.startsWith('In a flagged sentence'))).toBe(true);
    }

    expect(await browser().sendToTab<boolean>({ type: 'next-finding' })).toBe(true);
    expect(await poll(() => focusInCard(browser()), (inCard) => inCard === true, { what: 'focus in the card' })).toBe(true);
    expect(await openCardStart(browser())).toBe(start);
    await browser().page.press('Escape');
    expect(await browser().evaluate(() => document.activeElement?.id ?? null)).toBe(link!.id);
  });

  it('revealing a finding from the popup puts focus in its card on the page; the popup names the keys', async () => {
    await browser().open(url(seedPageName('000')));
    const flagged = flaggedSentences(await pageReport(browser()));
    const keys = await shortcuts(browser());
    const popup = await browser().extensionPage('popup.html', POPUP_VIEWPORT);
    try {
      const help = await poll(
        () => popup.evaluate(() => document.querySelector('.keys')?.textContent?.replace(/\s+/g, ' ') ?? ''),
        (text) => text !== '',
        { what: 'the popup to name the keys' },
      );
      if (keys.next) expect(help).toContain(keys.next);
      if (keys.previous) expect(help).toContain(keys.previous);
      const target = flagged[flagged.length - 1]!;
      await poll(
        () => popup.evaluate(() => document.querySelectorAll('button.finding-show').length),
        (n) => n > 0,
        { what: 'the popup to list the findings' },
      );
      await popup.evaluate((text) => {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.finding-show')];
        buttons.find((b) => b.querySelector('q')?.textContent === text)!.click();
      }, target.text);
      expect(await poll(() => openCardStart(browser()), (start) => start === target.start, { what: 'the card revealed' })).toBe(target.start);
      expect(await poll(() => focusInCard(browser()), (inCard) => inCard === true, { what: 'focus in the card' })).toBe(true);
    } finally {
      await popup.close();
    }
    await browser().page.press('Escape');
  });

  it('no console errors', () => {
    expect(browser().consoleErrors()).toEqual([]);
  });
});
