import { test as base } from '@playwright/test';
import { createBridge, type Bridge } from '@ctikit/bridge';
import { openDemo } from '../support/demo-test.ts';
import { CcpPanel, expect, offeredEventId, type Demo } from './amazon-test.ts';

/**
 * A call the agent lets ring out, on Amazon Connect: the contact ends in `error` like a reject does,
 * and the toolbar tells the two apart — nobody declined this one, so it is missed (closeCommEvent
 * MISSED). It leaves no wrap-up card; the agent is in MissedCallAgent, not routable, until they go
 * available, which clears the missed contact.
 * The suite's shared simulator never lets a call ring out, so this spec runs its own bridge whose
 * simulator does after 2 s.
 */

const OLIVIA = '+14155550142';
const AGENT = { agentId: 'rona01', name: 'Rita Ona', dn: '7001' };

const test = base.extend<{ demo: Demo; ccp: CcpPanel }, { bridge: Bridge }>({
  bridge: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const bridge = createBridge({
        port: 0,
        logLevel: 'warn',
        simulatorConfig: {
          agents: [{ ...AGENT, queues: ['8000'] }],
          queues: [
            { dn: '8000', name: 'Support' },
            { dn: '8001', name: 'Sales' },
          ],
          reasonCodes: [{ code: 'Break', label: 'Break' }],
          ringTimeoutSec: 2,
          outboundNoAnswerSec: 600,
          afterCallWork: { enabled: false, timeoutSec: 0 },
        },
      });
      await bridge.listen();
      await use(bridge);
      await bridge.close();
    },
    { scope: 'worker' },
  ],
  demo: async ({ page, bridge }, use) => {
    await use(await openDemo(page, bridge.url, AGENT.agentId, { vendor: 'amazon' }));
  },
  ccp: async ({ demo }, use) => {
    await use(new CcpPanel(demo.page));
  },
});

test('a call that rings out is missed: closeCommEvent MISSED, no card, the agent not ready until they go available', async ({ demo, ccp, bridge }) => {
  const { toolbar, fusion, phone } = demo;
  await toolbar.goAvailable();
  await expect(toolbar.agentStateText).toHaveText('Available');

  await phone.call(OLIVIA, 'Support (8000)');
  await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
  const eventId = await offeredEventId(demo);

  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent MISSED']);
  await expect(fusion.incomingCall).toBeHidden();
  await expect(toolbar.incomingCall).toBeHidden();
  await expect(toolbar.wrapUp).toBeHidden();
  await expect(toolbar.agentStateText).toHaveText('Not ready: Missed call');
  await expect(ccp.agentState).toHaveText('MissedCallAgent');
  expect((await fusion.uef.last('agentStateEventOperation')).data).toMatchObject({ isLoggedIn: true, isAvailable: false, reasonDisplayString: 'Missed call' });

  // The caller, back in the queue, gives up; then the agent goes available again.
  await phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();
  await expect(phone.customerCall(OLIVIA)).toBeHidden();
  await toolbar.goAvailable();

  await expect(ccp.contacts).toContainText('No contacts');
  await expect(toolbar.agentStateText).toHaveText('Available');
  await expect(ccp.agentState).toHaveText('Available');
  await expect.poll(() => bridge.simulator?.listAgents().find((agent) => agent.agentId === AGENT.agentId)?.state).toBe('Ready');
});
