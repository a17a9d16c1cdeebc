// From the modules, not the engine's index: the page's script imports this, and the index would bring the engine.
import { isVerdict, SEVERITIES, type Severity, type Verdict } from '../core/verdict';
import type { ClaimSetIdentity } from './claim-set-identity';
import type { SettingsArea } from './storage';

/**
 * What a reader answers to a flag, kept in `storage.local` and nowhere else:
 * a flag dismissed on a page (hidden there, per address and sentence, until
 * undone from the popup), and a flag reported as wrong (kept for the
 * reader's own export, for the claim set's maintainers). Nothing here leaves
 * the browser. Everything read back is checked, so a damaged or hand-edited
 * entry is dropped rather than trusted.
 */

/** The key of the dismissed flags in `storage.local`: `{ [pageKey]: DismissedFlag[] }`. */
export const DISMISSED_KEY = 'dismissedFlags';
/** The key of the reports of wrong flags in `storage.local`: `WrongFlagReport[]`, oldest first. */
export const WRONG_REPORTS_KEY = 'wrongFlagReports';

/** Pages with dismissed flags kept at most (the oldest page's go first). */
export const MAX_DISMISSED_PAGES = 500;
/** Reports of wrong flags kept at most (the oldest go first). */
export const MAX_WRONG_REPORTS = 2000;

/** A flag the reader dismissed on a page: which sentence (by its text: offsets change when a page changes), what it was flagged as, when. */
export interface DismissedFlag {
  text: string;
  verdict: Verdict;
  /** ISO 8601. */
  at: string;
}

/** Every page's dismissed flags, by `pageKey`. */
export type DismissedFlags = Record<string, DismissedFlag[]>;

/** A flag the reader says is wrong: the sentence, the verdict and what it rested on, for the claim set's maintainers. */
export interface WrongFlagReport {
  /** The page's address. */
  url: string;
  title?: string;
  sentence: string;
  verdict: Verdict;
  severity?: Severity;
  /** The claims the findings rested on (none where the reference had nothing on it). */
  claimIds: string[];
  /** Each finding's reason. */
  reasons: string[];
  claimSet: ClaimSetIdentity;
  /** ISO 8601. */
  at: string;
}

/** A page's address as dismissals key it: without its `#fragment` (the same page scrolled to a heading). */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

const isString = (value: unknown): value is string => typeof value === 'string';

function parseDismissedFlag(value: unknown): DismissedFlag | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { text, verdict, at } = value as Record<string, unknown>;
  return isString(text) && text.length > 0 && isVerdict(verdict) && isString(at) ? { text, verdict, at } : undefined;
}

/** The dismissed flags as stored; entries that are not what this code writes are dropped. Never throws. */
export function parseDismissed(value: unknown): DismissedFlags {
  const out: DismissedFlags = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [page, flags] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(flags)) continue;
    const kept = flags.map(parseDismissedFlag).filter((flag): flag is DismissedFlag => flag !== undefined);
    if (kept.length > 0) out[page] = kept;
  }
  return out;
}

/** The dismissed flags of the page at `url`. */
export function dismissedOn(all: DismissedFlags, url: string): DismissedFlag[] {
  return all[pageKey(url)] ?? [];
}

/** Dismiss the flag on `flag.text` on the page at `url`; returns the page's dismissed flags. */
export async function dismissFlag(area: SettingsArea, url: string, flag: DismissedFlag): Promise<DismissedFlag[]> {
  const all = parseDismissed((await area.get(DISMISSED_KEY))[DISMISSED_KEY]);
  const page = pageKey(url);
  const flags = [...(all[page] ?? []).filter((f) => f.text !== flag.text), flag];
  delete all[page];
  // Insertion order is age: this page becomes the newest; the oldest pages go past the limit.
  const pages = Object.entries(all).slice(-(MAX_DISMISSED_PAGES - 1));
  await area.set({ [DISMISSED_KEY]: Object.fromEntries([...pages, [page, flags]]) });
  return flags;
}

/** Show the flag on `text` on the page at `url` again; returns the page's dismissed flags. */
export async function undoDismiss(area: SettingsArea, url: string, text: string): Promise<DismissedFlag[]> {
  const all = parseDismissed((await area.get(DISMISSED_KEY))[DISMISSED_KEY]);
  const page = pageKey(url);
  const flags = (all[page] ?? []).filter((f) => f.text !== text);
  if (flags.length > 0) all[page] = flags;
  else delete all[page];
  await area.set({ [DISMISSED_KEY]: all });
  return flags;
}

function parseWrongReport(value: unknown): WrongFlagReport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const claimSet = r.claimSet as Record<string, unknown> | undefined;
  if (!isString(r.url) || !isString(r.sentence) || !isVerdict(r.verdict) || !isString(r.at)) return undefined;
  if (!Array.isArray(r.claimIds) || !r.claimIds.every(isString) || !Array.isArray(r.reasons) || !r.reasons.every(isString)) return undefined;
  if (typeof claimSet !== 'object' || claimSet === null || !isString(claimSet.label) || !Number.isInteger(claimSet.version) || !isString(claimSet.hash)) return undefined;
  const severity = (SEVERITIES as readonly unknown[]).includes(r.severity) ? (r.severity as Severity) : undefined;
  return {
    url: r.url,
    ...(isString(r.title) ? { title: r.title } : {}),
    sentence: r.sentence,
    verdict: r.verdict,
    ...(severity ? { severity } : {}),
    claimIds: r.claimIds,
    reasons: r.reasons,
    claimSet: { label: claimSet.label, version: claimSet.version as number, hash: claimSet.hash },
    at: r.at,
  };
}

/** The reports of wrong flags as stored, oldest first; entries that are not what this code writes are dropped. Never throws. */
export function parseWrongReports(value: unknown): WrongFlagReport[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseWrongReport).filter((report): report is WrongFlagReport => report !== undefined);
}

/** Keep `report` among the reader's reports of wrong flags (the same sentence on the same page once: the newest report). */
export async function reportWrongFlag(area: SettingsArea, report: WrongFlagReport): Promise<WrongFlagReport[]> {
  const reports = parseWrongReports((await area.get(WRONG_REPORTS_KEY))[WRONG_REPORTS_KEY]).filter(
    (r) => !(pageKey(r.url) === pageKey(report.url) && r.sentence === report.sentence),
  );
  const next = [...reports, report].slice(-MAX_WRONG_REPORTS);
  await area.set({ [WRONG_REPORTS_KEY]: next });
  return next;
}

/**
 * The reader's reports of wrong flags as a JSON file for the claim set's
 * maintainers: `{ kind, exportedAt, reports }`, each report as kept.
 */
export function wrongReportsToJson(reports: readonly WrongFlagReport[], exportedAt: Date): string {
  return `${JSON.stringify({ kind: 'eu-japan-fact-check/wrong-flag-reports', exportedAt: exportedAt.toISOString(), reports }, null, 2)}\n`;
}
