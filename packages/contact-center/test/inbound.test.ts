import { describe, expect, it } from 'vitest';
import { CUSTOMER, Harness } from './harness.ts';

describe('inbound ACD call', () => {
  it('rings the Ready agent, is answered and released by the agent', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = h.call('8000');
    const [ringing] = h.take('5001');
    expect(ringing).toMatchObject({
      eventName: 'EventRinging',
      thisDN: '5001',
      agentId: 'agent1',
      connectionId,
      callType: 'Inbound',
      ANI: CUSTOMER,
      DNIS: '8000',
      otherDN: CUSTOMER,
      thisQueue: '8000',
      parties: [CUSTOMER, '5001'],
      userData: {},
      recordingState: 'Stopped',
    });
    expect(ringing?.referenceId).toBeUndefined();
    expect(connectionId).toMatch(/^[0-9a-f]{16}$/);
    expect(ringing?.callUuid).toMatch(/^[0-9A-Z]{32}$/);
    const answer = await h.request('5001', { request: 'RequestAnswerCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventEstablished', connectionId, referenceId: answer.referenceId }]);
    expect(h.names(CUSTOMER)).toEqual(['EventDialing', 'EventEstablished']);
    await h.request('5001', { request: 'RequestReleaseCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'OK' }]);
    expect(h.take(CUSTOMER)).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'OK' }]);
    expect(h.sim.listCalls()).toEqual([]);
  });

  it('customer hangup of an established call releases the agent with otherDN = the customer', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = await h.answered('5001');
    h.sim.customerHangup(connectionId);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId, otherDN: CUSTOMER, callState: 'OK' }]);
  });
});
