import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 15_000,
    pool: 'forks',
    globalSetup: ['scripts/vitest-global-setup.mjs'],
  },
});
