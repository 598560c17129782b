import { describe, expect, it } from 'vitest';
import { errorMessage } from '@ctikit/kernel';
import { API_NAMES } from '@ctikit/service-client';
import { CRM, flush, oneExtension, openExtension, startToolbar } from './support/linked-extension.ts';

/** Every namespace's requests, from the real client library through the host to the workspace and its vendor. */

async function ready() {
  const toolbar = await startToolbar(oneExtension());
  const extension = openExtension(toolbar.host);
  await flush();
  return { ...toolbar, ...extension };
}

describe('the frame’s id', () => {
  it('is given when the page loads and echoed on every request', async () => {
    const { service, page } = await ready();
    expect(page.received[0]).toEqual({ message: { frameId: 1, userAgent: 'WWE Server', protocolVersion: 2 }, targetOrigin: CRM });
    expect(service.frameId).toBe(1);
  });
});

describe('agent and media', () => {
  it('answers agent.get, getStateList and getState', async () => {
    const { service } = await ready();
    expect((await service.agent.get()).data).toEqual({ employeeId: 'agent1', username: 'agent1', roles: ['ROLE_AGENT'] });
    expect((await service.agent.getStateList()).data).toEqual([
      { operationName: 'Ready', displayName: 'Ready', state: 'READY' },
      { operationName: 'NotReady', displayName: 'Not Ready', state: 'NOT_READY' },
      { operationName: 'NotReadyReason:Break', displayName: 'Not Ready - Break', state: 'NOT_READY_ACTION_CODE', reason: 'Break', reasonCode: 'Break' },
      {
        operationName: 'NotReadyReason:Lunch',
        displayName: 'Not Ready - Lunch break',
        state: 'NOT_READY_ACTION_CODE',
        reason: 'Lunch break',
        reasonCode: 'Lunch',
      },
      { operationName: 'LogOff', displayName: 'Log Off', state: 'LOGOUT' },
    ]);
    expect((await service.agent.getState()).data).toMatchObject({ state: 'LOGOUT' });
  });

  it('sets the agent’s state through the workspace, by operationName or State object', async () => {
    const { service, vendor, workspace } = await ready();
    await service.agent.setState('Ready');
    expect(workspace.model.agent).toEqual({ kind: 'ready' });
    await service.agent.setState({ operationName: 'NotReadyReason:Lunch' } as unknown as string);
    expect(vendor.requests.slice(-2)).toEqual(['makeAgentAvailable', 'makeAgentUnavailable Lunch']);
    await expect(service.agent.setState('Dancing')).rejects.toThrow('No agent state has the operationName "Dancing"');
  });

  it('has one media, voice, whose state is the agent’s', async () => {
    const { service, workspace } = await ready();
    await service.media.setState('voice', 'Ready');
    expect(workspace.model.agent.kind).toBe('ready');
    expect((await service.media.getMediaList()).data).toEqual([{ media: 'voice', state: { operationName: 'Ready', displayName: 'Ready', state: 'READY' } }]);
    expect((await service.media.getMediaByName('voice')).data).toMatchObject({ media: 'voice' });
    await expect(service.media.getMediaByName('chat')).rejects.toThrow(/voice media only/);
  });
});

describe('interaction and voice', () => {
  it('reads calls as interaction.Interaction', async () => {
    const { service, vendor } = await ready();
    vendor.ring('e-1', '+15550100');
    await flush();
    const { data } = await service.interaction.getInteractions();
    expect(data).toEqual([
      {
        interactionId: 'e-1',
        caseId: 'e-1',
        userData: {},
        parties: [{ name: '+15550100' }, { name: '5001' }],
        state: 'RINGING',
        previousState: 'UNKNOWN',
        isConsultation: false,
        direction: 'IN',
        callType: 'Inbound',
        ani: '+15550100',
        dnis: '8000',
        isMainCaseInteraction: true,
        recordingState: 'STOPPED',
        startDate: expect.any(Number),
        isCaseSelected: false,
        isCaseExpanded: false,
        isMarkDoneBlocked: false,
      },
    ]);
    expect((await service.interaction.getByInteractionId('e-1')).data).toEqual(data?.[0]);
    expect((await service.interaction.getByInteractionId('nope')).data).toBeNull();
  });

  it('answers, holds, resumes, records and hangs up through the workspace', async () => {
    const { service, vendor, workspace } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.voice.answer('e-1');
    await service.voice.hold('e-1');
    await service.voice.resume('e-1');
    await service.voice.startCallRecording('e-1');
    await service.voice.pauseCallRecording('e-1');
    await service.voice.resumeCallRecording('e-1');
    await service.voice.stopCallRecording('e-1');
    await service.voice.hangUp('e-1');
    expect(vendor.requests).toEqual([
      'acceptCall e-1',
      'holdCall e-1',
      'retrieveCall e-1',
      'startRecording e-1',
      'pauseRecording e-1',
      'resumeRecording e-1',
      'stopRecording e-1',
      'hangupCall e-1',
    ]);
    expect(workspace.model.interaction('e-1')?.state).toBe('wrapUp');
    await expect(service.voice.hold('e-1')).rejects.toMatchObject({ failure: { errorCode: 'INVALID_CALL_STATE' } });
  });

  it('dials through the workspace with the userData on the dial request itself', async () => {
    const { service, vendor, workspace } = await ready();
    await service.agent.setState('Ready');
    const { data } = await service.voice.dial('+1 (555) 0199', { Campaign: 'spring' });
    expect(data).toEqual({ interactionId: 'dial-1' });
    await flush();
    expect(vendor.requests.slice(1)).toEqual(['makeOutboundCall +15550199 dial-1 {"Campaign":"spring"}']);
    expect(workspace.model.interaction('dial-1')?.userData).toEqual({ Campaign: 'spring' });
  });

  it('sets and deletes userData, which reaches the vendor', async () => {
    const { service, vendor, workspace } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.interaction.setUserData('e-1', { Reason: 'billing', Score: 7 });
    await service.interaction.deleteUserData('e-1', 'Score');
    expect(vendor.requests).toEqual(['setAttachedData e-1', 'deleteAttachedData e-1']);
    expect(workspace.model.interaction('e-1')?.userData).toEqual({ Reason: 'billing' });
    await expect(service.interaction.setUserData('e-1', { bad: { nested: 1 } } as never)).rejects.toMatchObject({
      failure: { errorCode: 'INVALID_PARAMETERS' },
    });
  });

  it('consults with the userData carried by the consult request, attached to the consultation call', async () => {
    const { service, vendor, workspace } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.voice.answer('e-1');
    const { data } = await service.interaction.consult('e-1', { target: 'AGENT', destination: '5002' }, { Topic: 'refund' });
    expect(data).toEqual({ interactionId: 'e-1-consult-1' });
    expect(vendor.requests.slice(1)).toEqual(['consultCall e-1 5002 {"Topic":"refund"}']);
    expect(workspace.model.interaction('e-1-consult-1')?.userData).toEqual({ Topic: 'refund' });
  });

  it('takes consult and singleStepTransfer as Genesys’ sample writes them: { type, destination, media } and extensions', async () => {
    const { service, vendor } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.interaction.accept('e-1');
    const target = { type: 'AGENT', destination: '5002', media: 'voice' } as const;
    const { data } = await service.interaction.consult('e-1', target, { k1: 'v1' }, { ek1: 'ev1' });
    expect(data).toEqual({ interactionId: 'e-1-consult-1' });
    vendor.ring('e-2');
    await flush();
    await service.interaction.accept('e-2');
    await service.interaction.singleStepTransfer('e-2', { type: 'AGENT', destination: '5003' }, { k2: 'v2' }, { ek2: 'ev2' });
    expect(vendor.requests.filter((request) => !request.startsWith('acceptCall'))).toEqual([
      'consultCall e-1 5002 {"k1":"v1"}',
      'transferCall e-2 5003 {"k2":"v2"}',
    ]);
    await expect(service.interaction.consult('e-2', { type: 'AGENT', destination: '5002', media: 'chat' } as never)).rejects.toMatchObject({
      failure: { errorCode: 'INVALID_PARAMETERS' },
    });
    await expect(service.interaction.consult('e-2', '5002', null, { nested: {} } as never)).rejects.toMatchObject({
      failure: { errorCode: 'INVALID_PARAMETERS', errorMessage: 'parameter 4, nested: Invalid input' },
    });
  });

  it('conferences in one step: the consultation joins the call once its party answers', async () => {
    const { service, vendor, workspace } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.interaction.accept('e-1');
    expect((await service.interaction.singleStepConference('e-1', { type: 'AGENT', destination: '5002' }, { k1: 'v1' }, { ek1: 'ev1' })).data).toBeNull();
    expect(vendor.requests.slice(1)).toEqual(['consultCall e-1 5002 {"k1":"v1"}']);
    vendor.customerAnswers('e-1-consult-1');
    await flush();
    expect(vendor.requests.slice(1)).toEqual(['consultCall e-1 5002 {"k1":"v1"}', 'completeConference e-1 e-1-consult-1']);
    expect(workspace.model.interaction('e-1')?.state).toBe('connected');
  });

  it('dials with extensions (voice.dialEx)', async () => {
    const { service, workspace } = await ready();
    await workspace.execute('makeAgentAvailable');
    const { data } = await service.voice.dialEx('5002', { myAttachedDataKey1: 'v1' }, { myExtensionKey1: 'e1' });
    expect(data).toEqual({ interactionId: 'dial-1' });
    expect(workspace.model.interaction('dial-1')?.userData).toEqual({ myAttachedDataKey1: 'v1' });
  });

  it('consults and completes the transfer with the consultation’s id', async () => {
    const { service, vendor, workspace } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.interaction.accept('e-1');
    const { data } = await service.interaction.consult('e-1', { target: 'AGENT', destination: '5002' });
    expect(data).toEqual({ interactionId: 'e-1-consult-1' });
    await service.interaction.completeTransfer('e-1-consult-1');
    expect(vendor.requests.slice(1)).toEqual(['consultCall e-1 5002', 'completeTransfer e-1 e-1-consult-1']);
    expect(workspace.model.interaction('e-1')?.endCause).toEqual({ kind: 'transferred' });
    await expect(service.interaction.completeConference('e-1')).rejects.toMatchObject({ failure: { errorCode: 'NOT_A_CONSULTATION' } });
  });

  it('transfers in one step, the userData carried by the transfer request (one round trip)', async () => {
    const { service, vendor } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.voice.answer('e-1');
    await service.interaction.singleStepTransfer('e-1', '5002', { Note: 'vip' });
    expect(vendor.requests.slice(1)).toEqual(['transferCall e-1 5002 {"Note":"vip"}']);
  });

  it('marks an ended call done (closing it), unless an extension blocked it', async () => {
    const { service, vendor, workspace } = await ready();
    vendor.ring('e-1');
    await flush();
    await service.voice.answer('e-1');
    await expect(service.interaction.markdone('e-1')).rejects.toThrow(/still connected/);
    await service.interaction.blockMarkdone('e-1', 'Fill the survey first');
    vendor.customerHangsUp('e-1');
    await flush();
    expect((await service.interaction.getByInteractionId('e-1')).data).toMatchObject({ state: 'IDLE', isMarkDoneBlocked: true });
    await expect(service.interaction.markdone('e-1')).rejects.toThrow('Fill the survey first');
    await service.interaction.unblockMarkdone('e-1');
    await service.interaction.markdone('e-1');
    expect(workspace.model.interaction('e-1')).toBeUndefined();
  });

  it('mutes the microphone of the current call and reports it', async () => {
    const { service, vendor } = await ready();
    await expect(service.sipEndpoint.muteMicrophone()).rejects.toMatchObject({ failure: { errorCode: 'NO_CURRENT_CALL' } });
    vendor.ring('e-1');
    await flush();
    await service.voice.answer('e-1');
    await service.sipEndpoint.muteMicrophone();
    expect((await service.sipEndpoint.isMicrophoneMute()).data).toBe(true);
    await service.sipEndpoint.unmuteMicrophone();
    expect((await service.sipEndpoint.isMicrophoneMute()).data).toBe(false);
  });
});

describe('system, configuration and what the toolbar cannot do', () => {
  it('lists the allowed services and keeps the session alive', async () => {
    const { service } = await ready();
    expect((await service.system.getAllowedServices()).data).toEqual(API_NAMES);
    expect((await service.system.triggerActivity()).data).toBeNull();
  });

  it('reads the administrator’s options: default section, named section, wildcards', async () => {
    const toolbar = await startToolbar({
      ...oneExtension({ 'voice.auto-answer': 'false', 'voice.prompt': 'true' }),
      CustomAPI: { 'test.one': '1', 'test.two': '2', other: 'x' },
    });
    const { service } = openExtension(toolbar.host);
    await flush();
    expect((await service.configuration.getOption(['voice.*', 'CustomAPI/test.*'])).data).toEqual([
      { sectionName: 'interaction-workspace', options: { 'voice.auto-answer': 'false', 'voice.prompt': 'true' } },
      { sectionName: 'CustomAPI', options: { 'test.one': '1', 'test.two': '2' } },
    ]);
    await expect(service.configuration.getOption('*.auto')).rejects.toMatchObject({ failure: { errorCode: 'INVALID_PARAMETERS' } });
  });

  it('answers email.create as Agent Desktop does without an email channel, and keeps the speaker’s mute', async () => {
    const { service } = await ready();
    await expect(service.email.create('john.doe@gmail.com')).rejects.toMatchObject({
      failure: { errorCode: 'UNKNOWN_MEDIA', errorMessage: 'email.create: the agent has no email media (no email channel is configured).' },
    });
    expect((await service.sipEndpoint.isSpeakerMute()).data).toBe(false);
    await service.sipEndpoint.muteSpeaker();
    expect((await service.sipEndpoint.isSpeakerMute()).data).toBe(true);
    await service.sipEndpoint.unmuteSpeaker();
    expect((await service.sipEndpoint.isSpeakerMute()).data).toBe(false);
  });

  it('answers the frame queries from the host’s frames: visible when its view is open, the last one opened', async () => {
    const toolbar = await startToolbar({
      'interaction-workspace': { 'workspace.web-content': 'Crm, Other', 'service-client-api.accepted-web-content-origins': CRM },
      Crm: { label: 'CRM', url: `${CRM}/a` },
      Other: { label: 'Other', url: `${CRM}/b` },
    });
    const crm = openExtension(toolbar.host, 'workspace:Crm');
    const other = openExtension(toolbar.host, 'workspace:Other');
    await flush();
    expect((await crm.service.system.amIVisible()).data).toBe(false);
    toolbar.host.viewShown('workspace:Crm');
    expect((await crm.service.system.amIVisible()).data).toBe(true);
    expect((await other.service.system.amIVisible()).data).toBe(false);
    toolbar.host.viewShown(undefined);
    expect((await crm.service.system.amIVisible()).data).toBe(false);
    expect((await crm.service.system.isLastActiveFrame()).data).toBe(true);
    expect((await other.service.system.isLastActiveFrame()).data).toBe(false);
    expect((await crm.service.system.isFrameLeading()).data).toBe(true);
    expect((await crm.service.system.isFrameFollowing()).data).toBe(false);
    expect((await crm.service.system.isFrameNegotiating()).data).toBe(false);
    expect((await crm.service.system.isFrameLeadingOrNegotiating()).data).toBe(true);
  });

  it('opens a dialog of the caller’s origin, its id and the agent filled in, closed by its opener only', async () => {
    const { service, host } = await ready();
    const { data } = await service.system.openDialog(`${CRM}/assets/dialog-popup.html?dialogId=$Dialog.Id$`, {
      label: 'Custom Dialog $Agent.FullName$',
      width: '430px',
      height: '40%',
    });
    expect(data).toEqual({ dialogId: 'wweCustomDialog1' });
    const dialog = host.frameSpecs.find((spec) => spec.dialog);
    expect(dialog).toMatchObject({
      key: 'dialog:wweCustomDialog1',
      title: 'Custom Dialog agent1',
      url: `${CRM}/assets/dialog-popup.html?dialogId=wweCustomDialog1`,
      dialog: { dialogId: 'wweCustomDialog1', ownerFrameId: 1, width: '430px', height: '40%' },
    });
    await expect(service.system.openDialog('https://elsewhere.example.com/x', {})).rejects.toMatchObject({ failure: { errorCode: 'NOT_ALLOWED' } });
    await expect(service.system.openDialog('javascript:alert(1)', {})).rejects.toMatchObject({ failure: { errorCode: 'INVALID_PARAMETERS' } });
    await service.system.closeDialog('wweCustomDialog1');
    expect(host.frameSpecs.some((spec) => spec.dialog)).toBe(false);
    await expect(service.system.closeDialog('wweCustomDialog1')).rejects.toMatchObject({ failure: { errorCode: 'UNKNOWN_DIALOG' } });
  });

  it('puts views in the application menu bar, by name, and closes them', async () => {
    const { service, host } = await ready();
    const view = {
      name: 'view0',
      label: 'Time Remaining - (00:04:46)',
      shortLabel: '(00:04:46)',
      tooltip: 'End of Shift',
      backgroundColor: '#FFFFFF',
      labelColor: '#000000',
    };
    await service.system.updateViewInApplicationMenuBar(view);
    await service.system.updateViewInApplicationMenuBar({ ...view, label: 'Time Remaining - (00:04:45)' });
    expect(host.menuBar.list).toEqual([{ ...view, label: 'Time Remaining - (00:04:45)', frameId: 1, source: 'CRM' }]);
    await expect(service.system.updateViewInApplicationMenuBar({ ...view, labelColor: 'red' })).rejects.toMatchObject({
      failure: { errorCode: 'INVALID_PARAMETERS' },
    });
    await service.system.closeViewInApplicationMenuBar('view0');
    expect(host.menuBar.list).toEqual([]);
    await expect(service.system.closeViewInApplicationMenuBar('view0')).rejects.toMatchObject({ failure: { errorCode: 'UNKNOWN_MENU_BAR_VIEW' } });
  });

  it('broadcasts a message to the other frames subscribed to its channel', async () => {
    const toolbar = await startToolbar({
      'interaction-workspace': { 'workspace.web-content': 'Crm, Other, Third', 'service-client-api.accepted-web-content-origins': CRM },
      Crm: { label: 'CRM', url: `${CRM}/a` },
      Other: { label: 'Other', url: `${CRM}/b` },
      Third: { label: 'Third', url: `${CRM}/c` },
    });
    const crm = openExtension(toolbar.host, 'workspace:Crm');
    const other = openExtension(toolbar.host, 'workspace:Other');
    const third = openExtension(toolbar.host, 'workspace:Third');
    crm.service.subscribe(['messenger:my-channel'], () => undefined);
    other.service.subscribe(['messenger:my-channel'], () => undefined);
    third.service.subscribe(['messenger:another'], () => undefined);
    await flush();
    await crm.service.messenger.broadcastMessage('my-channel', { foo: 'A foo text.', bar: 1234 });
    await flush();
    expect(other.page.events('messenger:my-channel')).toEqual([
      { eventType: 'MESSAGE', channel: 'my-channel', message: { foo: 'A foo text.', bar: 1234 }, from: 'CRM' },
    ]);
    expect(crm.page.events()).toEqual([]);
    expect(third.page.events()).toEqual([]);
    await expect(crm.service.messenger.broadcastMessage('bad channel!', 1)).rejects.toMatchObject({ failure: { errorCode: 'INVALID_PARAMETERS' } });
  });

  it('answers auth.getJwtToken with the vendor’s token, and says so when the vendor issues none', async () => {
    const { service, vendor } = await ready();
    await expect(service.auth.getJwtToken()).rejects.toMatchObject({ failure: { errorCode: 'NO_AGENT_TOKEN', errorMessage: errorMessage('NO_AGENT_TOKEN') } });
    Object.assign(vendor, { agentToken: async () => ({ ok: true, token: 'header.payload.signature', expiresIn: 300 }) });
    expect((await service.auth.getJwtToken()).data).toBe('header.payload.signature');
  });

  it('answers outbound.* through the vendor’s campaigns, in Genesys’ parameter forms, and dials a preview record with it attached', async () => {
    const { service, vendor, workspace } = await ready();
    await expect(service.outbound.getCampaigns()).rejects.toMatchObject({ failure: { errorCode: 'UNSUPPORTED_OPERATION' } });
    const asked: unknown[] = [];
    const rec = { recordHandle: 1, fields: { Name: 'Ada' }, callResult: 28 };
    const answers: Record<string, unknown> = {
      getCampaigns: [{ name: 'Renewals', mode: 'preview', callingList: 'L', recordsLeft: 1 }],
      getRecord: rec,
      callRecord: { phone: '4155550101', userData: { GSW_RECORD_HANDLE: 1, Name: 'Ada' }, record: rec },
      setCallResult: rec,
      rescheduleRecord: rec,
    };
    Object.assign(vendor, {
      outbound: async (request: { operation: string }) => (asked.push(request), { ok: true, data: answers[request.operation] ?? rec }),
    });
    await workspace.execute('makeAgentAvailable');
    expect((await service.outbound.getCampaigns()).data).toEqual(answers['getCampaigns']);
    expect((await service.outbound.getRecordFields('1')).data).toEqual({ Name: 'Ada' });
    const dialed = await service.outbound.callPreviewRecord('1', 1);
    expect(dialed.data).toEqual({ interactionId: expect.any(String) });
    expect(vendor.requests.at(-1)).toMatch(/^makeOutboundCall 4155550101 .*GSW_RECORD_HANDLE/);
    const { interactionId } = dialed.data as { interactionId: string };
    expect((await service.outbound.getCallResult(interactionId)).data).toBe(28);
    expect((await service.outbound.setCallResult(interactionId, 6)).data).toBeNull();
    expect((await service.outbound.rescheduleRecord('1', 1, '12/24/2030 9:30', 'CAMPAIGN')).data).toBeNull();
    expect(asked.slice(-3)).toEqual([
      { operation: 'getRecord', recordHandle: 1 },
      { operation: 'setCallResult', recordHandle: 1, callResult: 6 },
      { operation: 'rescheduleRecord', recordHandle: 1, at: new Date(2030, 11, 24, 9, 30).getTime(), callbackType: 'Campaign' },
    ]);
    await expect(service.outbound.setDoNotCall('not-a-record')).rejects.toMatchObject({ failure: { errorCode: 'UNKNOWN_RECORD' } });
    expect((await service.outbound.startDirectPushPreview()).data).toEqual(rec);
    expect((await service.outbound.stopDirectPushPreview()).data).toEqual(rec);
    expect(asked.slice(-2)).toEqual([{ operation: 'startPushPreview' }, { operation: 'stopPushPreview' }]);
  });

  it('answers every request of the catalog, never with silence', async () => {
    const { service } = await ready();
    const answers = await Promise.allSettled(API_NAMES.map((name) => service.request(name, [])));
    expect(answers.filter((a) => a.status === 'rejected' && /Request timeout/.test(String(a.reason)))).toEqual([]);
  });
});
