import { describe, expect, it } from 'vitest';
import contacts from '../src/fusion/contacts.json';
import { lookupByNumber, parseContactDirectory } from '../src/fusion/contact-directory.ts';
import { ToolbarCommandData, type DataUpdatedEventData, type OutgoingEventData } from '../src/uef/event-responses.ts';
import { UefErrorData, type CommEventResponseData } from '../src/uef/responses.ts';
import { PHONE_OPERATIONS } from '../src/wire/uef-message.ts';
import { offerCall, publishAgentState, publishComm, startToolbar } from './support/toolbar-double.ts';
import { linkToolbarToFusion, settle } from './support/uef-link.ts';

describe('UEF client library against the Fusion host (linked in memory)', () => {
  it('resolves initialize only after the host answers the handshake, then hands out the PHONE context', async () => {
    const { framework, wire } = linkToolbarToFusion();
    const provider = await framework.initialize('TestToolbar');
    expect(wire.toFusion[0]).toMatchObject({ type: 'handshake', data: { applicationName: 'TestToolbar', apiVersion: 'v1' } });
    expect(wire.toToolbar[0]).toMatchObject({ type: 'handshakeAck', uuid: wire.toFusion[0]?.uuid });
    expect(provider.getApplicationName()).toBe('TestToolbar');
    expect(provider.getVersion()).toBe('v1');
    expect(await framework.initialize('TestToolbar')).toBe(provider);

    const mca = await provider.getMultiChannelAdaptorContext();
    expect(await mca.getActiveChannels()).toEqual(['PHONE']);
    const phone = await mca.getCommunicationChannelContext('PHONE');
    expect(phone.getChannelType()).toBe('ORA_SVC_PHONE');
    expect(phone.getToolbarName()).toBe('test_toolbar');
    expect(phone.getSupportedActions()).toEqual([...PHONE_OPERATIONS]);
    expect(phone.getSupportedEvents()).toContain('onOutgoingEvent');
    await expect(mca.getCommunicationChannelContext('CHAT')).rejects.toBeInstanceOf(UefErrorData);
  });

  it('runs the documented startup: configuration, readiness, agent state enabling the phone icon', async () => {
    const { framework, session } = linkToolbarToFusion({ agentId: 'agent7' });
    const { configuration, received } = await startToolbar(framework);
    expect(configuration.getAgentId()).toBe('agent7');
    expect(configuration.getAgentPartyId()).toBe('300100099990001');
    expect(configuration.getFeatures()).toContain('OUTBOUND_CALL');
    expect(configuration.getFaTrustToken()).toBe('simulated-fa-trust-token.agent7');
    expect(session.state.subscriptions.map((s) => s.eventName).sort()).toEqual([
      'onDataUpdated',
      'onOutgoingEvent',
      'onToolbarAgentCommand',
      'onToolbarInteractionCommand',
    ]);
    expect(session.state.readiness).toBe(true);
    expect(session.state.agent).toMatchObject({ isAvailable: true, isLoggedIn: true, stateDisplayString: 'Idle' });
    await settle();
    const agentCommands = received.filter((e) => e.eventName === 'onToolbarAgentCommand');
    expect(agentCommands.map((e) => (e.response.getResponseData() as ToolbarCommandData).getCommand())).toEqual(['getActiveInteractionCommands']);
  });

  it('throws synchronously when onOutgoingEvent is subscribed without an appClassification', async () => {
    const { framework } = linkToolbarToFusion();
    const provider = await framework.initialize('TestToolbar');
    const phone = await (await provider.getMultiChannelAdaptorContext()).getCommunicationChannelContext('PHONE');
    const request = provider.requestHelper.createSubscriptionRequest('onOutgoingEvent');
    expect(() => phone.subscribe(request, () => undefined)).toThrow('App Classification missing in payload');
    expect(() => phone.subscribe(provider.requestHelper.createSubscriptionRequest('onNoSuchEvent'), () => undefined)).toThrow('not supported');
  });

  it('returns the reverse lookup in the newComm outData, and nothing for an unknown number', async () => {
    const { framework, session } = linkToolbarToFusion();
    const { provider, phone } = await startToolbar(framework);
    const request = provider.requestHelper.createPublishRequest('newCommEvent');
    request.setEventId('call-1');
    request.setAppClassification('ORA_SERVICE');
    request.getInData().setSVCMCA_ANI('14155550142');
    request.getInData().setSVCMCA_COMMUNICATION_DIRECTION('ORA_SVC_INBOUND');
    const data = (await phone.publish(request)).getResponseData() as CommEventResponseData;
    expect(data.isSuccess()).toBe(true);
    expect(data.getOutData()).toMatchObject({
      SVCMCA_ANI: '14155550142',
      SVCMCA_CONTACT_ID: '300100123450001',
      SVCMCA_CONTACT_NAME: 'Olivia Bennett',
      SVCMCA_CONTACT_PRIM_ORG_NAME: 'Northwind Traders',
      SVCMCA_SR_NUM: 'SR0001234',
      eventId: 'call-1',
    });
    expect(data.getOutputData().getSVCMCA_CONTACT_NAME?.()).toBe('Olivia Bennett');
    expect(data.getOutputData().getValueByAttribute('SVCMCA_EMAIL')).toBe('olivia.bennett@northwind.example');

    const unknown = await offerCall(framework, phone, { eventId: 'call-2', ani: '15550000000' });
    expect(unknown.SVCMCA_CONTACT_ID).toBeUndefined();
    expect(session.state.interactions.map((i) => [i.eventId, i.contact?.lastName ?? 'Unknown caller'])).toEqual([
      ['call-1', 'Bennett'],
      ['call-2', 'Unknown caller'],
    ]);
  });

  it('rejects invalid publishes with an IErrorData naming the problem', async () => {
    const { framework } = linkToolbarToFusion();
    const { provider, phone } = await startToolbar(framework);
    const start = provider.requestHelper.createPublishRequest('startCommEvent');
    start.setEventId('never-offered');
    const error = await phone.publish(start).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UefErrorData);
    expect((error as UefErrorData).getStatus()).toBe('error');
    expect((error as UefErrorData).getMessage()).toContain('never-offered');
    expect((error as UefErrorData).getErrorDetails()).toEqual({ code: 'UNKNOWN_EVENT_ID' });

    const noAni = provider.requestHelper.createPublishRequest('newCommEvent');
    noAni.setEventId('x');
    noAni.setAppClassification('ORA_SERVICE');
    noAni.getInData().setSVCMCA_COMMUNICATION_DIRECTION('ORA_SVC_INBOUND');
    await expect(phone.publish(noAni)).rejects.toThrow('SVCMCA_ANI is required');

    const unknownOperation = provider.requestHelper.createPublishRequest('transferCommEvent');
    await expect(phone.publish(unknownOperation)).rejects.toThrow('transferCommEvent is not supported');

    const badReason = provider.requestHelper.createPublishRequest('closeCommEvent');
    badReason.setEventId('x');
    badReason.setReason('GONE');
    await expect(phone.publish(badReason)).rejects.toThrow('Invalid request: reason');
  });

  it('sends Answer as a controllable accept and reports what the toolbar promise settled to', async () => {
    const { framework, session } = linkToolbarToFusion();
    const toolbar = await startToolbar(framework);
    await offerCall(framework, toolbar.phone, { eventId: 'call-1', ani: '+1 312 555 0187' });

    const answering = session.answer('call-1');
    expect(session.state.interactions[0]?.command).toEqual({ command: 'accept', status: 'pending' });
    await answering;
    const accept = toolbar.received.at(-1);
    expect(accept?.eventName).toBe('onToolbarInteractionCommand');
    const commandData = accept?.response.getResponseData() as ToolbarCommandData;
    expect(commandData.getCommand()).toBe('accept');
    expect(commandData.getEventId()).toBe('call-1');
    expect(commandData.getInData().SVCMCA_CONTACT_NAME).toBe('Daniel Okafor');
    expect(accept?.response.responseDetails.command).toBe('accept');
    expect(session.state.interactions[0]?.command).toEqual({ command: 'accept', status: 'succeeded' });

    toolbar.control.answerWith = 'reject';
    await session.decline('call-1');
    expect(session.state.interactions[0]?.command).toEqual({
      command: 'reject',
      status: 'failed',
      message: 'CTI refused the request',
    });
  });

  it('carries a structured outData set by the toolbar back to the host', async () => {
    const { framework, session } = linkToolbarToFusion();
    const provider = await framework.initialize('TestToolbar');
    const phone = await (await provider.getMultiChannelAdaptorContext()).getCommunicationChannelContext('PHONE');
    phone.subscribe(provider.requestHelper.createSubscriptionRequest('onToolbarAgentCommand'), (response) => {
      const data = response.getResponseData() as ToolbarCommandData;
      data.setOutdata({ activeCount: 1, engagements: [{ eventId: 'call-1' }] });
      data.setResult('success');
      return Promise.resolve(data);
    });
    await settle();
    await session.setAvailability(true);
    const result = session.state.log.findLast((e) => e.direction === 'toolbar-to-fusion' && e.title === 'onToolbarAgentCommand');
    expect(result?.summary).toBe('makeAvailable: promise resolved: success');
    expect(result?.payload).toMatchObject({ data: { outData: { activeCount: 1, engagements: [{ eventId: 'call-1' }] } } });
    expect(session.state.agentCommand).toBeUndefined();
  });

  it('reports a controllable callback that does not return a Promise as a failure', async () => {
    const { framework, session } = linkToolbarToFusion();
    const provider = await framework.initialize('Sloppy');
    const phone = await (await provider.getMultiChannelAdaptorContext()).getCommunicationChannelContext('PHONE');
    phone.subscribe(provider.requestHelper.createSubscriptionRequest('onToolbarAgentCommand'), () => undefined);
    await settle();
    await session.setAvailability(false);
    expect(session.state.agentCommand).toEqual({
      command: 'makeUnavailable',
      status: 'failed',
      message: 'The onToolbarAgentCommand callback did not return a Promise',
    });
  });

  it('checks that startComm and closeComm carry the newComm outData, and logs what is missing', async () => {
    const { framework, session } = linkToolbarToFusion();
    const { phone } = await startToolbar(framework);
    const outData = await offerCall(framework, phone, { eventId: 'call-1', ani: '14155550142' });
    const started = await publishComm(framework, phone, 'startCommEvent', 'call-1', outData);
    expect(started.SVCMCA_INTERACTION_ID).toMatch(/^\d{15}$/);
    expect(started.SVCMCA_CONTACT_ID).toBe('300100123450001');
    expect(session.state.log.filter((e) => e.title === 'startCommEvent' && e.direction === 'note')).toEqual([
      expect.objectContaining({ level: 'ok', summary: expect.stringContaining('carries all') }),
    ]);

    const { SVCMCA_CONTACT_ID: _dropped, ...partial } = started;
    const closed = await publishComm(framework, phone, 'closeCommEvent', 'call-1', partial, 'WRAPUP');
    expect(closed.WrapupStartTime).toBeTypeOf('string');
    expect(session.state.log.filter((e) => e.title === 'closeCommEvent' && e.direction === 'note')).toEqual([
      expect.objectContaining({ level: 'warn', summary: expect.stringContaining('missing SVCMCA_CONTACT_ID') }),
    ]);
    expect(session.state.interactions[0]?.phase).toBe('wrapup');
  });

  it('sends WRAPUP_CLOSED with the disposition and notes when the wrap-up is saved', async () => {
    const { framework, session } = linkToolbarToFusion();
    const toolbar = await startToolbar(framework);
    const outData = await offerCall(framework, toolbar.phone, { eventId: 'call-1', ani: '14155550142' });
    const started = await publishComm(framework, toolbar.phone, 'startCommEvent', 'call-1', outData);
    await publishComm(framework, toolbar.phone, 'closeCommEvent', 'call-1', started, 'WRAPUP');
    session.saveWrapUp('call-1', { disposition: 'Resolved', notes: 'Reset the router' });
    await settle();
    const update = toolbar.received.at(-1);
    expect(update?.eventName).toBe('onDataUpdated');
    const data = update?.response.getResponseData() as DataUpdatedEventData;
    expect(data.getEventId()).toBe('call-1');
    expect(data.getOutData()).toEqual({
      updateType: 'WRAPUP_CLOSED',
      SVCMCA_INTERACTION_ID: started.SVCMCA_INTERACTION_ID,
      SVCMCA_WRAPUP_ID: started.SVCMCA_WRAPUP_ID,
      SVCMCA_WRAPUP_COMM_REASON: 'Resolved',
      SVCMCA_WRAPUP_INTERACTION_NOTES: 'Reset the router',
    });
    expect(session.state.interactions).toEqual([]);
    expect(session.state.recent[0]).toMatchObject({ eventId: 'call-1', reason: 'WRAPUP_CLOSED', name: 'Olivia Bennett' });
  });

  it('sends OFFER_TIMEOUT when SVCMCA_OFFER_TIMEOUT_SEC passes without an answer, not before', async () => {
    const { framework, session, clock } = linkToolbarToFusion();
    const toolbar = await startToolbar(framework);
    await settle();
    const before = toolbar.received.length;
    await offerCall(framework, toolbar.phone, { eventId: 'slow', ani: '14155550142', offerTimeoutSec: 20 });
    await offerCall(framework, toolbar.phone, { eventId: 'quick', ani: '13125550187', offerTimeoutSec: 20 });
    await publishComm(framework, toolbar.phone, 'startCommEvent', 'quick', {});

    clock.advance(19_999);
    await settle();
    expect(toolbar.received.length).toBe(before);
    clock.advance(1);
    await settle();
    const timeouts = toolbar.received.slice(before);
    expect(timeouts.map((e) => [e.eventName, (e.response.getResponseData() as DataUpdatedEventData).getEventId()])).toEqual([['onDataUpdated', 'slow']]);
    expect((timeouts[0]?.response.getResponseData() as DataUpdatedEventData).getOutData()).toEqual({ updateType: 'OFFER_TIMEOUT' });
    expect(session.state.interactions.find((i) => i.eventId === 'slow')?.offerExpired).toBe(true);

    await publishComm(framework, toolbar.phone, 'closeCommEvent', 'slow', {}, 'TIMEOUT');
    expect(session.state.interactions.map((i) => i.eventId)).toEqual(['quick']);
  });

  it('delivers click-to-dial only to the onOutgoingEvent subscription of the page appClassification', async () => {
    const { framework, session } = linkToolbarToFusion({ appClassification: 'ORA_SERVICE' });
    const service = await startToolbar(framework, 'ORA_SERVICE');
    const provider = await framework.initialize('TestToolbar');
    const sales: string[] = [];
    const request = provider.requestHelper.createSubscriptionRequest('onOutgoingEvent');
    request.setAppClassification('ORA_SALES');
    service.phone.subscribe(request, () => void sales.push('called'));
    await settle();

    const olivia = lookupByNumber(parseContactDirectory(contacts), '14155550142');
    session.dial('+14155550142', olivia);
    await settle();
    expect(sales).toEqual([]);
    const outgoing = service.received.filter((e) => e.eventName === 'onOutgoingEvent');
    expect(outgoing).toHaveLength(1);
    const data = outgoing[0]?.response.getResponseData() as OutgoingEventData;
    expect(data.getOutData()).toMatchObject({
      SVCMCA_ANI: '+14155550142',
      SVCMCA_DISPLAY_NAME: 'Olivia Bennett',
      SVCMCA_CONTACT_ID: '300100123450001',
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND',
    });
    const uuid = outgoing[0]?.response.responseDetails.uuid;
    expect(session.state.dials).toEqual([expect.objectContaining({ uuid, error: undefined })]);

    await offerCall(framework, service.phone, {
      eventId: String(uuid),
      ani: '14155550142',
      direction: 'ORA_SVC_OUTBOUND',
      inData: data.getOutData(),
    });
    expect(session.state.dials).toEqual([]);
    expect(session.state.interactions[0]).toMatchObject({ phase: 'dialing', direction: 'outbound' });
  });

  it('ends a subscription on dispose and a subscribeOnce after its first event', async () => {
    const { framework, session } = linkToolbarToFusion();
    const provider = await framework.initialize('TestToolbar');
    const phone = await (await provider.getMultiChannelAdaptorContext()).getCommunicationChannelContext('PHONE');
    const seen: string[] = [];
    const request = provider.requestHelper.createSubscriptionRequest('onToolbarAgentCommand');
    phone.subscribeOnce(request, (response) => {
      seen.push((response.getResponseData() as ToolbarCommandData).getCommand());
      return Promise.resolve();
    });
    await settle();
    await session.setAvailability(true);
    await session.setAvailability(false);
    expect(seen).toEqual(['makeAvailable']);
    expect(session.state.agentCommand).toMatchObject({ command: 'makeUnavailable', status: 'failed' });

    const again = phone.subscribe(request, () => Promise.resolve());
    await settle();
    expect(session.state.subscriptions).toHaveLength(1);
    again.dispose();
    await settle();
    expect(session.state.subscriptions).toEqual([]);
  });

  it('re-publishing agent state updates what the phone icon shows', async () => {
    const { framework, session } = linkToolbarToFusion();
    const { phone } = await startToolbar(framework);
    await publishAgentState(framework, phone, false);
    expect(session.state.agent).toMatchObject({ isAvailable: false, stateDisplayString: 'On Break' });
  });
});
