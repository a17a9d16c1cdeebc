/**
 * `npm run eval [-- --set NAMES] [--json] [--misses N] [--failures N]`: checks
 * every evaluation set at every strictness and prints its figures, then one
 * summary table of all sets. Always exits 0 when it could run: the bars are
 * tests (tests/accuracy/), not this report.
 *
 * Sets (`--set` takes a comma-separated list; default: all):
 * - `seed`, `real-dev`, `real-extra` and any other `tests/fixtures/real-*`
 *   directory with a `labels.jsonl`: hand-labelled sentences (src/eval/sets.ts).
 * - `reference`: the reference checked against itself (src/eval/self-check.ts).
 * - `metamorphic`: cases generated from the claim set (src/eval/metamorphic.ts).
 * - `unrelated`: real pages about other subjects, read as the CLI reads HTML
 *   (src/eval/unrelated.ts).
 * - `nearby`: the texts of tests/fixtures/nearby/, no labels: verdicts counted.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultChecker, STRICTNESS_LEVELS, type Checker } from '../core';
import { bundledClaimSet } from '../core/claims/bundled';
import { formatSetEvaluation } from '../eval/format';
import { evaluateSet, type SetEvaluation } from '../eval/labelled';
import { formatMetamorphic, runMetamorphic, type MetamorphicResult } from '../eval/metamorphic';
import { checkReferenceAgainstItself, formatSelfCheck, type SelfCheck } from '../eval/self-check';
import { isPresent, labelledSetSources, loadLabelledSet } from '../eval/sets';
import { checkPages, formatPages, type PagesResult } from '../eval/unrelated';
import { readInput } from './read-input';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = `${ROOT}tests/fixtures/`;

const USAGE = `usage: npm run eval -- [--set NAME,NAME...] [--json] [--misses N] [--failures N]
sets: seed, real-dev, real-extra (and any tests/fixtures/real-* with labels.jsonl), reference, metamorphic, unrelated, nearby
--misses N    labelled sentences listed per set, worst first (default 12)
--failures N  failed metamorphic cases listed per group (default 2)`;

interface Options {
  sets: string[] | undefined;
  json: boolean;
  misses: number;
  failures: number;
}

function parse(argv: readonly string[]): Options | string {
  const options: Options = { sets: undefined, json: false, misses: 12, failures: 2 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const value = (): string | undefined => {
      const eq = arg.indexOf('=');
      if (eq !== -1) return arg.slice(eq + 1);
      i += 1;
      return argv[i];
    };
    const name = arg.split('=')[0];
    if (name === '--json') options.json = true;
    else if (name === '--set' || name === '--sets') {
      const v = value();
      if (!v) return '--set needs a list of set names';
      options.sets = v.split(',').map((s) => s.trim()).filter(Boolean);
    } else if (name === '--misses' || name === '--failures') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return `${name} needs a whole number`;
      if (name === '--misses') options.misses = n;
      else options.failures = n;
    } else if (name === '--help' || name === '-h') return 'help';
    else return `unknown argument: ${arg}`;
  }
  return options;
}

type SummaryRow = { set: string; figures: string };

interface Output {
  text: string;
  json: unknown;
  summary: SummaryRow[];
}

function fixed(n: number): string {
  return n.toFixed(2);
}

function labelledSummary(se: SetEvaluation): SummaryRow[] {
  return STRICTNESS_LEVELS.map((s) => {
    const e = se.byStrictness[s];
    const hard = e.hardConflicts.total === 0 ? 'n/a' : `${e.hardConflicts.found}/${e.hardConflicts.total}`;
    return {
      set: `${se.name} ${s}`,
      figures:
        `acc ${fixed(e.accepted / Math.max(1, e.total))} (${e.accepted}/${e.total})  conflict P ${fixed(e.conflict.precision)} R ${fixed(e.conflict.recall)}` +
        `  hard ${hard}  flagged F1 ${fixed(e.flagged.f1)}  neu->con ${e.neutralAsConflict}`,
    };
  });
}

async function runLabelled(name: string, checker: Checker, options: Options): Promise<Output> {
  const source = labelledSetSources(FIXTURES).find((s) => s.name === name);
  if (!source || !isPresent(source)) {
    return { text: `${name}: not present`, json: { present: false }, summary: [{ set: name, figures: 'not present' }] };
  }
  const se = evaluateSet(loadLabelledSet(source), checker);
  return {
    text: formatSetEvaluation(se, { misses: options.misses }),
    json: {
      present: true,
      files: se.files,
      missingFiles: se.missingFiles,
      byStrictness: Object.fromEntries(
        STRICTNESS_LEVELS.map((s) => {
          const { matches: _matches, mistakes: _mistakes, ...figures } = se.byStrictness[s];
          return [s, { ...figures, notFound: figures.notFound.map((r) => ({ file: r.file, sentence: r.sentence })) }];
        }),
      ),
      misses: se.misses.map((m) => ({ file: m.gold.file, sentence: m.gold.sentence, gold: m.gold.label, severity: m.gold.severity, alsoAccept: m.gold.alsoAccept, got: m.got, weight: m.weight })),
    },
    summary: labelledSummary(se),
  };
}

async function runReference(checker: Checker): Promise<Output> {
  const reference = await readFile(`${ROOT}assets/reference.txt`, 'utf8');
  const result: SelfCheck = checkReferenceAgainstItself(reference, bundledClaimSet(), checker);
  return {
    text: formatSelfCheck(result),
    json: result,
    summary: STRICTNESS_LEVELS.map((s) => ({
      set: `reference ${s}`,
      figures: `checkable supported ${result.byStrictness[s].supported}/${result.checkable}  flagged ${result.byStrictness[s].flagged.length}`,
    })),
  };
}

async function runMetamorphicSet(checker: Checker, options: Options): Promise<Output> {
  const result: MetamorphicResult = runMetamorphic(bundledClaimSet(), checker);
  return {
    text: formatMetamorphic(result, { failures: options.failures }),
    json: { totals: result.totals, groups: result.groups.map(({ failures, ...g }) => ({ ...g, failures: failures.slice(0, 20) })) },
    summary: (['perturbed', 'paraphrase', 'moved'] as const).map((family) => {
      const t = result.totals[family];
      return { set: `metamorphic ${family}`, figures: `passed ${t.passed}/${t.total} (${fixed(t.passed / Math.max(1, t.total))})` };
    }),
  };
}

async function listFiles(dir: string, pick: (name: string) => string | undefined): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .map((e) => pick(e.isDirectory() ? `${e.name}/` : e.name))
      .filter((p): p is string => p !== undefined)
      .sort()
      .map((p) => `${dir}${p}`);
  } catch {
    return [];
  }
}

async function runPages(name: 'unrelated' | 'nearby', checker: Checker): Promise<Output> {
  const files =
    name === 'unrelated'
      ? await listFiles(`${FIXTURES}readability/`, (n) => (n.endsWith('/') ? `${n}source.html` : undefined))
      : await listFiles(`${FIXTURES}nearby/`, (n) => (n.endsWith('.txt') ? n : undefined));
  const result: PagesResult = await checkPages(files, checker, readInput, { root: FIXTURES });
  const expectation = name === 'unrelated' ? 'expected: no verdict at all' : 'texts about nearby events and planted errors; no labels, verdicts counted';
  return {
    text: formatPages(name, result, expectation),
    json: result,
    summary: STRICTNESS_LEVELS.map((s) => ({
      set: `${name} ${s}`,
      figures: `pages with a verdict ${result.byStrictness[s].pagesWithVerdict}/${result.pages}  verdicts ${result.byStrictness[s].verdicts} (conflict ${result.byStrictness[s].conflict})  errors ${result.errors.length}`,
    })),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parse(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (typeof options === 'string') {
    process.stderr.write(`eval: ${options}\n${USAGE}\n`);
    return 2;
  }
  const labelled = labelledSetSources(FIXTURES).map((s) => s.name);
  const all = [...labelled, 'reference', 'metamorphic', 'unrelated', 'nearby'];
  const chosen = options.sets ?? all;
  const unknown = chosen.filter((s) => !all.includes(s) && !s.startsWith('real-'));
  if (unknown.length > 0) {
    process.stderr.write(`eval: unknown set ${unknown.join(', ')} (sets: ${all.join(', ')})\n`);
    return 2;
  }
  const checker = defaultChecker();
  const outputs: [string, Output][] = [];
  for (const name of chosen) {
    let output: Output;
    if (name === 'reference') output = await runReference(checker);
    else if (name === 'metamorphic') output = await runMetamorphicSet(checker, options);
    else if (name === 'unrelated' || name === 'nearby') output = await runPages(name, checker);
    else output = await runLabelled(name, checker, options);
    outputs.push([name, output]);
    if (!options.json) process.stdout.write(`${output.text}\n\n`);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(Object.fromEntries(outputs.map(([n, o]) => [n, o.json])), null, 2)}\n`);
    return 0;
  }
  const rows = outputs.flatMap(([, o]) => o.summary);
  const width = Math.max(...rows.map((r) => r.set.length));
  process.stdout.write(`== summary ==\n${rows.map((r) => `${r.set.padEnd(width)}  ${r.figures}`).join('\n')}\n`);
  return 0;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
