import { expect, offeredEventId, screenshot, test } from '../support/demo-test.ts';

/**
 * A call ringing at the agent (seed 002, "show incoming call notification"): Fusion's dialog with the
 * reverse lookup and the toolbar's card, from newCommEvent; and how an offer ends before it is
 * answered: declined in Fusion or in the toolbar (REJECT), abandoned by the caller (ABANDONED), or
 * timed out by Fusion (OFFER_TIMEOUT → TIMEOUT).
 */

const OLIVIA = '+14155550142';
const UNKNOWN = '+15550100999';

test.describe('Incoming call', () => {
  test('offers a call from a known number with the looked-up contact in Fusion and in the toolbar', async ({ demo }) => {
    const { toolbar, fusion, phone, page } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');

    await phone.call(OLIVIA, 'Support (8000)');

    await expect(fusion.incomingCall).toContainText('Olivia Bennett');
    await expect(fusion.incomingCall).toContainText('+1 415 555 0142');
    await expect(fusion.incomingCall).toContainText('Northwind Traders');
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    await expect(toolbar.incomingCall).toContainText('Queue 8000');
    await expect(phone.customerCall(OLIVIA)).toContainText('Ringing at agent');

    const eventId = await offeredEventId(demo);
    const newComm = await fusion.uef.last('newCommEvent');
    expect(newComm.data).toMatchObject({ appClassification: 'ORA_SERVICE', eventId });
    expect(newComm.data.inData).toMatchObject({ SVCMCA_ANI: OLIVIA, SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND' });
    await screenshot(page, 'ringing');
  });

  test('offers a call from an unknown number as Unknown caller', async ({ demo }) => {
    const { toolbar, fusion, phone } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');

    await phone.call(UNKNOWN, 'Sales (8001)');

    await expect(fusion.incomingCall).toContainText('Unknown caller');
    await expect(fusion.incomingCall).toContainText('+1 555 010 0999');
    await expect(toolbar.incomingCall).toContainText('Unknown caller');
    await expect(toolbar.incomingCall).toContainText(UNKNOWN);
    const newComm = await fusion.uef.last('newCommEvent');
    expect(newComm.data.inData).toMatchObject({ SVCMCA_ANI: UNKNOWN, SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND' });
  });

  test('declines the call in Fusion: closeCommEvent REJECT and the dialog goes', async ({ demo, agent, sim }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    const eventId = await offeredEventId(demo);

    await fusion.incomingCall.getByRole('button', { name: 'Decline' }).click();

    await expect(fusion.incomingCall).toBeHidden();
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent REJECT']);
    await expect(fusion.uef.entries.filter({ hasText: `reject ${eventId}: promise resolved: success` })).toHaveCount(1);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — REJECT');
    await expect.poll(async () => (await sim.agent(agent.agentId)).calls).toEqual([]);
  });

  test('declines the call in the toolbar: closeCommEvent REJECT and the dialog goes', async ({ demo, agent, sim }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(fusion.incomingCall).toBeVisible();
    const eventId = await offeredEventId(demo);

    await toolbar.incomingCall.getByRole('button', { name: 'Decline' }).click();

    await expect(fusion.incomingCall).toBeHidden();
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent REJECT']);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — REJECT');
  });

  test('the caller hangs up while it rings: closeCommEvent ABANDONED', async ({ demo }) => {
    const { toolbar, fusion, phone } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await phone.call(OLIVIA, 'Support (8000)');
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    const eventId = await offeredEventId(demo);

    await phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();

    await expect(fusion.incomingCall).toBeHidden();
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent ABANDONED']);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — ABANDONED');
  });
});

test.describe('Incoming call with an offer timeout', () => {
  test.use({ toolbarParams: { offerTimeoutSec: '2' } });

  test('Fusion times the offer out: OFFER_TIMEOUT, then closeCommEvent TIMEOUT', async ({ demo, agent, sim }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await sim.placeCall(OLIVIA, agent.dn);
    await expect(fusion.incomingCall).toBeVisible();
    const eventId = await offeredEventId(demo);
    expect((await fusion.uef.last('newCommEvent')).data.inData).toMatchObject({ SVCMCA_OFFER_TIMEOUT_SEC: '2' });

    await expect(fusion.incomingCall).toBeHidden({ timeout: 10_000 });
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.dataUpdates(eventId)).toEqual(['OFFER_TIMEOUT']);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent TIMEOUT']);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — TIMEOUT');
    await expect.poll(async () => (await sim.agent(agent.agentId)).calls).toEqual([]);
  });
});
