import { describe, expect, it } from 'vitest';
import { createChecker, defaultChecker, type Checker } from '../../../src/core';
import { loadClaimSet } from '../../../src/core/claims/load';

// A reference of our own about another event, so the rule is tested on
// figures the bundled EEAS text does not have.
const REFERENCE = `Northport, 4 June 2025

The Northport Fisheries Council agreed a new quota agreement on Wednesday. The agreement sets aside twelve protected bays along the coast and limits each trawler to 40 tonnes of cod a season. About 300 boats are registered in the port, and the agreement will be reviewed after three years. Chair Lena Berg said the council voted unanimously.`;

function fisheriesChecker(): Checker {
  const set = loadClaimSet(
    {
      version: 1,
      source: { publisher: 'Northport Fisheries Council', title: 'Council agrees quota agreement', date: '2025-06-04', place: 'Northport', label: 'Northport Fisheries Council, 4 June 2025' },
      registry: {
        parties: [{ id: 'council', names: ['Northport Fisheries Council', 'fisheries council', 'council'], adjectives: [] }],
        places: [{ id: 'northport', names: ['Northport'] }],
        people: [{ id: 'berg', name: 'Lena Berg', given: ['Lena'], family: ['Berg'], party: 'council', offices: ['spokesperson'], office: 'chair of the council', claim: 'berg' }],
        documents: [
          {
            id: 'quota-plan', name: 'quota agreement', short: 'the agreement', qualifiers: ['quota'], acronyms: [], kind: 'agreement', parties: ['council'],
            actions: [{ action: 'announce', date: { year: 2025, month: 6, day: 4 }, place: 'northport', actors: ['council'], claim: 'agreed' }],
            rankings: [],
          },
        ],
        events: [],
      },
      claims: [
        { id: 'agreed', passage: 'The Northport Fisheries Council agreed a new quota agreement on Wednesday.', about: ['council', 'quota-plan'] },
        { id: 'bays', passage: 'The agreement sets aside twelve protected bays along the coast and limits each trawler to 40 tonnes of cod a season.', about: ['quota-plan'] },
        { id: 'boats', passage: 'About 300 boats are registered in the port, and the agreement will be reviewed after three years.', about: ['quota-plan', 'northport'] },
        { id: 'berg', passage: 'Chair Lena Berg said the council voted unanimously.', about: ['berg', 'council'] },
      ],
      unclaimed: [{ passage: 'Northport, 4 June 2025', why: 'The dateline.' }],
    },
    { file: 'fisheries.json', reference: REFERENCE },
  );
  return createChecker(set);
}

const checker = fisheriesChecker();
/** A page that opens on the event (so it is about the subject), then `text`: the verdict of `text`'s last sentence. */
const verdictOf = (text: string, c: Checker = checker) => {
  const page = c === checker ? `Chair Lena Berg said the fisheries council voted unanimously for the new quota agreement. ${text}` : text;
  const sentences = c.check(page, { strictness: 'balanced' }).sentences;
  return sentences[sentences.length - 1]!;
};

describe('figures that contradict the reference', () => {
  it.each([
    ['a word figure for a word figure', 'The quota agreement sets aside nine protected bays along the coast.', /twelve protected bays, not nine protected bays/],
    ['digits for a word figure', 'The new quota agreement sets aside 15 protected bays along the coast, the council said.', /twelve protected bays, not 15 protected bays/],
    ['digits for digits, another unit word after', 'Under the quota agreement, each trawler may land 60 tonnes of cod a season.', /40 tonnes, not 60 tonnes/],
    ['a shorter review period', 'The council said the quota agreement will be reviewed after two years.', /three years, not two years/],
  ])('%s', (_case, text, reason) => {
    const s = verdictOf(text);
    expect(s.verdict).toBe('conflict');
    expect(s.severity).toBe('hard');
    expect(s.reason).toMatch(reason);
    expect(s.claimId).toBeTruthy();
  });
});

describe('figures the rule leaves alone', () => {
  it.each([
    ['a bound, not a figure', 'The quota agreement sets aside more than ten protected bays along the coast.'],
    ['a range', 'The quota agreement sets aside between ten and fourteen protected bays along the coast.'],
    ['an upper bound', 'Under the quota agreement, each trawler may land up to 60 tonnes of cod a season.'],
    ['an approximate figure', 'The quota agreement limits each trawler to about 45 tonnes of cod a season.'],
    ['a figure of something else', 'The quota agreement sets aside twelve protected bays and nine harbours along the coast.'],
    ['the reference’s own bound, given another figure', 'Some 320 boats are registered in the port, and the agreement will be reviewed after three years.'],
  ])('%s', (_case, text) => {
    const s = verdictOf(text);
    expect(s.verdict).not.toBe('conflict');
  });

  it('the same figure in other words is supported (the sentences above are read, not skipped)', () => {
    expect(verdictOf('The quota agreement sets aside 12 protected bays along the coast.').verdict).toBe('supported');
  });

  it('a day of the month is a date, not a count', () => {
    // The bundled reference: "on 1 November in Tokyo". The date rule answers a wrong day; the figure rule must not add its own reading.
    const s = verdictOf('Borrell and Iwaya held their first EU-Japan Strategic Dialogue on 1 November in Tokyo.', defaultChecker());
    expect(s.verdict).toBe('supported');
  });
});
