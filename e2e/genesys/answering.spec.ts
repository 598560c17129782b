import { expect, offeredEventId, screenshot, test, type Demo } from '../support/demo-test.ts';

/**
 * Accepting a ringing call the three ways of seed 000: from Fusion's dialog (onToolbarInteractionCommand
 * accept), from the toolbar, and from the agent's softphone with no command from the toolbar at all.
 * Each time the call connects on the contact center's EventEstablished, and only then does Fusion get
 * startCommEvent and open the engagement.
 */

const OLIVIA = '+14155550142';

/** The agent is available and a customer's call rings at them. */
async function ringing(demo: Demo, placeCall: () => Promise<unknown>): Promise<string> {
  await demo.toolbar.goAvailable();
  await expect(demo.toolbar.agentStateText).toHaveText('Available');
  await placeCall();
  await expect(demo.fusion.incomingCall).toContainText('Olivia Bennett');
  await expect(demo.toolbar.incomingCall).toContainText('Olivia Bennett');
  return offeredEventId(demo);
}

/** What the agent sees once the call is connected, and what Fusion received. */
async function expectConnected(demo: Demo, eventId: string): Promise<void> {
  const { toolbar, fusion, phone } = demo;
  const engagement = fusion.engagement('Olivia Bennett');
  await expect(engagement).toContainText('Inbound');
  await expect(engagement).toContainText('Northwind Traders');
  await expect(fusion.incomingCall).toBeHidden();
  await expect(toolbar.incomingCall).toBeHidden();
  await expect(toolbar.currentCall).toContainText('Olivia Bennett');
  await expect(toolbar.currentCall).toContainText('On call');
  await expect(phone.customerCall(OLIVIA)).toContainText('Talking');
  await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);
  const startComm = await fusion.uef.last('startCommEvent');
  expect(startComm.data.inData).toMatchObject({ SVCMCA_ANI: OLIVIA, SVCMCA_CONTACT_NAME: 'Olivia Bennett' });
  await expect(fusion.uef.entries.filter({ hasText: 'inData carries all' })).toHaveCount(1);
}

test.describe('Answering an incoming call', () => {
  test("in Fusion's dialog: accept goes to the toolbar, then startCommEvent opens the engagement", async ({ demo, agent, sim }) => {
    const eventId = await ringing(demo, () => sim.placeCall(OLIVIA, agent.dn));

    await demo.fusion.incomingCall.getByRole('button', { name: 'Answer' }).click();

    await expectConnected(demo, eventId);
    await expect(demo.fusion.uef.entries.filter({ hasText: `accept ${eventId}: promise resolved: success` })).toHaveCount(1);
  });

  test('in the toolbar: Accept, then startCommEvent opens the engagement', async ({ demo }) => {
    const eventId = await ringing(demo, () => demo.phone.call(OLIVIA, 'Support (8000)'));

    await demo.toolbar.incomingCall.getByRole('button', { name: 'Accept' }).click();

    await expectConnected(demo, eventId);
    await expect(demo.fusion.uef.entries.filter({ hasText: 'onToolbarInteractionCommand' }).filter({ hasText: 'accept' })).toHaveCount(0);
    await screenshot(demo.page, 'connected');
  });

  test("on the agent's softphone: EventEstablished alone connects the call in the toolbar and Fusion", async ({ demo, agent, sim }) => {
    const eventId = await ringing(demo, () => sim.placeCall(OLIVIA, agent.dn));
    const { phone } = demo;
    await phone.useSoftphoneOf(agent.dn);

    await phone.softphoneCall('Ringing').getByRole('button', { name: 'Answer' }).click();

    await expectConnected(demo, eventId);
    await expect(phone.softphoneCall('Established')).toContainText(OLIVIA);
  });
});
