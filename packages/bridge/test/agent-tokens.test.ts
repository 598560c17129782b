import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { http, postJson, startBridge } from './harness.ts';
import type { TestBridge } from './harness.ts';

/** auth.getJwtToken's source: the bridge signs a short-lived token naming the agent and publishes the key that verifies it. */

const ALEX_TOKEN = 'alex-token-0123456789abcdef';
const FUSION = 'https://fusion.example.com';

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

async function keySet(): Promise<JSONWebKeySet> {
  const answer = await http(`${t.url}/.well-known/jwks.json`);
  expect(answer.status).toBe(200);
  return answer.body as unknown as JSONWebKeySet;
}

describe('agent tokens', () => {
  it('names the caller’s agent, expires in 5 minutes, and verifies with the published JWKS only', async () => {
    t = await startBridge({});
    const answer = await postJson(`${t.url}/genesys/agentToken`, {}, { 'x-agent-id': 'agent2' });
    expect(answer).toMatchObject({ status: 200, body: { ok: true, expiresIn: 300 } });
    const { token } = answer.body as { token: string };
    const jwks = await keySet();
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const at = () => ({ currentDate: new Date(t.clock.now()) });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: 'ctikit-bridge', audience: 'ctikit-extensions', ...at() });
    expect(payload).toMatchObject({ sub: 'agent2', dn: '5002' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: jwks.keys[0]?.kid });
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(86)}`;
    await expect(jwtVerify(forged, createLocalJWKSet(jwks), at())).rejects.toThrow('signature verification failed');
    t.clock.advance(300_000);
    await expect(jwtVerify(token, createLocalJWKSet(jwks), at())).rejects.toThrow('"exp" claim timestamp check failed');
  });

  it('in production mode, only for a caller with a valid bearer token, and for that token’s agent', async () => {
    t = await startBridge({ mode: 'production', host: '127.0.0.1', tokens: [{ token: ALEX_TOKEN, agentId: 'agent1' }], allowedOrigins: [FUSION] });
    expect(await postJson(`${t.url}/genesys/agentToken`, {}, { 'x-agent-id': 'agent2' })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    const answer = await postJson(`${t.url}/genesys/agentToken`, {}, { authorization: `Bearer ${ALEX_TOKEN}`, 'x-agent-id': 'agent2' });
    expect(answer.status).toBe(200);
    const { payload } = await jwtVerify((answer.body as { token: string }).token, createLocalJWKSet(await keySet()), { currentDate: new Date(t.clock.now()) });
    expect(payload.sub).toBe('agent1');
  });
});
