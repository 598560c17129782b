import { randomUUID } from 'node:crypto';
import {
  isCallEvent,
  type CallSnapshot,
  type CtiError,
  type SessionOpened,
  type Snapshot,
  type TServerEventName,
  type UnsequencedEvent,
} from '@ctikit/protocol';
import type { ContactCenterPort, PortEvent } from '@ctikit/contact-center';
import type { BridgeMetrics } from '../ops/metrics.ts';
import { commandErrorEvent, sessionOpenedFrame, snapshotFrame, wallClockMs } from './frames.ts';
import { InteractionIds } from './interaction-ids.ts';
import { ReplayBuffer } from './replay-buffer.ts';

/** Where a session writes frames: one of its sockets. */
export interface FrameSink {
  /** A live frame. */
  send(frame: string): void;
  /** The frames that bring a joining socket up to date, written as one burst. */
  catchUp(frames: readonly string[]): void;
  /** End the socket with a WebSocket close code (the client reconnects and resumes). */
  close(code: number, reason: string): void;
}

export interface ResumeRequest {
  sessionId?: string | undefined;
  resumeFrom?: number | undefined;
}

export interface SessionDeps {
  backend: ContactCenterPort;
  replayBufferSize: number;
  replayBufferBytes: number;
  metrics: BridgeMetrics;
  /** Totals over every session, kept up to date as sockets join and leave and frames are kept. */
  tally?: SessionTally;
}

/** The sockets open and the replay bytes held by a set of sessions, so /metrics and /healthz read them without a walk. */
export interface SessionTally {
  sockets: number;
  replayBytes: number;
}

/** A session as the session store kept it, for the node that takes the agent over. */
export interface RestoredSession {
  sessionId: string;
  seq: number;
  eventIds: ReadonlyArray<readonly [string, string]>;
}

/**
 * Where a session's sequenced frames go instead of its own replay buffer and sockets (a cluster:
 * the session store, which keeps them for resume and delivers them to the agent's sockets on every
 * node).
 */
export interface SessionJournal {
  record(seq: number, frame: string): void;
}

/** Legs that end here: their ConnID is forgotten once the event is sent. */
const LEG_ENDING_EVENTS = new Set<TServerEventName>(['EventReleased', 'EventAbandoned']);

/**
 * One agent's session: its DN's event stream from the contact center, sequenced (`seq` from 1, no
 * gaps), stamped with the interaction's `eventId`, serialised once and written to every socket the
 * agent has open (two tabs get the same frames). The last N frames are kept so a reconnecting
 * client resumes where it stopped; when they are gone it gets a Snapshot instead.
 */
export class AgentSession {
  readonly sessionId: string;
  readonly ids: InteractionIds;
  private seq: number;
  private readonly buffer: ReplayBuffer;
  private readonly sockets = new Set<FrameSink>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly agentId: string,
    readonly dn: string,
    private readonly deps: SessionDeps,
    restored?: RestoredSession,
    private readonly journal?: SessionJournal,
  ) {
    this.sessionId = restored?.sessionId ?? randomUUID();
    this.seq = restored?.seq ?? 0;
    this.ids = new InteractionIds(restored?.eventIds);
    this.buffer = new ReplayBuffer(deps.replayBufferSize, deps.replayBufferBytes);
    this.unsubscribe = deps.backend.subscribe(dn, (event) => this.onPortEvent(event));
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  /** Bytes held for resume. */
  get replayBytes(): number {
    return this.buffer.bytes;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** A command failed: every socket of the agent hears it as an EventError with the request's referenceId. */
  reportCommandError(error: CtiError, referenceId: string, connectionId?: string): void {
    const eventId = connectionId === undefined ? undefined : this.ids.eventIdOf(connectionId);
    this.publish(commandErrorEvent(error, { thisDN: this.dn, agentId: this.agentId, referenceId, connectionId, eventId }));
  }

  /**
   * A socket joins: `SessionOpened`, then the missed frames (`replayed`), or a `Snapshot` when the
   * agent is logged in or on a call (`snapshot`), or nothing (`fresh`); live frames follow.
   */
  attach(socket: FrameSink, resume: ResumeRequest, heartbeatMs: number): SessionOpened['resume'] {
    const missed = resume.sessionId === this.sessionId && resume.resumeFrom !== undefined ? this.buffer.since(resume.resumeFrom) : undefined;
    let mode: SessionOpened['resume'] = 'fresh';
    let catchUp: string[] = [];
    if (missed) {
      mode = 'replayed';
      catchUp = missed;
    } else {
      const state = this.state();
      if (hasState(state)) {
        mode = 'snapshot';
        catchUp = [snapshotFrame({ lastSeq: this.seq, ...state })];
      }
    }
    const opened = sessionOpenedFrame({ sessionId: this.sessionId, agentId: this.agentId, dn: this.dn, lastSeq: this.seq, resume: mode, heartbeatMs });
    socket.catchUp([opened, ...catchUp]);
    if (!this.sockets.has(socket) && this.deps.tally) this.deps.tally.sockets += 1;
    this.sockets.add(socket);
    return mode;
  }

  /** The agent and their calls now, each call with its eventId. */
  state(): Pick<Snapshot, 'agent' | 'calls'> {
    const { agent, calls } = this.deps.backend.snapshot(this.dn);
    const withIds: CallSnapshot[] = calls.map((call) => ({ eventId: this.ids.ensure(call.connectionId), ...call }));
    return { agent, calls: withIds };
  }

  detach(socket: FrameSink): void {
    if (this.sockets.delete(socket) && this.deps.tally) this.deps.tally.sockets -= 1;
  }

  /** Whether the contact center has this ConnID as a leg on the agent's DN now. */
  hasCall(connectionId: string): boolean {
    return this.deps.backend.leg(this.dn, connectionId) !== undefined;
  }

  dispose(): void {
    this.unsubscribe();
    if (this.deps.tally) {
      this.deps.tally.sockets -= this.sockets.size;
      this.deps.tally.replayBytes -= this.buffer.bytes;
    }
    this.sockets.clear();
    this.buffer.clear();
  }

  private onPortEvent(event: PortEvent): void {
    const receivedAt = performance.now();
    this.publish(this.withEventId(event));
    if (LEG_ENDING_EVENTS.has(event.eventName) && isCallEvent(event)) this.ids.drop(event.connectionId);
    this.deps.metrics.fanout.observe((performance.now() - receivedAt) / 1000);
  }

  /** A call event gets its leg's eventId (the first one of a ConnID a new one); an EventError the eventId of the leg it names. */
  private withEventId(event: PortEvent): UnsequencedEvent {
    if (isCallEvent(event)) {
      const { connectionId, previousConnectionId } = event;
      if (event.eventName === 'EventPartyChanged' && previousConnectionId !== undefined) this.ids.rekey(previousConnectionId, connectionId);
      return { ...event, eventId: this.ids.ensure(connectionId, event.referenceId) };
    }
    if (event.eventName !== 'EventError' || event.connectionId === undefined) return event;
    const eventId = this.ids.eventIdOf(event.connectionId);
    return eventId === undefined ? event : { ...event, eventId };
  }

  private publish(event: UnsequencedEvent): void {
    this.seq += 1;
    const frame = JSON.stringify({ ...event, seq: this.seq, timestamp: wallClockMs() });
    if (this.journal) {
      this.journal.record(this.seq, frame);
      return;
    }
    const held = this.buffer.bytes;
    this.buffer.push(this.seq, frame);
    if (this.deps.tally) this.deps.tally.replayBytes += this.buffer.bytes - held;
    for (const socket of this.sockets) socket.send(frame);
  }
}

/** Whether a client joining without a replay needs a Snapshot: the agent is logged in or on a call. */
export function hasState(state: Pick<Snapshot, 'agent' | 'calls'>): boolean {
  return state.agent.state !== 'LoggedOut' || state.calls.length > 0;
}
