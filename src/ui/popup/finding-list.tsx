import type { ReportFinding, SentenceReport } from '../../core';
import { findingsOf, NOTHING_IN_REFERENCE, verdictName } from '../../ext/labels';

/** Props of `FindingList`. */
export interface FindingListProps {
  /** The flagged sentences to list, in page order. */
  sentences: readonly SentenceReport[];
  /** Called with the sentence's `start` offset when the reader picks it. */
  onReveal(start: number): void;
  /** The number the first item gets (1 unless the list is a later page of findings). */
  start?: number;
}

/**
 * The flagged sentences, each with every finding behind its verdict: the
 * reason and the reference passage it rests on, or, plainly, that the
 * reference has nothing on it. The sentence is a button that shows it on the
 * page. Sentences, reasons and passages come from the page or the claim set:
 * they are rendered as text (Preact escapes it), never as markup.
 */
export function FindingList({ sentences, onReveal, start = 1 }: FindingListProps) {
  return (
    <ol class="findings" start={start}>
      {sentences.map((sentence) => (
        <li key={sentence.start} class={`finding finding-${sentence.verdict ?? 'unsupported'}`}>
          <Finding sentence={sentence} onReveal={onReveal} />
        </li>
      ))}
    </ol>
  );
}

function Finding({ sentence, onReveal }: { sentence: SentenceReport; onReveal(start: number): void }) {
  const verdict = sentence.verdict ?? 'unsupported';
  const findings = findingsOf(sentence);
  return (
    <>
      <button type="button" class="finding-show" onClick={() => onReveal(sentence.start)}>
        <span class="finding-verdict">
          {verdictName(verdict, sentence.severity)}
          <span class="visually-hidden">: show on the page. </span>
        </span>
        <q class="finding-text">{sentence.text}</q>
      </button>
      <ul class="finding-reasons">
        {findings.map((finding, index) => (
          <FindingReason key={index} finding={finding} label={findings.length > 1 ? verdictName(finding.verdict, finding.severity) : undefined} />
        ))}
      </ul>
    </>
  );
}

function FindingReason({ finding, label }: { finding: ReportFinding; label: string | undefined }) {
  return (
    <li>
      {label && <span class="finding-reason-verdict">{label}: </span>}
      <span class="finding-reason">{finding.reason}</span>
      {finding.quote ? (
        <blockquote class="finding-quote">{finding.quote}</blockquote>
      ) : (
        finding.verdict !== 'supported' && <span class="finding-nothing"> {NOTHING_IN_REFERENCE}</span>
      )}
    </li>
  );
}
