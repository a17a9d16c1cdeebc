/**
 * The benchmark's pages: generated sentences laid out as a news page a reader
 * would open (masthead, navigation, headline, paragraphs with links and
 * emphasis splitting some sentences, related links, footer), so the extension
 * reads, skips and splits what it meets on real sites.
 *
 * @module
 */
import { REAL_PREFIX } from '../../e2e/pages/real';
import { paragraphs, topicalSentences, unrelatedSentences } from '../corpus';
import type { PageKind } from './budgets';

/** One page of the benchmark. */
export interface BenchPage {
  name: string;
  kind: PageKind;
  /** Path the fixture server answers it at. */
  path: string;
  /** Sentences in the article (for seed pages: as the engine splits them). */
  sentences: number;
  /** About the reference's subject. */
  topical: boolean;
  /** Generated HTML, or undefined for a fixture page served from its file. */
  html?: string;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A sentence as markup: every seventh has its middle words in a link and
 * every eleventh a word in emphasis, so one sentence spans several text nodes.
 */
function sentenceHtml(sentence: string, index: number): string {
  const words = sentence.split(' ');
  if (words.length < 6) return escapeHtml(sentence);
  if (index % 7 === 3) {
    const a = Math.floor(words.length / 3);
    return `${escapeHtml(words.slice(0, a).join(' '))} <a href="#s${index}">${escapeHtml(words.slice(a, a + 2).join(' '))}</a> ${escapeHtml(words.slice(a + 2).join(' '))}`;
  }
  if (index % 11 === 5) return `${escapeHtml(words.slice(0, 2).join(' '))} <em>${escapeHtml(words[2]!)}</em> ${escapeHtml(words.slice(3).join(' '))}`;
  return escapeHtml(sentence);
}

/** A news page holding `sentences` in paragraphs of four. */
export function newsPageHtml(title: string, sentences: readonly string[]): string {
  let index = 0;
  const body = paragraphs(sentences, 4)
    .map((p) => `<p>${p.map((s) => sentenceHtml(s, index++)).join(' ')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:44rem;margin:0 auto;padding:0 1rem}nav a{margin-right:1rem}</style></head>
<body>
<header class="masthead"><strong>The Daily Ledger</strong>
<nav><a href="#">World</a><a href="#">Politics</a><a href="#">Business</a><a href="#">Sport</a></nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By a staff reporter</p>
${body}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="#">Markets close higher</a></li><li><a href="#">Weekend weather</a></li></ul></aside>
</main>
<footer><p>© The Daily Ledger. All rights reserved.</p></footer>
</body></html>
`;
}

/** The generated pages: each size in both kinds. */
export function generatedPages(sizes: readonly number[]): BenchPage[] {
  const pages: BenchPage[] = [];
  for (const size of sizes) {
    for (const topical of [false, true]) {
      const kind = topical ? 'topical' : 'unrelated';
      const sentences = topical ? topicalSentences(size, size) : unrelatedSentences(size, size);
      const name = `${kind}-${size}`;
      pages.push({
        name,
        kind: 'generated',
        path: `/bench/${name}.html`,
        sentences: size,
        topical,
        html: newsPageHtml(topical ? 'EU and Japan deepen security ties' : 'City news roundup', sentences),
      });
    }
  }
  return pages;
}

/**
 * Saved real-world article pages (`tests/fixtures/readability/`, Mozilla
 * Readability's test pages): news sites, broadcasters, blogs and reference
 * pages in several languages, none about the subject. `--real N` takes the
 * first N of this list. Served by `servedRealPages` (tests/e2e/pages/real.ts):
 * as saved, with a Content-Security-Policy that blocks the pages' scripts and
 * every request, so only the extension runs script on them, as on the
 * generated pages, and the trace's script tasks are the extension's.
 */
export const REAL_PAGES: readonly string[] = [
  'bbc-1', 'nytimes-1', 'guardian-1', 'lemonde-1', 'wikipedia', 'ars-1', 'cnn', 'wapo-1', 'medium-1', 'yahoo-1',
  'telegraph', 'theverge', 'aktualne', 'folha', 'heise', 'la-nacion', 'liberation-1', 'lwn-1', 'mozilla-1', 'msn',
  'aclu', 'breitbart', 'buzzfeed-1', 'citylab-1', 'cnet', 'daringfireball-1', 'dropbox-blog', 'engadget', 'herald-sun-1', 'medicalnewstoday',
  'nytimes-2', 'quanta-1', 'salon-1', 'seattletimes-1', 'tmz-1', 'webmd-1',
];

/** The first `count` real pages, as benchmark pages at `/real/<name>.html`. */
export function realPages(count: number): BenchPage[] {
  if (count > REAL_PAGES.length) throw new Error(`--real: there are ${REAL_PAGES.length} real pages`);
  return REAL_PAGES.slice(0, count).map((name) => ({ name, kind: 'real', path: `${REAL_PREFIX}${name}.html`, sentences: 0, topical: false }));
}
