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

const claimWords = new Map<string, string[]>();

/** A claim's words are the same for every sentence: tokenize each passage once. */
function wordsOfClaim(passage: string): string[] {
  let words = claimWords.get(passage);
  if (!words) claimWords.set(passage, (words = words_(passage)));
  return words;
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
  const mine = words_(f.s.text);
  const theirs = wordsOfClaim(claim.passage);
  const theirSet = new Set(theirs);
  const mineSet = new Set(mine);
  const common = new Set([...mineSet].filter((w) => theirSet.has(w) && !NEGATIONS.has(w) && w.length > 2));
  // A negation counts only where it bears on what the two texts share ("not
  // the first", "has not been ratified"), not in a side clause ("though they
  // are not perfect").
  const bears = (list: string[], i: number) => {
    for (const next of list.slice(i + 1, i + 4)) {
      if (next === 'but' || next === 'rather' || next === 'instead') return false;
      if (common.has(next)) return true;
    }
    return false;
  };
  const negations = (list: string[]) => list.filter((w, i) => (NEGATIONS.has(w) || w.endsWith("n't")) && bears(list, i)).length;
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
