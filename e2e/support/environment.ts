import { fileURLToPath } from 'node:url';

/**
 * Where the demo suites (e2e/scenarios, e2e/genesys, e2e/amazon, e2e/extensions) find the demo: one
 * real bridge, started by playwright.config.ts with the built pages and the suite's simulator
 * (e2e/support/bridge.yaml), serving the Fusion simulator at `/`, the toolbar at `/toolbar/`, the
 * simulated Amazon Connect CCP at `/ccp/` and the control API at `/sim/*`.
 * `E2E_BRIDGE_PORT` moves it (for instance when another run holds the default port).
 */
export const E2E_BRIDGE_PORT = Number(process.env.E2E_BRIDGE_PORT ?? 18087);
export const E2E_BRIDGE_URL = `http://127.0.0.1:${E2E_BRIDGE_PORT}`;

/** The bridge's second origin (dev mode: its port + 1), which serves the sample web extension. */
export const E2E_EXTENSIONS_PORT = E2E_BRIDGE_PORT + 1;

/** The suite's bridge configuration: dev mode, its simulator, the snapshot of the built pages. */
export const E2E_BRIDGE_CONFIG = fileURLToPath(new URL('./bridge.yaml', import.meta.url));

/** The suite's contact-center simulator: a pool of agents, no RONA, an hour's after-call work after each customer call. */
export const E2E_SIMULATOR_CONFIG = fileURLToPath(new URL('./simulator.yaml', import.meta.url));

/** The git-ignored folder the suite saves its screenshots of the main states to. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../.test-results/screenshots/', import.meta.url));
