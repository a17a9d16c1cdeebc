/**
 * Scoring an article reader's text against a gold article text: the bag of
 * word tokens of each, compared as multisets (a word read twice where the
 * gold has it once counts once). Pure: no DOM.
 *
 * precision = shared tokens / tokens read (1 when nothing was read),
 * recall = shared tokens / gold tokens (1 when the gold is empty),
 * F1 = their harmonic mean (0 when both are 0).
 *
 * `plainText` reads a gold article (or any HTML output) as text; it only
 * walks the nodes it is given, so it runs on happy-dom as on a browser's DOM.
 */

export interface OverlapScore {
  precision: number;
  recall: number;
  f1: number;
  /** How many tokens were read, are in the gold, and are shared. */
  read: number;
  gold: number;
  shared: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Scripts written without spaces between words (Han, kana, Hangul, Thai): each character is a token of its own. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u;
const UNSPACED_SPLIT = /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}])/u;

/** Lower-cased tokens: runs of letters and digits, a character at a time in scripts without spaces (punctuation and spacing do not count). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(WORD) ?? []) {
    if (!UNSPACED.test(run)) out.push(run);
    else for (const piece of run.split(UNSPACED_SPLIT)) if (piece.length > 0) out.push(piece);
  }
  return out;
}

function counts(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of words) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
}

export function overlap(readText: string, goldText: string): OverlapScore {
  const read = tokens(readText);
  const gold = tokens(goldText);
  const goldCounts = counts(gold);
  let shared = 0;
  for (const [word, n] of counts(read)) shared += Math.min(n, goldCounts.get(word) ?? 0);
  const precision = read.length === 0 ? 1 : shared / read.length;
  const recall = gold.length === 0 ? 1 : shared / gold.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, read: read.length, gold: gold.length, shared };
}

/** Per-page means of precision, recall and F1 (each page counts the same). */
export function meanScore(scores: readonly OverlapScore[]): { precision: number; recall: number; f1: number } {
  const n = scores.length || 1;
  const sum = (pick: (s: OverlapScore) => number) => scores.reduce((total, s) => total + pick(s), 0) / n;
  return { precision: sum((s) => s.precision), recall: sum((s) => s.recall), f1: sum((s) => s.f1) };
}

/** Text of a node with a space at every element edge (word edges kept, nothing skipped but scripts and styles): how the gold and Readability.js's HTML are read. */
export function plainText(root: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) parts.push((node as Text).data);
    else if (node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11) {
      const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
      parts.push(' ');
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
