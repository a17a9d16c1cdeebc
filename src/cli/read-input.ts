/**
 * Reads one CLI input as the text to check: plain text as it is, HTML as the
 * article text a reader of the page sees.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { htmlReadableText } from './html';

export type InputResult = { ok: true; text: string } | { ok: false; message: string };

const HTML_EXTENSIONS = new Set(['.html', '.htm']);

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
      return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function readStdin(): Promise<string> {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk as string;
  return text;
}

/** The text to check in `path` (`-`: standard input, as plain text). */
export async function readInput(path: string): Promise<InputResult> {
  let raw: string;
  try {
    raw = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, message: describeReadError(path === '-' ? 'standard input' : path, error) };
  }
  // A byte-order mark is not part of the first sentence.
  raw = raw.replace(/^\uFEFF/, '');
  if (path !== '-' && isHtmlPath(path)) {
    try {
      return { ok: true, text: await htmlReadableText(raw) };
    } catch (error) {
      return { ok: false, message: `cannot parse ${path} as HTML: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true, text: raw };
}
