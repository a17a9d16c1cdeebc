import type { AnalysedSentence } from './sentence';

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
export function asideTokens(s: AnalysedSentence): boolean[] {
  const aside: boolean[] = s.tokens.map(() => false);
  const dateline = DATELINE.exec(s.text);
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
    const w = s.words[i]!;
    if (BACKGROUND_OPENERS.has(w)) background = true;
    // "experts say (that) …": the commentators, their verb and what follows.
    if (COMMENTATORS.has(w) && SAYING.has(s.words[i + 1] ?? '')) background = true;
    aside[i] = background || depth > 0 || s.tokens[i]!.end <= datelineEnd;
  }
  return aside;
}
