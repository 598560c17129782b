import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { ERROR_CODES } from '@ctikit/protocol';
import { ClientSocket, command, health, placeCall } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { restInput, socketFrame, upgradeRequest } from './fuzz-inputs.ts';
import type { RestInput } from './fuzz-inputs.ts';

/**
 * The fuzz run, shared by the bounded test in `npm test` and `npm run bench:fuzz`: batches of
 * generated REST requests, client frames and upgrades against a live bridge. Every answer must be
 * below 500 and, when it is an error, in the catalog's shape with a catalog code. After each batch
 * the canary agent (agent4, DN 5004, never named by the fuzz) gets a call, answers it and hangs up,
 * and the bridge's sessions, sockets and replay bytes stay within their bounds.
 */

export interface FuzzPlan {
  seed: number;
  batches: number;
  restPerBatch: number;
  framesPerBatch: number;
  upgradesPerBatch: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export interface FuzzFigures {
  rest: number;
  frames: number;
  upgrades: number;
  statuses: Record<number, number>;
  canaryCalls: number;
  heapUsedMb: number[];
  rssMb: number[];
}

/** Everything the bridge holds per agent is bounded: these are its limits for the fuzz's four agents. */
const MAX_SESSIONS = 4;

function fail(seed: number, what: string, input: unknown, detail: string): never {
  throw new Error(`fuzz (seed ${seed}): ${what} ${detail}\ninput: ${JSON.stringify(input)}`);
}

function isCatalogBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
    return body.ok === false && (ERROR_CODES as unknown[]).includes(body.error?.code) && typeof body.error?.message === 'string';
  } catch {
    return false;
  }
}

function send(url: URL, agent: Agent, input: RestInput): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, method: input.method, path: input.path, headers: input.headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end(input.body);
  });
}

/** Write a raw upgrade; return the status line's code and body. A socket that opened (101) is closed at once. */
function upgrade(url: URL, bytes: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      // An opened socket, or a whole answer on a connection kept alive: done.
      const [head = '', body] = text.split('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
      if (text.startsWith('HTTP/1.1 101 ') || (body !== undefined && length !== undefined && Buffer.byteLength(body, 'latin1') >= Number(length)))
        socket.destroy();
    });
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1] ?? 0), text: body });
    });
    socket.on('error', reject);
  });
}

async function inParallel<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/** The canary's call: placed, rung, accepted, established, hung up — over the same wire as the fuzz. */
async function canaryCall(t: TestBridge, canary: ClientSocket): Promise<void> {
  const connectionId = await placeCall(t, '4155550100', '5004');
  await canary.next((frame) => frame.eventName === 'EventRinging' && frame.connectionId === connectionId);
  const accepted = await command(t, 'agent4', { type: 'Accept', connectionId });
  if (accepted.status !== 200) throw new Error(`canary: Accept answered ${accepted.status} ${JSON.stringify(accepted.body)}`);
  await canary.next((frame) => frame.eventName === 'EventEstablished' && frame.connectionId === connectionId);
  const hungUp = await command(t, 'agent4', { type: 'Hangup', connectionId });
  if (hungUp.status !== 200) throw new Error(`canary: Hangup answered ${hungUp.status} ${JSON.stringify(hungUp.body)}`);
  await canary.next((frame) => frame.eventName === 'EventReleased' && frame.connectionId === connectionId);
}

async function metricValue(t: TestBridge, name: string): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

export async function runFuzz(t: TestBridge, plan: FuzzPlan): Promise<FuzzFigures> {
  const url = new URL(t.url);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const figures: FuzzFigures = { rest: 0, frames: 0, upgrades: 0, statuses: {}, canaryCalls: 0, heapUsedMb: [], rssMb: [] };
  const canary = await ClientSocket.agent(t, { agentId: 'agent4' });
  if ((await command(t, 'agent4', { type: 'initialize' })).status !== 200) throw new Error('canary: initialize failed');
  await canary.next('EventAgentReady');
  const listeners = await Promise.all(['agent1', 'agent2', 'agent3'].map((agentId) => ClientSocket.agent(t, { agentId })));
  try {
    for (let batch = 0; batch < plan.batches; batch++) {
      const seed = plan.seed + batch;
      const requests = fc.sample(restInput, { numRuns: plan.restPerBatch, seed });
      await inParallel(requests, plan.concurrency, async (input) => {
        const answer = await send(url, agent, input);
        figures.rest++;
        figures.statuses[answer.status] = (figures.statuses[answer.status] ?? 0) + 1;
        if (answer.status >= 500) fail(seed, 'REST answered', input, `${answer.status} ${answer.text}`);
        if (answer.status >= 400 && !isCatalogBody(answer.text)) fail(seed, 'REST error not in the catalog shape:', input, answer.text);
      });

      const frames = fc.sample(socketFrame, { numRuns: plan.framesPerBatch, seed });
      const listener = listeners[batch % listeners.length] as ClientSocket;
      const errorsBefore = listener.frames.filter((frame) => frame.eventName === 'EventError' && frame.errorCode === 'INVALID_FRAME').length;
      for (const frame of frames) listener.ws.send(frame);
      await listener.next(
        (frame) =>
          frame.eventName === 'EventError' &&
          frame.errorCode === 'INVALID_FRAME' &&
          listener.frames.filter((f) => f.errorCode === 'INVALID_FRAME').length >= errorsBefore + frames.length,
      );
      figures.frames += frames.length;

      const upgrades = fc.sample(upgradeRequest, { numRuns: plan.upgradesPerBatch, seed });
      await inParallel(upgrades, plan.concurrency, async (bytes) => {
        const answer = await upgrade(url, bytes);
        figures.upgrades++;
        figures.statuses[answer.status] = (figures.statuses[answer.status] ?? 0) + 1;
        // An upgrade that opened, or a request the bridge answered as plain HTTP (an empty Upgrade header makes an OPTIONS a preflight: 204).
        if (answer.status > 0 && answer.status < 400) return;
        if (answer.status === 0 || answer.status >= 500 || !isCatalogBody(answer.text))
          fail(seed, 'upgrade answered', bytes, `${answer.status} ${answer.text}`);
      });

      await canaryCall(t, canary);
      figures.canaryCalls++;
      const { sessions } = await health(t);
      if (sessions > MAX_SESSIONS) throw new Error(`fuzz (seed ${seed}): ${sessions} sessions for ${MAX_SESSIONS} agents`);
      const replayBytes = await metricValue(t, 'ctikit_bridge_replay_buffer_bytes');
      if (!(replayBytes <= MAX_SESSIONS * t.bridge.options.replayBufferBytes)) throw new Error(`fuzz (seed ${seed}): ${replayBytes} replay bytes held`);
      const memory = process.memoryUsage();
      figures.heapUsedMb.push(Math.round(memory.heapUsed / 2 ** 20));
      figures.rssMb.push(Math.round(memory.rss / 2 ** 20));
    }
  } finally {
    agent.destroy();
    await Promise.all([canary, ...listeners].map((socket) => socket.close()));
  }
  return figures;
}
