import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isExtensionMessage, type PageReportReply, type ReportChanged } from '../../src/ext/messages';
import { activeOn, parseSettings, SETTINGS_KEY, type Settings } from '../../src/ext/settings';
import { PageSession } from '../../src/page/session';

/**
 * The content script: wiring only. It keeps one `PageSession` per page (a
 * fresh one after an in-page navigation), applies the reader's settings as
 * they change, answers the popup, and tells the background when the counts
 * change. Reading, checking, marking and cards live in `src/page/`.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // The top frame's session reads same-origin frames itself and counts
    // their text in the page's one report; a frame's own script would count
    // it twice, and a cross-origin frame's text is not the page's. So in a
    // frame the script stops here.
    if (window.top !== window) return;

    let settings: Settings | undefined;
    let session: PageSession | undefined;
    let lastSent = '';

    /** The page's report; an empty one when checking is off here, `scanning` until settings are read. */
    const reply = (): PageReportReply =>
      session?.report() ?? {
        file: location.href,
        strictness: (settings ?? parseSettings(undefined)).strictness,
        topical: false,
        sentences: [],
        summary: { conflict: 0, unsupported: 0, supported: 0 },
        status: settings ? 'done' : 'scanning',
      };

    const notify = (report: PageReportReply): void => {
      const key = JSON.stringify([report.summary, report.status]);
      if (key === lastSent || ctx.isInvalid) return;
      lastSent = key;
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
      if (settings && activeOn(settings, location.hostname)) {
        session = new PageSession({
          document,
          file: location.href,
          strictness: settings.strictness,
          showSupported: settings.showSupported,
          onChange: (changed) => notify(changed.report()),
        });
      }
      notify(reply());
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

    const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): void => {
      if (!isExtensionMessage(message)) return;
      // Always answer our own messages at once: a sender awaiting an answer that never comes gets an error.
      switch (message.type) {
        case 'get-page-report':
          sendResponse(reply());
          return;
        case 'reveal-finding':
          sendResponse(session?.reveal(message.start) ?? false);
          return;
        case 'next-finding':
          sendResponse(session?.next() !== undefined);
          return;
      }
    };

    const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      apply(parseSettings(changes[SETTINGS_KEY]?.newValue));
    };

    browser.runtime.onMessage.addListener(onMessage);
    browser.storage.onChanged.addListener(onStorageChanged);
    // An in-page (History API) navigation is a new page to the reader: a
    // fresh report. A jump to an anchor (#section) is the same page.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl, oldUrl }) => {
      const withoutHash = (url: URL) => url.href.slice(0, url.href.length - url.hash.length);
      if (settings && withoutHash(newUrl) !== withoutHash(oldUrl)) restart();
    });
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorageChanged);
      stop();
    });

    browser.storage.local
      .get(SETTINGS_KEY)
      .then((stored) => {
        // A change that arrived while reading wins over what was read.
        if (!ctx.isInvalid && !settings) apply(parseSettings(stored[SETTINGS_KEY]));
      })
      .catch(() => {
        if (!ctx.isInvalid && !settings) apply(parseSettings(undefined));
      });
  },
});
