import { randomUUID } from 'node:crypto';
import type { Command, CtiError } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { ContactCenterPort } from '@ctikit/contact-center';
import type { FastifyBaseLogger } from 'fastify';
import { runOnSession } from '../commands/session-commands.ts';
import type { UserDataGuard } from '../commands/user-data-guard.ts';
import type { AgentIdentity } from '../identity/agent-identity.ts';
import type { BridgeMetrics } from '../ops/metrics.ts';
import { AgentSession } from './agent-session.ts';
import type { FrameSink, ResumeRequest, SessionDeps, SessionTally } from './agent-session.ts';
import type { AgentSessions, AttachedSocket, CommandOutcome } from './agent-sessions.ts';

export interface RegistryOptions {
  backend: ContactCenterPort;
  clock: Clock;
  metrics: BridgeMetrics;
  log: FastifyBaseLogger;
  sessionGraceMs: number;
  replayBufferSize: number;
  replayBufferBytes: number;
  heartbeatMs: number;
  userData: UserDataGuard;
}

/**
 * The in-memory session store (one process, the default): the sessions, one per agent, opened by the agent's first socket or command. A session with no
 * socket is kept for `sessionGraceMs`, so a reconnect (or a page reload while a call rings) loses
 * nothing. When the grace period ends with still no socket: if the agent is on a call, the session
 * waits another period; otherwise the agent is logged out, the DN unregistered and the session
 * dropped.
 */
export class SessionRegistry implements AgentSessions {
  private readonly sessions = new Map<string, AgentSession>();
  private readonly graceTimers = new Map<AgentSession, TimerHandle>();
  private readonly tally: SessionTally = { sockets: 0, replayBytes: 0 };
  /** What every session shares: one object, not one per session. */
  private readonly sessionDeps: SessionDeps;

  constructor(private readonly options: RegistryOptions) {
    const { backend, replayBufferSize, replayBufferBytes, metrics } = options;
    this.sessionDeps = { backend, replayBufferSize, replayBufferBytes, metrics, tally: this.tally };
  }

  get size(): number {
    return this.sessions.size;
  }

  get socketCount(): number {
    return this.tally.sockets;
  }

  get replayBytes(): number {
    return this.tally.replayBytes;
  }

  get(agentId: string): AgentSession | undefined {
    return this.sessions.get(agentId);
  }

  readonly available = true;

  socketsOf(agentId: string): number {
    return this.sessions.get(agentId)?.socketCount ?? 0;
  }

  async attach(identity: AgentIdentity, sink: FrameSink, resume: ResumeRequest): Promise<AttachedSocket> {
    const session = this.open(identity);
    this.graceTimers.get(session)?.cancel();
    this.graceTimers.delete(session);
    const mode = session.attach(sink, resume, this.options.heartbeatMs);
    return { resume: mode, sessionId: session.sessionId, detach: () => this.detach(session, sink) };
  }

  execute(identity: AgentIdentity, command: Command, referenceId: string): Promise<CommandOutcome> {
    const { backend, userData } = this.options;
    return runOnSession(this.open(identity), command, { backend, referenceId, userData });
  }

  reportCommandError(identity: AgentIdentity, error: CtiError, referenceId: string, connectionId?: string): void {
    this.sessions.get(identity.agentId)?.reportCommandError(error, referenceId, connectionId);
  }

  async close(): Promise<void> {
    this.closeAll();
  }

  /** The agent's session, opened (and subscribed to its DN) on first use. */
  open(identity: AgentIdentity): AgentSession {
    const existing = this.sessions.get(identity.agentId);
    if (existing) return existing;
    const session = new AgentSession(identity.agentId, identity.dn, this.sessionDeps);
    this.sessions.set(identity.agentId, session);
    this.options.log.info({ agentId: session.agentId, dn: session.dn, sessionId: session.sessionId }, 'session opened');
    this.startGrace(session);
    return session;
  }

  detach(session: AgentSession, socket: FrameSink): void {
    session.detach(socket);
    if (session.socketCount === 0 && this.sessions.get(session.agentId) === session) this.startGrace(session);
  }

  closeAll(): void {
    for (const timer of this.graceTimers.values()) timer.cancel();
    this.graceTimers.clear();
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }

  private startGrace(session: AgentSession): void {
    this.graceTimers.get(session)?.cancel();
    this.graceTimers.set(
      session,
      this.options.clock.setTimer(this.options.sessionGraceMs, () => void this.expire(session)),
    );
  }

  private async expire(session: AgentSession): Promise<void> {
    this.graceTimers.delete(session);
    if (session.socketCount > 0) return;
    const { backend, log } = this.options;
    try {
      const { agent, calls } = backend.snapshot(session.dn);
      if (calls.length > 0) {
        this.startGrace(session);
        return;
      }
      const base = { thisDN: session.dn };
      if (agent.state !== 'LoggedOut') await backend.request({ ...base, referenceId: randomUUID(), request: 'RequestAgentLogout' });
      if (agent.registered) await backend.request({ ...base, referenceId: randomUUID(), request: 'RequestUnregisterAddress' });
    } catch (error) {
      log.warn({ err: error, agentId: session.agentId }, 'logging out an abandoned session failed');
    }
    if (session.socketCount > 0 || this.sessions.get(session.agentId) !== session) return;
    session.dispose();
    this.sessions.delete(session.agentId);
    log.info({ agentId: session.agentId, sessionId: session.sessionId }, 'session expired: agent logged out');
  }
}
