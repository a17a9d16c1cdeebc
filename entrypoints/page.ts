import { browser } from '../src/ext/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { backgroundEngine, ENGINE_INFO_KEY, engineMessaging, parseEngineInfo, type EngineInfo } from '../src/ext/engine';
import { DISMISSED_KEY, dismissedOn, dismissFlag, parseDismissed, reportWrongFlag } from '../src/ext/flag-notes';
import { findingsOf } from '../src/ext/labels';
import { cardUiLoader } from '../src/ext/card-script';
import type { SentenceReport } from '../src/core/report';
import { SUGGESTED_SHORTCUTS, type FindingShortcuts } from '../src/ext/commands';
import { isExtensionMessage, type FindingsPage, type GetShortcuts, type PageReportReply, type PageStatusReply, type ReportChanged } from '../src/ext/messages';
import { activeOn, parseSettings, SETTINGS_KEY, type Settings } from '../src/ext/settings';
import { PageSession } from '../src/page/session/session';

/** The trace marker left when the page's report becomes complete. */
const REPORT_DONE_MARK = 'ejfc:report-done';

/** How often the address is looked at for an in-page (History API) navigation: a page's `pushState` tells a content script nothing. */
const NAVIGATION_CHECK_MS = 1_000;

/**
 * The content script: wiring only. It keeps one `PageSession` per page (a
 * fresh one after an in-page navigation), applies the reader's settings as
 * they change, has the engine in the background check the page (again when
 * another claim set is imported), answers the popup, and tells the background
 * when the counts change. Reading, marking and cards live in `src/page/`; the
 * engine is not in this script at all (src/ext/engine.ts), nor is the
 * card's UI: the session asks for it with its first mark, and the
 * background puts it into the page then (`cards.js`, src/ext/card-script.ts).
 *
 * A plain script, listed in the manifest by wxt.config.ts, not a WXT
 * `defineContentScript`: WXT 0.20's content script context posts a message
 * carrying the extension's ID to every page's window, where any site can hear
 * it and learn that the reader runs this extension
 * (tests/e2e/page-hears-nothing.test.ts). What we used of it (knowing when the
 * extension is gone, hearing in-page navigation) is done here instead.
 */
export default defineUnlistedScript(() => {
  // The top frame's session reads same-origin frames itself and counts
  // their text in the page's one report; a frame's own script would count
  // it twice, and a cross-origin frame's text is not the page's. So in a
  // frame the script stops here.
  if (window.top !== window) return;

  /** Whether the extension is still there: after an update or removal the old script's API is cut off (its runtime has no id). */
  const alive = (): boolean => {
    try {
      return Boolean(browser.runtime?.id);
    } catch {
      return false;
    }
  };

  /** The card's UI, fetched once for the page (by its first session to mark anything). */
  const loadCardUi = cardUiLoader(() => engineMessaging.sendMessage('cardScript'));

  let settings: Settings | undefined;
  let session: PageSession | undefined;
  /** The engine in force, as the background describes it (its gate, the claim set's label and identity). */
  let engine: EngineInfo | undefined;
  /** A change of the engine was heard before storage was first read: it wins over what that read returns. */
  let engineHeard = false;
  let lastSent = '';
  /** The sentences whose flags the reader dismissed on this page (by text), from storage. */
  let dismissed: ReadonlySet<string> = new Set();
  /** What storage holds of every page's dismissals: read again for this page's address after an in-page navigation. */
  let dismissedStored: unknown;
  const dismissedHere = (): ReadonlySet<string> => new Set(dismissedOn(parseDismissed(dismissedStored), location.href).map((flag) => flag.text));
  const useDismissed = (stored: unknown): void => {
    dismissedStored = stored;
    dismissed = dismissedHere();
    session?.update({ dismissed });
  };
  const onDismiss = (sentence: SentenceReport): void => {
    if (!sentence.verdict) return;
    // Hidden at once; storage tells every other tab on this page (and the popup) after.
    dismissed = new Set([...dismissed, sentence.text]);
    session?.update({ dismissed });
    dismissFlag(browser.storage.local, location.href, { text: sentence.text, verdict: sentence.verdict, at: new Date().toISOString() }).catch(() => undefined);
  };
  const onReportWrong = (sentence: SentenceReport): void => {
    // A session (and so a card to report from) exists only with the engine's info in hand.
    if (!sentence.verdict || !engine) return;
    const findings = findingsOf(sentence);
    reportWrongFlag(browser.storage.local, {
      url: location.href,
      title: document.title,
      sentence: sentence.text,
      verdict: sentence.verdict,
      ...(sentence.severity ? { severity: sentence.severity } : {}),
      claimIds: findings.flatMap((f) => (f.claimId ? [f.claimId] : [])),
      reasons: findings.map((f) => f.reason),
      claimSet: engine.claimSet,
      at: new Date().toISOString(),
    }).catch(() => undefined);
  };
  /** The keys of the finding commands, as the background reports them (it alone may ask the browser). */
  let shortcuts: FindingShortcuts = SUGGESTED_SHORTCUTS;
  /** Asked once a page, with its first flag (the announcement and the card say them): a page with nothing flagged never asks. */
  let shortcutsAsked = false;
  const askShortcuts = (): void => {
    if (shortcutsAsked) return;
    shortcutsAsked = true;
    const request: GetShortcuts = { type: 'get-shortcuts' };
    browser.runtime.sendMessage(request).then(
      (reply: unknown) => {
        const keys = reply as Partial<FindingShortcuts> | undefined;
        if (typeof keys?.next === 'string' && typeof keys.previous === 'string') shortcuts = { next: keys.next, previous: keys.previous };
      },
      () => undefined,
    );
  };

  /** The report of a page not being checked: empty; `scanning` until settings are read. */
  const emptyReply = (): PageReportReply => ({
    file: location.href,
    strictness: (settings ?? parseSettings(undefined)).strictness,
    topical: false,
    sentences: [],
    summary: { conflict: 0, unsupported: 0, supported: 0 },
    status: settings ? 'done' : 'scanning',
  });

  /** The page's whole report (for an export): asked of the engine, which lists every sentence. */
  const reply = async (): Promise<PageReportReply> =>
    session ? { ...(await session.report()), title: document.title, ...(engine ? { claimSet: engine.claimSet } : {}) } : emptyReply();

  /** The state and counts only (the popup's first question); an empty page's when checking is off here. */
  const statusReply = (): PageStatusReply => {
    if (session) return session.pageStatus();
    const { sentences: _none, ...empty } = emptyReply();
    return { ...empty, flagged: 0 };
  };

  const notify = (report: Pick<PageReportReply, 'summary' | 'status'>): void => {
    const key = JSON.stringify([report.summary, report.status]);
    if (key === lastSent || !alive()) return;
    lastSent = key;
    // The reader may have changed the keys since the last page.
    if (report.summary.conflict + report.summary.unsupported > 0) askShortcuts();
    // A marker in the browser's performance trace, by which the browser
    // benchmark (tests/bench/browser) times the report's completion. Only a
    // trace recorder (DevTools, CDP Tracing) sees it; no page script can
    // read it, and without a recording it costs nothing.
    if (report.status === 'done') console.timeStamp(REPORT_DONE_MARK);
    const message: ReportChanged = { type: 'report-changed', summary: report.summary, status: report.status };
    // No one may be listening (the background is asleep or being updated): the next change tells again.
    browser.runtime.sendMessage(message).catch(() => {});
  };

  const stop = (): void => {
    session?.destroy();
    session = undefined;
  };

  /** A fresh report: the page was opened, navigated in place, or checking was switched on. */
  const restart = (): void => {
    stop();
    if (settings && engine && activeOn(settings, location.hostname)) {
      // This address has its own dismissals.
      shortcutsAsked = false;
      dismissed = dismissedHere();
      session = new PageSession({
        document,
        file: location.href,
        strictness: settings.strictness,
        showSupported: settings.showSupported,
        engine: backgroundEngine(engine),
        loadCardUi,
        shortcuts: () => shortcuts,
        dismissed,
        onDismiss,
        onReportWrong,
        // Firefox needs its highlights registered again to paint every range; in Chromium that costs a long task on long pages.
        reregisterHighlights: import.meta.env.FIREFOX,
        // The counts only: the whole report lists every sentence of the page.
        onChange: (changed) => notify({ summary: changed.summary(), status: changed.status }),
      });
    }
    notify(session ? { summary: session.summary(), status: session.status } : emptyReply());
  };

  const apply = (next: Settings): void => {
    const previous = settings;
    settings = next;
    const wasActive = previous !== undefined && activeOn(previous, location.hostname);
    if (!activeOn(next, location.hostname)) {
      if (wasActive || session) restart();
      return;
    }
    if (!wasActive || !session) restart();
    else if (previous.strictness !== next.strictness || previous.showSupported !== next.showSupported) {
      session.update({ strictness: next.strictness, showSupported: next.showSupported });
    }
  };

  // Our own messages are answered at once, with a promise (the polyfill's
  // way in both browsers); anything else is left to other listeners.
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!isExtensionMessage(message)) return undefined;
    switch (message.type) {
      case 'get-page-report':
        return reply();
      case 'get-page-status':
        return Promise.resolve(statusReply());
      case 'get-findings':
        return Promise.resolve<FindingsPage>(session?.flaggedPage(message.offset, message.limit) ?? { total: 0, offset: message.offset, sentences: [] });
      case 'reveal-finding':
        return Promise.resolve(session?.reveal(message.start, { focus: message.focus ?? false }) ?? false);
      case 'next-finding':
        return Promise.resolve(session?.next() !== undefined);
      case 'previous-finding':
        return Promise.resolve(session?.previous() !== undefined);
      default:
        return undefined;
    }
  };

  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    if (DISMISSED_KEY in changes) useDismissed(changes[DISMISSED_KEY]?.newValue);
    // The background writes it after it made the engine over another claim set.
    const engineChanged = ENGINE_INFO_KEY in changes && parseEngineInfo(changes[ENGINE_INFO_KEY]?.newValue) !== undefined;
    if (engineChanged) {
      engineHeard = true;
      engine = parseEngineInfo(changes[ENGINE_INFO_KEY]?.newValue);
    }
    const before = session;
    if (SETTINGS_KEY in changes) apply(parseSettings(changes[SETTINGS_KEY]?.newValue));
    // Another set means other verdicts for every sentence: check the page afresh (unless the settings just did).
    if (engineChanged && settings && session === before) restart();
  };

  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorageChanged);
  // Forced colours on or off: the marks are drawn another way there (src/page/marking/highlight-styles.ts), so mark afresh.
  const forcedColors = window.matchMedia?.('(forced-colors: active)');
  const onForcedColors = (): void => {
    if (alive() && session) restart();
  };
  forcedColors?.addEventListener('change', onForcedColors);
  // An in-page (History API) navigation is a new page to the reader: a
  // fresh report. A jump to an anchor (#section) is the same page. The same
  // look, once a second, notices when the extension is gone (updated,
  // reloaded or removed): then everything of ours leaves the page.
  const withoutHash = (): string => location.href.slice(0, location.href.length - location.hash.length);
  let address = withoutHash();
  const watch = setInterval(() => {
    if (!alive()) {
      clearInterval(watch);
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorageChanged);
      forcedColors?.removeEventListener('change', onForcedColors);
      stop();
      return;
    }
    const now = withoutHash();
    if (now === address) return;
    address = now;
    if (settings) restart();
  }, NAVIGATION_CHECK_MS);

  /** The engine's info when storage has none yet (the background has not written it since it was installed): asked of the background. */
  const askEngine = async (): Promise<EngineInfo | undefined> => {
    try {
      return parseEngineInfo(await engineMessaging.sendMessage('engineInfo'));
    } catch {
      return undefined;
    }
  };

  browser.storage.local
    .get([SETTINGS_KEY, ENGINE_INFO_KEY, DISMISSED_KEY])
    .then(async (stored) => {
      const known = parseEngineInfo(stored[ENGINE_INFO_KEY]) ?? (await askEngine());
      // A change that arrived while reading wins over what was read.
      if (!alive() || settings) return;
      if (!engineHeard) engine = known;
      useDismissed(stored[DISMISSED_KEY]);
      apply(parseSettings(stored[SETTINGS_KEY]));
    })
    .catch(() => {
      if (alive() && !settings) apply(parseSettings(undefined));
    });
});
