import { createRemoteJWKSet, jwtVerify } from 'jose';
import { AGENT, COLLEAGUE, CUSTOMER, expect, test, withIds, type GenesysSample } from './support/genesys-sample.ts';
import type { SimControl } from '../e2e/support/sim-control.ts';

/**
 * Genesys' own sample page and client library, unmodified, in the toolbar: each of its operations
 * pressed in its own UI, the answer it logs checked, and what it did checked in the contact-center
 * simulator (agent state, call parties, user data, recording, campaign records) or in the toolbar
 * (toasts, dialogs, the menu bar).
 */

async function ringingCall(sim: SimControl, sample: GenesysSample, from = CUSTOMER): Promise<string> {
  await sim.placeCall(from, AGENT.dn);
  await expect(sample.events('interaction').filter({ hasText: '"RINGING"' }).first()).toBeVisible();
  const interactions = (await sample.data('interaction.getInteractions')) as Array<{ interactionId: string; state: string; ani?: string }>;
  const ringing = interactions.find((interaction) => interaction.state === 'RINGING' && interaction.ani === from);
  if (!ringing) throw new Error(`no ringing call from ${from} in ${JSON.stringify(interactions)}`);
  return ringing.interactionId;
}

async function partyState(sim: SimControl, dn: string): Promise<string | undefined> {
  const calls = await sim.calls();
  return calls.flatMap((call) => call.parties).find((party) => party.dn === dn)?.state;
}

test.describe('Genesys’ Service Client API sample in the toolbar', () => {
  test('agent, media, system, auth and configuration', async ({ sample, sim, toolbar, bridge }) => {
    expect(await sample.data('agent.get')).toMatchObject({ employeeId: AGENT.agentId, username: AGENT.agentId });
    expect(await sample.data('agent.getStateList')).toEqual(expect.arrayContaining([expect.objectContaining({ operationName: 'Ready', state: 'READY' })]));
    await toolbar.goAvailable();
    await expect.poll(async () => (await sim.agent(AGENT.agentId)).state).toBe('Ready');
    await expect(sample.events('agent').first()).toContainText('"READY"');

    expect(await sample.data('agent.setState')).toBeNull();
    await expect.poll(async () => (await sim.agent(AGENT.agentId)).state).toBe('NotReady');
    expect(await sample.data('agent.getState')).toMatchObject({ state: 'NOT_READY', operationName: 'NotReady' });
    expect(await sample.data('media.getMediaList')).toEqual([expect.objectContaining({ media: 'voice' })]);
    expect(await sample.data('media.getMediaByName')).toMatchObject({ media: 'voice', state: { state: 'NOT_READY' } });
    expect(await sample.data('media.setState', withIds({ '"NotReady"': '"Ready"' }))).toBeNull();
    await expect.poll(async () => (await sim.agent(AGENT.agentId)).state).toBe('Ready');

    expect(await sample.data('system.triggerActivity')).toBeNull();
    expect(await sample.data('system.getAllowedServices')).toEqual(expect.arrayContaining(['voice.dial', 'outbound.getCampaigns', 'auth.getJwtToken']));
    expect(await sample.data('configuration.getOption')).toEqual([
      { sectionName: 'interaction-workspace', options: { 'voice.auto-answer': 'false' } },
      { sectionName: 'MySection', options: { greeting: 'hello' } },
    ]);
    expect(await sample.run('email.create')).toMatchObject({ outcome: 'FAILED', result: { errorCode: 'UNKNOWN_MEDIA' } });
    expect(await sample.data('sipEndpoint.muteSpeaker')).toBeNull();
    expect(await sample.data('sipEndpoint.unmuteSpeaker')).toBeNull();

    const token = await sample.data('auth.getJwtToken');
    if (typeof token !== 'string') throw new Error(`auth.getJwtToken answered ${JSON.stringify(token)}`);
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL('/.well-known/jwks.json', bridge.url)));
    expect(payload).toMatchObject({ sub: AGENT.agentId, dn: AGENT.dn });
  });

  test('the frame queries, messenger, toasts, dialogs and the application menu bar', async ({ sample, toolbar }) => {
    expect(await sample.data('system.amIVisible')).toBe(true);
    expect(await sample.data('system.isFrameLeading')).toBe(true);
    expect(await sample.data('system.isFrameFollowing')).toBe(false);
    expect(await sample.data('system.isFrameNegotiating')).toBe(false);
    expect(await sample.data('system.isFrameLeadingOrNegotiating')).toBe(true);
    expect(await sample.data('system.isLastActiveFrame')).toBe(true);
    expect(await sample.data('messenger.broadcastMessage')).toBeNull();

    const page = toolbar.root;
    expect(await sample.data('system.popupToast')).toEqual({ toastId: 'wweCustomToast0' });
    const toast = page.getByRole('region', { name: 'Notifications from extensions' }).getByRole('status');
    await expect(toast).toContainText('The title');
    await expect(toast).toContainText('The great subject');
    await expect(toast).toContainText('value one');
    await expect(toast.getByRole('button', { name: 'Show' })).toBeVisible();
    expect(await sample.data('system.updateToast')).toBeNull();
    await expect(toast).toContainText('1111111111111111');
    for (const label of ['AAAAA', 'BBBBB', 'CCCCC']) await expect(toast.getByRole('button', { name: label })).toBeVisible();
    expect(await sample.data('system.closeToast')).toBeNull();
    await expect(toast).toHaveCount(0);
    await expect(page.getByText('Messages (1)')).toBeVisible();

    expect(await sample.data('system.openDialog')).toEqual({ dialogId: 'wweCustomDialog1' });
    const dialog = page.getByRole('dialog', { name: `Custom Dialog ${AGENT.agentId}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('iframe')).toHaveAttribute('src', /\/assets\/dialog-popup\.html\?dialogId=wweCustomDialog1$/);
    expect(await sample.data('system.closeDialog')).toBeNull();
    await expect(dialog).toHaveCount(0);

    expect(await sample.data('system.updateViewInApplicationMenuBar')).toBeNull();
    const menuBar = page.getByRole('list', { name: 'From extensions' });
    await expect(menuBar).toContainText('Time Remaining - (00:04:46)');
    expect(await sample.data('system.closeViewInApplicationMenuBar')).toBeNull();
    await expect(menuBar).toHaveCount(0);
  });

  test('a call: accept, user data, case, hold, recording, microphone, consult and transfer, mark done', async ({ sample, sim, toolbar }) => {
    await toolbar.goAvailable();
    const id = await ringingCall(sim, sample);
    const ids = withIds({ '"1"': `"${id}"` });
    expect(await sample.data('interaction.accept', ids)).toBeNull();
    await expect.poll(() => partyState(sim, AGENT.dn)).toBe('Established');
    const call = (await sample.data('interaction.getByInteractionId', ids)) as { caseId: string; state: string };
    expect(call.state).toBe('TALKING');

    expect(await sample.data('interaction.setUserData', ids)).toBeNull();
    await expect.poll(async () => (await sim.callOf(CUSTOMER)).userData).toMatchObject({ KEY1: 'MyValue111', KEY2: 'MyValue222' });
    expect(await sample.data('interaction.deleteUserData', ids)).toBeNull();
    await expect.poll(async () => Object.keys((await sim.callOf(CUSTOMER)).userData)).not.toContain('KEY1');
    expect(await sample.data('interaction.selectCaseByCaseId', withIds({ '********-****-****-****-************': call.caseId }))).toBeNull();
    await expect(sample.events('interaction').filter({ hasText: 'CASE_SELECTED' }).first()).toBeVisible();

    expect(await sample.data('voice.hold', ids)).toBeNull();
    await expect.poll(() => partyState(sim, AGENT.dn)).toBe('Held');
    expect(await sample.data('voice.resume', ids)).toBeNull();
    await expect.poll(() => partyState(sim, AGENT.dn)).toBe('Established');
    for (const [command, state] of [
      ['voice.startCallRecording', 'Recording'],
      ['voice.pauseCallRecording', 'Paused'],
      ['voice.resumeCallRecording', 'Recording'],
      ['voice.stopCallRecording', 'Stopped'],
    ] as const) {
      expect(await sample.data(command, ids)).toBeNull();
      await expect.poll(async () => (await sim.callOf(CUSTOMER)).recordingState).toBe(state);
    }
    expect(await sample.data('sipEndpoint.muteMicrophone')).toBeNull();
    await expect(toolbar.control('Unmute')).toBeVisible();
    expect(await sample.data('sipEndpoint.unmuteMicrophone')).toBeNull();
    await expect(toolbar.control('Mute')).toBeVisible();

    const consult = (await sample.data('interaction.consult', withIds({ '"1"': `"${id}"`, SIP_5001: COLLEAGUE.dn }))) as { interactionId: string };
    await expect.poll(() => partyState(sim, COLLEAGUE.dn)).toBe('Ringing');
    const consultCall = (await sim.calls()).find((candidate) => candidate.parties.some((party) => party.dn === COLLEAGUE.dn));
    expect(consultCall?.userData).toMatchObject({ k1: 'v1', k2: 'v2' });
    await sim.answerPhone(COLLEAGUE.dn);
    await expect.poll(() => partyState(sim, COLLEAGUE.dn)).toBe('Established');
    expect(await sample.data('interaction.completeTransfer', withIds({ '"2"': `"${consult.interactionId}"` }))).toBeNull();
    await expect.poll(async () => (await sim.callOf(CUSTOMER)).parties.map((party) => party.dn).sort()).toEqual([COLLEAGUE.dn, CUSTOMER].sort());

    expect(await sample.data('interaction.blockMarkdone', ids)).toBeNull();
    expect(await sample.run('interaction.markdone', ids)).toMatchObject({
      outcome: 'FAILED',
      result: { errorCode: 'MARK_DONE_BLOCKED', errorMessage: 'My warning message!' },
    });
    expect(await sample.data('interaction.unblockMarkdone', ids)).toBeNull();
    expect(await sample.data('interaction.markdone', ids)).toBeNull();
    await expect(sample.events('markdone').first()).toContainText('MARKED_DONE');
    expect(await sample.data('interaction.getInteractions')).toEqual([]);
  });

  test('single-step transfer and conference, a consultation conferenced, reject, dial and dialEx, answer and hang up', async ({ sample, sim, toolbar }) => {
    await toolbar.goAvailable();
    const first = await ringingCall(sim, sample);
    expect(await sample.data('voice.answer', withIds({ '"1"': `"${first}"` }))).toBeNull();
    await expect.poll(() => partyState(sim, AGENT.dn)).toBe('Established');
    expect(await sample.data('interaction.singleStepTransfer', withIds({ '"1"': `"${first}"`, SIP_5001: COLLEAGUE.dn }))).toBeNull();
    await expect.poll(() => partyState(sim, COLLEAGUE.dn)).toBe('Ringing');
    expect((await sim.callOf(COLLEAGUE.dn)).userData).toMatchObject({ k1: 'v1', k2: 'v2' });
    expect((await sim.callOf(COLLEAGUE.dn)).parties.map((party) => party.dn)).not.toContain(AGENT.dn);
    await sim.reset();

    await toolbar.goAvailable();
    const second = await ringingCall(sim, sample);
    await sample.data('interaction.accept', withIds({ '"1"': `"${second}"` }));
    await expect.poll(() => partyState(sim, AGENT.dn)).toBe('Established');
    expect(await sample.data('interaction.singleStepConference', withIds({ '"1"': `"${second}"`, SIP_5001: COLLEAGUE.dn }))).toBeNull();
    await expect.poll(() => partyState(sim, COLLEAGUE.dn)).toBe('Ringing');
    await sim.answerPhone(COLLEAGUE.dn);
    await expect
      .poll(async () => (await sim.callOf(CUSTOMER)).parties.map((party) => `${party.dn} ${party.state}`).sort())
      .toEqual([`${AGENT.dn} Established`, `${COLLEAGUE.dn} Established`, `${CUSTOMER} Established`].sort());
    expect(await sample.data('voice.hangUp', withIds({ '"1"': `"${second}"` }))).toBeNull();
    await expect.poll(() => partyState(sim, AGENT.dn)).toBeUndefined();
    await sim.reset();

    await toolbar.goAvailable();
    const third = await ringingCall(sim, sample);
    await sample.data('interaction.accept', withIds({ '"1"': `"${third}"` }));
    const consult = (await sample.data('interaction.consult', withIds({ '"1"': `"${third}"`, SIP_5001: COLLEAGUE.dn }))) as { interactionId: string };
    await expect.poll(() => partyState(sim, COLLEAGUE.dn)).toBe('Ringing');
    await sim.answerPhone(COLLEAGUE.dn);
    await expect.poll(() => partyState(sim, COLLEAGUE.dn)).toBe('Established');
    expect(await sample.data('interaction.completeConference', withIds({ '"2"': `"${consult.interactionId}"` }))).toBeNull();
    await expect.poll(async () => (await sim.callOf(CUSTOMER)).parties.map((party) => party.dn).sort()).toEqual([AGENT.dn, COLLEAGUE.dn, CUSTOMER].sort());
    await sim.reset();

    await toolbar.goAvailable();
    const fourth = await ringingCall(sim, sample);
    expect(await sample.data('interaction.reject', withIds({ '"1"': `"${fourth}"` }))).toBeNull();
    await expect.poll(() => partyState(sim, AGENT.dn)).not.toBe('Ringing');

    await sim.reset();
    await toolbar.goAvailable();
    await expect.poll(async () => (await sim.agent(AGENT.agentId)).state).toBe('Ready');
    const dialed = (await sample.data('voice.dial', withIds({ '*PhoneNumber*': '4155550199' }))) as { interactionId: string };
    await expect.poll(async () => (await sim.callOf('4155550199')).userData).toMatchObject({ myAttachedDataKey1: 'myAttachedDataValue1' });
    expect(await sample.data('voice.hangUp', withIds({ '"1"': `"${dialed.interactionId}"` }))).toBeNull();
    await expect.poll(() => partyState(sim, AGENT.dn)).toBeUndefined();
    // Hung up before the customer answered: the call ended unanswered and left nothing to mark done.
    expect(await sample.run('interaction.markdone', withIds({ '"1"': `"${dialed.interactionId}"` }))).toMatchObject({
      outcome: 'FAILED',
      result: { errorCode: 'UNKNOWN_INTERACTION' },
    });
    const dialedEx = (await sample.data('voice.dialEx', withIds({ '*PhoneNumber*': '4155550198' }))) as { interactionId: string };
    await expect.poll(async () => (await sim.callOf('4155550198')).userData).toMatchObject({ myAttachedDataKey2: 'myAttachedDataValue2' });
    expect(dialedEx.interactionId).not.toBe(dialed.interactionId);
  });

  test('outbound: every outbound.* operation on the agent’s campaigns, and their events on the outbound topic', async ({ sample, sim, toolbar }) => {
    const record = async (recordHandle: number) => (await sim.outboundRecords()).find((candidate) => candidate.recordHandle === recordHandle);
    const outboundEvents = (eventType: string) => sample.events('outbound campaign').filter({ hasText: `"eventType": "${eventType}"` });
    await toolbar.goNotReady('Break');
    await expect(outboundEvents('CampaignStarted')).toHaveCount(2);
    await expect(outboundEvents('CampaignStarted').filter({ hasText: '"CampaignSIP"' })).toContainText('"mode": "Preview"');

    expect(await sample.data('outbound.getCampaigns')).toEqual([
      { name: 'CampaignSIP', mode: 'preview', callingList: 'Calling List SIP', recordsLeft: 3 },
      { name: 'PushSIP', mode: 'pushPreview', callingList: 'Calling List SIP 2', recordsLeft: 2 },
    ]);
    expect(await sample.data('outbound.getListOfCallResults')).toEqual(
      expect.arrayContaining([
        { code: 6, name: 'Busy' },
        { code: 33, name: 'Answer' },
      ]),
    );

    expect(await sample.data('outbound.getPreviewRecord')).toMatchObject({
      recordHandle: 1,
      campaignName: 'CampaignSIP',
      phone: '4155550301',
      status: 'Offered',
    });
    await expect(outboundEvents('PreviewRecord').first()).toContainText('"recordHandle": 1');
    expect(await record(1)).toMatchObject({ status: 'Offered' });
    expect(await sample.data('outbound.getRecordFields')).toEqual({ Name: 'Ada Byron', Plan: 'Gold' });
    expect(await sample.data('outbound.updateRecordFields')).toMatchObject({ GSW_CUSTOM_STRING: 'string value', Name: 'Ada Byron' });
    expect((await record(1))?.fields).toMatchObject({ GSW_FROM: '10:10', GSW_CUSTOM_STRING: 'string value', GSW_CUSTOM_DATE: '10/10/2021 23:45' });
    expect(((await sample.data('outbound.getChainedRecords')) as Array<{ recordHandle: number }>).map((chained) => chained.recordHandle)).toEqual([1, 2]);

    expect(await sample.data('outbound.setCallResult')).toBeNull();
    expect((await record(1))?.callResult).toBe(6);
    await expect(outboundEvents('UpdateCallCompletionStatsAcknowledge').first()).toContainText('"callResult": 6');
    expect(await sample.data('outbound.getCallResult')).toBe(6);
    expect(await sample.data('outbound.setDoNotCall')).toBeNull();
    expect((await record(1))?.doNotCall).toBe(true);
    expect(await sample.data('outbound.removeDoNotCall')).toBeNull();
    expect((await record(1))?.doNotCall).toBe(false);
    expect(await sample.data('outbound.rescheduleRecord')).toBeNull();
    expect(await record(1)).toMatchObject({ status: 'Scheduled', callbackType: 'Campaign' });
    expect(await sample.data('outbound.cancelReschedule')).toBeNull();
    expect((await record(1))?.status).toBe('Offered');
    expect(await sample.data('outbound.rejectPreviewRecord')).toBeNull();
    expect((await record(1))?.status).toBe('Ready');
    await expect(outboundEvents('RecordRejectAcknowledge')).toHaveCount(1);

    expect(await sample.data('outbound.getPreviewRecord')).toMatchObject({ recordHandle: 1 });
    expect(await sample.data('outbound.cancelPreviewRecord')).toBeNull();
    expect((await record(1))?.status).toBe('Cancelled');

    expect(await sample.data('outbound.startDirectPushPreview')).toEqual([
      { name: 'PushSIP', mode: 'pushPreview', callingList: 'Calling List SIP 2', recordsLeft: 1 },
    ]);
    await expect(outboundEvents('PreviewDialingModeStartAcknowledge')).toHaveCount(1);
    await expect(outboundEvents('PreviewRecord').filter({ hasText: '"PushSIP"' })).toContainText('"recordHandle": 4');
    expect((await record(4))?.status).toBe('Offered');
    expect(await sample.data('outbound.stopDirectPushPreview')).toMatchObject([{ name: 'PushSIP' }]);
    await expect(outboundEvents('PreviewDialingModeOverAcknowledge')).toHaveCount(1);
    expect(await sample.data('outbound.rejectPreviewRecord', withIds({ '"1"': '"4"' }))).toBeNull();
    expect((await record(4))?.status).toBe('Ready');

    expect(await sample.data('outbound.getPreviewRecord')).toMatchObject({ recordHandle: 2 });
    const dialed = (await sample.data('outbound.callPreviewRecord', withIds({ '"1", 1': '"2", 2' }))) as { interactionId: string };
    await expect
      .poll(async () => (await sim.callOf('4155550302')).userData)
      .toMatchObject({ GSW_RECORD_HANDLE: 2, GSW_CAMPAIGN_NAME: 'CampaignSIP', Name: 'Ada Byron' });
    expect(await record(2)).toMatchObject({ status: 'Dialing', attempts: 1 });
    const call = (await sample.data('interaction.getByInteractionId', withIds({ '"1"': `"${dialed.interactionId}"` }))) as { state: string };
    expect(call.state).toBe('DIALING');
    await expect(toolbar.root.getByRole('region', { name: 'Outgoing call' })).toContainText('Campaign CampaignSIP');
  });
});
