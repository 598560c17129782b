import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { ManualClock } from '@ctikit/kernel';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterSimulator } from '@ctikit/contact-center';
import { createWorkspaceFace } from '@ctikit/workspace-sim';
import type { WorkspaceFace } from '@ctikit/workspace-sim';
import { CONFORMANCE_CONFIG, CUSTOMER } from '../../../contact-center/test/conformance/scenario.ts';
import { createBridge } from '../../src/index.ts';
import type { Bridge } from '../../src/index.ts';
import { loadBridgeConfig } from '../../src/config-sources.ts';
import { ClientSocket, http, postJson } from '../harness.ts';
import { IntegrationEventsHandler } from '../seed-client/integrationEventsHandler.ts';
import { VendorHandler } from '../seed-client/vendor/vendorHandler.ts';
import { API_KEY, tokenOf } from './workspace-target.ts';

/**
 * The bridge configured (config file + environment, as `ctikit start` reads them) to use the
 * Genesys Workspace API, here the Workspace API face of a simulator; the Oracle seed's sample
 * client, unmodified, over real HTTP and WebSocket to the bridge, which talks HTTP and CometD to
 * the face.
 */

let dir: string;
let simulator: ContactCenterSimulator;
let face: WorkspaceFace;
let bridge: Bridge;
let wsUrl: string;

beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.stubGlobal('WebSocket', WebSocket);
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ctikit-workspace-'));
  const settings = parseSimulatorConfig(CONFORMANCE_CONFIG);
  simulator = createSimulator(settings, new ManualClock());
  face = createWorkspaceFace({ simulator, apiKey: API_KEY, tokens: settings.agents.map(({ agentId }) => ({ token: tokenOf(agentId), agentId })) });
  const apiUrl = await face.listen();
  const agents = settings.agents.map(({ agentId, dn, name }) => `      - { agentId: ${agentId}, dn: "${dn}", name: ${name} }`);
  writeFileSync(
    join(dir, 'ctikit.config.yaml'),
    ['backend:', '  kind: workspace-api', `  apiUrl: ${apiUrl}`, '  reconnect: { initialDelayMs: 20, maxDelayMs: 100 }', '  agents:', ...agents, ''].join('\n'),
  );
  const options = await loadBridgeConfig(
    { config: join(dir, 'ctikit.config.yaml') },
    { CTIKIT_WORKSPACE_API_KEY: API_KEY, CTIKIT_WORKSPACE_TOKENS: settings.agents.map(({ agentId }) => `${tokenOf(agentId)}=${agentId}`).join(',') },
  );
  bridge = createBridge({ ...options, port: 0, logLevel: 'silent', staticDirs: [] });
  const url = await bridge.listen();
  wsUrl = url.replace(/^http/, 'ws');
  Reflect.set(VendorHandler, 'REST_ENDPOINT_URL', `${url}/genesys/events`);
  Reflect.set(VendorHandler, 'WS_ENDPOINT_URL', `${wsUrl}/genesysWs`);
});

afterEach(async () => {
  await bridge.close();
  await face.close();
  await simulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the bridge on the Workspace API backend', () => {
  it('serves the agents the configuration names, and no simulator control', async () => {
    expect(bridge.simulator).toBeUndefined();
    expect(bridge.backend.agents().map((agent) => agent.agentId)).toEqual(['agent1', 'agent2', 'agent3', 'agent4']);
    expect((await http(`${bridge.url}/sim/agents`)).status).toBe(404);
  });

  it('runs the seed client: initialize → EventRegistered, EventRinging, Accept → EventEstablished with the same eventId', async () => {
    const toolbar = new IntegrationEventsHandler();
    const handler = new VendorHandler(toolbar);
    const wire = await ClientSocket.open(`${wsUrl}/genesysWs`);
    await wire.next('SessionOpened');

    await handler.makeAgentAvailable();
    expect(await toolbar.until(1)).toEqual([{ name: 'makeAgentAvailable' }]);
    expect(await wire.next('EventRegistered')).toMatchObject({ thisDN: '5001', seq: 1 });
    await wire.next('EventAgentReady');

    const { connectionId } = simulator.placeCall({ from: CUSTOMER, to: '8000' });
    const ringing = await wire.next('EventRinging');
    expect(ringing).toMatchObject({ connectionId, ANI: CUSTOMER, thisDN: '5001' });
    expect((await toolbar.until(2))[1]).toEqual({ name: 'incomingCallHandler', ani: CUSTOMER, eventId: ringing.eventId });

    await handler.acceptCall();
    expect((await toolbar.until(3))[2]).toEqual({ name: 'callAcceptedHandler', eventId: ringing.eventId });
    expect(await wire.next('EventEstablished')).toMatchObject({ connectionId, eventId: ringing.eventId });
    expect(wire.names()).not.toContain('EventError');
    await wire.close();
  });

  it("GET /genesys/targets answers the directory from the Workspace API once the agent's session is open, BACKEND_UNAVAILABLE before", async () => {
    const targets = () => http(`${bridge.url}/genesys/targets`, { headers: { 'x-agent-id': 'agent2' } });
    expect(await targets()).toMatchObject({ status: 503, body: { ok: false, error: { code: 'BACKEND_UNAVAILABLE' } } });
    expect((await postJson(`${bridge.url}/genesys/events`, { type: 'initialize' }, { 'x-agent-id': 'agent2' })).status).toBe(200);
    const answer = await targets();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ok: true,
      targets: [
        { name: 'Alex Morgan', type: 'agent', dn: '5001', agentId: 'agent1' },
        { name: 'Kenji Sato', type: 'agent', dn: '5002', agentId: 'agent2', state: 'Ready' },
        { name: 'Maria Lopez', type: 'agent', dn: '5003', agentId: 'agent3' },
        { name: 'Sam Lee', type: 'agent', dn: '5004', agentId: 'agent4' },
        { name: 'Support', type: 'queue', dn: '8000' },
        { name: 'Sales', type: 'queue', dn: '8001' },
      ],
    });
  });

  it("MakeCall with Fusion's eventId: the call the Workspace API reports without echoing the operation keeps that id", async () => {
    const wire = await ClientSocket.open(`${wsUrl}/genesysWs?agentId=agent3`);
    await wire.next('SessionOpened');
    expect((await postJson(`${bridge.url}/genesys/events`, { type: 'initialize' }, { 'x-agent-id': 'agent3' })).status).toBe(200);
    await wire.next('EventAgentReady');

    const made = await postJson(
      `${bridge.url}/genesys/events`,
      { type: 'MakeCall', phoneNumber: CUSTOMER, eventId: 'fusion-call-1' },
      { 'x-agent-id': 'agent3' },
    );
    expect(made.status).toBe(200);
    const dialing = await wire.next('EventDialing');
    expect(dialing).toMatchObject({ thisDN: '5003', eventId: 'fusion-call-1', DNIS: CUSTOMER });
    expect(made.body).toMatchObject({ ok: true, type: 'MakeCall', eventId: 'fusion-call-1', connectionId: dialing.connectionId });
    await wire.close();
  });

  it('tells the toolbar when the Workspace link drops and comes back, and the call keeps its eventId', async () => {
    const wire = await ClientSocket.open(`${wsUrl}/genesysWs?agentId=agent2`);
    await wire.next('SessionOpened');
    expect((await postJson(`${bridge.url}/genesys/events`, { type: 'initialize' }, { 'x-agent-id': 'agent2' })).status).toBe(200);
    await wire.next('EventAgentReady');
    const { connectionId } = simulator.placeCall({ from: CUSTOMER, to: '8000' });
    const ringing = await wire.next('EventRinging');

    face.control.dropNotifications('agent2');
    expect(await wire.next('EventLinkDisconnected')).toMatchObject({ thisDN: '5002', errorCode: 'BACKEND_UNAVAILABLE' });
    await wire.next('EventLinkConnected');
    expect((await postJson(`${bridge.url}/genesys/events`, { type: 'Accept', connectionId }, { 'x-agent-id': 'agent2' })).status).toBe(200);
    expect(await wire.next('EventEstablished')).toMatchObject({ connectionId, eventId: ringing.eventId });
    await wire.close();
  });
});
