import { browser } from './browser';
import { bundledClaimSet } from '../core/claims/bundled';
import { parseClaimSetFile } from '../core/claims/import';
import { loadClaimSet } from '../core/claims/load';
import type { ClaimSet } from '../core/claims/types';
import { ClaimSetError } from '../core/errors';
import type { SettingsArea } from './storage';

/**
 * The claim set pages are checked against: the bundled one, or one the
 * reader imported, kept under its own key in `storage.local` (beside the
 * settings, never inside them, so an import can touch nothing the reader
 * set). Only a set that passed every check is ever written; what is read
 * back is checked again, because storage can be edited or damaged, and a
 * stored set that fails falls back to the bundled one with a notice.
 */
export const CLAIM_SET_KEY = 'claimSet';

/** What is stored under `CLAIM_SET_KEY`. Removing the key means "the bundled set". */
export interface StoredClaimSet {
  version: 1;
  /** The name of the file it was imported from. */
  file: string;
  /** When, as an ISO 8601 date-time. */
  importedAt: string;
  /** The set, its reference text in `reference`. */
  set: ClaimSet;
}

/** The set in force, and how it came to be. */
export type ActiveClaimSet =
  | {
      kind: 'bundled';
      set: ClaimSet;
      /** Set when an imported set is stored but cannot be used: why, for the reader. */
      notice?: string;
    }
  | { kind: 'imported'; set: ClaimSet; file: string; importedAt: string };

/** What the popup and the import page show of the set in force (no claims, no reference text). */
export type ClaimSetInfo =
  | { kind: 'bundled'; label: string; notice?: string }
  | { kind: 'imported'; label: string; file: string; importedAt: string; claims: number };

/** A refused import: the whole message, and (for a set that failed a check) each problem on its own. */
export type ImportResult =
  | { ok: true; info: ClaimSetInfo }
  | { ok: false; error: string; problems?: readonly { path: string; message: string }[] };

/** The refusal for an error thrown while reading a file. */
export function importFailure(error: unknown): ImportResult {
  if (error instanceof ClaimSetError) return { ok: false, error: error.message, problems: error.problems.map((p) => ({ path: p.path, message: p.message })) };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

const localArea = (): ClaimSetArea => browser.storage.local;

/** The part of `storage.local` this module uses. */
export interface ClaimSetArea extends SettingsArea {
  remove(key: string): Promise<void>;
}

const DAMAGED = 'The imported claim set in storage is damaged, so pages are checked against the bundled set.';

/**
 * The set to check against, from what storage holds under `CLAIM_SET_KEY`.
 * Never throws: nothing or something unusable gives the bundled set (with a
 * notice saying why when something was stored).
 */
export function activeClaimSet(stored: unknown): ActiveClaimSet {
  if (stored === undefined || stored === null) return { kind: 'bundled', set: bundledClaimSet() };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { kind: 'bundled', set: bundledClaimSet(), notice: `${DAMAGED} (It is not a record of an imported set.)` };
  }
  const record = stored as Record<string, unknown>;
  const file = typeof record.file === 'string' && record.file.length > 0 ? record.file : 'the stored claim set';
  const importedAt = typeof record.importedAt === 'string' ? record.importedAt : '';
  try {
    if (record.version !== 1) throw new ClaimSetError(file, [{ path: '(stored record) version', message: `expected 1, found ${JSON.stringify(record.version) ?? 'nothing'}` }]);
    const set = loadClaimSet(record.set, { file });
    if (set.reference === undefined) throw new ClaimSetError(file, [{ path: 'reference', message: 'is missing' }]);
    return { kind: 'imported', set, file, importedAt };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'bundled', set: bundledClaimSet(), notice: `${DAMAGED} ${reason}` };
  }
}

/** What the UI shows of `active`. */
export function claimSetInfo(active: ActiveClaimSet): ClaimSetInfo {
  if (active.kind === 'imported') {
    return { kind: 'imported', label: active.set.source.label, file: active.file, importedAt: active.importedAt, claims: active.set.claims.length };
  }
  return { kind: 'bundled', label: active.set.source.label, ...(active.notice ? { notice: active.notice } : {}) };
}

/** The set in force, read from storage. Never throws on bad data (an unreadable storage area does reject). */
export async function loadActiveClaimSet(area: SettingsArea = localArea()): Promise<ActiveClaimSet> {
  const stored = await area.get(CLAIM_SET_KEY);
  return activeClaimSet(stored[CLAIM_SET_KEY]);
}

/**
 * Imports the claim-set file `text` named `file`. When every check passes it
 * becomes the set in force; when one fails, or storage refuses it, nothing
 * is written and the set in force stays: the result says what is wrong.
 */
export async function importClaimSet(text: string, file: string, area: ClaimSetArea = localArea(), now: () => Date = () => new Date()): Promise<ImportResult> {
  let set: ClaimSet;
  try {
    set = parseClaimSetFile(text, file);
  } catch (error) {
    return importFailure(error);
  }
  const record: StoredClaimSet = { version: 1, file, importedAt: now().toISOString(), set };
  try {
    await area.set({ [CLAIM_SET_KEY]: record });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${file}: the browser did not store the claim set (${reason}); the set in force is unchanged.` };
  }
  return { ok: true, info: claimSetInfo({ kind: 'imported', set, file: record.file, importedAt: record.importedAt }) };
}

/** Go back to the bundled set (the imported one is removed from storage). */
export async function useBundledClaimSet(area: ClaimSetArea = localArea()): Promise<ClaimSetInfo> {
  await area.remove(CLAIM_SET_KEY);
  return claimSetInfo(activeClaimSet(undefined));
}
