import { describe, expect, it } from 'vitest';
import { Harness } from './harness.ts';

describe('DN registration', () => {
  it('registers, logs in NotReady(AuxWork), becomes Ready, with referenceIds and agentId', async () => {
    const h = new Harness();
    const reg = await h.request('5001', { request: 'RequestRegisterAddress' });
    expect(h.take('5001')).toEqual([{ eventName: 'EventRegistered', thisDN: '5001', referenceId: reg.referenceId }]);
    const login = await h.request('5001', { request: 'RequestAgentLogin', agentId: 'agent1' });
    expect(h.take('5001')).toEqual([
      { eventName: 'EventAgentLogin', thisDN: '5001', agentId: 'agent1', referenceId: login.referenceId },
      { eventName: 'EventAgentNotReady', thisDN: '5001', agentId: 'agent1', referenceId: login.referenceId, workMode: 'AuxWork' },
    ]);
    const ready = await h.request('5001', { request: 'RequestAgentReady' });
    expect(h.take('5001')).toEqual([{ eventName: 'EventAgentReady', thisDN: '5001', agentId: 'agent1', referenceId: ready.referenceId, workMode: 'ManualIn' }]);
    expect(h.sim.snapshot('5001')).toEqual({
      agent: { agentId: 'agent1', dn: '5001', registered: true, state: 'Ready', workMode: 'ManualIn' },
      calls: [],
    });
  });

  it('refuses every request but RequestRegisterAddress from an unregistered DN (41)', async () => {
    const h = new Harness();
    const error = await h.refused('5001', { request: 'RequestAgentLogin', agentId: 'agent1' }, 'NOT_INITIALIZED');
    expect(error.tserverErrorCode).toBe(41);
    await h.refused('5001', { request: 'RequestMakeCall', destination: '5002' }, 'NOT_INITIALIZED');
    expect(h.take('5001')).toEqual([]);
  });

  it('refuses requests from a DN that is not a configured agent DN (59)', async () => {
    const h = new Harness();
    const error = await h.refused('4999', { request: 'RequestRegisterAddress' }, 'DN_NOT_CONFIGURED');
    expect(error.tserverErrorCode).toBe(59);
    await h.refused('8000', { request: 'RequestRegisterAddress' }, 'DN_NOT_CONFIGURED');
  });

  it('allows registering again (a reloaded client) and keeps the agent state', async () => {
    const h = new Harness();
    await h.ready('5001');
    const again = await h.request('5001', { request: 'RequestRegisterAddress' });
    expect(h.take('5001')).toEqual([{ eventName: 'EventRegistered', thisDN: '5001', agentId: 'agent1', referenceId: again.referenceId }]);
    expect(h.sim.snapshot('5001').agent.state).toBe('Ready');
  });

  it('unregisters with EventUnregistered, after which requests are refused', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    await h.request('5001', { request: 'RequestUnregisterAddress' });
    expect(h.names('5001')).toEqual(['EventUnregistered']);
    expect(h.sim.snapshot('5001').agent.registered).toBe(false);
    await h.refused('5001', { request: 'RequestAgentReady' }, 'NOT_INITIALIZED');
  });
});

describe('agent login and state', () => {
  it('refuses a login with another DN’s agentId (59) and a second login (43)', async () => {
    const h = new Harness();
    await h.request('5001', { request: 'RequestRegisterAddress' });
    await h.refused('5001', { request: 'RequestAgentLogin', agentId: 'agent2' }, 'DN_NOT_CONFIGURED');
    await h.request('5001', { request: 'RequestAgentLogin', agentId: 'agent1' });
    const error = await h.refused('5001', { request: 'RequestAgentLogin', agentId: 'agent1' }, 'ALREADY_IN_STATE');
    expect(error.tserverErrorCode).toBe(43);
  });

  it('refuses agent requests while no agent is logged in', async () => {
    const h = new Harness();
    await h.request('5001', { request: 'RequestRegisterAddress' });
    for (const body of [{ request: 'RequestAgentReady' }, { request: 'RequestAgentNotReady' }, { request: 'RequestAgentLogout' }] as const) {
      const error = await h.refused('5001', body, 'NOT_INITIALIZED');
      expect(error.message).toMatch(/logged in/);
    }
  });

  it('refuses Ready when already Ready; honours the AutoIn work mode', async () => {
    const h = new Harness();
    await h.loggedIn('5001');
    await h.request('5001', { request: 'RequestAgentReady', workMode: 'AutoIn' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventAgentReady', workMode: 'AutoIn' }]);
    await h.refused('5001', { request: 'RequestAgentReady' }, 'ALREADY_IN_STATE');
  });

  it('goes NotReady with a reason code, may change the reason, and refuses the same state again', async () => {
    const h = new Harness();
    await h.ready('5001');
    const first = await h.request('5001', { request: 'RequestAgentNotReady', reasonCode: 'Break' });
    expect(h.take('5001')).toEqual([
      {
        eventName: 'EventAgentNotReady',
        thisDN: '5001',
        agentId: 'agent1',
        referenceId: first.referenceId,
        workMode: 'AuxWork',
        reasons: { ReasonCode: 'Break' },
      },
    ]);
    await h.request('5001', { request: 'RequestAgentNotReady', reasonCode: 'Lunch' });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventAgentNotReady', reasons: { ReasonCode: 'Lunch' } }]);
    expect(h.sim.snapshot('5001').agent).toMatchObject({ state: 'NotReady', workMode: 'AuxWork', reasonCode: 'Lunch' });
    await h.refused('5001', { request: 'RequestAgentNotReady', reasonCode: 'Lunch' }, 'ALREADY_IN_STATE');
    await h.request('5001', { request: 'RequestAgentNotReady', workMode: 'AfterCallWork' });
    const [acw] = h.take('5001');
    expect(acw).toMatchObject({ eventName: 'EventAgentNotReady', workMode: 'AfterCallWork' });
    expect(acw).not.toHaveProperty('reasons');
  });

  it('refuses an unknown reason code (53) and leaves the state alone', async () => {
    const h = new Harness();
    await h.ready('5001');
    const error = await h.refused('5001', { request: 'RequestAgentNotReady', reasonCode: 'Nap' }, 'INVALID_ATTRIBUTE');
    expect(error.tserverErrorCode).toBe(53);
    expect(h.take('5001')).toEqual([]);
    expect(h.sim.snapshot('5001').agent.state).toBe('Ready');
  });

  it('logs out with EventAgentLogout carrying the agentId', async () => {
    const h = new Harness();
    await h.ready('5001');
    const logout = await h.request('5001', { request: 'RequestAgentLogout' });
    expect(h.take('5001')).toEqual([{ eventName: 'EventAgentLogout', thisDN: '5001', agentId: 'agent1', referenceId: logout.referenceId }]);
    expect(h.sim.snapshot('5001').agent).toEqual({ agentId: 'agent1', dn: '5001', registered: true, state: 'LoggedOut' });
  });

  it('refuses a logout while the DN has a call (93)', async () => {
    const h = new Harness();
    await h.ready('5001');
    h.call('8000');
    const error = await h.refused('5001', { request: 'RequestAgentLogout' }, 'INVALID_CALL_STATE');
    expect(error.tserverErrorCode).toBe(93);
    expect(h.sim.snapshot('5001').agent.state).toBe('Ready');
  });
});

describe('directory', () => {
  it('lists agents in configuration order and the reason codes', () => {
    const h = new Harness();
    expect(h.sim.agents()).toEqual([
      { agentId: 'agent1', dn: '5001', name: 'Alex Morgan' },
      { agentId: 'agent2', dn: '5002', name: 'Kenji Sato' },
      { agentId: 'agent3', dn: '5003', name: 'Maria Lopez' },
      { agentId: 'agent4', dn: '5004', name: 'Sam Lee' },
    ]);
    expect(h.sim.reasonCodes().map((reason) => reason.code)).toEqual(['Break', 'Lunch', 'Meeting', 'Training']);
  });

  it('lists agents with their state, queues and calls for the control side', async () => {
    const h = new Harness();
    await h.ready('5002');
    const connectionId = h.call('8000');
    expect(h.sim.listAgents()[1]).toEqual({
      agentId: 'agent2',
      dn: '5002',
      registered: true,
      state: 'Ready',
      workMode: 'ManualIn',
      name: 'Kenji Sato',
      queues: ['8000'],
      calls: [connectionId],
    });
  });

  it('snapshots only configured DNs', () => {
    const h = new Harness();
    h.controlRefused(() => h.sim.snapshot('9999'), 'DN_NOT_CONFIGURED');
  });
});
