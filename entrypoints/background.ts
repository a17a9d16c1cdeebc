import { browser, type Runtime } from '../src/ext/browser';
import { applyBadge, badgeUpdateFor, clearsBadge, type BadgeApi } from '../src/ext/badge';
import { forwardCommand, shortcutsFrom, SUGGESTED_SHORTCUTS } from '../src/ext/commands';
import { isExtensionMessage } from '../src/ext/messages';
import { CLAIM_SET_KEY } from '../src/ext/claim-set-store';
import { engineMessaging } from '../src/ext/engine';
import { EngineHost } from '../src/ext/engine-host';
import { injectCardScript } from '../src/ext/card-script';
import { opensWelcome, WELCOME_PAGE } from '../src/ext/welcome';

// Wiring only; the decisions live in src/ext and the engine in src/core.
// Listeners are added synchronously on every start, so a Chrome service
// worker (or a Firefox event page) woken by an event gets it. What is kept
// here is the engine (src/ext/engine-host.ts), made again on every start:
// the pages it was checking send their text again. The badge text lives in
// the browser, per tab.
export default defineBackground(() => {
  // MV3 (Chrome) names it `action`, MV2 (Firefox) `browserAction`.
  const badge: BadgeApi = browser.action ?? browser.browserAction;

  // The engine, once for every tab; a request that is not one gets an error naming what is wrong.
  const engine = new EngineHost(browser.storage.local);
  engineMessaging.onMessage('checkPage', ({ data, sender }) => engine.check(data, sender.frameId === 0 ? sender.tab?.id : undefined));
  engineMessaging.onMessage('pageReport', ({ data }) => engine.report(data));
  engineMessaging.onMessage('engineInfo', () => engine.info());
  // The card's UI, with a page's first mark, into the frame that asked (src/ext/card-script.ts).
  engineMessaging.onMessage('cardScript', ({ sender }) => injectCardScript(browser, sender));
  browser.tabs.onRemoved.addListener((tabId) => engine.tabClosed(tabId));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CLAIM_SET_KEY in changes) engine.claimSetChanged(changes[CLAIM_SET_KEY]?.newValue);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isExtensionMessage(message)) return undefined;
    if (message.type === 'get-shortcuts') {
      // Only extension pages and the background may ask which keys the commands have.
      return browser.commands ? browser.commands.getAll().then(shortcutsFrom, () => SUGGESTED_SHORTCUTS) : Promise.resolve(SUGGESTED_SHORTCUTS);
    }
    if (message.type !== 'report-changed') return undefined;
    const update = badgeUpdateFor(message, sender);
    if (update) void applyBadge(badge, update);
    return undefined;
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (clearsBadge(changeInfo)) void applyBadge(badge, { tabId, text: '' });
  });

  // The first-run page, once, when the extension is installed (not on updates or browser updates).
  browser.runtime.onInstalled.addListener((details) => {
    if (opensWelcome(details)) void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  });

  // `commands` is there only when the manifest declares some.
  browser.commands?.onCommand.addListener((command, tab) => {
    void forwardCommand(command, tab, browser.tabs);
  });
});
