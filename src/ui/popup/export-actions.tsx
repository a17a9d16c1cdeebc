import { useState } from 'preact/hooks';
import type { Connector } from '../../ext/connector';
import { exportFileName, reportToJson, reportToMarkdown } from '../../ext/export';
import type { PageReportReply } from '../../ext/messages';

/** Props of `ExportActions`. */
export interface ExportActionsProps {
  connector: Connector;
  /** `null` while there is no finished report to export. */
  report: PageReportReply | null;
  /** The reference's label, e.g. "EEAS press release, Tokyo, 1 November 2024". */
  source: string;
  now(): Date;
}

/** Download the report as JSON, or copy or download it as Markdown for a fact-check. */
export function ExportActions({ connector, report, source, now }: ExportActionsProps) {
  const [outcome, setOutcome] = useState('');
  const run = (action: (report: PageReportReply, checkedAt: Date) => Promise<void>, done: string) => {
    if (!report) return;
    setOutcome('');
    action(report, now()).then(
      () => setOutcome(done),
      (error: unknown) => setOutcome(`That did not work: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const markdown = (page: PageReportReply, checkedAt: Date) => reportToMarkdown(page, { checkedAt, source });
  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export this report</h2>
      <div class="export-buttons">
        <button
          type="button"
          disabled={!report}
          onClick={() =>
            run(
              (page, at) => connector.downloadText(exportFileName(page, at, 'json'), 'application/json', reportToJson(page)),
              'JSON file saved.',
            )
          }
        >
          Download JSON
        </button>
        <button type="button" disabled={!report} onClick={() => run((page, at) => connector.copyText(markdown(page, at)), 'Markdown copied.')}>
          Copy Markdown
        </button>
        <button
          type="button"
          disabled={!report}
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
