/**
 * What a page said before a sentence decides whom its pronouns stand for:
 * "they" after the reference's people, "he" after one of them, "it" after one
 * of its documents. The engine looks for a sentence's pronouns only when the
 * page has named someone or something for them to stand for; these read whole
 * pages through `startPage().read` and check each sentence's `topical`.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/core';

/** `topical` of each sentence read in turn (`undefined`: the gate let it pass unread). */
function topicalOf(sentences: readonly string[]): (boolean | undefined)[] {
  const reading = createChecker().startPage();
  return sentences.map((s) => reading.read(s)?.topical);
}

describe('pronouns and the page before them', () => {
  it('"they" after the reference\'s people speaks of them, and keeps them for the next "they"', () => {
    expect(topicalOf(['Josep Borrell and Takeshi Iwaya met in Tokyo.', 'They spoke for an hour.', 'They then walked to the press room.'])).toEqual([true, true, true]);
  });

  it('"they" after a sentence that names other people does not', () => {
    expect(topicalOf(['Josep Borrell and Takeshi Iwaya met in Tokyo.', 'The chief executive of the bank resigned.', 'They agreed a deal.'])).toEqual([true, false, false]);
  });

  it('"they" on a page that has named none of the reference\'s people does not', () => {
    expect(topicalOf(['The finance minister met union leaders.', 'They agreed a deal.'])).toEqual([false, false]);
  });

  it('"he" after one of the reference\'s people speaks of him; after someone else, not', () => {
    expect(topicalOf(['Takeshi Iwaya arrived on Thursday.', 'He said the talks went well.'])).toEqual([true, true]);
    expect(topicalOf(['Prime Minister Anthony Albanese arrived on Thursday.', 'He said the talks went well.'])).toEqual([false, false]);
  });

  it('"he" as the speaker of a quote, or after an opening phrase, is found too', () => {
    expect(topicalOf(['Takeshi Iwaya arrived on Thursday.', '"The talks went well," he said.'])).toEqual([true, true]);
    expect(topicalOf(['Takeshi Iwaya arrived on Thursday.', 'In Osaka the next day, he met students.'])).toEqual([true, true]);
  });

  it('"it" after one of the reference\'s documents speaks of it', () => {
    expect(topicalOf(['The Security and Defence Partnership was announced on Friday.', 'It covers maritime security.'])).toEqual([true, true]);
    expect(topicalOf(['The trade agreement was announced on Friday.', 'It covers maritime security.'])).toEqual([false, false]);
  });
});
