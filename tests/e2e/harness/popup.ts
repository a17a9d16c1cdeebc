/**
 * The popup's open time, as the end-to-end tests and the browser benchmark
 * read it: from the popup's navigation start to the performance mark it
 * leaves when its first page of findings is on screen (the mark's name is
 * the popup's, passed in: `FINDINGS_SHOWN_MARK`).
 */
import { poll } from './index';
import { POPUP_VIEWPORT, type BrowserTab, type ExtensionBrowser } from './types';

/** What the popup showed, and when. */
export interface PopupShown {
  /** ms after the popup's navigation started that its first page of findings was on screen. */
  at: number;
  /** When its document had loaded (`domContentLoadedEventEnd`), ms; -1 when the browser does not say. */
  loaded: number;
  /** Findings listed. */
  items: number;
  /** The pager's position text, e.g. `1–25 of 16,204`. */
  position: string;
  /** Whether the summary (the counts) was on screen by then. */
  summary: boolean;
}

/** Waits in an open popup for `mark` and returns what it showed. */
export async function popupShownIn(popup: BrowserTab, mark: string, timeoutMs = 60_000): Promise<PopupShown> {
  const shown = await poll(
    () =>
      popup.evaluate((mark) => {
        const entry = performance.getEntriesByName(mark)[0];
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return entry
          ? {
              at: entry.startTime,
              loaded: navigation?.domContentLoadedEventEnd ?? -1,
              items: document.querySelectorAll('.findings > li').length,
              position: document.querySelector('.pager-position')?.textContent ?? '',
              summary: document.querySelector('.counts') !== null,
            }
          : null;
      }, mark),
    (value) => value !== null,
    { timeoutMs, what: 'the first page of findings in the popup' },
  );
  return shown!;
}

/** Opens the popup over the web tab, waits for `mark`, closes it, and returns what it showed. */
export async function popupShown(browser: ExtensionBrowser, mark: string, timeoutMs = 60_000): Promise<PopupShown> {
  const popup = await browser.extensionPage('popup.html', POPUP_VIEWPORT);
  try {
    return await popupShownIn(popup, mark, timeoutMs);
  } finally {
    await popup.close();
  }
}
