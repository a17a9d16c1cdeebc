/**
 * Firefox ESR with the built MV2 extension, driven over WebDriver BiDi (no
 * geckodriver, no Playwright: Playwright's Firefox cannot drive ESR).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BidiConnection, type EvaluateResult, type RemoteValue } from './bidi';
import { makeTempDir, removeTempDir, stopChild, trackChild } from './cleanup';
import type { ExtensionGlobal } from './extension-api';
import { FirefoxOutput, mergeConsoleErrors } from './firefox-output';
import { argumentJson, callAsJsonExpression, parseJsonResult, shadowRootCallDeclaration } from './page-function';
import { FIREFOX_BUILD, FIREFOX_EXECUTABLE, firefoxAddonId } from './paths';
import {
  DEFAULT_VIEWPORT,
  FIRST_RUN_PAGE,
  FIRST_RUN_WAIT_MS,
  type BrowserTab,
  type ConsoleError,
  type ExtensionBrowser,
  type ExtensionFunction,
  type Key,
  type LaunchOptions,
  type PageFunction,
  type ShadowRootFunction,
  type WebTab,
} from './types';

/** WebDriver's code points for the keys `press` knows. */
const KEY_VALUES: Readonly<Record<Key, string>> = { Escape: '\uE00C', Tab: '\uE004', Enter: '\uE007' };

const STARTUP_TIMEOUT_MS = 60_000;

/** Prefs for a quiet, fixed profile. The remote agent adds its own recommended prefs (no updates, no telemetry…). */
function userJs(addonId: string, uuid: string, proxy?: LaunchOptions['proxy'], extra: LaunchOptions['prefs'] = {}): string {
  const prefs: Record<string, string | boolean | number> = {
    ...(proxy && {
      // A manual proxy for every scheme, with no exception: not even localhost bypasses it.
      'network.proxy.type': 1,
      'network.proxy.http': proxy.host,
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': proxy.host,
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Remote settings would be fetched from Mozilla's servers every few seconds; point them nowhere.
      'services.settings.server': 'data:,#remote-settings-off',
    }),
    // A fixed moz-extension:// host, so extension pages have a known URL.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    // Console messages of content processes (extension pages, background page) on stdout: BiDi does not report those.
    'devtools.console.stdout.content': true,
    // Extension pages open in background tabs (so the web tab stays the active
    // one, as under a real popup); keep Firefox from slowing their timers and
    // frames the way it does for hidden tabs, which a visible popup never is.
    'dom.min_background_timeout_value': 4,
    'dom.min_background_timeout_value_without_budget_throttling': 4,
    'dom.timeout.enable_budget_timer_throttling': false,
    'layout.throttled_frame_rate': 60,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.startup.page': 0,
    'browser.tabs.warnOnClose': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'extensions.update.enabled': false,
    ...extra,
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

class FirefoxTab implements BrowserTab {
  constructor(
    private readonly bidi: BidiConnection,
    readonly context: string,
  ) {}

  async goto(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  async evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result> {
    const outcome = await this.bidi.send<EvaluateResult>('script.evaluate', {
      expression: callAsJsonExpression(fn, arg),
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (outcome.type === 'exception') throw new Error(`evaluate in Firefox: ${outcome.exceptionDetails.text}`);
    return parseJsonResult<Result>(outcome.result.value);
  }

  async evaluateIsolated<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result> {
    const outcome = await this.bidi.send<EvaluateResult>('script.evaluate', {
      expression: callAsJsonExpression(fn, arg),
      target: { context: this.context, sandbox: 'ejfc-test' },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (outcome.type === 'exception') throw new Error(`evaluate in a sandbox in Firefox: ${outcome.exceptionDetails.text}`);
    return parseJsonResult<Result>(outcome.result.value);
  }

  performanceMetrics(): Promise<null> {
    return Promise.resolve(null);
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: this.context });
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data, 'base64');
  }

  async mouseMove(x: number, y: number): Promise<void> {
    await this.pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }]);
  }

  async click(x: number, y: number): Promise<void> {
    await this.pointer([
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  async press(key: Key): Promise<void> {
    const value = KEY_VALUES[key];
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
  }

  private async pointer(actions: Array<Record<string, unknown>>): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  async evaluateInShadowRoot<Result, Arg = undefined>(
    hostSelector: string,
    fn: ShadowRootFunction<Arg, Result>,
    arg?: Arg,
  ): Promise<Result | null> {
    // Serialized with `includeShadowTree: 'all'`, an element names its shadow
    // root even when closed; that reference can then be passed to a function.
    const found = await this.bidi.send<EvaluateResult>('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
      target: { context: this.context },
      awaitPromise: false,
      resultOwnership: 'root',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    if (found.type === 'exception') throw new Error(`querySelector in Firefox: ${found.exceptionDetails.text}`);
    const host = found.result as RemoteValue & { handle?: string; value?: { shadowRoot?: { sharedId?: string } | null } };
    try {
      const rootId = host.type === 'node' ? host.value?.shadowRoot?.sharedId : undefined;
      if (!rootId) return null;
      const json = argumentJson(arg);
      const outcome = await this.bidi.send<EvaluateResult>('script.callFunction', {
        functionDeclaration: shadowRootCallDeclaration(fn),
        target: { context: this.context },
        arguments: [{ sharedId: rootId }, json === undefined ? { type: 'undefined' } : { type: 'string', value: json }],
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (outcome.type === 'exception') throw new Error(`evaluate in a shadow root in Firefox: ${outcome.exceptionDetails.text}`);
      return parseJsonResult<Result>(outcome.result.value);
    } finally {
      if (host.handle) await this.bidi.send('script.disown', { handles: [host.handle], target: { context: this.context } }).catch(() => undefined);
    }
  }

  async setViewport(viewport: { width: number; height: number }): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', { context: this.context, viewport });
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context });
  }
}

class FirefoxWebTab extends FirefoxTab implements WebTab {
  constructor(
    bidi: BidiConnection,
    context: string,
    readonly tabId: number,
  ) {
    super(bidi, context);
  }
}

interface ContextInfo {
  context: string;
  url: string;
}

async function topLevelContexts(bidi: BidiConnection): Promise<ContextInfo[]> {
  const { contexts } = await bidi.send<{ contexts: ContextInfo[] }>('browsingContext.getTree', { maxDepth: 0 });
  return contexts;
}

class FirefoxExtensionBrowser implements ExtensionBrowser {
  readonly name = 'firefox';
  /** Errors BiDi reported (web pages and content scripts), with the page URL as source. */
  private readonly pageErrors: ConsoleError[] = [];
  /** The URL each browsing context last loaded, to name where an error came from. */
  private readonly contextUrls = new Map<string, string>();
  private closed = false;
  /** An extension page kept open to call `browser.tabs` from. */
  private helper!: FirefoxTab;
  firstRunPage: string | null = null;
  private pageTabId = -1;
  page!: FirefoxTab;

  constructor(
    private readonly child: ChildProcess,
    private readonly output: FirefoxOutput,
    private readonly profile: string,
    private readonly bidi: BidiConnection,
    private readonly extensionDir: string,
    readonly extensionOrigin: string,
  ) {
    const remember = ({ context, url }: Record<string, unknown>): void => void this.contextUrls.set(String(context), String(url));
    bidi.on('browsingContext.navigationStarted', remember);
    bidi.on('browsingContext.load', remember);
    bidi.on('log.entryAdded', (entry) => {
      if (entry.level !== 'error') return;
      const context = (entry.source as { context?: string } | undefined)?.context;
      const source = (context && this.contextUrls.get(context)) ?? context ?? 'firefox';
      this.pageErrors.push({ source, text: String(entry.text) });
    });
    output.watchExtension(extensionOrigin);
  }

  async start(): Promise<void> {
    await this.bidi.send('session.subscribe', { events: ['log.entryAdded', 'browsingContext.navigationStarted', 'browsingContext.load'] });
    await this.bidi.send('webExtension.install', { extensionData: { type: 'path', path: this.extensionDir } });
    const [first] = await topLevelContexts(this.bidi);
    if (!first) throw new Error('Firefox has no tab');
    // The popup page is the one page the build is sure to have; it stays open
    // in the first tab as the place the harness calls `browser.tabs` from.
    this.helper = new FirefoxTab(this.bidi, first.context);
    await this.closeFirstRunPage(first.context);
    await this.helper.goto(`${this.extensionOrigin}/popup.html`);
    const { tabId, context } = await this.createTab('about:blank', true);
    this.pageTabId = tabId;
    this.page = new FirefoxTab(this.bidi, context);
    await this.page.setViewport(DEFAULT_VIEWPORT);
  }

  /** Waits for the tab the extension opens on install, notes its address and closes it (see `ExtensionBrowser.firstRunPage`). */
  private async closeFirstRunPage(keep: string): Promise<void> {
    const deadline = Date.now() + FIRST_RUN_WAIT_MS;
    while (Date.now() < deadline) {
      const tab = (await topLevelContexts(this.bidi)).find((info) => info.context !== keep && info.url.startsWith(this.extensionOrigin) && info.url.endsWith(FIRST_RUN_PAGE));
      if (tab) {
        this.firstRunPage = tab.url;
        await this.bidi.send('browsingContext.close', { context: tab.context });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Opens a tab through the extension, so its tab id is known, and finds the BiDi context that is that tab. */
  private async createTab(url: string, active: boolean): Promise<{ tabId: number; context: string }> {
    const before = new Set((await topLevelContexts(this.bidi)).map((info) => info.context));
    const tabId = await this.helper.evaluate(
      async ({ url, active }) => {
        const tab = await (globalThis as unknown as ExtensionGlobal).browser!.tabs.create({ url, active });
        return tab.id ?? -1;
      },
      { url, active },
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      const added = (await topLevelContexts(this.bidi)).filter((info) => !before.has(info.context));
      if (added.length === 1 && added[0]) return { tabId, context: added[0].context };
      if (added.length > 1) throw new Error(`expected one new Firefox tab, found ${added.length}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the tab Firefox opened for ${url} never appeared over BiDi`);
  }

  open(url: string): Promise<void> {
    return this.page.goto(url);
  }

  evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result> {
    return this.page.evaluate(fn, arg);
  }

  screenshot(path: string): Promise<void> {
    return this.page.screenshot(path);
  }

  async extensionPage(path: string, viewport: { width: number; height: number } = DEFAULT_VIEWPORT): Promise<BrowserTab> {
    // Opened in the background, as a popup is: the web tab stays the active one.
    const { context } = await this.createTab(`${this.extensionOrigin}/${path}`, false);
    const tab = new FirefoxTab(this.bidi, context);
    await tab.setViewport(viewport);
    // tabs.create resolves before the page has loaded; navigating again waits for it.
    await tab.goto(`${this.extensionOrigin}/${path}`);
    return tab;
  }

  async openTab(url: string, { active = true }: { active?: boolean } = {}): Promise<WebTab> {
    const { tabId, context } = await this.createTab(url, active);
    const tab = new FirefoxWebTab(this.bidi, context, tabId);
    await tab.setViewport(DEFAULT_VIEWPORT);
    // tabs.create resolves before the page has loaded (and navigating again would load it twice): wait for its load event.
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      const state = await tab.evaluate(() => (location.href === 'about:blank' ? 'blank' : document.readyState)).catch(() => 'navigating');
      if (state === 'complete') return tab;
      if (Date.now() > deadline) throw new Error(`${url} did not load in Firefox within ${STARTUP_TIMEOUT_MS / 1000} s (state: ${state})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  sendToTab<Reply>(message: unknown, tabId = this.pageTabId): Promise<Reply> {
    return this.helper.evaluate(
      ({ tabId, message }) => (globalThis as unknown as ExtensionGlobal).browser!.tabs.sendMessage(tabId, message, { frameId: 0 }),
      { tabId, message },
    ) as Promise<Reply>;
  }

  evaluateInExtension<Result, Arg = undefined>(fn: ExtensionFunction<Arg, Result>, arg?: Arg): Promise<Result> {
    return this.helper.evaluate(fn, { tabId: this.pageTabId, arg: arg as Arg });
  }

  consoleErrors(): ConsoleError[] {
    return mergeConsoleErrors(this.pageErrors, this.output.errors);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await Promise.race([this.bidi.send('session.end'), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    } catch {
      // The browser is going away either way.
    }
    this.bidi.close();
    await stopChild(this.child);
    removeTempDir(this.profile);
  }
}

/** Starts Firefox ESR headless with a fresh profile and the extension installed as a temporary add-on. */
export async function launchFirefox({ extensionDir = FIREFOX_BUILD, proxy, prefs }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(`${extensionDir}/manifest.json`)) throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
  if (!existsSync(FIREFOX_EXECUTABLE)) throw new Error(`no ${FIREFOX_EXECUTABLE}: install it with \`apt-get install -y firefox-esr\` (.ci/run does)`);
  const addonId = firefoxAddonId(extensionDir);
  const profile = makeTempDir('ejfc-firefox-');
  const uuid = randomUUID();
  await writeFile(`${profile}/user.js`, userJs(addonId, uuid, proxy, prefs));
  const child = spawn(
    FIREFOX_EXECUTABLE,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access'],
    // Its own process group, so closing ends its content processes too.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  trackChild(child);
  const output = new FirefoxOutput(child);
  let browser: FirefoxExtensionBrowser | undefined;
  try {
    const url = await output.bidiUrl(child, STARTUP_TIMEOUT_MS);
    const bidi = await BidiConnection.connect(`${url}/session`);
    await bidi.send('session.new', { capabilities: {} });
    browser = new FirefoxExtensionBrowser(child, output, profile, bidi, extensionDir, `moz-extension://${uuid}`);
    await browser.start();
    return browser;
  } catch (error) {
    if (browser) await browser.close();
    else {
      await stopChild(child);
      removeTempDir(profile);
    }
    throw new Error(`could not start Firefox with the extension: ${(error as Error).message}`, { cause: error });
  }
}
