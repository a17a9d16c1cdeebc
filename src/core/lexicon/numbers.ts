/** Cardinal number words, folded, to values. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['twenty-one', 21], ['twenty-two', 22],
  ['twenty-three', 23], ['twenty-four', 24], ['twenty-five', 25], ['twenty-six', 26], ['twenty-seven', 27],
  ['twenty-eight', 28], ['twenty-nine', 29], ['thirty', 30],
]);

/** Ordinal words and forms, folded, to values. */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['inaugural', 1], ['maiden', 1],
  ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4], ['5th', 5], ['6th', 6], ['7th', 7], ['8th', 8], ['9th', 9], ['10th', 10],
]);

/** Parse a folded token as a whole number: digits (with thousands separators) or a number word. */
export function parseCount(token: string): number | undefined {
  // Figures start with a digit: the regex need not run on other words.
  const c = token.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39 && /^\d{1,3}(,\d{3})*$|^\d+$/.test(token)) return Number(token.replace(/,/g, ''));
  return NUMBER_WORDS.get(token);
}
