import { ANTONYM_PAIRS, NEGATING_PREFIXES, NEGATIONS, STOPWORDS } from '../lexicon/words';
import { stem } from '../lexicon/synonyms';
import { foldForMatch, tokenize } from '../text/normalize';
import type { Finding } from './finding';
import type { SentenceFacts } from './facts';

/** "never been stronger" and "stronger than ever" say the same: count them alike. */
function canonical(folded: string): string {
  return folded
    .replace(/\bnever (?:been |before been |was |were )?(\w+er)\b/g, '$1 than ever')
    .replace(/\b(?:is|are|was|were) (?:at )?an all-time high\b/g, 'higher than ever');
}

function words_(text: string): string[] {
  return tokenize(canonical(foldForMatch(text))).map((t) => t.norm);
}

/** ASCII without a backtick and without the words `canonical` rewrites: folding changes only the case. */
const PLAIN_TEXT = /^[\x00-\x5f\x61-\x7f]*$/;
const REWRITTEN = /never|all-time/i;

/**
 * The sentence's words as `words_` gives them. For plain ASCII text that
 * `canonical` leaves alone, folding first only lower-cases, which changes no
 * word boundary, so the words are the sentence's own folded tokens and the
 * sentence need not be tokenised again.
 */
function wordsOfSentence(f: SentenceFacts): readonly string[] {
  const text = f.s.text;
  return PLAIN_TEXT.test(text) && !REWRITTEN.test(text) ? f.s.words : words_(text);
}

const claimWords = new Map<string, string[]>();

/** A claim's words are the same for every sentence: tokenize each passage once. */
function wordsOfClaim(passage: string): string[] {
  let words = claimWords.get(passage);
  if (!words) claimWords.set(passage, (words = words_(passage)));
  return words;
}

const claimSets = new Map<string, ReadonlySet<string>>();

function setOfClaim(passage: string, words: readonly string[]): ReadonlySet<string> {
  let set = claimSets.get(passage);
  if (!set) claimSets.set(passage, (set = new Set(words)));
  return set;
}

const claimStems = new Map<string, ReadonlyMap<string, string>>();

/** A claim's words by stem (the first word of each stem), made once per passage. */
function stemsOfClaim(passage: string, words: readonly string[]): ReadonlyMap<string, string> {
  let byStem = claimStems.get(passage);
  if (!byStem) {
    const made = new Map<string, string>();
    for (const w of words) if (!made.has(stem(w))) made.set(stem(w), w);
    claimStems.set(passage, (byStem = made));
  }
  return byStem;
}

const NO_WORDS: string[] = [];

/** Antonyms by stem, both ways: "weakening" and "deepened" meet their pairs whatever the inflection. */
const ANTONYM = new Map<string, string[]>();
for (const [a, b] of ANTONYM_PAIRS) {
  if (a.includes(' ') || b.includes(' ')) continue;
  const [sa, sb] = [stem(a), stem(b)];
  ANTONYM.set(sa, [...(ANTONYM.get(sa) ?? []), sb]);
  ANTONYM.set(sb, [...(ANTONYM.get(sb) ?? []), sa]);
}

/** The word itself without a negating prefix, when that is what it is: "untimely" -> "timely". */
const MAY_BE_PREFIXED = /^(?:un|in|im|il|ir|dis|non)/;

function unprefixed(word: string): string[] {
  if (!MAY_BE_PREFIXED.test(word)) return NO_WORDS;
  const out: string[] = [];
  for (const prefix of NEGATING_PREFIXES) if (word.length > prefix.length + 3 && word.startsWith(prefix)) out.push(word.slice(prefix.length));
  return out;
}

/** Auxiliaries before a negation ("did not", "has not been"): part of how the denial is written. */
const AUXILIARIES = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'can', 'should', 'be', 'been']);
/** Words between a negation and the verb it denies ("declined to hold", "not be seen"). */
const BETWEEN = new Set(['to', 'be', 'been', 'have', 'yet', 'even', 'ever', 'also']);

/**
 * The denial as the sentence writes it ("did not hold", "declined to
 * announce") and the claim's word for what it denies ("held"): the claim word
 * sharing the denied word's stem, else the claim word just before the first
 * word both texts share after the denial.
 */
function denial(mine: readonly string[], theirs: readonly string[], at: number, common: ReadonlySet<string>): { written: string; claimWord: string | undefined } {
  let start = at;
  while (start > 0 && AUXILIARIES.has(mine[start - 1]!)) start -= 1;
  let verb = at + 1;
  while (verb < mine.length && (BETWEEN.has(mine[verb]!) || STOPWORDS.has(mine[verb]!))) verb += 1;
  const denied = mine[verb];
  const written = mine.slice(start, Math.min(mine.length, verb + 1)).join(' ');
  if (denied === undefined) return { written, claimWord: undefined };
  const deniedStem = stem(denied);
  let claimWord = theirs.find((w) => stem(w) === deniedStem);
  if (!claimWord) {
    const anchor = mine.slice(verb + 1).find((w) => common.has(w) && !STOPWORDS.has(w));
    const j = anchor ? theirs.indexOf(anchor) : -1;
    for (let i = j - 1; i >= 0 && !claimWord; i--) if (!STOPWORDS.has(theirs[i]!) && !NEGATIONS.has(theirs[i]!)) claimWord = theirs[i];
  }
  return { written, claimWord };
}

/**
 * A sentence that closely restates a claim but denies it ("has not been
 * ratified") or turns a word into its opposite ("relations have never been
 * weaker", "an untimely step"). Only for a close match: a loose one may be
 * about something else. The reason names the claim's word and the sentence's.
 */
export function checkPolarity(f: SentenceFacts, claimIndex: number | undefined, shared: number): Finding[] {
  if (claimIndex === undefined || shared < 3) return [];
  const claim = f.k.claims[claimIndex];
  if (!claim) return [];
  const mine = wordsOfSentence(f);
  const theirs = wordsOfClaim(claim.passage);
  const theirSet = setOfClaim(claim.passage, theirs);
  const mineSet = new Set(mine);
  const common = new Set<string>();
  for (const w of mineSet) if (theirSet.has(w) && !NEGATIONS.has(w) && w.length > 2) common.add(w);
  // A negation counts only where it bears on what the two texts share ("not
  // the first", "has not been ratified"), not in a side clause ("though they
  // are not perfect").
  const bears = (list: readonly string[], i: number) => {
    for (let j = i + 1; j < Math.min(list.length, i + 4); j++) {
      const next = list[j]!;
      if (next === 'but' || next === 'rather' || next === 'instead') return false;
      if (common.has(next)) return true;
    }
    return false;
  };
  const negations = (list: readonly string[]) => {
    const at: number[] = [];
    for (let i = 0; i < list.length; i++) {
      const w = list[i]!;
      if ((NEGATIONS.has(w) || w.endsWith("n't")) && bears(list, i)) at.push(i);
    }
    return at;
  };
  const mineNegations = negations(mine);
  if (mineNegations.length % 2 !== negations(theirs).length % 2) {
    const first = mineNegations[0];
    const told = first !== undefined ? denial(mine, theirs, first, common) : undefined;
    const reason = told?.claimWord
      ? `The reference says "${told.claimWord}", not "${told.written}": "${claim.passage}"`
      : `The reference says the opposite: "${claim.passage}"`;
    return [{ detail: 'negation', severity: 'hard', reason, claimId: claim.id }];
  }
  const theirStems = stemsOfClaim(claim.passage, theirs);
  let mineStems: Set<string> | undefined;
  for (const word of mineSet) {
    if (theirSet.has(word)) continue;
    const s = stem(word);
    if (theirStems.has(s)) continue;
    // An antonym of a claim word the sentence does not also use…
    const antonyms = ANTONYM.get(s);
    let opposite = antonyms && antonyms.find((o) => theirStems.has(o) && !(mineStems ??= new Set(mine.map(stem))).has(o));
    // …or the claim's word with a negating prefix ("untimely" for "timely").
    opposite ??= unprefixed(word).find((base) => theirSet.has(base) && !mineSet.has(base));
    if (opposite !== undefined) {
      const claimWord = theirStems.get(opposite) ?? opposite;
      return [{ detail: 'negation', severity: 'hard', reason: `The reference says "${claimWord}", not "${word}": "${claim.passage}"`, claimId: claim.id }];
    }
  }
  return [];
}
