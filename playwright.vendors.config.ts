import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium.ts';

/**
 * The browser half of the vendor-kit suites (`npm run test:vendors`): specs in e2e-vendors drive
 * ctikit in headless Chromium against code the vendors wrote (`../shared/kits`, found through
 * `CTIKIT_KITS`). The pages are built first (e2e-vendors/support/built-pages.ts); each spec starts
 * the servers it needs itself (its own ports), so nothing here depends on the demo suites' bridge.
 */
export default defineConfig({
  testDir: 'e2e-vendors',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  globalSetup: './e2e-vendors/support/built-pages.ts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
});
