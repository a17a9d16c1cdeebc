import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../../src/ext/settings';
import { loadSettings, onSettingsChanged, saveSettings, updateSettings, type SettingsArea } from '../../../src/ext/storage';

// WXT 0.20.9 exports its fake browser from `wxt/testing`: an in-memory
// storage.local with real onChanged events.
const area: SettingsArea = fakeBrowser.storage.local;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseSettings', () => {
  it.each<[string, unknown, Settings]>([
    ['nothing stored yet gives the defaults', undefined, { ...DEFAULT_SETTINGS }],
    ['null gives the defaults', null, { ...DEFAULT_SETTINGS }],
    ['a string is garbage', 'strict', { ...DEFAULT_SETTINGS }],
    ['a number is garbage', 42, { ...DEFAULT_SETTINGS }],
    ['an array is garbage', ['strict'], { ...DEFAULT_SETTINGS }],
    ['an empty object gives the defaults', {}, { ...DEFAULT_SETTINGS }],
    [
      'a format before versions (only strictness and enabled) keeps both',
      { strictness: 'strict', enabled: false },
      { ...DEFAULT_SETTINGS, strictness: 'strict', enabled: false },
    ],
    [
      'an unknown strictness falls back, the valid fields stay',
      { strictness: 'paranoid', enabled: false, showSupported: true },
      { ...DEFAULT_SETTINGS, enabled: false, showSupported: true },
    ],
    [
      'a strictness in other case is not guessed at',
      { strictness: 'Strict' },
      { ...DEFAULT_SETTINGS },
    ],
    [
      'booleans written as strings fall back, strictness stays',
      { strictness: 'lenient', enabled: 'false', showSupported: 'yes' },
      { ...DEFAULT_SETTINGS, strictness: 'lenient' },
    ],
    [
      'paused sites keep the valid hostnames, drop the rest and the repeats',
      { pausedSites: ['news.example', 3, '', null, 'news.example', 'blog.example'] },
      { ...DEFAULT_SETTINGS, pausedSites: ['news.example', 'blog.example'] },
    ],
    [
      'paused sites written by hand in capitals, with spaces or as addresses pause their sites',
      { pausedSites: ['  News.Example ', 'https://blog.example:8080/world/eu?x=1', 'http://[::1]:3000/', '[::1]', 'NEWS.example'] },
      { ...DEFAULT_SETTINGS, pausedSites: ['news.example', 'blog.example', '[::1]'] },
    ],
    [
      'paused sites that cannot be hostnames are dropped, the good ones kept',
      { pausedSites: ['two words', 'news.example/path', 'ftp://files.example', 'https://', {}, ['a.example'], true, 'a.example'] },
      { ...DEFAULT_SETTINGS, pausedSites: ['a.example'] },
    ],
    [
      'a settings object stored as JSON text is not guessed at (no version ever stored text)',
      '{"strictness":"strict"}',
      { ...DEFAULT_SETTINGS },
    ],
    [
      'every field broken at once gives the defaults, with the version this code writes',
      { version: 'one', strictness: 3, enabled: null, pausedSites: {}, showSupported: [] },
      { ...DEFAULT_SETTINGS },
    ],
    [
      'extra fields are not part of the settings read (updateSettings keeps them in storage)',
      { strictness: 'strict', colour: 'blue', pausedSites: ['x.example'] },
      { ...DEFAULT_SETTINGS, strictness: 'strict', pausedSites: ['x.example'] },
    ],
    [
      'paused sites as one string fall back to none',
      { pausedSites: 'news.example' },
      { ...DEFAULT_SETTINGS },
    ],
    [
      'a later version number is read for the fields this version knows',
      { version: 7, strictness: 'strict', colour: 'blue' },
      { ...DEFAULT_SETTINGS, strictness: 'strict' },
    ],
  ])('%s', (_reason, stored, expected) => {
    expect(parseSettings(stored)).toEqual(expected);
  });
});

describe('loadSettings', () => {
  it.each<[string, unknown, Partial<Settings>]>([
    ['an empty storage gives the defaults', undefined, {}],
    ['garbage under the key gives the defaults', '{"strictness":"strict"', {}],
    ['an older format keeps what the reader set', { strictness: 'lenient', pausedSites: ['news.example'] }, { strictness: 'lenient', pausedSites: ['news.example'] }],
    ['one broken field does not lose the others', { strictness: 'strict', enabled: 0, showSupported: true }, { strictness: 'strict', showSupported: true }],
  ])('%s', async (_reason, stored, expected) => {
    if (stored !== undefined) await area.set({ [SETTINGS_KEY]: stored });
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  });

  it('reads only its own key', async () => {
    await area.set({ strictness: 'strict', [`${SETTINGS_KEY}-old`]: { strictness: 'strict' } });
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('updateSettings', () => {
  it.each<[string, unknown, Parameters<typeof updateSettings>[0], Partial<Settings>]>([
    ['a first save over nothing starts from the defaults', undefined, { strictness: 'strict' }, { strictness: 'strict' }],
    ['a save over garbage starts from the defaults', 'garbage', { enabled: false }, { enabled: false }],
    [
      'a save of one field keeps the others the reader set',
      { strictness: 'lenient', pausedSites: ['news.example'], showSupported: true },
      { enabled: false },
      { strictness: 'lenient', pausedSites: ['news.example'], showSupported: true, enabled: false },
    ],
    [
      'a save over an older format keeps its valid fields',
      { strictness: 'strict', enabled: 'maybe' },
      { showSupported: true },
      { strictness: 'strict', showSupported: true },
    ],
    [
      'a list of paused sites is replaced whole, repeats dropped',
      { pausedSites: ['a.example'] },
      { pausedSites: ['a.example', 'b.example', 'b.example'] },
      { pausedSites: ['a.example', 'b.example'] },
    ],
  ])('%s', async (_reason, stored, patch, expected) => {
    if (stored !== undefined) await area.set({ [SETTINGS_KEY]: stored });
    const saved = await updateSettings(patch, area);
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    expect(await loadSettings(area)).toEqual(saved);
  });

  it('keeps keys a newer version wrote, so they survive a round trip through this one', async () => {
    await area.set({ [SETTINGS_KEY]: { version: 1, strictness: 'strict', highlightStyle: 'underline' } });
    await updateSettings({ enabled: false }, area);
    const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, strictness: 'strict', enabled: false, highlightStyle: 'underline' });
  });

  it('never stores an invalid value, whatever the caller passed at run time', async () => {
    await updateSettings({ strictness: 'extreme' as never, enabled: 'no' as never }, area);
    expect((await area.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
  });

  it('saveSettings writes the whole object', async () => {
    const settings: Settings = { version: 1, strictness: 'lenient', enabled: false, pausedSites: ['x.example'], showSupported: true };
    await saveSettings(settings, area);
    expect(await loadSettings(area)).toEqual(settings);
  });
});

describe('onSettingsChanged', () => {
  it('calls back with parsed settings when they change, and not after unsubscribing', async () => {
    const seen: Settings[] = [];
    const unsubscribe = onSettingsChanged((settings) => seen.push(settings), fakeBrowser.storage);
    await updateSettings({ strictness: 'strict' }, area);
    await area.set({ [SETTINGS_KEY]: 'garbage' });
    unsubscribe();
    await updateSettings({ strictness: 'lenient' }, area);
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, strictness: 'strict' }, { ...DEFAULT_SETTINGS }]);
  });

  it('ignores other keys and other storage areas', async () => {
    const seen: Settings[] = [];
    const unsubscribe = onSettingsChanged((settings) => seen.push(settings), fakeBrowser.storage);
    await area.set({ somethingElse: 1 });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { strictness: 'strict' } });
    unsubscribe();
    expect(seen).toEqual([]);
  });

  it('reads a removed key as the defaults', async () => {
    await updateSettings({ strictness: 'strict' }, area);
    const seen: Settings[] = [];
    const unsubscribe = onSettingsChanged((settings) => seen.push(settings), fakeBrowser.storage);
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    unsubscribe();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS }]);
  });
});
