import { ANTONYM_PAIRS, NEGATIONS } from '../lexicon/words';
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

const ANTONYM = new Map<string, string[]>();
for (const [a, b] of ANTONYM_PAIRS) {
  ANTONYM.set(a, [...(ANTONYM.get(a) ?? []), b]);
  ANTONYM.set(b, [...(ANTONYM.get(b) ?? []), a]);
}

/**
 * A sentence that closely restates a claim but denies it ("has not been
 * ratified") or turns a word into its opposite ("relations have never been
 * weaker"). Only for a close match: a loose one may be about something else.
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
    let count = 0;
    for (let i = 0; i < list.length; i++) {
      const w = list[i]!;
      if ((NEGATIONS.has(w) || w.endsWith("n't")) && bears(list, i)) count += 1;
    }
    return count;
  };
  const findings: Finding[] = [];
  if (negations(mine) % 2 !== negations(theirs) % 2) {
    findings.push({ detail: 'negation', severity: 'hard', reason: `The reference says the opposite: "${claim.passage}"`, claimId: claim.id });
    return findings;
  }
  for (const word of mineSet) {
    const opposite = ANTONYM.get(word)?.find((o) => theirSet.has(o) && !mineSet.has(o));
    if (opposite && !theirSet.has(word)) {
      findings.push({ detail: 'negation', severity: 'hard', reason: `The reference says "${opposite}", not "${word}": "${claim.passage}"`, claimId: claim.id });
      break;
    }
  }
  return findings;
}
