import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DISMISSED_KEY,
  dismissedOn,
  dismissFlag,
  MAX_DISMISSED_PAGES,
  pageKey,
  parseDismissed,
  parseWrongReports,
  reportWrongFlag,
  undoDismiss,
  WRONG_REPORTS_KEY,
  wrongReportsToJson,
  type WrongFlagReport,
} from '../../../src/ext/flag-notes';

const area = fakeBrowser.storage.local;
const AT = '2026-12-02T17:00:00.000Z';
const URL_A = 'https://news.example/a';

beforeEach(() => fakeBrowser.reset());

describe('dismissed flags', () => {
  it.each([
    ['nothing stored', undefined, {}],
    ['not an object', 'x', {}],
    ['a page whose list is not a list is dropped', { [URL_A]: 'no' }, {}],
    ['an entry with an unknown verdict or no text is dropped, the rest kept', { [URL_A]: [{ text: 'A.', verdict: 'wrong', at: AT }, { text: '', verdict: 'conflict', at: AT }, { text: 'B.', verdict: 'unsupported', at: AT }] }, { [URL_A]: [{ text: 'B.', verdict: 'unsupported', at: AT }] }],
  ])('parseDismissed: %s', (_reason, stored, expected) => {
    expect(parseDismissed(stored)).toEqual(expected);
  });

  it('are kept per page (the #fragment aside) and per sentence; undo shows one again', async () => {
    await dismissFlag(area, `${URL_A}#top`, { text: 'A.', verdict: 'conflict', at: AT });
    await dismissFlag(area, URL_A, { text: 'B.', verdict: 'unsupported', at: AT });
    await dismissFlag(area, URL_A, { text: 'A.', verdict: 'conflict', at: AT });
    await dismissFlag(area, 'https://news.example/other', { text: 'A.', verdict: 'conflict', at: AT });
    const stored = (await area.get(DISMISSED_KEY))[DISMISSED_KEY];
    expect(dismissedOn(parseDismissed(stored), `${URL_A}#later`).map((f) => f.text)).toEqual(['B.', 'A.']);
    expect(await undoDismiss(area, URL_A, 'A.')).toEqual([{ text: 'B.', verdict: 'unsupported', at: AT }]);
    expect(await undoDismiss(area, URL_A, 'B.')).toEqual([]);
    expect(Object.keys(parseDismissed((await area.get(DISMISSED_KEY))[DISMISSED_KEY]))).toEqual(['https://news.example/other']);
  });

  it(`keep at most ${MAX_DISMISSED_PAGES} pages, dropping the oldest`, async () => {
    const many = Object.fromEntries(Array.from({ length: MAX_DISMISSED_PAGES }, (_, i) => [`https://news.example/${i}`, [{ text: 'A.', verdict: 'conflict', at: AT }]]));
    await area.set({ [DISMISSED_KEY]: many });
    await dismissFlag(area, URL_A, { text: 'A.', verdict: 'conflict', at: AT });
    const pages = Object.keys(parseDismissed((await area.get(DISMISSED_KEY))[DISMISSED_KEY]));
    expect(pages).toHaveLength(MAX_DISMISSED_PAGES);
    expect(pages[0]).toBe('https://news.example/1');
    expect(pages[pages.length - 1]).toBe(URL_A);
  });

  it('pageKey leaves out only the fragment', () => {
    expect(pageKey('https://x.example/a?b=1#c')).toBe('https://x.example/a?b=1');
  });
});

describe('reports of wrong flags', () => {
  const report = (sentence: string, url = URL_A): WrongFlagReport => ({
    url,
    title: 'A page',
    sentence,
    verdict: 'conflict',
    severity: 'hard',
    claimIds: ['dialogue-held'],
    reasons: ['The reference places it in Tokyo, not Osaka.'],
    claimSet: { label: 'EEAS press release, Tokyo, 1 November 2024', version: 1, hash: 'fnv1a64:0123456789abcdef' },
    at: AT,
  });

  it('are kept in order, the same sentence on the same page once (the newest)', async () => {
    await reportWrongFlag(area, report('A.'));
    await reportWrongFlag(area, report('B.'));
    await reportWrongFlag(area, { ...report('A.'), at: '2026-12-02T18:00:00.000Z' });
    const kept = parseWrongReports((await area.get(WRONG_REPORTS_KEY))[WRONG_REPORTS_KEY]);
    expect(kept.map((r) => [r.sentence, r.at])).toEqual([['B.', AT], ['A.', '2026-12-02T18:00:00.000Z']]);
  });

  it.each([
    ['not a list', { a: 1 }, 0],
    ['a report without its claim set is dropped', [{ ...report('A.'), claimSet: undefined }], 0],
    ['a report with a claim id that is not text is dropped', [{ ...report('A.'), claimIds: [3] }], 0],
    ['a whole one is kept', [report('A.')], 1],
  ])('parseWrongReports: %s', (_reason, stored, count) => {
    expect(parseWrongReports(stored)).toHaveLength(count);
  });

  it('export as one JSON file with the time of the export, each report as kept', () => {
    const json = JSON.parse(wrongReportsToJson([report('A.')], new Date(AT))) as { kind: string; exportedAt: string; reports: WrongFlagReport[] };
    expect(json).toEqual({ kind: 'eu-japan-fact-check/wrong-flag-reports', exportedAt: AT, reports: [report('A.')] });
  });
});
