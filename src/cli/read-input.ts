/**
 * Reads one CLI input as the text to check: plain text as it is, HTML as the
 * article text a reader of the page sees.
 *
 * Each input is read on its own: whatever is wrong with one file (missing,
 * empty, binary, too large, in an encoding that cannot be read, HTML the
 * parser cannot take) comes back as one line naming the file and the reason,
 * never as an exception, so the other files are still checked.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { htmlReadableText } from './html';

export type InputResult = { ok: true; text: string } | { ok: false; message: string };

/** The largest file the CLI reads (a long news page is well under 5 MB). */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

export interface ReadInputOptions {
  /** Files larger than this are refused (default `MAX_INPUT_BYTES`). */
  maxBytes?: number;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

export function isHtmlPath(path: string): boolean {
  return HTML_EXTENSIONS.has(extname(path).toLowerCase());
}

/** One line saying why `path` could not be read, naming it. */
export function describeReadError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such file: ${path}`;
    case 'EISDIR':
      return `is a directory: ${path}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${path}`;
    default:
      return `cannot read ${path}: ${oneLine(error instanceof Error ? error.message : String(error))}`;
  }
}

function oneLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

class InputError extends Error {}

/** Reads at most `maxBytes + 1` bytes, so that a huge file is refused without being read whole. */
async function readFileBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new InputError(tooLarge(size, maxBytes));
    const chunks: Uint8Array[] = [];
    let total = 0;
    // Read to the end (a stat size of 0 can be a pipe or a special file).
    for (;;) {
      const chunk = new Uint8Array(Math.min(1 << 20, maxBytes + 1 - total) || 1);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new InputError(tooLarge(total, maxBytes, false));
    }
    return concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function readStdinBytes(maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk as ArrayBufferLike);
    chunks.push(bytes);
    total += bytes.length;
    if (total > maxBytes) throw new InputError(tooLarge(total, maxBytes, false));
  }
  return concat(chunks, total);
}

/** `size` is what was seen; `exact` when it is the file's whole size (not where reading stopped). */
function tooLarge(size: number, maxBytes: number, exact = true): string {
  return `too large (${exact ? '' : 'over '}${formatBytes(exact ? size : maxBytes)}; the limit is ${formatBytes(maxBytes)})`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Signatures of common binary formats, for a clear message even when the bytes happen to have no NUL early on. */
const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, docx, epub
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav)
  [0x00, 0x00, 0x01, 0x00], // ICO
];

/**
 * Whether `bytes` are not text: a known binary signature, a NUL byte, or
 * more than one byte in ten a control character no text uses, in the first
 * 8 KB. (UTF-16 text, which has NULs, is recognised by its byte-order mark
 * before this is asked.)
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b))) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control * 10 > sample.length;
}

/** The charset an HTML file declares in its first 1024 bytes (`<meta charset>` or `http-equiv`), as a label. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * `bytes` as text: a byte-order mark says the encoding (UTF-8, UTF-16), else
 * an HTML file's declared charset, else UTF-8, which must then be valid.
 */
export function decodeText(bytes: Uint8Array, html: boolean): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  if (looksBinary(bytes)) throw new InputError('not a text or HTML file');
  const charset = html ? declaredCharset(bytes) : undefined;
  if (charset && !/^utf-?8$/.test(charset)) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      throw new InputError(`unreadable encoding (the page declares charset "${charset}", which is not known)`);
    }
    return decoder.decode(bytes);
  }
  return decode('utf-8', bytes);
}

function decode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      encoding === 'utf-8'
        ? 'unreadable encoding (not valid UTF-8, and no other charset declared; convert it to UTF-8)'
        : `unreadable encoding (not valid ${encoding.toUpperCase()})`,
    );
  }
}

/** The text to check in `path` (`-`: standard input, as plain text). */
export async function readInput(path: string, options: ReadInputOptions = {}): Promise<InputResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const name = path === '-' ? 'standard input' : path;
  const html = path !== '-' && isHtmlPath(path);
  let raw: string;
  try {
    const bytes = path === '-' ? await readStdinBytes(maxBytes) : await readFileBytes(path, maxBytes);
    if (bytes.length === 0) return { ok: false, message: `${name}: empty` };
    raw = decodeText(bytes, html);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: `${name}: ${error.message}` };
    return { ok: false, message: describeReadError(name, error) };
  }
  if (raw.trim().length === 0) return { ok: false, message: `${name}: empty` };
  if (html) {
    try {
      return { ok: true, text: await htmlReadableText(raw) };
    } catch (error) {
      return { ok: false, message: `${name}: cannot parse as HTML: ${oneLine(error instanceof Error ? error.message : String(error))}` };
    }
  }
  return { ok: true, text: raw };
}
