import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultChecker, STRICTNESS_LEVELS, STRICTNESS_PRESETS, type PageReport } from '../../../src/core';

const seeds = new URL('../../fixtures/seeds/', import.meta.url);
const fixtures = readdirSync(seeds).filter((f) => f.endsWith('.txt'));

const flagged = (report: PageReport) =>
  new Set(report.sentences.filter((s) => s.verdict === 'conflict' || s.verdict === 'unsupported').map((s) => s.start));
const conflicts = (report: PageReport) => new Set(report.sentences.filter((s) => s.verdict === 'conflict').map((s) => s.start));

describe('strictness', () => {
  it.each(fixtures)('what lenient flags, balanced flags; what balanced flags, strict flags: %s', (file) => {
    const text = readFileSync(new URL(file, seeds), 'utf8');
    const [lenient, balanced, strict] = STRICTNESS_LEVELS.map((strictness) => defaultChecker().check(text, { strictness, file }));
    for (const start of flagged(lenient!)) expect(flagged(balanced!)).toContain(start);
    for (const start of flagged(balanced!)) expect(flagged(strict!)).toContain(start);
    for (const start of conflicts(lenient!)) expect(conflicts(balanced!)).toContain(start);
    for (const start of conflicts(balanced!)) expect(conflicts(strict!)).toContain(start);
  });

  it('lenient shows hard conflicts only, balanced also soft ones and unsupported claims', () => {
    const text = 'Borrell and Iwaya signed the Security and Defence Partnership in Tokyo. Iwaya, Japan’s defence minister, was there. Borrell then flew to Manila.';
    const verdicts = (strictness: (typeof STRICTNESS_LEVELS)[number]) => defaultChecker().check(text, { strictness }).sentences.map((s) => s.verdict);
    expect(verdicts('lenient')).toEqual([null, 'conflict', null]);
    expect(verdicts('balanced')).toEqual(['conflict', 'conflict', 'unsupported']);
  });

  it('strict treats weak support as unsupported where balanced stays quiet', () => {
    const text = 'Borrell and Iwaya spoke at length about the future of tourism and fisheries between them.';
    const lastOf = (strictness: (typeof STRICTNESS_LEVELS)[number]) => defaultChecker().check(text, { strictness }).sentences.at(-1)!;
    expect(lastOf('balanced').verdict).toBe(null);
    expect(lastOf('strict').verdict).toBe('unsupported');
  });

  it('presets are frozen, and stricter presets ask more', () => {
    expect(Object.isFrozen(STRICTNESS_PRESETS)).toBe(true);
    expect(Object.isFrozen(STRICTNESS_PRESETS.balanced)).toBe(true);
    expect(STRICTNESS_PRESETS.strict.supportedAtLeast).toBeGreaterThanOrEqual(STRICTNESS_PRESETS.balanced.supportedAtLeast);
    expect(STRICTNESS_PRESETS.lenient.flagSoftConflicts).toBe(false);
  });
});

describe('the page report', () => {
  it.each(fixtures)('keeps each sentence at its offsets in the input: %s', (file) => {
    const text = readFileSync(new URL(file, seeds), 'utf8');
    const report = defaultChecker().check(text, { file });
    expect(report.file).toBe(file);
    let previousEnd = 0;
    for (const s of report.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = s.end;
    }
    const counted = { conflict: 0, unsupported: 0, supported: 0 };
    for (const s of report.sentences) if (s.verdict) counted[s.verdict] += 1;
    expect(report.summary).toEqual(counted);
  });

  it.each(fixtures.filter((f) => !f.startsWith('001')))('gives every verdict a reason and a reference passage: %s', (file) => {
    const report = defaultChecker().check(readFileSync(new URL(file, seeds), 'utf8'), { file });
    for (const s of report.sentences.filter((x) => x.verdict === 'conflict' || x.verdict === 'supported')) {
      expect(s.reason).toBeTruthy();
      expect(s.quote).toBeTruthy();
    }
    for (const s of report.sentences.filter((x) => x.verdict === 'unsupported')) expect(s.reason).toBeTruthy();
    for (const s of report.sentences.filter((x) => x.verdict !== 'conflict')) expect(s.severity).toBeUndefined();
  });

  it('is empty and quiet for empty input', () => {
    const report = defaultChecker().check('');
    expect(report.sentences).toEqual([]);
    expect(report.summary).toEqual({ conflict: 0, unsupported: 0, supported: 0 });
    expect(report.topical).toBe(false);
  });
});
