import type { ComponentChildren } from 'preact';
import type { Connector } from '../../ext/connector';
import { STRICTNESS_LABELS } from '../../ext/labels';
import { ClaimSetSection } from './claim-set-section';
import { ExportActions } from './export-actions';
import { FlagAnswers } from './flag-answers';
import { FlaggedFindings } from './flagged-findings';
import { KeyboardHelp } from './keyboard-help';
import type { PopupView } from './popup-view';
import { SettingsToggles } from './settings-toggles';
import { StrictnessControl } from './strictness-control';
import { SummaryCounts } from './summary-counts';
import { usePopupData } from './use-popup-data';
import './popup.css';

/** Props of `Popup`. */
export interface PopupProps {
  /** The popup's only way to the browser. */
  connector: Connector;
  /** The bundled reference's name, shown until the claim set in force is known. */
  source: string;
  /** How long to wait before asking a page that is still being checked again. */
  pollMs?: number;
  /** The clock for the export's date. */
  now?: () => Date;
}

/** How often a page under check is asked for its report: often enough to look live, rarely enough to cost nothing. */
export const DEFAULT_POLL_MS = 400;

const currentDate = () => new Date();

/**
 * The toolbar popup: first the active page's summary and the keys, then the
 * settings (strictness, on/off and pause switches, claim set) and the export,
 * then the flagged sentences, a page at a time: on a long page the list is
 * the long part, so it comes last and never pushes the rest out of reach.
 */
export function Popup({ connector, source, pollMs = DEFAULT_POLL_MS, now = currentDate }: PopupProps) {
  const { view, hostname, settings, settingsError, changeSettings, reload, claimSet, useBundledClaimSet } = usePopupData(connector, pollMs);
  const report = view.kind === 'report' || view.kind === 'off-topic' ? view.report : null;
  // The reference the verdicts rest on: the set in force names it.
  const reference = claimSet?.label ?? source;

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>EU–Japan Fact Check</h1>
        <p class="source">Checked against the {reference}</p>
      </header>

      <section class="page" aria-labelledby="page-heading">
        <h2 id="page-heading" class="visually-hidden">
          This page
        </h2>
        <div role="status" class="status">
          <StatusMessage view={view} />
        </div>
        {view.kind === 'error' && (
          <button type="button" onClick={reload}>
            Try again
          </button>
        )}
        {(view.kind === 'report' || view.kind === 'scanning') && <SummaryCounts summary={view.report.summary} />}
        {view.kind === 'report' && view.report.summary.conflict + view.report.summary.unsupported > 0 && <KeyboardHelp connector={connector} />}
      </section>

      {settings && (
        <section class="settings" aria-labelledby="settings-heading">
          <h2 id="settings-heading">Settings</h2>
          <StrictnessControl value={settings.strictness} onChange={(strictness) => changeSettings({ strictness })} />
          <SettingsToggles settings={settings} hostname={hostname} onChange={changeSettings} />
          <ClaimSetSection
            claimSet={claimSet}
            onImport={() => void connector.openClaimSetPage().catch(() => undefined)}
            onUseBundled={useBundledClaimSet}
          />
          {settingsError && (
            <p class="error" role="alert">
              {settingsError}
            </p>
          )}
        </section>
      )}

      {(report || view.kind === 'scanning' || view.kind === 'rechecking') && (
        <ExportActions connector={connector} available={report !== null} source={reference} now={now} />
      )}

      {report && <FlagAnswers connector={connector} url={report.file} now={now} onChange={reload} />}

      {view.kind === 'report' && (
        <FlaggedFindings connector={connector} status={view.report} onReveal={(start) => void connector.revealFinding(start).catch(() => undefined)} />
      )}
    </main>
  );
}

/** One sentence saying what state the page is in; lives in a `role="status"` region, so changes are announced. */
function StatusMessage({ view }: { view: PopupView }): ComponentChildren {
  switch (view.kind) {
    case 'loading':
      return <p>Asking the page…</p>;
    case 'unavailable':
      return (
        <>
          <p class="headline">The extension may not run on this page.</p>
          <p class="note">
            {view.reason === 'restricted'
              ? 'Browsers keep extensions out of their own pages (such as settings and new tabs) and out of the add-on stores.'
              : 'If the page was open before the extension was installed or updated, reload it and open this again.'}
          </p>
        </>
      );
    case 'error':
      return (
        <>
          <p class="headline">The page could not be checked.</p>
          <p class="note">{view.message}</p>
        </>
      );
    case 'off':
      return <p class="headline">Checking is off on every site.</p>;
    case 'paused':
      return (
        <p class="headline">
          Checking is paused on <span class="hostname">{view.hostname}</span>.
        </p>
      );
    case 'rechecking':
      return <p class="headline">Checking the page again at the new strictness…</p>;
    case 'scanning':
      return <p class="headline">Checking this page… (counts so far)</p>;
    case 'off-topic':
      return (
        <>
          <p class="headline">Nothing on this page is about the subject of the reference.</p>
          <p class="note">No sentence names the people, parties, documents or events the reference is about, so none was checked.</p>
        </>
      );
    case 'report':
      return <p class="headline">Checked at {STRICTNESS_LABELS[view.report.strictness].name.toLowerCase()} strictness.</p>;
  }
}
