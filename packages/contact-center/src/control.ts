import type { UserData } from '@ctikit/protocol';
import type { AgentSnapshot, CallType, LegState, TServerRecordingState } from '@ctikit/protocol';
import type { PortEventListener } from './port.ts';

/**
 * The simulator's control side: what the world outside the agent desktop does. A customer calls in,
 * hangs up, answers or refuses an outbound call; the agent's own phone (the softphone) answers or
 * hangs up without any request from the bridge. Used by the HTTP control API, the CLI, the demo's
 * customer phone, the tests and the benchmark.
 */

export interface PlaceCallInput {
  /** The customer's number (ANI). */
  from: string;
  /** A queue DN, or an agent DN for a direct call (DNIS). */
  to: string;
  userData?: UserData;
}

export type RefuseReason = 'busy' | 'noAnswer';

export interface SimPartyView {
  dn: string;
  kind: 'agent' | 'queue' | 'external';
  /** A party's leg state; a queue's is Queued while the call waits in it. */
  state: LegState | 'Queued';
}

export interface SimCallView {
  connectionId: string;
  callUuid: string;
  callType: CallType;
  ANI: string;
  DNIS: string;
  parties: SimPartyView[];
  userData: UserData;
  recordingState: TServerRecordingState;
  startedAt: number;
}

export interface SimAgentView extends AgentSnapshot {
  name: string;
  queues: string[];
  /** ConnIDs of the calls this agent's DN is on. */
  calls: string[];
}

export interface SimulatorControl {
  placeCall(input: PlaceCallInput): { connectionId: string; callUuid: string };
  /** The customer (the external party) hangs up: while queued, ringing, dialing or talking. */
  customerHangup(connectionId: string): void;
  /** The customer answers an outbound call ringing at their number. */
  customerAnswer(connectionId: string): void;
  /** The customer's line is busy, or it rings out. */
  customerRefuse(connectionId: string, reason: RefuseReason): void;
  /** The agent's phone answers: the given call, or the one ringing on the DN. */
  phoneAnswer(dn: string, connectionId?: string): void;
  /** The agent's phone hangs up: the given call, or the DN's established one. */
  phoneHangup(dn: string, connectionId?: string): void;
  listAgents(): SimAgentView[];
  listCalls(): SimCallView[];
  /** Every event the simulator emits, for any DN, customer side included (`thisDN` = the number). */
  subscribeAll(listener: PortEventListener): () => void;
}
