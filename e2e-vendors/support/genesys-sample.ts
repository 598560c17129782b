import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type FrameLocator, type Page } from '@playwright/test';
import { createBridge, type Bridge } from '@ctikit/bridge';
import { DEFAULT_SIMULATOR_CONFIG, type CampaignConfigInput } from '@ctikit/contact-center';
import { SimControl } from '../../e2e/support/sim-control.ts';
import { ToolbarView } from '../../e2e/support/toolbar-view.ts';

/**
 * Genesys' official Service Client API sample (`sample.html` and `wwe-service-client-api.js`, from
 * the kit folder `CTIKIT_KITS` names, used in place) hosted as a workspace tab of the toolbar, on a
 * second origin: a bridge of the spec's own (port 0, its second origin serving the kit folder only),
 * the toolbar it serves, and the sample driven through its own UI — a command button, the command
 * in its text box edited where the sample leaves a placeholder, Execute, and the outcome the page
 * logs.
 */

const kits = process.env.CTIKIT_KITS;
if (!kits) throw new Error('CTIKIT_KITS must name the vendor kits folder');
export const SAMPLE_KIT = resolve(kits, 'genesys-wwe-service-client-api');

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const BUILT_PAGES = [here('../../packages/toolbar/dist/index.html'), here('../../packages/simulators/dist/uef')];

/** The agent the toolbar signs in as, and another to consult and transfer to. */
export const AGENT = { agentId: 'agent1', dn: '5001' } as const;
export const COLLEAGUE = { agentId: 'agent2', dn: '5002' } as const;
export const CUSTOMER = '4155550123';

/**
 * The agent's outbound campaigns: a preview campaign under the name Genesys' sample asks for
 * (`CampaignSIP`), whose first two records are one customer's chain, and a push preview campaign.
 * Records are numbered from 1 across them: CampaignSIP 1–3, PushSIP 4–5.
 */
const CAMPAIGNS: CampaignConfigInput[] = [
  {
    name: 'CampaignSIP',
    mode: 'preview',
    callingList: 'Calling List SIP',
    agents: [AGENT.agentId],
    records: [
      { phone: '4155550301', fields: { Name: 'Ada Byron', Plan: 'Gold' }, chain: 'ada' },
      { phone: '4155550302', fields: { Name: 'Ada Byron', Plan: 'Gold' }, chain: 'ada' },
      { phone: '4155550303', fields: { Name: 'Carl Gauss', Plan: 'Silver' } },
    ],
  },
  {
    name: 'PushSIP',
    mode: 'pushPreview',
    callingList: 'Calling List SIP 2',
    agents: [AGENT.agentId],
    records: [
      { phone: '4155550401', fields: { Name: 'Emmy Noether' } },
      { phone: '4155550402', fields: { Name: 'Grace Hopper' } },
    ],
  },
];

/** What the sample logged for a command: `SUCCEEDED` or `FAILED`, and the result it was handed. */
export interface Outcome {
  readonly outcome: 'SUCCEEDED' | 'FAILED';
  readonly result: { readonly data?: unknown; readonly errorMessage?: string; readonly errorCode?: string; readonly request?: string };
}

export class GenesysSample {
  readonly frame: FrameLocator;

  constructor(readonly page: Page) {
    this.frame = page.frameLocator('iframe[data-extension="GenesysSample"][title="My Sample"]');
  }

  private get outcomes() {
    return this.frame.locator('#output pre').filter({ hasText: /^(SUCCEEDED|FAILED), result:/ });
  }

  /** The log lines of events the page received (`Received agent event: …`). */
  events(topic: string) {
    return this.frame.locator('#output pre').filter({ hasText: `Received ${topic} event` });
  }

  /** Press the sample's button for `command`, edit the command it shows, Execute, and read what it logged. */
  async run(command: string, edit: (text: string) => string = (text) => text): Promise<Outcome> {
    const before = await this.outcomes.count();
    await this.frame.getByRole('button', { name: command, exact: true }).click();
    const box = this.frame.getByRole('textbox', { name: 'Please type API command' });
    await expect(box).toHaveValue(new RegExp(command.replace('.', '\\.')));
    await box.fill(edit(await box.inputValue()));
    await this.frame.getByRole('button', { name: 'Execute', exact: true }).click();
    await expect(this.outcomes).toHaveCount(before + 1, { timeout: 15_000 });
    const newest = this.outcomes.first();
    const text = (await newest.textContent()) ?? '';
    const json = (await newest.locator('code').textContent()) ?? 'null';
    return { outcome: text.startsWith('SUCCEEDED') ? 'SUCCEEDED' : 'FAILED', result: JSON.parse(json) as Outcome['result'] };
  }

  /** Run and expect SUCCEEDED; resolves with the data. */
  async data(command: string, edit?: (text: string) => string): Promise<unknown> {
    const outcome = await this.run(command, edit);
    expect(outcome, `${command}: ${JSON.stringify(outcome)}`).toMatchObject({ outcome: 'SUCCEEDED' });
    return outcome.result.data;
  }
}

/** Replace the sample's placeholder ids ("1", "2", "SIP_5001", "*PhoneNumber*"…) by real ones. */
export function withIds(replacements: Readonly<Record<string, string>>): (text: string) => string {
  return (text) => Object.entries(replacements).reduce((command, [from, to]) => command.replaceAll(from, to), text);
}

interface Fixtures {
  sim: SimControl;
  toolbar: ToolbarView;
  sample: GenesysSample;
}

export const test = base.extend<Fixtures, { bridge: Bridge }>({
  bridge: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      for (const page of BUILT_PAGES) if (!existsSync(page)) throw new Error(`${page} is missing: run npm run build first`);
      const bridge = createBridge({
        port: 0,
        extensionsPort: 0,
        logLevel: 'warn',
        extensionStaticDirs: [{ dir: SAMPLE_KIT, prefix: '/' }],
        simulatorConfig: { ...DEFAULT_SIMULATOR_CONFIG, campaigns: CAMPAIGNS },
      });
      await bridge.listen();
      await use(bridge);
      await bridge.close();
    },
    { scope: 'worker' },
  ],

  sim: async ({ request, bridge }, use) => {
    await use(new SimControl(request, bridge.url));
  },

  toolbar: async ({ page, bridge, sim }, use) => {
    await sim.reset();
    const sampleOrigin = bridge.extensionsUrl;
    if (sampleOrigin === undefined) throw new Error('the bridge has no second origin');
    await page.route('**/toolbar/config.json', async (route) => {
      const response = await route.fetch();
      const file = (await response.json()) as Record<string, unknown>;
      const agentDesktopOptions = {
        'interaction-workspace': {
          'workspace.web-content': 'GenesysSample',
          'service-client-api.accepted-web-content-origins': `${sampleOrigin} (*)`,
          'voice.auto-answer': 'false',
        },
        GenesysSample: { label: 'My Sample', url: `${sampleOrigin}/sample.html` },
        MySection: { greeting: 'hello' },
      };
      await route.fulfill({ response, json: { ...file, agentDesktopOptions } });
    });
    await page.goto(`${bridge.url}/toolbar/?${new URLSearchParams({ agentId: AGENT.agentId })}`);
    const view = new ToolbarView(page);
    await expect(view.agentStateText).toHaveText('Logged out');
    await use(view);
  },

  sample: async ({ page, toolbar }, use) => {
    await toolbar.root.getByRole('tab', { name: 'My Sample' }).click();
    const sample = new GenesysSample(page);
    await expect(sample.frame.getByRole('heading', { name: /^SCAPI on / })).toBeVisible();
    await use(sample);
  },
});

export { expect };
