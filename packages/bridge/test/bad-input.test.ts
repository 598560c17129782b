import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientSocket, command, http, readyAgent, refusedUpgrade, ringing, startBridge } from './harness.ts';
import type { TestBridge } from './harness.ts';

/**
 * Every bad input gets its stable code, and none of them disturbs the bridge: afterwards it keeps
 * serving and other sessions keep receiving their events.
 */

let t: TestBridge;
let alex: ClientSocket;
let kenji: ClientSocket;

beforeEach(async () => {
  t = await startBridge();
  alex = await readyAgent(t, 'agent1');
  kenji = await readyAgent(t, 'agent2');
});

afterEach(async () => {
  await t.close();
});

function raw(body: string | undefined, headers: Record<string, string>) {
  return http(`${t.url}/genesys/events`, { method: 'POST', headers: { 'x-agent-id': 'agent1', ...headers }, body });
}

/** The bridge still serves, and agent2 still gets its calls. */
async function stillServing(): Promise<void> {
  expect((await http(`${t.url}/healthz`)).status).toBe(200);
  await ringing(t, kenji, '4155550177', '5002');
}

describe('bad REST input', () => {
  const json = { 'content-type': 'application/json' };
  const cases: Array<[string, () => Promise<{ status: number; body: Record<string, unknown> }>, number, string]> = [
    ['malformed JSON', () => raw('{"type": "initialize"', json), 400, 'INVALID_JSON'],
    ['an empty JSON body', () => raw('', json), 400, 'INVALID_JSON'],
    ['a prototype-poisoning body', () => raw('{"type":"Ready","__proto__":{"x":1}}', json), 400, 'INVALID_JSON'],
    ['text/plain', () => raw('{"type":"initialize"}', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a form post', () => raw('type=initialize', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the limit', () => raw(JSON.stringify({ type: 'Ready', pad: 'x'.repeat(20_000) }), json), 413, 'BODY_TOO_LARGE'],
    ['an unknown type', () => raw('{"type":"Teleport"}', json), 400, 'UNKNOWN_COMMAND'],
    ['a missing field', () => raw('{"type":"Accept"}', json), 400, 'INVALID_COMMAND'],
    ['a field of the wrong type', () => raw('{"type":"SendDTMF","connectionId":"00710001","digits":5}', json), 400, 'INVALID_COMMAND'],
    ['no type at all', () => raw('{"connectionId":"x"}', json), 400, 'INVALID_COMMAND'],
    ['a JSON array', () => raw('[{"type":"Ready"}]', json), 400, 'INVALID_COMMAND'],
    ['no body at all', () => raw(undefined, {}), 400, 'INVALID_COMMAND'],
    ['an X-Reference-Id over 64 characters', () => raw('{"type":"Ready"}', { ...json, 'x-reference-id': 'r'.repeat(65) }), 400, 'INVALID_COMMAND'],
    ['an unknown ConnID', () => raw('{"type":"Accept","connectionId":"00710000deadbeef"}', json), 404, 'INVALID_CONNECTION_ID'],
    ['an unknown route', () => http(`${t.url}/genesys/nothing`, { method: 'POST' }), 404, 'NOT_FOUND'],
    ['an unknown GET', () => http(`${t.url}/nothing/here`), 404, 'NOT_FOUND'],
  ];

  for (const [what, send, status, code] of cases) {
    it(`${what} → ${status} ${code}`, async () => {
      const result = await send();
      expect(result).toMatchObject({ status, body: { ok: false, error: { code, message: expect.any(String) } } });
      await stillServing();
    });
  }

  it('summarises the zod issues in the INVALID_COMMAND message', async () => {
    const result = await raw('{"type":"SingleStepTransfer","connectionId":7}', json);
    const message = (result.body['error'] as { message: string }).message;
    expect(message).toContain('connectionId');
    expect(message).toContain('destination');
  });

  it('a request on a ringing call that needs an established one → 409 INVALID_CALL_STATE', async () => {
    const ring = await ringing(t, alex, '4155550123', '5001');
    expect(await command(t, 'agent1', { type: 'Hold', connectionId: ring.connectionId })).toMatchObject({
      status: 409,
      body: { error: { code: 'INVALID_CALL_STATE', tserverErrorCode: 93 } },
    });
  });

  it('a command before initialize → 409 NOT_INITIALIZED (T-Library 41)', async () => {
    expect(await command(t, 'agent3', { type: 'Ready' })).toMatchObject({ status: 409, body: { error: { code: 'NOT_INITIALIZED', tserverErrorCode: 41 } } });
  });

  it('errors after the agent is known are also sent to its socket as EventError with the referenceId', async () => {
    await raw('{"type":"Teleport"}', { ...json, 'x-reference-id': 'ref-teleport' });
    expect(await alex.next('EventError')).toMatchObject({ errorCode: 'UNKNOWN_COMMAND', referenceId: 'ref-teleport', thisDN: '5001' });
  });
});

describe('rate limiting', () => {
  it('a flood of commands is RATE_LIMITED for that agent only, and the bucket refills with time', async () => {
    const flood = await Promise.all(Array.from({ length: 45 }, () => command(t, 'agent1', { type: 'Ready' })));
    // readyAgent's initialize spent one token of the burst of 40.
    expect(flood.filter((r) => r.status === 429)).toHaveLength(6);
    expect(flood.find((r) => r.status === 429)?.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await command(t, 'agent2', { type: 'NotReady' })).status).toBe(200);
    expect((await command(t, 'agent1', { type: 'NotReady' })).status).toBe(429);
    t.clock.advance(1000);
    expect((await command(t, 'agent1', { type: 'NotReady', reasonCode: 'Break' })).status).toBe(200);
    await alex.next((f) => f.eventName === 'EventAgentNotReady');
    expect(alex.frames.filter((f) => f['errorCode'] === 'RATE_LIMITED')).toEqual([]);
    await stillServing();
  });
});

describe('bad socket input', () => {
  it('answers a text frame with an unsequenced INVALID_FRAME and keeps the socket open', async () => {
    alex.ws.send('{"type":"Accept"}');
    const error = await alex.next('EventError');
    expect(error).toMatchObject({ errorCode: 'INVALID_FRAME' });
    expect(error.seq).toBeUndefined();
    const ring = await ringing(t, alex, '4155550123', '5001');
    expect(ring.seq).toBe(5);
  });

  it('answers a binary frame the same way', async () => {
    alex.ws.send(Buffer.from([0, 1, 2, 255]));
    expect(await alex.next('EventError')).toMatchObject({ errorCode: 'INVALID_FRAME', errorMessage: expect.stringContaining('binary') });
    expect(alex.ws.readyState).toBe(alex.ws.OPEN);
  });

  it('closes a socket that sends a frame over 64 KiB with 1009; other sockets are unaffected', async () => {
    alex.ws.send('x'.repeat(64 * 1024 + 1));
    expect((await alex.closed).code).toBe(1009);
    await stillServing();
  });

  it('refuses unknown socket paths and bad query strings before the upgrade', async () => {
    expect(await refusedUpgrade(`${t.wsUrl}/elsewhere`)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs?resumeFrom=minus-one`)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_COMMAND' } } });
    await stillServing();
  });
});
