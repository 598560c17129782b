import { expect, offeredEventId, screenshot, test, type Agent, type Demo } from './amazon-test.ts';
import type { CcpPanel } from './amazon-test.ts';
import type { SimControl } from '../support/sim-control.ts';

/**
 * A call to the agent on Amazon Connect (seed 004): offered with `onConnecting` (Fusion's dialog with
 * the reverse lookup, the toolbar's card), answered with `contact.accept()` from the toolbar or from
 * Fusion, and ended the three ways the seed lists — declined before it is answered
 * (`contact.reject()` → closeCommEvent REJECT), hung up by the agent
 * (`contact.getAgentConnection().destroy()` → WRAPUP) or by the customer (WRAPUP). After-call work is
 * Amazon Connect's: the agent is in AfterCallWork until the wrap-up is done, which clears the contact.
 */

const OLIVIA = '+14155550142';

async function available(demo: Demo, ccp: CcpPanel): Promise<void> {
  await demo.toolbar.goAvailable();
  await expect(demo.toolbar.agentStateText).toHaveText('Available');
  await expect(ccp.agentState).toHaveText('Available');
}

/** A call from Olivia ringing at the agent; resolves with its eventId (the Amazon Connect contactId). */
async function ringing(demo: Demo, ccp: CcpPanel, agent: Agent, sim: SimControl): Promise<string> {
  await available(demo, ccp);
  await sim.placeCall(OLIVIA, agent.dn);
  await expect(demo.toolbar.incomingCall).toContainText('Olivia Bennett');
  await expect(ccp.agentState).toHaveText('PendingBusy');
  return offeredEventId(demo);
}

async function answered(demo: Demo, ccp: CcpPanel, agent: Agent, sim: SimControl): Promise<string> {
  const eventId = await ringing(demo, ccp, agent, sim);
  await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();
  await expect(demo.toolbar.currentCall).toContainText('On call');
  await expect(demo.fusion.engagement('Olivia Bennett')).toBeVisible();
  await expect(ccp.agentState).toHaveText('Busy');
  return eventId;
}

/** closeCommEvent WRAPUP: both in wrap-up, the agent in AfterCallWork; Save in Fusion clears the contact. */
async function wrapUpThenSave(demo: Demo, ccp: CcpPanel, agent: Agent, sim: SimControl, eventId: string): Promise<void> {
  const { toolbar, fusion } = demo;
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
  await expect(fusion.wrapUp).toContainText('Olivia Bennett');
  await expect(toolbar.wrapUp).toContainText('Call ended');
  await expect(toolbar.agentStateText).toHaveText('Wrap-up');
  await expect(ccp.agentState).toHaveText('AfterCallWork');
  // Amazon Connect holds the agent out of routing during after-call work.
  await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('NotReady');

  await fusion.saveWrapUp('Resolved', 'Router replaced');

  await expect.poll(() => fusion.uef.dataUpdates(eventId)).toEqual(['WRAPUP_CLOSED']);
  await expect(toolbar.wrapUp).toBeHidden();
  await expect(ccp.contacts).toContainText('No contacts');
  await expect(toolbar.agentStateText).toHaveText('Available');
  await expect(fusion.phoneButton).toHaveAccessibleName(/^Phone: Available\b/);
  await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');
}

test.describe('Amazon Connect: incoming calls', () => {
  test('offers the call with the looked-up contact in Fusion and in the toolbar, the contactId as eventId', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion, page } = demo;
    await available(demo, ccp);

    await demo.phone.call(OLIVIA, 'Support (8000)');

    await expect(fusion.incomingCall).toContainText('Olivia Bennett');
    await expect(fusion.incomingCall).toContainText('Northwind Traders');
    await expect(toolbar.incomingCall).toContainText('Olivia Bennett');
    await expect(toolbar.incomingCall).toContainText('Queue Support');
    await expect(ccp.contacts).toContainText(`inbound ${OLIVIA}: connecting`);
    const eventId = await offeredEventId(demo);
    expect((await fusion.uef.last('newCommEvent')).data.inData).toMatchObject({
      SVCMCA_ANI: OLIVIA,
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND',
    });
    // The toolbar keeps showing the state the agent chose while Amazon Connect says PendingBusy.
    await expect(toolbar.agentStateText).toHaveText('Available');
    expect(await sim.agent(agent.agentId)).toMatchObject({ calls: [expect.any(String)] });
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    await screenshot(page, 'amazon-ringing');
  });

  test('accepts in the toolbar: startCommEvent and the engagement opens', async ({ demo, agent, sim, ccp }) => {
    const eventId = await answered(demo, ccp, agent, sim);

    await expect.poll(() => demo.fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);
    await expect(demo.phone.customerCall(OLIVIA)).toContainText('Talking');
    await expect(ccp.contacts).toContainText(`inbound ${OLIVIA}: connected`);
  });

  test('accepts from Fusion: onToolbarInteractionCommand accept, then startCommEvent', async ({ demo, agent, sim, ccp }) => {
    const eventId = await ringing(demo, ccp, agent, sim);

    await demo.fusion.incomingCall.getByRole('button', { name: 'Answer' }).click();

    await expect(demo.fusion.uef.entries.filter({ hasText: `accept ${eventId}: promise resolved: success` })).toHaveCount(1);
    await expect(demo.fusion.engagement('Olivia Bennett')).toBeVisible();
    await expect(demo.toolbar.currentCall).toContainText('On call');
    await expect.poll(() => demo.fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);
  });

  test('scenario 1: declined in Fusion before it is answered — closeCommEvent REJECT, the dialog goes, the agent stays available', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    const eventId = await ringing(demo, ccp, agent, sim);

    await fusion.incomingCall.getByRole('button', { name: 'Decline' }).click();

    await expect(fusion.incomingCall).toBeHidden();
    await expect(toolbar.incomingCall).toBeHidden();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent REJECT']);
    await expect(fusion.recentInteractions).toContainText('From Olivia Bennett — REJECT');
    // The rejected contact (voice: `error`, agent MissedCallAgent) is cleared at once.
    await expect(ccp.contacts).toContainText('No contacts');
    await expect(ccp.agentState).toHaveText('Available');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');
  });

  test('scenario 1: declined in the toolbar — closeCommEvent REJECT', async ({ demo, agent, sim, ccp }) => {
    const eventId = await ringing(demo, ccp, agent, sim);

    await demo.toolbar.incomingCall.getByRole('button', { name: 'Decline' }).click();

    await expect(demo.fusion.incomingCall).toBeHidden();
    await expect.poll(() => demo.fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent REJECT']);
    await expect(demo.toolbar.agentStateText).toHaveText('Available');
  });

  test('scenario 2: the agent hangs up after the conversation — WRAPUP, after-call work until Fusion’s wrap-up is saved', async ({ demo, agent, sim, ccp }) => {
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.toolbar.control('Hang up').click();

    await expect(demo.phone.customerCall(OLIVIA)).toBeHidden();
    await screenshot(demo.page, 'amazon-after-call-work');
    await wrapUpThenSave(demo, ccp, agent, sim, eventId);
  });

  test('scenario 2: Disconnect in Fusion — the toolbar destroys the agent connection, WRAPUP', async ({ demo, agent, sim, ccp }) => {
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.fusion.engagement('Olivia Bennett').getByRole('button', { name: 'Disconnect' }).click();

    await expect(demo.fusion.uef.entries.filter({ hasText: `disconnect ${eventId}: promise resolved: success` })).toHaveCount(1);
    await wrapUpThenSave(demo, ccp, agent, sim, eventId);
  });

  test('scenario 3: the customer hangs up — WRAPUP; Done in the toolbar ends after-call work too', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, fusion } = demo;
    const eventId = await answered(demo, ccp, agent, sim);

    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();

    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(toolbar.agentStateText).toHaveText('Wrap-up');
    await expect(ccp.agentState).toHaveText('AfterCallWork');

    await toolbar.wrapUp.getByRole('button', { name: 'Done' }).click();

    await expect(ccp.contacts).toContainText('No contacts');
    await expect(toolbar.agentStateText).toHaveText('Available');
    await expect.poll(async () => (await sim.agent(agent.agentId)).state).toBe('Ready');
  });

  test('the caller hangs up while it rings: closeCommEvent ABANDONED', async ({ demo, agent, sim, ccp }) => {
    const eventId = await ringing(demo, ccp, agent, sim);

    await demo.phone.customerCall(OLIVIA).getByRole('button', { name: 'Hang up' }).click();

    await expect.poll(() => demo.fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent ABANDONED']);
    await expect(demo.fusion.incomingCall).toBeHidden();
    await expect(demo.toolbar.wrapUp).toContainText('Caller hung up');
    // The CCP clears an abandoned ring itself; the agent never left Available.
    await expect(ccp.contacts).toContainText('No contacts');
    await expect(demo.toolbar.agentStateText).toHaveText('Available');
  });

  test('holds and resumes, mutes and unmutes the call', async ({ demo, agent, sim, ccp }) => {
    const { toolbar } = demo;
    await answered(demo, ccp, agent, sim);

    await toolbar.control('Hold').click();
    await expect(toolbar.currentCall).toContainText('On hold');
    await expect.poll(async () => (await sim.callOf(agent.dn)).parties.find((party) => party.dn === agent.dn)?.state).toBe('Held');

    await toolbar.control('Resume').click();
    await expect(toolbar.currentCall).toContainText('On call');
    await expect.poll(async () => (await sim.callOf(agent.dn)).parties.find((party) => party.dn === agent.dn)?.state).toBe('Established');

    await toolbar.control('Mute').click();
    await expect(toolbar.currentCall).toContainText('Muted');
    await toolbar.control('Unmute').click();
    await expect(toolbar.currentCall).not.toContainText('Muted');
  });

  test('sends tones from the keypad through the agent connection', async ({ demo, agent, sim, ccp }) => {
    const { toolbar, phone } = demo;
    await answered(demo, ccp, agent, sim);

    await toolbar.control('Keypad').click();
    const keypad = toolbar.currentCall.getByRole('group', { name: 'Send tones' });
    for (const key of ['1', '2', '#']) await keypad.getByRole('button', { name: key, exact: true }).click();

    await expect(toolbar.currentCall).toContainText('Sent: 12#');
    await expect(phone.simulatorEvents).toContainText('EventDTMFSent');
  });
});
