import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSocket, refusedUpgrade, startBridge, until } from '../harness.ts';
import type { TestBridge } from '../harness.ts';

/** Slow clients are bounded: headers, bodies, idle keep-alive and upgrades time out; one address holds a capped number of connections. */

const ALEX_TOKEN = 'alex-token-0123456789abcdef';

let t: TestBridge;
const opened: Socket[] = [];
afterEach(async () => {
  for (const socket of opened.splice(0)) socket.destroy();
  await t.close();
});

/** A raw connection that records what the server sends and when it closes. */
function open(localAddress = '127.0.0.1'): Promise<{ socket: Socket; text: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect({ port: Number(new URL(t.url).port), host: '127.0.0.1', localAddress });
    opened.push(socket);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('connect', () => resolve({ socket, text: () => text, closed }));
    socket.once('error', reject);
  });
}

function catalogAnswer(text: string): { status: number; body: unknown } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]), body: JSON.parse(body) };
}

const SHORT = { headersMs: 200, requestMs: 400, keepAliveMs: 200, idleMs: 5_000, upgradeMs: 1_000 };

describe('timeouts', () => {
  it('a body that never finishes gets 408 CLIENT_TIMEOUT and its connection closes', async () => {
    t = await startBridge({ timeouts: SHORT });
    const client = await open();
    client.socket.write('POST /genesys/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type"');
    await client.closed;
    expect(catalogAnswer(client.text())).toMatchObject({ status: 408, body: { ok: false, error: { code: 'CLIENT_TIMEOUT' } } });
  });

  it('headers that never finish get 408 CLIENT_TIMEOUT', async () => {
    t = await startBridge({ timeouts: SHORT });
    const client = await open();
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    await client.closed;
    expect(catalogAnswer(client.text())).toMatchObject({ status: 408, body: { error: { code: 'CLIENT_TIMEOUT' } } });
  });

  it('an idle keep-alive connection is closed after its answer', async () => {
    t = await startBridge({ timeouts: SHORT });
    const client = await open();
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await client.closed;
    expect(client.text()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('an upgrade whose token verification never answers is refused after upgradeMs; a socket once open is not timed out', async () => {
    let verifying = false;
    t = await startBridge({
      mode: 'production',
      host: '127.0.0.1',
      allowedOrigins: ['https://fusion.example.com'],
      tokens: [{ token: ALEX_TOKEN, agentId: 'agent1' }],
      verifyToken: () => {
        verifying = true;
        return new Promise(() => undefined);
      },
      timeouts: SHORT,
    });
    const answer = refusedUpgrade(`${t.wsUrl}/genesysWs`, { authorization: 'Bearer not-a-known-token-000' });
    await until(() => verifying);
    t.clock.advance(SHORT.upgradeMs);
    expect(await answer).toMatchObject({
      status: 504,
      body: {
        ok: false,
        error: {
          code: 'REQUEST_TIMEOUT',
          message: `The bridge could not admit the socket within ${SHORT.upgradeMs} ms (its origin and token checks did not finish): retry shortly.`,
        },
      },
    });
    const alex = await ClientSocket.agent(t, {}, { authorization: `Bearer ${ALEX_TOKEN}` });
    t.clock.advance(SHORT.upgradeMs);
    expect(alex.ws.readyState).toBe(alex.ws.OPEN);
    await alex.close();
  });
});

describe('connections per client address', () => {
  it('answers one over the cap with 429 RATE_LIMITED; other addresses and later connections are served', async () => {
    t = await startBridge({ maxConnectionsPerAddress: 3 });
    const agent = await ClientSocket.agent(t, { agentId: 'agent1' });
    const idle = await Promise.all([open(), open()]);
    const over = await open();
    await over.closed;
    expect(catalogAnswer(over.text())).toMatchObject({
      status: 429,
      body: { ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('3 connections') } },
    });
    expect(idle.map((client) => [client.socket.destroyed, client.text()])).toEqual([
      [false, ''],
      [false, ''],
    ]);
    const elsewhere = await open('127.0.0.2');
    elsewhere.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    await elsewhere.closed;
    expect(elsewhere.text()).toMatch(/^HTTP\/1\.1 200 /);
    idle[0]?.socket.destroy();
    await idle[0]?.closed;
    const later = await open();
    later.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    await later.closed;
    expect(later.text()).toMatch(/^HTTP\/1\.1 200 /);
    expect(agent.ws.readyState).toBe(agent.ws.OPEN);
  });
});
