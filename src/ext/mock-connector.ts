import { summarize, type SentenceReport } from '../core';
import { activeClaimSet, claimSetInfo, importFailure, type ClaimSetInfo } from './claim-set-store';
import { parseClaimSetFile } from '../core/claims/import';
import { SUGGESTED_SHORTCUTS } from './commands';
import { pageKey, type DismissedFlag, type WrongFlagReport } from './flag-notes';
import type { ActiveTabReport, Connector } from './connector';
import { statusOfReport, type PageReportReply } from './messages';
import { parseSettings, type Settings } from './settings';
import type { SettingsPatch } from './storage';

/**
 * A connector with no browser behind it: for the popup's tests, and for
 * working on the popup alone (`popup.html?mock=report` in `npm run dev`).
 */

/** What the mock was asked to do, in order. */
export interface MockConnectorCalls {
  getActiveTabReport: number;
  /** `[offset, limit]` of each `getFindings`. */
  getFindings: [number, number][];
  getFullReport: number;
  revealFinding: number[];
  setSettings: SettingsPatch[];
  copied: string[];
  downloads: { fileName: string; mimeType: string; text: string }[];
  /** File names of claim sets offered to `importClaimSet`. */
  imports: string[];
  openClaimSetPage: number;
  /** Texts given to `undoDismiss`. */
  undoDismiss: string[];
}

/** A connector that records what the popup asked of it. */
export interface MockConnector extends Connector {
  readonly calls: MockConnectorCalls;
  /** The settings as last saved. */
  readonly settings: Settings;
  /** The claim set in force. */
  readonly claimSet: ClaimSetInfo;
}

/** A state of the active tab as the mock holds it: a page's whole report, from which it answers every question. */
export type MockTabState = Exclude<ActiveTabReport, { kind: 'report' }> | { kind: 'report'; hostname: string | null; report: PageReportReply };

/** What the mock answers with. */
export interface MockConnectorOptions {
  /** What successive `getActiveTabReport` calls find; the last one repeats. Default: one finished sample report. */
  states?: readonly MockTabState[];
  /** Stored settings, read through `parseSettings` like real storage. */
  settings?: unknown;
  /** Make `copyText` fail, as a clipboard the browser refuses would. */
  failCopy?: boolean;
  /** What storage holds under the claim-set key, read like real storage. */
  claimSet?: unknown;
  /** Flags dismissed, each on the page at its `url`. */
  dismissed?: readonly { url: string; flag: DismissedFlag }[];
  /** The reader's reports of wrong flags. */
  wrongReports?: readonly WrongFlagReport[];
}

/** A mock connector. Its reports follow the saved strictness, as content scripts re-check at once when it changes. */
export function createMockConnector(options: MockConnectorOptions = {}): MockConnector {
  const states = options.states?.length ? options.states : [reportState(sampleReport())];
  let settings = parseSettings(options.settings);
  const calls: MockConnectorCalls = { getActiveTabReport: 0, getFindings: [], getFullReport: 0, undoDismiss: [], revealFinding: [], setSettings: [], copied: [], downloads: [], imports: [], openClaimSetPage: 0 };
  let claimSet = claimSetInfo(activeClaimSet(options.claimSet));
  /** The state the last `getActiveTabReport` found: `getFindings` and `getFullReport` answer from it. */
  let current: MockTabState = states[0]!;
  let dismissed = [...(options.dismissed ?? [])];

  return {
    calls,
    get settings() {
      return settings;
    },
    get claimSet() {
      return claimSet;
    },
    async getActiveTabReport() {
      const state = states[Math.min(calls.getActiveTabReport, states.length - 1)]!;
      calls.getActiveTabReport += 1;
      current = state;
      if (state.kind !== 'report') return state;
      return { ...state, report: statusOfReport({ ...state.report, strictness: settings.strictness }) };
    },
    async getFindings(offset, limit) {
      calls.getFindings.push([offset, limit]);
      const flagged = current.kind === 'report' ? current.report.sentences.filter((s) => s.verdict === 'conflict' || s.verdict === 'unsupported') : [];
      return { total: flagged.length, offset, sentences: flagged.slice(offset, offset + limit) };
    },
    async getFullReport() {
      calls.getFullReport += 1;
      if (current.kind !== 'report') throw new Error('There is no report.');
      return { ...current.report, strictness: settings.strictness };
    },
    async revealFinding(start) {
      calls.revealFinding.push(start);
    },
    async getShortcuts() {
      return SUGGESTED_SHORTCUTS;
    },
    async getSettings() {
      return settings;
    },
    async setSettings(patch) {
      calls.setSettings.push(patch);
      settings = parseSettings({ ...settings, ...patch });
      return settings;
    },
    async copyText(text) {
      if (options.failCopy) throw new Error('Clipboard refused.');
      calls.copied.push(text);
    },
    async downloadText(fileName, mimeType, text) {
      calls.downloads.push({ fileName, mimeType, text });
    },
    async getClaimSet() {
      return claimSet;
    },
    async importClaimSet(text, fileName) {
      calls.imports.push(fileName);
      try {
        const set = parseClaimSetFile(text, fileName);
        claimSet = claimSetInfo({ kind: 'imported', set, file: fileName, importedAt: '2024-11-02T09:00:00.000Z' });
        return { ok: true, info: claimSet };
      } catch (error) {
        return importFailure(error);
      }
    },
    async useBundledClaimSet() {
      claimSet = claimSetInfo(activeClaimSet(undefined));
      return claimSet;
    },
    async openClaimSetPage() {
      calls.openClaimSetPage += 1;
    },
    async getDismissed(url) {
      return dismissed.filter((entry) => pageKey(entry.url) === pageKey(url)).map((entry) => entry.flag);
    },
    async undoDismiss(url, text) {
      calls.undoDismiss.push(text);
      dismissed = dismissed.filter((entry) => !(pageKey(entry.url) === pageKey(url) && entry.flag.text === text));
      return dismissed.filter((entry) => pageKey(entry.url) === pageKey(url)).map((entry) => entry.flag);
    },
    async getWrongReports() {
      return [...(options.wrongReports ?? [])];
    },
  };
}

/** A `report` state for the active tab, its hostname taken from the report. */
export function reportState(report: PageReportReply): MockTabState {
  let hostname: string | null = null;
  try {
    hostname = new URL(report.file).hostname || null;
  } catch {
    // A report of a file, not a page: no site to pause.
  }
  return { kind: 'report', hostname, report };
}

// Real engine output (balanced) for a made-up page, so the sample's reasons and
// quotes read like the ones the popup will show.
const SAMPLE_SENTENCES: readonly SentenceReport[] = [
  { text: "EU and Japan launch defence pact", start: 0, end: 32, verdict: "supported", reason: "The reference says this.", claimId: "sdp-announced", quote: "During the Dialogue, High Representative Borrell and Foreign Minister Iwaya announced the EU-Japan Security and Defence Partnership." },
  { text: "Josep Borrell and Takeshi Iwaya met in Osaka on 1 November for the first EU-Japan Strategic Dialogue.", start: 33, end: 134, verdict: "conflict", severity: "hard", reason: "The reference places the first EU-Japan Strategic Dialogue in Tokyo, not Osaka.", claimId: "dialogue-held", quote: "EU High Representative for Foreign Affairs and Security Policy Josep Borrell and Japan’s Minister for Foreign Affairs Takeshi Iwaya held their first EU-Japan Strategic Dialogue on 1 November in Tokyo." },
  { text: "The two sides signed a Security and Defence Partnership.", start: 135, end: 191, verdict: "conflict", severity: "soft", reason: "The reference says the Security and Defence Partnership was announced, not signed: it is a political framework.", claimId: "sdp-announced", quote: "During the Dialogue, High Representative Borrell and Foreign Minister Iwaya announced the EU-Japan Security and Defence Partnership." },
  { text: "Borrell and Iwaya also agreed to hold joint naval exercises in the Pacific next spring.", start: 192, end: 279, verdict: "unsupported", reason: "The reference does not mention \"exercises\"." },
  { text: "Japan is the first country in the Indo-Pacific to adopt such a framework with the EU.", start: 280, end: 365, verdict: "supported", reason: "The reference says this.", claimId: "sdp-first-indo-pacific", quote: "Japan is the first country in the Indo-Pacific to adopt such a political framework for enhanced cooperation on security and defence with the European Union." },
  { text: "Reporting by a staff correspondent.", start: 366, end: 401, verdict: null },
];

/** A finished report of a made-up news page, with one finding of each kind; `overrides` replace its fields. */
export function sampleReport(overrides: Partial<PageReportReply> = {}): PageReportReply {
  const sentences = overrides.sentences ?? SAMPLE_SENTENCES.map((sentence) => ({ ...sentence }));
  return {
    file: 'https://news.example/world/eu-japan-defence',
    strictness: 'balanced',
    topical: true,
    status: 'done',
    sentences,
    summary: summarize(sentences),
    ...overrides,
  };
}
