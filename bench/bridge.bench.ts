import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { CallLoad, SUSTAINED, sweep } from './call-load.ts';
import type { StepResult } from './call-load.ts';
import {
  cpuSecondsOf,
  hardStopAfter,
  heapUsedAfterGc,
  inParallel,
  loadAverage,
  machine,
  percentiles,
  sleep,
  startChild,
  stopChild,
  wallClockMs,
} from './support.ts';

/**
 * `npm run bench:bridge`: how many calls the bridge sustains, and what each costs, against two
 * baselines found the same way in the same run; loopback only, stopping by itself.
 *
 * For each agent count (AGENTS, comma separated), three servers run one after another in a child
 * process each, with one client socket per agent:
 *   - bridge: the ctikit bridge (dev mode) with a generated simulator, AGENTS agents on one queue;
 *   - raw: `raw-bridge-server.ts`, the same REST shape and fan-out on bare `node:http` + `ws`;
 *   - bare: `bare-ws-server.ts`, frames of the bridge's EventRinging size pushed by the server itself.
 * Bridge and raw: calls are placed with `POST /sim/calls`, each agent accepts its ringing call and
 * hangs up when it is established. Each server gets its own sweep: START calls/s (bare: 3 × START
 * events/s, a call's three frames) doubling for STEP seconds each until a step is not sustained
 * (ring p99 end to end > 10 ms, < 95 % of rings delivered, or a call not released 2 s after the
 * last was placed), then REFINE bisections. The ring latency is measured end to end (control
 * request sent → EventRinging received) beside the frame's publish stamp; CPU is the server
 * process's own (/proc), per call and per delivered frame. The first step, at START calls/s, is
 * the fixed-load figure (CPU per call at 1,000 vs 5,000 agents). The run ends with a summary block
 * to paste into the README.
 *
 * Options (environment variables or --flags): AGENTS=1000 (e.g. 1000,5000) START=100 MAX=12800
 * STEP=5 REFINE=1 SERVERS=bridge,raw,bare; RING_P99_MS=10 (environment only) relaxes the latency
 * bound of "sustained" on a busy machine.
 */

const { values } = parseArgs({
  options: {
    agents: { type: 'string' },
    start: { type: 'string' },
    max: { type: 'string' },
    step: { type: 'string' },
    refine: { type: 'string' },
    servers: { type: 'string' },
  },
});
const option = (name: keyof typeof values, fallback: string): string => values[name] ?? process.env[name.toUpperCase()] ?? fallback;
const AGENT_COUNTS = option('agents', '1000').split(',').map(Number);
const START = Number(option('start', '100'));
const MAX = Number(option('max', '12800'));
const STEP = Number(option('step', '5'));
const REFINE = Number(option('refine', '1'));
const SERVERS = new Set(option('servers', 'bridge,raw,bare').split(','));
for (const [name, value] of Object.entries({ START, MAX, STEP, REFINE: REFINE + 1, ...Object.fromEntries(AGENT_COUNTS.map((n, i) => [`AGENTS[${i}]`, n])) })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
}

const QUEUE = '9000';
const CLI = fileURLToPath(new URL('../packages/bridge/src/cli.ts', import.meta.url));
const RAW = fileURLToPath(new URL('./raw-bridge-server.ts', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-ws-server.ts', import.meta.url));
/** A bare step's frames: a call's EventRinging, EventEstablished and EventReleased. */
const FRAMES_PER_CALL = 3;
/** Bridge and raw run with an inspector on a free port, through which the heap is read after a full GC. */
const INSPECT = ['--inspect=127.0.0.1:0'];

const stopHardStop = hardStopAfter(3_600);

interface Step {
  rate: number;
  sustained: boolean;
  eventsPerSecond: number;
  delivered: number;
  endToEnd: { p50: number; p95: number; p99: number };
  published?: { p50: number; p95: number; p99: number };
  cpuPerEventUs: number;
  cpuPerCallUs?: number;
  detail: string;
}

interface ServerRun {
  name: 'bridge' | 'raw' | 'bare';
  steps: Step[];
  ceiling: Step | undefined;
  /** The first step (START calls/s). */
  fixed: Step | undefined;
  heapPerSessionKiB?: number;
  ringBytes?: number;
}

function callStep(result: StepResult, cpuSeconds: number): Omit<Step, 'rate'> {
  const { endToEnd, published, acceptToEstablished } = result;
  return {
    sustained: result.sustained,
    eventsPerSecond: result.eventsPerSecond,
    delivered: result.delivered,
    endToEnd,
    published,
    cpuPerEventUs: (cpuSeconds * 1e6) / Math.max(1, result.framesTotal),
    cpuPerCallUs: (cpuSeconds * 1e6) / Math.max(1, result.placed),
    detail: `released ${result.released}/${result.placed} in 2 s, failed requests ${result.failedRequests}, Accept → EventEstablished p99 ${ms(acceptToEstablished.p99)}`,
  };
}

async function benchCalls(name: 'bridge' | 'raw', agents: number): Promise<ServerRun & { ringBytes: number }> {
  const agentIds = Array.from({ length: agents }, (_, i) => `bench${i + 1}`);
  const dir = mkdtempSync(join(tmpdir(), 'ctikit-bench-'));
  let started: Awaited<ReturnType<typeof startChild>>;
  if (name === 'bridge') {
    const simulator = {
      agents: agentIds.map((agentId, i) => ({ agentId, name: `Bench Agent ${i + 1}`, dn: String(100_000 + i), queues: [QUEUE] })),
      queues: [{ dn: QUEUE, name: 'Bench' }],
      ringTimeoutSec: 0,
    };
    writeFileSync(join(dir, 'simulator.json'), JSON.stringify(simulator));
    started = await startChild(
      [CLI, 'start', '--port', '0', '--sim-config', join(dir, 'simulator.json'), '--log-level', 'warn'],
      /listening on (http:\/\/\S+)/,
      // Every socket comes from one address (loopback): the per-address connection cap is off.
      { CTIKIT_SESSION_GRACE_MS: String(3_600_000), CTIKIT_MAX_CONNECTIONS_PER_ADDRESS: '0' },
      INSPECT,
    );
  } else {
    const raw = await startChild([RAW], /listening (\d+)/, {}, INSPECT);
    started = { ...raw, match: `http://127.0.0.1:${raw.match}` };
  }
  const { child, match: url } = started;
  const inspector = await started.inspector;
  const pid = child.pid as number;
  const load = new CallLoad(url, QUEUE);
  // Warm up (the servers' code is compiled on first use), then measure what the idle agents hold.
  await load.connect(agentIds.slice(0, 20));
  if (name === 'bridge') await inParallel(agentIds.slice(0, 20), 20, (agentId) => load.post('/genesys/events', { type: 'initialize' }, agentId));
  await load.run(START, 1);
  const heapBefore = await heapUsedAfterGc(inspector);
  const ready = new Set<string>();
  await load.connect(agentIds.slice(20), (agentId, frame) => {
    if (frame.eventName === 'EventAgentReady') ready.add(agentId);
  });
  if (name === 'bridge') {
    await inParallel(agentIds.slice(20), 50, (agentId) => load.post('/genesys/events', { type: 'initialize' }, agentId));
    while (ready.size < agents - 20) await sleep(20);
  }
  const heapPerSessionKiB = ((await heapUsedAfterGc(inspector)) - heapBefore) / (agents - 20) / 1024;
  console.log(`${name}: ${agents} agents connected${name === 'bridge' ? ' and Ready' : ''}; sweeping from ${START} calls/s, ${STEP} s a step…`);
  let ringBytes = 0;
  const { steps, ceiling } = await sweep(START, MAX, REFINE, async (rate) => {
    const cpuBefore = cpuSecondsOf(pid);
    const result = await load.run(rate, STEP);
    const step = { ...callStep(result, cpuSecondsOf(pid) - cpuBefore), rate };
    ringBytes ||= result.ringBytes;
    console.log(`  ${name} ${stepLine(step)}`);
    return step;
  });
  load.close();
  await stopChild(child);
  rmSync(dir, { recursive: true, force: true });
  return { name, steps, ceiling, fixed: steps[0], ringBytes, heapPerSessionKiB };
}

async function benchBare(agents: number, frameBytes: number): Promise<ServerRun> {
  const { child, match: port } = await startChild([BARE], /listening (\d+)/);
  const pid = child.pid as number;
  let latencies: number[] = [];
  let received = 0;
  const sockets: WebSocket[] = [];
  await inParallel(
    Array.from({ length: agents }, (_, i) => i),
    100,
    async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
      sockets.push(ws);
      ws.on('message', (data: Buffer) => {
        latencies.push(wallClockMs() - (JSON.parse(String(data)) as { timestamp: number }).timestamp);
        received++;
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    },
  );
  console.log(`bare: ${agents} sockets connected; sweeping from ${START * FRAMES_PER_CALL} frames/s…`);
  const { steps, ceiling } = await sweep(START * FRAMES_PER_CALL, MAX * FRAMES_PER_CALL, REFINE, async (rate) => {
    latencies = [];
    received = 0;
    const cpuBefore = cpuSecondsOf(pid);
    const query = new URLSearchParams({ rate: String(rate), seconds: String(STEP), bytes: String(frameBytes) });
    const { sent } = (await (await fetch(`http://127.0.0.1:${port}/run?${query.toString()}`, { method: 'POST' })).json()) as { sent: number };
    const deliverBy = performance.now() + SUSTAINED.releasedWithinMs;
    while (received < sent && performance.now() < deliverBy) await sleep(5);
    const cpuSeconds = cpuSecondsOf(pid) - cpuBefore;
    const endToEnd = percentiles(latencies);
    const delivered = received / sent;
    const step: Step = {
      rate,
      sustained: endToEnd.p99 <= SUSTAINED.ringP99Ms && delivered >= SUSTAINED.delivered,
      eventsPerSecond: received / STEP,
      delivered,
      endToEnd,
      cpuPerEventUs: (cpuSeconds * 1e6) / Math.max(1, received),
      detail: `${received}/${sent} frames`,
    };
    console.log(`  bare ${stepLine(step)}`);
    return step;
  });
  for (const ws of sockets) ws.terminate();
  await stopChild(child);
  return { name: 'bare', steps, ceiling, fixed: steps[0] };
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function stepLine(step: Step): string {
  const published = step.published ? `  publish-stamped p99 ${ms(step.published.p99)}` : '';
  const perCall = step.cpuPerCallUs !== undefined ? `  ${step.cpuPerCallUs.toFixed(0)} µs CPU/call` : '';
  return (
    `${String(step.rate).padStart(6)} /s: ${step.sustained ? 'sustained' : 'NOT sustained'}  ${Math.round(step.eventsPerSecond)} events/s  ` +
    `delivered ${(step.delivered * 100).toFixed(1)} %  end-to-end p50 ${ms(step.endToEnd.p50)} p99 ${ms(step.endToEnd.p99)}${published}  ` +
    `${step.cpuPerEventUs.toFixed(1)} µs CPU/event${perCall}  (${step.detail})`
  );
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? 'n/a' : `×${(a / b).toFixed(2)}`;
}

const loadAtStart = loadAverage();
const results = new Map<number, ServerRun[]>();
for (const agents of AGENT_COUNTS) {
  const runs: ServerRun[] = [];
  let ringBytes = 600;
  for (const name of ['bridge', 'raw'] as const) {
    if (!SERVERS.has(name)) continue;
    const run = await benchCalls(name, agents);
    if (name === 'bridge' || !SERVERS.has('bridge')) ringBytes = run.ringBytes || ringBytes;
    runs.push(run);
  }
  if (SERVERS.has('bare')) runs.push(await benchBare(agents, ringBytes));
  results.set(agents, runs);
}

const lines = [
  `ctikit bench:bridge — ${new Date().toISOString()}, ${machine()}`,
  `load average at start ${loadAtStart}, at end ${loadAverage()}; sweep from ${START} calls/s doubling, ${STEP} s a step, ${REFINE} bisection(s);`,
  `sustained = end-to-end ring p99 ≤ ${SUSTAINED.ringP99Ms} ms, ≥ ${SUSTAINED.delivered * 100} % delivered, every call released within 2 s`,
];
for (const [agents, runs] of results) {
  lines.push(`${agents} agents:`);
  for (const run of runs) {
    const c = run.ceiling;
    const f = run.fixed;
    const ceiling = c
      ? `${Math.round(c.eventsPerSecond)} events/s (step ${c.rate}/s), p99 ${ms(c.endToEnd.p99)}, ${c.cpuPerEventUs.toFixed(1)} µs CPU/event`
      : 'none sustained';
    const fixed = f
      ? `at ${START} calls/s: ${f.cpuPerCallUs !== undefined ? `${f.cpuPerCallUs.toFixed(0)} µs CPU/call, ` : ''}${f.cpuPerEventUs.toFixed(1)} µs CPU/event, p99 ${ms(f.endToEnd.p99)}${f.published ? ` (publish-stamped ${ms(f.published.p99)})` : ''}`
      : '';
    const heap =
      run.heapPerSessionKiB !== undefined
        ? `, heap per idle ${run.name === 'raw' ? 'socket' : 'session'} ${run.heapPerSessionKiB.toFixed(1)} KiB (after a full GC)`
        : '';
    lines.push(`  ${run.name.padEnd(6)} ceiling ${ceiling}; ${fixed}${heap}`);
  }
  const by = (name: string) => runs.find((run) => run.name === name);
  const bridge = by('bridge');
  for (const base of ['raw', 'bare']) {
    const other = by(base);
    if (!bridge || !other) continue;
    lines.push(
      `  bridge/${base}: ceiling ${ratio(bridge.ceiling?.eventsPerSecond, other.ceiling?.eventsPerSecond)}, ` +
        `CPU/event at ceiling ${ratio(bridge.ceiling?.cpuPerEventUs, other.ceiling?.cpuPerEventUs)}, at ${START} calls/s ${ratio(bridge.fixed?.cpuPerEventUs, other.fixed?.cpuPerEventUs)}`,
    );
  }
}
const bridgeAt = AGENT_COUNTS.map((agents) => results.get(agents)?.find((run) => run.name === 'bridge')?.fixed?.cpuPerCallUs);
if (bridgeAt.length > 1 && bridgeAt.every((value) => value !== undefined)) {
  lines.push(
    `bridge CPU/call at ${START} calls/s, ${AGENT_COUNTS.join(' → ')} agents: ${bridgeAt.map((value) => value.toFixed(0)).join(' → ')} µs (${ratio(bridgeAt.at(-1), bridgeAt[0])})`,
  );
}
console.log(`\n---- summary (paste) ----\n${lines.join('\n')}\n-------------------------`);
stopHardStop();
