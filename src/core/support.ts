import { MONTHS, WEEKDAYS } from './lexicon/calendar';
import { HAPPENING_WORDS, SPEECH_VERBS, STOPWORDS } from './lexicon/words';
import { compareDates } from './facts/dates';
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
}

function contentWords(f: SentenceFacts): string[] {
  const words: string[] = [];
  for (const t of f.s.tokens) {
    if (t.norm.length < 2 || STOPWORDS.has(t.norm) || SPEECH_VERBS.has(t.norm) || /^\d/.test(t.norm)) continue;
    words.push(t.norm.replace(/'s$/, ''));
  }
  return words;
}

/** Words the reference writes with a capital, and the registry's names: the named things it knows. */
function knownNames(k: Knowledge): Set<string> {
  const known = new Set<string>();
  for (const run of k.namedInReference) for (const w of run.split(/[\s]/)) known.add(w);
  for (const word of k.vocabulary) known.add(word);
  return known;
}

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
  for (const place of f.places) {
    // "Taiwan" inside "Taiwan Strait", a name the reference uses, is that name, not the country.
    const start = f.s.tokens[place.first]!.start;
    const insideKnownName = runs.some((r) => r.start <= start && start < r.end && k.namedInReference.has(r.run));
    // A city is known only if the reference names that city: Osaka is not Tokyo, though both are in Japan.
    const known = place.city !== undefined ? k.namedInReference.has(place.city) : k.countriesInReference.has(place.country);
    if (!known && !insideKnownName) out.push(place.written);
    for (let i = place.first; i <= place.last; i++) countryWords.add(f.s.tokens[i]!.norm);
  }
  const misspelt = new Set(f.people.filter((p) => p.misspelt).flatMap((p) => p.written.toLowerCase().split(/\s+/)));
  for (const run of runs) {
    const words = run.run.split(' ');
    const written = f.s.text.slice(run.start, run.end).split(/\s+/);
    // Report each stretch of unknown words as written ("Gen Nakatani"), not the whole run.
    let stretch: string[] = [];
    const flush = () => {
      while (stretch.length > 0 && STOPWORDS.has(stretch[stretch.length - 1]!.toLowerCase())) stretch.pop();
      if (stretch.length > 0) out.push(stretch.join(' '));
      stretch = [];
    };
    words.forEach((word, i) => {
      const w = word.replace(/'s$/, '');
      const known =
        (i === 0 && run.first && !nameAtStart(f)) ||
        countryWords.has(word) ||
        misspelt.has(w) ||
        MONTHS.has(w) ||
        WEEKDAYS.has(w) ||
        /^\d/.test(w) ||
        splitCompound(w).every((part) => known_.has(part) || k.countryByName.has(part)) ||
        variantOfKnown(w, known_, k);
      if (STOPWORDS.has(w)) {
        if (stretch.length > 0) stretch.push(written[i] ?? word);
        return;
      }
      if (known) flush();
      else stretch.push(written[i] ?? word);
    });
    flush();
  }
  return out;
}

/** Dates the sentence gives that match no date of the reference. */
function unknownDates(f: SentenceFacts, referenceDates: readonly DateSpec[]): string[] {
  const out: string[] = [];
  for (const mention of f.dates) {
    if (!mention.date) continue;
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
  const words = contentWords(f);
  const perClaim = new Map<number, Map<string, number>>();
  let total = 0;
  for (const word of words) {
    const weight = k.weight(word);
    total += weight;
    for (const part of splitCompound(word)) {
      for (const { claim, quality } of k.claimsForTerm(part)) {
        let got = perClaim.get(claim);
        if (!got) perClaim.set(claim, (got = new Map()));
        got.set(word, Math.max(got.get(word) ?? 0, weight * quality));
      }
    }
  }
  const ranked = [...perClaim].map(([claim, got]) => ({ claim, got, score: [...got.values()].reduce((a, b) => a + b, 0) })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const second = ranked[1];
  let coverage = 0;
  if (best && total > 0) {
    const union = new Map(best.got);
    if (second) for (const [w, v] of second.got) union.set(w, Math.max(union.get(w) ?? 0, v));
    coverage = [...union.values()].reduce((a, b) => a + b, 0) / total;
  }
  // Being in Tokyo for talks is what the reference reports: a visit, talks or a
  // meeting beside the place where the reference's event happened are covered.
  const eventPlaces = k.eventPlaceNames;
  const nearEventPlace = (i: number) => f.places.some((p) => p.city !== undefined && eventPlaces.has(p.city) && Math.abs(p.first - i) <= 3);
  const happenings = f.s.tokens
    .map((t, i) => ({ w: t.norm, i }))
    .filter(({ w, i }) => HAPPENING_WORDS.has(w) && !k.vocabulary.has(w) && !(MEETING_WORDS.has(w) && nearEventPlace(i)))
    .map(({ w }) => w);
  const uncovered = [...new Set([...unknownNames(f), ...unknownDates(f, dates), ...happenings])];
  return {
    coverage: Math.min(1, coverage),
    ...(best ? { claim: best.claim } : {}),
    shared: best?.got.size ?? 0,
    uncovered,
  };
}
