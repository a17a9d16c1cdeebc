/**
 * Lemmas and synonyms for matching a sentence's words with a claim's: news
 * rewrites a press release in its own words ("unveiled the pact" for
 * "announced the partnership"). Facts about English news prose, not about any
 * one reference. Folded (lower case).
 */

/**
 * Groups of words that news uses for one another. A word of a group matches a
 * claim word of the same group, at a lower quality than the word itself.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['announce', 'unveil', 'launch', 'present', 'introduce'],
  ['partnership', 'pact', 'agreement', 'accord', 'deal', 'framework', 'arrangement'],
  ['reaffirm', 'reiterate', 'restate', 'renew', 'affirm', 'confirm'],
  ['condemn', 'denounce', 'decry', 'criticise', 'criticize', 'condemnation'],
  ['concern', 'worry', 'alarm', 'concerned', 'worried', 'alarmed'],
  ['dialogue', 'talks', 'discussions', 'meeting', 'consultations'],
  ['cooperation', 'collaboration', 'ties'],
  ['strengthen', 'enhance', 'deepen', 'bolster', 'boost', 'reinforce', 'expand', 'step'],
  ['threat', 'challenge', 'danger', 'risk'],
  ['interconnected', 'interlinked', 'linked', 'intertwined', 'inseparable', 'indivisible'],
  ['ceasefire', 'truce'],
  ['hostages', 'captives'],
  ['war', 'invasion', 'aggression'],
  ['military', 'defence', 'defense'],
  ['minister', 'diplomat', 'chief'],
  ['first', 'inaugural', 'maiden'],
  ['historic', 'historical', 'landmark'],
  ['stress', 'emphasise', 'emphasize', 'underline', 'underscore', 'highlight'],
  ['stability', 'stable'],
  ['opposition', 'oppose', 'reject'],
  ['support', 'back', 'backing', 'assistance'],
  ['country', 'nation', 'state'],
  ['entry', 'effect', 'force'],
];

/**
 * A word's stem, for matching inflections and derivations ("condemned",
 * "condemnation" and "condemn"; "ratified" and "ratification"). Crude and
 * deterministic: both sides of a match go through it, so it need only be
 * consistent, not linguistically right.
 */
export function stem(word: string): string {
  // News repeats its words: each is stemmed once.
  let known = stems.get(word);
  if (known === undefined) {
    known = stemOnce(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, known);
  }
  return known;
}

const stems = new Map<string, string>();

function stemOnce(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length <= 4) return w;
  const rules: readonly [RegExp, string][] = [
    [/ifications?$/, 'ify'],
    [/ies$|ied$/, 'y'],
    [/(?:ations?|itions?|ments?|ings?|ions?|ers?|ed|es|ly|s)$/, ''],
  ];
  for (const [pattern, replacement] of rules) {
    const next = w.replace(pattern, replacement);
    if (next !== w && next.length >= 4) {
      w = next;
      break;
    }
  }
  return w.replace(/e$/, '').replace(/([^aeiou])\1$/, '$1');
}
