import { describe, expect, it } from 'vitest';
import type { ClaimSet } from '../../../src/core';
import { detailDifference, isOneEditAway, readDetails, type DetailKind } from '../../../src/eval/details';

// A claim set of our own, not the bundled one: the reader must work from any registry.
const claimSet = {
  version: 1,
  source: { publisher: 'P', title: 'T', date: '2020-03-04', place: 'Lisbon', label: 'L' },
  registry: {
    parties: [
      { id: 'eu', names: ['European Union', 'EU'], adjectives: ['European'] },
      { id: 'chile', names: ['Chile', 'Santiago'], adjectives: ['Chilean', "Chile's"] },
    ],
    places: [
      { id: 'santiago', names: ['Santiago'] },
      { id: 'pacific', names: ['Pacific'] },
    ],
    people: [
      { id: 'moreau', name: 'Anne Moreau', given: ['Anne'], family: ['Moreau'], party: 'eu', offices: ['high-representative'], office: 'EU High Representative', claim: 'c1' },
      { id: 'vidal', name: 'Pablo Vidal', given: ['Pablo'], family: ['Vidal'], party: 'chile', offices: ['foreign-minister', 'minister'], office: "Chile's Minister for Foreign Affairs", claim: 'c1' },
    ],
    documents: [
      { id: 'fta', name: 'EU-Chile Trade Pact', short: 'the Trade Pact', qualifiers: [], acronyms: ['ECTP'], kind: 'agreement', parties: ['eu', 'chile'], actions: [], rankings: [] },
    ],
    events: [{ id: 'council-1', name: 'the first Council', nouns: ['association council'], parties: ['eu', 'chile'], ordinal: 1, place: 'santiago', participants: [], claim: 'c1' }],
  },
  claims: [{ id: 'c1', passage: 'x', about: [] }],
  unclaimed: [],
} as unknown as ClaimSet;

function read(text: string, kind: DetailKind) {
  return readDetails(text, claimSet)
    .filter((d) => d.kind === kind)
    .map((d) => ({ text: d.text, value: d.value, ...(d.role && { role: d.role }) }));
}

describe('readDetails: one row a kind of detail', () => {
  it.each<[string, DetailKind, string, { text: string; value: string; role?: string }[]]>([
    ['a year', 'year', 'It was signed in 2019.', [{ text: '2019', value: '2019' }]],
    ['a day and month, day first', 'date', 'They met on 4 March 2020.', [{ text: '4 March', value: '3-4' }]],
    ['a month and day, month first', 'date', 'They met on March 4.', [{ text: 'March 4', value: '3-4' }]],
    ['a month with a year and no day', 'month', 'In force since June 2021.', [{ text: 'June', value: '6' }]],
    ['a count, not the digits of a date or a year', 'count', 'All 12 states agreed on 4 March 2020.', [{ text: '12', value: '12' }]],
    ['a time or a decimal is not a count', 'count', 'At 06:30 it rose 2.5 points.', []],
    ['an ordinal before an event noun is the event’s', 'ordinal', 'The first EU-Chile Association Council met.', [{ text: 'first', value: '1', role: 'event' }]],
    ['an ordinal elsewhere is a ranking', 'ordinal', 'Chile is the second country to join.', [{ text: 'second', value: '2', role: 'ranking' }]],
    ['an ordinal in a compound is not one', 'ordinal', 'Third-country support and a first-ever deal.', []],
    ['a full name', 'person', 'Anne Moreau spoke.', [{ text: 'Anne Moreau', value: 'moreau', role: 'full' }]],
    ['a family name alone', 'person', 'Minister Vidal spoke.', [{ text: 'Vidal', value: 'vidal', role: 'family' }]],
    ['a misspelt family name, one transposition', 'person', 'Anne Mroeau spoke.', [{ text: 'Anne Mroeau', value: 'moreau', role: 'full' }]],
    ['a name two edits away is someone else', 'person', 'Anne Murray spoke.', []],
    ['a title of a registry office, longest phrase', 'title', "Chile's Minister for Foreign Affairs spoke.", [{ text: 'Minister for Foreign Affairs', value: 'foreign-minister' }]],
    ['a bare "Minister" only before a name', 'title', 'Thank you, Minister, and Minister Vidal.', [{ text: 'Minister', value: 'minister' }]],
    ['a city where an event was held', 'place', 'They met in Santiago, in the Pacific.', [{ text: 'Santiago', value: 'santiago' }]],
    ['a document by name, short name and acronym', 'document', 'The EU-Chile Trade Pact (ECTP) is the Trade Pact.', [
      { text: 'EU-Chile Trade Pact', value: 'fta', role: 'name' },
      { text: 'ECTP', value: 'fta', role: 'acronym' },
      { text: 'Trade Pact', value: 'fta', role: 'short' },
    ]],
    ['an act verb, positive', 'polarity', 'They reaffirmed their support.', [{ text: 'reaffirmed', value: 'reaffirm:+', role: 'past' }]],
    ['a synonym shares the sense', 'polarity', 'They reiterated their support.', [{ text: 'reiterated', value: 'reaffirm:+', role: 'past' }]],
    ['"did not" negates', 'polarity', 'They did not announce it.', [{ text: 'did not announce', value: 'announce:-', role: 'negated' }]],
    ['"declined to" negates', 'polarity', 'They declined to reaffirm it.', [{ text: 'declined to reaffirm', value: 'reaffirm:-', role: 'negated' }]],
    ['a passive, and its negation', 'polarity', 'It was agreed; it was not welcomed.', [
      { text: 'was agreed', value: 'agree:+', role: 'passive' },
      { text: 'was not welcomed', value: 'welcome:-', role: 'passive' },
    ]],
    ['an adjective is not an act ("our shared vision")', 'polarity', 'For our shared vision.', []],
    ['a word with an antonym, either side', 'antonym', 'A strong and a weak claim.', [
      { text: 'strong', value: 'strong' },
      { text: 'weak', value: 'weak' },
    ]],
  ])('%s', (_why, kind, text, expected) => {
    expect(read(text, kind)).toEqual(expected);
  });
});

describe('isOneEditAway', () => {
  it.each([
    ['borrell', 'brorell', true],
    ['borrell', 'borrel', true],
    ['borrell', 'borrelll', true],
    ['borrell', 'burrell', true],
    ['borrell', 'borrell', false],
    ['borrell', 'bxrrexl', false],
    ['iwaya', 'iwata', true],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(isOneEditAway(a, b)).toBe(expected);
  });
});

describe('detailDifference', () => {
  it('is a multiset difference of what details say, not where they are', () => {
    const a = readDetails('In 2019 and 2019, Anne Moreau spoke.', claimSet);
    const b = readDetails('Anne Moreau spoke in 2019.', claimSet);
    expect(detailDifference(a, b)).toEqual(['year|2019||']);
    expect(detailDifference(b, a)).toEqual([]);
  });
});

describe('readDetails: a longer title is not read as a bare one', () => {
  it('"Prime Minister Vidal" holds no "Minister" title', () => {
    expect(read('Prime Minister Vidal spoke.', 'title')).toEqual([]);
  });
});
