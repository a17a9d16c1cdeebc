import { useEffect, useState } from 'preact/hooks';
import type { Connector } from '../../ext/connector';
import { wrongReportsToJson, type DismissedFlag } from '../../ext/flag-notes';
import { VERDICT_LABELS } from '../../ext/labels';

/** Props of `FlagAnswers`. */
export interface FlagAnswersProps {
  connector: Connector;
  /** The page's address (the report's `file`): its dismissed flags are listed. */
  url: string;
  now(): Date;
  /** Called after a flag is shown again, so the popup asks the page afresh. */
  onChange?(): void;
}

/**
 * The reader's answers to flags: the flags dismissed on this page, each with
 * *Show again*, and the reports of wrong flags kept in this browser, to
 * download for the claim set's maintainers. All of it lives in
 * `storage.local`; nothing is sent anywhere. Sentences come from pages: text,
 * never markup.
 */
export function FlagAnswers({ connector, url, now, onChange }: FlagAnswersProps) {
  const [dismissed, setDismissed] = useState<DismissedFlag[] | null>(null);
  const [reports, setReports] = useState<number | null>(null);
  const [outcome, setOutcome] = useState('');

  useEffect(() => {
    let live = true;
    connector.getDismissed(url).then(
      (flags) => live && setDismissed(flags),
      () => live && setDismissed([]),
    );
    connector.getWrongReports().then(
      (kept) => live && setReports(kept.length),
      () => live && setReports(0),
    );
    return () => {
      live = false;
    };
  }, [connector, url]);

  if (!dismissed?.length && !reports) return null;
  const showAgain = (text: string) => {
    connector.undoDismiss(url, text).then(
      (flags) => {
        setDismissed(flags);
        setOutcome('The flag is shown on the page again.');
        onChange?.();
      },
      (error: unknown) => setOutcome(`That did not work: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const download = () => {
    connector
      .getWrongReports()
      .then((kept) => connector.downloadText(`wrong-flag-reports-${now().toISOString().slice(0, 10)}.json`, 'application/json', wrongReportsToJson(kept, now())))
      .then(
        () => setOutcome('Reports saved.'),
        (error: unknown) => setOutcome(`That did not work: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  return (
    <section class="answers" aria-labelledby="answers-heading">
      <h2 id="answers-heading">Your answers</h2>
      {dismissed && dismissed.length > 0 && (
        <>
          <p class="note">Dismissed on this page ({dismissed.length}):</p>
          <ul class="dismissed">
            {dismissed.map((flag) => (
              <li key={flag.text}>
                <span class="dismissed-verdict">{VERDICT_LABELS[flag.verdict]}: </span>
                <q>{flag.text}</q>{' '}
                <button type="button" class="link-button" onClick={() => showAgain(flag.text)}>
                  Show again
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {reports !== null && reports > 0 && (
        <p class="note">
          {reports === 1 ? '1 flag' : `${reports} flags`} reported as wrong, kept in this browser only.{' '}
          <button type="button" class="link-button" onClick={download}>
            Download them (JSON)
          </button>
        </p>
      )}
      <p class="note" role="status">
        {outcome}
      </p>
    </section>
  );
}
