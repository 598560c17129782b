import { afterEach, describe, expect, it } from 'vitest';
import { ClientSocket, postJson, refusedUpgrade, startBridge } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { LEVEL, LogCapture } from './log-capture.ts';

/** Token guessing is throttled per client address: past the burst of failures, 429 RATE_LIMITED, logged. */

const ALEX_TOKEN = 'alex-token-0123456789abcdef';
const FUSION = 'https://fusion.example.com';

let t: TestBridge;
afterEach(async () => {
  await t.close();
});

function signIn(token: string) {
  return postJson(`${t.url}/genesys/events`, { type: 'initialize' }, { authorization: `Bearer ${token}`, origin: FUSION });
}

describe('failed sign-ins per address', () => {
  it('answers 401 for the burst, then 429 RATE_LIMITED on REST and socket alike, logs it, and lets the address in again once the bucket refills', async () => {
    const logs = new LogCapture();
    t = await startBridge({
      mode: 'production',
      host: '127.0.0.1',
      allowedOrigins: [FUSION],
      tokens: [{ token: ALEX_TOKEN, agentId: 'agent1' }],
      authThrottle: { perSecond: 1, burst: 5 },
      logLevel: 'debug',
      logDestination: logs,
    });
    const statuses: number[] = [];
    for (let guess = 0; guess < 8; guess++) statuses.push((await signIn(`guess-${guess}-0123456789abcdef`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const throttled = await signIn(ALEX_TOKEN);
    expect(throttled).toMatchObject({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('failed sign-ins') } } });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs`, { origin: FUSION, authorization: `Bearer ${ALEX_TOKEN}` })).toMatchObject({
      status: 429,
      body: { error: { code: 'RATE_LIMITED' } },
    });
    expect(await refusedUpgrade(`${t.wsUrl}/genesysWs?ticket=guessed-ticket`, { origin: FUSION })).toMatchObject({
      status: 429,
      body: { error: { code: 'RATE_LIMITED' } },
    });
    expect(logs.lines.filter((line) => line.msg === 'failed sign-ins throttled for this address')).toEqual([
      expect.objectContaining({ level: LEVEL.warn, remoteAddress: '127.0.0.1' }),
    ]);
    expect(t.bridge.backend.snapshot('5001').agent.state).toBe('LoggedOut');

    t.clock.advance(1_000);
    expect(await signIn(ALEX_TOKEN)).toMatchObject({ status: 200 });
    const socket = await ClientSocket.agent(t, {}, { authorization: `Bearer ${ALEX_TOKEN}` });
    await socket.close();
  });
});
