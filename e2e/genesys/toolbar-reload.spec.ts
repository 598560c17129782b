import { expect, offeredEventId, test } from '../support/demo-test.ts';

/**
 * The agent reloads the toolbar's frame in the middle of a call: the toolbar picks its session up
 * again, shows the same call, and Fusion — whose engagement never went away — hears nothing new
 * until the call ends, with the same eventId.
 */

const OLIVIA = '+14155550142';

test.describe('Reloading the toolbar', () => {
  test('during a connected call keeps the call and its eventId; hanging up afterwards closes it with WRAPUP', async ({ demo, agent, sim }) => {
    const { toolbar, fusion, page } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await fusion.incomingCall.getByRole('button', { name: 'Answer' }).click();
    const engagement = fusion.engagement('Olivia Bennett');
    await expect(engagement).toBeVisible();
    await expect(toolbar.currentCall).toContainText('On call');
    const eventId = await offeredEventId(demo);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);

    const frame = page.frames().find((f) => new URL(f.url()).pathname === '/toolbar/');
    if (!frame) throw new Error('the toolbar frame is missing');
    await frame.goto(frame.url());

    await expect(fusion.uef.entries.filter({ hasText: "initialize('ctikit', 'v1')" })).toHaveCount(2);
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(toolbar.currentCall).toContainText(OLIVIA);
    // Who the call is with, as Fusion's reverse lookup found it before the reload.
    await expect.soft(toolbar.currentCall).toContainText('Olivia Bennett');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(engagement).toBeVisible();
    await expect(fusion.incomingCall).toBeHidden();

    await toolbar.control('Hang up').click();

    await expect(fusion.wrapUp).toContainText('Olivia Bennett');
    await expect(toolbar.wrapUp).toContainText('Call ended');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    expect(await fusion.uef.allCommEvents()).toEqual([
      `newCommEvent ${eventId}`,
      `startCommEvent ${eventId}`,
      `closeCommEvent ${eventId} WRAPUP`,
    ]);
  });
});
