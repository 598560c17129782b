import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { cpuSecondsOf, hardStopAfter, inParallel, loadAverage, machine, median, percentiles, sleep, startChild, stopChild } from './support.ts';

/**
 * `npm run bench:storm`: every agent's socket drops at once and reconnects with resume, on the
 * bridge and on a bare `ws` server in the same run, loopback only. The bridge (dev mode) has
 * AGENTS agents, each initialized and Ready; each client then drops its socket, and all reconnect
 * together (at most CONCURRENCY opening at a time, the same for both) with their `sessionId` and
 * `resumeFrom` REPLAY frames back, so the bridge replays those frames after SessionOpened. The bare
 * server (`bare-ws-server.ts ?replay=`) sends a SessionOpened and as many frames of the same size.
 * A socket has caught up when the frame with SessionOpened's `lastSeq` arrives. The figures: the
 * time until every socket caught up, each socket's time from its dial to caught up, and the
 * server's CPU over the storm; bare and bridge alternate ROUNDS times.
 *
 * Options: AGENTS=1000 REPLAY=3 CONCURRENCY=256 ROUNDS=2, as environment variables or --agents,
 * --replay, --concurrency, --rounds.
 */

const { values } = parseArgs({
  options: { agents: { type: 'string' }, replay: { type: 'string' }, concurrency: { type: 'string' }, rounds: { type: 'string' } },
});
const AGENTS = Number(values.agents ?? process.env['AGENTS'] ?? 1000);
const REPLAY = Number(values.replay ?? process.env['REPLAY'] ?? 3);
const CONCURRENCY = Number(values.concurrency ?? process.env['CONCURRENCY'] ?? 256);
const ROUNDS = Number(values.rounds ?? process.env['ROUNDS'] ?? 2);
for (const value of [AGENTS, REPLAY, CONCURRENCY, ROUNDS]) if (!Number.isInteger(value) || value <= 0) throw new Error('options must be positive integers');

const CLI = fileURLToPath(new URL('../packages/bridge/src/cli.ts', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-ws-server.ts', import.meta.url));
const stopHardStop = hardStopAfter(1_800);

interface Client {
  agentId: string;
  sessionId: string;
  lastSeq: number;
  ws: WebSocket | undefined;
}

interface Frame {
  eventName?: string;
  seq?: number;
  lastSeq?: number;
  sessionId?: string;
}

interface Storm {
  seconds: number;
  perSocket: { p50: number; p95: number; p99: number };
  cpuSeconds: number;
  caughtUp: number;
}

/** Open a socket to `url` and resolve when the frame with SessionOpened's lastSeq (or a Snapshot) arrived. */
function open(url: string, client: Client): Promise<number> {
  const started = performance.now();
  const ws = new WebSocket(url, { perMessageDeflate: false });
  client.ws = ws;
  return new Promise((resolve, reject) => {
    let target: number | undefined;
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.eventName === 'SessionOpened') {
        if (frame.sessionId !== undefined) client.sessionId = frame.sessionId;
        target = frame.lastSeq ?? 0;
      }
      if (typeof frame.seq === 'number') client.lastSeq = frame.seq;
      if (target !== undefined && (client.lastSeq >= target || frame.eventName === 'Snapshot')) {
        target = Number.POSITIVE_INFINITY;
        resolve(performance.now() - started);
      }
    });
    ws.once('error', reject);
  });
}

async function storm(clients: Client[], urlOf: (client: Client) => string, pid: number): Promise<Storm> {
  const closed = clients.map((client) => new Promise((resolve) => client.ws?.once('close', resolve)));
  for (const client of clients) client.ws?.terminate();
  await Promise.all(closed);
  await sleep(1_000);
  const perSocket: number[] = [];
  const cpuBefore = cpuSecondsOf(pid);
  const started = performance.now();
  await inParallel(clients, CONCURRENCY, async (client) => {
    perSocket.push(await open(urlOf(client), client));
  });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSocket: percentiles(perSocket), cpuSeconds: cpuSecondsOf(pid) - cpuBefore, caughtUp: perSocket.length };
}

const agentIds = Array.from({ length: AGENTS }, (_, i) => `storm${i + 1}`);
const dir = mkdtempSync(join(tmpdir(), 'ctikit-storm-'));
writeFileSync(
  join(dir, 'simulator.json'),
  JSON.stringify({
    agents: agentIds.map((agentId, i) => ({ agentId, name: `Storm Agent ${i + 1}`, dn: String(300_000 + i), queues: ['9000'] })),
    queues: [{ dn: '9000', name: 'Storm' }],
  }),
);
const loadAtStart = loadAverage();
const bridgeChild = await startChild(
  [CLI, 'start', '--port', '0', '--sim-config', join(dir, 'simulator.json'), '--log-level', 'warn'],
  /listening on (http:\/\/\S+)/,
  { CTIKIT_MAX_CONNECTIONS_PER_ADDRESS: '0', CTIKIT_SESSION_GRACE_MS: '3600000' },
);
const bridgeUrl = bridgeChild.match;
const bareChild = await startChild([BARE], /listening (\d+)/);

// Bridge clients: a socket and a Ready agent each; their last seq is where they resume from.
const bridgeClients: Client[] = agentIds.map((agentId) => ({ agentId, sessionId: '', lastSeq: 0, ws: undefined }));
let frameBytes = 0;
await inParallel(bridgeClients, 100, async (client) => {
  const opened = open(`${bridgeUrl.replace('http', 'ws')}/genesysWs?agentId=${client.agentId}`, client);
  await opened;
  const ready = new Promise<void>((resolve) =>
    client.ws?.on('message', (data: Buffer) => {
      if ((JSON.parse(String(data)) as Frame).eventName === 'EventAgentReady') {
        frameBytes = data.length;
        resolve();
      }
    }),
  );
  const response = await fetch(`${bridgeUrl}/genesys/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-agent-id': client.agentId },
    body: '{"type":"initialize"}',
  });
  await response.text();
  await ready;
});
const bridgeResumeUrl = (client: Client): string => {
  const query = new URLSearchParams({ agentId: client.agentId, sessionId: client.sessionId, resumeFrom: String(Math.max(0, client.lastSeq - REPLAY)) });
  return `${bridgeUrl.replace('http', 'ws')}/genesysWs?${query.toString()}`;
};
const bareClients: Client[] = agentIds.map((agentId) => ({ agentId, sessionId: '', lastSeq: 0, ws: undefined }));
const bareUrl = (): string => `ws://127.0.0.1:${bareChild.match}/?replay=${REPLAY}&bytes=${frameBytes}`;
await inParallel(bareClients, 100, async (client) => {
  await open(bareUrl(), client);
});
console.log(
  `${AGENTS} agents connected to both; storms of ${AGENTS} resumes (${REPLAY} frames of ${frameBytes} bytes replayed each), ${CONCURRENCY} dialing at a time…`,
);

const runs: { bridge: Storm[]; bare: Storm[] } = { bridge: [], bare: [] };
for (let i = 0; i < ROUNDS; i++) {
  const bare = await storm(bareClients, bareUrl, bareChild.child.pid as number);
  runs.bare.push(bare);
  const bridge = await storm(bridgeClients, bridgeResumeUrl, bridgeChild.child.pid as number);
  runs.bridge.push(bridge);
  for (const [name, result] of [
    ['bare', bare],
    ['bridge', bridge],
  ] as const) {
    console.log(
      `  ${name.padEnd(6)} all ${result.caughtUp} caught up in ${result.seconds.toFixed(2)} s; per socket p50 ${result.perSocket.p50.toFixed(1)} ms p99 ${result.perSocket.p99.toFixed(1)} ms; server CPU ${(result.cpuSeconds * 1000).toFixed(0)} ms (${((result.cpuSeconds * 1e6) / AGENTS).toFixed(0)} µs per resume)`,
    );
  }
}
for (const client of [...bridgeClients, ...bareClients]) client.ws?.terminate();
await stopChild(bridgeChild.child);
await stopChild(bareChild.child);
rmSync(dir, { recursive: true, force: true });

const seconds = (storms: Storm[]) => median(storms.map((s) => s.seconds));
const cpu = (storms: Storm[]) => median(storms.map((s) => (s.cpuSeconds * 1e6) / AGENTS));
console.log(`
---- summary (paste) ----
ctikit bench:storm — ${new Date().toISOString()}, ${machine()}
load average at start ${loadAtStart}, at end ${loadAverage()}; ${AGENTS} resumes, ${REPLAY} frames replayed each, ${CONCURRENCY} dialing at a time, ${ROUNDS} round(s), medians
  bridge: all caught up in ${seconds(runs.bridge).toFixed(2)} s (rounds: ${runs.bridge.map((s) => s.seconds.toFixed(2)).join(', ')}), ${cpu(runs.bridge).toFixed(0)} µs CPU per resume
  bare ws: all caught up in ${seconds(runs.bare).toFixed(2)} s (rounds: ${runs.bare.map((s) => s.seconds.toFixed(2)).join(', ')}), ${cpu(runs.bare).toFixed(0)} µs CPU per resume
  bridge/bare: time ×${(seconds(runs.bridge) / seconds(runs.bare)).toFixed(2)}, CPU ×${(cpu(runs.bridge) / cpu(runs.bare)).toFixed(2)}
-------------------------`);
stopHardStop();
