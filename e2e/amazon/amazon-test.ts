import { CcpPanel } from '../support/ccp-panel.ts';
import { test as demoTest } from '../support/demo-test.ts';

export { CcpPanel } from '../support/ccp-panel.ts';
export { expect, offeredEventId, type Demo } from '../support/demo-test.ts';

/**
 * The Amazon Connect path of the demo, for what only Amazon Connect has (the flows both vendors
 * share are in e2e/scenarios): the same page (Fusion framing the toolbar, the customer phone beside
 * them) with the toolbar on `vendor=amazon`. The toolbar runs the real amazon-connect-streams, which
 * embeds the simulated CCP (`/ccp/?agentId=…`) in a hidden iframe; the CCP is the agent's client of
 * the same bridge and simulator the Genesys path uses.
 */
export const test = demoTest.extend<{ ccp: CcpPanel }>({
  vendor: ['amazon', { scope: 'worker' }],
  ccp: async ({ demo }, use) => {
    await use(new CcpPanel(demo.page));
  },
});
