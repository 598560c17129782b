import { CtiError, genesysCredentialSchema } from '@ctikit/protocol';
import type { GenesysCredential, Target } from '@ctikit/protocol';
import { systemClock } from '@ctikit/kernel';
import type {
  AgentEntry,
  CallLegSnapshot,
  ContactCenterPort,
  DnSnapshot,
  PortEvent,
  PortEventListener,
  ReasonCode,
  RequestOutcome,
  TServerRequest,
} from '@ctikit/contact-center';
import { AgentLink } from './agent-link.ts';
import { DIRECTORY_TTL_MS, DirectoryCache, directoryOf } from './workspace-directory.ts';
import { workspaceApiConfigSchema } from './options.ts';
import type { BackendLog, WorkspaceApiBackendOptions } from './options.ts';
import { currentCredential } from './workspace-credential.ts';

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
  const { tokenSource, credentialSource } = options;
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

  /** What each agent signed in with at `initialize` (the toolbar's hand-over): wins over every other source. */
  const signedIn = new Map<string, GenesysCredential>();

  /** The agent's credential: its own sign-in, the code's source, the token source or the configuration; a malformed one is refused. */
  async function credentialOf(agentId: string, token: string | undefined): Promise<GenesysCredential> {
    const own = signedIn.get(agentId);
    if (own) return own;
    if (credentialSource) {
      const parsed = genesysCredentialSchema.safeParse(await credentialSource(agentId));
      if (!parsed.success) throw new CtiError('UNAUTHENTICATED', `The credential given for agent ${agentId} is not a Workspace API credential.`);
      return parsed.data;
    }
    if (tokenSource) return { kind: 'bearer', token: await tokenSource(agentId) };
    if (token !== undefined) return { kind: 'bearer', token };
    throw new CtiError('UNAUTHENTICATED', `Agent ${agentId} has not signed in to Genesys: the toolbar hands the agent's credential at initialize.`);
  }

  const links = new Map<string, AgentLink>(
    config.agents.map((agent) => [
      agent.dn,
      new AgentLink({
        apiUrl: config.apiUrl,
        apiKey: config.apiKey,
        agentId: agent.agentId,
        dn: agent.dn,
        credential: async () => {
          const credential = await credentialOf(agent.agentId, agent.token);
          const current = await currentCredential(credential, { apiUrl: config.apiUrl, client: config.auth, clock, timeoutMs: config.requestTimeoutMs });
          // A refreshed sign-in is the agent's from now on.
          if (signedIn.get(agent.agentId) === credential) signedIn.set(agent.agentId, current);
          return current;
        },
        clock,
        requestTimeoutMs: config.requestTimeoutMs,
        reconnect: config.reconnect,
        log,
        emit,
      }),
    ]),
  );

  const directory = new DirectoryCache(clock, DIRECTORY_TTL_MS);

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
    /**
     * The targets search, asked with the asking agent's session, else (it is reconnecting, or held by
     * another node of a cluster) with another session this backend holds: the directory is the
     * contact center's, not the agent's. One answer serves every agent for DIRECTORY_TTL_MS.
     */
    async targets(dn: string): Promise<Target[]> {
      const own = linkOf(dn);
      const link = own.online ? own : ([...links.values()].find((other) => other.online) ?? own);
      return directory.get(async () => {
        const { targets, unreadable } = directoryOf(await link.directory(), config.agents);
        if (unreadable > 0) log.warn({ agentId: link.agentId, unreadable }, 'directory entries of the Workspace API left out: the backend cannot read them');
        return targets;
      });
    },
    async request(request: TServerRequest): Promise<RequestOutcome> {
      const link = linkOf(request.thisDN);
      if (request.request === 'RequestRegisterAddress' && request.credential) signedIn.set(link.agentId, request.credential);
      return link.request(request);
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
    release(dn: string): void {
      links.get(dn)?.release();
    },

    leg(dn: string, connectionId: string): CallLegSnapshot | undefined {
      return linkOf(dn).leg(connectionId);
    },
    async close(): Promise<void> {
      for (const link of links.values()) link.close();
      listeners.clear();
    },
  };
}

function configOf(options: WorkspaceApiBackendOptions): Omit<WorkspaceApiBackendOptions, 'tokenSource' | 'credentialSource' | 'clock' | 'log'> {
  const { tokenSource: _tokenSource, credentialSource: _credentialSource, clock: _clock, log: _log, ...config } = options;
  return config;
}
