import { defineConfig } from '@playwright/test';
import { FUSION_SIM_PORT } from './e2e/fixtures/ports.ts';
import type { Vendor } from './e2e/support/demo-test.ts';
import { E2E_BRIDGE_CONFIG, E2E_BRIDGE_PORT, E2E_BRIDGE_URL } from './e2e/support/environment.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium.ts';

/**
 * End-to-end specs in headless Chromium (the system's, not a downloaded one), in projects:
 * - `genesys` and `amazon`: the flows both vendors share (e2e/scenarios), written once and run once
 *   per vendor — the project sets the `vendor` the demo opens the toolbar on;
 * - `genesys-only` and `amazon-only`: what only one vendor has (e2e/genesys, e2e/amazon);
 * - `extensions`: the web extensions and the Service Client API (e2e/extensions);
 * - `fusion-simulator`: the Fusion simulator with its fixture toolbar (e2e/fusion-simulator.spec.ts).
 *
 * Two web servers, started one after the other:
 * - the real bridge as `npm start` runs it (every page built once, first), on a test port with the
 *   suite's configuration (e2e/support/bridge.yaml: dev mode, its simulator, a snapshot of the built
 *   pages), for every project but the last. Outside CI a bridge already on that port is reused, as
 *   the other server is (E2E_BRIDGE_PORT moves it). One worker: the specs share its simulator.
 * - the built simulators' pages with e2e/fixtures on two ports (e2e/fixtures/static-server.ts), for
 *   the Fusion simulator spec and its fixture toolbar.
 */

export default defineConfig<object, { vendor: Vendor }>({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'genesys', testDir: 'e2e/scenarios', use: { vendor: 'genesys' } },
    { name: 'amazon', testDir: 'e2e/scenarios', use: { vendor: 'amazon' } },
    { name: 'genesys-only', testDir: 'e2e/genesys' },
    { name: 'amazon-only', testDir: 'e2e/amazon' },
    { name: 'extensions', testDir: 'e2e/extensions' },
    { name: 'fusion-simulator', testMatch: 'fusion-simulator.spec.ts' },
  ],
  webServer: [
    {
      command: [
        'npm run build',
        'npx tsx e2e/support/snapshot-pages.ts',
        `npx tsx packages/bridge/src/cli.ts start --config ${E2E_BRIDGE_CONFIG} --port ${E2E_BRIDGE_PORT}`,
      ].join(' && '),
      url: `${E2E_BRIDGE_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: 'npx tsx e2e/fixtures/static-server.ts',
      url: `http://localhost:${FUSION_SIM_PORT}/index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
