import { browser } from './browser';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from './settings';

/**
 * Settings in `storage.local`, always read through `parseSettings`. The popup
 * writes here; content scripts listen for changes, so a new strictness is
 * applied on every open page without a message to each tab.
 */

/** The fields a reader can change; `version` is this code's to write. */
export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

/** The part of a `storage.local` area this module uses (the real one, or a fake in tests). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** One key's change, as `storage.onChanged` reports it. */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

type ChangeListener = (changes: Record<string, StorageChange>, areaName: string) => void;

/** The part of `browser.storage` that reports changes. */
export interface SettingsEvents {
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

// Resolved at call time, not import time: in tests and the CLI there is no
// extension API, and those pass their own area instead.
const localArea = (): SettingsArea => browser.storage.local;

/** The reader's settings; defaults for whatever is missing or broken. Never throws on bad data. */
export async function loadSettings(area: SettingsArea = localArea()): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/**
 * Applies `patch` over what is stored and writes the result; returns what was
 * written. Keys this version does not know are kept, so a setting written by
 * a newer version survives a round trip through this one.
 */
export async function updateSettings(patch: SettingsPatch, area: SettingsArea = localArea()): Promise<Settings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const next = parseSettings({ ...parseSettings(stored), ...patch });
  await area.set({ [SETTINGS_KEY]: { ...unknownKeys(stored), ...next } });
  return next;
}

/** Writes `settings` whole (after `parseSettings`, so nothing invalid is stored). */
export async function saveSettings(settings: Settings, area: SettingsArea = localArea()): Promise<Settings> {
  return updateSettings(settings, area);
}

/**
 * Calls `listener` with the new settings whenever they change in
 * `storage.local` (from this or any other context). Returns the unsubscribe.
 */
export function onSettingsChanged(
  listener: (settings: Settings) => void,
  storage: SettingsEvents = browser.storage,
): () => void {
  const onChanged: ChangeListener = (changes, areaName) => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'local' || !change) return;
    listener(parseSettings(change.newValue));
  };
  storage.onChanged.addListener(onChanged);
  return () => storage.onChanged.removeListener(onChanged);
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_SETTINGS));

function unknownKeys(stored: unknown): Record<string, unknown> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter(([key]) => !KNOWN_KEYS.has(key)));
}
