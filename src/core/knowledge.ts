import Fuse from 'fuse.js';
import type { Claim, ClaimSet, DocumentEntry, EventEntry, Person, Place, Ranking } from './claims/types';
import { COUNTRIES, type Country } from './lexicon/geo';
import { OFFICE_PHRASES } from './lexicon/offices';
import { STOPWORDS } from './lexicon/words';
import { foldForMatch, startsWithCapital, tokenize, type Token } from './text/normalize';

/** A phrase of several folded words and what it names. */
export interface PhraseEntry<T> {
  words: readonly string[];
  value: T;
}

function indexByFirstWord<T>(entries: Iterable<[string, T]>): Map<string, PhraseEntry<T>[]> {
  const index = new Map<string, PhraseEntry<T>[]>();
  for (const [phrase, value] of entries) {
    const words = phrase.split(' ');
    addTo(index, words[0]!, { words, value });
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** A word of the claims' vocabulary and the claims that use it. */
interface VocabularyEntry {
  term: string;
  claims: number[];
}

/**
 * What the engine derives once from a claim set: lookup tables for names,
 * the vocabulary and its fuzzy index, and the named things the reference
 * speaks of. Built once per claim set and shared by every check.
 */
export interface Knowledge {
  set: ClaimSet;
  claims: readonly Claim[];
  claimById: ReadonlyMap<string, Claim>;
  people: readonly Person[];
  /** Folded given or family name -> the people who bear it. */
  personByName: ReadonlyMap<string, Person[]>;
  documents: readonly DocumentEntry[];
  /** Folded acronym (sdp) -> the document it names. */
  documentByAcronym: ReadonlyMap<string, DocumentEntry>;
  /** Folded qualifier (security, strategic) -> documents it names. */
  documentsByQualifier: ReadonlyMap<string, DocumentEntry[]>;
  events: readonly EventEntry[];
  /** Office phrases by their first folded word, longest first: `findOffices` looks up one word, not every phrase. */
  officesByFirstWord: ReadonlyMap<string, readonly PhraseEntry<string>[]>;
  /** Folded country name, adjective or city -> the country. */
  countryByName: ReadonlyMap<string, Country>;
  /** Country names, adjectives and cities by their first folded word, longest first. */
  countriesByFirstWord: ReadonlyMap<string, readonly PhraseEntry<Country>[]>;
  /** Folded party name or adjective in the registry -> party id. */
  partyByName: ReadonlyMap<string, string>;
  /** Registry party id -> the geo lexicon's country id ("eu" -> "eu"). */
  partyCountry: ReadonlyMap<string, string>;
  /** Every folded word the claims, their extra terms and the registry use. */
  vocabulary: ReadonlySet<string>;
  /** How rare each vocabulary word is across claims: log(1 + claims / claims using it). */
  weight: (term: string) => number;
  /** Claims whose words fuzzily match `term`, with the match quality (1 exact .. 0). Cached. */
  claimsForTerm: (term: string) => readonly { claim: number; quality: number }[];
  /** Named things (folded capitalised runs) the reference itself mentions. */
  namedInReference: ReadonlySet<string>;
  /** Countries the reference names as countries (not inside a longer name such as "East China Sea"). */
  countriesInReference: ReadonlySet<string>;
  // Derived once from the registry, because the rules would otherwise rebuild
  // them for every sentence; each is exactly what the rule computed inline.
  /** The geo lexicon's countries of the registry's parties (the values of `partyCountry`). */
  partyCountries: ReadonlySet<string>;
  /** Every folded word of every event noun ("strategic", "dialogue", "summit"). */
  eventNounWords: ReadonlySet<string>;
  /** Folded names of the places where the registry's events happened. */
  eventPlaceNames: ReadonlySet<string>;
  /** Each event's head nouns, folded: the last word of each of its nouns ("dialogue"). */
  eventHeads: ReadonlyMap<EventEntry, ReadonlySet<string>>;
  /** The documents' rankings whose scope the registry names, in document and ranking order, with the scope's folded names. */
  rankings: readonly { ranking: Ranking; scope: Place; scopeWords: ReadonlySet<string> }[];
  /** The year of the reference's meeting (from the source date). */
  meetingYear: number | undefined;
}

const JOINERS = new Set(['of', 'for', 'and', 'the', 'de', 'in', '&']);

/** Whether `text.slice(from, to).trim()` is empty: every character is one that `trim` removes. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (!space) return false;
  }
  return true;
}

/** Capitalised runs of a text ("East China Sea", "Takeshi Iwaya"), folded; small joining words inside are kept. */
export function capitalisedRuns(text: string, tokens: readonly Token[] = tokenize(text)): { run: string; start: number; end: number; first: boolean }[] {
  const runs: { run: string; start: number; end: number; first: boolean }[] = [];
  let current: { words: string[]; start: number; end: number; first: boolean } | undefined;
  const close = () => {
    if (current) runs.push({ run: current.words.join(' '), start: current.start, end: current.end, first: current.first });
    current = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A run is one name: punctuation between two words ends it.
    if (current && !blank(text, current.end, t.start)) close();
    const capital = startsWithCapital(t.text);
    if (capital) {
      if (current) {
        current.words.push(t.norm);
        current.end = t.end;
      } else current = { words: [t.norm], start: t.start, end: t.end, first: i === 0 };
      continue;
    }
    const next = tokens[i + 1];
    if (current && JOINERS.has(t.norm) && next && startsWithCapital(next.text) && blank(text, t.end, next.start)) {
      current.words.push(t.norm);
      current.end = t.end;
      continue;
    }
    close();
  }
  close();
  return runs;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compileKnowledge(set: ClaimSet): Knowledge {
  const { registry, claims } = set;
  const personByName = new Map<string, Person[]>();
  for (const person of registry.people) {
    for (const name of [...person.given, ...person.family]) addTo(personByName, foldForMatch(name), person);
  }
  const documentByAcronym = new Map<string, DocumentEntry>();
  const documentsByQualifier = new Map<string, DocumentEntry[]>();
  for (const doc of registry.documents) {
    for (const acronym of doc.acronyms) documentByAcronym.set(foldForMatch(acronym), doc);
    for (const q of doc.qualifiers) addTo(documentsByQualifier, foldForMatch(q), doc);
  }
  const officesByFirstWord = indexByFirstWord(Object.entries(OFFICE_PHRASES).flatMap(([office, phrases]) => phrases.map((p): [string, string] => [p, office])));
  const countryByName = new Map<string, Country>();
  for (const country of COUNTRIES) {
    for (const name of [...country.names, ...country.adjectives, ...country.cities]) {
      if (!countryByName.has(name)) countryByName.set(name, country);
    }
  }
  const countriesByFirstWord = indexByFirstWord(countryByName);
  const partyByName = new Map<string, string>();
  for (const party of registry.parties) {
    for (const name of [...party.names, ...party.adjectives]) partyByName.set(foldForMatch(name), party.id);
  }
  const partyCountry = new Map<string, string>();
  for (const party of registry.parties) {
    const country = party.names.map((n) => countryByName.get(foldForMatch(n))).find((c) => c !== undefined);
    if (country) partyCountry.set(party.id, country.id);
  }

  // The vocabulary: claim words, their extra terms, and every registry name,
  // so "Asia-Pacific" or "top diplomat" count as words the reference knows.
  const registryWords: string[] = [];
  for (const p of registry.people) registryWords.push(p.name, ...p.given, ...p.family, p.office);
  for (const p of registry.parties) registryWords.push(...p.names, ...p.adjectives);
  for (const p of registry.places) registryWords.push(...p.names);
  for (const d of registry.documents) registryWords.push(d.name, d.short, ...d.acronyms, ...d.qualifiers);
  for (const e of registry.events) registryWords.push(e.name, ...e.nouns);
  for (const p of registry.people) for (const office of p.offices) registryWords.push(...(OFFICE_PHRASES[office] ?? []));

  const claimTerms = claims.map((claim) => {
    const words = new Set<string>();
    for (const t of tokenize(`${claim.passage} ${(claim.terms ?? []).join(' ')}`)) {
      if (!STOPWORDS.has(t.norm)) for (const part of splitCompound(t.norm)) words.add(part);
    }
    return words;
  });
  const entries = new Map<string, VocabularyEntry>();
  claimTerms.forEach((words, index) => {
    for (const word of words) {
      const entry = entries.get(word);
      if (entry) entry.claims.push(index);
      else entries.set(word, { term: word, claims: [index] });
    }
  });
  const vocabulary = new Set<string>(entries.keys());
  for (const text of registryWords) for (const t of tokenize(text)) for (const part of splitCompound(t.norm)) vocabulary.add(part);

  const claimCount = claims.length;
  const weight = (term: string): number => {
    const used = entries.get(term)?.claims.length ?? 0;
    return Math.log(1 + claimCount / (used || 0.5));
  };

  // fuse.js finds the claims a sentence word may stand for, misspelt or
  // inflected ("defense" ~ "defence", "announces" ~ "announced"). The index is
  // built once, when a sentence's support is first measured (on a page about
  // something else, never: see `Assessment`); every lookup is cached, since
  // news repeats its words.
  let fuse: Fuse<VocabularyEntry> | undefined;
  const fuzzyIndex = () =>
    (fuse ??= new Fuse([...entries.values()], {
      keys: ['term'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.25,
      minMatchCharLength: 3,
      shouldSort: true,
    }));
  const cache = new Map<string, { claim: number; quality: number }[]>();
  const claimsForTerm = (term: string) => {
    const hit = cache.get(term);
    if (hit) return hit;
    const found = new Map<number, number>();
    const exact = entries.get(term);
    if (exact) for (const c of exact.claims) found.set(c, 1);
    else if (term.length >= 5) {
      for (const result of fuzzyIndex().search(term, { limit: 5 })) {
        const candidate = result.item.term;
        // Only near-whole-word matches count: a sentence word inside a longer claim word is not that word.
        if (Math.abs(candidate.length - term.length) > 2 || candidate.slice(0, 3) !== term.slice(0, 3)) continue;
        const quality = 1 - (result.score ?? 1);
        for (const c of result.item.claims) found.set(c, Math.max(found.get(c) ?? 0, quality));
      }
    }
    const list = [...found].map(([claim, quality]) => ({ claim, quality }));
    if (cache.size > 50_000) cache.clear();
    cache.set(term, list);
    return list;
  };

  const namedInReference = new Set<string>();
  const countriesInReference = new Set<string>();
  for (const claim of claims) {
    for (const { run } of capitalisedRuns(claim.passage)) {
      namedInReference.add(run);
      const country = countryByName.get(run);
      if (country) countriesInReference.add(country.id);
      for (const word of run.split(' ')) {
        const inside = countryByName.get(word);
        // "EU-Japan", "DPRK troops": a country named as a word of a longer run counts too, unless the run is a proper place of its own ("East China Sea").
        if (inside && !/\b(sea|strait|ocean|gulf|peninsula)\b/.test(run)) countriesInReference.add(inside.id);
      }
      for (const part of run.split(/[\s-]/)) {
        const inside = countryByName.get(part);
        if (inside && !/\b(sea|strait|ocean|gulf|peninsula)\b/.test(run)) countriesInReference.add(inside.id);
      }
    }
  }
  for (const party of registry.parties) {
    for (const name of party.names) {
      namedInReference.add(foldForMatch(name));
      const country = countryByName.get(foldForMatch(name));
      if (country) countriesInReference.add(country.id);
    }
  }

  const rankings: Knowledge['rankings'][number][] = [];
  for (const doc of registry.documents) {
    for (const ranking of doc.rankings) {
      const scope = registry.places.find((p) => p.id === ranking.scope);
      if (scope) rankings.push({ ranking, scope, scopeWords: new Set(scope.names.map((n) => n.toLowerCase().replace(/^the /, ''))) });
    }
  }

  return {
    set,
    claims,
    claimById: new Map(claims.map((c) => [c.id, c])),
    people: registry.people,
    personByName,
    documents: registry.documents,
    documentByAcronym,
    documentsByQualifier,
    events: registry.events,
    officesByFirstWord,
    countryByName,
    countriesByFirstWord,
    partyByName,
    partyCountry,
    vocabulary,
    weight,
    claimsForTerm,
    namedInReference,
    countriesInReference,
    partyCountries: new Set(partyCountry.values()),
    eventNounWords: new Set(registry.events.flatMap((e) => e.nouns.flatMap((n) => n.toLowerCase().split(' ')))),
    eventPlaceNames: new Set(registry.events.flatMap((e) => (e.place ? registry.places.find((p) => p.id === e.place)?.names.map((n) => n.toLowerCase()) ?? [] : []))),
    eventHeads: new Map(registry.events.map((e) => [e, new Set(e.nouns.map((n) => n.toLowerCase().split(' ').at(-1)!))])),
    rankings,
    meetingYear: set.source.date.split('-').map(Number)[0],
  };
}

/** "counter-terrorism" is also "counter" and "terrorism"; "eu-japan" is also "eu" and "japan". */
export function splitCompound(word: string): string[] {
  if (!word.includes('-')) return [word];
  return [word, ...word.split('-').filter((p) => p.length > 1)];
}
