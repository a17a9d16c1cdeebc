import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connector } from '../../ext/connector';
import type { FindingsPage, PageStatusReply } from '../../ext/messages';
import { FindingList } from './finding-list';

/** How many flagged sentences the popup lists at a time: a screenful or two, however long the page. */
export const FINDINGS_PER_PAGE = 25;

/**
 * A mark in the popup's performance timeline when its first page of
 * findings is on screen: the popup's open time, as the end-to-end
 * measurement reads it (tests/e2e/popup-scale.test.ts). Nothing else sees it.
 */
export const FINDINGS_SHOWN_MARK = 'ejfc:findings-shown';

/** Props of `FlaggedFindings`. */
export interface FlaggedFindingsProps {
  connector: Connector;
  /** The page's state and counts: how many are flagged, at which strictness. */
  status: PageStatusReply;
  onReveal(start: number): void;
}

/**
 * The page's flagged sentences, a page of `FINDINGS_PER_PAGE` at a time,
 * asked of the content script page by page (`get-findings`): the popup never
 * holds the whole report, which on a long page is thousands of sentences and
 * megabytes, and opens as fast on a page with 16,000 findings as on one with
 * three.
 */
export function FlaggedFindings({ connector, status, onReveal }: FlaggedFindingsProps) {
  const [wanted, setWanted] = useState(0);
  const [page, setPage] = useState<FindingsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(false);
  const pages = Math.max(1, Math.ceil(status.flagged / FINDINGS_PER_PAGE));
  const index = Math.min(wanted, pages - 1);

  useEffect(() => {
    if (status.flagged === 0) return undefined;
    let live = true;
    connector.getFindings(index * FINDINGS_PER_PAGE, FINDINGS_PER_PAGE).then(
      (got) => {
        if (!live) return;
        setPage(got);
        setError(null);
      },
      (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
    };
    // The counts and the strictness stand for the list: when they are the same, so is the list.
  }, [connector, index, status.flagged, status.strictness, status.summary.conflict, status.summary.unsupported]);

  useEffect(() => {
    if (!page || shown.current) return;
    shown.current = true;
    globalThis.performance?.mark?.(FINDINGS_SHOWN_MARK);
  }, [page]);

  if (status.flagged === 0) return <p class="note">No sentence on this page is flagged at this strictness.</p>;
  const first = index * FINDINGS_PER_PAGE + 1;
  const last = Math.min(status.flagged, first + FINDINGS_PER_PAGE - 1);
  return (
    <section class="flagged" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Flagged sentences</h2>
      {pages > 1 && (
        <p class="pager-position note" aria-live="polite">
          {first.toLocaleString('en')}–{last.toLocaleString('en')} of {status.flagged.toLocaleString('en')}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          The flagged sentences could not be read: {error}
        </p>
      )}
      {page && <FindingList sentences={page.sentences} start={page.offset + 1} onReveal={onReveal} />}
      {pages > 1 && (
        <nav class="pager" aria-label="Pages of flagged sentences">
          <button type="button" disabled={index === 0} onClick={() => setWanted(index - 1)}>
            Previous {FINDINGS_PER_PAGE}
          </button>
          <button type="button" disabled={index >= pages - 1} onClick={() => setWanted(index + 1)}>
            Next {Math.min(FINDINGS_PER_PAGE, status.flagged - last)}
          </button>
        </nav>
      )}
    </section>
  );
}
