import { defineConfig } from 'vitest/config';

// Plain Vitest: WXT 0.20.9 has no `wxt/testing/vitest-plugin` export, and no
// test needs the fake browser yet. Tests that need a DOM build one with
// happy-dom themselves, so the default environment stays Node, like the CLI.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
