import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { ClientSocket, placeCall, sim, startBridge } from './harness.ts';
import type { TestBridge } from './harness.ts';
import { IntegrationEventsHandler } from './seed-client/integrationEventsHandler.ts';
import { VendorHandler } from './seed-client/vendor/vendorHandler.ts';

/**
 * The Oracle tutorial's sample toolbar code (seeds 000-002), unmodified, against the real bridge:
 * it opens `ws://…/genesysWs` with no query, POSTs `{type:"initialize"}` and `{type:"Accept",
 * connectionId}` with `Content-type: application/json`, and dispatches on `eventName`. Only its two
 * endpoint constants are pointed at the test bridge's ephemeral port.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestBridge;
let toolbar: IntegrationEventsHandler;
let handler: VendorHandler;
/** A second socket of the same (default) agent: what went over the wire. */
let wire: ClientSocket;

beforeAll(() => {
  // The sample code logs every frame and the closing of its sockets; keep the test output readable.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.stubGlobal('WebSocket', WebSocket);
});

beforeEach(async () => {
  t = await startBridge();
  Reflect.set(VendorHandler, 'REST_ENDPOINT_URL', `${t.url}/genesys/events`);
  Reflect.set(VendorHandler, 'WS_ENDPOINT_URL', `${t.wsUrl}/genesysWs`);
  toolbar = new IntegrationEventsHandler();
  handler = new VendorHandler(toolbar);
  wire = await ClientSocket.agent(t);
});

afterEach(async () => {
  await t.close();
});

describe('the seed sample client, unmodified', () => {
  it('toggles availability: socket, initialize, EventRegistered, agent available', async () => {
    await handler.makeAgentAvailable();
    expect(await toolbar.until(1)).toEqual([{ name: 'makeAgentAvailable' }]);
    const registered = await wire.next('EventRegistered');
    expect(registered).toMatchObject({ thisDN: '5001', seq: 1 });
    await wire.next('EventAgentReady');
    expect(wire.names()).not.toContain('EventError');
  });

  it('shows an incoming call (ANI, eventId) and accepts it from the toolbar: EventEstablished with the same eventId', async () => {
    await handler.makeAgentAvailable();
    await toolbar.until(1);
    await wire.next('EventAgentReady');

    const connectionId = await placeCall(t, '4155550123', '8000');
    const [, incoming] = await toolbar.until(2);
    expect(incoming).toEqual({ name: 'incomingCallHandler', ani: '4155550123', eventId: expect.stringMatching(UUID) });
    expect(VendorHandler.connectionId).toBe(connectionId);
    const ringingFrame = await wire.next('EventRinging');
    expect(ringingFrame).toMatchObject({ ANI: '4155550123', connectionId, thisDN: '5001' });
    expect(connectionId).toMatch(/^[0-9a-f]{16}$/);

    await handler.acceptCall();
    const [, , accepted] = await toolbar.until(3);
    expect(accepted).toEqual({ name: 'callAcceptedHandler', eventId: ringingFrame['eventId'] });
    expect(await wire.next('EventEstablished')).toMatchObject({ connectionId, eventId: ringingFrame['eventId'] });
    expect(wire.names()).not.toContain('EventError');
  });

  it('hears an accept from the softphone as EventEstablished', async () => {
    await handler.makeAgentAvailable();
    await toolbar.until(1);
    await wire.next('EventAgentReady');
    await placeCall(t, '4155550123', '8000');
    const { eventId } = await wire.next('EventRinging');
    expect((await toolbar.until(2))[1]).toEqual({ name: 'incomingCallHandler', ani: '4155550123', eventId });

    expect((await sim(t, '/phones/5001/answer')).status).toBe(200);
    expect((await toolbar.until(3))[2]).toEqual({ name: 'callAcceptedHandler', eventId });
  });

  it('re-initializing sends EventRegistered again, so the toolbar marks the agent available again', async () => {
    await handler.makeAgentAvailable();
    await toolbar.until(1);
    await wire.next('EventAgentReady');
    // The sample opens a second socket; both of the agent's sockets hear the new EventRegistered.
    await handler.makeAgentAvailable();
    expect(await toolbar.until(3)).toEqual([{ name: 'makeAgentAvailable' }, { name: 'makeAgentAvailable' }, { name: 'makeAgentAvailable' }]);
    expect(wire.sequenced().filter((f) => f.eventName === 'EventRegistered')).toHaveLength(2);
    expect(wire.names()).not.toContain('EventError');
  });
});
