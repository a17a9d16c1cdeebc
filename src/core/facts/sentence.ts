import { startsWithCapital, tokenize, type Token } from '../text/normalize';

/** One sentence prepared for the extractors: its words with offsets, and its folded text. */
export interface AnalysedSentence {
  text: string;
  tokens: Token[];
  /** The tokens' folded forms (`tokens[i].norm`), made once for every extractor that walks the words. */
  words: readonly string[];
  /** Folded tokens joined by single spaces: what phrase rules match against. */
  folded: string;
  /** The characters between token i-1 and token i (punctuation, spaces). */
  gapBefore(i: number): string;
  /** True when token i starts with a capital letter. */
  capital(i: number): boolean;
}

export function analyse(text: string): AnalysedSentence {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.norm);
  // Asked many times per token by the extractors: decided once per sentence.
  const capitals = tokens.map((t) => startsWithCapital(t.text));
  return {
    text,
    tokens,
    words,
    folded: words.join(' '),
    gapBefore(i) {
      const previous = tokens[i - 1];
      const current = tokens[i];
      if (!current) return previous ? text.slice(previous.end) : text;
      return text.slice(previous ? previous.end : 0, current.start);
    },
    capital(i) {
      return capitals[i] === true;
    },
  };
}

/** The token's folded form without a possessive ending: "japan's" -> "japan". */
export function bare(norm: string): string {
  // Both endings contain an apostrophe: a word without one is already bare.
  return norm.includes("'") ? norm.replace(/'s$|'$/, '') : norm;
}


/** The longest phrase of `index` that starts at token `i` (words compared folded, possessives bare). */
export function phraseAt<T>(s: AnalysedSentence, i: number, index: ReadonlyMap<string, readonly { words: readonly string[]; value: T }[]>, possessive = false): { value: T; last: number } | undefined {
  const first = s.words[i];
  if (first === undefined) return undefined;
  // Most words start no phrase: one lookup, and nothing allocated, settles them.
  const candidates = index.get(possessive ? bare(first) : first);
  if (!candidates) return undefined;
  const word = (j: number) => {
    const norm = s.words[j];
    return norm === undefined ? undefined : possessive ? bare(norm) : norm;
  };
  for (const entry of candidates) {
    if (entry.words.every((w, n) => word(i + n) === w)) return { value: entry.value, last: i + entry.words.length - 1 };
  }
  return undefined;
}
