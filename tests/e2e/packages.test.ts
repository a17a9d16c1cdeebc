/**
 * The extension as it would be shipped (no browser): Mozilla's linter finds
 * no error in the Firefox build, and `npm run zip` makes the Chrome and
 * Firefox packages, each holding the built extension and its manifest.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, ROOT } from './harness/paths';
import { readZip } from './zip-file';

const WEB_EXT = `${ROOT}node_modules/web-ext/bin/web-ext.js`;

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const describeMessage = ({ code, message, file, line }: LintMessage): string =>
  `${code}: ${message}${file ? ` (${file}${line === undefined ? '' : `:${line}`})` : ''}`;

interface Manifest {
  manifest_version: number;
  name: string;
  version: string;
  browser_specific_settings?: { gecko?: { id?: string } };
}

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(`${dir}/${prefix}`, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

describe('the Firefox build under web-ext lint', () => {
  it('web-ext lint --source-dir .output/firefox-mv2 reports no errors (warnings are printed)', () => {
    const run = spawnSync(
      process.execPath,
      [WEB_EXT, 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-input', '--no-config-discovery'],
      // No update check: nothing here may reach the network.
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, timeout: 110_000 },
    );
    const json = run.stdout.slice(run.stdout.indexOf('{'));
    let report: LintReport;
    try {
      report = JSON.parse(json) as LintReport;
    } catch {
      throw new Error(`web-ext lint printed no JSON report (exit ${run.status}): ${run.stdout}${run.stderr}`);
    }
    const lines = [...report.warnings.map((w) => `  warning ${describeMessage(w)}`), ...report.notices.map((n) => `  notice ${describeMessage(n)}`)];
    console.log(
      `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices${lines.length > 0 ? `\n${lines.join('\n')}` : ''}`,
    );
    expect(report.errors.map(describeMessage)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(run.status).toBe(0);
  });
});

describe('npm run zip', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { name: string; version: string };
  const zipPath = (suffix: string) => `${ROOT}.output/${pkg.name}-${pkg.version}-${suffix}.zip`;

  it('makes the Chrome (MV3) and Firefox (MV2) zips in .output/, each the built extension with its manifest, and the sources zip', () => {
    const started = Date.now();
    const run = spawnSync('npm', ['run', '-s', 'zip'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(run.status, `npm run zip failed:\n${run.stdout}${run.stderr}`).toBe(0);

    for (const [browser, build, manifestVersion] of [
      ['chrome', CHROME_BUILD, 3],
      ['firefox', FIREFOX_BUILD, 2],
    ] as const) {
      const path = zipPath(browser);
      // Made by this run, not left over from an earlier one (1 s of slack for coarse file times).
      expect(statSync(path).mtimeMs, `${path} was written by this run`).toBeGreaterThanOrEqual(started - 1_000);
      const zip = readZip(readFileSync(path));
      const files = zip.names.filter((name) => !name.endsWith('/')).sort();
      expect(files, `${browser}: the zip holds the built extension`).toEqual(filesUnder(build));
      const manifest = JSON.parse(zip.read('manifest.json').toString('utf8')) as Manifest;
      expect(manifest).toMatchObject({ manifest_version: manifestVersion, version: pkg.version });
      expect(manifest).toEqual(JSON.parse(readFileSync(`${build}/manifest.json`, 'utf8')));
      if (browser === 'firefox') expect(manifest.browser_specific_settings?.gecko?.id).toBeTruthy();
    }

    // Firefox's add-on review asks for the sources the package was built from.
    const sources = readZip(readFileSync(zipPath('sources')));
    expect(sources.names).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts']));
    expect(sources.names.filter((name) => name.startsWith('node_modules/') || name.startsWith('.output/'))).toEqual([]);
  });
});
