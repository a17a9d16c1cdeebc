import type { DocumentEntry } from '../claims/types';
import type { Knowledge } from '../knowledge';
import { NUMBER_WORDS, ORDINAL_WORDS, parseCount } from '../lexicon/numbers';
import { ACTION_WORDS, DOCUMENT_NOUNS, ENTRY_INTO_FORCE, NEGATIONS, OTHER_DOCUMENT_QUALIFIERS } from '../lexicon/words';
import { bare, phraseAt, type AnalysedSentence } from './sentence';

/** A country, union or city the sentence names. */
export interface PlaceMention {
  country: string;
  /** The city, when a city is named. */
  city?: string;
  first: number;
  last: number;
  written: string;
  /** Written after "in", "at" or "from": it says where something happened. */
  located: boolean;
  /** Written after "to", "for", "towards": a destination, neither a party nor the place of an event. */
  destination: boolean;
}

/** Countries, unions and cities, longest name first ("South Korea" before "Korea"). */
export function findPlaces(s: AnalysedSentence, k: Knowledge): PlaceMention[] {
  const { tokens } = s;
  const found: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Both ways of naming a place below need a capital ("US", not "us"): a
    // word without one is settled before any lookup.
    if (!s.capital(i)) continue;
    const hit = phraseAt(s, i, k.countriesByFirstWord, true);
    if (hit) {
      const country = hit.value;
      const name = tokens.slice(i, hit.last + 1).map((t) => bare(t.norm)).join(' ');
      const city = country.cities.includes(name) ? name : undefined;
      const previous = tokens[i - 1]?.norm;
      found.push({
        country: country.id,
        ...(city ? { city } : {}),
        first: i,
        last: hit.last,
        written: s.text.slice(tokens[i]!.start, tokens[hit.last]!.end),
        located: previous === 'in' || previous === 'at' || previous === 'from',
        destination: previous === 'to' || previous === 'for' || previous === 'towards' || previous === 'toward',
      });
      i = hit.last;
      continue;
    }
    // "EU-Japan", "Japan-EU": both parties in one word.
    // Two parts need a hyphen: most words are settled without splitting.
    const parts = tokens[i]!.norm.includes('-') ? tokens[i]!.norm.split('-') : [];
    // Both parts must be places: "France-Presse" is an agency, not France.
    if (parts.length === 2 && parts.every((part) => k.countryByName.has(part))) {
      for (const part of parts) {
        const country = k.countryByName.get(part)!;
        found.push({ country: country.id, first: i, last: i, written: tokens[i]!.text, located: false, destination: false });
      }
    }
  }
  return found;
}

/** An ordinal and the noun it ranks: "first country", "second Strategic Dialogue". */
export interface OrdinalMention {
  value: number;
  index: number;
  /** The next few words, folded, where the ranked noun is. */
  following: string[];
}

export function findOrdinals(s: AnalysedSentence): OrdinalMention[] {
  const found: OrdinalMention[] = [];
  s.tokens.forEach((t, i) => {
    const value = ORDINAL_WORDS.get(t.norm);
    if (value === undefined) return;
    // "first" as an adverb ("first announced", "at first") ranks nothing.
    const previous = s.tokens[i - 1]?.norm;
    if (t.norm === 'first' && (previous === 'at' || previous === 'for')) return;
    found.push({ value, index: i, following: s.tokens.slice(i + 1, i + 14).map((x) => x.norm) });
  });
  return found;
}

/** A count and what it counts: "27 EU Member States". */
export interface CountMention {
  value: number;
  index: number;
  following: string[];
}

export function findCounts(s: AnalysedSentence): CountMention[] {
  const found: CountMention[] = [];
  s.tokens.forEach((t, i) => {
    const value = parseCount(t.norm);
    if (value === undefined || (/^(19|20)\d\d$/.test(t.norm) && !NUMBER_WORDS.has(t.norm))) return;
    found.push({ value, index: i, following: s.tokens.slice(i + 1, i + 5).map((x) => x.norm) });
  });
  return found;
}

/** A document the sentence names: one of the registry's, some other one, or a bare "the agreement" to resolve from context. */
export interface DocumentMention {
  doc?: DocumentEntry;
  /** Named with qualifiers of no registry document ("Economic Partnership Agreement"). */
  other: boolean;
  /** "the agreement", "the pact", "it": no qualifier. */
  generic: boolean;
  index: number;
}

const DOCUMENT_FILLER = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'their', 'new', 'landmark', 'comprehensive', 'formal', 'bilateral', 'historic', 'historical', 'significant', 'pivotal', 'such', 'and', 'eu-japan', 'japan-eu', 'eu', 'japan', "japan's", "eu's", 'political', 'enhanced', 'broad', 'wide-ranging', 'major', 'first', 'officially', 'official']);

export function findDocuments(s: AnalysedSentence, k: Knowledge): DocumentMention[] {
  const t = s.words;
  const found: DocumentMention[] = [];
  t.forEach((word, i) => {
    const acronym = k.documentByAcronym.get(word);
    if (acronym && s.tokens[i]!.text === s.tokens[i]!.text.toUpperCase()) {
      found.push({ doc: acronym, other: false, generic: false, index: i });
      return;
    }
    if (!DOCUMENT_NOUNS.has(word)) return;
    const qualifiers: string[] = [];
    // Before the noun: "security and defence partnership", "strategic, security, and defence partnership".
    for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
      const w = t[j]!;
      if (k.documentsByQualifier.has(w) || OTHER_DOCUMENT_QUALIFIERS.has(w)) qualifiers.push(w);
      else if (!DOCUMENT_FILLER.has(w) && !/^[,]$/.test(w)) break;
    }
    // After it: "agreement on a strategic partnership", "partnership in the field of security and defense".
    const after = t.slice(i + 1, i + 8);
    const lead = after.findIndex((w) => !['on', 'for', 'in', 'the', 'field', 'of', 'area', 'areas', 'a', 'an'].includes(w));
    if (lead > 0) {
      for (const w of after.slice(lead, lead + 4)) {
        if (k.documentsByQualifier.has(w)) qualifiers.push(w);
        else if (!['and', ','].includes(w) && !DOCUMENT_NOUNS.has(w)) break;
      }
    }
    const docs = new Set<DocumentEntry>();
    for (const q of qualifiers) for (const d of k.documentsByQualifier.get(q) ?? []) docs.add(d);
    // "strategic dialogue" is an event, and the strategic partnership's qualifier alone does not make a security pact a different one.
    if (docs.size > 0) for (const doc of docs) found.push({ doc, other: false, generic: false, index: i });
    else if (qualifiers.some((q) => OTHER_DOCUMENT_QUALIFIERS.has(q))) found.push({ other: true, generic: false, index: i });
    else found.push({ other: false, generic: true, index: i });
  });
  return found;
}

/** Something said to have happened to a document: signed, announced, entered into force… */
export interface ActionMention {
  action: keyof typeof ACTION_WORDS;
  index: number;
  /** "did not sign", "was never ratified". */
  negated: boolean;
}

const ACTION_BY_WORD = new Map<string, keyof typeof ACTION_WORDS>();
for (const [action, words] of Object.entries(ACTION_WORDS)) for (const w of words) ACTION_BY_WORD.set(w, action as keyof typeof ACTION_WORDS);

export function findActions(s: AnalysedSentence): ActionMention[] {
  const t = s.words;
  // A negation reaches the act right after it ("did not sign"), not past a
  // contrast or another act ("not signed but announced").
  const negatedAt = (i: number) => {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const w = t[j]!;
      if (NEGATIONS.has(w)) return true;
      if (w === 'but' || w === 'rather' || w === 'instead' || ACTION_BY_WORD.has(w)) return false;
    }
    return false;
  };
  const found: ActionMention[] = [];
  t.forEach((word, i) => {
    const action = ACTION_BY_WORD.get(word);
    if (action) found.push({ action, index: i, negated: negatedAt(i) });
  });
  const force = ENTRY_INTO_FORCE.exec(s.folded);
  if (force) {
    // The phrase's last word stands for it: dates follow it ("take effect on 1 January").
    const start = s.folded.slice(0, force.index).split(' ').length - 1;
    const index = s.folded.slice(0, force.index + force[0].length).split(' ').length - 1;
    found.push({ action: 'enter-into-force', index, negated: negatedAt(start) });
  }
  return found;
}
