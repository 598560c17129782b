import { CtiError } from '@ctikit/protocol';
import { systemClock } from '@ctikit/kernel';
import type {
  AgentEntry,
  ContactCenterPort,
  DnSnapshot,
  PortEvent,
  PortEventListener,
  ReasonCode,
  RequestOutcome,
  TServerRequest,
} from '@ctikit/contact-center';
import { AgentLink } from './agent-link.ts';
import { workspaceApiConfigSchema } from './options.ts';
import type { BackendLog, WorkspaceApiBackendOptions } from './options.ts';

const silent: BackendLog = { info: () => undefined, warn: () => undefined, debug: () => undefined };

/**
 * The contact-center port on the Genesys Workspace API v3: one Workspace session per configured
 * agent (agent-link.ts), each acting as that agent with the agent's own OAuth token, turning
 * T-Server requests into Workspace operations and Workspace notifications back into the T-Server
 * events the simulator emits. An agent's requests and events concern its own DN only.
 */
export function createWorkspaceApiBackend(options: WorkspaceApiBackendOptions): ContactCenterPort {
  const parsed = workspaceApiConfigSchema.safeParse({ ...configOf(options), kind: 'workspace-api' });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid Workspace API backend options:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data;
  const { tokenSource } = options;
  const missing = config.agents.filter((agent) => agent.token === undefined && tokenSource === undefined);
  if (missing.length > 0) {
    throw new Error(`Invalid Workspace API backend options:\n  agents: no token for ${missing.map((agent) => agent.agentId).join(', ')} (set token, or pass tokenSource)`);
  }
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silent;
  const listeners = new Map<string, Set<PortEventListener>>();

  function emit(event: PortEvent): void {
    for (const listener of listeners.get(event.thisDN) ?? []) {
      try {
        listener(event);
      } catch (error) {
        log.warn({ err: error, dn: event.thisDN }, 'a listener of the Workspace API backend threw');
      }
    }
  }

  const links = new Map<string, AgentLink>(
    config.agents.map((agent) => [
      agent.dn,
      new AgentLink({
        apiUrl: config.apiUrl,
        apiKey: config.apiKey,
        agentId: agent.agentId,
        dn: agent.dn,
        token: async () => (tokenSource ? await tokenSource(agent.agentId) : (agent.token as string)),
        clock,
        requestTimeoutMs: config.requestTimeoutMs,
        reconnect: config.reconnect,
        log,
        emit,
      }),
    ]),
  );

  function linkOf(dn: string): AgentLink {
    const link = links.get(dn);
    if (!link) throw new CtiError('DN_NOT_CONFIGURED', `DN ${dn} is not a configured agent DN.`);
    return link;
  }

  return {
    agents(): AgentEntry[] {
      return config.agents.map(({ agentId, dn, name }) => ({ agentId, dn, name: name ?? agentId }));
    },
    reasonCodes(): ReasonCode[] {
      return config.reasonCodes.map(({ code, label }) => ({ code, label }));
    },
    async request(request: TServerRequest): Promise<RequestOutcome> {
      return linkOf(request.thisDN).request(request);
    },
    subscribe(dn: string, listener: PortEventListener): () => void {
      let set = listeners.get(dn);
      if (!set) {
        set = new Set();
        listeners.set(dn, set);
      }
      set.add(listener);
      return () => {
        listeners.get(dn)?.delete(listener);
      };
    },
    snapshot(dn: string): DnSnapshot {
      return linkOf(dn).snapshot();
    },
    async close(): Promise<void> {
      for (const link of links.values()) link.close();
      listeners.clear();
    },
  };
}

function configOf(options: WorkspaceApiBackendOptions): Omit<WorkspaceApiBackendOptions, 'tokenSource' | 'clock' | 'log'> {
  const { tokenSource: _tokenSource, clock: _clock, log: _log, ...config } = options;
  return config;
}
