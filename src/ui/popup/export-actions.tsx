import { useState } from 'preact/hooks';
import type { Connector } from '../../ext/connector';
import { exportFileName, reportToJson, reportToMarkdown, type ExportFields } from '../../ext/export';
import { pageKey } from '../../ext/flag-notes';
import type { PageReportReply } from '../../ext/messages';

/** The page report as exported: with the reader's answers to its flags. */
type ExportedReport = PageReportReply & ExportFields;

/** Props of `ExportActions`. */
export interface ExportActionsProps {
  connector: Connector;
  /** Whether the page has a finished report to export. */
  available: boolean;
  /** The reference's label, e.g. "EEAS press release, Tokyo, 1 November 2024", where the report does not name its claim set. */
  source: string;
  now(): Date;
}

/**
 * Download the report as JSON, or copy or download it as Markdown for a
 * fact-check. The whole report is asked of the page only here, when the
 * reader asks for it: on a long page it is megabytes, which the popup does not
 * need to open.
 */
export function ExportActions({ connector, available, source, now }: ExportActionsProps) {
  const [outcome, setOutcome] = useState('');
  const run = (action: (report: ExportedReport, checkedAt: Date) => Promise<void>, done: string) => {
    if (!available) return;
    setOutcome('Reading the report…');
    connector
      .getFullReport()
      .then(async (report): Promise<ExportedReport> => {
        // The reader's own answers to this page's flags go with it.
        const [dismissed, reports] = await Promise.all([connector.getDismissed(report.file), connector.getWrongReports()]);
        return { ...report, answers: { dismissed, reportedWrong: reports.filter((r) => pageKey(r.url) === pageKey(report.file)) } };
      })
      .then((report) => action(report, now()))
      .then(
        () => setOutcome(done),
        (error: unknown) => setOutcome(`That did not work: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  const markdown = (page: ExportedReport, checkedAt: Date) => reportToMarkdown(page, { checkedAt, source });
  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export this report</h2>
      <div class="export-buttons">
        <button
          type="button"
          disabled={!available}
          onClick={() =>
            run(
              (page, at) => connector.downloadText(exportFileName(page, at, 'json'), 'application/json', reportToJson(page)),
              'JSON file saved.',
            )
          }
        >
          Download JSON
        </button>
        <button type="button" disabled={!available} onClick={() => run((page, at) => connector.copyText(markdown(page, at)), 'Markdown copied.')}>
          Copy Markdown
        </button>
        <button
          type="button"
          disabled={!available}
          onClick={() =>
            run(
              (page, at) => connector.downloadText(exportFileName(page, at, 'md'), 'text/markdown', markdown(page, at)),
              'Markdown file saved.',
            )
          }
        >
          Download .md
        </button>
      </div>
      <p class="export-outcome" role="status">
        {outcome}
      </p>
    </section>
  );
}
