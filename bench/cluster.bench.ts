import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SessionOpened, Snapshot, TServerWireEvent } from '@ctikit/protocol';
import { Cluster, Toolbar } from '../packages/bridge/test/cluster/cluster-harness.ts';
import type { ClusterAgent } from '../packages/bridge/test/cluster/cluster-harness.ts';
import { hardStopAfter, inParallel, percentiles, wallClockMs } from './support.ts';

/**
 * `npm run bench:cluster`: the cluster of docs/deployment.md on this machine — redis-server, the
 * simulator service (`ctikit sim serve`), three bridge nodes (the compiled `ctikit start`) behind
 * nginx with the shipped deploy/nginx config — against ONE bridge node on its own, in the same run,
 * under the same load. The parts are the cluster tests' harness (packages/bridge/test/cluster), the
 * agents the toolbar's own Genesys client (BridgeSocket, BridgeRest) in this process.
 *
 * 1. One node: AGENTS agents sign in (socket with a ticket, `initialize`), then calls come in at
 *    RATE/s for DURATION s on one queue; each agent accepts its call when it rings and hangs up when
 *    it is established. Ring latency (the frame's timestamp, stamped by the node that got the
 *    contact center's event, to the agent's receipt) and events/s.
 * 2. The cluster, the same load through nginx.
 * 3. Failover: calls keep coming; `kill -9` of one node. Every agent whose socket was on it
 *    reconnects through nginx and resumes; the time until the last of them has (and until the last
 *    agent whose session the node owned rang again). Nothing lost: every agent's sequenced events
 *    seen once each, in order, no gap; every call placed released.
 *
 * Requires the compiled bridge (`npm run build -w @ctikit/bridge`, done by the npm script), redis-server
 * and nginx. Options: AGENTS=3000 RATE=50 DURATION=20 FAILOVER=20 (seconds of calls around the
 * kill), as environment variables or --agents, --rate, --duration, --failover.
 */

const { values } = parseArgs({ options: { agents: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' }, failover: { type: 'string' } } });
const AGENTS = Number(values.agents ?? process.env['AGENTS'] ?? 3000);
const RATE = Number(values.rate ?? process.env['RATE'] ?? 50);
const DURATION = Number(values.duration ?? process.env['DURATION'] ?? 20);
const FAILOVER = Number(values.failover ?? process.env['FAILOVER'] ?? 20);
for (const [name, value] of Object.entries({ AGENTS, RATE, DURATION, FAILOVER })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
}
if (!existsSync(fileURLToPath(new URL('../packages/bridge/dist/cli.js', import.meta.url))))
  throw new Error('Build the bridge first: npm run build -w @ctikit/bridge');

const QUEUE = '9000';
const LEASE_MS = 5_000;
const stopHardStop = hardStopAfter(900 + (AGENTS / 1000) * 120);

const agents: ClusterAgent[] = Array.from({ length: AGENTS }, (_, i) => ({ agentId: `bench${i + 1}`, dn: String(100_000 + i), token: `tok-bench${i + 1}` }));

/** One signed-in agent: the toolbar's client, answering every call it gets. */
interface BenchAgent {
  toolbar: Toolbar;
  /** Each SessionOpened: when (epoch ms), and how the session was brought up to date. */
  opened: Array<{ at: number; resume: SessionOpened['resume'] }>;
  /** Epoch ms of each EventRinging received. */
  rangAt: number[];
}

interface Tally {
  measuring: boolean;
  ring: number[];
  frames: number;
  placed: Set<string>;
  released: Set<string>;
  /** Failed commands by code (each is tried again once the socket is back, as an agent would press again). */
  failures: Map<string, number>;
}

const tally: Tally = { measuring: false, ring: [], frames: 0, placed: new Set(), released: new Set(), failures: new Map() };

function countFailure(code: string): void {
  tally.failures.set(code, (tally.failures.get(code) ?? 0) + 1);
}

/** Accept or hang up; a failure is counted and the command sent again when the socket is up (at most 5 times). */
async function command(agent: BenchAgent, type: 'Accept' | 'Hangup', connectionId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await agent.toolbar.send({ type, connectionId });
    if (outcome.ok) return;
    countFailure(`${type} ${outcome.code}`);
    if (outcome.code === 'INVALID_CONNECTION_ID' || outcome.code === 'INVALID_CALL_STATE') return;
    await agent.toolbar.until(() => (agent.toolbar.socket.isOpen ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function benchAgent(url: string, { agentId }: ClusterAgent): BenchAgent {
  const agent: BenchAgent = { opened: [], rangAt: [], toolbar: undefined as unknown as Toolbar };
  const onFrame = (frame: TServerWireEvent | Snapshot): void => {
    const receivedAt = wallClockMs();
    if (tally.measuring) tally.frames++;
    if (frame.eventName === 'EventRinging') {
      agent.rangAt.push(receivedAt);
      if (tally.measuring) tally.ring.push(receivedAt - frame.timestamp);
      void command(agent, 'Accept', frame.connectionId);
    } else if (frame.eventName === 'EventEstablished') {
      void command(agent, 'Hangup', frame.connectionId);
    } else if (frame.eventName === 'EventReleased') {
      tally.released.add(frame.connectionId);
    } else if (frame.eventName === 'Snapshot') {
      // A resynced session (the contact center moved on while no node watched): the calls as they are now.
      for (const call of frame.calls) {
        if (call.state === 'Ringing') void command(agent, 'Accept', call.connectionId);
        else if (call.state === 'Established') void command(agent, 'Hangup', call.connectionId);
      }
    }
  };
  agent.toolbar = new Toolbar(url, agentId, {
    frame: onFrame,
    opened: (frame: SessionOpened) => agent.opened.push({ at: wallClockMs(), resume: frame.resume }),
  });
  return agent;
}

/** Sign-ins that had to be tried again (the first socket did not open in time on the loaded machine). */
let signInRetries = 0;

async function signIn(url: string): Promise<BenchAgent[]> {
  const signedIn: BenchAgent[] = [];
  await inParallel(agents, 50, async (entry) => {
    const agent = benchAgent(url, entry);
    let opened = await agent.toolbar.socket.open();
    for (let attempt = 1; !opened && attempt < 5; attempt++) {
      signInRetries++;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      opened = await agent.toolbar.socket.open();
    }
    if (!opened) await failed(new Error(`${entry.agentId}: no socket after 5 tries`));
    const outcome = await agent.toolbar.send({ type: 'initialize' });
    if (!outcome.ok) await failed(new Error(`${entry.agentId}: initialize ${outcome.code} ${outcome.message}`));
    await agent.toolbar.event('EventAgentReady');
    signedIn.push(agent);
  });
  return signedIn;
}

/** Calls at RATE/s for `seconds` on the queue, through the simulator service's control API; `during(elapsed)` is called on each tick. */
async function placeCalls(cluster: Cluster, seconds: number, during: (elapsedMs: number) => void = () => undefined): Promise<void> {
  const total = Math.round(RATE * seconds);
  const started = performance.now();
  let placed = 0;
  const requests: Array<Promise<void>> = [];
  while (placed < total) {
    const elapsed = performance.now() - started;
    during(elapsed);
    const due = Math.min(total, Math.floor((elapsed / 1000) * RATE));
    for (; placed < due; placed++) {
      const from = `415${String(5_000_000 + tally.placed.size).padStart(7, '0')}`;
      requests.push(
        fetch(`${cluster.simUrl}/sim/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from, to: QUEUE }) })
          .then(async (response) => {
            const body = (await response.json()) as { connectionId?: string };
            if (body.connectionId) tally.placed.add(body.connectionId);
            else countFailure(`placeCall HTTP ${response.status}`);
          })
          .catch(() => countFailure('placeCall unreachable')),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(requests);
}

async function allReleased(limitMs: number): Promise<void> {
  const until = performance.now() + limitMs;
  while (performance.now() < until && [...tally.placed].some((id) => !tally.released.has(id))) await new Promise((resolve) => setTimeout(resolve, 50));
}

interface LoadFigures {
  ring: { p50: number; p95: number; p99: number };
  rings: number;
  eventsPerSecond: number;
  placed: number;
  released: number;
  failures: string;
}

async function measureLoad(cluster: Cluster): Promise<LoadFigures> {
  tally.ring = [];
  tally.frames = 0;
  tally.placed.clear();
  tally.released.clear();
  tally.failures.clear();
  tally.measuring = true;
  const started = performance.now();
  await placeCalls(cluster, DURATION);
  await allReleased(20_000);
  const seconds = (performance.now() - started) / 1000;
  tally.measuring = false;
  return {
    ring: percentiles(tally.ring),
    rings: tally.ring.length,
    eventsPerSecond: tally.frames / seconds,
    placed: tally.placed.size,
    released: [...tally.placed].filter((id) => tally.released.has(id)).length,
    failures: failuresText(),
  };
}

function failuresText(): string {
  return tally.failures.size === 0 ? 'none' : [...tally.failures].map(([what, count]) => `${what} ×${count}`).join(', ');
}

function signOut(signedIn: BenchAgent[]): void {
  for (const agent of signedIn) agent.toolbar.socket.close();
}

/** Sequenced events seen once each, in order, with no gap, for every agent; the agents that broke it. */
function lostOrRepeated(signedIn: BenchAgent[]): string[] {
  return signedIn.flatMap((agent) => {
    const seqs = agent.toolbar.seqs();
    const first = seqs[0] ?? 0;
    return seqs.every((seq, index) => seq === first + index) ? [] : [agent.toolbar.agentId];
  });
}

/** nginx's errors, but the refused connections to the dead node (each request went to the next node). */
function nginxErrors(cluster: Cluster): { refused: number; others: string[] } {
  const path = join(cluster.dir, 'nginx', 'error.log');
  if (!existsSync(path)) return { refused: 0, others: [] };
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /\[(error|crit|alert)\]/.test(line));
  const refused = lines.filter((line) => line.includes('(111: Connection refused) while connecting to upstream'));
  return { refused: refused.length, others: lines.filter((line) => !refused.includes(line)) };
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const loadLine = (figures: LoadFigures): string =>
  `ring p50 ${ms(figures.ring.p50)} · p95 ${ms(figures.ring.p95)} · p99 ${ms(figures.ring.p99)} (${figures.rings} rings) · ${figures.eventsPerSecond.toFixed(0)} events/s · calls ${figures.placed}/${figures.released} placed/released · failed commands: ${figures.failures}`;

const benchDir = mkdtempSync(join(tmpdir(), 'ctikit-bench-cluster-'));
const simConfig = join(benchDir, 'simulator.json');
writeFileSync(
  simConfig,
  JSON.stringify({
    agents: agents.map(({ agentId, dn }, i) => ({ agentId, dn, name: `Bench Agent ${i + 1}`, queues: [QUEUE] })),
    queues: [{ dn: QUEUE, name: 'Bench' }],
    ringTimeoutSec: 0,
  }),
);
// Every node sees every connection come from nginx (one address): the per-address cap is nginx's job here.
const nodeSettings = { maxConnectionsPerAddress: 0, heartbeatMs: 15_000, sessionGraceMs: (DURATION + FAILOVER + 600) * 1000, logLevel: 'warn' };

console.log(`bench:cluster — ${AGENTS} agents, ${RATE} calls/s for ${DURATION} s, then ${FAILOVER} s of calls around a kill -9`);

const single = new Cluster({ agents, simConfig, nodeSettings });
const cluster = new Cluster({ agents, simConfig, nodeSettings });
/** However the run ends, the processes it started go with it. */
let failing = false;
async function failed(error: unknown): Promise<never> {
  if (failing) return new Promise<never>(() => undefined);
  failing = true;
  console.error(error);
  for (const line of nginxErrors(cluster).others.slice(0, 3)) console.error(`nginx: ${line.slice(0, 300)}`);
  for (const [index, node] of cluster.nodes.entries()) {
    if (node && (node.exitCode !== null || node.signalCode !== null)) {
      const log = readFileSync(join(cluster.dir, `node-${index + 1}.log`), 'utf8')
        .trim()
        .split('\n');
      console.error(`node ${index + 1} exited (${node.exitCode ?? node.signalCode}); its log ends:\n${log.slice(-8).join('\n')}`);
    }
  }
  await Promise.allSettled([single.close(), cluster.close()]);
  rmSync(benchDir, { recursive: true, force: true });
  process.exit(1);
}
process.on('uncaughtException', (error) => void failed(error));
process.on('unhandledRejection', (error) => void failed(error));

// 1. One node on its own.
await single.startSim();
await single.startNode(0, LEASE_MS, true);
const singleUrl = `http://127.0.0.1:${single.nodePorts[0]}`;
let started = performance.now();
let signedIn = await signIn(singleUrl);
console.log(
  `one node: ${signedIn.length} agents signed in and Ready in ${((performance.now() - started) / 1000).toFixed(1)} s (sockets tried again: ${signInRetries}); calls coming in…`,
);
signInRetries = 0;
const one = await measureLoad(single);
console.log(`one node: ${loadLine(one)}`);
signOut(signedIn);
await single.close();

// 2. The cluster behind nginx.
await cluster.startRedis();
await cluster.startSim();
for (const index of [0, 1, 2]) await cluster.startNode(index, LEASE_MS);
await cluster.startNginx();
started = performance.now();
signedIn = await signIn(cluster.nginxUrl);
console.log(
  `cluster: ${signedIn.length} agents signed in and Ready in ${((performance.now() - started) / 1000).toFixed(1)} s (sockets tried again: ${signInRetries}); calls coming in…`,
);
const three = await measureLoad(cluster);
console.log(`cluster: ${loadLine(three)}`);

// 3. kill -9 of node 1 while calls come in.
const socketsBefore = await Promise.all(
  cluster.nodePorts.map(async (port) => ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { sockets?: number }).sockets ?? 0),
);
tally.placed.clear();
tally.released.clear();
tally.failures.clear();
let killedAt = 0;
const opensBefore = new Map(signedIn.map((agent) => [agent, agent.opened.length]));
await placeCalls(cluster, FAILOVER, (elapsed) => {
  if (killedAt === 0 && elapsed >= (FAILOVER * 1000) / 4) {
    killedAt = wallClockMs();
    void cluster.killNode(0);
  }
});
await allReleased(30_000);
const affected = signedIn.filter((agent) => agent.opened.length > (opensBefore.get(agent) ?? 0));
const resumed = affected.map((agent) => (agent.opened.find(({ at }) => at > killedAt)?.at ?? Number.NaN) - killedAt);
const resumeModes = new Map<string, number>();
for (const agent of affected)
  for (const { resume } of agent.opened.slice(opensBefore.get(agent) ?? 0)) resumeModes.set(resume, (resumeModes.get(resume) ?? 0) + 1);
const lastResume = Math.max(...resumed);
const rangAgain = signedIn.map((agent) => agent.rangAt.find((at) => at > killedAt)).filter((at): at is number => at !== undefined);
const broken = lostOrRepeated(signedIn);
const releasedAfter = [...tally.placed].filter((id) => tally.released.has(id)).length;
const errors = nginxErrors(cluster);

console.log(`
ctikit cluster benchmark — ${AGENTS} agents on one queue, ${RATE} calls/s for ${DURATION} s; 3 nodes + Redis + simulator service behind nginx, loopback
  one node                     ${loadLine(one)}
  three nodes behind nginx     ${loadLine(three)}
  cluster / one node           ring p50 ×${(three.ring.p50 / one.ring.p50).toFixed(2)} · p99 ×${(three.ring.p99 / one.ring.p99).toFixed(2)} · events/s ×${(three.eventsPerSecond / one.eventsPerSecond).toFixed(2)}
  failover (kill -9 of node 1) sockets on the nodes before: ${socketsBefore.join(' / ')}; ${affected.length} agents reconnected and resumed, the last ${ms(lastResume)} after the kill (p50 ${ms(percentiles(resumed).p50)}); sessions opened after it: ${[...resumeModes].map(([mode, count]) => `${mode} ×${count}`).join(', ')}
                               agents that rang after the kill: ${rangAgain.length}; calls ${tally.placed.size}/${releasedAfter} placed/released; failed commands: ${failuresText()}
  nothing lost                 ${broken.length === 0 ? `every agent's events seen once each, in order, no gap (${signedIn.length} agents)` : `${broken.length} agents with a gap or a duplicate: ${broken.slice(0, 5).join(', ')}`}
  nginx                        ${errors.refused} connections refused by the dead node, each sent to the next node; other errors: ${errors.others.length === 0 ? 'none' : `${errors.others.length}, e.g. ${errors.others.slice(0, 3).join(' | ')}`}`);
signOut(signedIn);
await cluster.close();
rmSync(benchDir, { recursive: true, force: true });
stopHardStop();
process.exit(broken.length === 0 && releasedAfter === tally.placed.size ? 0 : 1);
