import type { ActiveTabReport, UnavailableReason } from '../../ext/connector';
import type { PageStatusReply } from '../../ext/messages';
import type { Settings } from '../../ext/settings';

/**
 * What the popup shows, decided in one place from the active tab and the
 * settings, so each state is named and each can be tested without a DOM.
 */
export type PopupView =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: UnavailableReason }
  | { kind: 'error'; message: string }
  /** Checking is off everywhere. */
  | { kind: 'off' }
  /** Checking is paused on this site. */
  | { kind: 'paused'; hostname: string }
  /** The page is being checked; `report` holds what is known so far. */
  | { kind: 'scanning'; report: PageStatusReply }
  /** The strictness changed and the page has not been checked at the new one yet: the old report would mislead. */
  | { kind: 'rechecking' }
  /** Nothing on the page is about the reference's subject. */
  | { kind: 'off-topic'; report: PageStatusReply }
  | { kind: 'report'; report: PageStatusReply };

/** The view for the active tab under `settings`; `loading` until both are known. */
export function popupView(tab: ActiveTabReport | null, settings: Settings | null): PopupView {
  if (!tab || !settings) return { kind: 'loading' };
  if (tab.kind === 'unavailable') return { kind: 'unavailable', reason: tab.reason };
  if (tab.kind === 'error') return { kind: 'error', message: tab.message };
  if (!settings.enabled) return { kind: 'off' };
  if (tab.hostname && settings.pausedSites.includes(tab.hostname)) return { kind: 'paused', hostname: tab.hostname };
  const { report } = tab;
  if (report.strictness !== settings.strictness) return { kind: 'rechecking' };
  if (report.status === 'scanning') return { kind: 'scanning', report };
  if (!report.topical) return { kind: 'off-topic', report };
  return { kind: 'report', report };
}

/** Whether the popup should ask the page again: its check is still under way. */
export function awaitsPage(view: PopupView): boolean {
  return view.kind === 'scanning' || view.kind === 'rechecking';
}
