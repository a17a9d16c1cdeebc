import { tokenize, type Token } from '../text/normalize';

/** One sentence prepared for the extractors: its words with offsets, and its folded text. */
export interface AnalysedSentence {
  text: string;
  tokens: Token[];
  /** Folded tokens joined by single spaces: what phrase rules match against. */
  folded: string;
  /** The characters between token i-1 and token i (punctuation, spaces). */
  gapBefore(i: number): string;
  /** True when token i starts with a capital letter. */
  capital(i: number): boolean;
}

export function analyse(text: string): AnalysedSentence {
  const tokens = tokenize(text);
  return {
    text,
    tokens,
    folded: tokens.map((t) => t.norm).join(' '),
    gapBefore(i) {
      const previous = tokens[i - 1];
      const current = tokens[i];
      if (!current) return previous ? text.slice(previous.end) : text;
      return text.slice(previous ? previous.end : 0, current.start);
    },
    capital(i) {
      const t = tokens[i];
      return t !== undefined && /^\p{Lu}/u.test(t.text);
    },
  };
}

/** The token's folded form without a possessive ending: "japan's" -> "japan". */
export function bare(norm: string): string {
  return norm.replace(/'s$|'$/, '');
}

