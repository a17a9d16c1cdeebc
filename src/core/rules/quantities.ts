import { findCounts, type CountMention } from '../facts/things';
import { analyse, type AnalysedSentence } from '../facts/sentence';
import { MONTHS } from '../lexicon/calendar';
import { NUMBER_WORDS } from '../lexicon/numbers';
import { STOPWORDS } from '../lexicon/words';
import type { Finding } from './finding';
import type { SentenceFacts } from './facts';

/**
 * Words before a count that make it a bound, not a figure ("more than 20",
 * "about 30,000"): a bound is not contradicted by another figure, so such a
 * count is never compared.
 */
const APPROXIMATE = new Set([
  'about', 'around', 'roughly', 'approximately', 'nearly', 'almost', 'some', 'over', 'under', 'than', 'least', 'most',
  'fewer', 'less', 'more', 'upwards', 'estimated', 'perhaps', 'possibly', 'between', 'nearby',
]);

/** Words that end the name of what is counted: "40 tonnes | of cod", "twelve bays | along the coast". */
const PHRASE_END = new Set(['along', 'across', 'near', 'each', 'every', 'per', 'a', 'an', 'since', 'until', 'beside', 'behind', 'inside', 'outside', 'beyond']);

/** A count and the thing it counts, read from the words after it. */
interface Counted {
  count: CountMention;
  /** The counted thing: the last word of the phrase after the figure, plural folded ("bays" -> "bay"). */
  head: string;
  /** The figure and its phrase as the text wrote them ("twelve protected bays"). */
  written: string;
}

/** "stops" and "stop", "states" and "state" count the same thing. */
const singular = (word: string): string => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

const isFigure = (word: string): boolean => /^\d/.test(word) || NUMBER_WORDS.has(word);

/** The counts of a sentence that state a figure of something, with what they count. */
function countedThings(s: AnalysedSentence): Counted[] {
  const out: Counted[] = [];
  for (const count of findCounts(s)) {
    const i = count.index;
    const before = s.tokens[i - 1]?.norm ?? '';
    const after = count.following[0] ?? '';
    // A day of a month ("1 November", "November 1") is a date, and dates have rules of their own.
    if (MONTHS.has(after) || MONTHS.has(before)) continue;
    if (APPROXIMATE.has(before)) continue;
    // "up to 40", "30 to 40", "30 or 40": a bound or a range.
    if (before === 'to' && (s.tokens[i - 2]?.norm === 'up' || isFigure(s.tokens[i - 2]?.norm ?? ''))) continue;
    if ((before === 'and' || before === 'or') && isFigure(s.tokens[i - 2]?.norm ?? '')) continue;
    if (['to', 'or', 'and'].includes(after) && isFigure(count.following[1] ?? '')) continue;
    // The phrase after the figure, up to a function word or punctuation: what is counted.
    let last = -1;
    for (let j = i + 1; j < Math.min(s.tokens.length, i + 4); j++) {
      const word = s.tokens[j]!.norm;
      if (s.gapBefore(j).trim() !== '' || STOPWORDS.has(word) || PHRASE_END.has(word) || isFigure(word)) break;
      last = j;
    }
    if (last < 0) continue;
    const head = singular(s.tokens[last]!.norm.replace(/'s$/, ''));
    out.push({ count, head, written: s.text.slice(s.tokens[i]!.start, s.tokens[last]!.end) });
  }
  return out;
}

const claimCounts = new Map<string, Counted[]>();

/** A claim's counts are the same for every sentence: read each passage once. */
function countsOfClaim(passage: string): Counted[] {
  let counts = claimCounts.get(passage);
  if (!counts) claimCounts.set(passage, (counts = countedThings(analyse(passage))));
  return counts;
}

/**
 * A sentence that closely restates a claim but gives another figure for the
 * same thing: "the line will have nine stops" where the reference says eleven.
 * Only for a close match (the caller requires it), only for plain figures on
 * both sides (never a bound or a range), and only when what is counted, the
 * last word of the phrase after the figure, is the same: "nine stops" against
 * "eleven stops", not against "eleven members".
 */
export function checkQuantities(f: SentenceFacts, claimIndex: number | undefined, shared: number): Finding[] {
  if (claimIndex === undefined || shared < 3 || f.counts.length === 0) return [];
  const claim = f.k.claims[claimIndex];
  if (!claim) return [];
  const theirs = countsOfClaim(claim.passage);
  if (theirs.length === 0) return [];
  for (const mine of countedThings(f.s)) {
    const same = theirs.filter((t) => t.head === mine.head);
    if (same.length !== 1) continue;
    const their = same[0]!;
    // "25 of the 27 member states": a part of the whole the reference counts, where it says all of them.
    const part = partOf(f.s, mine.count.index);
    if (part !== undefined && their.count.value === mine.count.value && part !== mine.count.value && allOf(claim.passage, their)) {
      return [{ detail: 'number', severity: 'hard', reason: `The reference says all ${their.written}, not ${part} of them: "${claim.passage}"`, claimId: claim.id }];
    }
    // The reference gives this figure too, or counts the thing more than once: nothing to contradict.
    if (their.count.value === mine.count.value) continue;
    return [{ detail: 'number', severity: 'hard', reason: `The reference says ${their.written}, not ${mine.written}: "${claim.passage}"`, claimId: claim.id }];
  }
  return [];
}

/** The N of "N of (the) M …", where the count M stands at `index`. */
function partOf(s: AnalysedSentence, index: number): number | undefined {
  let i = index - 1;
  if (s.words[i] === 'the') i -= 1;
  if (s.words[i] !== 'of') return undefined;
  const figure = s.words[i - 1] ?? '';
  const value = /^\d+$/.test(figure) ? Number(figure) : NUMBER_WORDS.get(figure);
  return typeof value === 'number' ? value : undefined;
}

/** Whether the claim counts the whole: "all 27 …", "every one of the 27 …". */
function allOf(passage: string, counted: Counted): boolean {
  const at = passage.indexOf(counted.written);
  return at >= 0 && /\b(?:all|every one of|each of)(?: the)?\s*$/i.test(passage.slice(Math.max(0, at - 20), at));
}
