import type { SentenceReport } from '../../core';
import { flaggedSentences } from '../../ext/export';
import { SEVERITY_LABELS, VERDICT_LABELS } from '../../ext/labels';
import type { PageReportReply } from '../../ext/messages';

/** Props of `FindingList`. */
export interface FindingListProps {
  report: PageReportReply;
  /** Called with the sentence's `start` offset when the reader picks it. */
  onReveal(start: number): void;
}

/**
 * The flagged sentences with their reasons. Each is a button that shows the
 * sentence on the page. Sentences come from the page: they are rendered as
 * text (Preact escapes it), never as markup.
 */
export function FindingList({ report, onReveal }: FindingListProps) {
  const flagged = flaggedSentences(report);
  if (flagged.length === 0) {
    return <p class="note">No sentence on this page is flagged at this strictness.</p>;
  }
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Flagged sentences</h2>
      <ol class="findings">
        {flagged.map((sentence) => (
          <li key={sentence.start}>
            <Finding sentence={sentence} onReveal={onReveal} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Finding({ sentence, onReveal }: { sentence: SentenceReport; onReveal(start: number): void }) {
  const verdict = sentence.verdict ?? 'unsupported';
  return (
    <button type="button" class={`finding finding-${verdict}`} onClick={() => onReveal(sentence.start)}>
      <span class="finding-verdict">
        {VERDICT_LABELS[verdict]}
        {sentence.severity && <span class="finding-severity"> ({SEVERITY_LABELS[sentence.severity]})</span>}
        <span class="visually-hidden">: show on the page. </span>
      </span>
      <q class="finding-text">{sentence.text}</q>
      {sentence.reason && <span class="finding-reason">{sentence.reason}</span>}
    </button>
  );
}
