/**
 * The extension API, the one way every part of the extension reaches it:
 * Mozilla's webextension-polyfill, so the same promise-based `browser.*`
 * behaves the same in Chrome (where it wraps `chrome.*`) and Firefox (where
 * it is Firefox's own `browser`). Modules that take the API as a parameter
 * (the connector, the claim-set store) are tested with stand-ins; outside an
 * extension the polyfill refuses to load, so the unit tests map this import
 * to nothing (vitest.config.ts).
 *
 * @module
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Browser, Runtime, Storage, Tabs } from 'webextension-polyfill';
