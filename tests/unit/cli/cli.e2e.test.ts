/**
 * The CLIs as a user runs them: a child process, its exit code, stdout and stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STRICTNESS_LEVELS, VERDICTS, type PageReport } from '../../../src/core';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEED = 'tests/fixtures/seeds/000_d5a01fd3a231b0ac.txt';
const SEED_002 = 'tests/fixtures/seeds/002_e7a668e7c20fc301.txt';
const PAGE_002 = 'tests/fixtures/html/002-news-page.html';
// Generous: a child process starts tsx and loads the engine; no timing is asserted.
const TIMEOUT = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(script: 'check' | 'eval', args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NO_COLOR;
    const child = spawn('npx', ['tsx', `src/cli/${script}.ts`, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: withoutNpmNoise(stderr) }));
    child.stdin.end(stdin);
  });
}

/** npm's own warnings about the machine's npm config are not the CLI's output. */
function withoutNpmNoise(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');
}

function expectPageReport(value: unknown): asserts value is PageReport {
  const report = value as PageReport;
  expect(Object.keys(report).sort()).toEqual(['file', 'sentences', 'strictness', 'summary', 'topical']);
  expect(typeof report.file).toBe('string');
  expect(STRICTNESS_LEVELS).toContain(report.strictness);
  expect(typeof report.topical).toBe('boolean');
  expect(report.sentences.length).toBeGreaterThan(0);
  for (const sentence of report.sentences) {
    expect(typeof sentence.text).toBe('string');
    expect(sentence.end).toBeGreaterThan(sentence.start);
    expect(sentence.verdict === null || VERDICTS.includes(sentence.verdict)).toBe(true);
  }
  expect(Object.keys(report.summary).sort()).toEqual(['conflict', 'supported', 'unsupported']);
  for (const verdict of VERDICTS) {
    expect(report.summary[verdict]).toBe(report.sentences.filter((s) => s.verdict === verdict).length);
  }
}

describe('check: files that work', () => {
  it('text format: a heading naming the file, a summary line, no colour when stdout is not a terminal', async () => {
    const { code, stdout, stderr } = await runCli('check', [SEED]);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${SEED} (balanced)`);
    expect(lines.at(-1)).toMatch(/^ {2}(\d+ conflicts?, \d+ unsupported, \d+ supported; \d+ sentences? without a verdict|not about the reference's subject.*)$/);
    expect(stdout).not.toContain('\u001b[');
  }, TIMEOUT);

  it('json format, one file: one page report whose offsets point into the file', async () => {
    const { code, stdout, stderr } = await runCli('check', ['--format', 'json', '--strictness', 'strict', SEED]);
    expect([code, stderr]).toEqual([0, '']);
    const report: unknown = JSON.parse(stdout);
    expectPageReport(report);
    expect(report.file).toBe(SEED);
    expect(report.strictness).toBe('strict');
    const text = readFileSync(new URL(`../../../${SEED}`, import.meta.url), 'utf8');
    for (const sentence of report.sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  }, TIMEOUT);

  it('json format, several files: an array of page reports in argument order', async () => {
    const { code, stdout } = await runCli('check', ['--format=json', SEED, SEED_002]);
    expect(code).toBe(0);
    const reports: unknown = JSON.parse(stdout);
    expect(Array.isArray(reports)).toBe(true);
    (reports as unknown[]).forEach(expectPageReport);
    expect((reports as PageReport[]).map((r) => r.file)).toEqual([SEED, SEED_002]);
  }, TIMEOUT);

  it('an HTML page is checked as its article text: the same sentences and verdicts as the plain text', async () => {
    const [page, plain] = await Promise.all([
      runCli('check', ['--format', 'json', PAGE_002]),
      runCli('check', ['--format', 'json', SEED_002]),
    ]);
    expect([page.code, plain.code]).toEqual([0, 0]);
    const strip = (r: PageReport) => r.sentences.map(({ text, verdict }) => ({ text, verdict }));
    expect(strip(JSON.parse(page.stdout) as PageReport)).toEqual(strip(JSON.parse(plain.stdout) as PageReport));
  }, TIMEOUT);

  it('- reads standard input as text', async () => {
    const { code, stdout } = await runCli('check', ['--format', 'json', '-'], 'Borrell and Iwaya met in Tokyo on 1 November.\n');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as PageReport;
    expect(report.file).toBe('<stdin>');
    expect(report.sentences.map((s) => s.text)).toEqual(['Borrell and Iwaya met in Tokyo on 1 November.']);
  }, TIMEOUT);

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await runCli('check', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run check -- /);
  }, TIMEOUT);
});

describe('check: errors', () => {
  it.each([
    ['a missing file is named; the other file is still checked', ['nope.txt', SEED], 'check: no such file: nope.txt'],
    ['a directory is named; the other file is still checked', [SEED, 'tests'], 'check: is a directory: tests'],
  ])('exit 1: %s', async (_reason, files, message) => {
    const { code, stdout, stderr } = await runCli('check', files);
    expect(code).toBe(1);
    expect(stderr).toBe(`${message}\n`);
    expect(stdout).toContain(`${SEED} (balanced)`);
  }, TIMEOUT);

  it('exit 1 in json format too; the array holds the files that could be read', async () => {
    const { code, stdout, stderr } = await runCli('check', ['--format', 'json', SEED, 'nope.txt']);
    expect(code).toBe(1);
    expect(stderr).toBe('check: no such file: nope.txt\n');
    expect((JSON.parse(stdout) as PageReport[]).map((r) => r.file)).toEqual([SEED]);
  }, TIMEOUT);

  it.each([
    ['an unknown flag, named', ['--colour', SEED], 'check: unknown option: --colour (see --help)'],
    ['a bad value, named with the flag', ['--strictness', 'harsh', SEED], 'check: bad value for --strictness: harsh (expected lenient, balanced, strict) (see --help)'],
    ['no file given', [], 'check: no file given (use - for standard input) (see --help)'],
  ])('exit 2, one line on stderr, nothing on stdout: %s', async (_reason, args, message) => {
    const { code, stdout, stderr } = await runCli('check', args);
    expect([code, stdout, stderr]).toEqual([2, '', `${message}\n`]);
  }, TIMEOUT);
});

describe('check: every file on its own', () => {
  it('a batch of real pages, an empty file, a PNG, a Latin-1 file: one line per bad file, every good file reported, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ejfc-cli-batch-'));
    try {
      const empty = join(dir, 'empty.html');
      writeFileSync(empty, '');
      const png = join(dir, 'shot.png');
      writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      const latin1 = join(dir, 'latin1.txt');
      writeFileSync(latin1, new Uint8Array([0x43, 0x61, 0x66, 0xe9]));
      // Real pages with <link rel=preload href="/..."> (gitlab-blog: the page that killed the batch with "Invalid URL").
      const pages = ['gitlab-blog', 'medium-3', 'nytimes-5'].map((name) => `tests/fixtures/readability/${name}/source.html`);
      const { code, stdout, stderr } = await runCli('check', ['--format', 'json', pages[0]!, empty, png, pages[1]!, latin1, pages[2]!, SEED]);
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toEqual([
        `check: ${empty}: empty`,
        `check: ${png}: not a text or HTML file`,
        `check: ${latin1}: unreadable encoding (not valid UTF-8, and no other charset declared; convert it to UTF-8)`,
      ]);
      const reports = JSON.parse(stdout) as PageReport[];
      expect(reports.map((r) => r.file)).toEqual([...pages, SEED]);
      // None of the real pages is about the subject: no verdict on any of them.
      // nytimes-5 is a section front, no article: read as nothing (a report with no sentences, not an error).
      expect(reports.map((r) => r.sentences.length > 0)).toEqual([true, true, false, true]);
      for (const report of reports.slice(0, 3)) {
        expect(report.sentences.filter((s) => s.verdict !== null)).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, TIMEOUT);
});

describe('check: --claims', () => {
  it('checks against the claim set given, with the same verdicts as the bundled one', async () => {
    const bundled = await runCli('check', ['--format', 'json', SEED_002]);
    const given = await runCli('check', ['--format', 'json', '--claims', 'assets/claims.json', '--reference', 'assets/reference.txt', SEED_002]);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout)).toEqual(JSON.parse(bundled.stdout));
  }, TIMEOUT);

  it.each([
    ['a missing claim set is named', ['--claims', 'nope.json', SEED], 'check: no such file: nope.json'],
    ['a claim set that is not JSON names the file', ['--claims', SEED, SEED], `check: ${SEED}: invalid claim set: (file) is not valid JSON`],
    ['a passage not in the reference names the file and the field', ['--claims', 'assets/claims.json', '--reference', SEED, SEED], 'check: assets/claims.json: invalid claim set: claims[0].passage of "dialogue-held" is not in the reference text'],
  ])('exit 1, nothing checked: %s', async (_reason, args, message) => {
    const { code, stdout, stderr } = await runCli('check', args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  }, TIMEOUT);
});

describe('eval', () => {
  it('prints every set at every strictness, the summary, and exits 0 whatever the figures', async () => {
    const { code, stdout, stderr } = await runCli('eval', []);
    expect([code, stderr]).toEqual([0, '']);
    for (const set of ['seed', 'real-dev', 'real-extra', 'reference', 'unrelated']) for (const level of STRICTNESS_LEVELS) expect(stdout).toMatch(new RegExp(`^${set} +${level} `, 'm'));
    expect(stdout).toMatch(/^metamorphic perturbed /m);
    expect(stdout).toContain('gold \\ predicted');
    expect(stdout).toContain('== summary ==');
  }, TIMEOUT);
});
