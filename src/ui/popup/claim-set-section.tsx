import type { ClaimSetInfo } from '../../ext/claim-set-store';

/** Props of `ClaimSetSection`. */
export interface ClaimSetSectionProps {
  /** `null` until loaded. */
  claimSet: ClaimSetInfo | null;
  /** Opens the import page (a file picker would close Firefox's popup). */
  onImport(): void;
  onUseBundled(): void;
}

/** Which claim set pages are checked against, with a notice when a stored one could not be used. */
export function ClaimSetSection({ claimSet, onImport, onUseBundled }: ClaimSetSectionProps) {
  if (!claimSet) return null;
  return (
    <fieldset class="claim-set">
      <legend>Claim set</legend>
      <p class="claim-set-active">
        {claimSet.kind === 'imported' ? 'Imported: ' : 'Bundled: '}
        <span class="claim-set-label">{claimSet.label}</span>
      </p>
      {claimSet.kind === 'imported' && <p class="note">From {claimSet.file}, {claimSet.claims} claims.</p>}
      {claimSet.kind === 'bundled' && claimSet.notice && (
        <p class="error claim-set-notice" role="alert">
          {claimSet.notice}
        </p>
      )}
      <div class="claim-set-buttons">
        <button type="button" onClick={onImport}>
          Import a claim set…
        </button>
        {claimSet.kind === 'imported' && (
          <button type="button" onClick={onUseBundled}>
            Use the bundled set
          </button>
        )}
      </div>
    </fieldset>
  );
}
