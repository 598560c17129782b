import { afterEach, describe, expect, it } from 'vitest';
import { createBridge } from '../src/index.ts';
import { ClientSocket, http, postJson, refusedUpgrade, startBridge } from './harness.ts';
import type { TestBridge } from './harness.ts';

/** Production mode (tokens decide the agent, origin allow-list) and CORS in both modes. */

const ALEX_TOKEN = 'alex-token-0123456789abcdef';
const KENJI_TOKEN = 'kenji-token-0123456789abcdef';
const FUSION = 'https://fusion.example.com';

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

function production(extra: Parameters<typeof startBridge>[0] = {}): Promise<TestBridge> {
  return startBridge({
    mode: 'production',
    host: '127.0.0.1',
    tokens: [
      { token: ALEX_TOKEN, agentId: 'agent1' },
      { token: KENJI_TOKEN, agentId: 'agent2' },
    ],
    allowedOrigins: [FUSION],
    ...extra,
  });
}

function events(body: unknown, headers: Record<string, string> = {}) {
  return postJson(`${t.url}/genesys/events`, body, headers);
}

describe('production mode', () => {
  it('refuses REST calls and sockets without a valid token: 401 UNAUTHENTICATED', async () => {
    t = await production();
    expect(await events({ type: 'initialize' })).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    expect(await events({ type: 'initialize' }, { authorization: 'Bearer not-a-token' })).toMatchObject({ status: 401 });
    expect(await events({ type: 'initialize' }, { authorization: ALEX_TOKEN })).toMatchObject({ status: 401 });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs`)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await http(`${t.url}/genesys/reasonCodes`)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await http(`${t.url}/genesys/reasonCodes`, { headers: { authorization: `Bearer ${ALEX_TOKEN}` } })).toMatchObject({
      status: 200,
      body: { ok: true },
    });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs`, { authorization: 'Bearer wrong-token-0123456789' })).toMatchObject({ status: 401 });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs?access_token=${ALEX_TOKEN}`), 'a token in the URL is not taken').toMatchObject({ status: 401 });
  });

  it('the token alone decides the agent, whatever the client names', async () => {
    t = await production();
    const socket = await ClientSocket.open(`${t.wsUrl}/genesysWs?agentId=agent2`, { headers: { authorization: `Bearer ${ALEX_TOKEN}` } });
    await socket.next('SessionOpened');
    expect(socket.opened).toMatchObject({ agentId: 'agent1', dn: '5001' });
    const result = await events({ type: 'initialize' }, { authorization: `Bearer ${ALEX_TOKEN}`, 'x-agent-id': 'agent2' });
    expect(result.status).toBe(200);
    expect(await socket.next('EventRegistered')).toMatchObject({ thisDN: '5001' });
    const kenji = await ClientSocket.open(`${t.wsUrl}/genesysWs`, { headers: { authorization: `Bearer ${KENJI_TOKEN}` } });
    expect(await kenji.next('SessionOpened')).toMatchObject({ agentId: 'agent2' });
  });

  it('refuses a disallowed origin with 403 ORIGIN_NOT_ALLOWED, on REST and on the socket, even with a token', async () => {
    t = await production();
    const auth = { authorization: `Bearer ${ALEX_TOKEN}` };
    const refused = await events({ type: 'initialize' }, { ...auth, origin: 'https://evil.example' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await events({ type: 'initialize' }, { ...auth, origin: 'http://localhost:8080' })).toMatchObject({ status: 403 });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs`, { ...auth, origin: 'https://evil.example' })).toMatchObject({
      status: 403,
      body: { error: { code: 'ORIGIN_NOT_ALLOWED' } },
    });
  });

  it('answers an allowed origin with its own Access-Control-Allow-Origin, never *', async () => {
    t = await production();
    const preflight = await http(`${t.url}/genesys/events`, {
      method: 'OPTIONS',
      headers: { origin: FUSION, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(FUSION);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const result = await events({ type: 'initialize' }, { authorization: `Bearer ${ALEX_TOKEN}`, origin: FUSION });
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(FUSION);
    await ClientSocket.open(`${t.wsUrl}/genesysWs`, { headers: { authorization: `Bearer ${ALEX_TOKEN}`, origin: FUSION } }).then((s) => s.close());
  });

  it('serves no simulator control API unless enabled', async () => {
    t = await production();
    expect(await postJson(`${t.url}/sim/calls`, { from: '4155550123', to: '8000' }, { authorization: `Bearer ${ALEX_TOKEN}` })).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    expect(await refusedUpgrade(`${t.wsUrl}/sim/events?access_token=${ALEX_TOKEN}`)).toMatchObject({ status: 404 });
  });

  it('with the control API enabled, it needs a token too', async () => {
    t = await production({ simulatorControl: true });
    expect(await postJson(`${t.url}/sim/calls`, { from: '4155550123', to: '8000' })).toMatchObject({ status: 401 });
    expect(await postJson(`${t.url}/sim/calls`, { from: '4155550123', to: '8000' }, { authorization: `Bearer ${ALEX_TOKEN}` })).toMatchObject({
      status: 201,
    });
  });

  it('accepts tokens from a pluggable verifier', async () => {
    t = await production({ tokens: [], verifyToken: async (token) => (token === 'signed-by-idp' ? { agentId: 'agent3' } : undefined) });
    const socket = await ClientSocket.open(`${t.wsUrl}/genesysWs`, { headers: { authorization: 'Bearer signed-by-idp' } });
    await socket.next('SessionOpened');
    expect(socket.opened.agentId).toBe('agent3');
    expect(await events({ type: 'initialize' }, { authorization: 'Bearer forged' })).toMatchObject({ status: 401 });
  });

  it('refuses to start without tokens or an origin allow-list, or with a token for an unknown agent', () => {
    expect(() => createBridge({ mode: 'production', allowedOrigins: [FUSION] })).toThrow(/tokens/);
    expect(() => createBridge({ mode: 'production', tokens: [{ token: ALEX_TOKEN, agentId: 'agent1' }] })).toThrow(/allowedOrigins/);
    expect(() => createBridge({ mode: 'production', tokens: [{ token: ALEX_TOKEN, agentId: 'nobody' }], allowedOrigins: [FUSION] })).toThrow(/nobody/);
  });

  it('dev mode refuses to bind a non-loopback address', () => {
    expect(() => createBridge({ host: '0.0.0.0' })).toThrow(/loopback/);
  });
});

describe('dev mode CORS', () => {
  it('lets the toolbar page on another localhost port preflight and POST JSON', async () => {
    t = await startBridge();
    const origin = 'http://localhost:8080';
    const preflight = await http(`${t.url}/genesys/events`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const result = await events({ type: 'initialize' }, { origin });
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('refuses a non-local origin, and its preflight', async () => {
    t = await startBridge();
    const origin = 'https://evil.example';
    const preflight = await http(`${t.url}/genesys/events`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(preflight).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(await events({ type: 'initialize' }, { origin })).toMatchObject({ status: 403 });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs`, { origin })).toMatchObject({ status: 403 });
  });
});
