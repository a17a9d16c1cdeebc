import { MONTHS, WEEKDAYS } from './lexicon/calendar';
import { HAPPENING_WORDS, SPEECH_VERBS, STOPWORDS } from './lexicon/words';
import { compareDates } from './facts/dates';
import { asideTokens, HONORIFICS } from './facts/asides';
import { editDistance } from './facts/distance';
import { capitalisedRuns, splitCompound, type Knowledge } from './knowledge';
import type { SentenceFacts } from './rules/facts';
import type { DateSpec } from './claims/types';

/** Words for being somewhere for talks, which the place of the reference's event covers. */
const MEETING_WORDS = new Set(['visit', 'visits', 'visited', 'visiting', 'trip', 'arrived', 'tour']);

/** How well the claims cover a sentence. */
export interface Support {
  /** Share (0..1) of the sentence's content words, weighted by rarity, that the best two claims cover. */
  coverage: number;
  /** The claim that covers most, if any covers anything. */
  claim?: number;
  /** Content words the best claim shares with the sentence. */
  shared: number;
  /** What the sentence asserts that nothing in the reference mentions: names, dates, happenings. */
  uncovered: string[];
  /** The sentence goes on with the claim the sentence before it restated ("But they can be improved."), every word of it that claim's. */
  continues?: boolean;
}

/** A token's content word ("japan's" -> "japan"), or null for a function word, a verb of saying or a figure. Lexicon-only, so shared by every checker. */
const contentWordCache = new Map<string, string | null>();

function contentWordOf(norm: string): string | null {
  let word = contentWordCache.get(norm);
  if (word === undefined) {
    word = norm.length < 2 || STOPWORDS.has(norm) || SPEECH_VERBS.has(norm) || /^\d/.test(norm) ? null : norm.replace(/'s$/, '');
    if (contentWordCache.size > 50_000) contentWordCache.clear();
    contentWordCache.set(norm, word);
  }
  return word;
}

/**
 * What one content word brings to each claim: its rarity weight, and for every
 * claim its parts fuzzily match, the best weight x match quality. Depends on
 * the word alone, so it is computed once per word and checker (news repeats
 * its words), not once per sentence. `claims` is in the order the claims were
 * first matched, which decides ties between claims.
 */
interface WordSupport {
  weight: number;
  claims: number[];
  values: number[];
}

let scratch = { score: new Float64Array(0), shared: new Int32Array(0) };

/** Per-claim arrays for `measureSupport`, all zero in `shared` between calls. */
function scratchFor(claims: number): { score: Float64Array; shared: Int32Array } {
  if (scratch.shared.length < claims) scratch = { score: new Float64Array(claims), shared: new Int32Array(claims) };
  return scratch;
}

const wordSupportCache = new WeakMap<Knowledge, Map<string, WordSupport>>();

function wordSupport(word: string, k: Knowledge): WordSupport {
  let cache = wordSupportCache.get(k);
  if (!cache) wordSupportCache.set(k, (cache = new Map()));
  let entry = cache.get(word);
  if (entry) return entry;
  const weight = k.weight(word);
  const claims: number[] = [];
  const values: number[] = [];
  for (const part of splitCompound(word)) {
    for (const { claim, quality } of k.claimsForTerm(part)) {
      const at = claims.indexOf(claim);
      if (at < 0) {
        claims.push(claim);
        values.push(Math.max(0, weight * quality));
      } else values[at] = Math.max(values[at]!, weight * quality);
    }
  }
  entry = { weight, claims, values };
  if (cache.size > 50_000) cache.clear();
  cache.set(word, entry);
  return entry;
}

/** Words the reference writes with a capital, and the registry's names: the named things it knows. */
function knownNames(k: Knowledge): Set<string> {
  const known = new Set<string>();
  for (const run of k.namedInReference) for (const w of run.split(/[\s]/)) known.add(w);
  for (const word of k.vocabulary) known.add(word);
  return known;
}

const NO_WORDS: ReadonlySet<string> = new Set();

const namesCache = new WeakMap<Knowledge, Set<string>>();
const variantCache = new WeakMap<Knowledge, Map<string, boolean>>();

/** A spelling variant of a known name ("Defense" for "Defence") is known; answers are cached, since pages repeat their names. */
function variantOfKnown(word: string, known: Set<string>, k: Knowledge): boolean {
  if (word.length < 6) return false;
  let cache = variantCache.get(k);
  if (!cache) variantCache.set(k, (cache = new Map()));
  let answer = cache.get(word);
  if (answer === undefined) {
    answer = false;
    for (const x of known) {
      if (x.length >= 6 && x[0] === word[0] && editDistance(word, x, 1) <= 1) {
        answer = true;
        break;
      }
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(word, answer);
  }
  return answer;
}

const knownWordCache = new WeakMap<Knowledge, Map<string, boolean>>();

/** A word the reference knows as a name, whole or by its parts, or a spelling variant of one; depends on the word alone, so remembered. */
function knownWord(w: string, known: Set<string>, k: Knowledge): boolean {
  let cache = knownWordCache.get(k);
  if (!cache) knownWordCache.set(k, (cache = new Map()));
  let answer = cache.get(w);
  if (answer === undefined) {
    answer = splitCompound(w).every((part) => known.has(part) || k.countryByName.has(part)) || variantOfKnown(w, known, k);
    if (cache.size > 10_000) cache.clear();
    cache.set(w, answer);
  }
  return answer;
}

/** The sentence opens with a name, not just a capital: "Ishiba and Borrell…", "Kallas said…". */
function nameAtStart(f: SentenceFacts): boolean {
  const next = f.s.tokens[1]?.norm ?? '';
  const gap = f.s.gapBefore(1);
  if (gap.trim() !== '') return false;
  return SPEECH_VERBS.has(next) || (next === 'and' && f.s.capital(2));
}

/** A named thing of the sentence the reference does not know: a word capitalised mid-sentence that is not a reference name, country or date. */
function unknownNames(f: SentenceFacts): string[] {
  const { k } = f;
  let known_ = namesCache.get(k);
  if (!known_) namesCache.set(k, (known_ = knownNames(k)));
  const out: string[] = [];
  const countryWords = new Set<string>();
  const runs = capitalisedRuns(f.s.text, f.s.tokens);
  const aside = f.aside();
  for (const place of f.places) {
    if (aside[place.first]) continue;
    // "Taiwan" inside "Taiwan Strait", a name the reference uses, is that name, not the country.
    const start = f.s.tokens[place.first]!.start;
    const insideKnownName = runs.some((r) => r.start <= start && start < r.end && k.namedInReference.has(r.run));
    // A city is known only if the reference names that city: Osaka is not Tokyo, though both are in Japan.
    const known = place.city !== undefined ? k.namedInReference.has(place.city) : k.countriesInReference.has(place.country);
    if (!known && !insideKnownName) out.push(place.written);
    for (let i = place.first; i <= place.last; i++) countryWords.add(f.s.tokens[i]!.norm);
  }
  const misspelt = f.people.some((p) => p.misspelt) ? new Set(f.people.filter((p) => p.misspelt).flatMap((p) => p.written.toLowerCase().split(/\s+/))) : NO_WORDS;
  // Runs come in text order: the token each starts at is found by walking on.
  let at = 0;
  for (const run of runs) {
    const words = run.run.split(' ');
    // A name in a dateline, a parenthesis or a background clause asserts nothing.
    while (at < f.s.tokens.length && f.s.tokens[at]!.start < run.start) at += 1;
    if (aside[at]) continue;
    // The words as written, only needed once a word is reported.
    let written: string[] | undefined;
    const asWritten = (i: number) => (written ??= f.s.text.slice(run.start, run.end).split(/\s+/))[i] ?? words[i]!;
    // Report each stretch of unknown words as written ("Gen Nakatani"), not the whole run.
    let stretch: string[] = [];
    const flush = () => {
      while (stretch.length > 0 && STOPWORDS.has(stretch[stretch.length - 1]!.toLowerCase())) stretch.pop();
      if (stretch.length > 0) out.push(stretch.join(' '));
      stretch = [];
    };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const w = word.includes("'") ? word.replace(/'s$/, '') : word;
      // A small word inside a name ("Minister of Defence") neither starts nor ends a stretch.
      if (STOPWORDS.has(w)) {
        if (stretch.length > 0) stretch.push(asWritten(i));
        continue;
      }
      const known =
        (i === 0 && run.first && !nameAtStart(f)) ||
        countryWords.has(word) ||
        misspelt.has(w) ||
        HONORIFICS.has(w.replace(/\.$/, '')) ||
        MONTHS.has(w) ||
        WEEKDAYS.has(w) ||
        /^\d/.test(w) ||
        knownWord(w, known_, k);
      if (known) flush();
      else stretch.push(asWritten(i));
    }
    flush();
  }
  return out;
}

/** Dates the sentence gives that match no date of the reference. */
function unknownDates(f: SentenceFacts, referenceDates: readonly DateSpec[]): string[] {
  const out: string[] = [];
  const aside = f.aside();
  for (const mention of f.dates) {
    // A dateline's date says when the story was filed, not what happened.
    if (!mention.date || aside[mention.first]) continue;
    if (!mention.date.month && !mention.date.day) {
      if (mention.date.year && referenceDates.some((d) => d.year === mention.date!.year)) continue;
    }
    // A written day is in the reference only if the reference gives that day, not merely a period around it.
    const precise = (d: DateSpec) => (!mention.date!.day || d.day !== undefined) && (!mention.date!.month || d.month !== undefined);
    if (referenceDates.some((d) => precise(d) && compareDates(mention.date!, d) === 'same')) continue;
    out.push(mention.written);
  }
  return out;
}

export function referenceDates(k: Knowledge): DateSpec[] {
  const dates: DateSpec[] = [];
  for (const e of k.events) if (e.date) dates.push(e.date);
  for (const d of k.documents) for (const a of d.actions) if (a.date) dates.push(a.date);
  return dates;
}

/**
 * Measure support. Candidate claims come from the fuzzy vocabulary index
 * (fuse.js); each sentence word counts by its rarity, so "Iwaya" and
 * "maritime" weigh more than "cooperation".
 */
export function measureSupport(f: SentenceFacts, dates: readonly DateSpec[]): Support {
  const { k } = f;
  // Each distinct content word once, in order of first use; every occurrence
  // counts towards the total. Scores add word by word in that order, and
  // claims rank by score, ties going to the claim matched first.
  const distinct: WordSupport[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const t of f.s.tokens) {
    const word = contentWordOf(t.norm);
    if (word === null) continue;
    const entry = wordSupport(word, k);
    total += entry.weight;
    if (seen.has(word)) continue;
    seen.add(word);
    distinct.push(entry);
  }
  // Scores and shared-word counts by claim, in arrays kept from one sentence
  // to the next (only the claims touched are reset), not allocated per sentence.
  const { score, shared } = scratchFor(k.claims.length);
  const order: number[] = [];
  for (const entry of distinct) {
    for (let n = 0; n < entry.claims.length; n++) {
      const claim = entry.claims[n]!;
      if (shared[claim] === 0) {
        order.push(claim);
        score[claim] = 0;
      }
      score[claim]! += entry.values[n]!;
      shared[claim]! += 1;
    }
  }
  let best = -1;
  for (const claim of order) if (best < 0 || score[claim]! > score[best]!) best = claim;
  let second = -1;
  for (const claim of order) if (claim !== best && (second < 0 || score[claim]! > score[second]!)) second = claim;
  const bestShared = best >= 0 ? shared[best]! : 0;
  for (const claim of order) shared[claim] = 0;
  let coverage = 0;
  if (best >= 0 && total > 0) {
    // The words either of the two best claims covers, each at the better of the two.
    // One scan of each word's claims finds its values at both; the sums keep
    // their order (words with the best claim first), so coverage is exactly
    // what it was.
    let covered = 0;
    const atSecondOnly: number[] = [];
    for (const entry of distinct) {
      let atBest = -1;
      let atSecond = -1;
      const claims = entry.claims;
      for (let n = 0; n < claims.length; n++) {
        if (claims[n] === best) atBest = n;
        else if (claims[n] === second) atSecond = n;
      }
      if (atBest >= 0) covered += atSecond < 0 ? entry.values[atBest]! : Math.max(entry.values[atBest]!, entry.values[atSecond]!);
      else if (atSecond >= 0) atSecondOnly.push(entry.values[atSecond]!);
    }
    for (const value of atSecondOnly) covered += Math.max(0, value);
    coverage = covered / total;
  }
  // Being in Tokyo for talks is what the reference reports: a visit, talks or a
  // meeting beside the place where the reference's event happened are covered.
  const eventPlaces = k.eventPlaceNames;
  const nearEventPlace = (i: number) => f.places.some((p) => p.city !== undefined && eventPlaces.has(p.city) && Math.abs(p.first - i) <= 3);
  const happenings: string[] = [];
  const tokens = f.s.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.norm;
    if (HAPPENING_WORDS.has(w) && !k.vocabulary.has(w) && !f.aside()[i] && !(MEETING_WORDS.has(w) && nearEventPlace(i))) happenings.push(w);
  }
  const uncovered: string[] = [];
  for (const list of [unknownNames(f), unknownDates(f, dates), happenings]) for (const u of list) if (!uncovered.includes(u)) uncovered.push(u);
  return {
    coverage: Math.min(1, coverage),
    ...(best >= 0 ? { claim: best } : {}),
    shared: bestShared,
    uncovered,
  };
}

/**
 * Whether a sentence's support is a close restatement of one claim: most of
 * its weighted words are the claim's, and enough of them that the match is
 * not a coincidence of two or three common words.
 */
export function restates(support: Support): boolean {
  return support.claim !== undefined && ((support.coverage >= 0.6 && support.shared >= 3) || (support.coverage >= 0.8 && support.shared >= 2) || support.continues === true);
}
