import { WebSocket } from 'ws';
import { ManualClock } from '@ctikit/kernel';
import type { SessionOpened } from '@ctikit/protocol';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterSimulator, SimulatorConfigInput } from '@ctikit/contact-center';
import { createBridge } from '../src/index.ts';
import type { Bridge, BridgeOptionsInput } from '../src/index.ts';

/**
 * Test harness: a real bridge listening on an ephemeral loopback port, backed by the real simulator
 * on a ManualClock (the bridge's timers run on the same clock), reached with real HTTP (fetch) and
 * real WebSockets (`ws`).
 */

/** A frame as the client parsed it; the fields tests read most are typed. */
export interface Frame {
  eventName: string;
  seq?: number;
  eventId?: string;
  connectionId?: string;
  [field: string]: unknown;
}

export interface TestBridge {
  bridge: Bridge;
  sim: ContactCenterSimulator;
  clock: ManualClock;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

export async function startBridge(
  options: Omit<BridgeOptionsInput, 'backend' | 'simulator' | 'clock' | 'simulatorConfig'> & { simulatorConfig?: SimulatorConfigInput } = {},
): Promise<TestBridge> {
  const { simulatorConfig, ...rest } = options;
  const clock = new ManualClock();
  const sim = createSimulator(parseSimulatorConfig(simulatorConfig ?? DEFAULT_TEST_CONFIG), clock);
  const bridge = createBridge({ port: 0, logLevel: 'silent', staticDirs: [], backend: sim, simulator: sim, clock, ...rest });
  const url = await bridge.listen();
  return {
    bridge,
    sim,
    clock,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    async close() {
      await bridge.close();
      await sim.close();
    },
  };
}

/** Four agents on two queues, rings never time out unless a test says so. */
export const DEFAULT_TEST_CONFIG: SimulatorConfigInput = {
  agents: [
    { agentId: 'agent1', name: 'Alex Morgan', dn: '5001', queues: ['8000', '8001'] },
    { agentId: 'agent2', name: 'Kenji Sato', dn: '5002', queues: ['8000'] },
    { agentId: 'agent3', name: 'Maria Lopez', dn: '5003', queues: ['8001'] },
    { agentId: 'agent4', name: 'Sam Lee', dn: '5004', queues: [] },
  ],
  queues: [
    { dn: '8000', name: 'Support' },
    { dn: '8001', name: 'Sales' },
  ],
  reasonCodes: [
    { code: 'Break', label: 'Break' },
    { code: 'Lunch', label: 'Lunch' },
  ],
  ringTimeoutSec: 0,
};

export interface HttpResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function http(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return http(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A command from an agent (dev mode: named by X-Agent-Id). */
export function command(t: TestBridge, agentId: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return postJson(`${t.url}/genesys/events`, body, { 'x-agent-id': agentId, ...headers });
}

/** The simulator's control API. */
export function sim(t: TestBridge, path: string, body?: unknown): Promise<HttpResult> {
  return body === undefined ? http(`${t.url}/sim${path}`, { method: 'POST' }) : postJson(`${t.url}/sim${path}`, body);
}

export async function placeCall(t: TestBridge, from: string, to: string, userData?: Record<string, string>): Promise<string> {
  const result = await sim(t, '/calls', { from, to, ...(userData ? { userData } : {}) });
  if (result.status !== 201) throw new Error(`placeCall failed: ${JSON.stringify(result.body)}`);
  return result.body['connectionId'] as string;
}

/**
 * One client socket and every frame it received, in order. `next(name)` returns the next frame
 * with that name after the last one taken (waiting for it if needed); `sequenced()` the frames
 * carrying a seq.
 */
export class ClientSocket {
  readonly frames: Frame[] = [];
  private cursor = 0;
  private waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  static async open(url: string, init: { headers?: Record<string, string>; autoPong?: boolean } = {}): Promise<ClientSocket> {
    const ws = new WebSocket(url, { headers: init.headers ?? {}, autoPong: init.autoPong ?? true });
    const socket = new ClientSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  /** Open an agent socket and wait for its SessionOpened. */
  static async agent(t: TestBridge, query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<ClientSocket> {
    const params = new URLSearchParams(query).toString();
    const socket = await ClientSocket.open(`${t.wsUrl}/genesysWs${params ? `?${params}` : ''}`, { headers });
    await socket.next('SessionOpened');
    return socket;
  }

  get opened(): SessionOpened {
    const frame = this.frames.find((f) => f.eventName === 'SessionOpened');
    if (!frame) throw new Error('no SessionOpened yet');
    return frame as unknown as SessionOpened;
  }

  async next(match: string | ((frame: Frame) => boolean)): Promise<Frame> {
    const test = typeof match === 'string' ? (frame: Frame) => frame.eventName === match : match;
    for (;;) {
      for (let index = this.cursor; index < this.frames.length; index++) {
        const frame = this.frames[index] as Frame;
        if (test(frame)) {
          this.cursor = index + 1;
          return frame;
        }
      }
      this.cursor = this.frames.length;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The next `count` frames after the cursor, whatever they are. */
  async take(count: number): Promise<Frame[]> {
    while (this.frames.length < this.cursor + count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    const taken = this.frames.slice(this.cursor, this.cursor + count);
    this.cursor += count;
    return taken;
  }

  sequenced(): Frame[] {
    return this.frames.filter((frame) => frame.seq !== undefined);
  }

  names(): string[] {
    return this.frames.map((frame) => frame.eventName);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

/** An agent with a socket, initialized (Ready) and its initialize events consumed. */
export async function readyAgent(t: TestBridge, agentId: string): Promise<ClientSocket> {
  const socket = await ClientSocket.agent(t, { agentId });
  const result = await command(t, agentId, { type: 'initialize' });
  if (result.status !== 200) throw new Error(`initialize failed: ${JSON.stringify(result.body)}`);
  await socket.next('EventAgentReady');
  return socket;
}

/** An agent logged in but NotReady (`initialize` with `ready: false`), with its socket. */
export async function notReadyAgent(t: TestBridge, agentId: string): Promise<ClientSocket> {
  const socket = await ClientSocket.agent(t, { agentId });
  const result = await command(t, agentId, { type: 'initialize', ready: false });
  if (result.status !== 200) throw new Error(`initialize failed: ${JSON.stringify(result.body)}`);
  await socket.next('EventAgentNotReady');
  return socket;
}

/** An inbound call from the customer to `to`, ringing at `socket`'s agent; returns the EventRinging. */
export async function ringing(t: TestBridge, socket: ClientSocket, from = '4155550123', to = '8000'): Promise<Frame> {
  const connectionId = await placeCall(t, from, to);
  return socket.next((frame) => frame.eventName === 'EventRinging' && frame['connectionId'] === connectionId);
}

/** An inbound call answered by the agent from the toolbar; returns the EventEstablished. */
export async function talking(t: TestBridge, socket: ClientSocket, agentId: string, from = '4155550123', to = '8000'): Promise<Frame> {
  const ring = await ringing(t, socket, from, to);
  await command(t, agentId, { type: 'Accept', connectionId: ring['connectionId'] });
  return socket.next('EventEstablished');
}

/** Try to open a socket that the bridge should refuse before the upgrade; returns the HTTP answer. */
export function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
    ws.on('unexpected-response', (_request, response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
  });
}

/** Wait until `condition` holds, checking after each turn of the event loop (the test timeout bounds it). */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** The bridge's view of its sessions and sockets. */
export async function health(t: TestBridge): Promise<{ sessions: number; sockets: number }> {
  const { body } = await http(`${t.url}/healthz`);
  return body as { sessions: number; sockets: number };
}
