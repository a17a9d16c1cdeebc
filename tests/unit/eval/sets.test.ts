import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageReport } from '../../../src/core';
import type { GoldRow } from '../../../src/eval/gold';
import { evaluateSet, missWeight } from '../../../src/eval/labelled';
import { isPresent, labelledSetSources, loadLabelledSet } from '../../../src/eval/sets';

function fixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eval-sets-'));
  const row = (file: string, sentence: string, label: string) => JSON.stringify({ file, sentence, label });
  writeFileSync(join(dir, 'seed-gold.jsonl'), `${row('s.txt', 'A.', 'neutral')}\n`);
  mkdirSync(join(dir, 'seeds'));
  writeFileSync(join(dir, 'seeds', 's.txt'), 'A.\n');
  mkdirSync(join(dir, 'real-dev'));
  writeFileSync(join(dir, 'real-dev', 'labels.jsonl'), `${row('d.txt', 'One. Two.', 'supported')}\n${row('gone.txt', 'X.', 'conflict')}\n`);
  writeFileSync(join(dir, 'real-dev', 'd.txt'), '\uFEFFOne. Two.\n');
  mkdirSync(join(dir, 'real-zeta'));
  writeFileSync(join(dir, 'real-zeta', 'labels.jsonl'), '');
  mkdirSync(join(dir, 'real-nolabels'));
  return dir;
}

describe('labelledSetSources', () => {
  it('lists seed, real-dev, real-extra, then any other real-* directory with labels', () => {
    const dir = fixtures();
    const sources = labelledSetSources(dir);
    expect(sources.map((s) => s.name)).toEqual(['seed', 'real-dev', 'real-extra', 'real-zeta']);
    expect(sources.map((s) => isPresent(s))).toEqual([true, true, false, true]);
  });

  it('loads a set: rows, texts without a byte-order mark, files named but absent', () => {
    const set = loadLabelledSet(labelledSetSources(fixtures())[1] as never);
    expect(set.rows).toHaveLength(2);
    expect(set.texts.get('d.txt')).toBe('One. Two.\n');
    expect(set.missing).toEqual(['gone.txt']);
  });
});

describe('evaluateSet', () => {
  it('counts a labelled sentence the engine cut in two by its strongest verdict, and a missing file as no verdict', () => {
    const set = loadLabelledSet(labelledSetSources(fixtures())[1] as never);
    const checker = {
      check: (text: string, options: { strictness?: string; file?: string }): PageReport => ({
        file: options.file ?? '-',
        strictness: 'balanced',
        topical: true,
        sentences: [
          { text: 'One.', start: 0, end: 4, verdict: 'supported' },
          { text: 'Two.', start: 5, end: 9, verdict: options.strictness === 'strict' ? 'unsupported' : null },
        ],
        summary: { conflict: 0, unsupported: 0, supported: 0 },
      }),
    };
    const result = evaluateSet(set, checker as never);
    expect(result.missingFiles).toEqual(['gone.txt']);
    expect(result.byStrictness.balanced.accepted).toBe(1);
    expect(result.byStrictness.strict.accepted).toBe(0);
    expect(result.misses.map((m) => [m.gold.sentence, m.got.balanced.label, m.got.strict.label])).toEqual([
      ['X.', 'neutral', 'neutral'],
      ['One. Two.', 'supported', 'unsupported'],
    ]);
  });
});

describe('missWeight: worst misses first', () => {
  const row = (label: GoldRow['label'], extra: Partial<GoldRow> = {}): GoldRow => ({ file: 'a', sentence: 's', label, alsoAccept: [], ...extra });
  it.each<[string, GoldRow, GoldRow['label'], 'lenient' | 'balanced', number]>([
    ['a neutral sentence called a conflict', row('neutral'), 'conflict', 'lenient', 6],
    ['a supported sentence called a conflict', row('supported'), 'conflict', 'balanced', 5],
    ['a hard conflict missed, even at lenient', row('conflict', { severity: 'hard' }), 'neutral', 'lenient', 5],
    ['a soft conflict missed at balanced', row('conflict', { severity: 'soft' }), 'supported', 'balanced', 3],
    ['a soft conflict left alone at lenient is by design', row('conflict', { severity: 'soft' }), 'neutral', 'lenient', 0],
    ['a neutral sentence flagged unsupported', row('neutral'), 'unsupported', 'balanced', 2],
    ['an accepted alternative is no miss', row('supported', { alsoAccept: ['unsupported'] }), 'unsupported', 'balanced', 0],
  ])('%s', (_why, gold, got, strictness, weight) => {
    expect(missWeight(gold, got, strictness)).toBe(weight);
  });
});
