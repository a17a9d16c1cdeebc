/**
 * `npm run eval:reader`: how well the article reader reads real pages. For
 * each saved page of `tests/fixtures/readability/` (Mozilla Readability's test
 * pages), the text our reader takes from `source.html` (as `npm run check`
 * reads an HTML file) is scored against the text of `expected.html` with
 * token-level precision, recall and F1 (`reader-score.ts`); Readability.js
 * itself (`@mozilla/readability`, on a happy-dom parse of the same file) is
 * scored the same way beside it. Prints the means, the time each took and the
 * worst pages. Always exits 0 when it could run.
 *
 * Scored twice: against `expected.html` alone, and against the page's title
 * (`expected-metadata.json`) followed by it, Readability.js's title then
 * being read before its article. Reader View shows an article that way, and
 * `expected.html` leaves the headline out by construction (Readability.js
 * takes it apart as the title), so a reader that reads the headline loses
 * precision against `expected.html` alone for reading it.
 *
 * Caveat: `expected.html` is Readability's own output as its maintainers
 * reviewed it, so Readability.js scores near 1 here by construction; the gap
 * between it and us is what we miss of Firefox's Reader View, not a distance
 * from a hand-made article body.
 *
 *   npm run eval:reader                 # every page
 *   npm run eval:reader -- --worst 20   # list 20 worst pages (default 15)
 *   npm run eval:reader -- --page aclu  # one page: scores and both texts
 *   npm run eval:reader -- --no-readability
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { htmlReadableText, openInertPage } from './html';
import { meanScore, overlap, plainText, type OverlapScore } from './reader-score';

const CORPUS = fileURLToPath(new URL('../../tests/fixtures/readability/', import.meta.url));

async function htmlText(html: string): Promise<string> {
  const page = openInertPage(html);
  try {
    return plainText(page.document.body as unknown as Node);
  } finally {
    await page.close();
  }
}

/** Readability.js's article: its title (which Reader View shows above the article) and the text of its content. */
async function readabilityText(html: string): Promise<{ title: string; text: string }> {
  const page = openInertPage(html);
  try {
    const article = new Readability(page.document as unknown as Document).parse();
    if (!article?.content) return { title: article?.title ?? '', text: '' };
    const out = openInertPage(article.content);
    try {
      return { title: article.title ?? '', text: plainText(out.document.body as unknown as Node) };
    } finally {
      await out.close();
    }
  } finally {
    await page.close();
  }
}

interface PageResult {
  name: string;
  ours: OverlapScore;
  /** Against the gold with the page's title before it (`expected-metadata.json`), as Reader View shows an article. */
  oursTitled: OverlapScore;
  oursMs: number;
  oursError?: string;
  theirs?: OverlapScore;
  theirsTitled?: OverlapScore;
  theirsMs?: number;
}

const pct = (x: number) => x.toFixed(3);

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const withReadability = !argv.includes('--no-readability');
  const worst = Number(flag('--worst') ?? 15);
  const only = flag('--page');
  const names = (await readdir(CORPUS, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && (only === undefined || d.name === only))
    .map((d) => d.name)
    .sort();
  if (names.length === 0) throw new Error(only ? `no page named ${only} in ${CORPUS}` : `no pages in ${CORPUS}`);

  const results: PageResult[] = [];
  for (const name of names) {
    const source = await readFile(`${CORPUS}${name}/source.html`, 'utf8');
    const gold = await htmlText(await readFile(`${CORPUS}${name}/expected.html`, 'utf8'));
    const metadata = JSON.parse(await readFile(`${CORPUS}${name}/expected-metadata.json`, 'utf8')) as { title?: string };
    const titledGold = `${metadata.title ?? ''}\n${gold}`;
    let text = '';
    let oursError: string | undefined;
    const [, oursMs] = await timed(async () => {
      try {
        text = await htmlReadableText(source);
      } catch (error) {
        oursError = error instanceof Error ? error.message : String(error);
      }
    });
    const result: PageResult = { name, ours: overlap(text, gold), oursTitled: overlap(text, titledGold), oursMs, ...(oursError ? { oursError } : {}) };
    let theirText = '';
    if (withReadability) {
      const [t, ms] = await timed(() => readabilityText(source).catch(() => ({ title: '', text: '' })));
      theirText = t.text;
      result.theirs = overlap(t.text, gold);
      result.theirsTitled = overlap(`${t.title}\n${t.text}`, titledGold);
      result.theirsMs = ms;
    }
    results.push(result);
    if (only) {
      process.stdout.write(`== ours ==\n${text}\n\n== gold (expected.html) ==\n${gold}\n\n`);
      if (withReadability) process.stdout.write(`== Readability.js ==\n${theirText}\n\n`);
    }
  }

  const ours = meanScore(results.map((r) => r.ours));
  const line = (label: string, s: { precision: number; recall: number; f1: number }, ms: number[]) =>
    `${label.padEnd(16)} F1 ${pct(s.f1)}  P ${pct(s.precision)}  R ${pct(s.recall)}  ` +
    `time per page: median ${median(ms).toFixed(1)} ms, max ${Math.max(...ms).toFixed(0)} ms`;
  process.stdout.write(`reader eval: ${results.length} pages of tests/fixtures/readability (means per page; gold: expected.html)\n`);
  process.stdout.write(`${line('ours', ours, results.map((r) => r.oursMs))}\n`);
  if (withReadability) {
    const theirs = meanScore(results.map((r) => r.theirs!));
    process.stdout.write(`${line('Readability.js', theirs, results.map((r) => r.theirsMs!))}\n`);
  }
  const titled = (label: string, s: { precision: number; recall: number; f1: number }) => `${label.padEnd(16)} F1 ${pct(s.f1)}  P ${pct(s.precision)}  R ${pct(s.recall)}`;
  process.stdout.write('with the title (gold: the title of expected-metadata.json, then expected.html; Readability.js: its title, then its article):\n');
  process.stdout.write(`${titled('ours', meanScore(results.map((r) => r.oursTitled)))}\n`);
  if (withReadability) process.stdout.write(`${titled('Readability.js', meanScore(results.map((r) => r.theirsTitled!)))}\n`);
  const low = (pick: (s: OverlapScore) => number, limit: number) => results.filter((r) => pick(r.ours) < limit).length;
  if (withReadability) {
    const theirsLow = results.filter((r) => r.theirs!.recall < 0.5).length;
    process.stdout.write(`Readability.js: pages with recall < 0.5: ${theirsLow}\n`);
  }
  process.stdout.write(
    `ours: pages with recall < 0.5: ${low((s) => s.recall, 0.5)}, recall < 0.9: ${low((s) => s.recall, 0.9)}, ` +
      `precision < 0.5: ${low((s) => s.precision, 0.5)}, errors: ${results.filter((r) => r.oursError).length}\n`,
  );
  process.stdout.write('(times: happy-dom parse + read, in Node; Readability.js also parses its output. expected.html is Readability.js output, so it scores near 1 by construction.)\n');
  const sorted = [...results].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, worst);
  process.stdout.write(`\nworst ${sorted.length} pages (ours):\n`);
  process.stdout.write(`${'page'.padEnd(44)} ${'F1'.padStart(5)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'read'.padStart(6)} ${'gold'.padStart(6)}${withReadability ? '  Readability F1' : ''}\n`);
  for (const r of sorted) {
    process.stdout.write(
      `${r.name.padEnd(44)} ${pct(r.ours.f1)} ${pct(r.ours.precision)} ${pct(r.ours.recall)} ${String(r.ours.read).padStart(6)} ${String(r.ours.gold).padStart(6)}` +
        `${r.theirs ? `  ${pct(r.theirs.f1)}` : ''}${r.oursError ? `  error: ${r.oursError}` : ''}\n`,
    );
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

// `eval:reader | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`eval:reader: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
