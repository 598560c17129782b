import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordChanges } from '../core/support/vendor-events.ts';
import {
  closedInteraction,
  connectionIdOf,
  interactionIn,
  legState,
  openToolbar,
  startBridge,
  until,
  type BridgeUnderTest,
  type Toolbar,
} from './support/toolbar-on-bridge.ts';

/**
 * The Genesys vendor under a real Workspace, against the real bridge and its embedded simulator,
 * over real HTTP and WebSockets. The customer side is played through the simulator's control.
 */
const CUSTOMER = '4155550123';

let bridge: BridgeUnderTest;
let toolbars: Toolbar[];

beforeEach(async () => {
  bridge = await startBridge();
  toolbars = [];
});

afterEach(async () => {
  for (const toolbar of toolbars) await toolbar.workspace.dispose();
  await bridge.close();
});

async function toolbar(...args: Parameters<typeof openToolbar> extends [unknown, ...infer Rest] ? Rest : never): Promise<Toolbar> {
  const opened = await openToolbar(bridge, ...args);
  toolbars.push(opened);
  return opened;
}

async function available(agentId = 'agent1'): Promise<Toolbar> {
  const t = await toolbar(agentId);
  expect(await t.workspace.execute('makeAgentAvailable')).toEqual({ ok: true });
  await until(t.model, () => t.model.agent.kind === 'ready');
  return t;
}

/** A customer call through queue 8000, ringing at agent1's toolbar. */
async function ringing(t: Toolbar): Promise<{ eventId: string; connectionId: string }> {
  const { connectionId } = bridge.sim.placeCall({ from: CUSTOMER, to: '8000' });
  const offered = await interactionIn(t.model, 'offered');
  return { eventId: offered.eventId, connectionId };
}

async function talking(t: Toolbar): Promise<{ eventId: string; connectionId: string }> {
  const call = await ringing(t);
  expect(await t.workspace.execute('acceptCall', call.eventId)).toEqual({ ok: true });
  await interactionIn(t.model, 'connected', call.eventId);
  return call;
}

describe('GenesysVendor against the bridge', () => {
  it('makes the agent available: socket first, then initialize; ready when EventAgentReady says so', async () => {
    const t = await toolbar();
    const changes = recordChanges(t.model);
    expect(await t.workspace.execute('makeAgentAvailable')).toEqual({ ok: true });
    await until(t.model, () => t.model.agent.kind === 'ready');
    expect(changes).toEqual([
      'connectionChanged offline→connecting',
      'connectionChanged connecting→connected',
      'resynced ',
      'agentChanged loggedOut→notReady',
      'agentChanged notReady→ready',
    ]);
    expect(bridge.sim.listAgents().find((a) => a.agentId === 'agent1')).toMatchObject({ registered: true, state: 'Ready' });
  });

  it("offers the contact center's not-ready reasons, fetched from the bridge, unless configured", async () => {
    const fromBridge = await toolbar();
    expect(await fromBridge.workspace.execute('reasonCodes')).toEqual({
      ok: true,
      reasonCodes: [
        { code: 'Break', label: 'Short break' },
        { code: 'Lunch', label: 'Lunch break' },
      ],
    });
    const configured = await toolbar('agent2', undefined, { reasonCodes: [{ code: 'Break', label: 'Pause' }] });
    expect(await configured.workspace.execute('reasonCodes')).toEqual({ ok: true, reasonCodes: [{ code: 'Break', label: 'Pause' }] });
  });

  it('gets a token naming its agent, signed by the bridge and verifiable with its JWKS', async () => {
    const kenji = await toolbar('agent2');
    const issued = await kenji.workspace.agentToken();
    if (!issued.ok) throw new Error(issued.message);
    expect(issued.expiresIn).toBe(300);
    const keys = createLocalJWKSet((await (await fetch(`${bridge.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet);
    const { payload } = await jwtVerify(issued.token, keys, { currentDate: new Date(bridge.bridge.options.clock.now()) });
    expect(payload).toMatchObject({ sub: 'agent2', dn: '5002' });
  });

  it('goes not ready with a reason and back to ready with Ready (no second initialize)', async () => {
    const t = await available();
    expect(await t.workspace.execute('makeAgentUnavailable', 'Lunch')).toEqual({ ok: true });
    expect(await until(t.model, () => t.model.agent.kind === 'notReady' && t.model.agent)).toEqual({
      kind: 'notReady',
      reasonCode: 'Lunch',
      reasonLabel: 'Lunch break',
    });
    expect(await t.workspace.execute('makeAgentAvailable')).toEqual({ ok: true });
    await until(t.model, () => t.model.agent.kind === 'ready');
    expect(bridge.sim.listAgents().find((a) => a.agentId === 'agent1')).toMatchObject({ state: 'Ready', workMode: 'ManualIn' });
  });

  it('reports a failure the bridge answered once, although the socket repeats it as EventError', async () => {
    const t = await available();
    const changes = recordChanges(t.model);
    expect(await t.workspace.execute('makeAgentUnavailable', 'Nap')).toEqual({
      ok: false,
      code: 'INVALID_ATTRIBUTE',
      message: 'Unknown not-ready reason code: Nap.',
      cause: { vendor: 'genesys', code: 53 },
    });
    await t.workspace.execute('makeAgentUnavailable', 'Break');
    await until(t.model, () => t.model.agent.kind === 'notReady');
    expect(changes).toEqual(['commandFailed makeAgentUnavailable INVALID_ATTRIBUTE', 'agentChanged ready→notReady']);
  });

  it("shows an incoming call as offered, with the caller's number", async () => {
    const t = await available();
    const { eventId } = await ringing(t);
    expect(t.model.interaction(eventId)).toMatchObject({
      state: 'offered',
      direction: 'inbound',
      phoneNumber: CUSTOMER,
      dnis: '8000',
      queue: '8000',
    });
  });

  it('accepts: connected when EventEstablished arrives', async () => {
    const t = await available();
    const { eventId, connectionId } = await ringing(t);
    expect(await t.workspace.execute('acceptCall', eventId)).toEqual({ ok: true });
    const connected = await interactionIn(t.model, 'connected', eventId);
    expect(connected.connectedAt).toBeGreaterThanOrEqual(connected.offeredAt);
    expect(legState(bridge.sim, connectionId, '5001')).toBe('Established');
  });

  it('rejects: the offer ends as rejected, closed at once, and the call goes back to its queue', async () => {
    const t = await available();
    const { eventId, connectionId } = await ringing(t);
    const closed = closedInteraction(t.model, eventId);
    expect(await t.workspace.execute('rejectCall', eventId)).toEqual({ ok: true });
    expect((await closed).endCause).toEqual({ kind: 'rejected' });
    expect(t.model.interactions).toEqual([]);
    expect(bridge.sim.listCalls().find((c) => c.connectionId === connectionId)?.parties).toContainEqual({
      dn: '8000',
      kind: 'queue',
      state: 'Queued',
    });
  });

  it('hangs up: completed, in wrap-up until closed', async () => {
    const t = await available();
    const { eventId, connectionId } = await talking(t);
    expect(await t.workspace.execute('hangupCall', eventId)).toEqual({ ok: true });
    expect((await interactionIn(t.model, 'wrapUp', eventId)).endCause).toEqual({ kind: 'completed' });
    expect(bridge.sim.listCalls().some((c) => c.connectionId === connectionId)).toBe(false);
    expect(await t.workspace.execute('closeInteraction', eventId)).toEqual({ ok: true });
    expect(t.model.interactions).toEqual([]);
  });

  it('the customer hangs up while it rings: abandoned', async () => {
    const t = await available();
    const { eventId, connectionId } = await ringing(t);
    const closed = closedInteraction(t.model, eventId);
    bridge.sim.customerHangup(connectionId);
    expect((await closed).endCause).toEqual({ kind: 'abandoned' });
  });

  it('the customer hangs up during the call: completed', async () => {
    const t = await available();
    const { eventId, connectionId } = await talking(t);
    bridge.sim.customerHangup(connectionId);
    expect((await interactionIn(t.model, 'wrapUp', eventId)).endCause).toEqual({ kind: 'completed' });
  });

  it('holds and resumes', async () => {
    const t = await available();
    const { eventId, connectionId } = await talking(t);
    expect(await t.workspace.execute('holdCall', eventId)).toEqual({ ok: true });
    expect(await interactionIn(t.model, 'held', eventId)).toMatchObject({ held: true });
    expect(legState(bridge.sim, connectionId, '5001')).toBe('Held');
    expect(await t.workspace.execute('retrieveCall', eventId)).toEqual({ ok: true });
    await interactionIn(t.model, 'connected', eventId);
    expect(legState(bridge.sim, connectionId, '5001')).toBe('Established');
  });

  it('mutes, records and attaches data on a connected call', async () => {
    const t = await available();
    const { eventId } = await talking(t);
    await t.workspace.execute('muteCall', eventId);
    await t.workspace.execute('startRecording', eventId);
    await t.workspace.execute('setAttachedData', eventId, { CaseId: 'SR-42' });
    const done = await until(t.model, () => {
      const call = t.model.interaction(eventId);
      return call?.muted && call.recordingState === 'recording' && call.userData['CaseId'] === 'SR-42' && call;
    });
    expect(done).toMatchObject({ muted: true, recordingState: 'recording', userData: { CaseId: 'SR-42' } });
  });

  describe('an outbound call', () => {
    it('dials with the given eventId, connected when the customer answers', async () => {
      const t = await available();
      expect(await t.workspace.execute('makeOutboundCall', '+1 415 555 0199', 'fusion-click-1')).toEqual({ ok: true, eventId: 'fusion-click-1' });
      expect(await interactionIn(t.model, 'dialing', 'fusion-click-1')).toMatchObject({
        direction: 'outbound',
        phoneNumber: '+14155550199',
      });
      bridge.sim.customerAnswer(connectionIdOf(bridge.sim, '+14155550199'));
      await interactionIn(t.model, 'connected', 'fusion-click-1');
    });

    it('dials with attached data in the MakeCall request: the call carries it from its first event', async () => {
      const t = await available();
      await t.workspace.execute('makeOutboundCall', '4155550123', 'with-data', { Campaign: 'spring', Priority: 2 });
      expect((await interactionIn(t.model, 'dialing', 'with-data')).userData).toEqual({ Campaign: 'spring', Priority: 2 });
    });

    it('cancelled by the agent before the answer: canceled', async () => {
      const t = await available();
      await t.workspace.execute('makeOutboundCall', '4155550199', 'o1');
      await interactionIn(t.model, 'dialing', 'o1');
      const closed = closedInteraction(t.model, 'o1');
      expect(await t.workspace.execute('hangupCall', 'o1')).toEqual({ ok: true });
      expect((await closed).endCause).toEqual({ kind: 'canceled' });
    });

    it('the line is busy: failed', async () => {
      const t = await available();
      await t.workspace.execute('makeOutboundCall', '4155550199', 'o2');
      await interactionIn(t.model, 'dialing', 'o2');
      bridge.sim.customerRefuse(connectionIdOf(bridge.sim, '4155550199'), 'busy');
      expect((await interactionIn(t.model, 'wrapUp', 'o2')).endCause).toEqual({
        kind: 'failed',
        code: 'TERMINATING_PARTY_BUSY',
        message: 'The destination is busy.',
      });
    });
  });

  it("consults a colleague and completes the transfer: the colleague's consult call becomes the customer's", async () => {
    const alex = await available('agent1');
    const kenji = await available('agent2');
    const { eventId: main } = await talking(alex);

    const consult = await alex.workspace.execute('consultCall', main, '5002');
    if (!consult.ok) throw new Error(consult.message);
    expect(await interactionIn(alex.model, 'dialing', consult.eventId)).toMatchObject({ direction: 'consult', linkedEventId: main });
    expect(alex.model.interaction(main)).toMatchObject({ state: 'held', linkedEventId: consult.eventId });

    const offered = await interactionIn(kenji.model, 'offered');
    expect(offered).toMatchObject({ direction: 'consult', phoneNumber: '5001' });
    await kenji.workspace.execute('acceptCall', offered.eventId);
    await interactionIn(alex.model, 'connected', consult.eventId);

    expect(await alex.workspace.execute('completeTransfer', main, consult.eventId)).toEqual({ ok: true });
    expect((await interactionIn(alex.model, 'wrapUp', main)).endCause).toEqual({ kind: 'transferred' });
    await until(alex.model, () => alex.model.interaction(consult.eventId) === undefined);
    const handedOver = await until(kenji.model, () => {
      const call = kenji.model.interaction(offered.eventId);
      return call?.direction === 'inbound' && call;
    });
    expect(handedOver).toMatchObject({ state: 'connected', phoneNumber: CUSTOMER });
    expect(await kenji.workspace.execute('hangupCall', offered.eventId)).toEqual({ ok: true });
    await interactionIn(kenji.model, 'wrapUp', offered.eventId);
  });

  describe('when the connection fails', () => {
    it('tells the agent when the bridge restarted and lost the session: the call it had ends, the agent is logged out', async () => {
      const t = await available();
      const { eventId } = await talking(t);
      const causes: Array<string | undefined> = [];
      t.model.on('resynced', ({ cause }) => causes.push(cause));
      const port = Number(new URL(bridge.url).port);
      await bridge.close();
      await until(t.model, () => t.model.connection.state === 'reconnecting');
      bridge = await startBridge({ port });
      t.clock.advance(30_000);
      await until(t.model, () => t.model.connection.state === 'connected' && t.model.agent.kind === 'loggedOut');
      expect(causes).toEqual(['sessionLost']);
      expect(t.model.interaction(eventId)?.state).toBe('wrapUp');
      expect(t.model.outage).toMatchObject({ liveCalls: [eventId], agentLoggedIn: true, sessionLost: true });
      expect(await t.workspace.execute('makeAgentAvailable')).toEqual({ ok: true });
      await until(t.model, () => t.model.agent.kind === 'ready');
      expect(causes).toEqual(['sessionLost']);
    });

    it('reconnects after the socket is killed, resuming from the last seq: the ringing call is still there', async () => {
      const t = await available();
      const { eventId } = await ringing(t);

      t.sockets[0]?.terminate();
      await until(t.model, () => t.model.connection.state === 'reconnecting');
      expect(t.model.connection).toEqual({ state: 'reconnecting', reason: 'socketClosed', attempt: 1 });
      t.clock.advance(30_000);
      await until(t.model, () => t.model.connection.state === 'connected');

      expect(t.sockets).toHaveLength(2);
      const resumed = new URL(t.sockets[1]?.url ?? '');
      expect(resumed.searchParams.get('sessionId')).toBeTruthy();
      expect(Number(resumed.searchParams.get('resumeFrom'))).toBeGreaterThan(0);
      expect(t.model.interaction(eventId)?.state).toBe('offered');
      expect(await t.workspace.execute('acceptCall', eventId)).toEqual({ ok: true });
      await interactionIn(t.model, 'connected', eventId);
    });

    it('replays what happened while the socket was down: a call that rang and was answered on the softphone', async () => {
      const t = await available();
      t.sockets[0]?.terminate();
      await until(t.model, () => t.model.connection.state === 'reconnecting');
      const changes = recordChanges(t.model);
      bridge.sim.placeCall({ from: CUSTOMER, to: '8000' });
      bridge.sim.phoneAnswer('5001');

      t.clock.advance(30_000);
      const answered = await interactionIn(t.model, 'connected');
      expect(answered).toMatchObject({ phoneNumber: CUSTOMER, direction: 'inbound' });
      expect(changes).toEqual([
        'connectionChanged reconnecting→connected',
        `interactionChanged ${answered.eventId} new→offered`,
        `interactionChanged ${answered.eventId} offered→connected`,
      ]);
    });

    it('detects a dead connection after 2.5 heartbeats of silence and reconnects', async () => {
      const t = await available();
      const { eventId } = await talking(t);
      t.clock.advance(15_000 * 2.5 - 1);
      expect(t.model.connection).toEqual({ state: 'connected' });
      t.clock.advance(1);
      expect(t.model.connection).toEqual({ state: 'reconnecting', reason: 'heartbeatTimeout', attempt: 1 });
      t.clock.advance(30_000);
      await until(t.model, () => t.model.connection.state === 'connected');
      expect(t.model.interaction(eventId)?.state).toBe('connected');
      expect(await t.workspace.execute('holdCall', eventId)).toEqual({ ok: true });
      await interactionIn(t.model, 'held', eventId);
    });

    it('survives a page reload: a new vendor with the same storage resyncs the connected call', async () => {
      const before = await available();
      const { eventId, connectionId } = await talking(before);
      await before.workspace.dispose();

      const after = await toolbar('agent1', before.storage);
      expect(await until(after.model, () => after.model.interaction(eventId))).toMatchObject({
        state: 'connected',
        direction: 'inbound',
        phoneNumber: CUSTOMER,
      });
      expect(after.model.agent).toEqual({ kind: 'ready' });
      expect(after.model.connection).toEqual({ state: 'connected' });

      expect(await after.workspace.execute('hangupCall', eventId)).toEqual({ ok: true });
      expect((await interactionIn(after.model, 'wrapUp', eventId)).endCause).toEqual({ kind: 'completed' });
      expect(bridge.sim.listCalls().some((c) => c.connectionId === connectionId)).toBe(false);
    });

    it('survives a page reload while a call rings', async () => {
      const before = await available();
      const { eventId } = await ringing(before);
      before.sockets[0]?.terminate();

      const after = await toolbar('agent1', before.storage);
      expect(await until(after.model, () => after.model.interaction(eventId))).toMatchObject({ state: 'offered', phoneNumber: CUSTOMER });
      expect(await after.workspace.execute('acceptCall', eventId)).toEqual({ ok: true });
      await interactionIn(after.model, 'connected', eventId);
    });

    it('tells the agent when the bridge cannot be reached', async () => {
      const t = await toolbar('agent1', undefined, { bridgeUrl: 'http://127.0.0.1:9' });
      expect(await t.workspace.execute('makeAgentAvailable')).toMatchObject({ ok: false, code: 'VENDOR_UNREACHABLE' });
      expect(t.model.connection).toEqual({ state: 'offline', reason: 'connectFailed' });
    });
  });

  describe('in production mode', () => {
    const TOKEN = 'agent1-token-0123456789';

    beforeEach(async () => {
      await bridge.close();
      bridge = await startBridge({
        mode: 'production',
        host: '127.0.0.1',
        tokens: [{ token: TOKEN, agentId: 'agent1' }],
        allowedOrigins: ['https://fusion.example.com'],
      });
    });

    it('signs in with the bearer token alone: every command carries it, the socket a one-time ticket', async () => {
      const t = await toolbar(undefined, undefined, { agentId: undefined, token: async () => TOKEN });
      expect(await t.workspace.execute('makeAgentAvailable')).toEqual({ ok: true });
      await until(t.model, () => t.model.agent.kind === 'ready');
      const socketUrl = new URL(t.sockets[0]?.url ?? '');
      expect(socketUrl.searchParams.get('ticket')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(socketUrl.href).not.toContain(TOKEN);
      expect(bridge.sim.listAgents().find((a) => a.agentId === 'agent1')).toMatchObject({ state: 'Ready' });
    });

    it("a wrong token opens no socket and is told the bridge's refusal", async () => {
      const t = await toolbar(undefined, undefined, { agentId: undefined, token: 'not-the-token-0123456789' });
      expect(await t.workspace.execute('makeAgentAvailable')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: 'The bearer token is not valid.' });
      expect(await t.vendor.logout()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: 'The bearer token is not valid.' });
    });
  });
});
