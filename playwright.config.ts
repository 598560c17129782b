import { defineConfig } from '@playwright/test';
import { FUSION_SIM_PORT } from './e2e/fixtures/ports.ts';
import { E2E_BRIDGE_CONFIG, E2E_BRIDGE_PORT, E2E_BRIDGE_URL } from './e2e/support/environment.ts';

/**
 * End-to-end specs in headless Chromium (the system's, not a downloaded one). Two web servers, started
 * one after the other:
 * - the real bridge as `npm start` runs it (every page built once, first), on a test port with the
 *   Genesys suite's configuration (e2e/support/bridge.yaml: dev mode, its simulator, a snapshot of
 *   the built pages), for the scenario specs in e2e/genesys. Outside CI a bridge already on that port
 *   is reused, as the other server is (E2E_BRIDGE_PORT moves it). One worker: the specs share its
 *   simulator.
 * - the built simulators' pages with e2e/fixtures on two ports (e2e/fixtures/static-server.ts), for
 *   the Fusion simulator spec and its fixture toolbar.
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
