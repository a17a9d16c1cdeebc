import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { benchTable, budgetMisses, median, type BenchCase } from '../../bench/browser/budgets';
import { generatedPages, newsPageHtml } from '../../bench/browser/pages';
import { extensionTimings, type TraceEvent } from '../../bench/browser/trace';
import { readableText } from '../../../src/page/reading/readable-text';
import { splitSentences } from '../../../src/core/text/sentences';

const base: BenchCase = { name: 'x', sentences: 1000, topical: false, floorMs: 10, extensionMs: 12, ratio: 1.2, mainThreadMs: 12, costRatio: 1.2, longestTaskMs: 20, renderMs: 5, longestRenderTaskMs: 2, heapMB: 1 };

describe('budgets', () => {
  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
  });

  it('a case within every budget misses none', () => {
    expect(budgetMisses([base, { ...base, name: 'y', topical: true, sentences: 10_000, ratio: 4.9, costRatio: 9, heapMB: 9.9 }])).toEqual([]);
  });

  it('names each budget a case misses, with its figure', () => {
    const misses = budgetMisses([
      { ...base, name: 'unrelated-1000', costRatio: 1.6 },
      { ...base, name: 'topical-10000', topical: true, sentences: 10_000, ratio: 7.25, heapMB: 12.5 },
      { ...base, name: 'topical-50000', topical: true, sentences: 50_000, ratio: 40, longestTaskMs: 80, heapMB: 60 },
    ]);
    expect(misses).toEqual([
      expect.stringMatching(/^unrelated-1000: .*1\.60x the floor \(budget 1\.5x/),
      expect.stringMatching(/^topical-10000: checked in 7\.25x the floor \(budget 5x/),
      expect.stringMatching(/^topical-10000: 12\.5 MB of extra heap \(budget 10 MB/),
      expect.stringMatching(/^topical-50000: .*longest task took 80\.0 ms \(budget 50 ms\)/),
    ]);
  });

  it('the table has a row per case', () => {
    const table = benchTable([base, { ...base, name: 'seed-000', topical: true }]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[3]).toMatch(/^\| seed-000 \| 1000 \| yes \|/);
  });
});

describe('pages', () => {
  it('each size in both kinds, with the sentences it says', () => {
    const pages = generatedPages([20, 40]);
    expect(pages.map((p) => p.name)).toEqual(['unrelated-20', 'topical-20', 'unrelated-40', 'topical-40']);
    for (const page of pages) {
      const doc = new Window().document;
      doc.write(page.html!);
      const read = readableText(doc.body as unknown as Node, { shadowRoots: true, frames: true });
      // The headline and byline are sentences too; the masthead, navigation, related links and footer are not read.
      expect(splitSentences(read.text).length).toBe(page.sentences + 2);
      expect(read.text).not.toMatch(/Daily Ledger|Markets close higher/);
    }
  });

  it('page text is escaped, never markup', () => {
    const html = newsPageHtml('A <b>title</b>', ['One <img src=x onerror=alert(1)> two three four five six.']);
    expect(html).toContain('One &lt;img src=x onerror=alert(1)&gt; two');
    expect(html).not.toContain('<img');
  });
});

describe('trace reading', () => {
  const url = 'chrome-extension://abc/content-scripts/content.js';
  const ev = (name: string, ts: number, dur?: number, data?: TraceEvent['args']): TraceEvent => ({ name, ph: dur === undefined ? 'I' : 'X', ts, ...(dur !== undefined ? { dur } : {}), pid: 1, tid: 1, ...(data ? { args: data } : {}) });

  it('times the content script from its start to the done mark, and sums the tasks that run script', () => {
    const events: TraceEvent[] = [
      ev('RunTask', 0, 5_000), // before the content script: not counted
      ev('FunctionCall', 1_000, 1_000, { data: { url: 'http://page/app.js' } }),
      ev('RunTask', 10_000, 30_000),
      ev('EvaluateScript', 10_100, 29_000, { data: { url } }),
      ev('RunTask', 50_000, 8_000),
      ev('TimerFire', 50_100, 7_900),
      ev('RunTask', 60_000, 2_000), // a rendering task: no script
      ev('RunTask', 70_000, 12_000),
      ev('BlinkScheduler_PerformMicrotaskCheckpoint', 70_010, 11_000),
      ev('RunTask', 90_000, 100),
      ev('BlinkScheduler_PerformMicrotaskCheckpoint', 90_010, 10), // empty checkpoint
      ev('TimeStamp', 85_000, undefined, { data: { message: 'ejfc:report-done' } }),
    ];
    const t = extensionTimings(events, '/content-scripts/content.js', 'ejfc:report-done');
    expect(t.extensionMs).toBeCloseTo(74.9, 5);
    expect(t.mainThreadMs).toBeCloseTo(50, 5);
    expect(t.longestTaskMs).toBeCloseTo(30, 5);
    expect(t.tasks).toBe(3);
    // The rendering task between start and done, which runs no script.
    expect(t.renderMs).toBeCloseTo(2, 5);
    expect(t.longestRenderTaskMs).toBeCloseTo(2, 5);
  });

  it('no completion without the mark, nothing at all without the script', () => {
    expect(extensionTimings([ev('RunTask', 0, 10), ev('EvaluateScript', 1, 5, { data: { url } })], 'content.js', 'done').extensionMs).toBeUndefined();
    expect(extensionTimings([ev('RunTask', 0, 10)], 'content.js', 'done')).toEqual({ extensionMs: undefined, mainThreadMs: 0, longestTaskMs: 0, tasks: 0, renderMs: 0, longestRenderTaskMs: 0 });
  });
});
