import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { cpuSecondsOf, hardStopAfter, inParallel, loadAverage, machine, median, percentiles, sleep, startChild, stopChild } from './support.ts';

/**
 * `npm run bench:commands`: REST command round trips on the bridge against a bare Fastify route
 * in the same run, loopback only. The bridge (dev mode, log level warn, the per-agent rate limit
 * raised out of the way) has AGENTS agents, each with its socket open and Ready; each of IN_FLIGHT
 * workers sends one agent's commands back to back for SECONDS — NotReady and Ready in turn, each
 * a full command (access hooks, schema, the contact center's request, the event on the agent's
 * socket). The baseline (`bare-fastify-server.ts`) answers the same requests with a bare route.
 * Each in-flight level runs bare and bridge alternately ROUNDS times; the figures are throughput,
 * p50/p99 round trip and the server process's CPU per command (/proc).
 *
 * Options: IN_FLIGHT=1,64 SECONDS=5 ROUNDS=2, as environment variables or --in-flight, --seconds,
 * --rounds; CPU_PROF_DIR (environment only) runs the bridge with `--cpu-prof` into that folder.
 */

const { values } = parseArgs({ options: { 'in-flight': { type: 'string' }, seconds: { type: 'string' }, rounds: { type: 'string' } } });
const IN_FLIGHT = (values['in-flight'] ?? process.env['IN_FLIGHT'] ?? '1,64').split(',').map(Number);
const SECONDS = Number(values.seconds ?? process.env['SECONDS'] ?? 5);
const ROUNDS = Number(values.rounds ?? process.env['ROUNDS'] ?? 2);
for (const value of [...IN_FLIGHT, SECONDS, ROUNDS]) if (!Number.isFinite(value) || value <= 0) throw new Error('options must be positive numbers');

const AGENTS = Math.max(...IN_FLIGHT);
const CLI = fileURLToPath(new URL('../packages/bridge/src/cli.ts', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-fastify-server.ts', import.meta.url));
const stopHardStop = hardStopAfter(IN_FLIGHT.length * ROUNDS * 2 * (SECONDS + 10) + 120);

interface Round {
  perSecond: number;
  latency: { p50: number; p95: number; p99: number };
  cpuPerCommandUs: number;
  failures: number;
}

const agentIds = Array.from({ length: AGENTS }, (_, i) => `cmd${i + 1}`);
/** Agents whose next command is Ready (they are NotReady now); the others get NotReady. */
const notReady = new Set<string>();

/** `inFlight` workers, each sending one agent's commands back to back for SECONDS. */
async function round(url: string, pid: number, inFlight: number, seconds = SECONDS): Promise<Round> {
  const latencies: number[] = [];
  let failures = 0;
  const cpuBefore = cpuSecondsOf(pid);
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    agentIds.slice(0, inFlight).map(async (agentId) => {
      while (performance.now() < until) {
        const sent = performance.now();
        const type = notReady.has(url + agentId) ? 'Ready' : 'NotReady';
        const response = await fetch(`${url}/genesys/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-agent-id': agentId },
          body: JSON.stringify({ type }),
        });
        if (response.ok && type === 'Ready') notReady.delete(url + agentId);
        else if (response.ok) notReady.add(url + agentId);
        const text = await response.text();
        latencies.push(performance.now() - sent);
        if (!response.ok) {
          failures++;
          if (failures === 1) console.log(`    first failure: ${response.status} ${text}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    perSecond: latencies.length / elapsed,
    latency: percentiles(latencies),
    cpuPerCommandUs: ((cpuSecondsOf(pid) - cpuBefore) * 1e6) / Math.max(1, latencies.length),
    failures,
  };
}

async function startBridge(dir: string): Promise<{ url: string; pid: number; stop: () => Promise<void>; sockets: WebSocket[] }> {
  const simulator = {
    agents: agentIds.map((agentId, i) => ({ agentId, name: `Command Agent ${i + 1}`, dn: String(200_000 + i), queues: ['9000'] })),
    queues: [{ dn: '9000', name: 'Bench' }],
  };
  writeFileSync(join(dir, 'simulator.json'), JSON.stringify(simulator));
  const { child, match: url } = await startChild(
    [CLI, 'start', '--port', '0', '--sim-config', join(dir, 'simulator.json'), '--log-level', 'warn'],
    /listening on (http:\/\/\S+)/,
    { CTIKIT_MAX_CONNECTIONS_PER_ADDRESS: '0', CTIKIT_RATE_PER_SECOND: '1000000000', CTIKIT_RATE_BURST: '1000000000' },
    process.env['CPU_PROF_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['CPU_PROF_DIR']}`] : [],
  );
  const sockets: WebSocket[] = [];
  await inParallel(agentIds, 16, async (agentId) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/genesysWs?agentId=${agentId}`, { perMessageDeflate: false });
    sockets.push(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const response = await fetch(`${url}/genesys/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-agent-id': agentId },
      body: '{"type":"initialize"}',
    });
    if (!response.ok) throw new Error(`initialize ${agentId}: ${response.status}`);
    await response.text();
  });
  return { url, pid: child.pid as number, sockets, stop: () => stopChild(child) };
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

const loadAtStart = loadAverage();
const dir = mkdtempSync(join(tmpdir(), 'ctikit-commands-'));
const bridge = await startBridge(dir);
const bareChild = await startChild([BARE], /listening (http:\/\/\S+)/);
const bare = { url: bareChild.match, pid: bareChild.child.pid as number };
// Warm up both (their code is compiled on first use).
await round(bridge.url, bridge.pid, AGENTS, 1);
await round(bare.url, bare.pid, AGENTS, 1);

const results: Array<{ inFlight: number; bridge: Round[]; bare: Round[] }> = [];
for (const inFlight of IN_FLIGHT) {
  const entry = { inFlight, bridge: [] as Round[], bare: [] as Round[] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, target] of [
      ['bare', bare],
      ['bridge', bridge],
    ] as const) {
      const result = await round(target.url, target.pid, inFlight);
      entry[name].push(result);
      console.log(
        `  ${name.padEnd(6)} in flight ${String(inFlight).padStart(3)}: ${Math.round(result.perSecond)} /s  p50 ${ms(result.latency.p50)}  p99 ${ms(result.latency.p99)}  ${result.cpuPerCommandUs.toFixed(1)} µs CPU/command  (failed ${result.failures})`,
      );
      await sleep(500);
    }
  }
  results.push(entry);
}
for (const ws of bridge.sockets) ws.terminate();
await bridge.stop();
await stopChild(bareChild.child);
rmSync(dir, { recursive: true, force: true });

const lines = [
  `ctikit bench:commands — ${new Date().toISOString()}, ${machine()}`,
  `load average at start ${loadAtStart}, at end ${loadAverage()}; ${SECONDS} s a round, bare and bridge alternating, ${ROUNDS} round(s) each; medians over rounds`,
];
for (const { inFlight, bridge: b, bare: f } of results) {
  const rate = (rounds: Round[]) => median(rounds.map((r) => r.perSecond));
  const p99 = (rounds: Round[]) => median(rounds.map((r) => r.latency.p99));
  const cpu = (rounds: Round[]) => median(rounds.map((r) => r.cpuPerCommandUs));
  lines.push(
    `  in flight ${inFlight}: bridge ${Math.round(rate(b))} /s p99 ${ms(p99(b))} ${cpu(b).toFixed(1)} µs CPU · bare Fastify ${Math.round(rate(f))} /s p99 ${ms(p99(f))} ${cpu(f).toFixed(1)} µs CPU · bridge/bare throughput ${((100 * rate(b)) / rate(f)).toFixed(0)} %, CPU ×${(cpu(b) / cpu(f)).toFixed(2)}`,
  );
}
console.log(`\n---- summary (paste) ----\n${lines.join('\n')}\n-------------------------`);
stopHardStop();
