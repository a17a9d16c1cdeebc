import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import raw from '../../../assets/claims.json';
import { createChecker } from '../../../src/core/check';
import {
  activeClaimSet,
  CLAIM_SET_KEY,
  importClaimSet,
  loadActiveClaimSet,
  useBundledClaimSet,
  type ClaimSetArea,
} from '../../../src/ext/claim-set-store';
import { SETTINGS_KEY } from '../../../src/ext/settings';
import { loadSettings, updateSettings } from '../../../src/ext/storage';

const reference = readFileSync(new URL('../../../assets/reference.txt', import.meta.url), 'utf8');
const seed001 = readFileSync(new URL('../../fixtures/seeds/001_ab7f3a2f192831db.txt', import.meta.url), 'utf8');
const area: ClaimSetArea = fakeBrowser.storage.local;
const BUNDLED_LABEL = raw.source.label;

/** Another event's set, made from the bundled one: another label, the same reference. */
function otherSet(label = 'EEAS press release, as re-published'): Record<string, any> {
  const set = structuredClone(raw) as Record<string, any>;
  set.source.label = label;
  return { ...set, reference };
}

const at = () => new Date('2024-11-02T09:00:00Z');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('importing into storage', () => {
  it('stores a good set under its own key and makes it the set in force, leaving the settings alone', async () => {
    await updateSettings({ strictness: 'strict', pausedSites: ['news.example'], showSupported: true }, area);
    const settingsBefore = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    const result = await importClaimSet(JSON.stringify(otherSet()), 'other.json', area, at);
    expect(result).toEqual({
      ok: true,
      info: { kind: 'imported', label: 'EEAS press release, as re-published', file: 'other.json', importedAt: '2024-11-02T09:00:00.000Z', claims: raw.claims.length },
    });
    const active = await loadActiveClaimSet(area);
    expect(active.kind).toBe('imported');
    expect(active.set.source.label).toBe('EEAS press release, as re-published');
    expect((await area.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(settingsBefore);
  });

  const badFiles: [string, string][] = [
    ['corrupt JSON', '{"version": 1, "claims": ['],
    ['a file that is not JSON', 'not a claim set'],
    ['an empty file', ''],
    ['a wrong type', JSON.stringify({ ...otherSet(), claims: 'none' })],
    ['a passage not in the reference', JSON.stringify({ ...otherSet(), reference: 'Something else entirely.' })],
  ];
  it.each(badFiles)('refuses %s, and keeps the set in force and every setting', async (_what, text) => {
    await importClaimSet(JSON.stringify(otherSet('The previous set')), 'previous.json', area, at);
    await updateSettings({ strictness: 'lenient', enabled: false, pausedSites: ['a.example'] }, area);
    const before = await area.get(null as never);
    expect(Object.keys(before).sort()).toEqual([CLAIM_SET_KEY, SETTINGS_KEY].sort());
    const result = await importClaimSet(text, 'broken.json', area, at);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^broken\.json: invalid claim set: /);
    expect(await area.get(null as never)).toEqual(before);
    expect((await loadActiveClaimSet(area)).set.source.label).toBe('The previous set');
    expect(await loadSettings(area)).toMatchObject({ strictness: 'lenient', enabled: false, pausedSites: ['a.example'] });
  });

  it('says so, and changes nothing, when the browser refuses to store the set (its quota)', async () => {
    const refusing: ClaimSetArea = {
      get: (key) => area.get(key),
      remove: (key) => area.remove(key),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    };
    const result = await importClaimSet(JSON.stringify(otherSet()), 'other.json', refusing, at);
    expect(result).toEqual({ ok: false, error: 'other.json: the browser did not store the claim set (QUOTA_BYTES quota exceeded); the set in force is unchanged.' });
    expect((await loadActiveClaimSet(area)).kind).toBe('bundled');
  });

  it('goes back to the bundled set by removing the imported one', async () => {
    await importClaimSet(JSON.stringify(otherSet()), 'other.json', area, at);
    expect(await useBundledClaimSet(area)).toEqual({ kind: 'bundled', label: BUNDLED_LABEL });
    expect((await area.get(CLAIM_SET_KEY))[CLAIM_SET_KEY]).toBeUndefined();
    expect((await loadActiveClaimSet(area)).kind).toBe('bundled');
  });
});

describe('a stored set damaged after import', () => {
  const record = () => ({ version: 1, file: 'other.json', importedAt: '2024-11-02T09:00:00.000Z', set: otherSet() });
  it.each<[string, () => unknown, RegExp]>([
    ['a string', () => 'garbage', /not a record of an imported set/],
    ['a number', () => 42, /not a record of an imported set/],
    ['an array', () => [record()], /not a record of an imported set/],
    ['a record of another version', () => ({ ...record(), version: 2 }), /other\.json: invalid claim set: \(stored record\) version expected 1, found 2/],
    ['a record without its set', () => ({ ...record(), set: undefined }), /other\.json: invalid claim set: \(top level\) expected a object/],
    ['a set with a field of the wrong type', () => { const r = record(); r.set.claims[0].passage = 7; return r; }, /claims\[0\]\.passage expected a string, found an integer/],
    ['a set whose reference lost a passage', () => { const r = record(); r.set.reference = r.set.reference.slice(0, 200); return r; }, /claims\[\d+\]\.passage of "[a-z0-9-]+" is not in the reference text/],
    ['a set without its reference', () => { const r = record(); delete r.set.reference; return r; }, /reference is missing/],
    ['a set with duplicate ids', () => { const r = record(); r.set.claims[1].id = r.set.claims[0].id; return r; }, /claims\[1\]\.id duplicates the id/],
  ])('falls back to the bundled set with a notice: %s', async (_what, make, reason) => {
    await area.set({ [CLAIM_SET_KEY]: make() });
    const active = await loadActiveClaimSet(area);
    expect(active.kind).toBe('bundled');
    expect(active.set.source.label).toBe(BUNDLED_LABEL);
    expect(active.kind === 'bundled' && active.notice).toMatch(/^The imported claim set in storage is damaged, so pages are checked against the bundled set\./);
    expect(active.kind === 'bundled' && active.notice).toMatch(reason);
    // And the engine runs on what it fell back to.
    expect(createChecker(active.set).check(seed001).topical).toBe(true);
  });

  it('reads nothing stored as the bundled set, without a notice', () => {
    expect(activeClaimSet(undefined)).toEqual({ kind: 'bundled', set: expect.objectContaining({ source: raw.source }) });
    expect(activeClaimSet(null)).not.toHaveProperty('notice');
  });
});
