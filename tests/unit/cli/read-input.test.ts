/**
 * Each CLI input read on its own: every way a file can be wrong gives one line
 * naming the file and the reason, never an exception.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, looksBinary, readInput } from '../../../src/cli/read-input';

const dir = mkdtempSync(join(tmpdir(), 'ejfc-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
const ARTICLE = '<html><body><main><p>The EU and Japan met in Tokyo on 1 November 2024.</p></main></body></html>';

describe('readInput: files that cannot be checked, each with its reason', () => {
  it.each([
    ['an empty file', 'empty.txt', '', 'empty'],
    ['an empty HTML file', 'empty.html', '', 'empty'],
    ['a file of whitespace only', 'blank.txt', ' \n\t\n', 'empty'],
    ['a PNG', 'image.png', PNG, 'not a text or HTML file'],
    ['a PNG named .html', 'image.html', PNG, 'not a text or HTML file'],
    ['bytes with NULs', 'data.txt', new Uint8Array([0x41, 0x42, 0x00, 0x43, 0x00, 0x44]), 'not a text or HTML file'],
    ['a PDF', 'paper.txt', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'not a text or HTML file'],
    ['Latin-1 text with no charset declared', 'latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), 'unreadable encoding (not valid UTF-8, and no other charset declared; convert it to UTF-8)'],
    ['HTML declaring a charset no decoder knows', 'odd.html', '<meta charset="x-klingon"><p>Text.</p>', 'unreadable encoding (the page declares charset "x-klingon", which is not known)'],
  ])('%s', async (_case, name, content, reason) => {
    const path = file(name, content);
    expect(await readInput(path)).toEqual({ ok: false, message: `${path}: ${reason}` });
  });

  it('a file over the size limit is refused without reading it', async () => {
    const path = file('big.txt', 'x'.repeat(2048));
    expect(await readInput(path, { maxBytes: 1024 })).toEqual({ ok: false, message: `${path}: too large (2.0 KB; the limit is 1.0 KB)` });
    // Control: the same file under a limit it fits is read.
    expect(await readInput(path, { maxBytes: 4096 })).toEqual({ ok: true, text: 'x'.repeat(2048) });
  });

  it('a missing file and a directory', async () => {
    expect(await readInput(join(dir, 'nope.txt'))).toEqual({ ok: false, message: `no such file: ${join(dir, 'nope.txt')}` });
    const sub = join(dir, 'sub.html');
    mkdirSync(sub);
    expect(await readInput(sub)).toEqual({ ok: false, message: `is a directory: ${sub}` });
  });
});

describe('readInput: files that are read', () => {
  it('HTML with a relative <link rel=preload> (happy-dom threw "Invalid URL" against about:blank, out of reach of any catch)', async () => {
    const path = file(
      'preload.html',
      `<html><head><link rel="preload" as="fetch" href="/page-data/app.json"><link rel="preload" as="style" href="site.css"><link rel="modulepreload" href="./m.js"></head>${ARTICLE.slice(6)}`,
    );
    expect(await readInput(path)).toEqual({ ok: true, text: 'The EU and Japan met in Tokyo on 1 November 2024.' });
  });

  it('markup happy-dom\'s document parser throws on (<table><html>, found by the property tests) is read as a fragment', async () => {
    const path = file('misnested.html', '<table><html><p>The EU and Japan met in Tokyo on 1 November 2024.</p>');
    expect(await readInput(path)).toEqual({ ok: true, text: 'The EU and Japan met in Tokyo on 1 November 2024.' });
  });

  it('a UTF-8 byte-order mark is not text', async () => {
    const path = file('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Tokyo.')]));
    expect(await readInput(path)).toEqual({ ok: true, text: 'Tokyo.' });
  });

  it('UTF-16 with its byte-order mark', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'Tokyo é.'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await readInput(file('utf16.txt', le))).toEqual({ ok: true, text: 'Tokyo é.' });
  });

  it('HTML in the charset it declares (windows-1252)', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1252"><p>Caf'), 0xe9, ...new TextEncoder().encode(' in Tokyo.</p>')]);
    expect(await readInput(file('cp1252.html', bytes))).toEqual({ ok: true, text: 'Café in Tokyo.' });
  });
});

describe('looksBinary and decodeText', () => {
  it('text in many scripts, with tabs and form feeds, is text', () => {
    expect(looksBinary(new TextEncoder().encode('日本と EU は\t安全保障\f協力に合意した。 العربية עברית'))).toBe(false);
  });

  it('decodeText refuses binary and invalid UTF-8 with an error, never a garbled string', () => {
    expect(() => decodeText(PNG, false)).toThrow('not a text or HTML file');
    expect(() => decodeText(new Uint8Array([0xc3, 0x28]), true)).toThrow(/unreadable encoding/);
  });
});
