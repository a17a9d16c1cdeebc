import { defineConfig } from 'vitest/config';

// Plain Vitest: WXT 0.20.9 has no `wxt/testing/vitest-plugin` export, and no
// test needs the fake browser yet. Tests that need a DOM build one with
// happy-dom themselves, so the default environment stays Node, like the CLI.
//
// Two projects, both run by `vitest run` (`npm test`): `unit` (fast, no
// browser) and `e2e` (the built extension in Chromium and Firefox; see
// tests/e2e/). `vitest run --project unit` runs the fast ones alone.
export default defineConfig({
  resolve: {
    // webextension-polyfill throws when loaded outside an extension; see the stand-in's comment.
    alias: { 'webextension-polyfill': new URL('./tests/unit/support/no-extension-api.ts', import.meta.url).pathname },
  },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Real browsers on a 2-core machine: one test file at a time, in a
          // child process, with generous limits. No test asserts a duration.
          fileParallelism: false,
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // The Firefox harness speaks WebDriver BiDi over the global
          // WebSocket, behind a flag on Node 20 (built in from Node 22).
          execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
        },
      },
    ],
  },
});
