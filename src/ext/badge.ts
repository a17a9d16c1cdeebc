import type { ReportChanged } from './messages';

/**
 * The toolbar badge: how many conflicts the tab's page has. The text lives in
 * the browser (per tab), not here, so a restarted service worker or event
 * page has nothing to rebuild.
 */

/** Red enough to read as a warning behind white digits in light and dark toolbars. */
export const BADGE_COLOR = '#b3261e';

/** The badge text for a page's counts: the number of conflicts, nothing when there are none. */
export function badgeText(summary: ReportChanged['summary']): string {
  const conflicts = summary.conflict;
  if (!Number.isInteger(conflicts) || conflicts <= 0) return '';
  // The badge has room for about four characters.
  return conflicts > 99 ? '99+' : String(conflicts);
}

/** What the badge should say for one `report-changed` message, from the tab that sent it. */
export interface BadgeUpdate {
  tabId: number;
  text: string;
}

/**
 * The badge update a runtime message calls for, or `null`: only a
 * `report-changed` from a tab's top frame (a frame's counts are not the page's).
 */
export function badgeUpdateFor(message: ReportChanged, sender: { tab?: { id?: number }; frameId?: number }): BadgeUpdate | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  return { tabId, text: badgeText(message.summary) };
}

/**
 * Whether a `tabs.onUpdated` change means the tab left its page, so the old
 * page's count must go: a new load starts. The new page's content script
 * sends its own counts once it has checked.
 */
export function clearsBadge(changeInfo: { status?: string }): boolean {
  return changeInfo.status === 'loading';
}

/** The badge calls used; `browser.action` (MV3) and `browser.browserAction` (MV2) both fit. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

/** Shows `text` on the tab's badge. A tab closed meanwhile is not an error worth reporting. */
export async function applyBadge(api: BadgeApi, update: BadgeUpdate): Promise<void> {
  try {
    if (update.text) await api.setBadgeBackgroundColor({ tabId: update.tabId, color: BADGE_COLOR });
    await api.setBadgeText({ tabId: update.tabId, text: update.text });
  } catch {
    // "No tab with id": the tab went away between the message and the update.
  }
}
