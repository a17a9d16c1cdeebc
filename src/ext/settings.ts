// From the module, not the engine's index: the page's script imports this, and the index would bring the engine.
import { DEFAULT_STRICTNESS, isStrictness, type Strictness } from '../core/strictness';

/**
 * What the reader sets, defined once. Stored under one key in
 * `storage.local`; read through `parseSettings`, which never throws and never
 * drops a valid field because another one is broken.
 */
export interface Settings {
  /** Format of what is stored, so later versions can read older ones. */
  version: 1;
  strictness: Strictness;
  /** Off everywhere when false. */
  enabled: boolean;
  /** Sites (hostnames) where checking is paused. */
  pausedSites: string[];
  /** Mark supported sentences too (off by default: only problems are marked). */
  showSupported: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 1,
  strictness: DEFAULT_STRICTNESS,
  enabled: true,
  pausedSites: [],
  showSupported: false,
});

/**
 * Settings from whatever storage holds: garbage, nothing, or an older format.
 * Each field that is valid is kept; each that is not falls back to its default.
 */
export function parseSettings(stored: unknown): Settings {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const sites = Array.isArray(value.pausedSites) ? value.pausedSites.flatMap((entry) => siteOf(entry) ?? []) : [];
  return {
    version: 1,
    strictness: isStrictness(value.strictness) ? value.strictness : DEFAULT_SETTINGS.strictness,
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    pausedSites: [...new Set(sites)],
    showSupported: typeof value.showSupported === 'boolean' ? value.showSupported : DEFAULT_SETTINGS.showSupported,
  };
}

/**
 * A paused site as `location.hostname` gives it (lower case, no scheme, port
 * or path), from an entry of the stored list; `undefined` for junk. An entry
 * written by hand as an address or in capitals still pauses its site.
 */
function siteOf(entry: unknown): string | undefined {
  if (typeof entry !== 'string') return undefined;
  const site = entry.trim().toLowerCase();
  if (/^https?:\/\//.test(site)) {
    try {
      return new URL(site).hostname || undefined;
    } catch {
      return undefined;
    }
  }
  // A hostname, or an IPv6 address in brackets as `location.hostname` writes it.
  return /^(?:\[[0-9a-f:.]+\]|[^\s/:?#@[\]\\]+)$/.test(site) ? site : undefined;
}

/** Whether checking runs on a page of this hostname. */
export function activeOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.pausedSites.includes(hostname);
}
