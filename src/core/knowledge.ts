import type { Claim, ClaimSet, DocumentEntry, EventEntry, Person, Place, Ranking } from './claims/types';
import { COUNTRIES, type Country } from './lexicon/geo';
import { OFFICE_PHRASES } from './lexicon/offices';
import { foldForMatch, startsWithCapital, tokenize, type Token } from './text/normalize';
import { compileVocabulary, type ClaimVocabulary } from './vocabulary';

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

/**
 * What the engine derives once from a claim set: lookup tables for names,
 * the vocabulary and its fuzzy index, and the named things the reference
 * speaks of. Built once per claim set and shared by every check; the parts
 * that only judging a sentence reads (the vocabulary and claim terms, the
 * rules' tables) are built when first read, which a page about something
 * else never does.
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
  /** Each event's nouns in lower case, with how many words each has ("strategic dialogue", 2). */
  eventNouns: ReadonlyMap<EventEntry, readonly { lower: string; words: number }[]>;
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
  // What reading a sentence's facts needs (the people, offices, places,
  // documents and events it names) is compiled here, on the first sentence
  // that passes the gate. What only judging a sentence needs is compiled on
  // the first judgement, once (see `Judging`): a page about something else,
  // where common words still let sentences through the gate, never asks for
  // a judgement and never pays for it.
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
  const { officesByFirstWord, countryByName, countriesByFirstWord } = lexiconTables();
  const partyByName = new Map<string, string>();
  for (const party of registry.parties) {
    for (const name of [...party.names, ...party.adjectives]) partyByName.set(foldForMatch(name), party.id);
  }
  const partyCountry = new Map<string, string>();
  for (const party of registry.parties) {
    const country = party.names.map((n) => countryByName.get(foldForMatch(n))).find((c) => c !== undefined);
    if (country) partyCountry.set(party.id, country.id);
  }

  // Read by the facts only when a sentence names a country that is no party
  // (`otherParties`), and by the judgement: made on first use, once.
  let named: ReferenceNames | undefined;
  const referenceNames = () => (named ??= namesInReference(set, countryByName));
  let judging: Judging | undefined;
  const judged = () => (judging ??= compileJudging(set));

  return {
    set,
    claims,
    get claimById() {
      return judged().claimById;
    },
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
    get vocabulary() {
      return judged().vocabulary.vocabulary;
    },
    get weight() {
      return judged().vocabulary.weight;
    },
    get claimsForTerm() {
      return judged().vocabulary.claimsForTerm;
    },
    get namedInReference() {
      return referenceNames().namedInReference;
    },
    get countriesInReference() {
      return referenceNames().countriesInReference;
    },
    partyCountries: new Set(partyCountry.values()),
    get eventNounWords() {
      return judged().eventNounWords;
    },
    get eventPlaceNames() {
      return judged().eventPlaceNames;
    },
    eventHeads: new Map(registry.events.map((e) => [e, new Set(e.nouns.map((n) => n.toLowerCase().split(' ').at(-1)!))])),
    eventNouns: new Map(registry.events.map((e) => [e, e.nouns.map((n) => ({ lower: n.toLowerCase(), words: n.split(' ').length }))])),
    get rankings() {
      return judged().rankings;
    },
    get meetingYear() {
      return judged().meetingYear;
    },
  };
}

/** The parts of `Knowledge` that only judging a sentence reads. */
interface Judging {
  vocabulary: ClaimVocabulary;
  claimById: ReadonlyMap<string, Claim>;
  eventNounWords: ReadonlySet<string>;
  eventPlaceNames: ReadonlySet<string>;
  rankings: Knowledge['rankings'];
  meetingYear: number | undefined;
}

function compileJudging(set: ClaimSet): Judging {
  const { registry, claims } = set;
  const rankings: Knowledge['rankings'][number][] = [];
  for (const doc of registry.documents) {
    for (const ranking of doc.rankings) {
      const scope = registry.places.find((p) => p.id === ranking.scope);
      if (scope) rankings.push({ ranking, scope, scopeWords: new Set(scope.names.map((n) => n.toLowerCase().replace(/^the /, ''))) });
    }
  }
  return {
    vocabulary: compileVocabulary(set),
    claimById: new Map(claims.map((c) => [c.id, c])),
    eventNounWords: new Set(registry.events.flatMap((e) => e.nouns.flatMap((n) => n.toLowerCase().split(' ')))),
    eventPlaceNames: new Set(registry.events.flatMap((e) => (e.place ? registry.places.find((p) => p.id === e.place)?.names.map((n) => n.toLowerCase()) ?? [] : []))),
    rankings,
    meetingYear: set.source.date.split('-').map(Number)[0],
  };
}

interface ReferenceNames {
  namedInReference: ReadonlySet<string>;
  countriesInReference: ReadonlySet<string>;
}

/** The named things and countries the claims' passages and the registry's parties name. */
function namesInReference(set: ClaimSet, countryByName: ReadonlyMap<string, Country>): ReferenceNames {
  const namedInReference = new Set<string>();
  const countriesInReference = new Set<string>();
  for (const claim of set.claims) {
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
  for (const party of set.registry.parties) {
    for (const name of party.names) {
      namedInReference.add(foldForMatch(name));
      const country = countryByName.get(foldForMatch(name));
      if (country) countriesInReference.add(country.id);
    }
  }
  return { namedInReference, countriesInReference };
}

/** Tables of the lexicon alone (offices, countries), which the facts of every sentence read. */
function lexiconTables(): { officesByFirstWord: Map<string, PhraseEntry<string>[]>; countryByName: Map<string, Country>; countriesByFirstWord: Map<string, PhraseEntry<Country>[]> } {
  const officesByFirstWord = indexByFirstWord(Object.entries(OFFICE_PHRASES).flatMap(([office, phrases]) => phrases.map((p): [string, string] => [p, office])));
  const countryByName = new Map<string, Country>();
  for (const country of COUNTRIES) {
    for (const name of [...country.names, ...country.adjectives, ...country.cities]) {
      if (!countryByName.has(name)) countryByName.set(name, country);
    }
  }
  return { officesByFirstWord, countryByName, countriesByFirstWord: indexByFirstWord(countryByName) };
}

export { splitCompound } from './vocabulary';
