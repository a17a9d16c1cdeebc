import type { SentenceReport, Verdict } from '../../core';
import { SEVERITY_LABELS, VERDICT_LABELS } from '../../ext/labels';

/** What a card shows of one flagged (or supported) sentence. */
export type CardFinding = Pick<SentenceReport, 'severity' | 'reason' | 'quote'> & { verdict: Verdict };

export interface FindingCardProps {
  finding: CardFinding;
  /** Names the reference the quote comes from: the claim set's `source.label`. */
  sourceLabel: string;
  onClose(): void;
}

/** A mark beside the verdict's name, so the verdict never rests on colour alone. */
const ICONS: Readonly<Record<Verdict, string>> = { conflict: '✕', unsupported: '?', supported: '✓' };

/** One line on what the severity means, for readers who do not know the words. */
const SEVERITY_NOTES = {
  hard: 'A checkable detail differs from the reference.',
  soft: 'The wording overstates or shifts what the reference says.',
} as const;

/**
 * The card that opens on a marked sentence: the verdict (and severity), the
 * reason, the reference passage the verdict rests on, and where that passage
 * comes from.
 *
 * The reason can quote the page, so everything here is rendered as text
 * (Preact text nodes), never as markup. A non-modal dialog: named for screen
 * readers by its verdict, described by its reason; Escape closes it.
 */
export function FindingCard({ finding, sourceLabel, onClose }: FindingCardProps) {
  const { verdict, severity, reason, quote } = finding;
  const name = `${VERDICT_LABELS[verdict]}${severity ? ` (${SEVERITY_LABELS[severity]})` : ''}`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The page must not see this Escape too (it might close its own dialog).
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-label={`Fact check: ${name}`}
      aria-describedby={reason ? 'ejfc-reason' : undefined}
      tabIndex={-1}
      lang="en"
      class={`card card-${verdict}`}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <span class="verdict">
          <span class="icon" aria-hidden="true">
            {ICONS[verdict]}
          </span>
          {VERDICT_LABELS[verdict]}
          {severity && <span class="severity">{SEVERITY_LABELS[severity]}</span>}
        </span>
        <button type="button" class="close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      {severity && <p class="note">{SEVERITY_NOTES[severity]}</p>}
      {reason && (
        <p class="reason" id="ejfc-reason">
          {reason}
        </p>
      )}
      {quote ? (
        <figure class="reference">
          <blockquote>{quote}</blockquote>
          <figcaption>{sourceLabel}</figcaption>
        </figure>
      ) : (
        <p class="source">Checked against the {sourceLabel}.</p>
      )}
    </div>
  );
}
