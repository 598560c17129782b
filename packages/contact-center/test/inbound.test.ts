import { describe, expect, it } from 'vitest';
import { CUSTOMER, Harness } from './harness.ts';

describe('inbound call: answer and release', () => {
  it('rings the Ready agent, is answered and released by the agent', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = h.call('8000');
    const [ringing] = h.takeCalls('5001');
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
    expect(ringing).not.toHaveProperty('referenceId');
    expect(connectionId).toMatch(/^[0-9a-f]{16}$/);
    expect(ringing?.callUuid).toMatch(/^[0-9A-Z]{32}$/);
    const answer = await h.request('5001', { request: 'RequestAnswerCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventEstablished', connectionId, referenceId: answer.referenceId }]);
    expect(h.names(CUSTOMER)).toEqual(['EventDialing', 'EventEstablished']);
    const release = await h.request('5001', { request: 'RequestReleaseCall', connectionId });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'OK', referenceId: release.referenceId }]);
    expect(h.take(CUSTOMER)).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'OK', thisDN: CUSTOMER }]);
    expect(h.sim.listCalls()).toEqual([]);
    expect(h.sim.snapshot('5001').calls).toEqual([]);
  });

  it('is answered from the softphone with no request: EventEstablished without referenceId (seed 000, scenario 3)', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = h.call('8000');
    h.take('5001');
    h.sim.phoneAnswer('5001');
    const [established] = h.take('5001');
    expect(established).toMatchObject({ eventName: 'EventEstablished', connectionId, agentId: 'agent1' });
    expect(established).not.toHaveProperty('referenceId');
  });

  it('is hung up from the softphone: EventReleased without referenceId', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = await h.answered('5001');
    h.sim.phoneHangup('5001');
    const [released] = h.take('5001');
    expect(released).toMatchObject({ eventName: 'EventReleased', connectionId, callState: 'OK' });
    expect(released).not.toHaveProperty('referenceId');
    expect(h.names(CUSTOMER)).toEqual(['EventReleased']);
  });

  it('phone actions need a call in the right state on that DN', async () => {
    const h = new Harness();
    h.controlRefused(() => h.sim.phoneAnswer('5001'), 'INVALID_CALL_STATE');
    h.controlRefused(() => h.sim.phoneHangup('5001'), 'INVALID_CALL_STATE');
    h.controlRefused(() => h.sim.phoneAnswer('6000'), 'DN_NOT_CONFIGURED');
    const connectionId = h.call('5002');
    h.controlRefused(() => h.sim.phoneAnswer('5001', connectionId), 'INVALID_CONNECTION_ID');
    h.sim.phoneAnswer('5002', connectionId);
    expect(h.sim.snapshot('5002').calls[0]?.state).toBe('Established');
  });

  it('refuses to answer a call that is not ringing (93)', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = await h.answered('5001');
    await h.refused('5001', { request: 'RequestAnswerCall', connectionId }, 'INVALID_CALL_STATE');
  });

  it('keeps one agent from acting on another agent’s call (56)', async () => {
    const h = new Harness();
    await h.ready('5001');
    await h.ready('5002');
    const connectionId = h.call('8000');
    expect(h.names('5001')).toEqual(['EventRinging']);
    for (const body of [
      { request: 'RequestAnswerCall', connectionId },
      { request: 'RequestReleaseCall', connectionId },
      { request: 'RequestHoldCall', connectionId },
      { request: 'RequestAttachUserData', connectionId, userData: { x: '1' } },
      { request: 'RequestStartCallRecording', connectionId },
    ] as const) {
      const error = await h.refused('5002', body, 'INVALID_CONNECTION_ID');
      expect(error.tserverErrorCode).toBe(56);
    }
    await h.refused('5001', { request: 'RequestAnswerCall', connectionId: '0071ffffffffffff' }, 'INVALID_CONNECTION_ID');
    expect(h.names('5002')).toEqual([]);
    expect(h.sim.snapshot('5001').calls[0]?.state).toBe('Ringing');
  });
});

describe('customer hangup', () => {
  it('removes a queued call from its queue', async () => {
    const h = new Harness();
    const connectionId = h.call('8000');
    h.sim.customerHangup(connectionId);
    expect(h.take(CUSTOMER)).toMatchObject([{ eventName: 'EventDialing' }, { eventName: 'EventReleased', callState: 'OK' }]);
    expect(h.sim.listCalls()).toEqual([]);
    await h.ready('5001');
    expect(h.names('5001')).toEqual([]);
  });

  it('abandons a call ringing at an agent: EventAbandoned(Abandoned)', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = h.call('8000');
    h.take('5001');
    h.sim.customerHangup(connectionId);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventAbandoned', connectionId, callState: 'Abandoned', otherDN: CUSTOMER }]);
    expect(h.sim.snapshot('5001').calls).toEqual([]);
  });

  it('releases a held call at the agent', async () => {
    const h = new Harness();
    await h.ready('5001');
    const connectionId = await h.answered('5001');
    await h.request('5001', { request: 'RequestHoldCall', connectionId });
    h.take('5001');
    h.sim.customerHangup(connectionId);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId, callState: 'OK', otherDN: CUSTOMER }]);
  });

  it('refuses an unknown ConnID', () => {
    const h = new Harness();
    h.controlRefused(() => h.sim.customerHangup('0071000000000999'), 'INVALID_CONNECTION_ID');
  });
});

describe('after-call work', () => {
  const config = {
    agents: [
      { agentId: 'a1', name: 'A One', dn: '5001', queues: ['8000'] },
      { agentId: 'a2', name: 'A Two', dn: '5002', queues: ['8000'] },
    ],
    queues: [{ dn: '8000', name: 'Support' }],
    reasonCodes: [{ code: 'Break', label: 'Break' }],
    afterCallWork: { enabled: true, timeoutSec: 20 },
  };

  it('puts the agent in AfterCallWork when an answered ACD call ends, then Ready after the timeout', async () => {
    const h = new Harness(config);
    await h.ready('5001', 'a1');
    const connectionId = await h.answered('5001');
    h.sim.customerHangup(connectionId);
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventReleased', connectionId },
      { eventName: 'EventAgentNotReady', workMode: 'AfterCallWork', extensions: { WrapUpTime: '20' } },
    ]);
    const waiting = h.call('8000', '+14155550111');
    expect(h.names('5001')).toEqual([]);
    h.clock.advance(19_999);
    expect(h.names('5001')).toEqual([]);
    h.clock.advance(1);
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventAgentReady', workMode: 'ManualIn' },
      { eventName: 'EventRinging', connectionId: waiting },
    ]);
  });

  it('ends wrap-up early on RequestAgentReady, and the old timer does nothing', async () => {
    const h = new Harness(config);
    await h.ready('5001', 'a1');
    const connectionId = await h.answered('5001');
    await h.request('5001', { request: 'RequestReleaseCall', connectionId });
    expect(h.names('5001')).toEqual(['EventReleased', 'EventAgentNotReady']);
    await h.request('5001', { request: 'RequestAgentReady' });
    expect(h.names('5001')).toEqual(['EventAgentReady']);
    await h.request('5001', { request: 'RequestAgentNotReady' });
    h.take('5001');
    h.clock.advance(60_000);
    expect(h.names('5001')).toEqual([]);
    expect(h.sim.snapshot('5001').agent).toMatchObject({ state: 'NotReady', workMode: 'AuxWork' });
  });

  it('keeps a NotReady state the agent chose during the call', async () => {
    const h = new Harness(config);
    await h.ready('5001', 'a1');
    const connectionId = await h.answered('5001');
    await h.request('5001', { request: 'RequestAgentNotReady', reasonCode: 'Break' });
    h.take('5001');
    h.sim.customerHangup(connectionId);
    expect(h.names('5001')).toEqual(['EventReleased']);
    expect(h.sim.snapshot('5001').agent).toMatchObject({ state: 'NotReady', reasonCode: 'Break' });
  });

  it('stays in wrap-up until the agent acts when timeoutSec is 0', async () => {
    const h = new Harness({ ...config, afterCallWork: { enabled: true, timeoutSec: 0 } });
    await h.ready('5001', 'a1');
    const connectionId = await h.answered('5001');
    h.sim.customerHangup(connectionId);
    const [, acw] = h.take('5001');
    expect(acw).toMatchObject({ eventName: 'EventAgentNotReady', workMode: 'AfterCallWork' });
    expect(acw).not.toHaveProperty('extensions');
    h.clock.advance(3_600_000);
    expect(h.names('5001')).toEqual([]);
    expect(h.sim.snapshot('5001').agent.workMode).toBe('AfterCallWork');
  });

  it('does not follow a direct call, an unanswered call, or any call when disabled', async () => {
    const h = new Harness(config);
    await h.ready('5001', 'a1');
    const direct = h.call('5001');
    h.sim.phoneAnswer('5001', direct);
    h.sim.customerHangup(direct);
    expect(h.names('5001')).toEqual(['EventRinging', 'EventEstablished', 'EventReleased']);
    const abandoned = h.call('8000');
    h.sim.customerHangup(abandoned);
    expect(h.names('5001')).toEqual(['EventRinging', 'EventAbandoned']);
    const off = new Harness();
    await off.ready('5001');
    off.sim.customerHangup(await off.answered('5001'));
    expect(off.names('5001')).toEqual(['EventReleased']);
    expect(off.sim.snapshot('5001').agent.state).toBe('Ready');
  });

  it('with after: customerCalls, follows a direct customer call and an outbound one, not an internal call', async () => {
    const h = new Harness({ ...config, afterCallWork: { enabled: true, timeoutSec: 0, after: 'customerCalls' } });
    await h.ready('5001', 'a1');
    const direct = h.call('5001');
    h.sim.phoneAnswer('5001', direct);
    h.sim.customerHangup(direct);
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventRinging' },
      { eventName: 'EventEstablished' },
      { eventName: 'EventReleased' },
      { eventName: 'EventAgentNotReady', workMode: 'AfterCallWork' },
    ]);
    await h.request('5001', { request: 'RequestAgentReady' });
    const { connectionId: outbound } = await h.request('5001', { request: 'RequestMakeCall', destination: '+14155550111' });
    h.sim.customerAnswer(outbound ?? '');
    await h.request('5001', { request: 'RequestReleaseCall', connectionId: outbound ?? '' });
    expect(h.names('5001').slice(-1)).toEqual(['EventAgentNotReady']);
    await h.request('5001', { request: 'RequestAgentReady' });
    await h.ready('5002', 'a2');
    h.take('5001');
    const { connectionId: internal } = await h.request('5001', { request: 'RequestMakeCall', destination: '5002' });
    h.sim.phoneAnswer('5002', internal ?? '');
    await h.request('5001', { request: 'RequestReleaseCall', connectionId: internal ?? '' });
    expect(h.names('5001')).toEqual(['EventDialing', 'EventEstablished', 'EventReleased']);
    expect(h.sim.snapshot('5001').agent.state).toBe('Ready');
  });
});
