// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultChecker } from '../../../../src/core';
import { piecesFor, rangesFor } from '../../../../src/page/reading/anchor';
import { readableText, type ReadableText } from '../../../../src/page/reading/readable-text';

afterEach(() => {
  document.body.innerHTML = '';
});

/** What a reader sees of a range: whitespace collapsed, as `readableText` reads it. */
const seen = (ranges: Range[]): string => ranges.map((r) => r.toString()).join('').replace(/[\t\n\f\r ]+/g, ' ').trim();

function page(html: string, options = {}): ReadableText {
  document.body.innerHTML = html;
  return readableText(document.body, options);
}

function anchor(read: ReadableText, sentence: string): Range[] {
  const start = read.text.indexOf(sentence);
  expect(start, `"${sentence}" in "${read.text}"`).toBeGreaterThanOrEqual(0);
  return rangesFor(read.segments, start, start + sentence.length);
}

describe('rangesFor: a sentence becomes the ranges that show it', () => {
  it.each([
    ['a plain paragraph is one range', '<p>Borrell met Iwaya in Tokyo.</p>', 'Borrell met Iwaya in Tokyo.', 1],
    ['a sentence across a link, emphasis and spans is still one range', '<p>Then <a href="#">Borrell</a> met <em>Takeshi <span>Iwaya</span></em> in <span>Tokyo</span>. Next.</p>', 'Then Borrell met Takeshi Iwaya in Tokyo.', 1],
    ['a word split across tags is one range', '<p>They met in <b>To</b>kyo on Friday.</p>', 'They met in Tokyo on Friday.', 1],
    ['collapsed whitespace inside the sentence stays inside one range', '<p>The EU\n\t and   Japan\n met.</p>', 'The EU and Japan met.', 1],
    ['the second sentence of a paragraph starts after the first', '<p>First one here. Borrell met Iwaya.</p>', 'Borrell met Iwaya.', 1],
    ['a sentence in a list item is its own', '<ul><li>Maritime security.</li><li>Cyber issues were discussed.</li></ul>', 'Cyber issues were discussed.', 1],
    ['a headline and the paragraph below are separate sentences', '<h1>EU and Japan meet</h1><p>They met in Tokyo.</p>', 'EU and Japan meet', 1],
    ['text the reader skips inside a sentence splits it, so no mark covers the skipped text', '<p>Borrell met <button>Share</button> Iwaya in Tokyo.</p>', 'Borrell met Iwaya in Tokyo.', 2],
    ['a hidden badge inside a sentence splits it too', '<p>Borrell met<span aria-hidden="true">★</span> Iwaya.</p>', 'Borrell met Iwaya.', 2],
  ])('%s', (_reason, html, sentence, count) => {
    const ranges = anchor(page(html), sentence);
    expect(ranges).toHaveLength(count);
    expect(seen(ranges)).toBe(sentence);
  });

  it('quotation marks the browser draws around <q> belong to no node and are left out', () => {
    const ranges = anchor(page('<p>He said <q>it is historic</q>.</p>'), 'He said “it is historic”.');
    expect(ranges).toHaveLength(1);
    expect(seen(ranges)).toBe('He said it is historic.');
  });

  it('a sentence across a shadow root and the light DOM slotted into it is one range per tree', () => {
    document.body.innerHTML = '<p id="host">Iwaya in Tokyo.</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<b>Borrell met </b><slot></slot>';
    const read = readableText(document.body, { shadowRoots: true });
    const ranges = anchor(read, 'Borrell met Iwaya in Tokyo.');
    expect(ranges.map((r) => r.startContainer.getRootNode())).toEqual([shadow, document]);
    expect(seen(ranges)).toBe('Borrell met Iwaya in Tokyo.');
  });

  it('offsets no node holds give no range', () => {
    const read = page('<p>One.</p><p>Two.</p>');
    expect(rangesFor(read.segments, 4, 5)).toEqual([]);
    expect(rangesFor(read.segments, 2, 2)).toEqual([]);
  });

  it('pieces name the exact characters of each node', () => {
    const read = page('<p>The <a>EU</a> and Japan.</p>');
    expect(piecesFor(read.segments, 4, 11).map((p) => p.node.data.slice(p.from, p.to))).toEqual(['EU', ' and ']);
  });
});

describe('rangesFor on a seed article marked up like a news page', () => {
  const seed = readFileSync(fileURLToPath(`${import.meta.url}/../../../../fixtures/seeds/002_e7a668e7c20fc301.txt`), 'utf8');
  // Every third word a link, every fifth emphasised, the odd one split across two tags.
  const html = seed
    .trimEnd()
    .split('\n')
    .map((line) => `<p>${line.split(' ').map((word, i) => (i % 3 === 1 ? `<a href="#">${word}</a>` : i % 5 === 2 ? `<em>${word}</em>` : i % 7 === 4 && word.length > 3 ? `<b>${word.slice(0, 2)}</b>${word.slice(2)}` : word)).join(' ')}</p>`)
    .join('\n');

  it('reads as the seed, and every sentence the engine reports anchors to one range that shows exactly it', () => {
    const read = page(html);
    expect(read.text).toBe(seed.trimEnd());
    const report = defaultChecker().check(read.text);
    expect(report.sentences.length).toBeGreaterThan(10);
    for (const sentence of report.sentences) {
      const ranges = rangesFor(read.segments, sentence.start, sentence.end);
      expect(ranges, sentence.text).toHaveLength(1);
      expect(seen(ranges)).toBe(sentence.text);
    }
  });
});
