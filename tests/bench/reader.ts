/**
 * `npm run bench:reader`: what finding the article costs, in Node on
 * happy-dom (not a browser: a browser's DOM is faster, so read these as
 * relative costs). For the largest saved real pages and a generated news page
 * of many sentences, the median of 5 warm runs of:
 * - locate: our article locator's walk (`ArticleLocator`), alone;
 * - read: the whole reader (`readableText`: locate, then read the text with its offsets);
 * - Readability.js: `new Readability(document.cloneNode(true)).parse()`, the
 *   clone-and-rewrite way Firefox's Reader View works (the clone is part of it:
 *   Readability changes the document it is given).
 *
 *   npm run bench:reader -- --sentences 50000 --runs 5
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { openInertPage } from '../../src/cli/html';
import { ArticleLocator } from '../../src/page/reading/article-locator';
import { readableText } from '../../src/page/reading/readable-text';
import { paragraphs, unrelatedSentences } from './corpus';
import { wholeNumberOption } from './options';

const CORPUS = fileURLToPath(new URL('../fixtures/readability/', import.meta.url));
const runs = wholeNumberOption('runs', 5);
const sentences = wholeNumberOption('sentences', 50_000);

function generatedPage(count: number): string {
  const body = paragraphs(unrelatedSentences(count, 7)).map((p) => `<p>${p.join(' ')}</p>`).join('\n');
  const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
  return `<!DOCTYPE html><html><head><title>Long page</title></head><body class="nav-no-loaded"><header><nav><ul>${links}</ul></nav></header>
<div class="content-with-sidebar-wrp"><main><article><h1>A long article</h1>${body}</article></main><aside class="sidebar"><ul>${links}</ul></aside></div><footer>Footer</footer></body></html>`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => unknown): number {
  run(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const largest = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name, size: statSync(`${CORPUS}${d.name}/source.html`).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, 5);

const pages = [
  ...largest.map(({ name }) => ({ name, html: readFileSync(`${CORPUS}${name}/source.html`, 'utf8') })),
  { name: `generated ${sentences} sentences`, html: generatedPage(sentences) },
];

process.stdout.write(`reader cost in Node/happy-dom, median of ${runs} warm runs (ms)\n`);
process.stdout.write(`${'page'.padEnd(30)} ${'KB'.padStart(6)} ${'elements'.padStart(9)} ${'locate'.padStart(8)} ${'read'.padStart(8)} ${'Readability.js'.padStart(15)}\n`);
for (const { name, html } of pages) {
  const page = openInertPage(html);
  const doc = page.document as unknown as Document;
  const locate = time(() => new ArticleLocator(doc).result());
  const read = time(() => readableText(doc));
  const theirs = time(() => new Readability(doc.cloneNode(true) as Document).parse());
  const elements = doc.getElementsByTagName('*').length;
  process.stdout.write(
    `${name.padEnd(30)} ${String(Math.round(html.length / 1024)).padStart(6)} ${String(elements).padStart(9)} ${locate.toFixed(1).padStart(8)} ${read.toFixed(1).padStart(8)} ${theirs.toFixed(1).padStart(15)}\n`,
  );
  await page.close();
}
