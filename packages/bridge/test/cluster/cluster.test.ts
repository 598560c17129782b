import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, Toolbar } from './cluster-harness.ts';

/**
 * Three bridge nodes (the compiled `ctikit start`) on one redis-server, behind nginx with the
 * shipped config, reaching the simulator service (`ctikit sim serve`) through the Workspace API
 * backend; the agent uses the toolbar's own client (BridgeSocket, BridgeRest) through nginx.
 * The faults: kill -9 of the agent's node while a call rings and while it is connected; SIGTERM
 * (a rolling restart: the node drains); Redis restarted (append-only, so it keeps what it had).
 */

const cluster = new Cluster();
let toolbar: Toolbar;

/** Sequenced events arrive once each, in order, with no gap. */
function expectNoGapNoDuplicate(seqs: number[]): void {
  expect(seqs.length).toBeGreaterThan(0);
  const first = seqs[0] as number;
  expect(seqs).toEqual(seqs.map((_seq, index) => first + index));
}

async function reconnected(count: number): Promise<void> {
  await toolbar.until(() => (toolbar.opened.length >= count && toolbar.socket.isOpen ? true : undefined));
}

/** A customer's call to agent 5001, answered from the toolbar. */
async function connectedCall(): Promise<{ connectionId: string; ring: { eventId: string } }> {
  const connectionId = await cluster.placeCall('5001');
  const ring = await toolbar.event('EventRinging', connectionId);
  expect(await toolbar.send({ type: 'Accept', connectionId })).toMatchObject({ ok: true });
  await toolbar.event('EventEstablished', connectionId);
  return { connectionId, ring };
}

beforeAll(async () => {
  await cluster.startRedis();
  await cluster.startSim();
  await Promise.all([0, 1, 2].map((index) => cluster.startNode(index)));
  await cluster.startNginx();
  toolbar = new Toolbar(cluster.nginxUrl, 'agent1');
  expect(await toolbar.socket.open()).toBe(true);
  expect(await toolbar.send({ type: 'initialize' })).toMatchObject({ ok: true });
  await toolbar.event('EventAgentReady');
}, 60_000);

afterAll(async () => {
  toolbar?.socket.close();
  await cluster.close();
}, 30_000);

describe('a cluster of three nodes behind nginx, on Redis', () => {
  it("kill -9 of the agent's node while a call rings: the toolbar resumes on another node with no gap and no duplicate, and answers and hangs up", async () => {
    const connectionId = await cluster.placeCall('5001');
    const ring = await toolbar.event('EventRinging', connectionId);
    const node = await cluster.nodeWithSockets();
    const before = toolbar.opened.length;
    await cluster.killNode(node);
    await reconnected(before + 1);
    expect(toolbar.opened.at(-1)).toMatchObject({ resume: 'replayed', sessionId: toolbar.opened[0]?.sessionId });
    expect(await cluster.nodeWithSockets()).not.toBe(node);

    expect(await toolbar.send({ type: 'Accept', connectionId })).toMatchObject({ ok: true, result: { eventId: ring.eventId } });
    expect(await toolbar.event('EventEstablished', connectionId)).toMatchObject({ eventId: ring.eventId });
    expect(await toolbar.send({ type: 'Hangup', connectionId })).toMatchObject({ ok: true });
    await toolbar.event('EventReleased', connectionId);
    expectNoGapNoDuplicate(toolbar.seqs());
    await cluster.startNode(node);
  }, 60_000);

  it("kill -9 of the agent's node while a call is connected: the toolbar resumes elsewhere and hangs the call up", async () => {
    const { connectionId, ring } = await connectedCall();
    const node = await cluster.nodeWithSockets();
    const before = toolbar.opened.length;
    await cluster.killNode(node);
    await reconnected(before + 1);
    expect(toolbar.opened.at(-1)).toMatchObject({ resume: 'replayed', sessionId: toolbar.opened[0]?.sessionId });

    expect(await toolbar.send({ type: 'Hangup', connectionId })).toMatchObject({ ok: true, result: { eventId: ring.eventId } });
    expect(await toolbar.event('EventReleased', connectionId)).toMatchObject({ eventId: ring.eventId });
    expectNoGapNoDuplicate(toolbar.seqs());
    await cluster.startNode(node);
  }, 60_000);

  it("a rolling restart: SIGTERM drains the agent's node (it exits 0, the socket is told to reconnect elsewhere), and the connected call is hung up through another node", async () => {
    const { connectionId, ring } = await connectedCall();
    const node = await cluster.nodeWithSockets();
    const before = toolbar.opened.length;
    expect(await cluster.terminateNode(node)).toBe(0);
    await reconnected(before + 1);
    expect(toolbar.opened.at(-1)).toMatchObject({ resume: 'replayed', sessionId: toolbar.opened[0]?.sessionId });
    expect(await cluster.nodeWithSockets()).not.toBe(node);

    expect(await toolbar.send({ type: 'Hangup', connectionId })).toMatchObject({ ok: true, result: { eventId: ring.eventId } });
    expect(await toolbar.event('EventReleased', connectionId)).toMatchObject({ eventId: ring.eventId });
    expectNoGapNoDuplicate(toolbar.seqs());
    await cluster.startNode(node);
  }, 60_000);

  it('Redis restarted: commands meanwhile get SESSION_STORE_UNAVAILABLE, and afterwards the same session goes on and a call is answered and hung up', async () => {
    const sessionId = toolbar.opened.at(-1)?.sessionId;
    await cluster.stopRedis();
    expect(await toolbar.send({ type: 'NotReady' })).toMatchObject({ ok: false, code: 'SESSION_STORE_UNAVAILABLE' });
    await cluster.startRedis();
    // Until the nodes have reconnected to Redis, each try is refused with the same clear code.
    for (let answer = await toolbar.send({ type: 'NotReady' }); !answer.ok; answer = await toolbar.send({ type: 'NotReady' })) {
      expect(answer.code).toBe('SESSION_STORE_UNAVAILABLE');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await toolbar.event('EventAgentNotReady');
    await toolbar.until(() => (toolbar.socket.isOpen ? true : undefined));
    expect(toolbar.opened.at(-1)?.sessionId).toBe(sessionId);

    const connectionId = await cluster.placeCall('5001');
    const ring = await toolbar.event('EventRinging', connectionId);
    expect(await toolbar.send({ type: 'Accept', connectionId })).toMatchObject({ ok: true, result: { eventId: ring.eventId } });
    await toolbar.event('EventEstablished', connectionId);
    expect(await toolbar.send({ type: 'Hangup', connectionId })).toMatchObject({ ok: true });
    await toolbar.event('EventReleased', connectionId);
    expectNoGapNoDuplicate(toolbar.seqs());
  }, 60_000);
});
