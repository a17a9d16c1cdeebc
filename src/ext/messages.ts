import type { PageReport } from '../core/report';
import type { SessionReport, SessionStatus } from '../page/session/session-report';
import type { ClaimSetIdentity } from './claim-set-identity';
import type { FindingShortcuts } from './commands';

/**
 * The runtime messages between the popup, the background and the content
 * script, defined once. Every message is a plain JSON object with a `type`.
 */

/** Popup or tests -> content script (top frame, `frameId: 0`): the report for the whole page. */
export interface GetPageReport {
  type: 'get-page-report';
}

/** What the content script answers to `get-page-report`: the CLI's JSON plus the scan's status (the session's report) and what the export needs. */
export type PageReportReply = SessionReport & {
  /** The page's title (`document.title`); only for the whole report. */
  title?: string;
  /** The claim set the verdicts rest on; only for the whole report. */
  claimSet?: ClaimSetIdentity;
};

/**
 * Popup -> content script (top frame): the page's state and counts only,
 * what the popup shows first; cheap on any page, unlike the whole report.
 */
export interface GetPageStatus {
  type: 'get-page-status';
}

/** What the content script answers to `get-page-status`: the report without its sentences (the session's status). */
export type PageStatusReply = SessionStatus;

/** Popup -> content script (top frame): one page of the flagged sentences, in page order. */
export interface GetFindings {
  type: 'get-findings';
  /** Index of the first flagged sentence wanted (0-based). */
  offset: number;
  /** How many at most. */
  limit: number;
}

/** What the content script answers to `get-findings`: one page of the session's flagged sentences. */
export type { FindingsPage } from '../page/session/session-report';

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

export type ExtensionMessage = GetPageReport | GetPageStatus | GetFindings | RevealFinding | ReportChanged | NextFinding | PreviousFinding | GetShortcuts;

const TYPES = new Set<string>(['get-page-report', 'get-page-status', 'get-findings', 'reveal-finding', 'report-changed', 'next-finding', 'previous-finding', 'get-shortcuts']);

/** The most flagged sentences one `get-findings` answers with (the session caps its pages at it). */
export { MAX_FINDINGS_PAGE } from '../page/session/session-report';

/** Whether an unknown value received from another context is one of our messages. */
export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.has(type)) return false;
  if (type === 'get-findings') {
    const { offset, limit } = value as { offset?: unknown; limit?: unknown };
    return Number.isInteger(offset) && (offset as number) >= 0 && Number.isInteger(limit) && (limit as number) > 0;
  }
  if (type === 'reveal-finding') {
    const { start, focus } = value as { start?: unknown; focus?: unknown };
    return Number.isInteger(start) && (focus === undefined || typeof focus === 'boolean');
  }
  return true;
}

/** The status reply that goes with a whole report: the report without its sentences, and how many are flagged. */
export function statusOfReport(report: PageReportReply): PageStatusReply {
  const { sentences: _sentences, title: _title, claimSet: _claimSet, ...rest } = report;
  return { ...rest, flagged: report.summary.conflict + report.summary.unsupported };
}
