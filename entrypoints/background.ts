import { browser, type Runtime } from '../src/ext/browser';
import { applyBadge, badgeUpdateFor, clearsBadge, type BadgeApi } from '../src/ext/badge';
import { forwardCommand, shortcutsFrom, SUGGESTED_SHORTCUTS } from '../src/ext/commands';
import { isExtensionMessage } from '../src/ext/messages';
import { opensWelcome, WELCOME_PAGE } from '../src/ext/welcome';

// Wiring only; the decisions live in src/ext. Listeners are added
// synchronously on every start, so a Chrome service worker (or a Firefox event
// page) woken by an event gets it. Nothing is kept here: the badge text lives
// in the browser, per tab.
export default defineBackground(() => {
  // MV3 (Chrome) names it `action`, MV2 (Firefox) `browserAction`.
  const badge: BadgeApi = browser.action ?? browser.browserAction;

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
