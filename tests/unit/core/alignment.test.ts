import { describe, expect, it } from 'vitest';
import { createChecker, type Checker, type SentenceReport, type Strictness } from '../../../src/core';
import { loadClaimSet } from '../../../src/core/claims/load';

// A reference of our own about another kind of event (a ministerial dialogue
// between two other countries, a protocol, a summit), so the mechanisms are
// tested on a claim set they were not written around: if a rule only fitted
// the EEAS press release, these rows would fail.
const REFERENCE = `Oslo, 12 March 2025

Canadian Foreign Minister Mary Hale and Norwegian Foreign Minister Per Lund held the third Canada-Norway Arctic Dialogue on 12 March 2025 in Oslo. The two ministers signed the Arctic Research Protocol, which links 14 research stations. The protocol follows ratification by all 9 northern provinces. Hale and Lund reaffirmed their commitment to protecting the Arctic environment. The dialogue was agreed at the 2019 Canada-Norway Summit. Norway has hosted the Arctic Council secretariat in Tromso since 2013. Hale also made her first visit to Svalbard, where 6 Canadian scientists work.`;

function arcticChecker(): Checker {
  const set = loadClaimSet(
    {
      version: 1,
      source: { publisher: 'Joint statement', title: 'Third Canada-Norway Arctic Dialogue', date: '2025-03-12', place: 'Oslo', label: 'Joint statement, Oslo, 12 March 2025' },
      registry: {
        parties: [
          { id: 'canada', names: ['Canada', 'Ottawa'], adjectives: ['Canadian'] },
          { id: 'norway', names: ['Norway'], adjectives: ['Norwegian'] },
        ],
        places: [{ id: 'oslo', names: ['Oslo'] }],
        people: [
          { id: 'hale', name: 'Mary Hale', given: ['Mary'], family: ['Hale'], party: 'canada', offices: ['foreign-minister', 'minister'], office: 'Canadian Foreign Minister', claim: 'held' },
          { id: 'lund', name: 'Per Lund', given: ['Per'], family: ['Lund'], party: 'norway', offices: ['foreign-minister', 'minister'], office: 'Norwegian Foreign Minister', claim: 'held' },
        ],
        documents: [
          {
            id: 'protocol', name: 'Arctic Research Protocol', short: 'the protocol', qualifiers: ['research', 'arctic'], acronyms: [], kind: 'agreement', parties: ['canada', 'norway'],
            actions: [{ action: 'sign', date: { year: 2025, month: 3, day: 12 }, place: 'oslo', actors: ['hale', 'lund'], claim: 'protocol' }],
            rankings: [],
          },
        ],
        events: [
          { id: 'dialogue-3', name: 'the third Canada-Norway Arctic Dialogue', nouns: ['arctic dialogue'], parties: ['canada', 'norway'], ordinal: 3, date: { year: 2025, month: 3, day: 12 }, place: 'oslo', participants: ['hale', 'lund'], claim: 'held' },
          { id: 'summit-2019', name: 'the 2019 Canada-Norway Summit', nouns: ['summit'], parties: ['canada', 'norway'], date: { year: 2019 }, participants: [], claim: 'agreed-at-summit' },
        ],
      },
      claims: [
        { id: 'held', passage: 'Canadian Foreign Minister Mary Hale and Norwegian Foreign Minister Per Lund held the third Canada-Norway Arctic Dialogue on 12 March 2025 in Oslo.', about: ['hale', 'lund', 'dialogue-3'] },
        { id: 'protocol', passage: 'The two ministers signed the Arctic Research Protocol, which links 14 research stations.', about: ['hale', 'lund', 'protocol'] },
        { id: 'ratified', passage: 'The protocol follows ratification by all 9 northern provinces.', about: ['protocol'] },
        { id: 'environment', passage: 'Hale and Lund reaffirmed their commitment to protecting the Arctic environment.', about: ['hale', 'lund'] },
        { id: 'agreed-at-summit', passage: 'The dialogue was agreed at the 2019 Canada-Norway Summit.', about: ['dialogue-3', 'summit-2019'] },
        { id: 'secretariat', passage: 'Norway has hosted the Arctic Council secretariat in Tromso since 2013.', about: ['norway'] },
        { id: 'svalbard', passage: 'Hale also made her first visit to Svalbard, where 6 Canadian scientists work.', about: ['hale'] },
      ],
      unclaimed: [{ passage: 'Oslo, 12 March 2025', why: 'The dateline.' }],
    },
    { file: 'arctic.json', reference: REFERENCE },
  );
  return createChecker(set);
}

const checker = arcticChecker();
/** A page that opens on the event (so it is about the subject), then `text`: the verdict of `text`'s last sentence. */
function verdictOf(text: string, strictness: Strictness = 'balanced'): SentenceReport {
  const page = `Canada and Norway held their Arctic Dialogue in Oslo, with Mary Hale and Per Lund. ${text}`;
  const sentences = checker.check(page, { strictness }).sentences;
  return sentences[sentences.length - 1]!;
}

// One row a kind of detail, wording of our own: each must be a hard conflict
// whose reason names both the reference's value and the sentence's.
describe('a changed detail is a conflict naming both values, whatever the reference', () => {
  it.each([
    ['a year of a summit', 'The dialogue was agreed at the 2018 Canada-Norway Summit.', ['2019', '2018']],
    ['a full date', 'Hale and Lund held the third Canada-Norway Arctic Dialogue on 14 March 2025 in Oslo.', ['12 March 2025', '14 March 2025']],
    ['a count', 'The two ministers signed the Arctic Research Protocol, which links 16 research stations.', ['14', '16']],
    ['N of M where the reference says all M', 'The protocol follows ratification by 7 of the 9 northern provinces.', ['all 9', '7']],
    ['an ordinal of the event', 'Hale and Lund held the fourth Canada-Norway Arctic Dialogue in Oslo on 12 March 2025.', ['third', 'fourth']],
    ['a place in a party’s country', 'Hale and Lund held the third Canada-Norway Arctic Dialogue in Bergen.', ['Oslo', 'Bergen']],
    ['a negation', 'Hale and Lund did not reaffirm their commitment to protecting the Arctic environment.', ['reaffirmed']],
    ['a year no registry entry holds', 'Norway has hosted the Arctic Council secretariat in Tromso since 2011.', ['2013', '2011']],
    ['a place no registry entry holds', 'Norway has hosted the Arctic Council secretariat in Bergen since 2013.', ['Tromso', 'Bergen']],
    ['an ordinal no registry entry holds', 'Hale also made her second visit to Svalbard, where Canadian scientists work.', ['first', 'second']],
    ['a refusal', 'Hale and Lund declined to reaffirm their commitment to protecting the Arctic environment.', ['reaffirmed']],
  ])('%s', (_kind, text, values) => {
    const s = verdictOf(text);
    expect(s.verdict).toBe('conflict');
    expect(s.severity).toBe('hard');
    for (const v of values) expect(s.reason).toContain(v);
  });
});

describe('what is not a conflict', () => {
  it.each([
    ['a detail the reference does not have', 'Hale and Lund reaffirmed their commitment to protecting the Arctic environment for 30 years.'],
    ['the same detail, reworded', 'On 12 March 2025 in Oslo, Hale and Lund held the third Canada-Norway Arctic Dialogue, officials said.'],
    ['another country’s meeting, in another country', 'Lund held the first Norway-Japan Arctic Dialogue in Tokyo on 2 April 2025.'],
    ['a later occurrence', 'Hale and Lund will hold the fourth Arctic Dialogue next year.'],
  ])('%s', (_kind, text) => {
    for (const strictness of ['lenient', 'balanced', 'strict'] as const) expect(verdictOf(text, strictness).verdict).not.toBe('conflict');
  });
});

describe('paraphrase is supported', () => {
  it.each([
    ['a synonym and an attribution', 'Hale and Lund reiterated their commitment to protecting the Arctic environment, officials said.'],
    ['a background clause added', 'Amid tensions in the High North, Hale and Lund reaffirmed their commitment to protecting the Arctic environment.'],
    ['a pronoun subject', 'They reaffirmed their commitment to protecting the Arctic environment.'],
  ])('%s', (_kind, text) => {
    expect(verdictOf(text).verdict).toBe('supported');
  });
});
