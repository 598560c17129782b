import type { EventResponse } from '../../src/uef/event-responses.ts';
import type { ObjectContext } from '../../src/uef/contexts.ts';
import type { PhoneContext } from '../../src/uef/phone-context.ts';
import type { UiEventsFramework } from '../../src/uef/provider.ts';
import type { CommEventResponseData, ConfigurationResponseData } from '../../src/uef/responses.ts';
import type { PhoneEvent, TokenRecord } from '../../src/wire/uef-message.ts';

/**
 * A toolbar written against uef.md the way a partner writes one: initialize → MCA → PHONE, subscribe
 * once to the four events, getConfiguration, readyForOperation, agentState. It records every event
 * and answers controllable commands as `answerWith` says.
 */
export interface ReceivedEvent {
  eventName: PhoneEvent;
  response: EventResponse<PhoneEvent, ObjectContext>;
}

export async function startToolbar(framework: UiEventsFramework, appClassification = 'ORA_SERVICE') {
  const provider = await framework.initialize('TestToolbar', 'v1');
  const mca = await provider.getMultiChannelAdaptorContext();
  const phone = await mca.getCommunicationChannelContext('PHONE');
  const received: ReceivedEvent[] = [];
  const control = { answerWith: 'resolve' as 'resolve' | 'reject' };

  for (const eventName of ['onToolbarInteractionCommand', 'onToolbarAgentCommand', 'onOutgoingEvent', 'onDataUpdated'] as const) {
    const request = provider.requestHelper.createSubscriptionRequest(eventName);
    request.setAppClassification(appClassification);
    phone.subscribe(request, (response) => {
      received.push({ eventName, response });
      if (eventName !== 'onToolbarInteractionCommand' && eventName !== 'onToolbarAgentCommand') return undefined;
      const data = response.getResponseData() as { setResult(v: string): void };
      if (control.answerWith === 'reject') return Promise.reject(new Error('CTI refused the request'));
      data.setResult('success');
      return Promise.resolve(data);
    });
  }

  const configurationRequest = provider.requestHelper.createPublishRequest('getConfigurationOperation');
  configurationRequest.setConfigType('TOOLBAR');
  const configuration = (await phone.publish(configurationRequest)).getResponseData() as ConfigurationResponseData;

  const ready = provider.requestHelper.createPublishRequest('readyForOperationOperation');
  ready.setReadiness(true);
  await phone.publish(ready);

  await publishAgentState(framework, phone, true);

  return { provider, phone, received, control, configuration: configuration.getConfiguration() };
}

export async function publishAgentState(framework: UiEventsFramework, phone: PhoneContext, available: boolean) {
  const provider = await framework.initialize('TestToolbar', 'v1');
  const request = provider.requestHelper.createPublishRequest('agentStateEventOperation');
  request.setEventId('1');
  request.setIsAvailable(available);
  request.setIsLoggedIn(true);
  request.setState(available ? 'AVAILABLE' : 'UNAVAILABLE');
  request.setStateDisplayString(available ? 'Idle' : 'On Break');
  request.setReason(null);
  request.setReasonDisplayString(available ? 'Idle' : 'Break');
  request.setInData({ phoneLineId: '1' });
  return phone.publish(request);
}

/** newCommEvent as §3.5 prescribes; resolves with the response's outData. */
export async function offerCall(
  framework: UiEventsFramework,
  phone: PhoneContext,
  call: { eventId: string; ani: string; direction?: 'ORA_SVC_INBOUND' | 'ORA_SVC_OUTBOUND'; offerTimeoutSec?: number; inData?: TokenRecord },
): Promise<TokenRecord> {
  const provider = await framework.initialize('TestToolbar', 'v1');
  const request = provider.requestHelper.createPublishRequest('newCommEvent');
  request.setEventId(call.eventId);
  request.setAppClassification('ORA_SERVICE');
  const inData = request.getInData();
  inData.setSVCMCA_ANI(call.ani);
  inData.setSVCMCA_COMMUNICATION_DIRECTION(call.direction ?? 'ORA_SVC_INBOUND');
  inData.setPhoneLineId('1');
  if (call.offerTimeoutSec !== undefined) inData.setSVCMCA_OFFER_TIMEOUT_SEC(call.offerTimeoutSec);
  if (call.inData) request.setInputData(call.inData);
  const response = await phone.publish(request);
  return (response.getResponseData() as CommEventResponseData).getOutData();
}

/** startCommEvent or closeCommEvent carrying the given tokens into inData. */
export async function publishComm(
  framework: UiEventsFramework,
  phone: PhoneContext,
  operation: 'startCommEvent' | 'closeCommEvent',
  eventId: string,
  carried: TokenRecord,
  reason?: string,
): Promise<TokenRecord> {
  const provider = await framework.initialize('TestToolbar', 'v1');
  const request = provider.requestHelper.createPublishRequest(operation);
  request.setEventId(eventId);
  request.setAppClassification('ORA_SERVICE');
  const inData = request.getInData();
  for (const [key, value] of Object.entries(carried)) inData.setInDataValueByAttribute(key, value);
  if (reason && 'setReason' in request) request.setReason(reason);
  const response = await phone.publish(request);
  return (response.getResponseData() as CommEventResponseData).getOutData();
}
