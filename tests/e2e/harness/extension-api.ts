/**
 * The few `browser.*` / `chrome.*` calls the harness makes inside the
 * extension, typed here because they run as source text in another context
 * (the service worker, an extension page), not in this process.
 */
export interface TabsApi {
  create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/** Reads `browser.tabs` (Firefox) or `chrome.tabs` (Chromium) from a page or worker global. */
export type ExtensionGlobal = { browser?: { tabs: TabsApi }; chrome?: { tabs: TabsApi } };
