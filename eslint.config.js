// ESLint checks the layers' boundaries and nothing else (no style rules):
// which folder may import which (see the README's Layout), and no import
// cycles in the engine and the page layer. `npm run lint`; the unit test
// tests/unit/lint/boundaries.test.ts runs the same over the tree.
import tsParser from '@typescript-eslint/parser';
import importPlugin from 'eslint-plugin-import';

/** What may not be imported where: `target` may not import from `from` (except `except`, relative to `from`). */
const zones = [
  {
    target: './src/core',
    from: '.',
    except: ['./src/core', './assets', './node_modules'],
    message: 'src/core is the engine: pure TypeScript that imports only itself, its data (assets/) and its packages.',
  },
  {
    target: './src/page',
    from: '.',
    except: ['./src/page', './src/core'],
    message: 'src/page (the DOM layer) imports only src/page and src/core; what it needs from src/ui or src/ext is handed in by the entry point (see PageSessionOptions).',
  },
  {
    // The page's script runs on every page the reader opens; the engine runs
    // in the background. The engine's index brings the engine (and the claim
    // set) with it, so the page side imports the few core modules it needs
    // one by one (report, strictness, verdict, gate, the protocol's types).
    target: ['./src/page', './entrypoints/page.ts', './entrypoints/cards.ts', './src/ext/card-script.ts', './src/ext/settings.ts', './src/ext/flag-notes.ts', './src/ext/engine.ts', './src/ext/messages.ts', './src/ext/labels.ts', './src/ext/commands.ts', './src/ui/card'],
    from: ['./src/core/index.ts', './src/core/check.ts', './src/core/check-service.ts', './src/core/page-checker.ts', './src/core/assess.ts', './src/core/claims'],
    message: "the page's script must not bring the engine: import the core module you need (report, strictness, verdict, gate, check-protocol), not the engine's index or its checker.",
  },
  {
    // The card's UI comes into a page with its first mark, in a script of its
    // own (entrypoints/cards.ts, see src/ext/card-script.ts): the script every
    // page evaluates does not bring it.
    target: './entrypoints/page.ts',
    from: './src/ui',
    message: "the page's script does not bring the card's UI: it comes in cards.js with the first mark (src/ext/card-script.ts).",
  },
  {
    target: './src/ui',
    from: ['./src/cli', './src/eval'],
    message: 'src/ui runs in the extension: it may not import the Node CLI or the evaluation.',
  },
  {
    target: './src',
    from: './entrypoints',
    message: 'entrypoints/ only wires: nothing in src/ imports it.',
  },
];

export default [
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'import/extensions': ['.ts', '.tsx', '.js'],
    },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/page/**/*.ts'],
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true, disableScc: true }],
    },
  },
];
