import { describe, expect, it } from 'vitest';
import type { PageReport, Verdict } from '../../../src/core';
import { GOLD_LABELS, parseGold, type GoldLabel, type GoldRow } from '../../../src/eval/gold';
import { evaluate, goldAt, matchGold } from '../../../src/eval/metrics';

function gold(sentence: string, label: GoldLabel, extra: Partial<GoldRow> = {}): GoldRow {
  return { file: 'a.txt', sentence, label, alsoAccept: [], ...extra };
}

/** A report whose sentences carry the given verdicts (offsets are not looked at by the metrics). */
function report(file: string, sentences: [text: string, verdict: Verdict | null][]): PageReport {
  return {
    file,
    strictness: 'balanced',
    topical: true,
    sentences: sentences.map(([text, verdict]) => ({ text, start: 0, end: text.length, verdict })),
    summary: { conflict: 0, unsupported: 0, supported: 0 },
  };
}

describe('matchGold', () => {
  it.each([
    ['same text, same file', 'The EU met Japan.', 'a.txt', 'The EU met Japan.', 1],
    ['whitespace runs and no-break spaces are the same as one space', 'The EU  met\u00a0Japan.', 'a.txt', 'The EU met Japan.', 1],
    ['leading and trailing whitespace does not matter', '  The EU met Japan. ', 'a.txt', 'The EU met Japan.', 1],
    ['the report file is compared by base name', 'The EU met Japan.', 'tests/fixtures/seeds/a.txt', 'The EU met Japan.', 1],
    ['a different file does not match', 'The EU met Japan.', 'b.txt', 'The EU met Japan.', 0],
    ['different words do not match', 'The EU met Korea.', 'a.txt', 'The EU met Japan.', 0],
    ['case, curly quotes and dashes are folded', 'the eu met japan \u2014 \u201cagain\u201d.', 'a.txt', 'The EU met Japan - "again".', 1],
    ['a report sentence that holds the labelled one (the engine joined it to a dateline) answers it', 'The EU met Japan.', 'a.txt', 'TOKYO (AFP) - The EU met Japan.', 1],
    ['a report sentence that shares four words of five is the same sentence cut by another hand', 'The EU met Japan today.', 'a.txt', 'The EU met Japan yesterday.', 1],
    ['a label that ends a report sentence matches it', 'EU met Japan.', 'a.txt', 'The EU met Japan.', 1],
  ])('%s', (_reason, goldSentence, reportFile, reportSentence, found) => {
    const { pairs, notFound } = matchGold([gold(goldSentence, 'supported')], [report(reportFile, [[reportSentence, 'supported']])]);
    expect(pairs).toHaveLength(found);
    expect(notFound).toHaveLength(1 - found);
  });

  it('a labelled sentence the engine cut in two takes the strongest verdict of the pieces', () => {
    const { pairs, notFound } = matchGold(
      [gold('Borrell met Iwaya in Tokyo. Nov. 1 was a Friday.', 'conflict'), gold('Next one.', 'neutral')],
      [report('a.txt', [['Borrell met Iwaya in Tokyo.', 'supported'], ['Nov.', null], ['1 was a Friday.', 'conflict'], ['Next one.', null]])],
    );
    expect(notFound).toEqual([]);
    expect(pairs.map((p) => [p.predicted, p.pieces])).toEqual([['conflict', 3], ['neutral', 1]]);
    expect(pairs[0]?.sentence.text).toBe('1 was a Friday.');
  });

  it('two labelled sentences the engine joined both take the joined verdict', () => {
    const { pairs } = matchGold(
      [gold('“It is done.', 'supported'), gold('Really,” he said.', 'supported')],
      [report('a.txt', [['“It is done. Really,” he said.', 'unsupported']])],
    );
    expect(pairs.map((p) => p.predicted)).toEqual(['unsupported', 'unsupported']);
  });

  it('rows are found in order, so a repeated short sentence goes to its own place', () => {
    const { pairs } = matchGold(
      [gold('Yes.', 'neutral'), gold('Borrell spoke.', 'supported'), gold('Yes.', 'neutral')],
      [report('a.txt', [['Yes.', null], ['Borrell spoke.', 'supported'], ['Yes.', 'conflict']])],
    );
    expect(pairs.map((p) => p.predicted)).toEqual(['neutral', 'supported', 'conflict']);
  });

  it('a sentence repeated in the article answers one gold row each time', () => {
    const rows = [gold('Same.', 'neutral'), gold('Same.', 'neutral'), gold('Same.', 'neutral')];
    const { pairs, notFound } = matchGold(rows, [report('a.txt', [['Same.', null], ['Same.', 'conflict']])]);
    expect(pairs.map((p) => p.predicted)).toEqual(['neutral', 'conflict']);
    expect(notFound).toHaveLength(1);
  });
});

describe('evaluate: one row in the confusion table', () => {
  it.each<[string, GoldLabel, GoldLabel[], Verdict | null, [GoldLabel, GoldLabel], boolean]>([
    ['an exact hit lands on the diagonal', 'conflict', [], 'conflict', ['conflict', 'conflict'], true],
    ['an accepted alternative lands on the diagonal of the predicted label', 'conflict', ['unsupported'], 'unsupported', ['unsupported', 'unsupported'], true],
    ['an accepted neutral alternative on a null verdict lands on neutral', 'supported', ['neutral'], null, ['neutral', 'neutral'], true],
    ['a prediction not accepted sits in the gold label row', 'supported', ['unsupported'], 'conflict', ['supported', 'conflict'], false],
    ['no verdict is predicted neutral', 'neutral', [], null, ['neutral', 'neutral'], true],
    ['no verdict on a conflict is a miss', 'conflict', [], null, ['conflict', 'neutral'], false],
  ])('%s', (_reason, label, alsoAccept, verdict, [row, column], accepted) => {
    const result = evaluate([gold('S.', label, { alsoAccept })], [report('a.txt', [['S.', verdict]])]);
    for (const g of GOLD_LABELS) {
      for (const p of GOLD_LABELS) expect(result.confusion[g][p], `${g} x ${p}`).toBe(g === row && p === column ? 1 : 0);
    }
    expect(result.accepted).toBe(accepted ? 1 : 0);
    expect(result.mistakes).toHaveLength(accepted ? 0 : 1);
  });
});

describe('evaluate: figures on a hand-counted set', () => {
  // Eight rows, counted by hand below.
  const rows = [
    gold('1.', 'conflict', { severity: 'hard' }),
    gold('2.', 'conflict', { severity: 'hard' }),
    gold('3.', 'conflict', { severity: 'soft', alsoAccept: ['unsupported'] }),
    gold('4.', 'unsupported'),
    gold('5.', 'supported', { alsoAccept: ['conflict'] }),
    gold('6.', 'neutral'),
    gold('7.', 'unsupported'),
    gold('8.', 'supported'),
  ];
  const reports = [
    report('a.txt', [
      ['1.', 'conflict'],
      ['2.', null],
      ['3.', 'unsupported'],
      ['4.', 'conflict'],
      ['5.', 'conflict'],
      ['6.', 'conflict'],
      ['7.', 'unsupported'],
      ['8.', 'supported'],
      ['Not in the gold file.', 'conflict'],
    ]),
  ];
  const result = evaluate(rows, reports);

  it.each([
    // Predicted conflict: 1, 4, 5, 6; correct: 1 (label), 5 (alsoAccept). Gold conflicts: 1, 2, 3; found: 1.
    ['conflict precision: correct conflict flags over conflict flags', result.conflict.precision, 2 / 4],
    ['conflict recall: gold conflicts predicted conflict over gold conflicts', result.conflict.recall, 1 / 3],
    ['conflict F1', result.conflict.f1, 0.4],
    // Predicted flagged: 1, 3, 4, 5, 6, 7; correct: all but 6. Gold flagged: 1, 2, 3, 4, 7; found: 1, 3, 4, 7.
    ['flagged precision: a conflict on an unsupported row is a correct flag', result.flagged.precision, 5 / 6],
    ['flagged recall: an unsupported verdict on a gold conflict is found', result.flagged.recall, 4 / 5],
    ['flagged F1', result.flagged.f1, (2 * (5 / 6) * 0.8) / (5 / 6 + 0.8)],
    ['hard-conflict recall: one of two hard conflicts', result.hardConflicts.recall, 1 / 2],
  ])('%s', (_reason, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 10);
  });

  it('counts behind the figures', () => {
    expect(result.conflict).toMatchObject({ predicted: 4, correct: 2, relevant: 3, found: 1 });
    expect(result.flagged).toMatchObject({ predicted: 6, correct: 5, relevant: 5, found: 4 });
    expect(result.hardConflicts).toMatchObject({ total: 2, found: 1 });
    expect(result.neutralAsConflict).toBe(1);
    expect(result.accepted).toBe(5);
    expect(result.total).toBe(8);
    expect(result.notFound).toEqual([]);
  });

  it('the confusion table: accepted rows on the diagonal, the rest in their gold row', () => {
    expect(result.confusion).toEqual({
      conflict: { conflict: 2, unsupported: 0, supported: 0, neutral: 1 },
      unsupported: { conflict: 1, unsupported: 2, supported: 0, neutral: 0 },
      supported: { conflict: 0, unsupported: 0, supported: 1, neutral: 0 },
      neutral: { conflict: 1, unsupported: 0, supported: 0, neutral: 0 },
    });
  });

  it('mistakes are the rows not accepted, in gold order', () => {
    expect(result.mistakes.map((m) => [m.gold.sentence, m.predicted])).toEqual([
      ['2.', 'neutral'],
      ['4.', 'conflict'],
      ['6.', 'conflict'],
    ]);
  });
});

describe('evaluate: edge cases', () => {
  it('a ratio with nothing to divide by is 0', () => {
    const result = evaluate([gold('S.', 'supported')], [report('a.txt', [['S.', 'supported']])]);
    expect([result.conflict.precision, result.conflict.recall, result.conflict.f1]).toEqual([0, 0, 0]);
    expect(result.hardConflicts).toEqual({ total: 0, found: 0, recall: 0 });
  });

  it('rows not found are listed and count as no verdict', () => {
    const result = evaluate([gold('Found.', 'conflict'), gold('Missing altogether.', 'conflict')], [report('a.txt', [['Found.', 'conflict']])]);
    expect(result.notFound.map((r) => r.sentence)).toEqual(['Missing altogether.']);
    expect(result.conflict).toMatchObject({ relevant: 2, found: 1, recall: 0.5 });
    expect(result.confusion.conflict.neutral).toBe(1);
    expect(result.mistakes.map((m) => m.gold.sentence)).toEqual(['Missing altogether.']);
    expect(result.matches.map((m) => m.predicted)).toEqual(['conflict', 'neutral']);
  });
});

describe('parseGold', () => {
  it('reads rows, with alsoAccept defaulting to none', () => {
    const jsonl = [
      JSON.stringify({ file: 'a.txt', sentence: 'S.', label: 'conflict', severity: 'hard', reference: 'R', why: 'W' }),
      '',
      JSON.stringify({ file: 'a.txt', sentence: 'T.', label: 'neutral', alsoAccept: ['unsupported'] }),
    ].join('\n');
    expect(parseGold(jsonl, 'gold.jsonl')).toEqual([
      { file: 'a.txt', sentence: 'S.', label: 'conflict', severity: 'hard', alsoAccept: [], reference: 'R', why: 'W' },
      { file: 'a.txt', sentence: 'T.', label: 'neutral', alsoAccept: ['unsupported'] },
    ]);
  });

  it.each([
    ['not JSON', '{file:', /gold\.jsonl:2: not JSON/],
    ['an unknown label', JSON.stringify({ file: 'a.txt', sentence: 'S.', label: 'wrong' }), /gold\.jsonl:2: label must be one of/],
    ['an unknown severity', JSON.stringify({ file: 'a.txt', sentence: 'S.', label: 'conflict', severity: 'medium' }), /gold\.jsonl:2: severity/],
    ['alsoAccept not a list of labels', JSON.stringify({ file: 'a.txt', sentence: 'S.', label: 'conflict', alsoAccept: 'unsupported' }), /gold\.jsonl:2: alsoAccept/],
    ['a missing sentence', JSON.stringify({ file: 'a.txt', label: 'conflict' }), /gold\.jsonl:2: sentence/],
    ['a missing file', JSON.stringify({ sentence: 'S.', label: 'conflict' }), /gold\.jsonl:2: file/],
  ])('rejects %s, naming the line and the field', (_reason, badLine, message) => {
    const good = JSON.stringify({ file: 'a.txt', sentence: 'S.', label: 'supported' });
    expect(() => parseGold(`${good}\n${badLine}`, 'gold.jsonl')).toThrow(message);
  });
});

describe('goldAt: what a strictness should show of a label', () => {
  const row = (label: GoldRow['label'], extra: Partial<GoldRow> = {}): GoldRow => ({ file: 'a.txt', sentence: 'S.', label, alsoAccept: [], ...extra });
  it.each([
    ['unsupported at lenient is neutral', row('unsupported'), 'lenient', 'neutral'],
    ['a soft conflict at lenient is neutral', row('conflict', { severity: 'soft' }), 'lenient', 'neutral'],
    ['a hard conflict at lenient stays a conflict', row('conflict', { severity: 'hard' }), 'lenient', 'conflict'],
    ['unsupported at balanced stays', row('unsupported'), 'balanced', 'unsupported'],
    ['a soft conflict at strict stays', row('conflict', { severity: 'soft' }), 'strict', 'conflict'],
  ] as const)('%s', (_case, gold, strictness, label) => {
    expect(goldAt(gold, strictness).label).toBe(label);
  });

  it('scores lenient against what lenient should show', () => {
    const rows = [row('unsupported'), row('conflict', { severity: 'soft', sentence: 'T.' })];
    const reports = [{ file: 'a.txt', strictness: 'lenient' as const, topical: true, sentences: [{ text: 'S.', start: 0, end: 2, verdict: null }, { text: 'T.', start: 3, end: 5, verdict: null }], summary: { conflict: 0, unsupported: 0, supported: 0 } }];
    expect(evaluate(rows, reports, 'lenient').accepted).toBe(2);
    expect(evaluate(rows, reports, 'balanced').accepted).toBe(0);
  });
});
