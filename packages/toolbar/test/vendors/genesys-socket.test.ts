import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type SessionOpened, type Snapshot, type TServerWireEvent } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import type { ConnectionStatus } from '../../src/core/connection-status.ts';
import type { Logger } from '../../src/core/logger.ts';
import { backoffDelay, DEFAULT_BACKOFF } from '../../src/vendors/genesys/backoff.ts';
import { BridgeSocket } from '../../src/vendors/genesys/bridge-socket.ts';
import { MemoryStorage } from '../../src/platform/storage.ts';
import { SessionStore } from '../../src/vendors/genesys/session-store.ts';

/**
 * The event socket's own rules — parsing, ordering, liveness, backoff — against a scripted peer on
 * a real WebSocket: a stand-in for the bridge that can misbehave the ways the real one never does
 * (garbage frames, repeated or missing seqs, silence, refusing every reconnect).
 */
class ScriptedPeer {
  readonly connections: Array<{ ws: WebSocket; url: URL }> = [];
  private waiters: Array<() => void> = [];
  private closed = false;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (ws, request) => {
      this.connections.push({ ws, url: new URL(request.url ?? '/', 'ws://peer') });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async start(): Promise<ScriptedPeer> {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    return new ScriptedPeer(server);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async connection(index: number): Promise<{ ws: WebSocket; url: URL }> {
    while (this.connections.length <= index) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.connections[index] as { ws: WebSocket; url: URL };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const { ws } of this.connections) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function sessionOpened(fields: Partial<SessionOpened> = {}): string {
  const frame: SessionOpened = {
    eventName: 'SessionOpened',
    timestamp: 1,
    sessionId: 'session-1',
    agentId: 'agent1',
    dn: '5001',
    lastSeq: 0,
    resume: 'fresh',
    heartbeatMs: 1000,
    ...fields,
  };
  return JSON.stringify(frame);
}

function event(seq: number, eventName: TServerWireEvent['eventName'] = 'EventAgentReady'): string {
  return JSON.stringify({ eventName, seq, timestamp: seq, thisDN: '5001' });
}

let peer: ScriptedPeer;
let clock: ManualClock;
let frames: Array<TServerWireEvent | Snapshot>;
let statuses: ConnectionStatus[];
let warnings: string[];
let created: number;
let socket: BridgeSocket;
let storage: MemoryStorage;
let waiters: Array<() => void>;

beforeEach(async () => {
  peer = await ScriptedPeer.start();
  clock = new ManualClock();
  frames = [];
  statuses = [];
  warnings = [];
  created = 0;
  waiters = [];
  storage = new MemoryStorage();
  const ignore = () => undefined;
  const log: Logger = { debug: ignore, info: ignore, warn: (_fields, message) => warnings.push(message), error: ignore };
  class CountedWebSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      created += 1;
    }
  }
  socket = new BridgeSocket({
    bridgeUrl: peer.url,
    credentials: { agentId: 'agent1' },
    socketTicket: () => Promise.reject(new Error('dev mode: no tickets')),
    WebSocket: CountedWebSocket,
    clock,
    log,
    store: new SessionStore(storage, 'session'),
    random: () => 0.5,
    backoff: DEFAULT_BACKOFF,
    connectTimeoutMs: 5000,
    delegate: {
      onOpened: () => undefined,
      onFrame: (frame) => {
        frames.push(frame);
        for (const wake of waiters.splice(0)) wake();
      },
      onStatus: (status) => {
        statuses.push(status);
        for (const wake of waiters.splice(0)) wake();
      },
    },
  });
});

afterEach(async () => {
  socket.close();
  await peer.close();
});

async function framesDelivered(count: number): Promise<number[]> {
  while (frames.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  return frames.map((frame) => ('seq' in frame ? (frame.seq ?? -1) : -1));
}

/** The status reported after the first `count`, once there is one. */
async function statusAfter(count: number): Promise<ConnectionStatus> {
  while (statuses.length <= count) await new Promise<void>((resolve) => waiters.push(resolve));
  return statuses[count] as ConnectionStatus;
}

/** Let the socket's pending promise continuations (token, URL, constructor) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

async function openSession(): Promise<WebSocket> {
  const opening = socket.open();
  const { ws } = await peer.connection(0);
  ws.send(sessionOpened());
  expect(await opening).toBe(true);
  return ws;
}

describe('BridgeSocket', () => {
  it('ignores frames that are not JSON or not protocol frames, logs them, and goes on', async () => {
    const opening = socket.open();
    const { ws, url } = await peer.connection(0);
    expect(url.pathname).toBe('/genesysWs');
    expect(url.searchParams.get('agentId')).toBe('agent1');
    ws.send('this is not json');
    ws.send(JSON.stringify({ eventName: 'EventRinging' }));
    ws.send(JSON.stringify({ eventName: 'EventTeleport', timestamp: 1 }));
    ws.send('[1, 2]');
    ws.send(sessionOpened());
    ws.send(event(1));
    expect(await opening).toBe(true);
    expect(await framesDelivered(1)).toEqual([1]);
    expect(warnings).toEqual([
      'ignored a socket frame that is not JSON',
      'ignored a socket frame the protocol does not know',
      'ignored a socket frame the protocol does not know',
      'ignored a socket frame the protocol does not know',
    ]);
    expect(statuses).toEqual([{ state: 'connecting' }, { state: 'connected' }]);
  });

  it('delivers each seq once, in order', async () => {
    const ws = await openSession();
    for (const seq of [1, 1, 2, 1, 2, 3]) ws.send(event(seq));
    expect(await framesDelivered(3)).toEqual([1, 2, 3]);
    expect(JSON.parse(storage.getItem('session') ?? '')).toEqual({ sessionId: 'session-1', lastSeq: 3 });
  });

  it('on a gap, reconnects and resumes from the last seq it has, to have the rest replayed', async () => {
    const ws = await openSession();
    const closed = once(ws, 'close');
    ws.send(event(1));
    ws.send(event(3));
    await framesDelivered(1);
    const [code] = (await closed) as [number];
    expect(code).toBe(4000);
    expect(statuses.at(-1)).toEqual({ state: 'reconnecting', reason: 'sequenceGap', attempt: 1 });

    clock.advance(backoffDelay(1, DEFAULT_BACKOFF, () => 0.5));
    const second = await peer.connection(1);
    expect(second.url.searchParams.get('sessionId')).toBe('session-1');
    expect(second.url.searchParams.get('resumeFrom')).toBe('1');
    second.ws.send(sessionOpened({ resume: 'replayed', lastSeq: 3 }));
    second.ws.send(event(2));
    second.ws.send(event(3));
    expect(await framesDelivered(3)).toEqual([1, 2, 3]);
    expect(statuses.at(-1)).toEqual({ state: 'connected' });
  });

  it('presumes the connection dead after 2.5 heartbeat intervals without a frame; any frame resets the count', async () => {
    const ws = await openSession();
    clock.advance(2000);
    ws.send(JSON.stringify({ eventName: 'Heartbeat', timestamp: 2 }));
    ws.send(event(1));
    await framesDelivered(1);
    clock.advance(2499);
    expect(socket.isOpen).toBe(true);
    clock.advance(1);
    expect(socket.isOpen).toBe(false);
    expect(statuses.at(-1)).toEqual({ state: 'reconnecting', reason: 'heartbeatTimeout', attempt: 1 });
  });

  it('backs off exponentially, with jitter, while the bridge keeps closing the door', async () => {
    const ws = await openSession();
    let seen = statuses.length;
    ws.terminate();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await statusAfter(seen)).toEqual({ state: 'reconnecting', reason: attempt === 1 ? 'socketClosed' : 'connectFailed', attempt });
      seen += 1;
      const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => 0.5);
      clock.advance(delay - 1);
      await settle();
      expect(created).toBe(attempt);
      clock.advance(1);
      const refused = await peer.connection(attempt);
      expect(created).toBe(attempt + 1);
      refused.ws.close();
    }
  });

  it('does not retry a first open that fails: the caller is told', async () => {
    await peer.close();
    expect(await socket.open()).toBe(false);
    expect(statuses).toEqual([{ state: 'connecting' }, { state: 'offline', reason: 'connectFailed' }]);
    clock.advance(60_000);
    await settle();
    expect(created).toBe(1);
  });
});

describe('backoffDelay', () => {
  const cases: Array<[attempt: number, random: number, delay: number]> = [
    [1, 0, 250],
    [1, 0.999_999, 500],
    [2, 0, 500],
    [3, 0.5, 1500],
    [6, 0, 8000],
    [7, 0.999_999, 30_000],
    [12, 0, 15_000],
  ];
  for (const [attempt, random, delay] of cases) {
    it(`attempt ${attempt}, random ${random} → ${delay} ms`, () => {
      expect(backoffDelay(attempt, DEFAULT_BACKOFF, () => random)).toBe(delay);
    });
  }
});
