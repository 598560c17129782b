import type { AgentStateName, AgentWorkMode, CallType, LegState, ReadyWorkMode, TServerRecordingState, UserData } from '@ctikit/protocol';
import type { TimerHandle } from '@ctikit/kernel';
import type { FreeAgents } from './free-agents.ts';

/**
 * The engine's model: agents, calls and their parties, queues. Every part of the engine reads these;
 * their state is read-only to it. Only the transition modules write it, each through `writable` and
 * each for its own part, checked against its table of allowed moves:
 *
 * - a party's leg: `moveLeg` (leg-moves.ts, `LEG_MOVES`), and its mute;
 * - a party joining, leaving or changing call: `joinCall`, `leaveCall`, `changeCall` (party-moves.ts,
 *   `PARTY_MOVES`), which keep the agents' lists of calls too;
 * - a call's place in a queue: `moveInQueue` (queue-moves.ts, `QUEUE_MOVES`);
 * - an agent: `moveAgent` (agent-state.ts, `AGENT_MOVES`), and the DN's registration;
 * - a call's attached data and recording (call-data.ts), its consultation link (call.ts).
 *
 * A test (`model-writes.test.ts`) keeps every other module off `writable`.
 */

/**
 * An agent and the DN they work on.
 *
 *     LoggedOut ──login──▶ NotReady(AuxWork) ◀──ready / not ready──▶ Ready
 *                           NotReady(AfterCallWork) ──wrap-up timeout or ready──▶ Ready
 *     NotReady | Ready ──logout (no call on the DN)──▶ LoggedOut
 *
 * Registration is the DN's, not the agent's: an unregistered DN refuses every request but
 * RequestRegisterAddress, and keeps its agent state.
 */
export interface Agent {
  readonly agentId: string;
  readonly name: string;
  readonly dn: string;
  readonly queues: readonly string[];
  /** Position in the configuration: breaks ties between agents idle since the same moment. */
  readonly order: number;
  readonly registered: boolean;
  readonly state: AgentStateName;
  readonly workMode?: AgentWorkMode;
  readonly reasonCode?: string;
  /** The ready work mode the agent returns to after wrap-up. */
  readonly readyWorkMode: ReadyWorkMode;
  /** When the agent last became Ready or free of calls: the longest idle is offered the next call. */
  readonly idleSince: number;
  readonly wrapUp?: TimerHandle;
  /** The calls with a party on this DN. */
  readonly calls: ReadonlySet<Call>;
}

/**
 * A call and its parties, T-Server style: one ConnID for the call, shared by every party on it.
 * A party is an agent DN or an external number (the customer).
 *
 * A party's leg moves through
 *
 *     Ringing ──answer──▶ Established ◀──hold/retrieve──▶ Held
 *     Dialing ──the other side answers──▶ Established
 *
 * and joins, leaves or changes call by the moves of `PARTY_MOVES` (party-moves.ts).
 * A consultation is a call of its own, linked to the held main call.
 */
export type PartyKind = 'agent' | 'external';

export interface Party {
  readonly dn: string;
  readonly kind: PartyKind;
  readonly state: LegState;
  readonly muted: boolean;
  /** The queue that distributed the call to this agent: set on ACD legs only. */
  readonly queue?: string;
  /** The leg has been established at least once (after-call work follows only such legs). */
  readonly answered: boolean;
  /** While Ringing: the ring-no-answer timer (ACD agent) or the no-answer timer (external number). */
  readonly timer?: TimerHandle;
}

/** The link between a consultation and the main call: the other call's ConnID and the DN that consults. */
export interface ConsultLink {
  readonly connectionId: string;
  readonly initiator: string;
}

export interface Call {
  readonly connectionId: string;
  readonly callUuid: string;
  readonly callType: CallType;
  readonly ANI: string;
  readonly DNIS: string;
  readonly parties: readonly Party[];
  readonly userData: Readonly<UserData>;
  readonly recordingState: TServerRecordingState;
  readonly startedAt: number;
  /** The queue the call waits in, while it waits. */
  readonly queuedIn?: string;
  /** Arrival order in queues (FIFO); kept when a call returns to the front of its queue. */
  readonly queueSeq: number;
  /** Agents who rejected this ACD call since it entered its queue: it is not offered to them again. */
  readonly rejectedBy: ReadonlySet<string>;
  /** On a main call: the consultation in progress. */
  readonly consultation?: ConsultLink;
  /** On a consultation: the held main call. */
  readonly consultOf?: ConsultLink;
}

/** An ACD queue: its waiting calls and the agents who take it. */
export interface Queue {
  readonly dn: string;
  readonly name: string;
  /** Waiting calls, the next to be offered first. */
  readonly waiting: readonly Call[];
  /** The agents taking this queue, in configuration order. */
  readonly agents: Agent[];
  /** The agents free for its next call, longest idle first. */
  readonly free: FreeAgents<Agent>;
}

/** A part of the model with its state writable: read-only arrays and sets become mutable, read-only fields writable. */
export type Writable<T> = {
  -readonly [K in keyof T]: T[K] extends ReadonlySet<infer V> ? Set<V> : T[K] extends readonly (infer E)[] ? E[] : T[K];
};

/** The writable view of an agent, call, party or queue: for the transition modules only (see the top of this file). */
export function writable<T extends Agent | Call | Party | Queue>(part: T): Writable<T> {
  return part as Writable<T>;
}
