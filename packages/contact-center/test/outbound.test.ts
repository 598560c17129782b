import { describe, expect, it } from 'vitest';
import { CUSTOMER, Harness } from './harness.ts';

const NUMBER = '+442071234567';

describe('outbound call (RequestMakeCall to a number)', () => {
  it('dials, rings at the customer, and is established when the customer answers', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const make = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER, userData: { Campaign: 'Renewals' } });
    const connectionId = make.connectionId;
    expect(connectionId).toMatch(/^[0-9a-f]{16}$/);
    expect(h.take('5001')).toEqual([
      expect.objectContaining({
        eventName: 'EventDialing',
        connectionId,
        referenceId: make.referenceId,
        callType: 'Outbound',
        ANI: '5001',
        DNIS: NUMBER,
        otherDN: NUMBER,
        userData: { Campaign: 'Renewals' },
      }),
    ]);
    expect(h.take(NUMBER)).toMatchObject([{ eventName: 'EventRinging', thisDN: NUMBER, connectionId, otherDN: '5001' }]);
    expect(h.sim.snapshot('5001').calls).toMatchObject([{ connectionId, state: 'Dialing', callType: 'Outbound' }]);
    h.sim.customerAnswer(connectionId as string);
    const [established] = h.take('5001');
    expect(established).toMatchObject({ eventName: 'EventEstablished', connectionId, otherDN: NUMBER, parties: ['5001', NUMBER] });
    expect(established).not.toHaveProperty('referenceId');
    expect(h.names(NUMBER)).toEqual(['EventEstablished']);
    h.sim.customerHangup(connectionId as string);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', callState: 'OK' }]);
  });

  it('reports a busy customer: EventDestinationBusy then EventReleased(Busy)', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    h.take('5001');
    h.sim.customerRefuse(connectionId as string, 'busy');
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventDestinationBusy', connectionId, callState: 'Busy' },
      { eventName: 'EventReleased', connectionId, callState: 'Busy' },
    ]);
    expect(h.sim.listCalls()).toEqual([]);
  });

  it('releases with NoAnswer when the customer refuses, or after outboundNoAnswerSec', async () => {
    const h = new Harness({
      agents: [{ agentId: 'a1', name: 'A', dn: '5001' }],
      outboundNoAnswerSec: 30,
    });
    await h.loggedIn('5001', 'a1');
    const first = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    h.sim.customerRefuse(first.connectionId as string, 'noAnswer');
    expect(h.names('5001')).toEqual(['EventDialing', 'EventReleased']);
    const second = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    h.take('5001');
    h.clock.advance(29_999);
    expect(h.names('5001')).toEqual([]);
    h.clock.advance(1);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId: second.connectionId, callState: 'NoAnswer' }]);
    expect(h.take(NUMBER).map((event) => event.eventName)).toEqual(['EventRinging', 'EventReleased', 'EventRinging', 'EventReleased']);
  });

  it('is cancelled by the agent while dialing: the customer’s phone stops ringing', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    h.take('5001');
    h.take(NUMBER);
    await h.request('5001', { request: 'RequestReleaseCall', connectionId: connectionId as string });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'OK' }]);
    expect(h.take(NUMBER)).toMatchObject([{ eventName: 'EventAbandoned', connectionId }]);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('can be hung up by the customer while still ringing', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    h.take('5001');
    h.sim.customerHangup(connectionId as string);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId }]);
  });

  it('refuses customer answer/refuse on a call not ringing at a customer', async () => {
    const h = new Harness();
    await h.ready('5001');
    const inbound = await h.answered('5001');
    h.controlRefused(() => h.sim.customerAnswer(inbound), 'INVALID_CALL_STATE');
    h.controlRefused(() => h.sim.customerRefuse(inbound, 'busy'), 'INVALID_CALL_STATE');
    h.controlRefused(() => h.sim.customerAnswer('0071000000000999'), 'INVALID_CONNECTION_ID');
  });
});

describe('RequestMakeCall destinations', () => {
  it('calls another agent DN: Internal call, EventDialing to the caller and EventRinging to the target', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    await h.loggedIn('5002');
    const { connectionId, referenceId } = await h.request('5001', { request: 'RequestMakeCall', destination: '5002' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventDialing', connectionId, callType: 'Internal', otherDN: '5002', referenceId }]);
    const [ringing] = h.take('5002');
    expect(ringing).toMatchObject({ eventName: 'EventRinging', connectionId, callType: 'Internal', ANI: '5001', DNIS: '5002', otherDN: '5001' });
    expect(ringing).not.toHaveProperty('referenceId');
    h.sim.phoneAnswer('5002');
    expect(h.names('5002')).toEqual(['EventEstablished']);
    expect(h.names('5001')).toEqual(['EventEstablished']);
    await h.request('5002', { request: 'RequestReleaseCall', connectionId: connectionId as string });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', callState: 'OK' }]);
  });

  it('calls a queue: the Internal call is routed like an inbound one', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    await h.ready('5003');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: '8001' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventDialing', otherDN: '8001' }]);
    expect(h.take('5003')).toMatchObject([{ eventName: 'EventRinging', connectionId, callType: 'Internal', thisQueue: '8001', otherDN: '5001' }]);
  });

  it('abandons the target when the caller hangs up an internal call before answer', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: '5002' });
    h.take('5002');
    h.sim.phoneHangup('5001');
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventAbandoned', connectionId, callState: 'Abandoned' }]);
  });

  it('ends an internal call rejected by the target: the caller gets EventReleased(Rejected)', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    await h.loggedIn('5002');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: '5002' });
    h.take('5001');
    await h.request('5002', { request: 'RequestReleaseCall', connectionId: connectionId as string });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'Rejected' }]);
  });

  it('refuses invalid destinations (71), busy targets (91) and a second active call (93)', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const invalid = await h.refused('5001', { request: 'RequestMakeCall', destination: 'sales' }, 'INVALID_CALLED_DN');
    expect(invalid.tserverErrorCode).toBe(71);
    await h.refused('5001', { request: 'RequestMakeCall', destination: '12' }, 'INVALID_CALLED_DN');
    await h.refused('5001', { request: 'RequestMakeCall', destination: '5001' }, 'INVALID_CALLED_DN');
    h.call('5002');
    const busy = await h.refused('5001', { request: 'RequestMakeCall', destination: '5002' }, 'TERMINATING_PARTY_BUSY');
    expect(busy.tserverErrorCode).toBe(91);
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    await h.refused('5001', { request: 'RequestMakeCall', destination: '+15550001111' }, 'INVALID_CALL_STATE');
    h.sim.customerAnswer(connectionId as string);
    await h.refused('5001', { request: 'RequestMakeCall', destination: '+15550001111' }, 'INVALID_CALL_STATE');
    await h.request('5001', { request: 'RequestHoldCall', connectionId: connectionId as string });
    const second = await h.request('5001', { request: 'RequestMakeCall', destination: '+15550001111' });
    expect(h.sim.snapshot('5001').calls.map((leg) => [leg.connectionId, leg.state])).toEqual([
      [connectionId, 'Held'],
      [second.connectionId, 'Dialing'],
    ]);
  });

  it('needs a registered DN but no agent login', async () => {
    const h = new Harness();
    await h.refused('5001', { request: 'RequestMakeCall', destination: NUMBER }, 'NOT_INITIALIZED');
    await h.request('5001', { request: 'RequestRegisterAddress' });
    h.take('5001');
    const { connectionId } = await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    const [dialing] = h.take('5001');
    expect(dialing).toMatchObject({ eventName: 'EventDialing', connectionId });
    expect(dialing).not.toHaveProperty('agentId');
  });

  it('refuses to answer a ringing call while another call on the DN is dialing', async () => {
    const h = new Harness();
    await h.ready('5001');
    const inbound = h.call('8000', CUSTOMER);
    await h.request('5001', { request: 'RequestMakeCall', destination: NUMBER });
    await h.refused('5001', { request: 'RequestAnswerCall', connectionId: inbound }, 'INVALID_CALL_STATE');
  });
});
