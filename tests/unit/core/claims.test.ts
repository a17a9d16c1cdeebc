import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import raw from '../../../assets/claims.json';
import { bundledClaimSet } from '../../../src/core/claims/bundled';
import { loadClaimSet } from '../../../src/core/claims/load';
import { ClaimSetError } from '../../../src/core/errors';
import { normalizeWhitespace } from '../../../src/core/text/normalize';
import { splitSentences } from '../../../src/core/text/sentences';

const reference = readFileSync(new URL('../../../assets/reference.txt', import.meta.url), 'utf8');
const fixtureReference = readFileSync(new URL('../../fixtures/seeds/001_ab7f3a2f192831db.txt', import.meta.url), 'utf8');

/** A fresh deep copy of the bundled set to break. */
function copy(): Record<string, any> {
  return structuredClone(raw) as Record<string, any>;
}

describe('the bundled claim set', () => {
  it('is the seed reference, byte for byte', () => {
    expect(reference).toBe(fixtureReference);
  });

  it('loads and validates against the reference text', () => {
    expect(() => loadClaimSet(raw, { file: 'assets/claims.json', reference })).not.toThrow();
    expect(bundledClaimSet().claims.length).toBeGreaterThan(25);
  });

  it.each(bundledClaimSet().claims.map((c) => [c.id, c.passage] as const))('claim %s quotes the reference verbatim', (_id, passage) => {
    expect(normalizeWhitespace(reference)).toContain(normalizeWhitespace(passage));
  });

  it('covers every sentence of the reference, or says why not', () => {
    const set = bundledClaimSet();
    const claimed = set.claims.map((c) => normalizeWhitespace(c.passage));
    const declared = set.unclaimed.map((u) => normalizeWhitespace(u.passage));
    const uncovered = splitSentences(reference)
      .map((s) => normalizeWhitespace(s.text))
      .filter((s) => s.length > 0 && !declared.some((d) => d.includes(s)) && !claimed.some((p) => p.includes(s)));
    expect(uncovered).toEqual([]);
  });

  it('declares as unclaimed only lines that are really in the reference', () => {
    for (const u of bundledClaimSet().unclaimed) expect(normalizeWhitespace(reference)).toContain(normalizeWhitespace(u.passage));
  });

  it.each([
    ['the date of the dialogue', 'dialogue-held', '1 November'],
    ['the place', 'dialogue-held', 'Tokyo'],
    ['the announcement of the partnership', 'sdp-announced', 'announced the'],
    ['first in the Indo-Pacific', 'sdp-first-indo-pacific', 'first country in the Indo-Pacific'],
    ['the areas of cooperation', 'sdp-areas', 'maritime security'],
    ['Ukraine', 'ukraine-support', 'Ukraine'],
    ['the DPRK', 'dprk-russia', 'DPRK'],
    ['the East and South China Seas', 'east-south-china-sea', 'South China Sea'],
    ['the Taiwan Strait', 'taiwan-strait', 'Taiwan Strait'],
    ['the Middle East', 'middle-east-concern', 'Middle East'],
    ['entry into force at the end of 2024 after 27 ratifications', 'spa-entry-into-force', 'all 27 EU Member States'],
    ['provisional application since February 2019', 'spa-provisional', 'February 2019'],
    ['the 2023 Summit', 'dialogue-agreed-2023-summit', '2023 EU-Japan Summit'],
    ['the press remarks', 'remarks-announce-conclusion', 'announce the conclusion'],
  ])('has a claim for %s', (_what, id, words) => {
    expect(bundledClaimSet().claims.find((c) => c.id === id)?.passage).toContain(words);
  });
});

describe('loading a claim set', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['corrupt JSON', () => '{"version": 1, "claims": [', /custom\.json: invalid claim set: \(file\) is not valid JSON/],
    ['truncated JSON', () => JSON.stringify(raw).slice(0, 500), /custom\.json: .*not valid JSON/],
    ['not an object', () => [1, 2, 3], /\(top level\) expected a object, found an array/],
    ['a missing field', () => { const s = copy(); delete s.claims[2].passage; return s; }, /claims\[2\]\.passage is missing/],
    ['a wrong type', () => { const s = copy(); s.claims[0].about = 'borrell'; return s; }, /claims\[0\]\.about expected a array, found a string/],
    ['a wrong version', () => { const s = copy(); s.version = 2; return s; }, /version expected one of 1, found 2/],
    ['an empty passage', () => { const s = copy(); s.claims[1].passage = ''; return s; }, /claims\[1\]\.passage must not be empty/],
    ['an unknown field', () => { const s = copy(); s.claims[0].text = 'x'; return s; }, /claims\[0\]\.text is not a known field/],
    ['a bad date', () => { const s = copy(); s.registry.events[0].date.month = 13; return s; }, /registry\.events\[0\]\.date\.month 13 is above 12/],
    ['duplicate claim ids', () => { const s = copy(); s.claims[3].id = s.claims[0].id; return s; }, /claims\[3\]\.id duplicates the id "dialogue-held" of claims\[0\]/],
    ['duplicate registry ids', () => { const s = copy(); s.registry.places[1].id = 'borrell'; return s; }, /registry\.people\[0\]\.id duplicates the id "borrell"/],
    ['a claim id that points nowhere', () => { const s = copy(); s.registry.people[0].claim = 'no-such-claim'; return s; }, /registry\.people\[0\]\.claim names the unknown claim "no-such-claim"/],
    ['a registry id that points nowhere', () => { const s = copy(); s.claims[0].about.push('atlantis'); return s; }, /claims\[0\]\.about\[4\] names the unknown registry entry "atlantis"/],
    ['a passage that is not in the reference', () => { const s = copy(); s.claims[5].passage = 'Japan and the EU signed a defence treaty.'; return s; }, /claims\[5\]\.passage of "shared-values" is not in the reference text/],
  ];
  it.each(cases)('rejects %s with an error naming the file and the field', (_name, make, message) => {
    let error: unknown;
    try {
      loadClaimSet(make(), { file: 'custom.json', reference });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClaimSetError);
    expect((error as Error).message).toMatch(/^custom\.json: /);
    expect((error as Error).message).toMatch(message);
  });

  it('lists several problems at once, and says how many more there are', () => {
    const s = copy();
    for (const claim of s.claims) delete claim.about;
    const message = (() => {
      try {
        loadClaimSet(s, { file: 'many.json' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/claims\[0\]\.about is missing; claims\[1\]\.about is missing/);
    expect(message).toMatch(/\(and \d+ more\)/);
  });
});
