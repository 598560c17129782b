import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '@ctikit/protocol';
import { ClientSocket, command, health, http, placeCall, readyAgent, refusedUpgrade, ringing, startBridge, talking, until } from './harness.ts';
import type { Frame, TestBridge } from './harness.ts';

/** Sessions: resume after a reconnect, snapshots, several tabs, the grace period, heartbeats and slow clients. */

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

function seqs(frames: Frame[]): number[] {
  return frames.filter((f) => f.seq !== undefined).map((f) => f.seq as number);
}

async function agentState(agentId: string): Promise<{ state: string; registered: boolean }> {
  const { body } = await http(`${t.url}/sim/agents`);
  const agents = body['agents'] as Array<{ agentId: string; state: string; registered: boolean }>;
  return agents.find((a) => a.agentId === agentId) as { state: string; registered: boolean };
}

async function closeAndWaitForDetach(socket: ClientSocket, remaining = 0): Promise<void> {
  await socket.close();
  await until(async () => (await health(t)).sockets === remaining);
}

describe('resume', () => {
  it('replays the frames missed while disconnected, in order and without gaps', async () => {
    t = await startBridge();
    const first = await readyAgent(t, 'agent1');
    const { sessionId } = first.opened;
    expect(seqs(first.frames)).toEqual([1, 2, 3, 4]);
    await closeAndWaitForDetach(first);

    const missedRing = await placeCall(t, '4155550123', '8000');
    await command(t, 'agent1', { type: 'AttachUserData', connectionId: missedRing, userData: { Note: 'while away' } });

    // The client had processed only up to seq 2 when the socket dropped.
    const second = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: '2' });
    expect(second.opened).toMatchObject({ sessionId, resume: 'replayed', lastSeq: 6 });
    const replayed = await second.take(4);
    expect(replayed.map((f) => [f.seq, f.eventName])).toEqual([
      [3, 'EventAgentNotReady'],
      [4, 'EventAgentReady'],
      [5, 'EventRinging'],
      [6, 'EventAttachedDataChanged'],
    ]);
    await command(t, 'agent1', { type: 'Accept', connectionId: missedRing });
    const live = await second.next('EventEstablished');
    expect(live.seq).toBe(7);
    expect(live.eventId).toBe(replayed[2]?.eventId);
  });

  it('resuming at the last seq replays nothing', async () => {
    t = await startBridge();
    const first = await readyAgent(t, 'agent1');
    const { sessionId } = first.opened;
    await closeAndWaitForDetach(first);
    const second = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: '4' });
    expect(second.opened).toMatchObject({ resume: 'replayed', lastSeq: 4 });
    expect(second.frames).toHaveLength(1);
  });

  it('a resumeFrom older than the replay buffer gets a Snapshot, with the ringing call under its eventId', async () => {
    t = await startBridge({ replayBufferSize: 3 });
    const first = await readyAgent(t, 'agent1');
    const { sessionId } = first.opened;
    const ring = await ringing(t, first);
    await closeAndWaitForDetach(first);

    const second = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: '1' });
    expect(second.opened).toMatchObject({ sessionId, resume: 'snapshot', lastSeq: 5 });
    const snapshot = (await second.next('Snapshot')) as unknown as Snapshot;
    expect(snapshot.lastSeq).toBe(5);
    expect(snapshot.agent).toMatchObject({ agentId: 'agent1', dn: '5001', state: 'Ready', registered: true });
    expect(snapshot.calls).toEqual([expect.objectContaining({ eventId: ring.eventId, connectionId: ring.connectionId, state: 'Ringing', ANI: '4155550123' })]);
  });

  it('a resumeFrom ahead of the session, or another sessionId, gets a Snapshot when the agent is logged in', async () => {
    t = await startBridge();
    const first = await readyAgent(t, 'agent1');
    const { sessionId } = first.opened;
    const ahead = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: '99' });
    expect(ahead.opened.resume).toBe('snapshot');
    const stranger = await ClientSocket.agent(t, { agentId: 'agent1', sessionId: 'not-this-one', resumeFrom: '2' });
    expect(stranger.opened.resume).toBe('snapshot');
    expect(stranger.opened.sessionId).toBe(sessionId);
  });

  it('a logged-out agent with no calls starts fresh', async () => {
    t = await startBridge();
    const socket = await ClientSocket.agent(t, { agentId: 'agent3' });
    expect(socket.opened).toMatchObject({ agentId: 'agent3', dn: '5003', resume: 'fresh', lastSeq: 0, heartbeatMs: 15_000 });
  });

  it('a ringing call survives a reconnect: the new socket sees it and can accept it', async () => {
    t = await startBridge();
    const first = await readyAgent(t, 'agent1');
    const ring = await ringing(t, first);
    await closeAndWaitForDetach(first);
    t.clock.advance(60_000);

    const second = await ClientSocket.agent(t, { agentId: 'agent1' });
    const snapshot = (await second.next('Snapshot')) as unknown as Snapshot;
    expect(snapshot.calls.map((c) => [c.connectionId, c.eventId, c.state])).toEqual([[ring.connectionId, ring.eventId, 'Ringing']]);
    await command(t, 'agent1', { type: 'Accept', connectionId: ring.connectionId });
    expect(await second.next('EventEstablished')).toMatchObject({ eventId: ring.eventId });
  });
});

describe('several sockets per agent', () => {
  it('two tabs receive the very same frames', async () => {
    t = await startBridge();
    const tab1 = await readyAgent(t, 'agent1');
    const tab2 = await ClientSocket.agent(t, { agentId: 'agent1' });
    const ring = await ringing(t, tab1);
    expect(await tab2.next('EventRinging')).toEqual(ring);
  });

  it('refuses a socket past maxSocketsPerAgent with 429 RATE_LIMITED, before the upgrade', async () => {
    t = await startBridge({ maxSocketsPerAgent: 2 });
    await ClientSocket.agent(t, { agentId: 'agent1' });
    await ClientSocket.agent(t, { agentId: 'agent1' });
    const refused = await refusedUpgrade(`${t.wsUrl}/genesysWs?agentId=agent1`);
    expect(refused).toMatchObject({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED' } } });
    // Another agent is not affected.
    await ClientSocket.agent(t, { agentId: 'agent2' });
  });
});

describe('grace period', () => {
  it('logs the agent out and unregisters the DN when no socket comes back within sessionGraceMs', async () => {
    t = await startBridge({ sessionGraceMs: 120_000 });
    const socket = await readyAgent(t, 'agent1');
    const { sessionId } = socket.opened;
    await closeAndWaitForDetach(socket);
    t.clock.advance(119_999);
    expect(await agentState('agent1')).toMatchObject({ state: 'Ready', registered: true });
    t.clock.advance(1);
    await until(async () => (await health(t)).sessions === 0);
    expect(await agentState('agent1')).toMatchObject({ state: 'LoggedOut', registered: false });

    const next = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: '4' });
    expect(next.opened.resume).toBe('fresh');
    expect(next.opened.sessionId).not.toBe(sessionId);
  });

  it('a reconnect within the grace period keeps the agent logged in', async () => {
    t = await startBridge({ sessionGraceMs: 120_000 });
    const socket = await readyAgent(t, 'agent1');
    await closeAndWaitForDetach(socket);
    t.clock.advance(60_000);
    await ClientSocket.agent(t, { agentId: 'agent1' });
    t.clock.advance(600_000);
    expect(await agentState('agent1')).toMatchObject({ state: 'Ready', registered: true });
    expect((await health(t)).sessions).toBe(1);
  });

  it('an agent on a call is not logged out; once the call ends, the next grace period does', async () => {
    t = await startBridge({ sessionGraceMs: 120_000 });
    const socket = await readyAgent(t, 'agent1');
    const established = await talking(t, socket, 'agent1');
    await closeAndWaitForDetach(socket);
    t.clock.advance(120_000);
    expect(await agentState('agent1')).toMatchObject({ state: 'Ready' });
    await http(`${t.url}/sim/calls/${established.connectionId}/hangup`, { method: 'POST' });
    t.clock.advance(120_000);
    await until(async () => (await agentState('agent1')).state === 'LoggedOut');
  });
});

describe('liveness', () => {
  it('sends an unsequenced Heartbeat every heartbeatMs', async () => {
    t = await startBridge({ heartbeatMs: 15_000 });
    const socket = await readyAgent(t, 'agent1');
    t.clock.advance(15_000);
    const beat = await socket.next('Heartbeat');
    expect(beat.seq).toBeUndefined();
    expect(beat['timestamp']).toEqual(expect.any(Number));
  });

  it('terminates a socket that misses a pong, and keeps one that answers', async () => {
    t = await startBridge({ heartbeatMs: 15_000 });
    const silent = await ClientSocket.open(`${t.wsUrl}/genesysWs?agentId=agent1`, { autoPong: false });
    const alive = await ClientSocket.agent(t, { agentId: 'agent2' });
    t.clock.advance(15_000);
    await silent.next('Heartbeat');
    await alive.next('Heartbeat');
    // A frame after the pong on the same connection: once its INVALID_FRAME answer is back, the pong has arrived.
    alive.ws.send('sync');
    await alive.next('EventError');
    t.clock.advance(15_000);
    expect((await silent.closed).code).toBe(1006);
    await alive.next('Heartbeat');
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
  });

  it('closes a client that stops reading with 1013; it resumes with nothing lost', async () => {
    // Frames of ~400 KB, far above the default user-data and replay bounds (memory-bounds.test.ts), to fill the socket fast.
    t = await startBridge({
      maxBufferedBytes: 256 * 1024,
      bodyLimit: 1024 * 1024,
      rateLimit: { perSecond: 1, burst: 1000 },
      userDataLimits: { maxTotalBytes: 1024 * 1024 },
      replayBufferBytes: 64 * 1024 * 1024,
    });
    const socket = await readyAgent(t, 'agent1');
    const { sessionId } = socket.opened;
    const { connectionId } = await talking(t, socket, 'agent1');
    const bulky = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`key${i}`, 'x'.repeat(4000)]));
    const raw = (socket.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    for (let i = 0; i < 60; i++) {
      expect((await command(t, 'agent1', { type: 'UpdateUserData', connectionId, userData: { ...bulky, round: i } })).status).toBe(200);
    }
    raw.resume();
    expect((await socket.closed).code).toBe(1013);
    const received = seqs(socket.frames);
    const last = received[received.length - 1] as number;
    expect(received).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(last).toBeLessThan(66);

    const resumed = await ClientSocket.agent(t, { agentId: 'agent1', sessionId, resumeFrom: String(last) });
    expect(resumed.opened.resume).toBe('replayed');
    const rest = await resumed.take(66 - last);
    expect(seqs(rest)).toEqual(Array.from({ length: 66 - last }, (_, i) => last + i + 1));
    expect(rest[rest.length - 1]?.['userData']).toMatchObject({ round: 59 });
  });
});
