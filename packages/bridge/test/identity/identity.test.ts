import { afterEach, describe, expect, it } from 'vitest';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { ClientSocket, http, postJson, refusedUpgrade, startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { signWith, startLocalIssuer, strayKey } from './local-issuer.ts';
import type { LocalIssuer } from './local-issuer.ts';

/**
 * Production identity over real HTTP and WebSocket: Fusion's trust token (certificate or JWKS) and
 * an OIDC provider (discovery + JWKS), both from a local issuer with keys generated here; the
 * directory; one-time socket tickets; a socket closed when its token expires and resumed after
 * signing in again; the bridge's own JWKS.
 */

const TOOLBAR = 'https://toolbar.example.com';
const FUSION_ISSUER = 'www.oracle.com';

const DIRECTORY = {
  agents: [
    { user: 'alex.morgan@example.com', agentId: 'agent1', dn: '5001', login: 'amorgan' },
    { user: 'kenji.sato@example.com', agentId: 'agent2' },
  ],
};

let t: TestBridge | undefined;
const issuers: LocalIssuer[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  await Promise.all(issuers.splice(0).map((issuer) => issuer.close()));
});

async function issuer(options: Parameters<typeof startLocalIssuer>[0] = {}): Promise<LocalIssuer> {
  const started = await startLocalIssuer({ now: () => t?.clock.now() ?? Date.now(), ...options });
  issuers.push(started);
  return started;
}

/** Heartbeats far apart: the tests move the clock by minutes, and pongs need real time. */
function production(identity: Record<string, unknown>): Promise<TestBridge> {
  return startBridge({
    mode: 'production',
    host: '127.0.0.1',
    allowedOrigins: [TOOLBAR],
    heartbeatMs: 600_000,
    identity: { directory: DIRECTORY, ...identity },
  });
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, origin: TOOLBAR };
}

function reasonCodes(bridge: TestBridge, token: string) {
  return http(`${bridge.url}/genesys/reasonCodes`, { headers: bearer(token) });
}

async function ticketFor(bridge: TestBridge, token: string): Promise<string> {
  const answer = await postJson(`${bridge.url}/genesys/ticket`, {}, bearer(token));
  expect(answer).toMatchObject({ status: 200, body: { ok: true, expiresInSec: 30 } });
  return answer.body['ticket'] as string;
}

/** A Fusion bridge (certificate) with its issuer, the clock set so tokens are signed at the bridge's now. */
async function fusionBridge(extra: Record<string, unknown> = {}): Promise<{ bridge: TestBridge; fusion: LocalIssuer }> {
  const fusion = await issuer({ issuer: FUSION_ISSUER });
  t = await production({ fusion: { certificate: await fusion.certificate() }, ...extra });
  return { bridge: t, fusion };
}

describe("Fusion's trust token", () => {
  it("signs the directory's agent in: REST, a ticket, and the socket as that agent and DN, whatever the client names", async () => {
    const { bridge, fusion } = await fusionBridge();
    const token = await fusion.sign({ sub: 'alex.morgan@example.com', prn: 'alex.morgan@example.com' });
    expect(await reasonCodes(bridge, token)).toMatchObject({ status: 200, body: { ok: true } });
    const socket = await ClientSocket.agent(bridge, { ticket: await ticketFor(bridge, token), agentId: 'agent2' });
    expect(socket.opened).toMatchObject({ agentId: 'agent1', dn: '5001' });
    const init = await postJson(`${bridge.url}/genesys/events`, { type: 'initialize' }, { ...bearer(token), 'x-agent-id': 'agent2' });
    expect(init.status).toBe(200);
    expect(await socket.next('EventRegistered')).toMatchObject({ thisDN: '5001' });
    await socket.close();
  });

  it('is verified against a JWKS URL as well as a certificate', async () => {
    const fusion = await issuer({ issuer: FUSION_ISSUER });
    t = await production({ fusion: { jwksUrl: fusion.jwksUrl } });
    expect(await reasonCodes(t, await fusion.sign({ prn: 'kenji.sato@example.com' }))).toMatchObject({ status: 200 });
    expect(fusion.fetches.jwks).toBe(1);
  });

  it('refuses an expired token with TOKEN_EXPIRED, but allows the configured clock skew', async () => {
    const { bridge, fusion } = await fusionBridge({ clockSkewSec: 30 });
    const signedAt = bridge.clock.now() - 120_000;
    const expired = await fusion.sign({ prn: 'alex.morgan@example.com' }, { nowMs: signedAt, expiresInSec: 60 });
    expect(await reasonCodes(bridge, expired)).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_EXPIRED' } } });
    const withinSkew = await fusion.sign({ prn: 'alex.morgan@example.com' }, { nowMs: signedAt, expiresInSec: 100 });
    expect(await reasonCodes(bridge, withinSkew)).toMatchObject({ status: 200 });
  });

  it('refuses a token signed by another key, from another issuer, or without exp: TOKEN_INVALID', async () => {
    const { bridge, fusion } = await fusionBridge();
    const now = bridge.clock.now();
    const wrongKey = await signWith(await strayKey(), { iss: FUSION_ISSUER, prn: 'alex.morgan@example.com' }, { nowMs: now, kid: 'trustservice' });
    expect(await reasonCodes(bridge, wrongKey)).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_INVALID' } } });
    const wrongIssuer = await fusion.sign({ iss: 'fusion.evil.example', prn: 'alex.morgan@example.com' });
    const refused = await reasonCodes(bridge, wrongIssuer);
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_INVALID' } } });
    expect(JSON.stringify(refused.body)).toContain('fusion.evil.example');
    const noExpiry = await fusion.sign({ prn: 'alex.morgan@example.com', exp: undefined });
    expect(await reasonCodes(bridge, noExpiry)).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_INVALID' } } });
    expect(await reasonCodes(bridge, 'not-a-jwt-and-not-a-token')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('refuses a user the directory does not know with AGENT_NOT_IN_DIRECTORY; other agents are unaffected', async () => {
    const { bridge, fusion } = await fusionBridge();
    const kenji = await ClientSocket.agent(bridge, { ticket: await ticketFor(bridge, await fusion.sign({ prn: 'kenji.sato@example.com' })) });
    const stranger = await fusion.sign({ prn: 'mallory@example.com' });
    expect(await reasonCodes(bridge, stranger)).toMatchObject({ status: 403, body: { error: { code: 'AGENT_NOT_IN_DIRECTORY' } } });
    expect(await postJson(`${bridge.url}/genesys/ticket`, {}, bearer(stranger))).toMatchObject({ status: 403 });
    const init = await postJson(`${bridge.url}/genesys/events`, { type: 'initialize' }, bearer(await fusion.sign({ prn: 'kenji.sato@example.com' })));
    expect(init.status).toBe(200);
    expect(await kenji.next('EventRegistered')).toMatchObject({ thisDN: '5002' });
    await kenji.close();
  });

  it('maps the user through a claim when the directory names one', async () => {
    const fusion = await issuer({ issuer: FUSION_ISSUER });
    t = await production({ fusion: { certificate: await fusion.publicKeyPem() }, directory: { agentIdClaim: 'ctikit_agent' } });
    expect(await reasonCodes(t, await fusion.sign({ prn: 'someone', ctikit_agent: 'agent3' }))).toMatchObject({ status: 200 });
    expect(await reasonCodes(t, await fusion.sign({ prn: 'someone', ctikit_agent: 'agent9' }))).toMatchObject({
      status: 403,
      body: { error: { code: 'AGENT_NOT_IN_DIRECTORY' } },
    });
    expect(await reasonCodes(t, await fusion.sign({ prn: 'someone' }))).toMatchObject({ status: 403 });
  });

  it('will not start with a directory entry the contact center does not know', async () => {
    const fusion = await issuer({ issuer: FUSION_ISSUER });
    const certificate = await fusion.certificate();
    await expect(production({ fusion: { certificate }, directory: { agents: [{ user: 'x', agentId: 'agent9' }] } })).rejects.toThrow(/agent9/);
    await expect(production({ fusion: { certificate }, directory: { agents: [{ user: 'x', agentId: 'agent1', dn: '5002' }] } })).rejects.toThrow(/5002/);
    await expect(production({ fusion: { certificate }, directory: { agents: [] } })).rejects.toThrow(/directory/);
  });
});

describe('an OIDC provider', () => {
  it('is found by discovery and verified with its JWKS, audience included', async () => {
    const idp = await issuer();
    t = await production({ oidc: [{ issuer: idp.url, audience: 'ctikit' }] });
    const token = await idp.sign({ aud: 'ctikit', sub: 'u-1', preferred_username: 'alex.morgan@example.com' });
    const socket = await ClientSocket.agent(t, { ticket: await ticketFor(t, token) });
    expect(socket.opened).toMatchObject({ agentId: 'agent1' });
    expect(idp.fetches).toEqual({ discovery: 1, jwks: 1 });
    await socket.close();

    expect(await reasonCodes(t, await idp.sign({ aud: 'someone-else', preferred_username: 'alex.morgan@example.com' }))).toMatchObject({
      status: 401,
      body: { error: { code: 'TOKEN_INVALID' } },
    });
    const expired = await idp.sign({ aud: 'ctikit', preferred_username: 'alex.morgan@example.com' }, { nowMs: t.clock.now() - 7_200_000 });
    expect(await reasonCodes(t, expired)).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_EXPIRED' } } });
    const wrongKey = await signWith(
      await strayKey(),
      { iss: idp.url, aud: 'ctikit', preferred_username: 'alex.morgan@example.com' },
      { nowMs: t.clock.now(), kid: 'trustservice' },
    );
    expect(await reasonCodes(t, wrongKey)).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_INVALID' } } });
    expect(await reasonCodes(t, await idp.sign({ aud: 'ctikit', preferred_username: 'nobody' }))).toMatchObject({
      status: 403,
      body: { error: { code: 'AGENT_NOT_IN_DIRECTORY' } },
    });
  });

  it('answers IDENTITY_PROVIDER_UNAVAILABLE while discovery fails, and recovers when it answers', async () => {
    const idp = await issuer();
    const unreachable = 'http://127.0.0.1:9';
    t = await production({
      oidc: [
        { issuer: unreachable, audience: 'ctikit' },
        { issuer: idp.url, audience: 'ctikit' },
      ],
    });
    const token = await signWith(await strayKey(), { iss: unreachable, aud: 'ctikit', sub: 'alex.morgan@example.com' }, { nowMs: t.clock.now() });
    expect(await reasonCodes(t, token)).toMatchObject({ status: 503, body: { error: { code: 'IDENTITY_PROVIDER_UNAVAILABLE' } } });
    expect(await reasonCodes(t, await idp.sign({ aud: 'ctikit', sub: 'kenji.sato@example.com' }))).toMatchObject({ status: 200 });
  });
});

describe('socket tickets', () => {
  it('open one socket once: a replayed, expired or forged ticket gets TICKET_INVALID, and no token is taken from the URL', async () => {
    const { bridge, fusion } = await fusionBridge();
    const token = await fusion.sign({ prn: 'alex.morgan@example.com' });
    const ticket = await ticketFor(bridge, token);
    const socket = await ClientSocket.agent(bridge, { ticket });
    expect(await refusedUpgrade(`${bridge.wsUrl}/genesysWs?ticket=${ticket}`)).toMatchObject({ status: 401, body: { error: { code: 'TICKET_INVALID' } } });

    const late = await ticketFor(bridge, token);
    bridge.clock.advance(31_000);
    expect(await refusedUpgrade(`${bridge.wsUrl}/genesysWs?ticket=${late}`)).toMatchObject({ status: 401, body: { error: { code: 'TICKET_INVALID' } } });

    const forged = await signWith(
      await strayKey(),
      { iss: 'ctikit-bridge', aud: '/genesysWs', sub: 'agent2', dn: '5002', jti: 'x' },
      { nowMs: bridge.clock.now() },
    );
    expect(await refusedUpgrade(`${bridge.wsUrl}/genesysWs?ticket=${forged}`)).toMatchObject({ status: 401, body: { error: { code: 'TICKET_INVALID' } } });
    expect(await refusedUpgrade(`${bridge.wsUrl}/genesysWs?access_token=${token}`)).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    expect(await postJson(`${bridge.url}/genesys/ticket`, {}, { origin: TOOLBAR })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    await socket.close();
  });

  it('are signed with the one key the bridge publishes at /.well-known/jwks.json, as are its agent tokens', async () => {
    const { bridge, fusion } = await fusionBridge();
    const token = await fusion.sign({ prn: 'kenji.sato@example.com' });
    const ticket = await ticketFor(bridge, token);
    const jwks = await http(`${bridge.url}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(jwks.body['keys']).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) })]);
    expect(JSON.stringify(jwks.body)).not.toContain('"d"');
    const { payload, protectedHeader } = await jwtVerify(ticket, createLocalJWKSet(jwks.body as { keys: [] }), { currentDate: new Date(bridge.clock.now()) });
    expect(payload).toMatchObject({ iss: 'ctikit-bridge', aud: '/genesysWs', sub: 'agent2', dn: '5002' });
    expect(protectedHeader.kid).toBe((jwks.body['keys'] as Array<{ kid: string }>)[0]?.kid);
    const agentToken = await postJson(`${bridge.url}/genesys/agentToken`, {}, bearer(token));
    expect(agentToken.status).toBe(200);
    const verified = await jwtVerify(agentToken.body['token'] as string, createLocalJWKSet(jwks.body as { keys: [] }), {
      currentDate: new Date(bridge.clock.now()),
    });
    expect(verified.payload).toMatchObject({ aud: 'ctikit-extensions', sub: 'agent2' });
    expect(verified.protectedHeader.kid).toBe(protectedHeader.kid);
  });
});

describe('token expiry', () => {
  it('closes the socket with 4401 when its token expires; a fresh token resumes the session with nothing missed', async () => {
    const { bridge, fusion } = await fusionBridge({ clockSkewSec: 0 });
    const first = await fusion.sign({ prn: 'alex.morgan@example.com' }, { expiresInSec: 60 });
    const socket = await ClientSocket.agent(bridge, { ticket: await ticketFor(bridge, first) });
    expect((await postJson(`${bridge.url}/genesys/events`, { type: 'initialize' }, bearer(first))).status).toBe(200);
    const ready = await socket.next('EventAgentReady');

    bridge.clock.advance(60_000);
    expect(await socket.closed).toEqual({ code: 4401, reason: 'TOKEN_EXPIRED' });
    expect(await reasonCodes(bridge, first)).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_EXPIRED' } } });
    const { connectionId } = bridge.sim.placeCall({ from: '4155550123', to: '8000' });

    const fresh = await fusion.sign({ prn: 'alex.morgan@example.com' }, { expiresInSec: 60 });
    const resumed = await ClientSocket.agent(bridge, {
      ticket: await ticketFor(bridge, fresh),
      sessionId: socket.opened.sessionId,
      resumeFrom: String(ready.seq),
    });
    expect(resumed.opened).toMatchObject({ resume: 'replayed', sessionId: socket.opened.sessionId });
    const ringing = await resumed.next('EventRinging');
    expect(ringing).toMatchObject({ connectionId, seq: (ready.seq ?? 0) + 1 });
    expect(resumed.sequenced()[0]?.seq).toBe((ready.seq ?? 0) + 1);
    expect((await postJson(`${bridge.url}/genesys/events`, { type: 'Accept', connectionId }, bearer(fresh))).status).toBe(200);
    expect(await resumed.next('EventEstablished')).toMatchObject({ connectionId });
    await resumed.close();
  });
});
