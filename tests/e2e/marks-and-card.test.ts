/**
 * (No browser.) How the tests put marked pieces back together as sentences:
 * the comparison every marks test rests on must see a mark that is missing,
 * partial, extra or out of place.
 */
import { describe, expect, it } from 'vitest';
import { markedSentences } from './marks-and-card';

const A = 'Borrell met Iwaya in Tokyo.';
const B = 'They announced a partnership.';
const C = 'It is the first of its kind.';

describe('markedSentences', () => {
  it.each<[string, string[], string[], string[]]>([
    ['one piece a sentence', [A, C], [A, B, C], [A, C]],
    ['a sentence in several pieces (links, <em>, <time>)', ['Borrell met ', 'Iwaya', ' in Tokyo.', B], [A, B], [A, B]],
    ['line breaks and doubled spaces of the page source', ['Borrell  met\n   Iwaya in\nTokyo.'], [A], [A]],
    ['whitespace-only pieces left out', ['Borrell met', ' ', 'Iwaya in Tokyo.', '\n'], [A], [A]],
    ['a sentence marked only in part', ['Borrell met ', 'Iwaya'], [A], ['(not a sentence) Borrell met ', '(not a sentence) Iwaya']],
    ['a mark on text that is no sentence of the report', ['Menu', A], [A], ['(not a sentence) Menu', A]],
    ['a mark running past its sentence', [`${A} They`], [A, B], [`(not a sentence) ${A} They`]],
    ['no marks', [], [A, B], []],
  ])('%s', (_case, pieces, sentences, expected) => {
    expect(markedSentences(pieces, sentences)).toEqual(expected);
  });

  it('the same sentence marked twice shows twice, so a doubled mark does not pass for one', () => {
    expect(markedSentences([A, A], [A])).toEqual([A, A]);
  });
});
