import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Copies the freshly built pages (the simulators' and the toolbar's dist/) to the folder the suite's
 * bridge serves (e2e/support/bridge.yaml), so that a rebuild in the working tree while the suite
 * runs cannot pull a page from under a test. Run by playwright.config.ts after `npm run build`.
 */

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const PAGES = [
  { from: here('../../packages/simulators/dist'), to: here('../../.test-results/e2e-pages/simulators') },
  { from: here('../../packages/toolbar/dist'), to: here('../../.test-results/e2e-pages/toolbar') },
];

for (const { from, to } of PAGES) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
