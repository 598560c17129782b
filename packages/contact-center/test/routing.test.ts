import { describe, expect, it } from 'vitest';
import { CUSTOMER, Harness } from './harness.ts';

const SECOND = '+14155550101';
const THIRD = '+14155550102';

describe('ACD routing', () => {
  it('offers each call to the longest-idle Ready agent of the queue', async () => {
    const h = new Harness();
    await h.ready('5002');
    h.clock.advance(1_000);
    await h.ready('5001');
    h.clock.advance(1_000);
    await h.ready('5004');
    const first = h.call('8000', CUSTOMER);
    const second = h.call('8000', SECOND);
    const third = h.call('8000', THIRD);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventRinging', connectionId: first, thisQueue: '8000' }]);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventRinging', connectionId: second }]);
    expect(h.take('5004')).toMatchObject([{ eventName: 'EventRinging', connectionId: third }]);
  });

  it('breaks ties between agents idle since the same moment by configuration order', async () => {
    const h = new Harness();
    await h.ready('5004');
    await h.ready('5001');
    h.call('8001');
    expect(h.names('5001')).toEqual(['EventRinging']);
    expect(h.names('5004')).toEqual([]);
  });

  it('offers a call only to agents taking its queue', async () => {
    const h = new Harness();
    await h.ready('5003');
    h.call('8000');
    expect(h.names('5003')).toEqual([]);
    h.call('8001', SECOND);
    expect(h.names('5003')).toEqual(['EventRinging']);
  });

  it('queues calls while no agent is Ready and routes them FIFO as agents become Ready', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    await h.loggedIn('5002');
    const first = h.call('8000', CUSTOMER);
    const second = h.call('8000', SECOND);
    expect(h.sim.listCalls().map((call) => call.parties)).toEqual([
      [
        { dn: CUSTOMER, kind: 'external', state: 'Dialing' },
        { dn: '8000', kind: 'queue', state: 'Queued' },
      ],
      [
        { dn: SECOND, kind: 'external', state: 'Dialing' },
        { dn: '8000', kind: 'queue', state: 'Queued' },
      ],
    ]);
    const ready = await h.request('5002', { request: 'RequestAgentReady' });
    expect(h.take('5002')).toEqual([
      expect.objectContaining({ eventName: 'EventAgentReady', referenceId: ready.referenceId }),
      expect.objectContaining({ eventName: 'EventRinging', connectionId: first, referenceId: ready.referenceId }),
    ]);
    await h.request('5001', { request: 'RequestAgentReady' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventAgentReady' }, { eventName: 'EventRinging', connectionId: second }]);
  });

  it('offers the longest-waiting call across the agent’s queues', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const sales = h.call('8001', CUSTOMER);
    h.call('8000', SECOND);
    await h.request('5001', { request: 'RequestAgentReady' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventAgentReady' }, { eventName: 'EventRinging', connectionId: sales }]);
  });

  it('gives the next queued call to an agent as soon as their call ends', async () => {
    const h = new Harness();
    await h.ready('5002');
    const first = await h.answered('5002');
    const waiting = h.call('8000', SECOND);
    expect(h.names('5002')).toEqual([]);
    h.sim.customerHangup(first);
    expect(h.take('5002')).toMatchObject([
      { eventName: 'EventReleased', connectionId: first },
      { eventName: 'EventRinging', connectionId: waiting },
    ]);
  });

  it('does not route to an agent with a call on the DN, even a direct one', async () => {
    const h = new Harness();
    await h.ready('5002');
    await h.ready('5001');
    h.call('5002', SECOND);
    h.take('5002');
    h.call('8000');
    expect(h.names('5002')).toEqual([]);
    expect(h.names('5001')).toEqual(['EventRinging']);
  });
});

describe('ring no answer (RONA)', () => {
  it('releases the agent with NoAnswer, makes them NotReady(RONA) and requeues the call at the front', async () => {
    const h = new Harness({
      agents: [
        { agentId: 'a1', name: 'A One', dn: '5001', queues: ['8000'] },
        { agentId: 'a2', name: 'A Two', dn: '5002', queues: ['8000'] },
      ],
      queues: [{ dn: '8000', name: 'Support' }],
      ringTimeoutSec: 10,
    });
    await h.ready('5001', 'a1');
    await h.loggedIn('5002', 'a2');
    const connectionId = h.call('8000', CUSTOMER);
    const later = h.call('8000', SECOND);
    h.take('5001');
    h.clock.advance(9_999);
    expect(h.names('5001')).toEqual([]);
    h.clock.advance(1);
    const [released, notReady] = h.take('5001');
    expect(released).toMatchObject({ eventName: 'EventReleased', connectionId, callState: 'NoAnswer', thisQueue: '8000' });
    expect(released).not.toHaveProperty('referenceId');
    expect(notReady).toMatchObject({ eventName: 'EventAgentNotReady', workMode: 'AuxWork', reasons: { ReasonCode: 'RONA' } });
    expect(h.sim.snapshot('5001').agent).toMatchObject({ state: 'NotReady', reasonCode: 'RONA' });
    await h.request('5002', { request: 'RequestAgentReady' });
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventAgentReady' }, { eventName: 'EventRinging', connectionId }]);
    expect(h.sim.listCalls().find((call) => call.connectionId === later)?.parties).toContainEqual({
      dn: '8000',
      kind: 'queue',
      state: 'Queued',
    });
  });

  it('never times out when ringTimeoutSec is 0', async () => {
    const h = new Harness({ agents: [{ agentId: 'a1', name: 'A', dn: '5001', queues: ['8000'] }], queues: [{ dn: '8000', name: 'Q' }], ringTimeoutSec: 0 });
    await h.ready('5001', 'a1');
    h.call('8000');
    h.take('5001');
    h.clock.advance(3_600_000);
    expect(h.names('5001')).toEqual([]);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('stops the ring timer when the call is answered', async () => {
    const h = new Harness();
    await h.ready('5001');
    await h.answered('5001');
    h.clock.advance(120_000);
    expect(h.names('5001')).toEqual([]);
    expect(h.sim.snapshot('5001').calls[0]?.state).toBe('Established');
  });
});

describe('reject', () => {
  it('returns the call to the front of its queue and offers it to another agent, never back to the rejecter', async () => {
    const h = new Harness();
    await h.ready('5001');
    h.clock.advance(1_000);
    await h.ready('5004');
    const connectionId = h.call('8000');
    expect(h.names('5001')).toEqual(['EventRinging']);
    const reject = await h.request('5001', { request: 'RequestReleaseCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'Rejected', referenceId: reject.referenceId }]);
    expect(h.take('5004')).toMatchObject([{ eventName: 'EventRinging', connectionId, thisQueue: '8000' }]);
    expect(h.sim.snapshot('5001').agent.state).toBe('Ready');
    await h.request('5004', { request: 'RequestReleaseCall', connectionId });
    h.take('5004');
    expect(h.names('5001')).toEqual([]);
    expect(h.sim.listCalls()[0]?.parties).toContainEqual({ dn: '8000', kind: 'queue', state: 'Queued' });
  });

  it('leaves the rejecter free for the next call', async () => {
    const h = new Harness();
    await h.ready('5001');
    const rejected = h.call('8000', CUSTOMER);
    await h.request('5001', { request: 'RequestReleaseCall', connectionId: rejected });
    h.take('5001');
    const next = h.call('8000', SECOND);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventRinging', connectionId: next }]);
  });

  it('ends a rejected direct call: the caller is released with Rejected', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    const connectionId = h.call('5001');
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventRinging', connectionId, callType: 'Inbound', DNIS: '5001' }]);
    await h.request('5001', { request: 'RequestReleaseCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', callState: 'Rejected' }]);
    expect(h.take(CUSTOMER)).toMatchObject([{ eventName: 'EventDialing' }, { eventName: 'EventReleased', callState: 'Rejected' }]);
    expect(h.sim.listCalls()).toEqual([]);
  });
});

describe('placing calls', () => {
  it('rings an agent DN directly whatever the agent state, without thisQueue', async () => {
    const h = new Harness();
    const connectionId = h.call('5003');
    const [ringing] = h.take('5003');
    expect(ringing).toMatchObject({ eventName: 'EventRinging', connectionId, otherDN: CUSTOMER, DNIS: '5003' });
    expect(ringing).not.toHaveProperty('thisQueue');
    expect(ringing).not.toHaveProperty('agentId');
  });

  it('refuses a direct call to a DN with a call (91)', async () => {
    const h = new Harness();
    h.call('5003');
    h.controlRefused(() => h.call('5003', SECOND), 'TERMINATING_PARTY_BUSY');
  });

  it('refuses an unknown destination and a caller that is not a phone number', () => {
    const h = new Harness();
    h.controlRefused(() => h.call('7777'), 'DN_NOT_CONFIGURED');
    h.controlRefused(() => h.call('8000', 'anonymous'), 'INVALID_ATTRIBUTE');
    h.controlRefused(() => h.call('8000', '12'), 'INVALID_ATTRIBUTE');
    h.controlRefused(() => h.call('8000', '5002'), 'INVALID_ATTRIBUTE');
    expect(h.sim.listCalls()).toEqual([]);
  });

  it('carries the caller’s user data and distinct ids per call', async () => {
    const h = new Harness();
    await h.ready('5001');
    const first = h.sim.placeCall({ from: CUSTOMER, to: '8000', userData: { CaseId: 'C-17', Priority: 2 } });
    const second = h.sim.placeCall({ from: SECOND, to: '8000' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventRinging', userData: { CaseId: 'C-17', Priority: 2 } }]);
    expect(first.connectionId).not.toBe(second.connectionId);
    expect(first.callUuid).not.toBe(second.callUuid);
    expect(first.callUuid).toMatch(/^[0-9A-Z]{32}$/);
  });

  it('produces the same ids for the same sequence (deterministic)', () => {
    const a = new Harness();
    const b = new Harness();
    expect([a.sim.placeCall({ from: CUSTOMER, to: '8000' }), a.sim.placeCall({ from: SECOND, to: '8001' })]).toEqual([
      b.sim.placeCall({ from: CUSTOMER, to: '8000' }),
      b.sim.placeCall({ from: SECOND, to: '8001' }),
    ]);
  });
});
