import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@ctikit/kernel';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterPort, ContactCenterSimulator } from '@ctikit/contact-center';
import { createWorkspaceFace } from '@ctikit/workspace-sim';
import type { WorkspaceFace } from '@ctikit/workspace-sim';
import { CONFORMANCE_CONFIG } from '../../../contact-center/test/conformance/scenario.ts';
import { createBridge } from '../../src/index.ts';
import type { Bridge } from '../../src/index.ts';
import { createWorkspaceApiBackend } from '../../src/backends/workspace-api/index.ts';
import { ClientSocket, command, readyAgent, startBridge, talking } from '../harness.ts';
import type { TestBridge } from '../harness.ts';
import { API_KEY, tokenOf } from '../backends/workspace-target.ts';

/**
 * What a bridge restart keeps (issue 14, item 11; docs/protocol.md § What survives a restart): with
 * the embedded simulator nothing (the calls lived in the bridge's process); with the Workspace API
 * the calls live in Genesys, and the restarted bridge recovers them when the agent signs in again.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the embedded simulator', () => {
  it('loses every call: the old session resumes as fresh, with no Snapshot and no call', async () => {
    const first: TestBridge = await startBridge();
    const alex = await readyAgent(first, 'agent1');
    await talking(first, alex, 'agent1');
    const { sessionId } = alex.opened;
    const lastSeq = alex.sequenced().at(-1)?.seq as number;
    await alex.close();
    await first.close();

    const second = await startBridge();
    cleanups.push(() => second.close());
    const resumed = await ClientSocket.agent(second, { agentId: 'agent1', sessionId, resumeFrom: String(lastSeq) });
    expect(resumed.opened).toMatchObject({ resume: 'fresh' });
    expect(resumed.opened.sessionId).not.toBe(sessionId);
    expect(second.sim.listCalls()).toEqual([]);
    await resumed.close();
  });
});

describe('the Workspace API backend', () => {
  let simulator: ContactCenterSimulator;
  let face: WorkspaceFace;
  const settings = parseSimulatorConfig(CONFORMANCE_CONFIG);
  const agent = settings.agents[0] as (typeof settings.agents)[number];

  async function startBridgeOnWorkspace(apiUrl: string): Promise<{ bridge: Bridge; backend: ContactCenterPort; url: string; wsUrl: string }> {
    const backend = createWorkspaceApiBackend({
      apiUrl,
      apiKey: API_KEY,
      agents: settings.agents.map(({ agentId, dn, name }) => ({ agentId, dn, name, token: tokenOf(agentId) })),
      reasonCodes: settings.reasonCodes,
    });
    const bridge = createBridge({ port: 0, logLevel: 'silent', staticDirs: [], backend, simulatorControl: false });
    const url = await bridge.listen();
    return { bridge, backend, url, wsUrl: url.replace(/^http/, 'ws') };
  }

  it('recovers the call on restart: the agent signs in again and finds it, and can hang it up', async () => {
    simulator = createSimulator(settings, new ManualClock());
    face = createWorkspaceFace({ simulator, apiKey: API_KEY, tokens: settings.agents.map(({ agentId }) => ({ token: tokenOf(agentId), agentId })) });
    const apiUrl = await face.listen();
    cleanups.push(async () => {
      await face.close();
      await simulator.close();
    });

    const first = await startBridgeOnWorkspace(apiUrl);
    const target = { url: first.url, wsUrl: first.wsUrl } as TestBridge;
    const socket = await readyAgent(target, agent.agentId);
    const { connectionId } = simulator.placeCall({ from: '4155550123', to: agent.dn });
    await socket.next((frame) => frame.eventName === 'EventRinging' && frame.connectionId === connectionId);
    expect((await command(target, agent.agentId, { type: 'Accept', connectionId })).status).toBe(200);
    await socket.next((frame) => frame.eventName === 'EventEstablished' && frame.connectionId === connectionId);
    const { sessionId } = socket.opened;
    await socket.close();
    await first.bridge.close();
    await first.backend.close();

    const second = await startBridgeOnWorkspace(apiUrl);
    cleanups.push(async () => {
      await second.bridge.close();
      await second.backend.close();
    });
    const again = { url: second.url, wsUrl: second.wsUrl } as TestBridge;
    const resumed = await ClientSocket.agent(again, { agentId: agent.agentId, sessionId, resumeFrom: '3' });
    expect(resumed.opened).toMatchObject({ resume: 'fresh' });
    expect((await command(again, agent.agentId, { type: 'initialize' })).status).toBe(200);
    const recovered = await resumed.next((frame) => frame.connectionId === connectionId);
    expect(recovered).toMatchObject({ eventName: 'EventEstablished', connectionId, eventId: expect.any(String) });
    const snapshot = await ClientSocket.agent(again, { agentId: agent.agentId });
    expect(snapshot.opened).toMatchObject({ resume: 'snapshot' });
    expect(await snapshot.next('Snapshot')).toMatchObject({ calls: [expect.objectContaining({ connectionId, eventId: recovered.eventId })] });
    expect((await command(again, agent.agentId, { type: 'Hangup', connectionId })).status).toBe(200);
    await resumed.next((frame) => frame.eventName === 'EventReleased' && frame.connectionId === connectionId);
    expect(simulator.listCalls()).toEqual([]);
    await Promise.all([resumed.close(), snapshot.close()]);
  });
});
