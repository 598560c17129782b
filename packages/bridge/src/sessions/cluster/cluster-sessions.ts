import { randomUUID } from 'node:crypto';
import { CtiError } from '@ctikit/protocol';
import type { Command, SessionOpened } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { ContactCenterPort } from '@ctikit/contact-center';
import type { FastifyBaseLogger } from 'fastify';
import { runOnSession } from '../../commands/session-commands.ts';
import type { UserDataGuard } from '../../commands/user-data-guard.ts';
import type { AgentIdentity } from '../../identity/agent-identity.ts';
import type { BridgeMetrics } from '../../ops/metrics.ts';
import { AgentSession, hasState } from '../agent-session.ts';
import type { FrameSink, ResumeRequest } from '../agent-session.ts';
import type { AgentSessions, AttachedSocket, CommandOutcome } from '../agent-sessions.ts';
import { sessionOpenedFrame, snapshotFrame } from '../frames.ts';
import { RESYNC_MESSAGE, storeUnavailable } from './cluster-store.ts';
import type { ClusterStore, StoredSession, StoredState } from './cluster-store.ts';
import { nodeMessageSchema } from './node-messages.ts';
import type { ForwardedCommand, NodeMessage } from './node-messages.ts';

/** Close code for the sockets of a session that was resynced: they rejoin it and get a Snapshot. */
export const CLOSE_RESYNCED = 4001;

export interface ClusterSessionsOptions {
  store: ClusterStore;
  nodeId: string;
  /** How long an agent's lease lasts without renewal: the failover time after a node dies. */
  leaseMs: number;
  /** How long a node waits for the owner's answer to a forwarded command. */
  forwardTimeoutMs: number;
  backend: ContactCenterPort;
  clock: Clock;
  metrics: BridgeMetrics;
  log: FastifyBaseLogger;
  heartbeatMs: number;
  /** How long an agent may have no socket on any node before the owner logs the agent out. */
  sessionGraceMs: number;
  replayBufferSize: number;
  replayBufferBytes: number;
  userData: UserDataGuard;
}

/** A socket of this node: live, or still catching up (frames that arrive meanwhile wait in `queued`). */
interface LocalSink {
  sink: FrameSink;
  queued: string[] | undefined;
}

/** What this node has of one agent: its sockets here, and the session when this node owns the agent. */
interface LocalAgent {
  identity: AgentIdentity;
  sinks: Set<LocalSink>;
  subscribed: Promise<unknown> | undefined;
  owned: AgentSession | undefined;
  taking: Promise<AgentSession | undefined> | undefined;
  /** This node owned the agent once: it takes it back after losing it (Redis away) even with no socket here. */
  wasOwned: boolean;
  /** Owner only: since when (epoch ms) no node has said it has a socket of the agent. */
  socketlessSince: number | undefined;
}

/** What takeover compares: the agent's and the calls' states, not the times this node first saw them. */
function fingerprint(state: StoredState): string {
  const { agent } = state;
  const calls = [...state.calls]
    .sort((a, b) => a.connectionId.localeCompare(b.connectionId))
    .map((call) => [call.connectionId, call.eventId, call.state, call.muted, call.recordingState, call.parties, call.userData]);
  return JSON.stringify([agent.registered, agent.state, agent.workMode, agent.reasonCode, calls]);
}

function seqOf(frame: string): number | undefined {
  const seq: unknown = (JSON.parse(frame) as { seq?: unknown }).seq;
  return typeof seq === 'number' ? seq : undefined;
}

/**
 * The Redis session store, for several bridge nodes (cluster-store.ts holds the keys and scripts).
 * No sticky sessions: a socket or a command may arrive on any node.
 *
 * - **Ownership**: each agent's backend session is owned by one node under a lease (`leaseMs`),
 *   renewed every third of it. The owner subscribes to the agent's DN, stamps eventIds, sequences
 *   the frames and appends them (fenced by the lease) to the replay in Redis, which publishes them.
 * - **Sockets**: any node subscribes to the agent's frames channel for its sockets; a joining socket
 *   gets SessionOpened and the replay (or a Snapshot) from Redis, then the live frames, with the
 *   frames that came while it caught up delivered once, in order.
 * - **Commands**: run by the owner; another node forwards them on the owner's channel. An owner
 *   that does not answer is gone: the node waits for its lease to run out and takes the agent over.
 * - **Takeover**: a node with the agent's sockets (or a command for it) takes the lease when it is
 *   free, registers the DN with the contact center again (quietly: its events are not news) and
 *   compares the contact center's state with the state last published. Unchanged: the session
 *   goes on with the next seq and the clients resume with no gap and no duplicate. Changed (a call
 *   ended while no node was watching): the session starts over under a new sessionId and every
 *   socket rejoins it (close code 4001) and gets a Snapshot.
 */
export class ClusterSessions implements AgentSessions {
  private readonly agents = new Map<string, LocalAgent>();
  private readonly byChannel = new Map<string, LocalAgent>();
  private readonly replies = new Map<string, (message: Extract<NodeMessage, { kind: 'reply' }>) => void>();
  private readonly ready: Promise<unknown>;
  private tick: TimerHandle | undefined;
  private closed = false;
  /** Kept as they change, so /metrics and /healthz do not walk every agent. */
  private ownedCount = 0;
  private socketTotal = 0;

  constructor(private readonly options: ClusterSessionsOptions) {
    const { store, nodeId } = options;
    store.subscriber.on('message', (channel: string, message: string) => this.onMessage(channel, message));
    this.ready = store.subscriber.subscribe(store.nodeChannel(nodeId)).catch((error: unknown) => {
      options.log.warn({ err: error }, "cluster: cannot subscribe to this node's channel yet");
    });
    store.subscriber.on('ready', () => void store.subscriber.subscribe(store.nodeChannel(nodeId)).catch(() => undefined));
    this.schedule();
  }

  /** The agents whose session this node owns. */
  get size(): number {
    return this.ownedCount;
  }

  get socketCount(): number {
    return this.socketTotal;
  }

  /** The replay lives in Redis. */
  get replayBytes(): number {
    return 0;
  }

  get available(): boolean {
    return this.options.store.ready;
  }

  socketsOf(agentId: string): number {
    return this.agents.get(agentId)?.sinks.size ?? 0;
  }

  async attach(identity: AgentIdentity, sink: FrameSink, resume: ResumeRequest): Promise<AttachedSocket> {
    const agent = this.local(identity);
    const local: LocalSink = { sink, queued: [] };
    agent.sinks.add(local);
    this.socketTotal += 1;
    const detach = (): void => {
      if (agent.sinks.delete(local)) this.socketTotal -= 1;
      this.forgetIfIdle(agent);
    };
    try {
      await this.subscribe(agent);
      await this.options.store.markPresent(identity.agentId, this.options.leaseMs);
      await this.ensureOwner(agent);
      const stored = await this.options.store.load(identity.agentId);
      if (!stored) throw new CtiError('SESSION_STORE_UNAVAILABLE', `The session of agent ${identity.agentId} is not in the session store.`);
      const { mode, frames } = await this.catchUpOf(identity.agentId, stored, resume);
      const opened = sessionOpenedFrame({
        sessionId: stored.sessionId,
        agentId: identity.agentId,
        dn: identity.dn,
        lastSeq: stored.seq,
        resume: mode,
        heartbeatMs: this.options.heartbeatMs,
      });
      sink.catchUp([opened, ...frames]);
      // The replay is read after the load, so it may already hold frames that also came live meanwhile: each goes out once.
      const caughtUp = Math.max(stored.seq, ...frames.map((frame) => seqOf(frame) ?? 0));
      const queued = local.queued ?? [];
      local.queued = undefined;
      for (const frame of queued) if ((seqOf(frame) ?? 0) > caughtUp) sink.send(frame);
      return { resume: mode, sessionId: stored.sessionId, detach };
    } catch (error) {
      detach();
      throw storeUnavailable(error);
    }
  }

  async execute(identity: AgentIdentity, command: Command, referenceId: string): Promise<CommandOutcome> {
    const agent = this.local(identity);
    try {
      return await this.executeAs(agent, command, referenceId);
    } catch (error) {
      throw storeUnavailable(error);
    } finally {
      this.forgetIfIdle(agent);
    }
  }

  private async executeAs(agent: LocalAgent, command: Command, referenceId: string): Promise<CommandOutcome> {
    const { identity } = agent;
    for (let attempt = 0; attempt < 3; attempt++) {
      const { nodeId, ttlMs } = await this.options.store.owner(identity.agentId);
      if (nodeId === undefined || nodeId === this.options.nodeId) {
        const session = await this.own(agent);
        if (session) return await this.runHere(session, command, referenceId);
        continue;
      }
      const answer = await this.forward(nodeId, { kind: 'command', id: randomUUID(), replyTo: this.options.nodeId, identity, command, referenceId });
      if (answer === 'gone') {
        // The owner is not listening: it died. Its lease runs out within ttlMs; then the agent is free to take.
        this.options.log.warn({ agentId: identity.agentId, owner: nodeId, ttlMs }, "cluster: the agent's node does not answer; waiting for its lease");
        await new Promise((resolve) => this.options.clock.setTimer(ttlMs + 20, () => resolve(undefined)));
        continue;
      }
      if (answer === 'notOwner') continue;
      return answer;
    }
    throw new CtiError('BACKEND_UNAVAILABLE', `No bridge node could take agent ${identity.agentId} over; retry shortly.`);
  }

  reportCommandError(identity: AgentIdentity, error: CtiError, referenceId: string, connectionId?: string): void {
    const owned = this.agents.get(identity.agentId)?.owned;
    if (owned) {
      owned.reportCommandError(error, referenceId, connectionId);
      return;
    }
    const { store, log } = this.options;
    const message: NodeMessage = {
      kind: 'report',
      identity,
      error: { code: error.code, message: error.message },
      referenceId,
      ...(connectionId !== undefined ? { connectionId } : {}),
    };
    store
      .owner(identity.agentId)
      .then(({ nodeId }) => (nodeId === undefined ? 0 : store.redis.publish(store.nodeChannel(nodeId), JSON.stringify(message))))
      .catch((cause: unknown) => log.info({ err: cause, agentId: identity.agentId }, 'cluster: a command failure could not be echoed'));
  }

  /** Stop renewing, give every owned agent's lease back (another node takes each over at once) and drop the sessions. */
  async close(): Promise<void> {
    this.closed = true;
    this.tick?.cancel();
    await this.ready;
    const owned = [...this.agents.values()].filter((agent) => agent.owned);
    await Promise.allSettled(owned.map((agent) => this.options.store.release(agent.identity.agentId, this.options.nodeId)));
    for (const agent of this.agents.values()) if (agent.owned) this.disown(agent, agent.owned);
    this.agents.clear();
    this.ownedCount = 0;
    this.socketTotal = 0;
    this.byChannel.clear();
    await this.options.store.close();
  }

  private local(identity: AgentIdentity): LocalAgent {
    let agent = this.agents.get(identity.agentId);
    if (!agent) {
      agent = { identity, sinks: new Set(), subscribed: undefined, owned: undefined, taking: undefined, wasOwned: false, socketlessSince: undefined };
      this.agents.set(identity.agentId, agent);
    }
    return agent;
  }

  /** An agent with no socket here and no session owned here is forgotten (and its channel left). */
  private forgetIfIdle(agent: LocalAgent): void {
    if (agent.sinks.size > 0 || agent.owned || agent.taking || agent.wasOwned) return;
    this.agents.delete(agent.identity.agentId);
    const channel = this.options.store.framesChannel(agent.identity.agentId);
    this.byChannel.delete(channel);
    if (agent.subscribed) void this.options.store.subscriber.unsubscribe(channel).catch(() => undefined);
  }

  private subscribe(agent: LocalAgent): Promise<unknown> {
    const channel = this.options.store.framesChannel(agent.identity.agentId);
    this.byChannel.set(channel, agent);
    agent.subscribed ??= this.options.store.subscriber.subscribe(channel).catch((error: unknown) => {
      agent.subscribed = undefined;
      throw error;
    });
    return agent.subscribed;
  }

  private async catchUpOf(agentId: string, stored: StoredSession, resume: ResumeRequest): Promise<{ mode: SessionOpened['resume']; frames: string[] }> {
    if (resume.sessionId === stored.sessionId && resume.resumeFrom !== undefined) {
      const missed = await this.options.store.replay(agentId, resume.resumeFrom);
      if (missed) return { mode: 'replayed', frames: missed };
    }
    if (stored.state && hasState(stored.state)) return { mode: 'snapshot', frames: [snapshotFrame({ lastSeq: stored.seq, ...stored.state })] };
    return { mode: 'fresh', frames: [] };
  }

  /** Someone owns the agent once this resolves: another node, or this one (taking it over when free). */
  private async ensureOwner(agent: LocalAgent): Promise<void> {
    if (agent.owned) return;
    const { nodeId } = await this.options.store.owner(agent.identity.agentId);
    if (nodeId === undefined || nodeId === this.options.nodeId) await this.own(agent);
  }

  /** This node's session of the agent, taking the agent over if the lease is free; undefined when another node holds it. */
  private own(agent: LocalAgent): Promise<AgentSession | undefined> {
    if (agent.owned) return Promise.resolve(agent.owned);
    agent.taking ??= this.takeOver(agent).finally(() => {
      agent.taking = undefined;
    });
    return agent.taking;
  }

  private async takeOver(agent: LocalAgent): Promise<AgentSession | undefined> {
    const { store, nodeId, leaseMs, backend, log } = this.options;
    const { agentId, dn } = agent.identity;
    if (this.closed || !(await store.acquire(agentId, nodeId, leaseMs))) return undefined;
    const stored = await store.load(agentId);
    if (stored?.state?.agent.registered) {
      try {
        await backend.request({ request: 'RequestRegisterAddress', thisDN: dn, referenceId: `takeover-${randomUUID()}` });
      } catch (error) {
        if (!(error instanceof CtiError && error.code === 'ALREADY_IN_STATE')) {
          await store.release(agentId, nodeId).catch(() => undefined);
          throw error;
        }
      }
    }
    let session = this.session(agent, stored ?? { sessionId: randomUUID(), seq: 0, state: undefined, eventIds: [] });
    const state = session.state();
    if (!stored?.state || fingerprint(stored.state) !== fingerprint(state)) {
      // New, or the contact center moved on while no node watched: start over, and every socket rejoins.
      session.dispose();
      session = this.session(agent, { sessionId: randomUUID(), seq: stored?.seq ?? 0, state, eventIds: session.ids.entries() });
      await store.reset(agentId, nodeId, { sessionId: session.sessionId, seq: session.lastSeq, state: session.state(), eventIds: session.ids.entries() });
      if (stored)
        log.info({ agentId, sessionId: session.sessionId }, 'cluster: took the agent over; the contact center had moved on, so the session was resynced');
    } else {
      log.info({ agentId, sessionId: session.sessionId, seq: session.lastSeq }, 'cluster: took the agent over; the session goes on');
    }
    if (!agent.owned) this.ownedCount += 1;
    agent.owned = session;
    agent.wasOwned = true;
    return session;
  }

  private session(agent: LocalAgent, restored: StoredSession): AgentSession {
    const { backend, replayBufferSize, replayBufferBytes, metrics, store, nodeId, log } = this.options;
    const { agentId, dn } = agent.identity;
    const session: AgentSession = new AgentSession(agentId, dn, { backend, replayBufferSize, replayBufferBytes, metrics }, restored, {
      record: (seq, frame) => {
        store.append(agentId, nodeId, seq, frame, session.state(), session.ids.entries()).catch((error: unknown) => {
          log.warn(
            { agentId, seq, reason: error instanceof Error ? error.message : String(error) },
            'cluster: a frame could not be stored; giving the agent up until it is taken over again',
          );
          this.disown(agent, session);
        });
      },
    });
    return session;
  }

  /** This node no longer drives the agent: its session goes, and so does its own link to the contact center for the DN. */
  private disown(agent: LocalAgent, session: AgentSession): void {
    if (agent.owned !== session) return;
    session.dispose();
    agent.owned = undefined;
    agent.socketlessSince = undefined;
    this.ownedCount -= 1;
    this.options.backend.release?.(agent.identity.dn);
  }

  private async runHere(session: AgentSession, command: Command, referenceId: string): Promise<CommandOutcome> {
    const { backend, userData } = this.options;
    return runOnSession(session, command, { backend, referenceId, userData });
  }

  /** Send a command to the owner; 'gone' when no node listens on its channel. */
  private async forward(nodeId: string, message: ForwardedCommand): Promise<CommandOutcome | 'gone' | 'notOwner'> {
    const { store, clock, forwardTimeoutMs } = this.options;
    const answered = new Promise<Extract<NodeMessage, { kind: 'reply' }>>((resolve, reject) => {
      const timer = clock.setTimer(forwardTimeoutMs, () => {
        this.replies.delete(message.id);
        reject(new CtiError('REQUEST_TIMEOUT', `The node that owns agent ${message.identity.agentId} did not answer in time.`));
      });
      this.replies.set(message.id, (reply) => {
        timer.cancel();
        this.replies.delete(message.id);
        resolve(reply);
      });
    });
    const receivers = await store.redis.publish(store.nodeChannel(nodeId), JSON.stringify(message));
    if (receivers === 0) {
      this.replies.get(message.id)?.({ kind: 'reply', id: message.id, notOwner: true });
      await answered;
      return 'gone';
    }
    const reply = await answered;
    if (reply.notOwner) return 'notOwner';
    if (reply.error) throw new CtiError(reply.error.code, reply.error.message);
    return reply.outcome ?? {};
  }

  private onMessage(channel: string, message: string): void {
    const agent = this.byChannel.get(channel);
    if (agent) {
      this.deliver(agent, message);
      return;
    }
    if (channel !== this.options.store.nodeChannel(this.options.nodeId)) return;
    let parsed;
    try {
      parsed = nodeMessageSchema.safeParse(JSON.parse(message));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      this.options.log.warn({ channel }, 'cluster: ignored a node message that is not one');
      return;
    }
    void this.onNodeMessage(parsed.data);
  }

  private deliver(agent: LocalAgent, frame: string): void {
    if (frame === RESYNC_MESSAGE) {
      for (const local of agent.sinks) if (local.queued === undefined) local.sink.close(CLOSE_RESYNCED, 'Session resynced: reconnect');
      return;
    }
    for (const local of agent.sinks) {
      if (local.queued) local.queued.push(frame);
      else local.sink.send(frame);
    }
  }

  private async onNodeMessage(message: NodeMessage): Promise<void> {
    const { store, log } = this.options;
    switch (message.kind) {
      case 'reply':
        this.replies.get(message.id)?.(message);
        return;
      case 'report': {
        const owned = this.agents.get(message.identity.agentId)?.owned;
        owned?.reportCommandError(new CtiError(message.error.code, message.error.message), message.referenceId, message.connectionId);
        return;
      }
      case 'command': {
        // A node holds the lease from the start of its takeover: a command forwarded meanwhile waits for it.
        const local = this.agents.get(message.identity.agentId);
        const owned = local?.owned ?? (await local?.taking?.catch(() => undefined));
        let reply: NodeMessage;
        if (!owned) reply = { kind: 'reply', id: message.id, notOwner: true };
        else {
          try {
            reply = { kind: 'reply', id: message.id, outcome: await this.runHere(owned, message.command as Command, message.referenceId) };
          } catch (error) {
            const failure = error instanceof CtiError ? error : new CtiError('INTERNAL_ERROR', error instanceof Error ? error.message : String(error));
            reply = { kind: 'reply', id: message.id, error: { code: failure.code, message: failure.message } };
          }
        }
        await store.redis.publish(store.nodeChannel(message.replyTo), JSON.stringify(reply)).catch((error: unknown) => {
          log.warn({ err: error, agentId: message.identity.agentId }, "cluster: a forwarded command's answer could not be sent");
        });
        return;
      }
    }
  }

  /**
   * The owner's grace logout: once no node has had a socket of the agent for `sessionGraceMs`, the
   * agent is logged out and the DN unregistered (a call still on the DN waits another period), by
   * the owner alone and once; then the owner gives the agent up, so no node takes it over again.
   */
  private async checkGrace(agent: LocalAgent, session: AgentSession): Promise<void> {
    const { store, clock, sessionGraceMs, backend, nodeId, log } = this.options;
    const { agentId, dn } = agent.identity;
    if (agent.sinks.size > 0 || (await store.present(agentId))) {
      agent.socketlessSince = undefined;
      return;
    }
    const now = clock.now();
    agent.socketlessSince ??= now;
    if (now - agent.socketlessSince < sessionGraceMs) return;
    const { agent: state, calls } = backend.snapshot(dn);
    if (calls.length > 0) {
      agent.socketlessSince = now;
      return;
    }
    try {
      if (state.state !== 'LoggedOut') await backend.request({ thisDN: dn, referenceId: randomUUID(), request: 'RequestAgentLogout' });
      if (state.registered) await backend.request({ thisDN: dn, referenceId: randomUUID(), request: 'RequestUnregisterAddress' });
    } catch (error) {
      log.warn({ err: error, agentId }, 'logging out an abandoned session failed');
      agent.socketlessSince = now;
      return;
    }
    this.disown(agent, session);
    agent.wasOwned = false;
    await store.release(agentId, nodeId);
    log.info({ agentId, sessionId: session.sessionId }, 'session expired: agent logged out');
    this.forgetIfIdle(agent);
  }

  /** Every third of the lease: renew the owned agents' leases, and take over the agents this node serves that nobody owns. */
  private schedule(): void {
    this.tick = this.options.clock.setTimer(Math.max(50, Math.floor(this.options.leaseMs / 3)), () => {
      void this.renew().finally(() => {
        if (!this.closed) this.schedule();
      });
    });
  }

  private async renew(): Promise<void> {
    const { store, nodeId, leaseMs, log } = this.options;
    await Promise.all(
      [...this.agents.values()].map(async (agent) => {
        const { agentId } = agent.identity;
        try {
          if (agent.sinks.size > 0) await store.markPresent(agentId, leaseMs);
          if (agent.owned) {
            if (!(await store.acquire(agentId, nodeId, leaseMs))) {
              log.warn({ agentId }, "cluster: another node holds the agent's lease now; giving the agent up");
              this.disown(agent, agent.owned);
            } else {
              await this.checkGrace(agent, agent.owned);
            }
          } else if ((agent.sinks.size > 0 || agent.wasOwned) && !agent.taking) {
            await this.own(agent);
          }
        } catch (error) {
          if (agent.owned) {
            log.warn(
              { agentId, reason: error instanceof Error ? error.message : String(error) },
              'cluster: the lease could not be renewed; giving the agent up',
            );
            this.disown(agent, agent.owned);
          }
        }
      }),
    );
  }
}
