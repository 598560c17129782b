import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { hardStopAfter, inParallel, metric, startChild, stopChild } from './support.ts';

/**
 * `npm run bench:soak`: does the bridge hold steady over time? A bridge runs in a child process
 * (dev mode) with AGENTS agents on one queue; the benchmark connects one socket per agent,
 * initializes them, then places RATE calls/s for MINUTES minutes; each agent accepts its call, and
 * hangs up once it is established. Every tenth of an agent's calls, it also drops its socket and
 * reconnects with its sessionId and resumeFrom, so replay and resume are soaked too. Every SAMPLE
 * seconds it reads the bridge's /metrics: RSS, heap, replay-buffer bytes, sessions, sockets.
 *
 * Growth is the last quarter's mean against the second quarter's (the first is warm-up); the run
 * prints the samples, the growth of each, and the calls placed and released. Options: AGENTS=200
 * RATE=20 MINUTES=5 SAMPLE=10, as environment variables or --agents, --rate, --minutes, --sample.
 */

const { values } = parseArgs({
  options: { agents: { type: 'string' }, rate: { type: 'string' }, minutes: { type: 'string' }, sample: { type: 'string' } },
});
const AGENTS = Number(values.agents ?? process.env['AGENTS'] ?? 200);
const RATE = Number(values.rate ?? process.env['RATE'] ?? 20);
const MINUTES = Number(values.minutes ?? process.env['MINUTES'] ?? 5);
const SAMPLE = Number(values.sample ?? process.env['SAMPLE'] ?? 10);
for (const [name, value] of Object.entries({ AGENTS, RATE, MINUTES, SAMPLE })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
}

const QUEUE = '9000';
const CLI = fileURLToPath(new URL('../packages/bridge/src/cli.ts', import.meta.url));
const stopHardStop = hardStopAfter(MINUTES * 60 + 180);

interface Sample {
  atSeconds: number;
  rssMb: number;
  heapMb: number;
  replayKb: number;
  sessions: number;
  sockets: number;
}

const dir = mkdtempSync(join(tmpdir(), 'ctikit-soak-'));
const agents = Array.from({ length: AGENTS }, (_, i) => ({ agentId: `soak${i + 1}`, name: `Soak Agent ${i + 1}`, dn: String(100_000 + i), queues: [QUEUE] }));
writeFileSync(join(dir, 'simulator.json'), JSON.stringify({ agents, queues: [{ dn: QUEUE, name: 'Soak' }], ringTimeoutSec: 0 }));
const { child, match: url } = await startChild(
  [CLI, 'start', '--port', '0', '--sim-config', join(dir, 'simulator.json'), '--log-level', 'warn'],
  /listening on (http:\/\/\S+)/,
  {
    // Every socket comes from one address (loopback): the per-address connection cap is off.
    CTIKIT_MAX_CONNECTIONS_PER_ADDRESS: '0',
  },
);

let failures = 0;
let released = 0;
let reconnects = 0;
const post = (path: string, body: unknown, agentId?: string): Promise<void> =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(agentId ? { 'x-agent-id': agentId } : {}) },
    body: JSON.stringify(body),
  }).then(async (response) => {
    if (!response.ok) failures++;
    await response.body?.cancel();
  });

const sockets = new Map<string, WebSocket>();

/** One agent's socket, reopened with its session and last seq after every tenth call. */
function connect(agentId: string, resume?: { sessionId: string; lastSeq: number }): Promise<void> {
  const query = new URLSearchParams({ agentId, ...(resume ? { sessionId: resume.sessionId, resumeFrom: String(resume.lastSeq) } : {}) });
  const ws = new WebSocket(`${url.replace('http', 'ws')}/genesysWs?${query.toString()}`, { perMessageDeflate: false });
  sockets.set(agentId, ws);
  let sessionId = resume?.sessionId ?? '';
  let lastSeq = resume?.lastSeq ?? 0;
  let calls = 0;
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(String(data)) as { eventName?: string; sessionId?: string; seq?: number; connectionId?: string };
    if (frame.eventName === 'SessionOpened' && frame.sessionId) sessionId = frame.sessionId;
    if (typeof frame.seq === 'number') lastSeq = frame.seq;
    if (frame.eventName === 'EventRinging' && frame.connectionId) void post('/genesys/events', { type: 'Accept', connectionId: frame.connectionId }, agentId);
    else if (frame.eventName === 'EventEstablished' && frame.connectionId)
      void post('/genesys/events', { type: 'Hangup', connectionId: frame.connectionId }, agentId);
    else if (frame.eventName === 'EventReleased') {
      released++;
      if (++calls % 10 === 0) {
        reconnects++;
        ws.removeAllListeners('message');
        ws.close();
        ws.once('close', () => void connect(agentId, { sessionId, lastSeq }));
      }
    }
  });
  return new Promise((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
}

async function sample(atSeconds: number): Promise<Sample> {
  const [rss, heap, replay, sessions, socketCount] = await Promise.all(
    [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'ctikit_bridge_replay_buffer_bytes',
      'ctikit_bridge_sessions',
      'ctikit_bridge_sockets',
    ].map((name) => metric(url, name)),
  );
  return {
    atSeconds,
    rssMb: (rss ?? 0) / 2 ** 20,
    heapMb: (heap ?? 0) / 2 ** 20,
    replayKb: (replay ?? 0) / 1024,
    sessions: sessions ?? 0,
    sockets: socketCount ?? 0,
  };
}

/** The last quarter's mean against the second quarter's, in per cent. */
function growth(samples: readonly Sample[], pick: (sample: Sample) => number): string {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (slice: readonly Sample[]) => slice.reduce((sum, entry) => sum + pick(entry), 0) / Math.max(1, slice.length);
  const early = mean(samples.slice(quarter, 2 * quarter));
  const late = mean(samples.slice(-quarter));
  return `${early.toFixed(1)} → ${late.toFixed(1)} (${early === 0 ? 'n/a' : `${(((late - early) / early) * 100).toFixed(1)} %`})`;
}

try {
  await inParallel(agents, 100, ({ agentId }) => connect(agentId));
  await inParallel(agents, 50, ({ agentId }) => post('/genesys/events', { type: 'initialize' }, agentId));
  console.log(`${AGENTS} agents connected; placing ${RATE} calls/s for ${MINUTES} min, sampling every ${SAMPLE} s…`);
  const samples: Sample[] = [];
  const started = performance.now();
  const total = Math.round(RATE * MINUTES * 60);
  let placed = 0;
  let nextSample = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const elapsed = (performance.now() - started) / 1000;
      const due = Math.min(total, Math.floor(elapsed * RATE));
      while (placed < due) void post('/sim/calls', { from: `415${String(5_000_000 + (placed++ % 4_000_000)).padStart(7, '0')}`, to: QUEUE });
      if (elapsed >= nextSample) {
        nextSample += SAMPLE;
        void sample(Math.round(elapsed)).then((entry) => {
          samples.push(entry);
          console.log(
            `  ${String(entry.atSeconds).padStart(5)} s  RSS ${entry.rssMb.toFixed(1)} MB  heap ${entry.heapMb.toFixed(1)} MB  replay ${entry.replayKb.toFixed(0)} KiB  sessions ${entry.sessions}  sockets ${entry.sockets}`,
          );
        });
      }
      if (placed >= total) resolve();
      else setTimeout(tick, 5);
    };
    tick();
  });
  const drainUntil = performance.now() + 15_000;
  while (released < placed && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
  samples.push(await sample(Math.round((performance.now() - started) / 1000)));
  console.log(`
ctikit soak benchmark — ${AGENTS} agents on one queue, ${RATE} calls/s for ${MINUTES} min, loopback
  calls placed / released   ${placed} / ${released}   (failed requests: ${failures}; socket reconnects with resume: ${reconnects})
  RSS MB                    ${growth(samples, (entry) => entry.rssMb)}
  heap MB                   ${growth(samples, (entry) => entry.heapMb)}
  replay KiB                ${growth(samples, (entry) => entry.replayKb)}
  sessions / sockets        ${samples.at(-1)?.sessions} / ${samples.at(-1)?.sockets}   (growth: second quarter's mean → last quarter's)`);
} finally {
  for (const ws of sockets.values()) ws.terminate();
  await stopChild(child);
  rmSync(dir, { recursive: true, force: true });
  stopHardStop();
}
