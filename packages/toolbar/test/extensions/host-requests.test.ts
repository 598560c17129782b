import { describe, expect, it } from 'vitest';
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
      { operationName: 'NotReadyReason:Lunch', displayName: 'Not Ready - Lunch break', state: 'NOT_READY_ACTION_CODE', reason: 'Lunch break', reasonCode: 'Lunch' },
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

  it('says clearly what it does not support', async () => {
    const { service } = await ready();
    await expect(service.email.create('a@example.com')).rejects.toThrow('email.create is not supported: the toolbar has no email channel.');
    await expect(service.sipEndpoint.muteSpeaker()).rejects.toMatchObject({ failure: { errorCode: 'NOT_SUPPORTED' } });
    await expect(service.interaction.singleStepConference('e-1', '5002')).rejects.toMatchObject({ failure: { errorCode: 'NOT_SUPPORTED' } });
    await expect(service.request('auth.getJwtToken', [])).rejects.toThrow('auth.getJwtToken is not a request this toolbar supports.');
  });

  it('answers every request of the catalog, never with silence', async () => {
    const { service } = await ready();
    const answers = await Promise.allSettled(API_NAMES.map((name) => service.request(name, [])));
    expect(answers.filter((a) => a.status === 'rejected' && /Request timeout/.test(String(a.reason)))).toEqual([]);
  });
});
