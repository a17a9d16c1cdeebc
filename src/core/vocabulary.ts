import Fuse from 'fuse.js';
import type { ClaimSet } from './claims/types';
import { OFFICE_PHRASES } from './lexicon/offices';
import { STOPWORDS } from './lexicon/words';
import { SYNONYM_GROUPS, stem } from './lexicon/synonyms';
import { tokenize } from './text/normalize';

/** A word of the claims' vocabulary and the claims that use it. */
interface VocabularyEntry {
  term: string;
  claims: number[];
}

/**
 * The words of the claims and how a sentence word leads to claims: what
 * measuring a sentence's support reads, and nothing that reads a sentence's
 * facts does. Compiled apart from the rest of `Knowledge`, on the first
 * judgement: a page about something else never asks for one, so it never
 * tokenises the claims' passages for this.
 */
export interface ClaimVocabulary {
  /** Every folded word the claims, their extra terms and the registry use. */
  vocabulary: ReadonlySet<string>;
  /** How rare each vocabulary word is across claims: log(1 + claims / claims using it). */
  weight: (term: string) => number;
  /** Claims whose words fuzzily match `term`, with the match quality (1 exact .. 0). Cached. */
  claimsForTerm: (term: string) => readonly { claim: number; quality: number }[];
}

export function compileVocabulary(set: ClaimSet): ClaimVocabulary {
  const { registry, claims } = set;
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

  // Claim words by stem, and each word's synonyms, for sentence words that
  // are not claim words as written.
  const byStem = new Map<string, Set<number>>();
  for (const [word, entry] of entries) {
    const key = stem(word);
    let set = byStem.get(key);
    if (!set) byStem.set(key, (set = new Set()));
    for (const c of entry.claims) set.add(c);
  }
  const synonymsOf = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const stems = group.map(stem);
    for (const s of stems) synonymsOf.set(s, [...new Set([...(synonymsOf.get(s) ?? []), ...stems.filter((o) => o !== s)])]);
  }

  const claimCount = claims.length;
  const weight = (term: string): number => {
    const used = entries.get(term)?.claims.length ?? 0;
    return Math.log(1 + claimCount / (used || 0.5));
  };

  // fuse.js finds the claims a sentence word may stand for, misspelt or
  // inflected ("defense" ~ "defence", "announces" ~ "announced"). The index is
  // built once, when a word first needs it (an exact word never does); every
  // lookup is cached, since news repeats its words.
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
    // The same word inflected or derived ("condemned" for "condemnation"), or
    // a word news uses for it ("unveiled" for "announced"); a synonym counts
    // at most where the claim does not use the word itself.
    const key = stem(term);
    for (const c of byStem.get(key) ?? []) if (!found.has(c)) found.set(c, 0.9);
    for (const synonym of synonymsOf.get(key) ?? []) for (const c of byStem.get(synonym) ?? []) if (!found.has(c)) found.set(c, 0.75);
    if (found.size === 0 && term.length >= 5) {
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

  return { vocabulary, weight, claimsForTerm };
}

/** "counter-terrorism" is also "counter" and "terrorism"; "eu-japan" is also "eu" and "japan". */
export function splitCompound(word: string): string[] {
  if (!word.includes('-')) return [word];
  return [word, ...word.split('-').filter((p) => p.length > 1)];
}
