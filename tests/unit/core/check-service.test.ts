import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultChecker, STRICTNESS_LEVELS } from '../../../src/core';
import { parseCheckPageRequest, parsePageReportRequest, type CheckPageRequest } from '../../../src/core/check-protocol';
import { CheckService } from '../../../src/core/check-service';

const SEED = readFileSync(new URL('../../fixtures/seeds/002_e7a668e7c20fc301.txt', import.meta.url), 'utf8');
const request = (page: string, seq: number, text = '', base = 0): CheckPageRequest => ({ page, seq, pieces: text ? [{ text, base }] : [], removed: [], budgetMs: 1000 });
const service = (maxPages?: number) => new CheckService({ checker: () => defaultChecker(), ...(maxPages ? { maxPages } : {}) });

describe('CheckService', () => {
  it('decides a page sent to it, and sends each decision once, by number', () => {
    const s = service();
    const reply = s.check(request('a', 0, SEED));
    expect(reply).toMatchObject({ seq: 0, known: true, topical: true, finished: true });
    // Every sentence with a verdict at some strictness: the page decides the strictness.
    const reports = STRICTNESS_LEVELS.map((strictness) => defaultChecker().check(SEED, { strictness }).sentences);
    const flagged = reports[0]!.filter((_, i) => reports.some((r) => r[i]!.verdict !== null));
    expect(reply.decided.map(([, start, end]) => SEED.slice(start, end))).toEqual(flagged.map(({ text }) => text));
    const numbers = new Set(reply.decided.flatMap(([, , , ...ids]) => ids));
    expect(reply.decisions.map(([id]) => id).sort((x, y) => x - y)).toEqual([...numbers].sort((x, y) => x - y));
  });

  it('the same request again (its reply was lost) gets the same reply, and adds nothing', () => {
    const s = service();
    const first = s.check(request('a', 0, SEED));
    expect(s.check(request('a', 0, SEED))).toBe(first);
    expect(s.check(request('a', 1))).toMatchObject({ known: true, decided: [] });
  });

  it('a page it does not know, or a request out of step, is answered `known: false` (and forgotten)', () => {
    const s = service();
    expect(s.check(request('new', 3))).toMatchObject({ known: false });
    s.check(request('a', 0, SEED));
    expect(s.check(request('a', 5))).toMatchObject({ known: false });
    expect(s.size).toBe(0);
  });

  it('a tab forgets its page when it opens another, or closes', () => {
    const s = service();
    s.check(request('a', 0, 'Japan.'), 1);
    s.check(request('b', 0, 'Japan.'), 2);
    s.check(request('c', 0, 'Japan.'), 1);
    expect(s.check(request('a', 1), 1)).toMatchObject({ known: false });
    s.forgetOwner(2);
    expect(s.check(request('b', 1), 2)).toMatchObject({ known: false });
    expect(s.check(request('c', 1), 1)).toMatchObject({ known: true });
  });

  it('keeps at most `maxPages` pages, forgetting the one asked about least recently', () => {
    const s = service(2);
    s.check(request('a', 0, 'Japan.'));
    s.check(request('b', 0, 'Japan.'));
    s.check(request('a', 1));
    s.check(request('c', 0, 'Japan.'));
    expect(s.size).toBe(2);
    expect(s.check(request('b', 1))).toMatchObject({ known: false });
    expect(s.check(request('a', 2))).toMatchObject({ known: true });
  });

  it('reads for its budget and no more: a long page takes several requests', () => {
    let now = 0;
    const s = new CheckService({ checker: () => defaultChecker(), now: () => (now += 1) });
    const long = Array.from({ length: 40 }, () => SEED).join('\n');
    let reply = s.check({ ...request('a', 0, long), budgetMs: 50 });
    let requests = 1;
    while (!reply.finished) reply = s.check({ ...request('a', requests++), budgetMs: 50 });
    expect(requests).toBeGreaterThan(5);
  });

  it('text out of order is refused with an error naming it', () => {
    const s = service();
    expect(() => s.check({ ...request('a', 0), pieces: [{ text: 'B.', base: 10 }, { text: 'A.', base: 5 }] })).toThrow(/not after the text before it/);
  });

  it('the report of a page that sent nothing lists its unread text; of one it forgot, `known: false`', () => {
    const s = service();
    expect(s.report({ page: 'a', seq: -1, file: 'f', strictness: 'balanced', unread: [{ text: 'Rain fell. Trains ran.', base: 0 }] }).report?.sentences.map((x) => x.text)).toEqual(['Rain fell.', 'Trains ran.']);
    expect(s.report({ page: 'a', seq: 2, file: 'f', strictness: 'balanced', unread: [] })).toEqual({ known: false });
  });
});

describe('the protocol refuses what is not a request, naming what is wrong', () => {
  it.each([
    [null, /bad check request/],
    [{ page: 'a', seq: -1, pieces: [], removed: [] }, /at seq/],
    [{ page: 'a', seq: 0, pieces: [{ text: 1, base: 0 }], removed: [] }, /at pieces\.0\.text/],
    [{ page: '', seq: 0, pieces: [], removed: [] }, /at page/],
    [{ page: 'a', seq: 0, pieces: [], removed: [[5, 2]] }, /ends before it starts/],
    [{ page: 'a', seq: 0, pieces: [], removed: [], budgetMs: 0 }, /at budgetMs/],
  ])('%j', (value, message) => {
    expect(() => parseCheckPageRequest(value)).toThrow(message);
  });

  it('a report request at a strictness that is not one', () => {
    expect(() => parsePageReportRequest({ page: 'a', seq: 0, file: 'f', strictness: 'harsh', unread: [] })).toThrow(/at strictness/);
  });
});
