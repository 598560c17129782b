import { expect, offeredEventId, test, type PerVendor } from './scenario-test.ts';
import { available, expectCcp, expectConnected, OLIVIA, ringing, UNKNOWN } from '../support/call-steps.ts';

/**
 * A call ringing at the agent (seeds 002 and 004): Fusion's dialog with the reverse lookup and the
 * toolbar's card, from newCommEvent; answered from Fusion's dialog (onToolbarInteractionCommand
 * accept) or from the toolbar, when only the contact center's word that the call is connected gives
 * Fusion startCommEvent; and how an offer ends before it is answered: declined in Fusion or in the
 * toolbar (REJECT), or abandoned by the caller (ABANDONED).
 */

/** What the toolbar's card says of the queue: the Genesys path knows the DN called, Amazon Connect the queue's name. */
const QUEUE_SUPPORT: PerVendor<string> = { genesys: 'Queue 8000', amazon: 'Queue Support' };

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test.describe('Incoming call', () => {
  test('offers a call from a known number with the looked-up contact in Fusion and in the toolbar', async ({
    demo,
    agent,
    sim,
    ccp,
    vendor,
    saveScreenshot,
  }) => {
    const { toolbar, fusion, phone } = demo;
    await available(demo, ccp);

    await phone.call(OLIVIA, 'Support (8000)');

    await expect(fusion.incomingCall).toContainText('Olivia Bennett');
    await expect(fusion.incomingCall).toContainText('+1 415 555 0142');
    await expect(fusion.incomingCall).toContainText('Northwind Traders');
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    await expect(toolbar.incomingCall).toContainText(QUEUE_SUPPORT[vendor]);
    // How long it has rung, counting up.
    const ringing = toolbar.incomingCall.getByRole('timer', { name: 'Ringing for' });
    await expect(ringing).toHaveText(/^00:0\d$/);
    await expect(ringing).not.toHaveText('00:00');
    await expect(phone.customerCall(OLIVIA)).toContainText('Ringing at agent');
    await expectCcp(ccp, { agentState: 'PendingBusy', contacts: `inbound ${OLIVIA}: connecting` });

    const eventId = await offeredEventId(demo);
    expect(eventId).toMatch(EVENT_ID);
    const newComm = await fusion.uef.last('newCommEvent');
    expect(newComm.data).toMatchObject({ appClassification: 'ORA_SERVICE', eventId });
    expect(newComm.data.inData).toMatchObject({ SVCMCA_ANI: OLIVIA, SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND' });
    // The toolbar keeps showing the state the agent chose while the call rings.
    await expect(toolbar.agentStateText).toHaveText('Available');
    expect(await sim.agent(agent.agentId)).toMatchObject({ calls: [expect.any(String)] });
    await saveScreenshot('ringing');
  });

  test('offers a call from an unknown number as Unknown caller', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone } = demo;
    await available(demo, ccp);

    await phone.call(UNKNOWN, 'Sales (8001)');

    await expect(fusion.incomingCall).toContainText('Unknown caller');
    await expect(fusion.incomingCall).toContainText('+1 555 010 0999');
    await expect(toolbar.incomingCall).toContainText('Unknown caller');
    await expect(toolbar.incomingCall).toContainText(UNKNOWN);
    await offeredEventId(demo);
    const newComm = await fusion.uef.last('newCommEvent');
    expect(newComm.data.inData).toMatchObject({ SVCMCA_ANI: UNKNOWN, SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND' });
  });

  test("accepted in Fusion's dialog: accept goes to the toolbar, then startCommEvent opens the engagement", async ({ demo, agent, sim, ccp }) => {
    const eventId = await ringing(demo, ccp, () => sim.placeCall(OLIVIA, agent.dn));

    await demo.fusion.incomingCall.getByRole('button', { name: 'Answer' }).click();

    await expectConnected(demo, ccp, eventId);
    await expect(demo.fusion.uef.entries.filter({ hasText: `accept ${eventId}: promise resolved: success` })).toHaveCount(1);
  });

  test('accepted in the toolbar: Accept, then startCommEvent opens the engagement', async ({ demo, ccp, saveScreenshot }) => {
    const eventId = await ringing(demo, ccp, () => demo.phone.call(OLIVIA, 'Support (8000)'));

    await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();

    await expectConnected(demo, ccp, eventId);
    await expect(demo.fusion.uef.entries.filter({ hasText: 'onToolbarInteractionCommand' }).filter({ hasText: 'accept' })).toHaveCount(0);
    await saveScreenshot('connected');
  });

  test('declined in Fusion: closeCommEvent REJECT, the dialog goes, the agent stays available', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    const eventId = await ringing(demo, ccp, () => sim.placeCall(OLIVIA, agent.dn));

    await fusion.incomingCall.getByRole('button', { name: 'Decline' }).click();

    await expect(fusion.incomingCall).toBeHidden();
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent REJECT']);
    await expect(fusion.uef.entries.filter({ hasText: `reject ${eventId}: promise resolved: success` })).toHaveCount(1);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — REJECT');
    // On Amazon Connect the rejected contact is cleared at once, so the agent is routable again.
    await expectCcp(ccp, { agentState: 'Available', contacts: 'No contacts' });
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect.poll(async () => (await sim.agent(agent.agentId)).calls).toEqual([]);
    await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');
  });

  test('declined in the toolbar: closeCommEvent REJECT and the dialog goes', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    const eventId = await ringing(demo, ccp, () => sim.placeCall(OLIVIA, agent.dn));

    await toolbar.incomingCall.getByRole('button', { name: 'Decline' }).click();

    await expect(fusion.incomingCall).toBeHidden();
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent REJECT']);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — REJECT');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(toolbar.wrapUp).toBeHidden();
  });

  test('declined calls leave nothing to dismiss: no wrap-up card, however many', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    await ringing(demo, ccp, () => sim.placeCall(OLIVIA, agent.dn));
    for (let call = 1; call <= 2; call += 1) {
      await toolbar.incomingCall.getByRole('button', { name: 'Decline' }).click();
      await expect(toolbar.incomingCall).toBeHidden();
      await expect(fusion.recentInteractions.getByText('From Olivia Bennett — REJECT')).toHaveCount(call);
      await expect.poll(async () => (await sim.agent(agent.agentId)).calls).toEqual([]);
      if (call === 1) {
        await sim.placeCall(OLIVIA, agent.dn);
        await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
      }
    }
    await expect(toolbar.wrapUp).toHaveCount(0);
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect(toolbar.root.getByRole('button', { name: 'Call', exact: true })).toBeVisible();
  });

  test('the caller hangs up while it rings: closeCommEvent ABANDONED', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone } = demo;
    const eventId = await ringing(demo, ccp, () => phone.call(OLIVIA, 'Support (8000)'));

    await phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();

    await expect(fusion.incomingCall).toBeHidden();
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent ABANDONED']);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — ABANDONED');
    // Nothing to wrap up: no card is left to dismiss.
    await expect(toolbar.wrapUp).toBeHidden();
    // The agent never left Available (on Amazon Connect the CCP clears an abandoned ring itself).
    await expectCcp(ccp, { agentState: 'Available', contacts: 'No contacts' });
    await expect(toolbar.agentStateText).toHaveText('Available');
  });
});
