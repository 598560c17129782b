import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/**
 * The benchmark's raw baseline: what the bridge does for one inbound call, with nothing but
 * `node:http` and `ws` — no framework, no schemas, no sessions, replay or logs. The same REST
 * shape as the bridge: `POST /sim/calls {from, to}` offers a call to the longest-free agent (a
 * FIFO of free agents) and sends it EventRinging; `POST /genesys/events {type: Accept|Hangup,
 * connectionId}` with `x-agent-id` answers or releases it (EventEstablished, EventReleased, and the
 * agent is free again). Frames carry the fields the bridge's do (seq, timestamp, eventId, ANI…).
 * Sockets: `/genesysWs?agentId=…`. It prints `listening <port>` and runs until killed.
 */

interface Agent {
  agentId: string;
  dn: string;
  seq: number;
  socket: WebSocket | undefined;
  call: Call | undefined;
}

interface Call {
  connectionId: string;
  callUuid: string;
  eventId: string;
  ANI: string;
  DNIS: string;
  agent: Agent | undefined;
}

const agents = new Map<string, Agent>();
const free: Agent[] = [];
const waiting: Call[] = [];
const calls = new Map<string, Call>();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

function agentNamed(agentId: string): Agent {
  let agent = agents.get(agentId);
  if (!agent) {
    agent = { agentId, dn: String(100_000 + agents.size), seq: 0, socket: undefined, call: undefined };
    agents.set(agentId, agent);
    free.push(agent);
  }
  return agent;
}

function emit(agent: Agent, eventName: string, call: Call, fields: Record<string, unknown> = {}): void {
  agent.seq += 1;
  const frame = {
    eventName,
    thisDN: agent.dn,
    agentId: agent.agentId,
    connectionId: call.connectionId,
    callUuid: call.callUuid,
    callType: 'Inbound',
    ANI: call.ANI,
    DNIS: call.DNIS,
    otherDN: call.ANI,
    userData: {},
    eventId: call.eventId,
    ...fields,
    seq: agent.seq,
    timestamp: wallClockMs(),
  };
  agent.socket?.send(JSON.stringify(frame));
}

function offer(): void {
  while (waiting.length > 0 && free.length > 0) {
    const call = waiting.shift() as Call;
    const agent = free.shift() as Agent;
    call.agent = agent;
    agent.call = call;
    emit(agent, 'EventRinging', call, { callState: 'Ok' });
  }
}

function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

function answer(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'POST') return answer(response, 404, { ok: false, code: 'NOT_FOUND' });
  const input = await body(request);
  if (path === '/sim/calls') {
    const call: Call = {
      connectionId: randomBytes(8).toString('hex'),
      callUuid: randomUUID(),
      eventId: randomUUID(),
      ANI: String(input['from']),
      DNIS: String(input['to']),
      agent: undefined,
    };
    calls.set(call.connectionId, call);
    waiting.push(call);
    offer();
    return answer(response, 200, { ok: true, connectionId: call.connectionId, callUuid: call.callUuid });
  }
  if (path !== '/genesys/events') return answer(response, 404, { ok: false, code: 'NOT_FOUND' });
  const agent = agents.get(String(request.headers['x-agent-id']));
  const call = calls.get(String(input['connectionId']));
  if (!agent || !call || call.agent !== agent) return answer(response, 400, { ok: false, code: 'INVALID_CONNECTION_ID' });
  const referenceId = randomUUID();
  if (input['type'] === 'Accept') {
    emit(agent, 'EventEstablished', call, { referenceId });
  } else if (input['type'] === 'Hangup') {
    emit(agent, 'EventReleased', call, { referenceId, callState: 'Ok' });
    calls.delete(call.connectionId);
    agent.call = undefined;
    free.push(agent);
    offer();
  } else {
    return answer(response, 400, { ok: false, code: 'INVALID_COMMAND' });
  }
  return answer(response, 200, { ok: true, type: input['type'], referenceId });
}

const server = createServer((request, response) => {
  handle(request, response).catch(() => answer(response, 400, { ok: false, code: 'MALFORMED_REQUEST' }));
});

server.on('upgrade', (request, socket, head) => {
  const agentId = new URL(request.url ?? '/', 'http://bench.invalid').searchParams.get('agentId') ?? '';
  wss.handleUpgrade(request, socket, head, (ws) => {
    const agent = agentNamed(agentId);
    agent.socket = ws;
    ws.send(JSON.stringify({ eventName: 'SessionOpened', agentId, dn: agent.dn, seq: 0, timestamp: wallClockMs() }));
    ws.on('close', () => {
      if (agent.socket === ws) agent.socket = undefined;
    });
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
