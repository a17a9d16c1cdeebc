import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultChecker, STRICTNESS_LEVELS } from '../../../src/core';
import { PageChecker } from '../../../src/page/page-checker';

const fixtures = new URL('../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');
const TEXTS: [string, string][] = [
  ...readdirSync(new URL('seeds/', fixtures)).map((f): [string, string] => [`seed ${f}`, read(`seeds/${f}`)]),
  ...readdirSync(new URL('nearby/', fixtures)).map((f): [string, string] => [`nearby ${f}`, read(`nearby/${f}`)]),
  ['a text about something else', 'The weather in Oslo was mild.\nTrains ran on time.'],
];

/** Every line (paragraph) queued on its own, at its offset in the whole text, the way a page's added content arrives. */
function addByLines(checker: PageChecker, text: string): void {
  let offset = 0;
  for (const line of text.split('\n')) {
    checker.add(line, offset);
    offset += line.length + 1;
  }
}

describe('PageChecker gives exactly what check() gives on the whole text', () => {
  const rows = TEXTS.flatMap(([name, text]) => STRICTNESS_LEVELS.map((level): [string, string, string, typeof level] => [`${name} at ${level}`, name, text, level]));

  it.each(rows)('%s, one sentence per slice', (_row, name, text, strictness) => {
    const checker = new PageChecker(undefined, strictness);
    checker.add(text);
    while (checker.step(() => true));
    expect(checker.report(name)).toEqual(defaultChecker().check(text, { strictness, file: name }));
  });

  it.each(rows)('%s, queued paragraph by paragraph', (_row, name, text, strictness) => {
    const checker = new PageChecker(undefined, strictness);
    addByLines(checker, text);
    checker.step();
    expect(checker.report(name)).toEqual(defaultChecker().check(text, { strictness, file: name }));
  });
});

describe('PageChecker', () => {
  const seed = read('seeds/002_e7a668e7c20fc301.txt');

  it('changing strictness redecides without reading again, as if checked at the new level', () => {
    const checker = new PageChecker(undefined, 'lenient');
    checker.add(seed);
    checker.step();
    for (const level of ['strict', 'balanced', 'lenient'] as const) {
      checker.strictness = level;
      expect(checker.report('x')).toEqual(defaultChecker().check(seed, { strictness: level, file: 'x' }));
    }
  });

  it('reports only what has been assessed while a scan is under way', () => {
    const checker = new PageChecker();
    checker.add(seed);
    // The first step splits the first paragraph (the headline); the next assesses it.
    checker.step(() => true);
    expect(checker.report('x').sentences).toHaveLength(0);
    checker.step(() => true);
    expect(checker.report('x').sentences).toHaveLength(1);
    expect(checker.finished).toBe(false);
  });

  it('text added later continues the page: earlier sentences are not assessed again and keep their verdicts', () => {
    const lines = seed.split('\n');
    const first = lines.slice(0, 3).join('\n');
    const checker = new PageChecker();
    checker.add(first);
    checker.step();
    const before = checker.report('x').sentences;
    checker.add(lines.slice(3).join('\n'), first.length + 1);
    expect(checker.finished).toBe(false);
    checker.step();
    const after = checker.report('x').sentences;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toEqual(defaultChecker().check(seed, { file: 'x' }).sentences);
  });

  it('text may not be added before what is already queued', () => {
    const checker = new PageChecker();
    checker.add('Borrell met Iwaya in Tokyo.');
    expect(() => checker.add('Earlier text.', 3)).toThrow(RangeError);
  });

  it('removed sentences leave the report and its summary', () => {
    const checker = new PageChecker();
    checker.add(seed);
    checker.step();
    const flagged = checker.report('x').sentences.filter((s) => s.verdict === 'conflict');
    expect(flagged.length).toBeGreaterThan(0);
    checker.remove((s) => s.start === flagged[0]!.start);
    const report = checker.report('x');
    expect(report.sentences.some((s) => s.start === flagged[0]!.start)).toBe(false);
    expect(report.summary.conflict).toBe(flagged.length - 1);
  });
});
