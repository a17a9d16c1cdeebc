import { describe, expect, it } from 'vitest';
import { bundledClaimSet } from '../../../src/core/claims/bundled';
import { compareDates, findDates, formatDate, weekdayOf } from '../../../src/core/facts/dates';
import { editDistance } from '../../../src/core/facts/distance';
import { attachOffices, findOffices, findPeople } from '../../../src/core/facts/people';
import { analyse } from '../../../src/core/facts/sentence';
import { findActions, findCounts, findDocuments, findOrdinals, findPlaces } from '../../../src/core/facts/things';
import { compileKnowledge } from '../../../src/core/knowledge';

const k = compileKnowledge(bundledClaimSet());

describe('dates', () => {
  it.each([
    ['day month year', 'It happened on 1 November 2024 in Tokyo.', { year: 2024, month: 11, day: 1 }],
    ['month day, year', 'It takes effect on January 1, 2025.', { year: 2025, month: 1, day: 1 }],
    ['ordinal day', 'They met on 1st November.', { month: 11, day: 1 }],
    ['abbreviated month', 'They met on Nov. 1, 2024.', { year: 2024, month: 11, day: 1 }],
    ['month and year', 'Applied since February 2019.', { year: 2019, month: 2 }],
    ['the end of a year', 'In force at the end of 2024.', { year: 2024, part: 'end' }],
    ['late in a year', 'Expected in late 2024.', { year: 2024, part: 'end' }],
    ['hyphenated part', 'Due by end-2024.', { year: 2024, part: 'end' }],
    ['a bare year', 'Agreed at the 2023 summit.', { year: 2023 }],
  ])('%s', (_name, text, date) => {
    expect(findDates(analyse(text))[0]?.date).toEqual(date);
  });

  it('joins a weekday to the date beside it', () => {
    const [mention] = findDates(analyse('They announced it on Friday (November 1) in Tokyo.'));
    expect(mention).toMatchObject({ weekday: 5, date: { month: 11, day: 1 } });
  });

  it('reads no part of a year into a word that is only a name objects inherit ("constructor")', () => {
    expect(findDates(analyse('The constructor 2024 model was shown.'))[0]?.date).toEqual({ year: 2024 });
    expect(findDates(analyse('A toString of 2024 was seen.'))[0]?.date).toEqual({ year: 2024 });
  });

  it('does not read the modal "may" or a time as a date', () => {
    expect(findDates(analyse('The deal may be signed soon, at 06:30.'))).toEqual([]);
  });

  it.each([
    ['the same day', { year: 2024, month: 11, day: 1 }, { year: 2024, month: 11, day: 1 }, 'same'],
    ['a day inside a month', { year: 2024, month: 11, day: 1 }, { year: 2024, month: 11 }, 'same'],
    ['a day off', { year: 2024, month: 11, day: 2 }, { year: 2024, month: 11, day: 1 }, 'near'],
    ['a day after the end of the year', { year: 2025, month: 1, day: 1 }, { year: 2024, part: 'end' }, 'near'],
    ['December inside the end of the year', { year: 2024, month: 12 }, { year: 2024, part: 'end' }, 'same'],
    ['months apart', { year: 2025, month: 3 }, { year: 2024, part: 'end' }, 'different'],
    ['a year apart', { year: 2023, month: 11, day: 1 }, { year: 2024, month: 11, day: 1 }, 'different'],
    ['no year, same day', { month: 11, day: 1 }, { year: 2024, month: 11, day: 1 }, 'same'],
    ['no year, other month', { month: 10, day: 31 }, { year: 2024, month: 11, day: 1 }, 'different'],
  ] as const)('compares %s', (_name, written, reference, agreement) => {
    expect(compareDates(written as never, reference as never)).toBe(agreement);
  });

  it('knows the weekday of a date and writes dates as a reader would', () => {
    expect(weekdayOf({ year: 2024, month: 11, day: 1 })).toBe(5);
    expect(formatDate({ year: 2024, part: 'end' })).toBe('the end of 2024');
    expect(formatDate({ year: 2019, month: 2 })).toBe('February 2019');
    expect(formatDate({ year: 2024, month: 11, day: 1 })).toBe('1 November 2024');
  });
});

describe('people and offices', () => {
  const read = (text: string) => {
    const s = analyse(text);
    const offices = findOffices(s, k);
    const people = findPeople(s, k, new Map(), offices);
    attachOffices(s, offices, people);
    return { offices, people };
  };

  it.each([
    ['given name first', 'Takeshi Iwaya spoke.', 'iwaya', undefined],
    ['family name first', 'Iwaya Takeshi spoke.', 'iwaya', undefined],
    ['family name alone', 'Borrell spoke.', 'borrell', undefined],
    ['a misspelt family name beside the given name', 'Takeshi Iwai spoke.', 'iwaya', 'Iwai'],
    ['a misspelt family name before a verb of saying', 'Iwai said so.', 'iwaya', 'Iwai'],
    ['a misspelt given name', 'Josef Borrell spoke.', 'borrell', 'Josef'],
  ])('finds %s', (_name, text, id, misspelt) => {
    const [person] = read(text).people;
    expect(person?.person?.id).toBe(id);
    expect(person?.misspelt?.written).toBe(misspelt);
  });

  it('does not take a look-alike word for a name without a person context', () => {
    expect(read('Iwate is a prefecture.').people).toEqual([]);
  });

  it.each([
    ['a title before the name', 'Japanese Defense Minister Iwaya Takeshi spoke.', 'defence-minister', 'japan', 'iwaya'],
    ['an apposition', 'Iwaya, Japan’s foreign minister, spoke.', 'foreign-minister', 'japan', 'iwaya'],
    ['a copula', 'Borrell is the EU foreign policy chief.', 'foreign-policy-chief', 'eu', 'borrell'],
    ['the longest phrase', 'EU High Representative for Foreign Affairs and Security Policy Josep Borrell spoke.', 'high-representative', 'eu', 'borrell'],
  ])('reads %s', (_name, text, office, country, holder) => {
    const [found] = read(text).offices;
    expect(found).toMatchObject({ office, country });
    expect(found?.holder?.person?.id).toBe(holder);
  });

  it('marks former titles and gives unknown people their own title', () => {
    const { offices, people } = read('Former defense minister Shigeru Ishiba met Defense Minister Gen Nakatani.');
    expect(offices[0]?.notCurrent).toBe(true);
    expect(offices[1]?.holder?.written).toBe('Gen Nakatani');
    expect(offices[1]?.holder?.person).toBeUndefined();
    expect(people.every((p) => p.person === undefined)).toBe(true);
  });

  it('does not give a title to a plural', () => {
    expect(read('He will meet the foreign and defence ministers.').offices).toEqual([]);
  });

  it('measures edit distance with swaps', () => {
    expect(editDistance('iwai', 'iwaya')).toBe(2);
    expect(editDistance('borrell', 'borell')).toBe(1);
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('tokyo', 'seoul', 2)).toBe(3);
  });
});

describe('documents, acts, places, numbers', () => {
  it.each([
    ['the full name', 'the EU-Japan Security and Defence Partnership', ['sdp']],
    ['an American spelling', 'a new security and defense partnership', ['sdp']],
    ['a pact', 'a comprehensive security pact', ['sdp']],
    ['qualifiers after the noun', 'a partnership in the field of security and defense', ['sdp']],
    ['the strategic agreement', 'the strategic partnership agreement', ['spa']],
    ['an acronym', 'the SPA', ['spa']],
    ['both at once', 'an agreement for strategic, security, and defence partnership', ['spa', 'sdp']],
  ])('names %s', (_name, text, ids) => {
    const found = findDocuments(analyse(text), k).flatMap((d) => (d.doc ? [d.doc.id] : []));
    expect(new Set(found)).toEqual(new Set(ids));
  });

  it('tells another document and a bare one apart', () => {
    expect(findDocuments(analyse('the Economic Partnership Agreement'), k)[0]).toMatchObject({ other: true });
    expect(findDocuments(analyse('the agreement'), k)[0]).toMatchObject({ generic: true });
  });

  it.each([
    ['signed', 'They signed it.', 'sign', false],
    ['inked', 'It was inked today.', 'sign', false],
    ['did not sign', 'They did not sign it.', 'sign', true],
    ['took effect', 'It took effect in May.', 'enter-into-force', false],
    ['come into force', 'It will come into force soon.', 'enter-into-force', false],
    ['announced', 'They announced it.', 'announce', false],
  ])('reads the act "%s"', (_name, text, action, negated) => {
    expect(findActions(analyse(text))).toContainEqual(expect.objectContaining({ action, negated }));
  });

  it('reads places, with "in" marking where something happened', () => {
    const places = findPlaces(analyse('The EU and South Korea met in Seoul.'), k);
    expect(places.map((p) => [p.country, p.city ?? null, p.located])).toEqual([
      ['eu', null, false],
      ['south-korea', null, false],
      ['south-korea', 'seoul', true],
    ]);
  });

  it('reads counts and ordinals', () => {
    expect(findCounts(analyse('ratified by all twenty-seven member states'))[0]?.value).toBe(27);
    expect(findCounts(analyse('by 28 EU countries'))[0]).toMatchObject({ value: 28, following: ['eu', 'countries'] });
    expect(findOrdinals(analyse('the second country in Asia'))[0]).toMatchObject({ value: 2 });
    expect(findOrdinals(analyse('the inaugural dialogue'))[0]).toMatchObject({ value: 1 });
  });
});
