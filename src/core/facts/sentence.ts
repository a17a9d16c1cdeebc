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


/** The longest phrase of `index` that starts at token `i` (words compared folded, possessives bare). */
export function phraseAt<T>(s: AnalysedSentence, i: number, index: ReadonlyMap<string, readonly { words: readonly string[]; value: T }[]>, possessive = false): { value: T; last: number } | undefined {
  const word = (j: number) => {
    const norm = s.tokens[j]?.norm;
    return norm === undefined ? undefined : possessive ? bare(norm) : norm;
  };
  const candidates = index.get(word(i) ?? '');
  if (!candidates) return undefined;
  for (const entry of candidates) {
    if (entry.words.every((w, n) => word(i + n) === w)) return { value: entry.value, last: i + entry.words.length - 1 };
  }
  return undefined;
}
