import { createWorkspaceApiBackend } from '../../src/backends/workspace-api/index.ts';
import type { WorkspaceApiBackendOptions } from '../../src/backends/workspace-api/index.ts';
import type { ContactCenterPort } from '@ctikit/contact-center';
import { startAgentApiSimulator } from './agent-api-simulator.ts';
import type { AgentApiSimulator } from './agent-api-simulator.ts';
import { signInWithCode } from '../../test/backends/genesys-sign-in.ts';

/**
 * The Workspace API backend on Genesys' agent-api-simulator, started fresh for each target. The
 * agents are two of the simulator's own (its `data/agents.yaml`): each signs in with the
 * authorization-code flow, as their browser would, and the backend opens the Workspace session with
 * that code. Customers call through the simulator's management API, as its own UI does.
 */
export const JOHN = { agentId: 'JohnSmith', dn: '+33298025003' };
export const THOMAS = { agentId: 'ThomasWatson', dn: '+33298025011' };
/** A number from the simulator's contacts (`data/ucs/contacts.yaml`). */
export const CUSTOMER = '+33647001';

export interface KitTarget {
  simulator: AgentApiSimulator;
  port: ContactCenterPort;
  /** A customer calls the agent (`POST /sim/manage/voice/create-call`). */
  callIn(agentId: string, from: string): Promise<void>;
  close(): Promise<void>;
}

export async function startKitTarget(backend: Partial<Pick<WorkspaceApiBackendOptions, 'requestTimeoutMs'>> = {}): Promise<KitTarget> {
  const simulator = await startAgentApiSimulator();
  const port = createWorkspaceApiBackend({
    apiUrl: simulator.url,
    apiKey: 'ctikit-vendor-test',
    agents: [
      { ...JOHN, name: 'John Smith' },
      { ...THOMAS, name: 'Thomas Watson' },
    ],
    reasonCodes: [{ code: 'Break', label: 'Break' }],
    credentialSource: (agentId) => signInWithCode(simulator.url, agentId, agentId),
    ...backend,
  });
  return {
    simulator,
    port,
    async callIn(agentId, from) {
      const response = await fetch(`${simulator.url}/sim/manage/voice/create-call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ callType: 'Inbound', agent: agentId, orig: from }),
      });
      if (!response.ok) throw new Error(`create-call answered ${response.status}`);
    },
    async close() {
      await port.close();
      await simulator.stop();
    },
  };
}
