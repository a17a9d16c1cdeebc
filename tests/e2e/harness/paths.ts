/**
 * Where the end-to-end tests find the built extensions and put what they make.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const FIREFOX_BUILD = `${ROOT}.output/firefox-mv2`;
/** The fixture web pages the local server serves. */
export const PAGES_DIR = `${ROOT}tests/fixtures/pages`;
export const SEEDS_DIR = `${ROOT}tests/fixtures/seeds`;
/** Screenshots the tests take, to look at after a run. Inside `.output/`, so git ignores them. */
export const SCREENSHOTS_DIR = `${ROOT}.output/screenshots`;

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
export const FIREFOX_EXECUTABLE = '/usr/bin/firefox-esr';

interface BuiltManifest {
  content_scripts?: unknown[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readManifest(buildDir: string): BuiltManifest {
  const file = `${buildDir}/manifest.json`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the end-to-end tests`);
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
}

/**
 * Whether the built extension has a content script. Until it does, the tests
 * that need a page report are skipped (with this as the reason), not failed.
 */
export function buildHasContentScript(): boolean {
  // No build at all is reported by the launchers, with what to run.
  if (!existsSync(`${CHROME_BUILD}/manifest.json`)) return false;
  return (readManifest(CHROME_BUILD).content_scripts?.length ?? 0) > 0;
}

/** The add-on id Firefox knows an unpacked extension by (its manifest's `gecko.id`). */
export function firefoxAddonId(extensionDir = FIREFOX_BUILD): string {
  const id = readManifest(extensionDir).browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}
