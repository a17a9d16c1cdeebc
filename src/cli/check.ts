/**
 * `npm run check -- [--strictness LEVEL] [--format text|json] FILE...`: checks
 * files against the reference and prints their page reports.
 */
import { readFile } from 'node:fs/promises';
import { createChecker, defaultChecker, type Checker, type PageReport } from '../core';
import { loadClaimSet } from '../core/claims/load';
import { USAGE, parseArgs } from './args';
import { formatReportText } from './format-text';
import { readInput } from './read-input';

const EXIT_FILE_FAILED = 1;
const EXIT_USAGE = 2;

function fail(message: string): void {
  process.stderr.write(`check: ${message}\n`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A claim set from disk, validated (and its passages checked against the reference, when given). */
async function readClaimSet(file: string, referenceFile: string | undefined) {
  const read = async (path: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? messageOf(error)}`);
    }
  };
  const text = await read(file);
  const reference = referenceFile === undefined ? undefined : await read(referenceFile);
  return loadClaimSet(text, { file, ...(reference === undefined ? {} : { reference }) });
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    fail(`${parsed.message} (see --help)`);
    return EXIT_USAGE;
  }
  const { strictness, format, files, claims, reference } = parsed.args;

  let checker: Checker;
  try {
    checker = claims === undefined ? defaultChecker() : createChecker(await readClaimSet(claims, reference));
  } catch (error) {
    // A claim set that does not load: its message names the file and the field.
    fail(messageOf(error));
    return EXIT_FILE_FAILED;
  }

  const color = format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const reports: PageReport[] = [];
  let failed = false;
  let printedAny = false;

  for (const file of files) {
    const input = await readInput(file);
    if (!input.ok) {
      fail(input.message);
      failed = true;
      continue;
    }
    let report: PageReport;
    try {
      report = checker.check(input.text, { strictness, file: file === '-' ? '<stdin>' : file });
    } catch (error) {
      // Said of this file; the others are still checked.
      fail(`${file === '-' ? 'standard input' : file}: cannot check: ${messageOf(error).split('\n')[0]}`);
      failed = true;
      continue;
    }
    if (format === 'json') {
      reports.push(report);
    } else {
      process.stdout.write(`${printedAny ? '\n' : ''}${formatReportText(report, { color })}\n`);
      printedAny = true;
    }
  }

  if (format === 'json' && (reports.length > 0 || files.length > 1)) {
    process.stdout.write(`${JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2)}\n`);
  }
  return failed ? EXIT_FILE_FAILED : 0;
}

// `check … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
