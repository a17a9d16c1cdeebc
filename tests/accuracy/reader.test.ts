/**
 * The article reader held to the bar of issue 10 on the saved real pages of
 * `tests/fixtures/readability/` (what `npm run eval:reader` prints): mean
 * token F1 ≥ 0.95 with recall ≥ 0.97 against each page's `expected.html`.
 * Pages happy-dom cannot parse as a browser does are named, not hidden.
 *
 * The issue also wants no verdict on any of these pages (none is about the
 * EU–Japan partnership); that is the engine's to meet, not the reader's, and
 * it does not yet (8 sentences of telegraph, wikipedia and wikipedia-2 get
 * one; see the README), so it is not asserted here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlReadableText, openInertPage } from '../../src/cli/html';
import { meanScore, overlap, plainText, type OverlapScore } from '../../src/cli/reader-score';

const CORPUS = fileURLToPath(new URL('../fixtures/readability/', import.meta.url));
const NAMES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function goldText(name: string): Promise<string> {
  const page = openInertPage(readFileSync(`${CORPUS}${name}/expected.html`, 'utf8'));
  try {
    return plainText(page.document.body as unknown as Node);
  } finally {
    await page.close();
  }
}

describe('the article reader on 130 saved real pages', () => {
  it('mean F1 ≥ 0.95 and recall ≥ 0.97; every page read but a section front', async () => {
    expect(NAMES.length).toBe(130);
    const scores: OverlapScore[] = [];
    for (const name of NAMES) {
      const text = await htmlReadableText(readFileSync(`${CORPUS}${name}/source.html`, 'utf8'));
      scores.push(overlap(text, await goldText(name)));
    }
    const mean = meanScore(scores);
    expect(mean.f1).toBeGreaterThanOrEqual(0.95);
    expect(mean.recall).toBeGreaterThanOrEqual(0.97);
    // cnet was read as nothing until the CLI renamed <style> inside inline <svg> (src/cli/foreign-raw-text.ts).
    // nytimes-5 is a section front (a list of teasers, no article): read as nothing, as a page that is no article is.
    expect(NAMES.filter((_, i) => scores[i]!.read === 0)).toEqual(['nytimes-5']);
  }, 300_000);
});
