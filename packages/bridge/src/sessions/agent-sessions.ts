import type { Command, CtiError, SessionOpened } from '@ctikit/protocol';
import type { AgentIdentity } from '../identity/agent-identity.ts';
import type { FrameSink, ResumeRequest } from './agent-session.ts';

/** What a command reports back to its caller: the call it concerns, by ConnID and eventId. */
export interface CommandOutcome {
  eventId?: string;
  connectionId?: string;
}

/** One socket of an agent, once it joined the agent's session. */
export interface AttachedSocket {
  readonly resume: SessionOpened['resume'];
  readonly sessionId: string;
  /** The socket left: the session stops writing to it. */
  detach(): void;
}

/**
 * The session store port: the agents' sessions (sequence numbers, replay buffer, eventIds, the
 * sockets frames go to) and where their commands run. Two implementations:
 *
 * - `SessionRegistry` (session-registry.ts): in memory, one process, the default (`npm start`);
 * - `ClusterSessions` (cluster/cluster-sessions.ts): in Redis, shared by several bridge nodes; each
 *   agent's backend session is owned by one node under a lease, frames reach the agent's sockets on
 *   every node by pub/sub, and a command that arrives on another node is run by the owner.
 */
export interface AgentSessions {
  /** Sessions this process holds (the owned ones, in a cluster). */
  readonly size: number;
  /** Agent sockets open on this process. */
  readonly socketCount: number;
  /** Bytes of replay buffer this process holds in memory. */
  readonly replayBytes: number;
  /** Whether the store can be used now (always, in memory; in a cluster, while Redis answers). */
  readonly available: boolean;
  /** Sockets the agent has open on this process. */
  socketsOf(agentId: string): number;
  /** A socket joins the agent's session (opened on first use): SessionOpened, then the catch-up, then live frames. */
  attach(identity: AgentIdentity, sink: FrameSink, resume: ResumeRequest): Promise<AttachedSocket>;
  /** Run one command as the agent, on its own DN. */
  execute(identity: AgentIdentity, command: Command, referenceId: string): Promise<CommandOutcome>;
  /** A command failed before it ran: the agent's sockets hear it as an EventError (when the agent has a session). */
  reportCommandError(identity: AgentIdentity, error: CtiError, referenceId: string, connectionId?: string): void;
  /** Drop every session and timer (the backend sessions are the backend's to close). */
  close(): Promise<void>;
}
