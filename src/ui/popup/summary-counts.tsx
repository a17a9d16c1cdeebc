import { VERDICTS, type ReportSummary } from '../../core';
import { countNoun } from '../../ext/labels';

/** The page's counts, one tile per verdict, worst first. */
export function SummaryCounts({ summary }: { summary: ReportSummary }) {
  return (
    <ul class="counts" aria-label="Summary">
      {VERDICTS.map((verdict) => (
        <li key={verdict} class={`count count-${verdict}`}>
          <span class="count-number">{summary[verdict]}</span>{' '}
          <span class="count-label">{countNoun(summary[verdict], verdict)}</span>
        </li>
      ))}
    </ul>
  );
}
