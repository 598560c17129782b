import { describe, expect, it } from 'vitest';
import { Harness } from './harness.ts';

describe('agent registration and state', () => {
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
    expect(h.take('5001')).toEqual([
      { eventName: 'EventAgentReady', thisDN: '5001', agentId: 'agent1', referenceId: ready.referenceId, workMode: 'ManualIn' },
    ]);
    expect(h.sim.snapshot('5001').agent).toEqual({ agentId: 'agent1', dn: '5001', registered: true, state: 'Ready', workMode: 'ManualIn' });
  });
});
