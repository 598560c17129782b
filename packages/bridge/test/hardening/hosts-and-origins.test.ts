import { afterEach, describe, expect, it } from 'vitest';
import { startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { jsonOf, rawExchange, rawRequest } from './raw-http.ts';

/** DNS rebinding: the Host header never vouches for an Origin, and dev mode serves loopback names only. */

const ALEX_TOKEN = 'alex-token-0123456789abcdef';
const FUSION = 'https://fusion.example.com';

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

function upgrade(headers: Record<string, string>, path = '/genesysWs'): string {
  const lines = Object.entries({
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  });
  return `GET ${path} HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
}

describe('dev mode: a rebound host name reaches nothing', () => {
  it('refuses a command, the simulator and a socket for Host evil.example with a matching Origin: 403 HOST_NOT_ALLOWED', async () => {
    t = await startBridge();
    const rebound = { host: 'evil.example:9400', origin: 'http://evil.example:9400', 'content-type': 'application/json' };
    const commandAnswer = await rawRequest(`${t.url}/genesys/events`, { method: 'POST', headers: rebound, body: '{"type":"initialize"}' });
    expect(commandAnswer.status).toBe(403);
    expect(jsonOf(commandAnswer)).toMatchObject({ ok: false, error: { code: 'HOST_NOT_ALLOWED' } });
    const simAnswer = await rawRequest(`${t.url}/sim/calls`, { method: 'POST', headers: rebound, body: '{"from":"4155550123","to":"8000"}' });
    expect(simAnswer.status).toBe(403);
    expect(t.sim.listCalls()).toEqual([]);
    const socketAnswer = await rawExchange(t.url, upgrade({ host: 'evil.example:9400', origin: 'http://evil.example:9400' }));
    expect(socketAnswer).toMatch(/^HTTP\/1.1 403 /);
    expect(socketAnswer).toContain('"HOST_NOT_ALLOWED"');
    expect(t.bridge.backend.snapshot('5001').agent.state).toBe('LoggedOut');
  });

  it('serves loopback host names', async () => {
    t = await startBridge();
    for (const host of ['localhost:8087', '127.0.0.1:8087', '[::1]:8087', 'toolbar.localhost']) {
      const answer = await rawRequest(`${t.url}/genesys/reasonCodes`, { headers: { host } });
      expect(answer.status, host).toBe(200);
    }
  });
});

describe('production mode: Origin is compared with allowedOrigins, never with Host', () => {
  it('refuses an Origin that only matches the Host header', async () => {
    t = await startBridge({ mode: 'production', host: '127.0.0.1', tokens: [{ token: ALEX_TOKEN, agentId: 'agent1' }], allowedOrigins: [FUSION] });
    const headers = { host: 'evil.example', origin: 'https://evil.example', authorization: `Bearer ${ALEX_TOKEN}`, 'content-type': 'application/json' };
    const answer = await rawRequest(`${t.url}/genesys/events`, { method: 'POST', headers, body: '{"type":"initialize"}' });
    expect(answer.status).toBe(403);
    expect(jsonOf(answer)).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
    const socketAnswer = await rawExchange(t.url, upgrade({ host: 'evil.example', origin: 'https://evil.example' }, `/genesysWs?access_token=${ALEX_TOKEN}`));
    expect(socketAnswer).toMatch(/^HTTP\/1.1 403 /);
    expect(socketAnswer).toContain('"ORIGIN_NOT_ALLOWED"');
    const allowed = await rawRequest(`${t.url}/genesys/events`, { method: 'POST', headers: { ...headers, origin: FUSION }, body: '{"type":"initialize"}' });
    expect(allowed.status).toBe(200);
  });
});
