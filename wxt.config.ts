import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { loadClaimSet } from './src/core/claims/load';
import { manifestCommands } from './src/ext/commands';

/**
 * Firefox's manifest keys for this add-on. WXT 0.20's manifest types predate
 * `data_collection_permissions` (Firefox 140+), so the object is typed here and
 * handed over as a variable: TypeScript checks excess keys only on literals,
 * and WXT copies the object into the manifest as it is.
 */
interface GeckoSettings {
  id: string;
  /** What the add-on collects, for Firefox's install prompt: `['none']`. */
  data_collection_permissions: { required: string[]; optional?: string[] };
}

const gecko: GeckoSettings = {
  id: 'eu-japan-fact-check@example.org',
  data_collection_permissions: { required: ['none'] },
};

/** The pages the extension checks: every http(s) page. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

/** The toolbar icon in each size (public/icon/, rendered from assets/icon/icon.svg by `npm run icons`). */
const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// The extension's behaviour (content script, popup) is wired in entrypoints/;
// this file only says how WXT builds it.
export default defineConfig({
  hooks: {
    // The content script trusts the bundled claim set (src/core/claims/bundled.ts),
    // so a set that does not load stops the build here, naming what is wrong.
    'build:before': () => {
      const claims = JSON.parse(readFileSync('assets/claims.json', 'utf8')) as unknown;
      loadClaimSet(claims, { file: 'assets/claims.json', reference: readFileSync('assets/reference.txt', 'utf8') });
    },
  },
  manifest: ({ browser }) => ({
    name: 'EU–Japan Fact Check',
    description:
      'Marks statements that conflict with, or lack support in, the EEAS release on the EU–Japan Security and Defence Partnership.',
    // The card's UI is a script of its own (cards.js, src/ext/card-script.ts),
    // which the background runs in a page when the page gets its first mark:
    // that takes the right to inject into http(s) pages, MV3's `scripting`
    // with host permissions, MV2's match patterns among the permissions. The
    // reader is asked for nothing new when installing: the content script
    // already runs on every http(s) page, and the browsers name the same
    // access ("all websites") for it.
    permissions: browser === 'firefox' ? ['storage', ...WEB_PAGES] : ['storage', 'scripting'],
    ...(browser === 'firefox' ? {} : { host_permissions: WEB_PAGES }),
    // The toolbar button's icon: the same PNGs (public/icon/, from assets/icon/icon.svg) WXT lists as the extension's icons.
    // (MV3 names it `action`, MV2 `browser_action`; WXT does not carry this key across.)
    ...(browser === 'firefox' ? { browser_action: { default_icon: TOOLBAR_ICON } } : { action: { default_icon: TOOLBAR_ICON } }),
    // The page script (entrypoints/page.ts) is a plain script, listed here
    // rather than by WXT's defineContentScript: see that file for why.
    content_scripts: [{ matches: WEB_PAGES, js: ['page.js'], run_at: 'document_idle', all_frames: true }],
    // The background forwards each key to the page as the message of the
    // command's name (`next-finding`, `previous-finding`); defined in src/ext/commands.ts.
    commands: manifestCommands(),
    // Chrome warns about keys it does not know; only Firefox reads these.
    ...(browser === 'firefox' && { browser_specific_settings: { gecko } }),
  }),
});
