import { browser } from './browser';
import { isStrictness } from '../core';
import type { FindingsPage, GetFindings, GetPageReport, GetPageStatus, PageReportReply, PageStatusReply, RevealFinding } from './messages';
import { shortcutsFrom, SUGGESTED_SHORTCUTS, type FindingShortcuts } from './commands';
import { claimSetInfo, importClaimSet, loadActiveClaimSet, useBundledClaimSet, type ClaimSetArea, type ClaimSetInfo, type ImportResult } from './claim-set-store';
import { DISMISSED_KEY, dismissedOn, parseDismissed, parseWrongReports, undoDismiss, WRONG_REPORTS_KEY, type DismissedFlag, type WrongFlagReport } from './flag-notes';
import type { Settings } from './settings';
import { loadSettings, updateSettings, type SettingsPatch } from './storage';

/**
 * The one seam between the popup's UI and the browser (as in Dark Reader):
 * the UI calls these methods and never `browser.*`, so it can be rendered in
 * tests, or on its own while it is being worked on, with `createMockConnector`.
 */
export interface Connector {
  /**
   * The active tab's page state and counts (`get-page-status`: never the
   * whole report, which on a long page is megabytes), or why there are none.
   * Never rejects.
   */
  getActiveTabReport(): Promise<ActiveTabReport>;
  /** One page of the active tab's flagged sentences (`get-findings`), each with its findings. */
  getFindings(offset: number, limit: number): Promise<FindingsPage>;
  /** The active tab's whole page report (`get-page-report`): for the export only. */
  getFullReport(): Promise<PageReportReply>;
  /**
   * Asks the active tab's content script to scroll to the sentence starting
   * at `start`, flash it and open its card with focus in it; the toolbar
   * popup then closes, so the reader lands in the card.
   */
  revealFinding(start: number): Promise<void>;
  /** The keys of the finding commands as the browser assigned them (`''`: none). Never rejects. */
  getShortcuts(): Promise<FindingShortcuts>;
  getSettings(): Promise<Settings>;
  /** Saves `patch` over the stored settings; resolves to what was saved. Open pages re-check on their own. */
  setSettings(patch: SettingsPatch): Promise<Settings>;
  /** Puts `text` on the clipboard. */
  copyText(text: string): Promise<void>;
  /** Offers `text` to the reader as a file named `fileName`. */
  downloadText(fileName: string, mimeType: string, text: string): Promise<void>;
  /** The claim set pages are checked against (with a notice when a stored one could not be used). */
  getClaimSet(): Promise<ClaimSetInfo>;
  /** Imports a claim-set file; on any problem nothing changes and the result says what is wrong. Open pages re-check on their own. */
  importClaimSet(text: string, fileName: string): Promise<ImportResult>;
  /** Back to the bundled claim set. */
  useBundledClaimSet(): Promise<ClaimSetInfo>;
  /** Opens the page where a claim set is imported (a file picker closes Firefox's popup, so it is a page of its own). */
  openClaimSetPage(): Promise<void>;
  /** The flags the reader dismissed on the page at `url`. */
  getDismissed(url: string): Promise<DismissedFlag[]>;
  /** Shows the flag on `text` on the page at `url` again (the page re-marks it on its own); resolves to what is still dismissed there. */
  undoDismiss(url: string, text: string): Promise<DismissedFlag[]>;
  /** The reader's reports of wrong flags, oldest first. */
  getWrongReports(): Promise<WrongFlagReport[]>;
}

/** Why the active tab has no report. */
export type UnavailableReason =
  /** A page browsers keep extensions out of (their own pages, the add-on stores). */
  | 'restricted'
  /** No content script answered: the page was open before the extension was installed, or it is not a web page. */
  | 'no-content-script';

/** The active tab as the popup sees it. `hostname` is `null` when the browser does not tell us the tab's address. */
export type ActiveTabReport = { hostname: string | null } & (
  | { kind: 'report'; report: PageStatusReply }
  | { kind: 'unavailable'; reason: UnavailableReason }
  | { kind: 'error'; message: string }
);

// Browsers keep content scripts out of their own pages and their add-on stores.
const RESTRICTED_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'devtools:',
  'edge:',
  'moz-extension:',
  'resource:',
  'view-source:',
]);
const RESTRICTED_HOSTS: readonly { host: string; path: string }[] = [
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Whether browsers forbid content scripts on `url` (a known answer only; an unknown address is not restricted). */
export function isRestrictedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (RESTRICTED_SCHEMES.has(parsed.protocol)) return true;
  return RESTRICTED_HOSTS.some(({ host, path }) => parsed.hostname === host && parsed.pathname.startsWith(path));
}

/** The hostname a web page's address names, or `null` (no address, not a web page). */
export function hostnameOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/**
 * Whether a rejection from `tabs.sendMessage` means nobody listens in the tab
 * (Chrome and Firefox both say "Could not establish connection. Receiving end
 * does not exist."), as opposed to a content script that failed.
 */
export function isNoReceiverError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /receiving end does not exist|could not establish connection|cannot be scripted|cannot access/i.test(message);
}

/**
 * Whether a reply is shaped like a `PageReportReply`. The content script is
 * ours, but an older version of it may still run in a tab opened before an
 * update, so the reply is checked before the UI relies on it.
 */
export function isPageReportReply(value: unknown): value is PageReportReply {
  return isPageStatusShaped(value) && Array.isArray((value as { sentences?: unknown }).sentences) && (value as { sentences: unknown[] }).sentences.every(isSentenceShaped);
}

/** Whether a reply is shaped like a `PageStatusReply` (see `isPageReportReply` for why replies are checked). */
export function isPageStatusReply(value: unknown): value is PageStatusReply {
  return isPageStatusShaped(value) && Number.isInteger((value as { flagged?: unknown }).flagged);
}

/** Whether a reply is shaped like a `FindingsPage`. */
export function isFindingsPage(value: unknown): value is FindingsPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return Number.isInteger(page.total) && Number.isInteger(page.offset) && Array.isArray(page.sentences) && page.sentences.every(isSentenceShaped);
}

function isPageStatusShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  const summary = reply.summary as Record<string, unknown> | null | undefined;
  return (
    (reply.status === 'scanning' || reply.status === 'done') &&
    typeof reply.file === 'string' &&
    isStrictness(reply.strictness) &&
    typeof reply.topical === 'boolean' &&
    typeof summary === 'object' &&
    summary !== null &&
    ['conflict', 'unsupported', 'supported'].every((key) => Number.isInteger(summary[key]))
  );
}

function isSentenceShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const sentence = value as Record<string, unknown>;
  return typeof sentence.text === 'string' && Number.isInteger(sentence.start) && Number.isInteger(sentence.end);
}

/** The tab calls the browser connector makes; the real `browser.tabs` satisfies it. */
export interface TabsApi {
  query(queryInfo: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/** What the browser connector needs; defaults to the real extension APIs. */
export interface BrowserConnectorApis {
  tabs: TabsApi;
  storage: ClaimSetArea;
  /** Opens the extension's options page (the claim-set import). */
  openOptionsPage(): Promise<void>;
  /** The popup's document, for the clipboard and downloads. */
  document: Document;
  /** The browser's keyboard commands (`commands.getAll`); absent where the browser has none. */
  commands?: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  /** Whether this page is in a tab of its own (the popup opened as a page), not the toolbar popup: then it does not close itself. */
  inTab?(): Promise<boolean>;
}

/** The connector the popup uses in the browser. */
export function createBrowserConnector(
  apis: BrowserConnectorApis = {
    tabs: browser.tabs,
    storage: browser.storage.local,
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    document,
    commands: browser.commands,
    // `tabs.getCurrent` gives nothing in the toolbar popup, the tab when the popup is a page in a tab.
    inTab: async () => (await browser.tabs.getCurrent()) !== undefined,
  },
): Connector {
  const { tabs, storage } = apis;

  async function activeTab(): Promise<{ id?: number; url?: string } | undefined> {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return tab;
  }

  // Top frame only: the report is the whole page's, and only the top frame's
  // content script answers for it.
  const toTopFrame = { frameId: 0 };

  async function askActiveTab(message: unknown): Promise<unknown> {
    const tab = await activeTab();
    if (tab?.id === undefined) throw new Error('There is no page to ask.');
    return tabs.sendMessage(tab.id, message, toTopFrame);
  }

  return {
    async getActiveTabReport() {
      let tab: { id?: number; url?: string } | undefined;
      try {
        tab = await activeTab();
      } catch (error) {
        return { kind: 'error', hostname: null, message: messageOf(error) };
      }
      const hostname = hostnameOf(tab?.url);
      if (tab?.id === undefined) return { kind: 'unavailable', hostname, reason: 'no-content-script' };
      // Asking a page we may not run on only produces a confusing error.
      if (tab.url && isRestrictedUrl(tab.url)) return { kind: 'unavailable', hostname, reason: 'restricted' };
      const request: GetPageStatus = { type: 'get-page-status' };
      let reply: unknown;
      try {
        reply = await tabs.sendMessage(tab.id, request, toTopFrame);
      } catch (error) {
        if (isNoReceiverError(error)) return { kind: 'unavailable', hostname, reason: silentReason(tab) };
        return { kind: 'error', hostname, message: messageOf(error) };
      }
      // Firefox resolves with nothing when listeners exist but none answers.
      if (reply === undefined || reply === null) return { kind: 'unavailable', hostname, reason: silentReason(tab) };
      if (!isPageStatusReply(reply)) return { kind: 'error', hostname, message: 'The page answered with something that is not a report.' };
      // Without permission to read the tab's address, the report names the page.
      return { kind: 'report', hostname: hostname ?? hostnameOf(reply.file), report: reply };
    },

    async getFindings(offset, limit) {
      const request: GetFindings = { type: 'get-findings', offset, limit };
      const reply = await askActiveTab(request);
      if (!isFindingsPage(reply)) throw new Error('The page answered with something that is not a list of findings.');
      return reply;
    },

    async getFullReport() {
      const request: GetPageReport = { type: 'get-page-report' };
      const reply = await askActiveTab(request);
      if (!isPageReportReply(reply)) throw new Error('The page answered with something that is not a report.');
      return reply;
    },

    async revealFinding(start) {
      const tab = await activeTab();
      if (tab?.id === undefined) return;
      const request: RevealFinding = { type: 'reveal-finding', start, focus: true };
      const shown = await tabs.sendMessage(tab.id, request, toTopFrame);
      // Focus is in the card, but the toolbar popup keeps the keyboard until it closes.
      if (shown === true && apis.inTab && !(await apis.inTab().catch(() => true))) apis.document.defaultView?.close();
    },

    async getShortcuts() {
      try {
        return apis.commands ? shortcutsFrom(await apis.commands.getAll()) : SUGGESTED_SHORTCUTS;
      } catch {
        return SUGGESTED_SHORTCUTS;
      }
    },

    getSettings: () => loadSettings(storage),
    setSettings: (patch) => updateSettings(patch, storage),
    getClaimSet: async () => claimSetInfo(await loadActiveClaimSet(storage)),
    importClaimSet: (text, fileName) => importClaimSet(text, fileName, storage),
    useBundledClaimSet: () => useBundledClaimSet(storage),
    openClaimSetPage: () => apis.openOptionsPage(),
    getDismissed: async (url) => dismissedOn(parseDismissed((await storage.get(DISMISSED_KEY))[DISMISSED_KEY]), url),
    undoDismiss: (url, text) => undoDismiss(storage, url, text),
    getWrongReports: async () => parseWrongReports((await storage.get(WRONG_REPORTS_KEY))[WRONG_REPORTS_KEY]),

    async copyText(text) {
      const clipboard = apis.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('The clipboard is not available here.');
      await clipboard.writeText(text);
    },

    async downloadText(fileName, mimeType, text) {
      // An anchor with `download` needs no `downloads` permission.
      const doc = apis.document;
      const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
      const link = doc.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      doc.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in Firefox; the URL goes away with the popup anyway.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

/**
 * Why a tab's page did not answer. The browser hides the address only of
 * pages the extension has no access to, and there no content script can run;
 * with the address known, our script is simply not (yet) in the page.
 */
function silentReason(tab: { url?: string }): UnavailableReason {
  return tab.url ? 'no-content-script' : 'restricted';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
