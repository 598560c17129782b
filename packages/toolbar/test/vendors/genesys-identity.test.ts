import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ManualClock } from '@ctikit/kernel';
import { startLocalIssuer, type LocalIssuer } from '../../../bridge/test/identity/local-issuer.ts';
import { interactionIn, openToolbar, startBridge, until, type BridgeUnderTest, type Toolbar } from './support/toolbar-on-bridge.ts';

/**
 * The toolbar against a production bridge that trusts Fusion's trust token (a local issuer with
 * keys generated here, verified by its certificate): it signs in with the token, opens its socket
 * with a one-time ticket, and when the token expires it asks Fusion for a fresh one and carries on:
 * the bridge closes the socket (4401), the toolbar resumes, and the call that rang meanwhile is
 * there and can be answered.
 */
const FUSION_USER = 'alex.morgan@example.com';

let bridge: BridgeUnderTest;
let bridgeClock: ManualClock;
let fusion: LocalIssuer;
let toolbar: Toolbar | undefined;

beforeEach(async () => {
  bridgeClock = new ManualClock();
  fusion = await startLocalIssuer({ issuer: 'www.oracle.com', now: () => bridgeClock.now() });
  bridge = await startBridge({
    mode: 'production',
    host: '127.0.0.1',
    allowedOrigins: ['https://toolbar.example.com'],
    clock: bridgeClock,
    heartbeatMs: 600_000,
    identity: {
      fusion: { certificate: await fusion.certificate() },
      directory: { agents: [{ user: FUSION_USER, agentId: 'agent1', dn: '5001' }] },
      clockSkewSec: 0,
    },
  });
});

afterEach(async () => {
  await toolbar?.workspace.dispose();
  toolbar = undefined;
  await bridge.close();
  await fusion.close();
});

describe("the toolbar on Fusion's trust token", () => {
  it('gets a fresh token when the bridge says it expired, resumes its socket and answers the call that rang meanwhile', async () => {
    const requests: boolean[] = [];
    let current: string | undefined;
    const trustToken = async (request?: { fresh: boolean }): Promise<string> => {
      requests.push(request?.fresh ?? false);
      if (current === undefined || request?.fresh === true) current = await fusion.sign({ sub: FUSION_USER, prn: FUSION_USER }, { expiresInSec: 60 });
      return current;
    };
    toolbar = await openToolbar(bridge, undefined, undefined, { agentId: undefined, token: trustToken });
    const t = toolbar;
    expect(await t.workspace.execute('makeAgentAvailable')).toEqual({ ok: true });
    await until(t.model, () => t.model.agent.kind === 'ready');
    expect(requests.every((fresh) => !fresh)).toBe(true);

    bridgeClock.advance(60_000);
    const { connectionId } = bridge.sim.placeCall({ from: '4155550123', to: '8000' });
    const offered = await interactionIn(t.model, 'offered');
    expect(requests).toContain(true);
    expect(t.sockets).toHaveLength(2);
    expect(t.sockets[0]?.readyState).toBe(WebSocket.CLOSED);
    expect(new URL(t.sockets[1]?.url ?? '').searchParams.get('ticket')).toBeTruthy();
    expect(t.model.connection).toEqual({ state: 'connected' });

    expect(await t.workspace.execute('acceptCall', offered.eventId)).toEqual({ ok: true });
    await interactionIn(t.model, 'connected', offered.eventId);
    expect(bridge.sim.listCalls().find((call) => call.connectionId === connectionId)).toBeDefined();
  });

  it('a token for a user the directory does not know is told AGENT_NOT_IN_DIRECTORY', async () => {
    toolbar = await openToolbar(bridge, undefined, undefined, { agentId: undefined, token: () => fusion.sign({ prn: 'mallory@example.com' }) });
    expect(await toolbar.vendor.logout()).toMatchObject({ ok: false, code: 'AGENT_NOT_IN_DIRECTORY' });
  });
});
