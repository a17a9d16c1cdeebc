/**
 * Command-line arguments of `check`, parsed without touching the process, so
 * tests can feed it arrays.
 */
import { DEFAULT_STRICTNESS, STRICTNESS_LEVELS, isStrictness, type Strictness } from '../core';

export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CheckArgs {
  strictness: Strictness;
  format: OutputFormat;
  /** Paths as given; `-` is standard input. */
  files: string[];
  /** A claim set to check against instead of the bundled one. */
  claims?: string;
  /** The reference text the claim set's passages must occur in. */
  reference?: string;
}

export type ParsedArgs =
  | { kind: 'run'; args: CheckArgs }
  | { kind: 'help' }
  /** A usage error: `message` is one line naming the flag or what is missing. */
  | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: npm run check -- [--strictness ${STRICTNESS_LEVELS.join('|')}] [--format ${OUTPUT_FORMATS.join('|')}] FILE...

Checks each sentence of FILE against the EEAS release on the EU-Japan Security
and Defence Partnership (Tokyo, 1 November 2024).

  FILE                 .txt (or any other name): plain text; .html/.htm: the page's
                       article text; - : standard input, read as plain text
  --strictness LEVEL   lenient: hard conflicts only; balanced (default): every
                       conflict and unsupported claims; strict: also weakly
                       supported sentences
  --format FORMAT      text (default): for reading; json: the page report, one
                       object for one file, an array for several
  --claims FILE        check against this claim set (format: assets/claim-set.schema.json)
                       instead of the bundled one
  --reference FILE     with --claims: the reference text every passage must occur in
  -h, --help           this text

Exit status: 0 all files checked; 1 a file could not be read or checked;
2 usage error.`;

function isFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Parses `argv` (without the node and script paths). `--flag value` and `--flag=value` both work; `--` ends the flags. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args: CheckArgs = { strictness: DEFAULT_STRICTNESS, format: 'text', files: [] };
  let flagsEnded = false;

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (flagsEnded || arg === '-' || !arg.startsWith('-')) {
      args.files.push(arg);
      continue;
    }
    if (arg === '--') {
      flagsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };

    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (name !== '--strictness' && name !== '--format' && name !== '--claims' && name !== '--reference') {
      return { kind: 'usage-error', message: `unknown option: ${name}` };
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') {
      return { kind: 'usage-error', message: `${name} needs a value` };
    }

    if (name === '--claims' || name === '--reference') {
      args[name === '--claims' ? 'claims' : 'reference'] = value;
    } else if (name === '--strictness') {
      if (!isStrictness(value)) {
        return { kind: 'usage-error', message: `bad value for --strictness: ${value} (expected ${STRICTNESS_LEVELS.join(', ')})` };
      }
      args.strictness = value;
    } else {
      if (!isFormat(value)) {
        return { kind: 'usage-error', message: `bad value for --format: ${value} (expected ${OUTPUT_FORMATS.join(', ')})` };
      }
      args.format = value;
    }
  }

  if (args.reference !== undefined && args.claims === undefined) return { kind: 'usage-error', message: '--reference goes with --claims' };
  if (args.files.length === 0) return { kind: 'usage-error', message: 'no file given (use - for standard input)' };
  return { kind: 'run', args };
}
