import type { PageReport } from '../core';
import type { FindingShortcuts } from './commands';

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

/**
 * Popup -> content script: scroll to the finding whose sentence starts at
 * `start`, open its card and make it flash; with `focus`, focus goes into the
 * card (the popup then closes, so the reader lands in it).
 */
export interface RevealFinding {
  type: 'reveal-finding';
  start: number;
  focus?: boolean;
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

/** Background -> content script (top frame): the `previous-finding` command; as `next-finding`, backwards. */
export interface PreviousFinding {
  type: 'previous-finding';
}

/**
 * Content script -> background: which keys the finding commands have (only
 * the background may ask `commands.getAll()`), for the announcement and the
 * card. Answered with `FindingShortcuts`.
 */
export interface GetShortcuts {
  type: 'get-shortcuts';
}

/** What the background answers to `get-shortcuts`. */
export type ShortcutsReply = FindingShortcuts;

export type ExtensionMessage = GetPageReport | RevealFinding | ReportChanged | NextFinding | PreviousFinding | GetShortcuts;

const TYPES = new Set<string>(['get-page-report', 'reveal-finding', 'report-changed', 'next-finding', 'previous-finding', 'get-shortcuts']);

/** Whether an unknown value received from another context is one of our messages. */
export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.has(type)) return false;
  if (type === 'reveal-finding') {
    const { start, focus } = value as { start?: unknown; focus?: unknown };
    return Number.isInteger(start) && (focus === undefined || typeof focus === 'boolean');
  }
  return true;
}
