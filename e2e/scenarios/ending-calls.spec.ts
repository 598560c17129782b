import type { SimControl } from '../support/sim-control.ts';
import { expect, test, type Agent, type CcpPanel, type Demo, type PerVendor, type Vendor } from './scenario-test.ts';
import { answered, expectCcp, OLIVIA, UNKNOWN } from '../support/call-steps.ts';

/**
 * A connected call ends (seed 004's endings): the agent hangs up in the toolbar or disconnects in
 * Fusion, or the customer hangs up. Each way Fusion gets closeCommEvent WRAPUP and opens its Wrap Up
 * panel; saving it sends WRAPUP_CLOSED to the toolbar, which closes its own wrap-up card — as Done in
 * the toolbar does.
 */

/**
 * The agent during wrap-up, the same on both vendors: in after-call work, out of routing, until the
 * wrap-up is done (the toolbar's Done or Fusion's Save clears the Amazon contact, and makes the
 * Genesys agent Ready). The Genesys contact center times its after-call work (an hour in this suite),
 * and the toolbar counts it down; Amazon Connect's CCP does not say when its ends.
 */
const DURING_WRAP_UP: PerVendor<{ toolbar: string; contactCenter: string; ccp?: string; countdown: RegExp | undefined }> = {
  genesys: { toolbar: 'Wrap-up', contactCenter: 'NotReady', countdown: /^Wrap-up ends in (59:[0-5]\d|1:00:00)$/ },
  amazon: { toolbar: 'Wrap-up', contactCenter: 'NotReady', ccp: 'AfterCallWork', countdown: undefined },
};

interface Ended {
  demo: Demo;
  ccp: CcpPanel | undefined;
  agent: Agent;
  sim: SimControl;
  vendor: Vendor;
}

/** closeCommEvent WRAPUP: both Fusion and the toolbar in wrap-up, the agent as the vendor has them. */
async function expectWrapUp({ demo, ccp, agent, sim, vendor }: Ended, eventId: string): Promise<void> {
  const { toolbar, fusion } = demo;
  const during = DURING_WRAP_UP[vendor];
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
  await expect(fusion.engagement('Olivia Bennett')).toBeHidden();
  await expect(fusion.wrapUp).toContainText('Olivia Bennett');
  await expect(toolbar.currentCall).toBeHidden();
  await expect(toolbar.wrapUp).toContainText('Olivia Bennett');
  await expect(toolbar.wrapUp).toContainText('Call ended');
  await expect(toolbar.agentStateText).toHaveText(during.toolbar);
  const countdown = toolbar.wrapUp.getByRole('timer', { name: 'Wrap-up time left' });
  if (during.countdown) await expect(countdown).toHaveText(during.countdown);
  else await expect(countdown).toHaveCount(0);
  await expectCcp(ccp, { agentState: during.ccp });
  await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe(during.contactCenter);
}

/** The wrap-up is over: the toolbar's card is gone and the agent is available and routable again. */
async function expectWrapUpDone({ demo, ccp, agent, sim }: Ended, eventId: string): Promise<void> {
  const { toolbar, fusion } = demo;
  await expect(toolbar.wrapUp).toBeHidden();
  await expectCcp(ccp, { agentState: 'Available', contacts: 'No contacts' });
  await expect(toolbar.agentStateText).toHaveText('Available');
  await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
  await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');
  expect(await fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
}

/** Save in Fusion's Wrap Up panel: WRAPUP_CLOSED to the toolbar, which ends its wrap-up. */
async function saveWrapUpInFusion(ended: Ended, eventId: string): Promise<void> {
  const { fusion } = ended.demo;
  await fusion.saveWrapUp('Resolved', 'Router replaced');

  await expect(fusion.wrapUp).toBeHidden();
  await expect.poll(() => fusion.uef.dataUpdates(eventId)).toEqual(['WRAPUP_CLOSED']);
  await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — WRAPUP_CLOSED');
  await expectWrapUpDone(ended, eventId);
}

test.describe('Ending a connected call', () => {
  test('hang up in the toolbar: closeCommEvent WRAPUP, Wrap Up in Fusion; Save ends the wrap-up', async ({ demo, agent, sim, ccp, vendor, saveScreenshot }) => {
    const ended = { demo, agent, sim, ccp, vendor };
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.toolbar.control('Hang up').click();

    await expect(demo.phone.customerCall(OLIVIA)).toBeHidden();
    await expectWrapUp(ended, eventId);
    await saveScreenshot('wrap-up');
    await saveWrapUpInFusion(ended, eventId);
  });

  test('Disconnect in Fusion: the toolbar hangs up, closeCommEvent WRAPUP; Save ends the wrap-up', async ({ demo, agent, sim, ccp, vendor }) => {
    const ended = { demo, agent, sim, ccp, vendor };
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.fusion.engagement('Olivia Bennett').getByRole('button', { name: 'Disconnect' }).click();

    await expect(demo.fusion.uef.entries.filter({ hasText: `disconnect ${eventId}: promise resolved: success` })).toHaveCount(1);
    await expect(demo.phone.customerCall(OLIVIA)).toBeHidden();
    await expectWrapUp(ended, eventId);
    await saveWrapUpInFusion(ended, eventId);
  });

  test('the customer hangs up while talking: closeCommEvent WRAPUP; Save ends the wrap-up', async ({ demo, agent, sim, ccp, vendor }) => {
    const ended = { demo, agent, sim, ccp, vendor };
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();

    await expectWrapUp(ended, eventId);
    await saveWrapUpInFusion(ended, eventId);
  });

  test('the customer hangs up while talking: closeCommEvent WRAPUP; Done in the toolbar ends the wrap-up', async ({ demo, agent, sim, ccp, vendor }) => {
    const ended = { demo, agent, sim, ccp, vendor };
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();
    await expectWrapUp(ended, eventId);

    await demo.toolbar.wrapUp.getByRole('button', { name: 'Done' }).click();

    await expectWrapUpDone(ended, eventId);
  });

  test('a call queued during the wrap-up waits for it: Done, then it rings, in view', async ({ demo, agent, sim, ccp, vendor }) => {
    const ended = { demo, agent, sim, ccp, vendor };
    const eventId = await answered(demo, ccp, agent, sim);
    await demo.toolbar.control('Hang up').click();
    await expectWrapUp(ended, eventId);

    await sim.placeCall(UNKNOWN, '8000');
    await expect
      .poll(async () => (await sim.calls()).flatMap((call) => call.parties).filter((party) => party.kind === 'queue'))
      .toEqual([{ dn: '8000', kind: 'queue', state: 'Queued' }]);
    await expect(demo.toolbar.incomingCall).toBeHidden();

    await demo.toolbar.wrapUp.getByRole('button', { name: 'Done' }).click();

    await expect(demo.toolbar.wrapUp).toBeHidden();
    await expect(demo.toolbar.incomingCall).toContainText(UNKNOWN);
    await expect(demo.toolbar.incomingCall).toBeInViewport();
    await expect(demo.toolbar.agentStateText).toHaveText('Available');
  });
});
