import { defineConfig } from '@playwright/test';
import { FUSION_SIM_PORT } from './e2e/fixtures/ports.ts';

/**
 * End-to-end specs in headless Chromium (the system's, not a downloaded one). The web server builds
 * the simulators' pages and serves them with e2e/fixtures on two ports (see
 * e2e/fixtures/static-server.ts), until the bridge serves them.
 */

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'npm run build --workspace @ctikit/simulators && npx tsx e2e/fixtures/static-server.ts',
      url: `http://localhost:${FUSION_SIM_PORT}/index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
