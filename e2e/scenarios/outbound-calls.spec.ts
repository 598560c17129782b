import { expect, offeredEventId, test, type PerVendor } from './scenario-test.ts';
import { available, DANIEL, expectCcp, HANNAH } from '../support/call-steps.ts';

/**
 * Click-to-dial (uef.md §4.3): a number clicked in Fusion reaches the toolbar as onOutgoingEvent, the
 * toolbar dials through the vendor and reports the call with newCommEvent (ORA_SVC_OUTBOUND) under
 * the id Fusion gave it, which opens Fusion's dialing panel; the customer answering gives
 * startCommEvent. The agent may cancel the call before it is answered (CANCELED). A dial that fails
 * — the line is busy, or the number is not one — is reported with outboundCommError.
 */

/** Why a busy line failed the call, in the vendor's own words (the toolbar shows them under "Call failed"). */
const BUSY_MESSAGE: PerVendor<string> = {
  genesys: 'The destination is busy.',
  amazon: 'The line of the number called is busy.',
};

test.describe('Outbound calls from Fusion', () => {
  test('click-to-dial on a contact: dialing panel, then the customer answers and the engagement opens; the call keeps Fusion’s id', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone } = demo;
    await available(demo, ccp);

    await fusion.callContact('Daniel Okafor');

    await expect(fusion.outboundCall).toContainText('Calling Daniel Okafor');
    await expect(toolbar.outgoingCall).toContainText('Calling…');
    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    await expectCcp(ccp, { agentState: 'CallingCustomer' });
    const eventId = await offeredEventId(demo);
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    const newComm = await fusion.uef.last('newCommEvent');
    expect(newComm.data.inData).toMatchObject({
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND',
      SVCMCA_ANI: DANIEL,
      SVCMCA_CONTACT_ID: outgoing?.data.outData?.SVCMCA_CONTACT_ID,
    });
    expect(eventId).toBe(outgoing?.data.outData?.SVCMCA_CALL_ID);

    const ringingAtCustomer = phone.customerCall(DANIEL);
    await expect(ringingAtCustomer).toContainText('Incoming call');
    await ringingAtCustomer.getByRole('button', { name: 'Answer', exact: true }).click();

    await expect(fusion.engagement('Daniel Okafor')).toContainText('Outbound');
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.currentCall).toContainText('Daniel Okafor');
    await expect(toolbar.currentCall).toContainText('On call');
    await expect(phone.customerCall(DANIEL)).toContainText('Talking');
    await expectCcp(ccp, { agentState: 'Busy' });
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent']);

    await toolbar.control('Hang up').click();
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent WRAPUP']);
    await expect(fusion.wrapUp).toContainText('Daniel Okafor');
    await expectCcp(ccp, { agentState: 'AfterCallWork' });
  });

  test('the customer line is busy: outboundCommError, the call is closed, the agent stays available', async ({ demo, ccp, vendor }) => {
    const { toolbar, fusion, phone } = demo;
    await available(demo, ccp);
    await fusion.callContact('Hannah Keller');
    await expect(fusion.outboundCall).toContainText('Calling Hannah Keller');
    const eventId = await offeredEventId(demo);

    await phone.customerCall(HANNAH).getByRole('button', { name: 'Busy' }).click();

    await expect
      .poll(async () => (await fusion.uef.published('outboundCommError')).map((message) => message.data))
      .toEqual([expect.objectContaining({ commUuid: eventId, errorCode: 'TERMINATING_PARTY_BUSY' })]);
    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent MISSED']);
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.outgoingCall).toBeHidden();
    await expect(toolbar.wrapUp).toContainText('Call failed');
    await expect(toolbar.wrapUp).toContainText(BUSY_MESSAGE[vendor]);
    await expect(phone.customerCall(HANNAH)).toBeHidden();
    await expect(fusion.recentInteractions).toContainText('To Hannah Keller — MISSED');
    // On Amazon Connect the CCP clears the failed contact itself (LineEngagedCustomer).
    await expectCcp(ccp, { agentState: 'Available', contacts: 'No contacts' });
    await expect(toolbar.agentStateText).toHaveText('Available');
  });

  test('the agent cancels the call before it is answered: closeCommEvent CANCELED', async ({ demo, ccp }) => {
    const { toolbar, fusion, phone } = demo;
    await available(demo, ccp);
    await fusion.callContact('Daniel Okafor');
    await expect(toolbar.outgoingCall).toContainText('Daniel Okafor');
    await expect(phone.customerCall(DANIEL)).toContainText('Incoming call');
    const eventId = await offeredEventId(demo);

    await toolbar.outgoingCall.getByRole('button', { name: 'Cancel call' }).click();

    await expect.poll(() => fusion.uef.commEvents(eventId)).toEqual(['newCommEvent', 'closeCommEvent CANCELED']);
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.outgoingCall).toBeHidden();
    await expect(phone.customerCall(DANIEL)).toBeHidden();
  });

  test('an invalid number: outboundCommError with the contact center reason, and no call', async ({ demo, ccp }) => {
    const { toolbar, fusion } = demo;
    await available(demo, ccp);

    await fusion.callNumber('12');

    const failed = fusion.page.getByRole('list', { name: 'Click-to-dial requests' }).getByRole('alert');
    await expect(failed).toContainText('Call to 12 failed: INVALID_CALLED_DN');
    const [outgoing] = await fusion.uef.sent('onOutgoingEvent');
    const error = await fusion.uef.last('outboundCommError');
    expect(error.data).toMatchObject({ commUuid: outgoing?.data.outData?.SVCMCA_CALL_ID, errorCode: 'INVALID_CALLED_DN' });
    expect(await fusion.uef.published('outboundCommError')).toHaveLength(1);
    expect(await fusion.uef.published('newCommEvent')).toEqual([]);
    await expect(fusion.outboundCall).toBeHidden();
    await expect(toolbar.outgoingCall).toBeHidden();
    await expect(toolbar.errors.getByRole('alert')).toContainText('Call failed');
    await expect(toolbar.errors.getByRole('alert')).toContainText('(INVALID_CALLED_DN)');
  });
});
