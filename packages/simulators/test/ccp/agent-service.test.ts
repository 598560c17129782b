import { beforeEach, describe, expect, it } from 'vitest';
import type { Command, TServerEventName, TServerEventOf, TServerWireEvent } from '@ctikit/protocol';
import type { ManualClock } from '@ctikit/kernel';
import { AUTO_CLEAR_MS, type AgentService } from '../../src/ccp/agent-service.ts';
import type { ApiResult } from '../../src/ccp/api-methods.ts';
import { ccpHarness, CUSTOMER, DN, inboundCall as call, outboundCall, profile, type CcpHarness } from './ccp-harness.ts';

/**
 * The simulated CCP's service: T-Server events of the agent's DN in, agent data in amazon-connect-
 * streams' snapshot format out, and the commands it sends the bridge on its own (after-call work
 * holds, restoring the chosen state, auto-clearing) or for an `api_request`.
 */

let harness: CcpHarness;
let clock: ManualClock;
let sent: Command[];
let service: AgentService;

function event<N extends TServerEventName>(eventName: N, fields: Partial<TServerEventOf<N>> = {}): TServerWireEvent {
  return harness.event(eventName, fields);
}

function api(method: string, params: Record<string, unknown>): Promise<ApiResult> {
  return harness.api(method, params);
}

function snapshotState(): { name: string; type: string } {
  const { state } = service.data().snapshot;
  return { name: state.name, type: state.type };
}

beforeEach(() => {
  harness = ccpHarness();
  ({ clock, sent, service } = harness);
});

describe('the simulated CCP service', () => {
  it('writes the library’s agent data: configuration with the states to choose, snapshot with Date timestamps', () => {
    const { configuration, snapshot } = service.data();
    expect(configuration.agentStates.map((state) => `${state.name}:${state.type}`)).toEqual([
      'Available:routable',
      'Break:not_routable',
      'Lunch:not_routable',
      'Offline:offline',
    ]);
    expect(configuration.routingProfile.defaultOutboundQueue.name).toBe('Support');
    expect(snapshot.state).toMatchObject({ name: 'Available', type: 'routable' });
    expect(snapshot.state.startTimestamp).toBeInstanceOf(Date);
    expect(snapshot.agentAvailabilityState.state).toBe('Available');
    expect(snapshot.skew).toBe(0);
  });

  it('rings a contact (PendingBusy), connects it (Busy), and ends it into after-call work, holding routing until it is cleared', async () => {
    service.applyEvent(event('EventRinging', call));
    const [ringing] = service.data().snapshot.contacts;
    expect(ringing).toMatchObject({ contactId: 'e-1', type: 'voice', state: { type: 'connecting' }, queue: { name: 'Support' } });
    expect(ringing?.connections.map((connection) => `${connection.type}:${connection.state.type}:${String(connection.initial)}`)).toEqual([
      'agent:connecting:false',
      'inbound:connected:true',
    ]);
    expect(ringing?.connections[1]?.endpoint).toMatchObject({ type: 'phone_number', phoneNumber: CUSTOMER });
    expect(snapshotState()).toEqual({ name: 'PendingBusy', type: 'system' });

    expect(await api('acceptContact', { contactId: 'e-1' })).toEqual({ ok: true, data: {} });
    expect(sent).toEqual([{ type: 'Accept', connectionId: call.connectionId }]);
    service.applyEvent(event('EventEstablished', call));
    expect(service.data().snapshot.contacts[0]?.state.type).toBe('connected');
    expect(snapshotState()).toEqual({ name: 'Busy', type: 'system' });

    service.applyEvent(event('EventReleased', { ...call, callState: 'OK' }));
    expect(service.data().snapshot.contacts[0]?.state.type).toBe('ended');
    expect(snapshotState()).toEqual({ name: 'AfterCallWork', type: 'not_routable' });
    expect(sent.at(-1)).toEqual({ type: 'NotReady', workMode: 'AfterCallWork' });
    service.applyEvent(event('EventAgentNotReady', { workMode: 'AfterCallWork' }));

    expect(await api('clearContact', { contactId: 'e-1' })).toEqual({ ok: true, data: {} });
    expect(service.data().snapshot.contacts).toEqual([]);
    expect(sent.at(-1)).toEqual({ type: 'Ready' });
    service.applyEvent(event('EventAgentReady', { workMode: 'ManualIn' }));
    expect(snapshotState()).toEqual({ name: 'Available', type: 'routable' });
  });

  it('ends a rejected voice contact in error, not rejected, with the agent in MissedCallAgent', async () => {
    service.applyEvent(event('EventRinging', call));
    await api('rejectContact', { contactId: 'e-1' });
    expect(sent).toEqual([{ type: 'Reject', connectionId: call.connectionId }]);
    service.applyEvent(event('EventReleased', { ...call, callState: 'Rejected' }));
    expect(service.data().snapshot.contacts[0]?.state.type).toBe('error');
    expect(snapshotState()).toEqual({ name: 'MissedCallAgent', type: 'error' });
  });

  it('a busy line after an outbound call is LineEngagedCustomer, and the CCP clears it itself', () => {
    const outbound = outboundCall;
    service.applyEvent(event('EventDialing', outbound));
    expect(snapshotState()).toEqual({ name: 'CallingCustomer', type: 'system' });
    expect(service.data().snapshot.contacts[0]?.connections[1]).toMatchObject({ type: 'outbound', initial: true });
    service.applyEvent(event('EventReleased', { ...outbound, callState: 'Busy' }));
    expect(snapshotState()).toEqual({ name: 'LineEngagedCustomer', type: 'error' });

    clock.advance(AUTO_CLEAR_MS);
    expect(service.data().snapshot.contacts).toEqual([]);
  });

  it('turns a state choice into the switch’s commands, and a choice during after-call work waits for the clear', async () => {
    expect(await api('putAgentState', { state: { name: 'Lunch', type: 'not_routable' } })).toEqual({ ok: true, data: {} });
    expect(sent).toEqual([{ type: 'NotReady', workMode: 'AuxWork', reasonCode: 'Lunch' }]);
    // Accepted is not applied: the snapshot moves on the switch's event.
    expect(snapshotState().name).toBe('Available');
    service.applyEvent(event('EventAgentNotReady', { workMode: 'AuxWork', reasons: { ReasonCode: 'Lunch' } }));
    expect(snapshotState()).toEqual({ name: 'Lunch', type: 'not_routable' });
    expect(await api('putAgentState', { state: { name: 'Nap' } })).toMatchObject({ ok: false, error: { type: 'ResourceNotFoundException' } });
  });

  it('adds an agent quick connect as a third party (a consultation on the switch), connected once in the transfer flow (#447), and leaving transfers the call', async () => {
    service.applyEvent(event('EventRinging', call));
    service.applyEvent(event('EventEstablished', call));
    const [quick] = profile.directory.list();
    await api('createAdditionalConnection', { contactId: 'e-1', endpoint: quick });
    expect(sent.at(-1)).toEqual({ type: 'InitiateTransfer', connectionId: call.connectionId, destination: '5002' });
    service.applyEvent(event('EventHeld', call));
    service.applyEvent(
      event('EventDialing', {
        eventId: 'e-3',
        connectionId: '0071000000000003',
        callType: 'Consult',
        ANI: DN,
        otherDN: '5002',
        transferConnectionId: call.connectionId,
      }),
    );
    const third = service.data().snapshot.contacts[0]?.connections[2];
    // Connected while the colleague's phone still rings: the call has reached the transfer flow.
    expect(third).toMatchObject({ type: 'outbound', initial: false, state: { type: 'connected' }, endpoint: { type: 'agent', name: 'Kenji Sato' } });

    const agentConnection = service.data().snapshot.contacts[0]?.connections[0]?.connectionId;
    await api('destroyConnection', { contactId: 'e-1', connectionId: agentConnection });
    expect(sent.at(-1)).toEqual({ type: 'CompleteTransfer', connectionId: call.connectionId, consultConnectionId: '0071000000000003' });
  });

  it('lists quick connects of every kind; a phone number one dials its number and is connected only when answered', async () => {
    expect(profile.directory.list().map(({ type, name, phoneNumber }) => ({ type, name, phoneNumber }))).toEqual([
      { type: 'agent', name: 'Kenji Sato', phoneNumber: null },
      { type: 'queue', name: 'Support', phoneNumber: null },
      { type: 'phone_number', name: 'Escalations desk', phoneNumber: '+15550100200' },
    ]);
    service.applyEvent(event('EventRinging', call));
    service.applyEvent(event('EventEstablished', call));
    const phone = profile.directory.list().find((quick) => quick.type === 'phone_number');
    await api('createAdditionalConnection', { contactId: 'e-1', endpoint: phone });
    expect(sent.at(-1)).toEqual({ type: 'InitiateTransfer', connectionId: call.connectionId, destination: '+15550100200' });
    const consult = {
      eventId: 'e-3',
      connectionId: '0071000000000003',
      callType: 'Consult',
      ANI: DN,
      otherDN: '+15550100200',
      transferConnectionId: call.connectionId,
    } as const;
    service.applyEvent(event('EventDialing', consult));
    const thirdState = () => service.data().snapshot.contacts[0]?.connections[2];
    expect(thirdState()).toMatchObject({
      state: { type: 'connecting' },
      endpoint: { type: 'phone_number', name: 'Escalations desk', phoneNumber: '+15550100200' },
    });
    service.applyEvent(event('EventEstablished', consult));
    expect(thirdState()).toMatchObject({ state: { type: 'connected' } });
  });

  it('answers what it does not support, and actions on unknown contacts, with the service’s exceptions', async () => {
    expect(await api('toggleActiveConnections', { contactId: 'e-1' })).toMatchObject({ ok: false, error: { type: 'UnsupportedOperationException' } });
    expect(await api('acceptContact', { contactId: 'nope' })).toMatchObject({ ok: false, error: { type: 'ResourceNotFoundException', statusCode: 404 } });
  });
});
