import { describe, expect, it } from 'vitest';
import { meanScore, overlap, tokens } from '../../../src/cli/reader-score';

describe('reader-score', () => {
  it('tokens: lower-cased words and numbers; a character at a time in scripts without spaces', () => {
    expect(tokens('The EU-Japan pact, 1 November 2024: café!')).toEqual(['the', 'eu', 'japan', 'pact', '1', 'november', '2024', 'café']);
    expect(tokens('日本と EU は協力')).toEqual(['日', '本', 'と', 'eu', 'は', '協', '力']);
  });

  it('overlap counts shared tokens as multisets', () => {
    const s = overlap('the the EU menu', 'the EU and Japan');
    expect(s).toMatchObject({ read: 4, gold: 4, shared: 2, precision: 0.5, recall: 0.5 });
    expect(s.f1).toBeCloseTo(0.5);
  });

  it('nothing read: precision 1, recall 0, F1 0; empty gold: recall 1', () => {
    expect(overlap('', 'some gold')).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(overlap('text', '')).toMatchObject({ precision: 0, recall: 1, f1: 0 });
  });

  it('meanScore averages per page', () => {
    expect(meanScore([overlap('a b', 'a b'), overlap('', 'a')])).toEqual({ precision: 1, recall: 0.5, f1: 0.5 });
  });
});
