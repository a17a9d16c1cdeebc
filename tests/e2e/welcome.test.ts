/**
 * The first-run page, in both browsers: the extension opens it in a tab when
 * it is installed (the harness notes that tab and closes it before the
 * tests' web tab opens), and it explains the marks (drawn with the pages'
 * own mark rules: each kind its own line), the keys the browser assigned,
 * the strictness levels and privacy.
 */
import { describe, expect, it } from 'vitest';
import { shortcutsFrom } from '../../src/ext/commands';
import { STRICTNESS_LABELS } from '../../src/ext/labels';
import { BROWSERS } from './harness';
import { screenshotPath, useExtensionBrowser } from './support';

describe.each(BROWSERS)('%s: the first-run page', (name) => {
  const session = useExtensionBrowser(name);
  const browser = () => session.browser();

  it('opens once, on install', () => {
    expect(browser().firstRunPage).toBe(`${browser().extensionOrigin}/welcome.html`);
  });

  it('explains the marks (each kind drawn with its own line), the keys, strictness and privacy', async () => {
    const commands = await browser().evaluateInExtension(async () => {
      type Api = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
      const api = (globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      return (await api.commands.getAll()).map(({ name, shortcut }) => ({ name, shortcut }));
    });
    const keys = shortcutsFrom(commands);
    const page = await browser().extensionPage('welcome.html');
    try {
      const seen = await page.evaluate(async () => {
        for (let i = 0; i < 50 && !document.querySelector('h1'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
        return {
          headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent),
          lines: [...document.querySelectorAll('ejfc-mark')].map((mark) => getComputedStyle(mark).textDecorationStyle),
          text: document.body.innerText.replace(/\s+/g, ' '),
        };
      });
      expect(seen.headings).toEqual([
        'EU–Japan Fact Check is installed',
        'The marks',
        'From the keyboard and with a screen reader',
        'Strictness',
        'When a flag looks wrong',
        'Privacy',
      ]);
      expect(seen.lines).toEqual(['wavy', 'double', 'dashed', 'solid']);
      if (keys.next) expect(seen.text).toContain(keys.next);
      if (keys.previous) expect(seen.text).toContain(keys.previous);
      for (const level of Object.values(STRICTNESS_LABELS)) expect(seen.text).toContain(level.description);
      expect(seen.text).toContain('no page text, no verdict, no setting and no report ever leaves your machine');
      await page.screenshot(screenshotPath(browser(), 'welcome'));
    } finally {
      await page.close();
    }
  });

  it('no console errors', () => {
    expect(browser().consoleErrors()).toEqual([]);
  });
});
