import { ManualClock } from '@ctikit/kernel';
import type { Clock } from '@ctikit/kernel';
import { createSimulator, parseSimulatorConfig } from '@ctikit/contact-center';
import type { ContactCenterPort, ContactCenterSimulator, SimulatorConfigInput } from '@ctikit/contact-center';
import { createWorkspaceFace } from '@ctikit/workspace-sim';
import type { WorkspaceFace } from '@ctikit/workspace-sim';
import { createWorkspaceApiBackend } from '../../src/backends/workspace-api/index.ts';
import type { WorkspaceApiBackendOptions } from '../../src/backends/workspace-api/index.ts';

/**
 * The Workspace API backend against a real Workspace API face on an ephemeral loopback port, over
 * real HTTP and CometD; the face is backed by its own simulator (on a ManualClock), whose control
 * side plays the customer. Each agent's bearer token is `token-<agentId>`.
 */
export const API_KEY = 'test-api-key';

export interface WorkspaceTarget {
  port: ContactCenterPort;
  /** The simulator behind the face. */
  simulator: ContactCenterSimulator;
  face: WorkspaceFace;
  close(): Promise<void>;
}

export function tokenOf(agentId: string): string {
  return `token-${agentId}`;
}

export async function startWorkspaceTarget(
  config: SimulatorConfigInput,
  backend: Partial<Pick<WorkspaceApiBackendOptions, 'tokenSource' | 'reconnect' | 'requestTimeoutMs'>> & { clock?: Clock } = {},
): Promise<WorkspaceTarget> {
  const settings = parseSimulatorConfig(config);
  const simulator = createSimulator(settings, new ManualClock());
  const face = createWorkspaceFace({
    simulator,
    apiKey: API_KEY,
    tokens: settings.agents.map(({ agentId }) => ({ token: tokenOf(agentId), agentId })),
  });
  const apiUrl = await face.listen();
  const port = createWorkspaceApiBackend({
    apiUrl,
    apiKey: API_KEY,
    agents: settings.agents.map(({ agentId, dn, name }) => ({ agentId, dn, name, token: tokenOf(agentId) })),
    reasonCodes: settings.reasonCodes,
    ...backend,
  });
  return {
    port,
    simulator,
    face,
    async close() {
      await port.close();
      await face.close();
      await simulator.close();
    },
  };
}
