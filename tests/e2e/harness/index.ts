/**
 * The end-to-end harness: a fixture server and the built extension in
 * Chromium or Firefox behind one API (`ExtensionBrowser`).
 */
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, ExtensionBrowser, LaunchOptions } from './types';

export { startFixtureServer, type FixtureServer, type FixtureServerOptions, type ServedPage } from './server';
export { buildHasContentScript, SCREENSHOTS_DIR } from './paths';
export * from './types';
export { launchChromium, launchFirefox };

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/** Calls `read` until `accept` holds for what it returns (or its deadline passes), then returns the last value. */
export async function poll<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 200, what = 'the condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await read();
      if (accept(value)) return value;
      lastError = new Error(`${what} did not hold; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError instanceof Error ? lastError : new Error(String(lastError));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export { popupShown, popupShownIn, type PopupShown } from './popup';
