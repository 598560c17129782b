import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@ctikit/kernel';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterSimulator } from '@ctikit/contact-center';
import { createWorkspaceFace } from '@ctikit/workspace-sim';
import type { WorkspaceFace } from '@ctikit/workspace-sim';
import { CONFORMANCE_CONFIG, CUSTOMER } from '../../../contact-center/test/conformance/scenario.ts';
import { createBridge } from '../../src/index.ts';
import type { Bridge } from '../../src/index.ts';
import { ClientSocket, http, postJson } from '../harness.ts';
import { signInWithCode } from './genesys-sign-in.ts';
import { API_KEY } from './workspace-target.ts';

/**
 * Per-agent sign-in: the bridge on the Workspace API backend with no token of its own for the
 * agents; each agent signs in with Genesys Authentication's authorization-code flow (played by
 * ctikit's Workspace face, as Genesys' simulator plays it) and the toolbar hands the code to the
 * bridge at `initialize`. Real HTTP and WebSocket to the bridge, HTTP and CometD to the face.
 */
const REDIRECT_URI = 'http://127.0.0.1:1/genesys-sign-in.html';
const PASSWORD = 'correct horse';

let simulator: ContactCenterSimulator;
let face: WorkspaceFace;
let bridge: Bridge;
let wsUrl: string;
let logLines: string[];

beforeEach(async () => {
  const settings = parseSimulatorConfig(CONFORMANCE_CONFIG);
  simulator = createSimulator(settings, new ManualClock());
  face = createWorkspaceFace({
    simulator,
    apiKey: API_KEY,
    tokens: [],
    authClients: [{ clientId: 'ctikit-toolbar', redirectUris: [REDIRECT_URI] }],
    accounts: settings.agents.map(({ agentId }) => ({ agentId, password: PASSWORD })),
  });
  const apiUrl = await face.listen();
  logLines = [];
  bridge = createBridge({
    port: 0,
    staticDirs: [],
    logLevel: 'trace',
    logDestination: { write: (line: string) => void logLines.push(line) },
    backend: { kind: 'workspace-api', apiUrl, apiKey: API_KEY, agents: settings.agents.map(({ agentId, dn, name }) => ({ agentId, dn, name })) },
  });
  wsUrl = (await bridge.listen()).replace(/^http/, 'ws');
});

afterEach(async () => {
  await bridge.close();
  await face.close();
  await simulator.close();
});

async function socketOf(agentId: string): Promise<ClientSocket> {
  const socket = await ClientSocket.open(`${wsUrl}/genesysWs?agentId=${agentId}`);
  await socket.next('SessionOpened');
  return socket;
}

describe("an agent's own Genesys sign-in, handed over at initialize", () => {
  it('opens the Workspace session with the code the agent signed in with; the code is never logged', async () => {
    const wire = await socketOf('agent1');
    const credential = await signInWithCode(face.url, 'agent1', PASSWORD, REDIRECT_URI);
    expect(credential).toMatchObject({ kind: 'code', redirectUri: REDIRECT_URI });

    const reply = await postJson(`${bridge.url}/genesys/events`, { type: 'initialize', genesysCredential: credential }, { 'x-agent-id': 'agent1' });
    expect(reply.status).toBe(200);
    expect(await wire.next('EventRegistered')).toMatchObject({ thisDN: '5001' });
    expect(await wire.next('EventAgentReady')).toMatchObject({ thisDN: '5001' });

    const { connectionId } = simulator.placeCall({ from: CUSTOMER, to: '8000' });
    expect(await wire.next('EventRinging')).toMatchObject({ connectionId, ANI: CUSTOMER });
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(credential.kind === 'code' ? credential.code : credential.token);
    await wire.close();
  });

  it('refuses an agent who has not signed in, with a clear error, and serves the others', async () => {
    const wire1 = await socketOf('agent1');
    const refused = await postJson(`${bridge.url}/genesys/events`, { type: 'initialize' }, { 'x-agent-id': 'agent1' });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(JSON.stringify(refused.body)).toContain('has not signed in to Genesys');

    const wire2 = await socketOf('agent2');
    const credential = await signInWithCode(face.url, 'agent2', PASSWORD, REDIRECT_URI);
    expect((await postJson(`${bridge.url}/genesys/events`, { type: 'initialize', genesysCredential: credential }, { 'x-agent-id': 'agent2' })).status).toBe(
      200,
    );
    await wire2.next('EventAgentReady');
    expect(wire1.names()).not.toContain('EventRegistered');
    await wire1.close();
    await wire2.close();
  });

  it('refuses a malformed credential as an invalid command, and a forged code as unauthenticated', async () => {
    const malformed = await postJson(
      `${bridge.url}/genesys/events`,
      { type: 'initialize', genesysCredential: { kind: 'code', code: 'x' } },
      { 'x-agent-id': 'agent1' },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'INVALID_COMMAND' } });

    const forged = await postJson(
      `${bridge.url}/genesys/events`,
      { type: 'initialize', genesysCredential: { kind: 'code', code: 'forged', redirectUri: REDIRECT_URI } },
      { 'x-agent-id': 'agent1' },
    );
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await http(`${bridge.url}/healthz`)).status).toBe(200);
  });

  it('Genesys Authentication refuses a wrong password, an unregistered client and a redirect URI it does not know', async () => {
    await expect(signInWithCode(face.url, 'agent1', 'wrong', REDIRECT_URI)).rejects.toThrow(/sign-in refused/);
    const unknownClient = await fetch(
      `${face.url}/auth/v3/oauth/authorize?response_type=code&client_id=other&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
    );
    expect(unknownClient.status).toBe(400);
    expect(await unknownClient.text()).toContain('The client other is not registered with Genesys Authentication.');
    await expect(signInWithCode(face.url, 'agent1', PASSWORD, 'https://evil.example.com/cb')).rejects.toThrow(/answered 400/);
  });
});
