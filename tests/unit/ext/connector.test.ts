import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createBrowserConnector,
  hostnameOf,
  isNoReceiverError,
  isPageReportReply,
  isRestrictedUrl,
  type ActiveTabReport,
  type TabsApi,
} from '../../../src/ext/connector';
import { createMockConnector, reportState, sampleReport } from '../../../src/ext/mock-connector';
import { statusOfReport } from '../../../src/ext/messages';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/ext/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('isRestrictedUrl', () => {
  it.each([
    ['a browser settings page', 'chrome://settings/', true],
    ['a new tab in Chrome', 'chrome://newtab/', true],
    ["another extension's page", 'chrome-extension://abcdef/popup.html', true],
    ['a Firefox internal page', 'about:addons', true],
    ['a blank tab', 'about:blank', true],
    ['a Firefox extension page', 'moz-extension://1234/popup.html', true],
    ['page source', 'view-source:https://news.example/', true],
    ['the Chrome Web Store (old address)', 'https://chrome.google.com/webstore/detail/x', true],
    ['the Chrome Web Store', 'https://chromewebstore.google.com/detail/x', true],
    ['Firefox add-ons', 'https://addons.mozilla.org/en-US/firefox/', true],
    ['Edge add-ons', 'https://microsoftedge.microsoft.com/addons/detail/x', true],
    ['a news article', 'https://news.example/world/eu-japan', false],
    ['another page on google.com', 'https://chrome.google.com/intl/en/chrome/', false],
    ['a local file', 'file:///home/reader/article.html', false],
    ['not a URL', 'nonsense', false],
  ])('%s: %s', (_what, url, restricted) => {
    expect(isRestrictedUrl(url)).toBe(restricted);
  });
});

describe('hostnameOf', () => {
  it.each([
    ['a web page', 'https://www.news.example/a?b', 'www.news.example'],
    ['a plain http page', 'http://news.example:8080/', 'news.example'],
    ['no address (the browser did not tell)', undefined, null],
    ['a browser page has no site to pause', 'chrome://settings', null],
    ['a local file has no site', 'file:///tmp/a.html', null],
    ['not a URL', 'article.txt', null],
  ])('%s', (_what, url, expected) => {
    expect(hostnameOf(url)).toBe(expected);
  });
});

describe('isNoReceiverError', () => {
  it.each([
    ['Chrome and Firefox with no listener', new Error('Could not establish connection. Receiving end does not exist.'), true],
    ['the Web Store', new Error('The extensions gallery cannot be scripted.'), true],
    ['a content script that threw', new Error('Cannot read properties of undefined'), false],
    ['a non-Error rejection', 'Receiving end does not exist.', true],
  ])('%s', (_what, error, expected) => {
    expect(isNoReceiverError(error)).toBe(expected);
  });
});

describe('isPageReportReply', () => {
  const good = sampleReport();
  it.each<[string, unknown, boolean]>([
    ['a finished report', good, true],
    ['a report still scanning', { ...good, status: 'scanning' }, true],
    ['a report without status (an older content script)', { ...good, status: undefined }, false],
    ['an unknown strictness', { ...good, strictness: 'extreme' }, false],
    ['a sentence without offsets', { ...good, sentences: [{ text: 'x' }] }, false],
    ['counts missing', { ...good, summary: { conflict: 1 } }, false],
    ['nothing', undefined, false],
    ['a string', 'done', false],
  ])('%s', (_what, value, expected) => {
    expect(isPageReportReply(value)).toBe(expected);
  });
});

/** Tabs that answer `sendMessage` with `answer` and record what was sent. */
function fakeTabs(tab: { id?: number; url?: string } | undefined, answer: () => Promise<unknown>) {
  const sent: { tabId: number; message: unknown; options: { frameId: number } }[] = [];
  const tabs: TabsApi = {
    query: async () => (tab ? [tab] : []),
    sendMessage: async (tabId, message, options) => {
      sent.push({ tabId, message, options });
      return answer();
    },
  };
  return { tabs, sent };
}

function connectorWith(tab: { id?: number; url?: string } | undefined, answer: () => Promise<unknown>) {
  const { tabs, sent } = fakeTabs(tab, answer);
  const connector = createBrowserConnector({ tabs, storage: fakeBrowser.storage.local, openOptionsPage: async () => undefined, document: undefined as never });
  return { connector, sent };
}

describe('createBrowserConnector: getActiveTabReport', () => {
  const report = statusOfReport(sampleReport());
  const page = { id: 7, url: 'https://news.example/world/eu-japan-defence' };

  it.each<[string, { id?: number; url?: string } | undefined, () => Promise<unknown>, ActiveTabReport]>([
    ['a report from the page, with its site', page, async () => report, { kind: 'report', hostname: 'news.example', report }],
    [
      'the site from the report when the browser hides the address',
      { id: 7 },
      async () => report,
      { kind: 'report', hostname: 'news.example', report },
    ],
    [
      'no content script listening',
      page,
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      { kind: 'unavailable', hostname: 'news.example', reason: 'no-content-script' },
    ],
    [
      'no answer from a page whose address the browser hides: no access there',
      { id: 7 },
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      { kind: 'unavailable', hostname: null, reason: 'restricted' },
    ],
    ['a listener that does not answer (Firefox)', page, async () => undefined, { kind: 'unavailable', hostname: 'news.example', reason: 'no-content-script' }],
    ['a browser page is not even asked', { id: 7, url: 'chrome://extensions/' }, async () => report, { kind: 'unavailable', hostname: null, reason: 'restricted' }],
    ['an add-on store is not even asked', { id: 7, url: 'https://addons.mozilla.org/' }, async () => report, { kind: 'unavailable', hostname: 'addons.mozilla.org', reason: 'restricted' }],
    ['no active tab', undefined, async () => report, { kind: 'unavailable', hostname: null, reason: 'no-content-script' }],
    ['a content script that failed', page, () => Promise.reject(new Error('boom')), { kind: 'error', hostname: 'news.example', message: 'boom' }],
    [
      'an answer that is not a report',
      page,
      async () => ({ hello: 'world' }),
      { kind: 'error', hostname: 'news.example', message: 'The page answered with something that is not a report.' },
    ],
  ])('%s', async (_what, tab, answer, expected) => {
    const { connector } = connectorWith(tab, answer);
    expect(await connector.getActiveTabReport()).toEqual(expected);
  });

  it("asks the tab's top frame for the page's status, never the whole report", async () => {
    const { connector, sent } = connectorWith(page, async () => report);
    await connector.getActiveTabReport();
    expect(sent).toEqual([{ tabId: 7, message: { type: 'get-page-status' }, options: { frameId: 0 } }]);
  });

  it('a whole report where a status is wanted is not taken for one (an older content script)', async () => {
    const { sentences: _s, ...noCount } = sampleReport();
    const { connector } = connectorWith(page, async () => noCount);
    expect((await connector.getActiveTabReport()).kind).toBe('error');
  });

  it('getFindings asks the top frame for one page of the flagged sentences', async () => {
    const full = sampleReport();
    const flagged = full.sentences.filter((x) => x.verdict === 'conflict' || x.verdict === 'unsupported');
    const { connector, sent } = connectorWith(page, async () => ({ total: flagged.length, offset: 1, sentences: flagged.slice(1, 3) }));
    expect(await connector.getFindings(1, 2)).toEqual({ total: flagged.length, offset: 1, sentences: flagged.slice(1, 3) });
    expect(sent).toEqual([{ tabId: 7, message: { type: 'get-findings', offset: 1, limit: 2 }, options: { frameId: 0 } }]);
  });

  it('getFullReport asks for the whole report, for the export', async () => {
    const full = sampleReport();
    const { connector, sent } = connectorWith(page, async () => full);
    expect(await connector.getFullReport()).toEqual(full);
    expect(sent).toEqual([{ tabId: 7, message: { type: 'get-page-report' }, options: { frameId: 0 } }]);
    const { connector: broken } = connectorWith(page, async () => ({ total: 1 }));
    await expect(broken.getFullReport()).rejects.toThrow(/not a report/);
  });

  it('never rejects, even when the tabs API does', async () => {
    const tabs: TabsApi = { query: () => Promise.reject(new Error('no tabs')), sendMessage: async () => undefined };
    const connector = createBrowserConnector({ tabs, storage: fakeBrowser.storage.local, openOptionsPage: async () => undefined, document: undefined as never });
    expect(await connector.getActiveTabReport()).toEqual({ kind: 'error', hostname: null, message: 'no tabs' });
  });
});

describe('createBrowserConnector: revealFinding and settings', () => {
  it("sends reveal-finding with the sentence's start and focus to the top frame", async () => {
    const { connector, sent } = connectorWith({ id: 3, url: 'https://news.example/' }, async () => undefined);
    await connector.revealFinding(135);
    expect(sent).toEqual([{ tabId: 3, message: { type: 'reveal-finding', start: 135, focus: true }, options: { frameId: 0 } }]);
  });

  it.each([
    ['the toolbar popup closes once the card has focus, so the reader lands in it', false, true, 1],
    ['the popup opened as a page in a tab stays', true, true, 0],
    ['nothing shown on the page: the popup stays', false, false, 0],
  ])('%s', async (_reason, inTab, shown, closes) => {
    const { tabs } = fakeTabs({ id: 3, url: 'https://news.example/' }, async () => shown);
    const close = vi.fn();
    const connector = createBrowserConnector({
      tabs,
      storage: fakeBrowser.storage.local,
      openOptionsPage: async () => undefined,
      document: { defaultView: { close } } as unknown as Document,
      inTab: async () => inTab,
    });
    await connector.revealFinding(135);
    expect(close).toHaveBeenCalledTimes(closes);
  });

  it.each([
    ['the keys the browser assigned', [{ name: 'next-finding', shortcut: 'Ctrl+Shift+1' }, { name: 'previous-finding', shortcut: '' }], { next: 'Ctrl+Shift+1', previous: '' }],
    ['a command the browser does not list keeps its suggested key', [{ name: 'next-finding', shortcut: 'Alt+Shift+J' }], { next: 'Alt+Shift+J', previous: 'Alt+Shift+K' }],
  ])('getShortcuts: %s', async (_reason, commands, expected) => {
    const { tabs } = fakeTabs(undefined, async () => undefined);
    const connector = createBrowserConnector({ tabs, storage: fakeBrowser.storage.local, openOptionsPage: async () => undefined, document: undefined as never, commands: { getAll: async () => commands } });
    expect(await connector.getShortcuts()).toEqual(expected);
  });

  it('reads and writes settings through storage.local', async () => {
    const { connector } = connectorWith(undefined, async () => undefined);
    expect(await connector.getSettings()).toEqual(DEFAULT_SETTINGS);
    await connector.setSettings({ strictness: 'strict' });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, strictness: 'strict' });
    expect(await connector.getSettings()).toEqual({ ...DEFAULT_SETTINGS, strictness: 'strict' });
  });
});

describe('createMockConnector', () => {
  it('answers with its states in turn, then repeats the last', async () => {
    const scanning = reportState(sampleReport({ status: 'scanning' }));
    const done = reportState(sampleReport());
    const mock = createMockConnector({ states: [scanning, done] });
    const kinds = [];
    for (let i = 0; i < 3; i++) {
      const state = await mock.getActiveTabReport();
      kinds.push(state.kind === 'report' ? state.report.status : state.kind);
    }
    expect(kinds).toEqual(['scanning', 'done', 'done']);
  });

  it('re-checks at the saved strictness, as content scripts do', async () => {
    const mock = createMockConnector();
    await mock.setSettings({ strictness: 'lenient' });
    const state = await mock.getActiveTabReport();
    expect(state.kind === 'report' && state.report.strictness).toBe('lenient');
    expect(mock.calls.setSettings).toEqual([{ strictness: 'lenient' }]);
  });

  it('reads its initial settings through parseSettings', async () => {
    const mock = createMockConnector({ settings: { strictness: 'strict', enabled: 'nope' } });
    expect(await mock.getSettings()).toEqual({ ...DEFAULT_SETTINGS, strictness: 'strict' });
  });
});
