import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, Toolbar } from './cluster-harness.ts';

/**
 * What the agents' leases decide in a cluster (three nodes on Redis behind nginx, the simulator
 * service on the Workspace API): the grace logout of an agent with no socket anywhere is the
 * owner's, done once; a node that loses an agent's lease drops its own Workspace API session of the
 * agent; the nodes count their sockets and sessions as they change; and with no node up, the
 * toolbar is told that no bridge node answered, not that the answer was garbled.
 */

const GRACE_MS = 1_500;
const cluster = new Cluster({ nodeSettings: { sessionGraceMs: GRACE_MS } });
const nodeUrl = (index: number): string => `http://127.0.0.1:${cluster.nodePorts[index]}`;

async function signedIn(toolbar: Toolbar): Promise<void> {
  expect(await toolbar.socket.open()).toBe(true);
  expect(await toolbar.send({ type: 'initialize' })).toMatchObject({ ok: true });
  await toolbar.event('EventAgentReady');
}

async function eventually<T>(find: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const loggedLines = (index: number, message: string, agentId: string): number =>
  cluster.nodeLog(index).filter((line) => line['msg'] === message && line['agentId'] === agentId).length;

beforeAll(async () => {
  await cluster.startRedis();
  await cluster.startSim();
  await Promise.all([0, 1, 2].map((index) => cluster.startNode(index)));
  await cluster.startNginx();
}, 60_000);

afterAll(async () => {
  await cluster.close();
}, 30_000);

describe("an agent's lease in a cluster", () => {
  it('the nodes count their sockets and owned sessions: each socket on one node, the agent owned by one', async () => {
    const toolbars = [new Toolbar(nodeUrl(0), 'agent2'), new Toolbar(nodeUrl(1), 'agent2')];
    for (const toolbar of toolbars) expect(await toolbar.socket.open()).toBe(true);
    const health = await cluster.health();
    expect(health.map((node) => node?.sockets)).toEqual([1, 1, 0]);
    expect(health.reduce((sum, node) => sum + (node?.sessions ?? 0), 0)).toBe(1);

    for (const toolbar of toolbars) toolbar.socket.close();
    await eventually(async () => ((await cluster.health()).every((node) => node?.sockets === 0) ? true : undefined));
  }, 30_000);

  it('an agent with no socket on any node is logged out after the grace period, by the owner alone and once', async () => {
    const toolbar = new Toolbar(cluster.nginxUrl, 'agent2');
    await signedIn(toolbar);
    expect(await cluster.simAgent('agent2')).toMatchObject({ state: 'Ready', registered: true });
    const before = [0, 1, 2].map((index) => loggedLines(index, 'session expired: agent logged out', 'agent2'));

    toolbar.socket.close();
    expect(await eventually(async () => ((await cluster.simAgent('agent2'))?.state === 'LoggedOut' ? cluster.simAgent('agent2') : undefined))).toMatchObject({
      registered: false,
    });
    // Two more grace periods: no other node logs the agent out again.
    await new Promise((resolve) => setTimeout(resolve, 2 * GRACE_MS));
    const logouts = [0, 1, 2].map((index) => loggedLines(index, 'session expired: agent logged out', 'agent2') - (before[index] ?? 0));
    expect(logouts.sort()).toEqual([0, 0, 1]);
    expect((await cluster.health()).reduce((sum, node) => sum + (node?.sessions ?? 0), 0)).toBe(0);
  }, 30_000);

  it("a node that loses an agent's lease drops its Workspace API session of the agent; the new owner alone drives the agent", async () => {
    const first = new Toolbar(nodeUrl(0), 'agent1');
    await signedIn(first);
    const second = new Toolbar(nodeUrl(1), 'agent1');
    expect(await second.socket.open()).toBe(true);
    expect((await cluster.health())[0]?.sessions).toBe(1);

    // Node 1 freezes past its lease: node 2, which has a socket of the agent, takes the agent over.
    cluster.pauseNode(0);
    await eventually(async () => ((await cluster.health([1]))[1]?.sessions === 1 ? true : undefined));
    cluster.resumeNode(0);
    await eventually(async () => (loggedLines(0, 'Workspace API session dropped: another bridge node drives the agent', 'agent1') === 1 ? true : undefined));
    expect(loggedLines(0, "cluster: another node holds the agent's lease now; giving the agent up", 'agent1')).toBe(1);
    expect((await cluster.health()).map((node) => node?.sessions)).toEqual([0, 1, 0]);

    const connectionId = await cluster.placeCall('5001');
    const ring = await second.event('EventRinging', connectionId);
    expect(await second.send({ type: 'Accept', connectionId })).toMatchObject({ ok: true, result: { eventId: ring.eventId } });
    await second.event('EventEstablished', connectionId);
    expect(await second.send({ type: 'Hangup', connectionId })).toMatchObject({ ok: true });
    await second.event('EventReleased', connectionId);
    expect(second.frames.filter((frame) => frame.eventName === 'EventRinging' && frame.connectionId === connectionId)).toHaveLength(1);
    const seqs = second.seqs();
    expect(seqs).toEqual(seqs.map((_seq, index) => (seqs[0] ?? 0) + index));
    first.socket.close();
    second.socket.close();
  }, 60_000);

  it('with every node down, nginx answers for them and the toolbar says no bridge node answered (VENDOR_UNREACHABLE)', async () => {
    const toolbar = new Toolbar(cluster.nginxUrl, 'agent1');
    for (const index of [0, 1, 2]) await cluster.killNode(index);
    expect(await toolbar.send({ type: 'Ready' })).toMatchObject({ ok: false, code: 'VENDOR_UNREACHABLE', message: expect.stringContaining('HTTP 502') });
  }, 30_000);
});
