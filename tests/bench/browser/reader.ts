/**
 * `npx tsx tests/bench/browser/reader.ts [--against REF] [--runs N]`: the
 * article reader alone in Chromium (no extension), on the generated news
 * pages of `npm run bench` (10,000 and 50,000 sentences not about the
 * subject). Median ms of N runs (default 11), taken in turn on the same page:
 * - walk: a bare walk of the page (`firstChild`/`nextSibling`, nothing else), the floor of any reader;
 * - locate: finding the article (`ArticleLocator`);
 * - read: the whole reader (`readableText`: find, then read with offsets);
 * - with `--against REF`: the reader of git revision REF (its `src/`, unpacked; `src/page/reading/readable-text.ts` there, or `src/page/readable-text.ts` in revisions before the page layer had rooms; e.g. `main`).
 *
 * The readers are bundled with esbuild (which the build tools bring) into
 * scripts the page runs; the texts must come out the same length, or it says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM_EXECUTABLE } from '../../e2e/harness/paths';
import { unrelatedSentences } from '../corpus';
import { wholeNumberOption } from '../options';
import { newsPageHtml } from './pages';

const at = process.argv.indexOf('--against');
const against = at === -1 ? undefined : process.argv[at + 1];
const runs = wholeNumberOption('runs', 11);

async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, logLevel: 'warning' });
  return out.outputFiles[0]!.text;
}

const dir = mkdtempSync(join(tmpdir(), 'ejfc-reader-bench-'));
try {
  writeFileSync(
    join(dir, 'ours.ts'),
    `import { readableText } from '${ROOT}src/page/reading/readable-text';
import { ArticleLocator } from '${ROOT}src/page/reading/article-locator';
(globalThis as any).readOurs = () => readableText(document, { shadowRoots: true, frames: true }).text.length;
(globalThis as any).locateOurs = () => new ArticleLocator(document, true).result();
`,
  );
  const scripts = [await bundle(join(dir, 'ours.ts'))];
  if (against) {
    // The revision's whole src/ (the reader is several modules), unpacked beside the entry point.
    mkdirSync(join(dir, 'theirs'));
    execFileSync('sh', ['-c', `git archive --format=tar "$0" src | tar -x -C "$1"`, against, join(dir, 'theirs')], { cwd: ROOT });
    const theirReader = existsSync(join(dir, 'theirs/src/page/reading/readable-text.ts')) ? './theirs/src/page/reading/readable-text' : './theirs/src/page/readable-text';
    writeFileSync(
      join(dir, 'theirs.ts'),
      `import { readableText } from '${theirReader}';
(globalThis as any).readTheirs = () => readableText(document, { shadowRoots: true, frames: true }).text.length;
`,
    );
    scripts.push(await bundle(join(dir, 'theirs.ts')));
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    process.stdout.write(`reader in Chromium, median of ${runs} runs (ms)\n`);
    for (const n of [10_000, 50_000]) {
      await page.setContent(newsPageHtml('Bench', unrelatedSentences(n, 3)));
      for (const content of scripts) await page.addScriptTag({ content });
      // A string, not a function: tsx's helpers would not exist in the page.
      const result = (await page.evaluate(`(() => {
        const w = globalThis;
        function walk() { let k = 0; const st = [document.body]; while (st.length) { const x = st.pop(); k++; for (let c = x.firstChild; c; c = c.nextSibling) st.push(c); } return k; }
        const tasks = [['walk', walk], ['locate', w.locateOurs], ['read', w.readOurs]];
        if (w.readTheirs) tasks.push(['read ${against ?? ''}', w.readTheirs]);
        const times = Object.fromEntries(tasks.map(([k]) => [k, []]));
        for (let i = 0; i < ${runs}; i++) for (const [k, f] of tasks) { const s = performance.now(); f(); times[k].push(performance.now() - s); }
        const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(1);
        const out = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v)]));
        if (w.readTheirs && w.readTheirs() !== w.readOurs()) out.note = 'the two readers read texts of different lengths';
        return out;
      })()`)) as Record<string, string>;
      process.stdout.write(`${n} sentences: ${Object.entries(result).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
