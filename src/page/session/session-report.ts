/**
 * What a page session tells about its page: the report so far with the
 * check's state, the state and counts alone, and one page of the flagged
 * sentences. The content script answers the popup with these (the messages
 * in `src/ext/messages.ts` are built on them); they are defined here, beside
 * the session that makes them, so the page layer needs nothing from above it.
 *
 * @module
 */
import type { PageReport } from '../../core/report';

/** `scanning` while work is under way; `done` when every sentence has its verdict. */
export type ScanStatus = 'scanning' | 'done';

/** The page report so far (the CLI's JSON), with the check's state. */
export type SessionReport = PageReport & {
  status: ScanStatus;
  /** When the check last finished (ISO 8601, UTC). */
  checkedAt?: string;
};

/** The report without its sentences: state and counts, cheap whatever the page's length. */
export type SessionStatus = Omit<SessionReport, 'sentences'> & {
  /** How many sentences are flagged (conflict or unsupported) and not dismissed: what `FindingsPage` pages through. */
  flagged: number;
};

/** One page of the flagged sentences, in page order. */
export interface FindingsPage {
  /** How many flagged sentences the page has now. */
  total: number;
  offset: number;
  /** The flagged sentences from `offset`, at most the limit asked for, each with every finding behind its verdict. */
  sentences: PageReport['sentences'];
}

/** The most flagged sentences one `FindingsPage` holds: a page the popup shows, not the whole list in disguise. */
export const MAX_FINDINGS_PAGE = 200;
