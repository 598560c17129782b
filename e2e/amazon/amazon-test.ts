import type { FrameLocator, Locator, Page } from '@playwright/test';
import { test as demoTest } from '../support/demo-test.ts';

export { expect, offeredEventId, screenshot, type Agent, type Demo } from '../support/demo-test.ts';

/**
 * The Amazon Connect path of the demo: the same page (Fusion framing the toolbar, the customer phone
 * beside them) with the toolbar on `vendor=amazon`. The toolbar runs the real amazon-connect-streams,
 * which embeds the simulated CCP (`/ccp/?agentId=…`, packages/simulators/src/ccp) in a hidden iframe;
 * the CCP is the agent's client of the same bridge and simulator the Genesys path uses.
 */
export const test = demoTest.extend<{ ccp: CcpPanel }>({
  toolbarParams: { vendor: 'amazon' },
  ccp: async ({ demo }, use) => {
    await use(new CcpPanel(demo.page));
  },
});

/**
 * The simulated CCP inside the toolbar: what Amazon Connect says of the agent, and its session
 * controls. The toolbar keeps the CCP laid out but hidden, so roles are looked up among hidden nodes.
 */
export class CcpPanel {
  readonly frame: FrameLocator;
  readonly agentState: Locator;
  readonly session: Locator;
  readonly contacts: Locator;

  constructor(page: Page) {
    this.frame = page.frameLocator('iframe[title="Media toolbar"]').frameLocator('iframe[name="Amazon Connect CCP"]');
    this.agentState = this.frame.getByLabel('Agent state');
    this.session = this.frame.getByLabel('Session');
    this.contacts = this.frame.getByRole('region', { name: 'Contacts', includeHidden: true });
  }

  /**
   * The agent's Amazon Connect session expires (the CCP's control; the embedding page keeps the CCP
   * out of sight, so the click is dispatched rather than made with the pointer).
   */
  async expireSession(): Promise<void> {
    await this.frame.getByRole('button', { name: 'Expire session', includeHidden: true }).dispatchEvent('click');
  }
}
