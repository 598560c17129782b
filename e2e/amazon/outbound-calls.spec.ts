import { expect, offeredEventId, test } from './amazon-test.ts';

/**
 * Click-to-dial on Amazon Connect: Fusion's onOutgoingEvent becomes
 * `agent.connect(connect.Endpoint.byPhoneNumber(…))`. Streams does not say which contact the dial
 * created, so the toolbar gives the first new outbound contact to that number Fusion's eventId — the
 * call keeps it for its whole life. A dial that fails is reported with outboundCommError.
 */

const DANIEL = '13125550187';
const HANNAH = '442079460018';

test.describe('Amazon Connect: outbound calls from Fusion', () => {
  test('click-to-dial: the dialing panel, the customer answers, the engagement opens; the call keeps Fusion’s eventId', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');

    await fusion.callContact('Daniel Okafor');

    await expect(fusion.outboundCall).toContainText('Calling Daniel Okafor');
    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    await expect(ccp.agentState).toHaveText('CallingCustomer');
    const eventId = await offeredEventId(demo);
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    expect(eventId).toBe(outgoing?.data.outData?.SVCMCA_CALL_ID);
    expect((await fusion.uef.last('newCommEvent')).data.inData).toMatchObject({ SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND', SVCMCA_ANI: DANIEL });

    await phone.customerCall(DANIEL).getByRole('button', { name: 'Answer', exact: true }).click();

    await expect(fusion.engagement('Daniel Okafor')).toContainText('Outbound');
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(ccp.agentState).toHaveText('Busy');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);

    await toolbar.control('Hang up').click();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(ccp.agentState).toHaveText('AfterCallWork');
  });

  test('the customer line is busy: outboundCommError, the call is closed, and the CCP clears the failed contact', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await fusion.callContact('Hannah Keller');
    await expect(fusion.outboundCall).toContainText('Calling Hannah Keller');
    const eventId = await offeredEventId(demo);

    await phone.customerCall(HANNAH).getByRole('button', { name: 'Busy' }).click();

    await expect.poll(async () => (await fusion.uef.published('outboundCommError')).map((message) => message.data)).toEqual([
      expect.objectContaining({ commUuid: eventId, errorCode: 'TERMINATING_PARTY_BUSY' }),
    ]);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent MISSED']);
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.wrapUp).toContainText('Call failed');
    await expect(toolbar.wrapUp).toContainText('The line of the number called is busy.');
    // LineEngagedCustomer is cleared by the CCP itself: the agent stays available throughout.
    await expect(ccp.contacts).toContainText('No contacts');
    await expect(ccp.agentState).toHaveText('Available');
    await expect(toolbar.agentStateText).toHaveText('Available');
  });

  test('the agent cancels the call before it is answered: closeCommEvent CANCELED', async ({ demo }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await fusion.callContact('Daniel Okafor');
    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    const eventId = await offeredEventId(demo);

    await toolbar.outgoingCall.getByRole('button', { name: 'Cancel call' }).click();

    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent CANCELED']);
    await expect(fusion.outboundCall).toBeHidden();
  });

  test('a number Amazon Connect cannot dial: outboundCommError with the service’s reason, and no call', async ({ demo }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');

    await fusion.callNumber('12');

    await expect.poll(async () => (await fusion.uef.published('outboundCommError')).map((message) => message.data.errorCode)).toEqual(['INVALID_CALLED_DN']);
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    expect((await fusion.uef.last('outboundCommError')).data.commUuid).toBe(outgoing?.data.outData?.SVCMCA_CALL_ID);
    expect(await fusion.uef.published('newCommEvent')).toEqual([]);
    await expect(toolbar.errors.getByRole('alert')).toContainText('(INVALID_CALLED_DN)');
  });
});
