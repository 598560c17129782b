import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { loadSimulatorConfig } from '@ctikit/contact-center';
import { E2E_BRIDGE_URL, E2E_EXTENSIONS_PORT, E2E_SIMULATOR_CONFIG, SCREENSHOT_DIR } from './environment.ts';
import { FusionPage } from './fusion-page.ts';
import { PhonePanel } from './phone-panel.ts';
import { SimControl } from './sim-control.ts';
import { ToolbarView } from './toolbar-view.ts';

/**
 * The fixtures of the demo suites. Every test gets a contact center with no calls and every agent
 * logged out (before and after it), its own agent from the simulator's pool (every agent but the
 * campaigns' ones), and the demo page
 * opened as that agent: Fusion framing the toolbar on the worker's `vendor`, the customer phone
 * beside them, the sample extension served from the bridge's second origin. A test that needs a second agent takes the next one from `agentPool`.
 *
 * ```ts
 * test.use({ toolbarParams: { offerTimeoutSec: '2' } });   // extra URL parameters of the toolbar frame
 * test('…', async ({ demo, agent, sim, saveScreenshot }) => { … });
 * ```
 */

/**
 * The telephony vendor the toolbar runs on (its `vendor` URL parameter): the Genesys bridge, or
 * Amazon Connect through the simulated CCP. Both reach the same simulated contact center.
 */
export type Vendor = 'genesys' | 'amazon';

export interface Agent {
  agentId: string;
  name: string;
  dn: string;
}

export interface Demo {
  page: Page;
  fusion: FusionPage;
  toolbar: ToolbarView;
  phone: PhonePanel;
}

interface AgentPool {
  /** The next agent of the pool, in turn: a test takes one agent, or two for a transfer. */
  next(): Agent;
}

interface Fixtures {
  /** URL parameters added to the toolbar frame's (`locale`, `offerTimeoutSec`…). */
  toolbarParams: Record<string, string>;
  sim: SimControl;
  /** Automatic: no calls and every agent logged out, before the test and after it. */
  emptyContactCenter: void;
  agent: Agent;
  demo: Demo;
  /** Save a screenshot of the page in a main state to the git-ignored results folder, as `<vendor>-<name>.png`. */
  saveScreenshot: (name: string) => Promise<void>;
}

interface WorkerFixtures {
  /** The toolbar's vendor: set per project for e2e/scenarios (playwright.config.ts), fixed by a vendor's own suite. */
  vendor: Vendor;
  agentPool: AgentPool;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // The demo's config.json names the sample extension on the bridge's second origin (:8088): moved to this suite's.
  page: async ({ page }, use) => {
    await page.route('**/toolbar/config.json', async (route) => {
      const response = await route.fetch();
      const text = (await response.text()).replaceAll(':8088/', `:${E2E_EXTENSIONS_PORT}/`).replaceAll(':8088 ', `:${E2E_EXTENSIONS_PORT} `);
      await route.fulfill({ response, body: text });
    });
    await use(page);
  },

  vendor: ['genesys', { option: true, scope: 'worker' }],

  agentPool: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const config = await loadSimulatorConfig(E2E_SIMULATOR_CONFIG);
      // A campaign's agents are the outbound specs' own: their toolbars show the campaigns.
      const inCampaigns = new Set(config.campaigns.flatMap((campaign) => campaign.agents));
      const agents = config.agents.filter((agent) => !inCampaigns.has(agent.agentId));
      let turn = 0;
      await use({
        next: () => {
          const agent = agents[turn % agents.length];
          turn += 1;
          if (!agent) throw new Error('the simulator configuration has no agents');
          return { agentId: agent.agentId, name: agent.name, dn: agent.dn };
        },
      });
    },
    { scope: 'worker' },
  ],

  toolbarParams: [{}, { option: true }],

  sim: async ({ request }, use) => {
    await use(new SimControl(request, E2E_BRIDGE_URL));
  },

  emptyContactCenter: [
    async ({ sim }, use) => {
      await sim.reset();
      await use();
      await sim.reset();
    },
    { auto: true },
  ],

  agent: async ({ agentPool }, use) => {
    await use(agentPool.next());
  },

  demo: async ({ page, agent, vendor, toolbarParams }, use) => {
    await use(await openDemo(page, E2E_BRIDGE_URL, agent.agentId, { vendor, ...toolbarParams }));
  },

  saveScreenshot: async ({ page, vendor }, use) => {
    await use(async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${vendor}-${name}.png`), fullPage: true });
    });
  },
});

export { expect };

/** The call's eventId, as the toolbar gave it to Fusion on newCommEvent (the newest one). */
export async function offeredEventId(demo: Demo): Promise<string> {
  await expect.poll(async () => (await demo.fusion.uef.published('newCommEvent')).length).toBeGreaterThan(0);
  const eventId = (await demo.fusion.uef.last('newCommEvent')).data.eventId;
  if (!eventId) throw new Error('newCommEvent without an eventId');
  return eventId;
}

/** The toolbar settings the demo page itself takes and hands the toolbar frame (README's quick start). */
const PAGE_PARAMS: ReadonlySet<string> = new Set(['agentId', 'locale', 'vendor']);

/**
 * Open the demo on a bridge as the README says: the Fusion simulator at `/?agentId=…&locale=…&vendor=…`,
 * framing the toolbar as that agent. Other toolbar parameters (`offerTimeoutSec`) go in the frame's
 * own URL (`toolbar=`). Resolves once the toolbar is linked (it has reported the agent, so the phone
 * icon is enabled) and the customer phone's event feed is live.
 */
export async function openDemo(page: Page, bridgeUrl: string, agentId: string, toolbarParams: Record<string, string>): Promise<Demo> {
  const pageParams = new URLSearchParams({ agentId });
  const frameParams = new URLSearchParams();
  for (const [key, value] of Object.entries(toolbarParams)) (PAGE_PARAMS.has(key) ? pageParams : frameParams).set(key, value);
  if (frameParams.size > 0) pageParams.set('toolbar', `/toolbar/?${frameParams}`);
  await page.goto(`${bridgeUrl}/?${pageParams}`);
  const demo: Demo = {
    page,
    fusion: new FusionPage(page),
    toolbar: new ToolbarView(page.frameLocator('iframe[title="Media toolbar"]')),
    phone: new PhonePanel(page),
  };
  await expect(demo.fusion.phoneButton).toBeEnabled();
  await expect(demo.phone.feed).toHaveText('Live');
  return demo;
}
