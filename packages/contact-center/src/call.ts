import type { CallType, LegState, TServerRecordingState, UserData } from '@ctikit/protocol';
import type { TimerHandle } from '@ctikit/kernel';
import type { CallLegSnapshot } from './port.ts';
import type { World } from './world.ts';

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

export function newParty(dn: string, kind: PartyKind, state: LegState, queue?: string): Party {
  return { dn, kind, state, muted: false, answered: state === 'Established', ...(queue ? { queue } : {}) };
}

export function partyOn(call: Call, dn: string): Party | undefined {
  return call.parties.find((party) => party.dn === dn);
}

/** The party a leg talks to: the customer when there is one, else the first other party. */
function otherDN(parties: readonly Party[], dn: string): string | undefined {
  const others = parties.filter((party) => party.dn !== dn);
  return (others.find((party) => party.kind === 'external') ?? others[0])?.dn;
}

/** On the consulting DN's legs: the other call of the consultation. */
function transferConnectionIdFor(call: Call, dn: string): string | undefined {
  if (call.consultOf?.initiator === dn) return call.consultOf.connectionId;
  if (call.consultation?.initiator === dn) return call.consultation.connectionId;
  return undefined;
}

export function externalParty(call: Call): Party | undefined {
  return call.parties.find((party) => party.kind === 'external');
}

/** The call attributes every call event and leg snapshot carries, as seen from one party. */
export function legFields(call: Call, party: Party, parties: readonly Party[] = call.parties): LegFields {
  const other = otherDN(parties, party.dn);
  const transferConnectionId = transferConnectionIdFor(call, party.dn);
  return {
    connectionId: call.connectionId,
    callUuid: call.callUuid,
    callType: call.callType,
    ANI: call.ANI,
    DNIS: call.DNIS,
    ...(other !== undefined ? { otherDN: other } : {}),
    ...(party.queue ? { thisQueue: party.queue } : {}),
    ...(transferConnectionId ? { transferConnectionId } : {}),
    parties: parties.map((p) => p.dn),
    userData: { ...call.userData },
    recordingState: call.recordingState,
  };
}

export type LegFields = Omit<CallLegSnapshot, 'state' | 'muted' | 'startedAt'>;

export function legSnapshot(call: Call, party: Party): CallLegSnapshot {
  return { ...legFields(call, party), state: party.state, muted: party.muted, startedAt: call.startedAt };
}

/** Put a party on a call (and the call on the agent's DN). */
export function addParty(world: World, call: Call, party: Party): void {
  call.parties.push(party);
  world.agents.get(party.dn)?.calls.add(call);
}

/** Take a party off a call: its timer stops and the call leaves the agent's DN. */
export function removeParty(world: World, call: Call, party: Party): void {
  const index = call.parties.indexOf(party);
  if (index >= 0) call.parties.splice(index, 1);
  party.timer?.cancel();
  delete party.timer;
  world.agents.get(party.dn)?.calls.delete(call);
}
