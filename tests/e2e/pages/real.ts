/**
 * Saved real-world pages (`tests/fixtures/readability/<name>/source.html`,
 * Mozilla Readability's test pages) as the fixture server serves them: as
 * they were saved, with a Content-Security-Policy header that refuses the
 * pages' own scripts and everything they would load from the network, so the
 * browser shows the page as saved, nothing leaves the machine, and the only
 * script that runs is the extension's (which a page's policy does not bind).
 */
import { readFileSync } from 'node:fs';
import type { ServedPage } from '../harness';
import { ROOT } from '../harness/paths';

export const REAL_PAGES_DIR = `${ROOT}tests/fixtures/readability`;
/** Where the server serves them. */
export const REAL_PREFIX = '/real/';
/** No script, no request: inline styles and `data:` images only. */
export const REAL_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A saved page's HTML as it was saved. */
export const realPageSource = (name: string): string => readFileSync(`${REAL_PAGES_DIR}/${name}/source.html`, 'utf8');

/** The fixture server's answers for these saved pages, at `/real/<name>.html`. */
export function servedRealPages(names: readonly string[]): Record<string, ServedPage> {
  return Object.fromEntries(names.map((name) => [`${REAL_PREFIX}${name}.html`, { body: realPageSource(name), headers: { 'content-security-policy': REAL_PAGE_POLICY } }]));
}
