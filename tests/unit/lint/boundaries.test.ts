import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers' boundaries (eslint.config.js, `npm run lint`) hold over the
 * whole tree, and the rules would catch a file that crossed one. Plus one
 * check ESLint cannot make: `import/no-cycle` skips type-only imports, and
 * the circle the page layer once had (the highlighters and the
 * near-viewport painter) ran through those, so the import graph of
 * src/core and src/page is also walked here with every import counted.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LINT_TIMEOUT_MS = 180_000;

const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (relative to the root; an existing file, whose text is replaced). */
async function rulesBroken(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((m) => m.ruleId);
}

describe('eslint.config.js', () => {
  it(
    'finds nothing in the tree (npm run lint)',
    async () => {
      const results = await eslint.lintFiles(['.']);
      const errors = results.reduce((n, r) => n + r.errorCount, 0);
      const formatted = errors > 0 ? await (await eslint.loadFormatter('stylish')).format(results) : '';
      expect(formatted).toBe('');
      expect(errors).toBe(0);
    },
    LINT_TIMEOUT_MS,
  );

  it('the page layer may not import src/ui or src/ext', async () => {
    expect(await rulesBroken('src/page/cards/finding-cards.ts', "import { mountCardHost } from '../../ui/card/card-host';\nexport const m = mountCardHost;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('src/page/session/session.ts', "import { MAX_FINDINGS_PAGE } from '../../ext/messages';\nexport const n = MAX_FINDINGS_PAGE;\n")).toEqual(['import/no-restricted-paths']);
    // A type is an import too.
    expect(await rulesBroken('src/page/cards/geometry.ts', "import type { FindingShortcuts } from '../../ext/commands';\nexport type S = FindingShortcuts;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('src/page/cards/geometry.ts', "import type { CardUi } from './card-ui';\nimport type { Verdict } from '../../core/verdict';\nexport type S = [CardUi, Verdict];\n")).toEqual([]);
  });

  it("the page's script may not bring the engine: the core modules it needs, one by one, not the index or the checker", async () => {
    expect(await rulesBroken('src/page/session/session.ts', "import { summarize } from '../../core';\nexport const s = summarize;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('src/ext/settings.ts', "import { defaultChecker } from '../core/check';\nexport const c = defaultChecker;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('entrypoints/page.ts', "import { PageChecker } from '../src/core/page-checker';\nexport const p = PageChecker;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('src/page/session/session.ts', "import { summarize } from '../../core/report';\nexport const s = summarize;\n")).toEqual([]);
  });

  it('the engine imports only itself, its data and its packages', async () => {
    expect(await rulesBroken('src/core/report.ts', "import type { Highlighter } from '../page/marking/highlighter';\nexport type H = Highlighter;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('src/core/report.ts', "import { STRICTNESS_LABELS } from '../ext/labels';\nexport const l = STRICTNESS_LABELS;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('src/core/report.ts', "import Fuse from 'fuse.js';\nimport raw from '../../assets/claims.json';\nexport const x = [Fuse, raw];\n")).toEqual([]);
  });

  it('the UI may not import the CLI or the evaluation, and nothing in src imports an entry point', async () => {
    expect(await rulesBroken('src/ui/card/card-ui.ts', "import { OUTPUT_FORMATS } from '../../cli/args';\nexport const f = OUTPUT_FORMATS;\n")).toEqual(['import/no-restricted-paths']);
    expect(await rulesBroken('src/ext/labels.ts', "import page from '../../entrypoints/page';\nexport const p = page;\n")).toEqual(['import/no-restricted-paths']);
  });

  it('a circle in the page layer is a cycle', async () => {
    // mark-elements.ts imports the upkeep; the upkeep importing it back closes a circle.
    expect(await rulesBroken('src/page/marking/mark-upkeep.ts', "import { ElementHighlighter } from './mark-elements';\nexport class FlashTimers {}\nexport class TreeStyles {}\nexport const e = ElementHighlighter;\n")).toEqual(['import/no-cycle']);
    // Back through a type-only import, the rule lets it pass: the walk below counts those.
    expect(await rulesBroken('src/page/marking/mark-upkeep.ts', "import type { ElementHighlighter } from './mark-elements';\nexport class FlashTimers {}\nexport class TreeStyles {}\nexport type E = ElementHighlighter;\n")).toEqual([]);
  });
});

/** Every relative import of a module (type-only and re-exports included), as the files they resolve to. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const base = resolve(dirname(file), fileName);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(isFile);
    return found ? [found] : [];
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The cycles of a graph (each found once, from where the walk met it), as lists of nodes. */
function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the import graph of src/core and src/page, type-only imports included', () => {
  it('has no cycle', () => {
    const files = [...sourceFiles(join(ROOT, 'src/core')), ...sourceFiles(join(ROOT, 'src/page'))];
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const cycles = cyclesIn(graph).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('the walk finds a circle, type-only or not', () => {
    const graph = new Map([
      ['highlighter', ['highlight-api', 'anchor']],
      ['highlight-api', ['highlighter', 'anchor']],
      ['anchor', []],
      ['session', ['highlighter']],
    ]);
    expect(cyclesIn(graph)).toEqual([['highlighter', 'highlight-api', 'highlighter']]);
    expect(cyclesIn(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
