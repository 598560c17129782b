import { defineConfig } from 'vitest/config';

/**
 * The vendor-kit suites: tests that hold ctikit against code and data the vendors wrote
 * (`../shared/kits`, see its README), found through `CTIKIT_KITS`. Run by `npm run test:vendors`
 * (scripts/run-vendor-tests.mjs), never by `npm test`, so a plain clone runs without the kits.
 */
export default defineConfig({
  test: {
    include: ['packages/*/vendor-test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
