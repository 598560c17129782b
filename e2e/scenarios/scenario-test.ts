import { CcpPanel } from '../support/ccp-panel.ts';
import { test as demoTest, type Vendor } from '../support/demo-test.ts';

export { expect, offeredEventId, type Agent, type Demo, type Vendor } from '../support/demo-test.ts';
export type { CcpPanel } from '../support/ccp-panel.ts';

/**
 * The fixtures of the shared scenarios: the flows that are the same on both vendors, written once
 * and run once per vendor (the `genesys` and `amazon` projects of playwright.config.ts set the
 * worker's `vendor`). A scenario asserts the same UEF messages in Fusion's event log, and what the
 * toolbar, Fusion and the contact center show, on both. Where a vendor truly behaves differently
 * the spec says so in a small table keyed by vendor (`PerVendor`), next to the assertion.
 *
 * `ccp` is Amazon Connect's own agent client inside the toolbar (undefined on the Genesys path,
 * where the toolbar talks to the bridge itself). The common steps (a call ringing, answered…) and
 * `expectCcp`, which checks the CCP agrees where there is one, are in e2e/support/call-steps.ts.
 */
export const test = demoTest.extend<{ ccp: CcpPanel | undefined }>({
  ccp: async ({ demo, vendor }, use) => {
    await use(vendor === 'amazon' ? new CcpPanel(demo.page) : undefined);
  },
});

/** An expectation that differs between the vendors, one entry for each. */
export type PerVendor<T> = Readonly<Record<Vendor, T>>;
