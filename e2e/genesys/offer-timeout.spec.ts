import { OLIVIA, ringing } from '../support/call-steps.ts';
import { expect, test } from '../support/demo-test.ts';

/**
 * An offer that Fusion times out (seed 002; the toolbar's `offerTimeoutSec`, given to Fusion as
 * SVCMCA_OFFER_TIMEOUT_SEC): Fusion sends OFFER_TIMEOUT, the toolbar gives the call back to the
 * contact center and closes it with TIMEOUT. (The other endings of an offer are in
 * e2e/scenarios/incoming-call.spec.ts, on both vendors.)
 */

test.describe('Incoming call with an offer timeout', () => {
  test.use({ toolbarParams: { offerTimeoutSec: '2' } });

  test('Fusion times the offer out: OFFER_TIMEOUT, then closeCommEvent TIMEOUT', async ({ demo, agent, sim }) => {
    const { toolbar, fusion } = demo;
    const eventId = await ringing(demo, undefined, () => sim.placeCall(OLIVIA, agent.dn));
    expect((await fusion.uef.last('newCommEvent')).data.inData).toMatchObject({ SVCMCA_OFFER_TIMEOUT_SEC: '2' });

    await expect(fusion.incomingCall).toBeHidden({ timeout: 10_000 });
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.dataUpdates(eventId)).toEqual(['OFFER_TIMEOUT']);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent TIMEOUT']);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — TIMEOUT');
    await expect.poll(async () => (await sim.agent(agent.agentId)).calls).toEqual([]);
  });
});
