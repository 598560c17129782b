import type { AgentStateName, AgentWorkMode, CallType, LegState, ReadyWorkMode, TServerRecordingState, UserData } from '@ctikit/protocol';
import type { TimerHandle } from '@ctikit/kernel';
import type { FreeAgents } from './free-agents.ts';

/**
 * The engine's model: agents, calls and their parties, queues. Every part of the engine works on
 * these; a party's leg changes state only through `moveLeg` (leg-moves.ts).
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
  registered: boolean;
  state: AgentStateName;
  workMode?: AgentWorkMode;
  reasonCode?: string;
  /** The ready work mode the agent returns to after wrap-up. */
  readyWorkMode: ReadyWorkMode;
  /** When the agent last became Ready or free of calls: the longest idle is offered the next call. */
  idleSince: number;
  wrapUp?: TimerHandle;
  /** The calls with a party on this DN. */
  readonly calls: Set<Call>;
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
 * and leaves the call by release, reject, abandon, transfer or deletion from a conference.
 * A consultation is a call of its own, linked to the held main call.
 */
export type PartyKind = 'agent' | 'external';

export interface Party {
  dn: string;
  kind: PartyKind;
  state: LegState;
  muted: boolean;
  /** The queue that distributed the call to this agent: set on ACD legs only. */
  queue?: string;
  /** The leg has been established at least once (after-call work follows only such legs). */
  answered: boolean;
  /** While Ringing: the ring-no-answer timer (ACD agent) or the no-answer timer (external number). */
  timer?: TimerHandle;
}

/** The link between a consultation and the main call: the other call's ConnID and the DN that consults. */
export interface ConsultLink {
  connectionId: string;
  initiator: string;
}

export interface Call {
  connectionId: string;
  callUuid: string;
  callType: CallType;
  ANI: string;
  DNIS: string;
  parties: Party[];
  userData: UserData;
  recordingState: TServerRecordingState;
  startedAt: number;
  /** The queue the call waits in, while it waits. */
  queuedIn?: string;
  /** Arrival order in queues (FIFO); kept when a call returns to the front of its queue. */
  queueSeq: number;
  /** Agents who rejected this ACD call: it is not offered to them again. */
  rejectedBy: Set<string>;
  /** On a main call: the consultation in progress. */
  consultation?: ConsultLink;
  /** On a consultation: the held main call. */
  consultOf?: ConsultLink;
}

/** An ACD queue: its waiting calls and the agents who take it. */
export interface Queue {
  readonly dn: string;
  readonly name: string;
  /** Waiting calls, the next to be offered first. */
  readonly waiting: Call[];
  /** The agents taking this queue, in configuration order. */
  readonly agents: Agent[];
  /** The agents free for its next call, longest idle first. */
  readonly free: FreeAgents<Agent>;
}
