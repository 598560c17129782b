import { expect, offeredEventId, screenshot, test, type Agent, type Demo } from '../support/demo-test.ts';
import type { SimControl } from '../support/sim-control.ts';

/**
 * A connected call ends: the agent hangs up in the toolbar or disconnects in Fusion, or the customer
 * hangs up. Each way Fusion gets closeCommEvent WRAPUP and opens its Wrap Up panel; saving it sends
 * WRAPUP_CLOSED to the toolbar, which then closes its own wrap-up card.
 */

const OLIVIA = '+14155550142';

/** A call from Olivia, answered in the toolbar; resolves with its eventId. */
async function connectedCall(demo: Demo, agent: Agent, sim: SimControl): Promise<string> {
  await demo.toolbar.goAvailable();
  await expect(demo.toolbar.agentStateText).toHaveText('Available');
  await sim.placeCall(OLIVIA, agent.dn);
  await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(demo.fusion.engagement('Olivia Bennett')).toBeVisible();
  await expect(demo.toolbar.currentCall).toContainText('On call');
  return offeredEventId(demo);
}

/** Both sides in wrap-up after closeCommEvent WRAPUP; then Save in Fusion closes both. */
async function wrapUpAndSave(demo: Demo, eventId: string, toolbarSays: string, screenshotName?: string): Promise<void> {
  const { toolbar, fusion } = demo;
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
  await expect(fusion.engagement('Olivia Bennett')).toBeHidden();
  await expect(fusion.wrapUp).toContainText('Olivia Bennett');
  await expect(toolbar.currentCall).toBeHidden();
  await expect(toolbar.wrapUp).toContainText('Olivia Bennett');
  await expect(toolbar.wrapUp).toContainText(toolbarSays);
  if (screenshotName) await screenshot(demo.page, screenshotName);

  await fusion.saveWrapUp('Resolved', 'Router replaced');

  await expect(fusion.wrapUp).toBeHidden();
  await expect.poll(() => fusion.uef.dataUpdates(eventId)).toEqual(['WRAPUP_CLOSED']);
  await expect(toolbar.wrapUp).toBeHidden();
  await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — WRAPUP_CLOSED');
  expect(await fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
}

test.describe('Ending a connected call', () => {
  test('hang up in the toolbar: closeCommEvent WRAPUP, Wrap Up in Fusion; Save closes the toolbar card', async ({ demo, agent, sim }) => {
    const eventId = await connectedCall(demo, agent, sim);

    await demo.toolbar.control('Hang up').click();

    await expect(demo.phone.customerCall(OLIVIA)).toBeHidden();
    await wrapUpAndSave(demo, eventId, 'Call ended', 'wrap-up');
  });

  test('Disconnect in Fusion: the toolbar hangs up, closeCommEvent WRAPUP; Save closes the toolbar card', async ({ demo, agent, sim }) => {
    const eventId = await connectedCall(demo, agent, sim);

    await demo.fusion.engagement('Olivia Bennett').getByRole('button', { name: 'Disconnect' }).click();

    await expect(demo.fusion.uef.entries.filter({ hasText: `disconnect ${eventId}: promise resolved: success` })).toHaveCount(1);
    await expect(demo.phone.customerCall(OLIVIA)).toBeHidden();
    await wrapUpAndSave(demo, eventId, 'Call ended');
  });

  test('the customer hangs up while talking: closeCommEvent WRAPUP', async ({ demo, agent, sim }) => {
    const eventId = await connectedCall(demo, agent, sim);

    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();

    await wrapUpAndSave(demo, eventId, 'Call ended');
  });
});
