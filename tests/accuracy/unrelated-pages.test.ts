import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { STRICTNESS_LEVELS } from '../../src/core';
import type { PagesResult } from '../../src/eval/unrelated';

// Issue 9: real pages about other subjects (Mozilla Readability's 130 saved
// test pages, tests/fixtures/readability/*/source.html) get no verdict at
// all. Run through `npm run eval -- --set unrelated --json` in a child
// process: it reads each page with the CLI's own HTML path, and a page whose
// reader throws from a queued task (happy-dom does on one page) cannot take
// the test runner down with it.
const root = fileURLToPath(new URL('../../', import.meta.url));
let result: PagesResult;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', '--set', 'unrelated', '--json'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  result = (JSON.parse(stdout) as { unrelated: PagesResult }).unrelated;
}, 300_000);

describe('unrelated real pages', () => {
  it('reads the pages (a page the reader cannot parse is an error, not a pass)', () => {
    expect(result.pages).toBeGreaterThanOrEqual(130);
    expect(result.pages - result.errors.length).toBeGreaterThanOrEqual(125);
  });

  it.each(STRICTNESS_LEVELS)('gives no verdict on any of them at %s', (strictness) => {
    const pages = result.byStrictness[strictness].pages.map((p) => `${p.file}: ${p.verdicts.map((v) => `${v.verdict} "${v.text}"`).join('; ')}`);
    expect(pages).toEqual([]);
  });
});
