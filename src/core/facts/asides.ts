import type { AnalysedSentence } from './sentence';
import { ACTION_WORDS, ENTRY_INTO_FORCE, HAPPENING_WORDS, SPEECH_VERBS } from '../lexicon/words';

/**
 * The parts of a news sentence that assert nothing about its subject: a
 * dateline ("TOKYO, Nov. 1 (Jiji Press) --"), parentheses (agency credits,
 * "(L)", "(R)", "(Photo by …)"), and background clauses ("amid tensions with
 * China", "experts say"). A name or a happening in one of these is not a
 * claim the reference could lack, so it never makes a sentence unsupported.
 * Facts about news prose, not about any one article.
 */

/** A dateline: a place in capitals or title case, perhaps a date and a source in parentheses, then a dash. */
const DATELINE = /^\s*[\p{Lu}][\p{L}.'’ -]{0,30}?(?:,\s*[\p{L}.]{3,5}\.?\s*\d{1,2}(?:,?\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*(?:--|[—–]|-\s)/u;

/** Words that open a clause of background or attributed commentary, which runs to the next comma, semicolon or dash. */
const BACKGROUND_OPENERS = new Set(['amid', 'amidst']);

/** "experts say", "analysts said": commentary, not the parties' act; the clause they govern is background. */
const COMMENTATORS = new Set(['experts', 'analysts', 'observers', 'critics', 'commentators', 'pundits', 'some']);
const SAYING = new Set(['say', 'says', 'said', 'believe', 'believes', 'argue', 'argues', 'note', 'noted', 'warn', 'warned']);

/** A person's name in a credit: capitalised words (case matters, so "by the end of the talks" is no byline). */
const NAME = String.raw`\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}`;

/** Every word that can open an aside clause (see `asideTokens`). */
const OPENS_ASIDE: ReadonlySet<string> = new Set(['amid', 'amidst', 'as', 'with', 'experts', 'analysts', 'observers', 'critics', 'commentators', 'pundits', 'some']);
const NO_ASIDES: readonly boolean[] = Object.freeze([]);

/** A dash in a sentence's opening: where a dateline would end. */
const DASH_NEAR_START = /--|[—–]|\s-\s/;

/** Whether the word at `i` opens a background clause. */
function opensAside(s: AnalysedSentence, i: number): boolean {
  const w = s.words[i]!;
  if (BACKGROUND_OPENERS.has(w)) return true;
  // "as tensions intensify with China", "as concerns grow over…": the circumstances, not the act.
  if (w === 'as') return CIRCUMSTANCES.has(s.words[i + 1] ?? '') || CIRCUMSTANCES.has(s.words[i + 2] ?? '') || CIRCUMSTANCES.has(s.words[i + 3] ?? '');
  // "With Russia and China in mind, …"
  if (w === 'with') return inMindWithin(s, i);
  // "experts say (that) …": the commentators, their verb and what follows.
  return COMMENTATORS.has(w) && SAYING.has(s.words[i + 1] ?? '');
}

/** Nouns of circumstance: after "as", they open a background clause. */
const CIRCUMSTANCES = new Set(['tensions', 'tension', 'concerns', 'concern', 'fears', 'fear', 'worries', 'threats', 'rivalry', 'rivalries', 'pressure', 'pressures', 'uncertainty']);

/** "with … in mind" closes within a few words of "with". */
function inMindWithin(s: AnalysedSentence, i: number): boolean {
  for (let j = i + 1; j < Math.min(s.words.length - 1, i + 8); j++) if (s.words[j] === 'in' && s.words[j + 1] === 'mind') return true;
  return false;
}

/** Sentences that are credits, not statements: bylines, photo and video credits, reporting and editing lines. */
const CREDIT_LINE = new RegExp(
  [
    // "By Jane Doe", "By Jane Doe and John Roe, Reuters"
    String.raw`^\s*[Bb]y\s+${NAME}(?:\s*(?:,|and|&)\s*${NAME})*\s*(?:[,|/]|$)`,
    // "Photo: Kyodo", "Reporting by Jane Doe; Editing by John Roe", "File photo / AFP"
    String.raw`^\s*\(?(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Vv]ideo|[Ff]ile photo|[Cc]redit|[Ss]ource|(?:[Aa]dditional )?[Rr]eporting|[Ee]diting|[Ww]riting)\s*(?:by\s+${NAME}|courtesy\b|[:|/–—-])`,
  ].join('|'),
  'u',
);

/** Titles of courtesy before a name: never a name of their own. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'prof', 'madam', 'mme', 'messrs']);

/** Whether the sentence as a whole is a credit line ("By Jane Doe", "Photo: Kyodo"). */
export function isCreditLine(text: string): boolean {
  return CREDIT_LINE.test(text);
}

/** For each token of the sentence, whether it stands in an aside (see the module comment). */
export function asideTokens(s: AnalysedSentence): readonly boolean[] {
  // Most sentences have none of what opens an aside: settled without a walk.
  const dateline = DASH_NEAR_START.test(s.text.slice(0, 90)) ? DATELINE.exec(s.text) : null;
  if (!dateline && !/[([]/.test(s.text) && !SOURCE_VERBS.has(s.words[s.words.length - 1] ?? '') && !s.words.some((w, i) => OPENS_ASIDE.has(w) && opensAside(s, i))) return NO_ASIDES;
  const aside: boolean[] = s.tokens.map(() => false);
  const datelineEnd = dateline ? dateline[0].length : 0;
  let depth = 0;
  let background = false;
  for (let i = 0; i < s.tokens.length; i++) {
    const gap = s.gapBefore(i);
    for (const ch of gap) {
      if (ch === '(' || ch === '[') depth += 1;
      else if ((ch === ')' || ch === ']') && depth > 0) depth -= 1;
    }
    if (background && /[,;:—–]|--|\s-\s/.test(gap)) background = false;
    if (OPENS_ASIDE.has(s.words[i]!) && opensAside(s, i)) background = true;
    aside[i] = background || depth > 0 || s.tokens[i]!.end <= datelineEnd;
  }
  // A closing attribution (", AFP TV footage showed.", ", Kyodo News reported."): the source, not the claim.
  const from = attributionStart(s);
  for (let i = from; i < aside.length; i++) aside[i] = true;
  return aside;
}

/** Verbs that close a sentence on its source. */
const SOURCE_VERBS = new Set(['said', 'says', 'reported', 'reports', 'showed', 'shows', 'added', 'noted', 'stated', 'told', 'confirmed', 'announced', 'wrote', 'tweeted', 'posted']);

/** Where a closing attribution starts (after the sentence's last comma, ending on a verb of saying), or past the end. */
function attributionStart(s: AnalysedSentence): number {
  const n = s.tokens.length;
  if (n < 3 || !SOURCE_VERBS.has(s.words[n - 1]!)) return n;
  for (let i = n - 1; i > Math.max(0, n - 8); i--) if (/[,”"]/.test(s.gapBefore(i))) return i;
  return n;
}

/** Verbs a headline is built on besides the acts, speech and happenings of the lexicon. */
const COMMON_VERBS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'must', 'should',
  'become', 'becomes', 'became', 'take', 'takes', 'took', 'make', 'makes', 'made', 'hold', 'holds', 'held', 'meet', 'meets', 'met',
  'vow', 'vows', 'vowed', 'seek', 'seeks', 'sought', 'face', 'faces', 'faced', 'agree', 'agrees', 'agreed', 'hail', 'hails', 'hailed',
  'join', 'joins', 'joined', 'open', 'opens', 'opened', 'begin', 'begins', 'began', 'start', 'starts', 'started', 'set', 'sets', 'go', 'goes', 'went',
  'boost', 'boosts', 'boosted', 'bolster', 'bolsters', 'deepen', 'deepens', 'strengthen', 'strengthens', 'expand', 'expands', 'warn', 'warns', 'warned',
  'call', 'calls', 'called', 'urge', 'urges', 'urged', 'back', 'backs', 'backed', 'welcome', 'welcomes', 'welcomed', 'eye', 'eyes', 'eyed',
]);

const ALL_ACTION_WORDS: ReadonlySet<string> = new Set(Object.values(ACTION_WORDS).flat());

/**
 * A heading, not a statement: no closing punctuation, no verb the lexicon
 * knows ("Enhanced Security and Bilateral Cooperation", "2nd EU-Japan Foreign
 * Ministerial Strategic Dialogue", "– Defence industries –"). It asserts
 * nothing, so it can restate a claim but never be unsupported.
 */
export function isHeading(s: AnalysedSentence): boolean {
  if (/[.!?:;…"”’)]\s*$/.test(s.text) || s.words.length === 0 || s.words.length > 12) return false;
  if (ENTRY_INTO_FORCE.test(s.folded)) return false;
  return !s.words.some((w) => COMMON_VERBS.has(w) || ALL_ACTION_WORDS.has(w) || SPEECH_VERBS.has(w) || HAPPENING_WORDS.has(w) || /^\p{L}+ed$/u.test(w));
}
