import { useEffect, useState } from 'preact/hooks';
import { MAX_CLAIM_SET_BYTES } from '../../core/claims/import';
import { fileTooLarge } from '../../core/errors';
import type { ClaimSetInfo } from '../../ext/claim-set-store';
import type { Connector } from '../../ext/connector';

/** Props of `ClaimSetPage`. */
export interface ClaimSetPageProps {
  connector: Pick<Connector, 'getClaimSet' | 'importClaimSet' | 'useBundledClaimSet'>;
}

type Outcome = { kind: 'imported'; label: string } | { kind: 'bundled' } | { kind: 'error'; file: string; problems: string[] };

/**
 * The page where a reader imports a claim set: a page of its own (opened in
 * a tab) because a file picker closes Firefox's toolbar popup. A file that
 * fails any check changes nothing: the error says what is wrong, and pages
 * go on being checked against the set in force.
 */
export function ClaimSetPage({ connector }: ClaimSetPageProps) {
  const [active, setActive] = useState<ClaimSetInfo | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    connector.getClaimSet().then(setActive, (error: unknown) =>
      setOutcome({ kind: 'error', file: 'storage', problems: [`The claim set in force could not be read: ${reasonOf(error)}`] }),
    );
  }, [connector]);

  const importFile = async (file: File): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      // Refused before it is read: a huge file would only cost memory.
      if (file.size > MAX_CLAIM_SET_BYTES) {
        setOutcome({ kind: 'error', file: file.name, problems: linesOf(file.name, fileTooLarge(file.name, file.size, MAX_CLAIM_SET_BYTES).problems) });
        return;
      }
      const result = await connector.importClaimSet(await file.text(), file.name);
      if (result.ok) {
        setActive(result.info);
        setOutcome({ kind: 'imported', label: result.info.label });
      } else setOutcome({ kind: 'error', file: file.name, problems: result.problems ? linesOf(file.name, result.problems) : [result.error] });
    } catch (error) {
      setOutcome({ kind: 'error', file: file.name, problems: [`${file.name} could not be read: ${reasonOf(error)}`] });
    } finally {
      setBusy(false);
    }
  };

  const useBundled = (): void => {
    setOutcome(null);
    connector.useBundledClaimSet().then(
      (info) => {
        setActive(info);
        setOutcome({ kind: 'bundled' });
      },
      (error: unknown) => setOutcome({ kind: 'error', file: 'storage', problems: [`The bundled set could not be restored: ${reasonOf(error)}`] }),
    );
  };

  return (
    <main class="claim-set-page">
      <h1>Claim set</h1>
      <p>
        Pages are checked against a claim set: the claims drawn from one reference text. The extension comes with the set for
        the EEAS press release on the EU–Japan Security and Defence Partnership; a fact-checker following another event can
        import a set of their own.
      </p>

      <section aria-labelledby="active-heading">
        <h2 id="active-heading">In force</h2>
        {active ? (
          <div class="active-set" data-kind={active.kind}>
            <p>
              {active.kind === 'imported' ? 'Imported set: ' : 'Bundled set: '}
              <strong class="active-label">{active.label}</strong>
            </p>
            {active.kind === 'imported' && (
              <p class="note">
                From <span class="file-name">{active.file}</span>, {active.claims} claims, imported {formatDate(active.importedAt)}.
              </p>
            )}
            {active.kind === 'bundled' && active.notice && (
              <p class="error stored-notice" role="alert">
                {active.notice}
              </p>
            )}
            {active.kind === 'imported' && (
              <button type="button" onClick={useBundled}>
                Use the bundled set
              </button>
            )}
          </div>
        ) : (
          <p>Reading…</p>
        )}
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import a set</h2>
        <p class="note">
          One JSON file in the format of <code>claim-set.schema.json</code>, with the reference text itself in its field{' '}
          <code>reference</code>; at most {MAX_CLAIM_SET_BYTES / 1_000_000} MB. Every passage must be in the reference text. A file
          with any problem changes nothing.
        </p>
        <label class="file-label">
          <span>Claim-set file</span>
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              // Cleared so that choosing the same file again (after fixing it) imports it again.
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <div class="outcome" aria-live="polite">
          {busy && <p>Checking the file…</p>}
          {outcome?.kind === 'imported' && (
            <p class="ok">
              Imported. Open pages are checked again against <strong>{outcome.label}</strong>.
            </p>
          )}
          {outcome?.kind === 'bundled' && <p class="ok">Back to the bundled set. Open pages are checked again.</p>}
        </div>
        {outcome?.kind === 'error' && (
          <div class="error import-error" role="alert">
            <p>
              <strong>Not imported</strong>; pages are still checked against {active ? active.label : 'the set in force'}.
            </p>
            <ul>
              {outcome.problems.map((problem) => (
                <li>{problem}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </main>
  );
}

/** One line per problem (all of them, not only the five a message names), the file named in the first. */
function linesOf(file: string, problems: readonly { path: string; message: string }[]): string[] {
  return problems.map((p, i) => `${i === 0 ? `${file}: ` : ''}${p.path} ${p.message}`);
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'at an unknown time' : `on ${date.toLocaleString()}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
