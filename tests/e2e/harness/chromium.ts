/**
 * Debian's Chromium with the built MV3 extension, driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { makeTempDir, removeTempDir } from './cleanup';
import type { ExtensionGlobal } from './extension-api';
import { argumentJson, callAsJsonExpression, parseJsonResult, shadowRootCallDeclaration } from './page-function';
import { CHROME_BUILD, CHROMIUM_EXECUTABLE } from './paths';
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

/** Flags from shared/docs/browser-testing.md: load only our extension, and stop Chromium calling hosts it cannot reach. */
const flags = (extensionDir: string): string[] => [
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const STARTUP_TIMEOUT_MS = 60_000;

class ChromiumTab implements BrowserTab {
  /** A DevTools protocol session on this tab, opened when first needed. */
  private cdp: CDPSession | undefined;

  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result> {
    // Playwright's own argument typing (handles, unboxing) is more than this harness offers.
    const run = fn as unknown as (arg: unknown) => Result | Promise<Result>;
    return this.page.evaluate(run, arg as unknown);
  }

  async evaluateIsolated<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'ejfc-test' });
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression: callAsJsonExpression(fn, arg),
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`evaluate in an isolated world in Chromium: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return parseJsonResult<Result>(result.value);
  }

  /** The tab's DevTools protocol session (the browser benchmark records traces and heap with it). Chromium only. */
  async devtools(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }

  async performanceMetrics(): Promise<Record<string, number>> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Performance.enable', {});
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
  }

  async screenshot(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await this.page.screenshot({ path });
  }

  async mouseMove(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }

  async click(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }

  async press(key: Key): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async evaluateInShadowRoot<Result, Arg = undefined>(
    hostSelector: string,
    fn: ShadowRootFunction<Arg, Result>,
    arg?: Arg,
  ): Promise<Result | null> {
    // DOM.describeNode with `pierce` lists closed shadow roots too; resolving
    // one gives a handle in the page's main world to call `fn` on.
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const cdp = this.cdp;
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: hostSelector });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadowRoot = node.shadowRoots?.[0];
    if (!shadowRoot) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId });
    if (!object.objectId) return null;
    try {
      const json = argumentJson(arg);
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: shadowRootCallDeclaration(fn),
        arguments: [{ objectId: object.objectId }, json === undefined ? {} : { value: json }],
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`evaluate in a shadow root in Chromium: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return parseJsonResult<Result>(result.value);
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.cdp?.detach().catch(() => undefined);
    await this.page.close();
  }
}

class ChromiumWebTab extends ChromiumTab implements WebTab {
  constructor(
    page: Page,
    readonly tabId: number,
  ) {
    super(page);
  }
}

/** Resolves with what `read` returns once it is not undefined; rejects with `why()` after `timeoutMs`. */
async function until<T>(read: () => T | undefined, timeoutMs: number, why: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

class ChromiumExtensionBrowser implements ExtensionBrowser {
  readonly name = 'chromium';
  readonly extensionOrigin: string;
  private readonly errors: ConsoleError[] = [];
  private closed = false;
  firstRunPage: string | null = null;
  private pageTabId = -1;
  page!: ChromiumTab;
  /** A DevTools session on the web tab, for the ServiceWorker domain (see `serviceWorkerDomain`), and what it told. */
  private serviceWorkers: CDPSession | undefined;
  private readonly workerVersions = new Map<string, string>();
  private workerStops = 0;

  constructor(
    private readonly context: BrowserContext,
    private readonly userDataDir: string,
    private worker: Worker,
  ) {
    // `URL.origin` is "null" for schemes Node does not know; the host is the extension id.
    this.extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    const watch = (page: Page): void => {
      page.on('console', (message) => this.record(page.url(), message));
      page.on('pageerror', (error) => this.errors.push({ source: page.url(), text: `${error.name}: ${error.message}` }));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    // A service worker Chromium stopped and started again is a new Worker: talk to the newest.
    context.on('serviceworker', (started) => {
      if (!started.url().startsWith(`${this.extensionOrigin}/`)) return;
      this.worker = started;
      void this.watchWorker(started).catch(() => undefined);
    });
  }

  private record(source: string, message: ConsoleMessage): void {
    if (message.type() === 'error') this.errors.push({ source, text: message.text() });
  }

  /**
   * Playwright reports a worker's console but not its uncaught errors; the
   * worker's own error events, logged to its console, bring those in too
   * (from the moment this runs: an error while the worker starts is not seen).
   */
  private async watchWorker(worker: Worker): Promise<void> {
    worker.on('console', (message) => this.record('service-worker', message));
    await worker.evaluate(() => {
      addEventListener('error', (event) => console.error((event as ErrorEvent).message));
      addEventListener('unhandledrejection', (event) => console.error(`Unhandled rejection: ${String((event as PromiseRejectionEvent).reason)}`));
    });
  }

  async start(): Promise<void> {
    await this.watchWorker(this.worker);
    await this.closeFirstRunPage();
    const { tabId, page } = await this.createTab('about:blank', true);
    this.pageTabId = tabId;
    this.page = new ChromiumTab(page);
    await page.setViewportSize(DEFAULT_VIEWPORT);
  }

  /** Waits for the tab the extension opens on install, notes its address and closes it (see `ExtensionBrowser.firstRunPage`). */
  private async closeFirstRunPage(): Promise<void> {
    const deadline = Date.now() + FIRST_RUN_WAIT_MS;
    while (Date.now() < deadline) {
      const page = this.context.pages().find((p) => p.url().startsWith(this.extensionOrigin) && p.url().endsWith(FIRST_RUN_PAGE));
      if (page) {
        this.firstRunPage = page.url();
        await page.close();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Opens a tab through the extension, so its tab id is known, and picks up the Playwright page that is that tab. */
  private async createTab(url: string, active: boolean): Promise<{ tabId: number; page: Page }> {
    const opened = this.context.waitForEvent('page');
    const tabId = await this.worker.evaluate(
      async ({ url, active }) => {
        const tab = await (globalThis as unknown as ExtensionGlobal).chrome!.tabs.create({ url, active });
        return tab.id ?? -1;
      },
      { url, active },
    );
    return { tabId, page: await opened };
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

  async extensionPage(path: string, viewport = DEFAULT_VIEWPORT): Promise<BrowserTab> {
    // Opened in the background, as a popup is: the web tab stays the active one.
    const { page } = await this.createTab(`${this.extensionOrigin}/${path}`, false);
    await page.setViewportSize(viewport);
    await page.waitForLoadState('load');
    return new ChromiumTab(page);
  }

  async openTab(url: string, { active = true }: { active?: boolean } = {}): Promise<WebTab> {
    const { tabId, page } = await this.createTab(url, active);
    await page.setViewportSize(DEFAULT_VIEWPORT);
    await page.waitForLoadState('load');
    return new ChromiumWebTab(page, tabId);
  }

  async sendToTab<Reply>(message: unknown, tabId = this.pageTabId): Promise<Reply> {
    return this.worker.evaluate(
      ({ tabId, message }) => (globalThis as unknown as ExtensionGlobal).chrome!.tabs.sendMessage(tabId, message, { frameId: 0 }),
      { tabId, message },
    ) as Promise<Reply>;
  }

  async evaluateInExtension<Result, Arg = undefined>(fn: ExtensionFunction<Arg, Result>, arg?: Arg): Promise<Result> {
    // Playwright's own argument typing (handles, unboxing) is more than this harness offers.
    const run = fn as unknown as (context: { tabId: number; arg: unknown }) => Result | Promise<Result>;
    return this.worker.evaluate(run, { tabId: this.pageTabId, arg: arg as unknown });
  }

  async stopServiceWorker(): Promise<void> {
    const cdp = await this.serviceWorkerDomain();
    const versionId = await until(() => [...this.workerVersions].find(([, status]) => status === 'running')?.[0], 5_000, () =>
      `no running service worker of the extension (versions: ${JSON.stringify([...this.workerVersions])})`,
    );
    const stops = this.workerStops;
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    // Counted, not read: a page's next message may start it again at once.
    await until(() => this.workerStops > stops || undefined, 10_000, () => 'the service worker did not stop within 10 s');
  }

  /**
   * DevTools' ServiceWorker domain, on a session of the web tab's: it tells
   * the running status of every version of every worker of the profile.
   * Playwright's `Worker` stays the same across a stop and a start (the
   * DevTools target is the same), and its calls wait for the start; the
   * error listeners `watchWorker` adds are added again to the new global scope.
   */
  private async serviceWorkerDomain(): Promise<CDPSession> {
    if (this.serviceWorkers) return this.serviceWorkers;
    const cdp = await this.context.newCDPSession(this.page.page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const { versionId, scriptURL, runningStatus } of versions) {
        if (!scriptURL.startsWith(`${this.extensionOrigin}/`)) continue;
        const was = this.workerVersions.get(versionId);
        this.workerVersions.set(versionId, runningStatus);
        if (runningStatus === 'stopped' && was !== 'stopped') this.workerStops += 1;
        if (was !== undefined && was !== 'running' && runningStatus === 'running') void this.watchWorker(this.worker).catch(() => undefined);
      }
    });
    await cdp.send('ServiceWorker.enable');
    this.serviceWorkers = cdp;
    return cdp;
  }

  async backgroundHolds(text: string): Promise<boolean> {
    // Playwright gives no DevTools session on a worker; the browser's session can attach to it
    // (not flattened: commands and their answers then travel inside Target.* messages).
    const browserCdp = await this.context.browser()!.newBrowserCDPSession();
    try {
      const { targetInfos } = await browserCdp.send('Target.getTargets');
      const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(`${this.extensionOrigin}/`));
      if (!target) throw new Error('the extension has no running service worker');
      const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      const chunks: string[] = [];
      let nextId = 1;
      const answers = new Map<number, (message: { error?: { message: string } }) => void>();
      browserCdp.on('Target.receivedMessageFromTarget', (event) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message) as { id?: number; method?: string; params?: { chunk?: string }; error?: { message: string } };
        if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(message.params?.chunk ?? '');
        else if (message.id !== undefined) answers.get(message.id)?.(message);
      });
      const send = async (method: string, params: Record<string, unknown> = {}): Promise<void> => {
        const id = nextId++;
        const answered = new Promise<{ error?: { message: string } }>((resolve) => answers.set(id, resolve));
        await browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
        const answer = await answered;
        if (answer.error) throw new Error(`${method} in the service worker: ${answer.error.message}`);
      };
      await send('HeapProfiler.enable');
      await send('HeapProfiler.collectGarbage');
      // A snapshot collects garbage first as well, and lists every string it keeps.
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      await browserCdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
      return snapshot.strings.some((string) => string.includes(text));
    } finally {
      await browserCdp.detach().catch(() => undefined);
    }
  }

  consoleErrors(): ConsoleError[] {
    return [...this.errors];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.context.close();
    } finally {
      removeTempDir(this.userDataDir);
    }
  }
}

/** Starts Chromium headless with a fresh profile and the built extension loaded unpacked. */
export async function launchChromium({ extensionDir = CHROME_BUILD, proxy }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(`${extensionDir}/manifest.json`)) throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM_EXECUTABLE)) throw new Error(`no ${CHROMIUM_EXECUTABLE}: install it with \`apt-get install -y chromium\` (.ci/run does)`);
  const userDataDir = makeTempDir('ejfc-chromium-');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      // `<-loopback>` takes back Chromium's rule that loopback addresses never go through a proxy.
      args: [
        ...flags(extensionDir),
        ...(proxy
          ? [`--proxy-server=http://${proxy.host}:${proxy.port}`, '--proxy-bypass-list=<-loopback>', '--disable-features=AutofillServerCommunication']
          : []),
      ],
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: DEFAULT_VIEWPORT,
      timeout: STARTUP_TIMEOUT_MS,
    });
    // The extension id is the host of its service worker's URL.
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: STARTUP_TIMEOUT_MS,
      }));
    const browser = new ChromiumExtensionBrowser(context, userDataDir, worker);
    await browser.start();
    return browser;
  } catch (error) {
    await context?.close().catch(() => undefined);
    removeTempDir(userDataDir);
    throw error;
  }
}
