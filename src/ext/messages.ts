import type { PageReport } from '../core';

/**
 * The runtime messages between the popup, the background and the content
 * script, defined once. Every message is a plain JSON object with a `type`.
 */

/** Popup or tests -> content script (top frame, `frameId: 0`): the report for the whole page. */
export interface GetPageReport {
  type: 'get-page-report';
}

/** What the content script answers to `get-page-report`: the CLI's JSON plus the scan's status. */
export type PageReportReply = PageReport & {
  /** `scanning` while work is under way; `done` when every sentence has its verdict. */
  status: 'scanning' | 'done';
};

/** Popup -> content script: scroll to the finding whose sentence starts at `start`, open its card and make it flash. */
export interface RevealFinding {
  type: 'reveal-finding';
  start: number;
}

/** Content script -> background: the page's counts changed (the badge shows the conflicts). */
export interface ReportChanged {
  type: 'report-changed';
  summary: PageReport['summary'];
  status: PageReportReply['status'];
}

/**
 * Background -> content script (top frame): the reader pressed the
 * `next-finding` command; move to the next flagged statement after the one
 * shown last, scroll to it and open its card with focus in it.
 */
export interface NextFinding {
  type: 'next-finding';
}

export type ExtensionMessage = GetPageReport | RevealFinding | ReportChanged | NextFinding;

const TYPES = new Set<string>(['get-page-report', 'reveal-finding', 'report-changed', 'next-finding']);

/** Whether an unknown value received from another context is one of our messages. */
export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.has(type)) return false;
  if (type === 'reveal-finding') return Number.isInteger((value as { start?: unknown }).start);
  return true;
}
