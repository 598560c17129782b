import { expect, offeredEventId, test } from '../support/demo-test.ts';

/**
 * Click-to-dial (uef.md §4.3): a number clicked in Fusion reaches the toolbar as onOutgoingEvent, the
 * toolbar dials through the contact center and reports the call with newCommEvent (ORA_SVC_OUTBOUND),
 * which opens Fusion's dialing panel; the customer answering gives startCommEvent. A dial that fails
 * — the line is busy, or the number is not one — is reported with outboundCommError.
 */

const DANIEL = '13125550187';
const HANNAH = '442079460018';

test.describe('Outbound calls from Fusion', () => {
  test('click-to-dial on a contact: dialing panel, then the customer answers and the engagement opens', async ({ demo }) => {
    const { toolbar, fusion, phone } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');

    await fusion.callContact('Daniel Okafor');

    await expect(fusion.outboundCall).toContainText('Calling Daniel Okafor');
    await expect(toolbar.outgoingCall).toContainText('Calling…');
    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    const eventId = await offeredEventId(demo);
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    const newComm = await fusion.uef.last('newCommEvent');
    expect(newComm.data.inData).toMatchObject({
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND',
      SVCMCA_ANI: DANIEL,
      SVCMCA_CONTACT_ID: outgoing?.data.outData?.SVCMCA_CONTACT_ID,
    });
    // The outbound call keeps the id Fusion gave the click-to-dial.
    expect(eventId).toBe(outgoing?.data.outData?.SVCMCA_CALL_ID);

    const ringingAtCustomer = phone.customerCall(DANIEL);
    await expect(ringingAtCustomer).toContainText('Incoming call');
    await ringingAtCustomer.getByRole('button', { name: 'Answer', exact: true }).click();

    await expect(fusion.engagement('Daniel Okafor')).toContainText('Outbound');
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.currentCall).toContainText('Daniel Okafor');
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(phone.customerCall(DANIEL)).toContainText('Talking');
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);

    await toolbar.control('Hang up').click();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(fusion.wrapUp).toContainText('Daniel Okafor');
  });

  test('the customer line is busy: outboundCommError, and the call is closed', async ({ demo }) => {
    const { toolbar, fusion, phone } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');
    await fusion.callContact('Hannah Keller');
    await expect(fusion.outboundCall).toContainText('Calling Hannah Keller');
    const eventId = await offeredEventId(demo);

    await phone.customerCall(HANNAH).getByRole('button', { name: 'Busy' }).click();

    await expect.poll(async () => (await fusion.uef.published('outboundCommError')).map((m) => m.data)).toEqual([
      expect.objectContaining({ commUuid: eventId, errorCode: 'TERMINATING_PARTY_BUSY' }),
    ]);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent MISSED']);
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.outgoingCall).toBeHidden();
    await expect(toolbar.wrapUp).toContainText('Call failed');
    await expect(toolbar.wrapUp).toContainText('The destination is busy.');
    await expect(phone.customerCall(HANNAH)).toBeHidden();
    await expect(fusion.recentInteractions).toContainText('To Hannah Keller — MISSED');
  });

  test('an invalid number: outboundCommError with the contact center reason, and no call', async ({ demo }) => {
    const { toolbar, fusion } = demo;
    await toolbar.goAvailable();
    await expect(toolbar.agentStateText).toHaveText('Available');

    await fusion.callNumber('12');

    const failed = fusion.page.getByRole('list', { name: 'Click-to-dial requests' }).getByRole('alert');
    await expect(failed).toContainText('Call to 12 failed: INVALID_CALLED_DN');
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    const error = await fusion.uef.last('outboundCommError');
    expect(error.data).toMatchObject({ commUuid: outgoing?.data.outData?.SVCMCA_CALL_ID, errorCode: 'INVALID_CALLED_DN' });
    expect(await fusion.uef.published('newCommEvent')).toEqual([]);
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.outgoingCall).toBeHidden();
    await expect(toolbar.errors.getByRole('alert')).toContainText('Call failed');
    await expect(toolbar.errors.getByRole('alert')).toContainText('(INVALID_CALLED_DN)');
  });
});
