import type { ReportFinding } from '../../core/report';
import type { Verdict } from '../../core/verdict';
import type { CardFinding, FindingShortcuts } from '../../page/cards/card-ui';
import { findingsOf, NOTHING_IN_REFERENCE, SEVERITY_LABELS, verdictName, VERDICT_LABELS } from '../../ext/labels';

export interface FindingCardProps {
  finding: CardFinding;
  /** Names the reference the quote comes from: the claim set's `source.label`. */
  sourceLabel: string;
  onClose(): void;
  /** Go to the previous or next flagged statement (the card's buttons); no buttons without it. */
  onStep?(direction: 1 | -1): void;
  /** The keys of the finding commands, shown beside the buttons. */
  shortcuts?: FindingShortcuts;
  /** Hide this flag on this page (undone from the popup); no button without it. */
  onDismiss?(): void;
  /** Keep this flag among the reader's reports of wrong flags; no button without it. */
  onReportWrong?(): void;
}

/** A mark beside the verdict's name, so the verdict never rests on colour alone. */
const ICONS: Readonly<Record<Verdict, string>> = { conflict: '✕', unsupported: '?', supported: '✓' };

/** One line on what the severity means, for readers who do not know the words. */
const SEVERITY_NOTES = {
  hard: 'A checkable detail differs from the reference.',
  soft: 'The wording overstates or shifts what the reference says.',
} as const;

/** The element ids inside the card's shadow root (one card per page, so fixed ids are unique there). */
export const CARD_IDS = Object.freeze({ sentence: 'ejfc-sentence', reason: (index: number) => `ejfc-reason-${index}` });

/**
 * The card that opens on a marked sentence: the verdict (and severity), the
 * sentence it is about, each finding's reason with the reference passage it
 * rests on (or, plainly, that the reference has nothing on it), where the
 * passages come from, and buttons to the previous and next flagged statement.
 *
 * The sentence and the reasons come from the page, so everything here is
 * rendered as text (Preact text nodes), never as markup. A non-modal dialog:
 * named for screen readers by its verdict, described by the sentence and the
 * reasons; Escape closes it.
 */
export function FindingCard({ finding, sourceLabel, onClose, onStep, shortcuts, onDismiss, onReportWrong }: FindingCardProps) {
  const { verdict, severity, text } = finding;
  const findings = findingsOf(finding);
  const name = verdictName(verdict, severity);
  const describedBy = [text ? CARD_IDS.sentence : undefined, ...findings.map((_f, index) => CARD_IDS.reason(index))].filter(Boolean).join(' ');
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The page must not see this Escape too (it might close its own dialog).
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  const anyQuote = findings.some((f) => f.quote);
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-label={`Fact check: ${name}`}
      aria-describedby={describedBy || undefined}
      tabIndex={-1}
      lang="en"
      class={`card card-${verdict}${severity ? ` card-${severity}` : ''}`}
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
      {text && (
        <p class="sentence" id={CARD_IDS.sentence}>
          <span class="label">The sentence: </span>
          <q>{text}</q>
        </p>
      )}
      {severity && <p class="note">{SEVERITY_NOTES[severity]}</p>}
      {findings.length === 1 ? (
        <FindingDetail finding={findings[0]!} index={0} sourceLabel={sourceLabel} showVerdict={false} />
      ) : (
        <ol class="findings" aria-label={`${findings.length} findings`}>
          {findings.map((f, index) => (
            <li key={index}>
              <FindingDetail finding={f} index={index} sourceLabel={sourceLabel} showVerdict />
            </li>
          ))}
        </ol>
      )}
      {!anyQuote && <p class="source">Checked against the {sourceLabel}.</p>}
      {onStep && <StepButtons onStep={onStep} shortcuts={shortcuts} />}
      {verdict !== 'supported' && (onDismiss || onReportWrong) && (
        <div class="answers">
          {onDismiss && (
            <button type="button" class="answer" onClick={onDismiss} title="Hide this flag on this page; undo it from the toolbar popup">
              Dismiss on this page
            </button>
          )}
          {onReportWrong && (
            <button type="button" class="answer" onClick={onReportWrong} title="Keep it among your reports of wrong flags, to export from the popup; nothing is sent anywhere">
              Report as wrong
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function FindingDetail({ finding, index, sourceLabel, showVerdict }: { finding: ReportFinding; index: number; sourceLabel: string; showVerdict: boolean }) {
  return (
    <div class="finding">
      {showVerdict && <p class="finding-verdict">{verdictName(finding.verdict, finding.severity)}</p>}
      <p class="reason" id={CARD_IDS.reason(index)}>
        {finding.reason}
        {!finding.quote && finding.verdict !== 'supported' && <span class="nothing"> {NOTHING_IN_REFERENCE}</span>}
      </p>
      {finding.quote && (
        <figure class="reference">
          <blockquote>{finding.quote}</blockquote>
          <figcaption>{sourceLabel}</figcaption>
        </figure>
      )}
    </div>
  );
}

function StepButtons({ onStep, shortcuts }: { onStep(direction: 1 | -1): void; shortcuts: FindingShortcuts | undefined }) {
  return (
    <div class="steps">
      <button type="button" class="step" onClick={() => onStep(-1)} aria-keyshortcuts={shortcuts?.previous || undefined}>
        <span aria-hidden="true">← </span>
        Previous{shortcuts?.previous && <kbd>{shortcuts.previous}</kbd>}
      </button>
      <button type="button" class="step" onClick={() => onStep(1)} aria-keyshortcuts={shortcuts?.next || undefined}>
        Next<span aria-hidden="true"> →</span>
        {shortcuts?.next && <kbd>{shortcuts.next}</kbd>}
      </button>
    </div>
  );
}
