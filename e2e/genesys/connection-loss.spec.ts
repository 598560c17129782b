import { test as base } from '@playwright/test';
import { createBridge, type Bridge, type BridgeOptionsInput } from '@ctikit/bridge';
import { toolbarViolations } from '../support/axe.ts';
import { OLIVIA } from '../support/call-steps.ts';
import { expect, offeredEventId, openDemo, type Demo } from '../support/demo-test.ts';

/**
 * The bridge goes away mid-call and comes back restarted (its sessions and the contact center's
 * calls gone with it), as after a server restart. While it is away the toolbar says so across its
 * whole width and every control is disabled — none of them could work; once it is back the toolbar
 * says what happened: how long the link was lost, that the call ended at the server, and that the
 * agent was logged out. This spec runs its own bridge, since it stops it.
 */

const AGENT = { agentId: 'lost01', name: 'Lou Stlink', dn: '7101' };

const OPTIONS: BridgeOptionsInput = {
  logLevel: 'warn',
  simulatorConfig: {
    agents: [{ ...AGENT, queues: ['8000'] }],
    queues: [{ dn: '8000', name: 'Support' }],
    reasonCodes: [{ code: 'Break', label: 'Break' }],
    ringTimeoutSec: 0,
    outboundNoAnswerSec: 600,
  },
};

const test = base.extend<{ bridge: Bridge; demo: Demo }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  bridge: async ({}, use) => {
    const bridge = createBridge({ ...OPTIONS, port: 0 });
    await bridge.listen();
    await use(bridge);
    await bridge.close();
  },
  demo: async ({ page, bridge }, use) => {
    await use(await openDemo(page, bridge.url, AGENT.agentId, {}));
  },
});

test('the bridge restarts mid-call: a banner and disabled controls while it is away, then what it cost', async ({ demo, bridge, page }) => {
  const { toolbar, phone } = demo;
  await toolbar.goAvailable();
  await expect(toolbar.agentStateText).toHaveText('Available');
  await phone.call(OLIVIA, 'Support (8000)');
  await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
  await offeredEventId(demo);
  await toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(toolbar.currentCall).toContainText('On call');

  const port = Number(new URL(bridge.url).port);
  await bridge.close();

  const banner = toolbar.root.getByRole('alert').filter({ hasText: 'Connection to the phone system lost' });
  await expect(banner).toContainText('Call controls are unavailable until it is back.');
  await expect(toolbar.control('Hang up')).toBeDisabled();
  await expect(toolbar.control('Hold')).toBeDisabled();
  await expect(toolbar.agentState.getByRole('button', { name: 'Go not ready' })).toBeDisabled();
  expect(await toolbarViolations(page), 'connection lost').toEqual([]);

  const restarted = createBridge({ ...OPTIONS, port });
  await restarted.listen();
  try {
    const report = toolbar.root.getByRole('status', { name: 'Connection restored' });
    await expect(report).toContainText(/The connection to the phone system was lost for \d+ s\./, { timeout: 60_000 });
    await expect(report).toContainText('The phone system restarted and lost your session: the calls it no longer had have ended.');
    await expect(report).toContainText('Your call ended at the server meanwhile.');
    await expect(report).toContainText('The phone system logged you out: go available to take calls again.');
    await expect(banner).toBeHidden();
    await expect(toolbar.agentStateText).toHaveText('Logged out');
    expect(await toolbarViolations(page), 'connection restored').toEqual([]);

    await report.getByRole('button', { name: 'Dismiss' }).click();
    await expect(report).toBeHidden();
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
  } finally {
    await restarted.close();
  }
});
