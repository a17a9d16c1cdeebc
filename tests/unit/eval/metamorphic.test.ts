import { describe, expect, it } from 'vitest';
import { bundledClaimSet } from '../../../src/core/claims/bundled';
import { detailDifference, isOneEditAway, readDetails } from '../../../src/eval/details';
import { claimSentences, generateCases, misspell, seededRandom, type MetamorphicCase } from '../../../src/eval/metamorphic';

// Properties of the generator over the bundled claim set (whatever claims it holds).
const claimSet = bundledClaimSet();
const cases = generateCases(claimSet);
const byFamily = (family: MetamorphicCase['family']) => cases.filter((c) => c.family === family);
const details = (text: string) => readDetails(text, claimSet);
/** The target and what is on its line before it (a sentence naming the actors), as one text. */
const targetLine = (c: MetamorphicCase) => c.text.split('\n').slice(-1)[0] as string;

describe('generateCases', () => {
  it('makes cases of every family', () => {
    for (const family of ['perturbed', 'paraphrase', 'moved'] as const) expect(byFamily(family).length).toBeGreaterThan(0);
  });

  it('is deterministic: the same claim set gives the same cases', () => {
    expect(generateCases(claimSet)).toEqual(cases);
  });

  it('keeps a case once: no two cases of a group have the same text', () => {
    const keys = cases.map((c) => `${c.family}|${c.group}|${c.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts every case after the claim set’s title, the target at the end of the text', () => {
    for (const c of cases) {
      expect(c.text.startsWith(`${claimSet.source.title}\n`)).toBe(true);
      expect(c.text.endsWith(c.target)).toBe(true);
    }
  });

  it('each perturbation differs from its sentence and changes exactly one detail of it, the one it names', () => {
    for (const c of byFamily('perturbed')) {
      expect(c.target, c.group).not.toBe(c.original);
      const lost = detailDifference(details(c.original), details(c.target));
      const gained = detailDifference(details(c.target), details(c.original));
      expect(lost, `${c.group}: ${c.target}`).toHaveLength(1);
      expect(gained.length, `${c.group}: ${c.target}`).toBeLessThanOrEqual(1);
      expect(lost[0]?.split('|')[0], c.group).toBe(c.detail?.kind);
      // Nothing else moved: the texts differ in one place only.
      let head = 0;
      while (c.original[head] === c.target[head]) head += 1;
      let tail = 0;
      while (tail < c.original.length - head && c.original[c.original.length - 1 - tail] === c.target[c.target.length - 1 - tail]) tail += 1;
      expect(c.original.slice(head, c.original.length - tail).length, c.target).toBeLessThanOrEqual(Math.max(c.detail?.text.length ?? 0, 40));
    }
  });

  it('a perturbation says what the reason must name: the reference’s value is in the sentence, the changed one in the copy', () => {
    for (const c of byFamily('perturbed')) {
      expect(c.expect?.from.some((v) => c.original.toLowerCase().includes(v.toLowerCase())), c.target).toBe(true);
      expect(c.expect?.to.some((v) => c.target.toLowerCase().includes(v.toLowerCase())), c.target).toBe(true);
    }
  });

  it('covers every kind of change the claim set allows', () => {
    const groups = new Set(byFamily('perturbed').map((c) => c.group.split(' × ')[0]));
    for (const g of ['other year', 'other day', 'count ±2', 'other ordinal', 'other city', 'misspelt name', 'wrong title', 'negation', 'antonym', 'other actor']) {
      expect(groups, g).toContain(g);
    }
  });

  it('paraphrases keep every detail (a pronoun subject drops only the titles of the actors it names before)', () => {
    for (const c of byFamily('paraphrase')) {
      expect(targetLine(c) === c.original && c.target === c.original && !c.text.includes(' met. '), c.target).toBe(false);
      const lost = detailDifference(details(c.original), details(targetLine(c)));
      const allowed = c.group === 'pronoun subject' ? lost.filter((k) => !k.startsWith('title|')) : lost;
      expect(allowed, `${c.group}: ${c.target}`).toEqual([]);
    }
  });

  it('gives every claim sentence at least two paraphrases', () => {
    for (const { sentence } of claimSentences(claimSet)) {
      expect(byFamily('paraphrase').filter((c) => c.original === sentence).length, sentence).toBeGreaterThanOrEqual(2);
    }
  });

  it('a moved sentence changes a detail of the event (a party, place, ordinal or document), nothing it asserts of it', () => {
    // The party where the event was held, by its names and people (the reader does not read parties as details).
    const eventPlaces = claimSet.registry.events.map((e) => e.place);
    const host = claimSet.registry.parties.find((p) => claimSet.registry.places.some((pl) => eventPlaces.includes(pl.id) && pl.names.some((n) => p.names.includes(n))));
    const hostWords = [...(host?.names ?? []), ...claimSet.registry.people.filter((p) => p.party === host?.id).flatMap((p) => p.family)];
    for (const c of byFamily('moved')) {
      expect(c.target).not.toBe(c.original);
      const lost = detailDifference(details(c.original), details(c.target)).map((k) => k.split('|')[0]);
      if (c.group === 'other country') expect(hostWords.filter((w) => new RegExp(`\\b${w}\\b`).test(c.target)), c.target).toEqual([]);
      else expect(lost.length, c.target).toBeGreaterThan(0);
      expect(lost.every((k) => ['person', 'place', 'ordinal', 'document', 'title'].includes(k as string)), `${c.group}: ${lost}`).toBe(true);
      expect(detailDifference(details(c.target), details(c.original)).filter((k) => k.startsWith('polarity|') || k.startsWith('antonym|'))).toEqual([]);
    }
  });
});

describe('misspell', () => {
  it('makes one edit inside the name (first letter kept), never a name of the avoid list', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      for (const name of ['Borrell', 'Iwaya', 'Fontelles']) {
        const out = misspell(name, seededRandom(`s${seed}`), ['Iwata']);
        expect(out).toBeDefined();
        expect(out).not.toBe(name);
        expect(out).not.toBe('Iwata');
        expect(out?.[0]).toBe(name[0]);
        expect(out?.length).toBe(name.length);
        expect(isOneEditAway(name.toLowerCase(), (out as string).toLowerCase())).toBe(true);
      }
    }
  });

  it('leaves names under five letters alone', () => {
    expect(misspell('Cho', seededRandom('x'), [])).toBeUndefined();
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom('a');
    const b = seededRandom('a');
    const c = seededRandom('c');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});
