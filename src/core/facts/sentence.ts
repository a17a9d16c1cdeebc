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
  return new Analysed(text, tokenize(text));
}

/** A class rather than an object of closures: every sentence that passes the gate makes one, and its methods are shared. */
class Analysed implements AnalysedSentence {
  readonly words: string[];
  readonly folded: string;
  /** Asked many times per token by the extractors: decided once per sentence. */
  private readonly capitals: boolean[];

  constructor(
    readonly text: string,
    readonly tokens: Token[],
  ) {
    // Filled by push, not preallocated: V8 keeps such arrays packed, which it reads faster.
    const words: string[] = [];
    const capitals: boolean[] = [];
    for (const t of tokens) {
      words.push(t.norm);
      capitals.push(startsWithCapital(t.text));
    }
    this.words = words;
    this.capitals = capitals;
    this.folded = words.join(' ');
  }

  gapBefore(i: number): string {
    const previous = this.tokens[i - 1];
    const current = this.tokens[i];
    if (!current) return previous ? this.text.slice(previous.end) : this.text;
    return this.text.slice(previous ? previous.end : 0, current.start);
  }

  capital(i: number): boolean {
    return this.capitals[i] === true;
  }
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
