import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { hardStopAfter, inParallel, metric, percentiles, startChild, stopChild, wallClockMs } from './support.ts';

/**
 * `npm run bench:bridge`: the bridge under a call-center load, on loopback only, stopping by itself.
 *
 * A bridge runs in a child process (dev mode) with a generated simulator: AGENTS agents on one
 * queue. The benchmark connects one socket per agent, initializes every agent, then places inbound
 * calls at RATE calls/s through the control API for DURATION seconds; each agent accepts its ringing
 * call and hangs up once it is established. It reports ring latency (the frame's timestamp, set by
 * the bridge when the simulator event reached it, to the client's receipt), Accept → EventEstablished,
 * events/s, heap per idle session, and the same fan-out through a bare `ws` server as a baseline.
 *
 * Options: AGENTS=1000 RATE=100 DURATION=10 (seconds), as environment variables or --agents,
 * --rate, --duration.
 */

const { values } = parseArgs({ options: { agents: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' } } });
const AGENTS = Number(values.agents ?? process.env['AGENTS'] ?? 1000);
const RATE = Number(values.rate ?? process.env['RATE'] ?? 100);
const DURATION = Number(values.duration ?? process.env['DURATION'] ?? 10);
for (const [name, value] of Object.entries({ AGENTS, RATE, DURATION })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
}

const QUEUE = '9000';
const CLI = fileURLToPath(new URL('../packages/bridge/src/cli.ts', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-ws-server.ts', import.meta.url));

const stopHardStop = hardStopAfter(DURATION + 180);

interface Load {
  ring: number[];
  accept: number[];
  frames: number;
  ringBytes: number;
  placed: number;
  released: number;
  failures: number;
  /** The bridge process's CPU seconds (user + system) over the measured load. */
  cpuSeconds: number;
  /** Seconds from the first call placed to the last released (or the drain limit). */
  seconds: number;
}

async function benchBridge(): Promise<{ load: Load; heapPerSession: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ctikit-bench-'));
  const agents = Array.from({ length: AGENTS }, (_, i) => ({
    agentId: `bench${i + 1}`,
    name: `Bench Agent ${i + 1}`,
    dn: String(100_000 + i),
    queues: [QUEUE],
  }));
  writeFileSync(join(dir, 'simulator.json'), JSON.stringify({ agents, queues: [{ dn: QUEUE, name: 'Bench' }], ringTimeoutSec: 0 }));
  const { child, match: url } = await startChild(
    [CLI, 'start', '--port', '0', '--sim-config', join(dir, 'simulator.json'), '--log-level', 'warn'],
    /listening on (http:\/\/\S+)/,
    // Every socket comes from one address (loopback): the per-address connection cap is off.
    { CTIKIT_SESSION_GRACE_MS: String((DURATION + 600) * 1000), CTIKIT_MAX_CONNECTIONS_PER_ADDRESS: '0' },
  );
  const post = (path: string, body: unknown, agentId?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(agentId ? { 'x-agent-id': agentId } : {}) },
      body: JSON.stringify(body),
    }).then((response) => {
      if (!response.ok) load.failures++;
      return response.body?.cancel();
    });

  const load: Load = { ring: [], accept: [], frames: 0, ringBytes: 0, placed: 0, released: 0, failures: 0, cpuSeconds: 0, seconds: 0 };
  let measuring = false;
  const heapBefore = await metric(url, 'nodejs_heap_size_used_bytes');
  const sockets: WebSocket[] = [];
  const ready: Array<Promise<void>> = [];

  await inParallel(agents, 100, async ({ agentId }) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/genesysWs?agentId=${agentId}`, { perMessageDeflate: false });
    sockets.push(ws);
    const acceptStarted = new Map<string, number>();
    let markReady: () => void = () => undefined;
    ready.push(new Promise<void>((resolve) => (markReady = resolve)));
    ws.on('message', (data: Buffer) => {
      const receivedAt = wallClockMs();
      const frame = JSON.parse(String(data)) as { eventName: string; timestamp: number; connectionId?: string };
      if (measuring) load.frames++;
      if (frame.eventName === 'EventAgentReady') markReady();
      if (frame.eventName === 'EventRinging' && frame.connectionId) {
        load.ring.push(receivedAt - frame.timestamp);
        load.ringBytes += data.length;
        acceptStarted.set(frame.connectionId, performance.now());
        void post('/genesys/events', { type: 'Accept', connectionId: frame.connectionId }, agentId);
      } else if (frame.eventName === 'EventEstablished' && frame.connectionId) {
        const started = acceptStarted.get(frame.connectionId);
        if (started !== undefined) load.accept.push(performance.now() - started);
        acceptStarted.delete(frame.connectionId);
        void post('/genesys/events', { type: 'Hangup', connectionId: frame.connectionId }, agentId);
      } else if (frame.eventName === 'EventReleased') {
        load.released++;
      }
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  });
  await inParallel(agents, 50, ({ agentId }) => post('/genesys/events', { type: 'initialize' }, agentId));
  await Promise.all(ready);
  const heapAfter = await metric(url, 'nodejs_heap_size_used_bytes');

  console.log(`${AGENTS} agents connected and Ready; placing ${RATE} calls/s for ${DURATION} s…`);
  measuring = true;
  const cpuBefore = await metric(url, 'process_cpu_seconds_total');
  const started = performance.now();
  const total = Math.round(RATE * DURATION);
  const inFlight: Array<Promise<unknown>> = [];
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
      while (load.placed < due) {
        const from = `415${String(5_000_000 + load.placed).padStart(7, '0')}`;
        inFlight.push(post('/sim/calls', { from, to: QUEUE }));
        load.placed++;
      }
      if (load.placed >= total) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.all(inFlight);
  const drainUntil = performance.now() + 15_000;
  while (load.released < load.placed && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
  const elapsed = (performance.now() - started) / 1000;
  measuring = false;
  load.cpuSeconds = (await metric(url, 'process_cpu_seconds_total')) - cpuBefore;
  load.seconds = elapsed;
  load.frames = load.frames / elapsed;

  for (const ws of sockets) ws.terminate();
  await stopChild(child);
  rmSync(dir, { recursive: true, force: true });
  return { load, heapPerSession: (heapAfter - heapBefore) / AGENTS };
}

async function benchBare(eventsPerSecond: number, frameBytes: number): Promise<number[]> {
  const { child, match: port } = await startChild([BARE], /listening (\d+)/);
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  await inParallel(
    Array.from({ length: AGENTS }, (_, i) => i),
    100,
    async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
      sockets.push(ws);
      ws.on('message', (data: Buffer) => latencies.push(wallClockMs() - (JSON.parse(String(data)) as { timestamp: number }).timestamp));
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    },
  );
  const query = new URLSearchParams({ rate: String(Math.max(1, Math.round(eventsPerSecond))), seconds: String(DURATION), bytes: String(frameBytes) });
  await fetch(`http://127.0.0.1:${port}/run?${query.toString()}`, { method: 'POST' }).then((r) => r.text());
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const ws of sockets) ws.terminate();
  await stopChild(child);
  return latencies;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

const { load, heapPerSession } = await benchBridge();
const ring = percentiles(load.ring);
const accept = percentiles(load.accept);
const frameBytes = Math.round(load.ringBytes / Math.max(1, load.ring.length));
console.log(`Baseline: a bare ws server sending ${Math.round(load.frames)} frames/s of ${frameBytes} bytes…`);
const bare = percentiles(await benchBare(load.frames, frameBytes));

console.log(`
ctikit bridge benchmark — ${AGENTS} agents on one queue, ${RATE} calls/s for ${DURATION} s, loopback
  calls placed / released         ${load.placed} / ${load.released}   (failed requests: ${load.failures})
  ring latency (event → client)   p50 ${ms(ring.p50)}   p95 ${ms(ring.p95)}   p99 ${ms(ring.p99)}   (${load.ring.length} rings)
  Accept → EventEstablished       p50 ${ms(accept.p50)}   p95 ${ms(accept.p95)}   p99 ${ms(accept.p99)}
  events delivered                ${Math.round(load.frames)} /s
  bridge CPU                      ${((load.cpuSeconds * 1e6) / Math.max(1, load.placed)).toFixed(0)} µs per call   ${((load.cpuSeconds * 1e6) / Math.max(1, load.frames * load.seconds)).toFixed(1)} µs per delivered event
  heap per idle session           ${(heapPerSession / 1024).toFixed(1)} KiB   (heap delta / agents, no forced GC)
  bare ws baseline (same rate)    p50 ${ms(bare.p50)}   p95 ${ms(bare.p95)}   p99 ${ms(bare.p99)}
  bridge / bare ring latency      p50 ×${(ring.p50 / bare.p50).toFixed(1)}   p95 ×${(ring.p95 / bare.p95).toFixed(1)}   p99 ×${(ring.p99 / bare.p99).toFixed(1)}`);
stopHardStop();
