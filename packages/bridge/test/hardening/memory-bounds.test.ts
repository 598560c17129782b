import { afterEach, describe, expect, it } from 'vitest';
import { ClientSocket, command, http, readyAgent, talking, startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';

/** One agent's user data and replay buffer cannot grow the bridge's memory without bound. */

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

async function metric(name: string): Promise<string> {
  const response = await fetch(`${t.url}/metrics`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .join('\n');
}

function pairs(count: number, length: number, prefix = 'k'): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`${prefix}${index}`, 'x'.repeat(length)]));
}

describe('user data bounds', () => {
  it('refuses user data that would pass the total, keys or value limit with 413 USER_DATA_TOO_LARGE, and counts it', async () => {
    t = await startBridge({ userDataLimits: { maxKeys: 10, maxValueLength: 100, maxTotalBytes: 600 } });
    const socket = await readyAgent(t, 'agent1');
    const { connectionId } = await talking(t, socket, 'agent1');
    expect(await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: pairs(4, 100) })).toMatchObject({ status: 200 });
    const total = await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: pairs(3, 100, 'more') });
    expect(total).toMatchObject({ status: 413, body: { ok: false, error: { code: 'USER_DATA_TOO_LARGE', message: expect.stringContaining('600') } } });
    const keys = await command(t, 'agent1', { type: 'AttachUserData', connectionId, userData: pairs(7, 1, 'short') });
    expect(keys).toMatchObject({ status: 413, body: { error: { code: 'USER_DATA_TOO_LARGE', message: expect.stringContaining('11 user-data keys') } } });
    const value = await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: { long: 'y'.repeat(101) } });
    expect(value).toMatchObject({ status: 413, body: { error: { code: 'USER_DATA_TOO_LARGE' } } });
    expect(await command(t, 'agent1', { type: 'MakeCall', phoneNumber: '5002', userData: pairs(11, 1) })).toMatchObject({ status: 413 });
    expect(Object.keys(t.sim.listCalls()[0]?.userData ?? {})).toHaveLength(4);
    const counted = await metric('ctikit_bridge_user_data_refused_total');
    expect(counted).toContain('ctikit_bridge_user_data_refused_total{limit="total"} 1');
    expect(counted).toContain('ctikit_bridge_user_data_refused_total{limit="keys"} 2');
    expect(counted).toContain('ctikit_bridge_user_data_refused_total{limit="value"} 1');
  });

  it('by default refuses the attack run: 100 keys of 4,000 characters on one call', async () => {
    t = await startBridge({ bodyLimit: 1024 * 1024 });
    const socket = await readyAgent(t, 'agent1');
    const { connectionId } = await talking(t, socket, 'agent1');
    const result = await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: pairs(100, 4000) });
    expect(result).toMatchObject({ status: 413, body: { error: { code: 'USER_DATA_TOO_LARGE' } } });
  });
});

describe('replay buffer bounded in bytes', () => {
  it('keeps at most replayBufferBytes per session, reports it in /metrics, and an old resumeFrom gets a Snapshot', async () => {
    t = await startBridge({ replayBufferBytes: 8 * 1024, rateLimit: { perSecond: 1000, burst: 1000 } });
    const socket = await readyAgent(t, 'agent1');
    const { connectionId } = await talking(t, socket, 'agent1');
    await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: pairs(5, 400, 'big') });
    const sessionId = socket.opened.sessionId;
    const firstSeq = (await socket.next('EventAttachedDataChanged')).seq as number;
    for (let round = 0; round < 40; round++) {
      expect(await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: { round: String(round) } })).toMatchObject({ status: 200 });
    }
    await socket.next((frame) => frame.eventName === 'EventAttachedDataChanged' && (frame['userData'] as Record<string, string>)['round'] === '39');
    const held = Number(/ctikit_bridge_replay_buffer_bytes (\d+)/.exec(await metric('ctikit_bridge_replay_buffer_bytes'))?.[1]);
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(8 * 1024);
    await socket.close();
    const resumed = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: String(firstSeq) });
    expect(resumed.opened.resume).toBe('snapshot');
    const { body } = await http(`${t.url}/healthz`);
    expect(body).toMatchObject({ sessions: 1 });
  });
});
