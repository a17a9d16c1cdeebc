// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readableText, TextReader } from '../../../../src/page/reading/readable-text';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A long page: enough nodes that a reader asked to stop at every chance stops many times. */
const longPage = (count: number): string =>
  `<nav>Menu</nav><main>${Array.from({ length: count }, (_, i) => `<p>Sentence <a href="#">${i}</a> of <em>many</em>.</p>`).join('')}</main>`;

function readInSteps(reader: TextReader, between: (step: number) => void = () => {}): number {
  let steps = 1;
  while (!reader.read(() => true)) between(steps++);
  return steps;
}

describe('TextReader: readableText in steps', () => {
  it('read in many steps gives exactly what one pass gives', () => {
    document.body.innerHTML = longPage(400);
    const reader = new TextReader(document.body, { shadowRoots: true, frames: true });
    expect(readInSteps(reader)).toBeGreaterThan(3);
    const stepped = reader.result();
    const whole = readableText(document.body, { shadowRoots: true, frames: true });
    expect(stepped.text).toBe(whole.text);
    expect(stepped.segments).toEqual(whole.segments);
    expect(stepped.text.split('\n')).toHaveLength(400);
  });

  it('text the page takes out before the reader reaches it is not read; text put in after reading began is not read twice', () => {
    document.body.innerHTML = longPage(400);
    const paragraphs = [...document.querySelectorAll('main p')];
    const reader = new TextReader(document.body);
    readInSteps(reader, (step) => {
      if (step !== 1) return;
      paragraphs[390]!.remove();
      // Moved from ahead of the reader to behind it: read once at most.
      document.querySelector('main')!.prepend(paragraphs[380]!);
      document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Added later.' }));
    });
    const lines = reader.result().text.split('\n');
    expect(lines).not.toContain('Sentence 390 of many.');
    expect(lines.filter((l) => l === 'Sentence 380 of many.').length).toBeLessThanOrEqual(1);
    expect(new Set(reader.result().segments.map((s) => s.node)).size).toBe(reader.result().segments.length);
  });

  it('the paragraph next in line taken out between two steps: it is not read, and every one after it still is', () => {
    document.body.innerHTML = longPage(400);
    const main = document.querySelector('main')!;
    const reader = new TextReader(document.body);
    let taken = -1;
    readInSteps(reader, (step) => {
      if (step !== 1) return;
      // The first paragraph the reader has not begun: where it goes on from.
      taken = reader.result().text.split('\n').length;
      main.children[taken]!.remove();
    });
    expect(taken).toBeGreaterThan(0);
    const lines = reader.result().text.split('\n');
    expect(lines).not.toContain(`Sentence ${taken} of many.`);
    expect(lines).toContain(`Sentence ${taken + 1} of many.`);
    expect(lines).toContain('Sentence 399 of many.');
    expect(lines.filter((l) => !/^Sentence \d+ of many\.$/.test(l))).toEqual([]);
    expect(lines).toHaveLength(399);
  });

  it('a detached tree is read as it is', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>Not in any page.</p>';
    expect(readableText(div).text).toBe('Not in any page.');
  });
});
