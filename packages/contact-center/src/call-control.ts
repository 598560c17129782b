import { CtiError } from '@ctikit/protocol';
import type { CallState, CallType, UserData } from '@ctikit/protocol';
import { legEnded } from './agent-state.ts';
import { partyOn, unlinkConsultation } from './call.ts';
import { moveLeg, requireMove } from './leg-moves.ts';
import type { Agent, Call, Party, Queue } from './model.ts';
import { joinCall, leaveCall, ringTimer } from './party-moves.ts';
import { moveInQueue } from './queue-moves.ts';
import { armRingNoAnswer, returnToQueue } from './routing.ts';
import type { World } from './world.ts';

/**
 * How calls start, connect and end: destinations, answering, releasing (and its reject, cancel and
 * abandon forms), hold and retrieve. Every function here validates before it changes anything, and
 * changes the model only through the transitions (leg-moves.ts, party-moves.ts, queue-moves.ts).
 */

/** A number outside the switch: the customer's phone. */
export const PHONE_NUMBER = /^\+?[0-9]{3,20}$/;

export type Destination = { kind: 'agent'; agent: Agent } | { kind: 'queue'; queue: Queue } | { kind: 'external'; number: string };

export function createCall(world: World, fields: { callType: CallType; ANI: string; DNIS: string; userData?: UserData | undefined }): Call {
  const call: Call = {
    ...world.ids.next(),
    callType: fields.callType,
    ANI: fields.ANI,
    DNIS: fields.DNIS,
    parties: [],
    userData: { ...fields.userData },
    recordingState: 'Stopped',
    startedAt: world.now(),
    queueSeq: 0,
    rejectedBy: new Set(),
  };
  world.calls.set(call.connectionId, call);
  return call;
}

/** Where a call from `from` to `destination` goes; `call` is the call being extended, if any. */
export function resolveDestination(world: World, destination: string, from: string, call?: Call): Destination {
  if (destination === from) throw new CtiError('INVALID_CALLED_DN', `DN ${from} cannot call itself.`);
  const agent = world.agents.get(destination);
  if (agent) {
    if (isBusy(agent)) throw new CtiError('TERMINATING_PARTY_BUSY', `DN ${destination} is busy.`);
    return { kind: 'agent', agent };
  }
  const queue = world.queues.get(destination);
  if (queue) return { kind: 'queue', queue };
  if (PHONE_NUMBER.test(destination)) {
    if (call && partyOn(call, destination)) {
      throw new CtiError('TERMINATING_PARTY_BUSY', `${destination} is already on the call.`);
    }
    return { kind: 'external', number: destination };
  }
  throw new CtiError('INVALID_CALLED_DN', `${destination} is neither a configured DN nor a phone number.`);
}

/** Extend a call to its destination: ring an agent DN or a number, or queue it. */
export function connectTo(world: World, call: Call, destination: Destination, thirdPartyDN?: string): void {
  if (destination.kind === 'queue') {
    moveInQueue(world, call, { move: 'enter', queue: destination.queue });
    return;
  }
  const joining = destination.kind === 'agent' ? { dn: destination.agent.dn, kind: 'agent' as const } : { dn: destination.number, kind: 'external' as const };
  const party = joinCall(world, call, joining, 'ring', thirdPartyDN !== undefined ? { thirdPartyDN } : {});
  armRingTimer(world, call, party);
}

/** A ringing party's timer: ring-no-answer on an ACD leg, no-answer on an external number. */
export function armRingTimer(world: World, call: Call, party: Party): void {
  if (party.state !== 'Ringing') return;
  if (party.kind === 'agent') {
    armRingNoAnswer(world, call, party);
    return;
  }
  ringTimer(world, call, party, world.config.outboundNoAnswerSec, () => refuse(world, call, party, 'noAnswer'));
}

/**
 * Whether a new call cannot reach the DN: it has a leg that is not on hold. As on a T-Server, a DN
 * whose calls are all held takes a second call beside them.
 */
export function isBusy(agent: Agent): boolean {
  return [...agent.calls].some((call) => partyOn(call, agent.dn)?.state !== 'Held');
}

/** The DN's leg that is talking or dialing: a DN has at most one. */
export function activeLeg(agent: Agent): Party | undefined {
  for (const call of agent.calls) {
    const leg = partyOn(call, agent.dn);
    if (leg && (leg.state === 'Established' || leg.state === 'Dialing')) return leg;
  }
  return undefined;
}

/** A ringing party answers; whoever was dialing it is connected too. */
export function answer(world: World, call: Call, party: Party): void {
  requireMove(call, party, 'answer');
  const agent = world.agents.get(party.dn);
  if (agent && activeLeg(agent)) {
    throw new CtiError('INVALID_CALL_STATE', `DN ${agent.dn} is on another call: hold or release it first.`);
  }
  const dialing = call.parties.filter((other) => other.state === 'Dialing');
  moveLeg(world, call, party, 'answer');
  for (const joining of dialing) moveLeg(world, call, joining, 'connect');
}

/**
 * A party hangs up its leg. Ringing: a reject (an ACD call returns to its queue). Dialing: the call is
 * cancelled. Established or held: the party leaves the call.
 */
export function release(world: World, call: Call, party: Party): void {
  if (party.state === 'Ringing') {
    if (party.queue !== undefined) returnToQueue(world, call, party, 'Rejected');
    else leave(world, call, party, 'Rejected', 'Rejected');
    return;
  }
  leave(world, call, party, 'OK', 'OK');
}

/**
 * A party leaves the call. With two or more parties left the call goes on and they get
 * EventPartyDeleted; otherwise the call ends: a party still ringing is abandoned, the others are
 * released with `othersState`.
 */
export function leave(world: World, call: Call, party: Party, callState: CallState, othersState: CallState): void {
  const before = [...call.parties];
  leaveCall(world, call, party, 'release', { callState });
  if (call.parties.length >= 2) {
    for (const other of call.parties) world.emitCall(call, other, 'EventPartyDeleted', { thirdPartyDN: party.dn });
  } else {
    const others = [...call.parties];
    for (const other of others) {
      if (other.state === 'Ringing') leaveCall(world, call, other, 'abandon', { callState: 'Abandoned' }, before);
      else leaveCall(world, call, other, 'release', { callState: othersState }, before);
    }
    for (const other of others) partyLeft(world, other, call);
    finishCall(world, call);
  }
  partyLeft(world, party, call);
}

/** An external number refuses the call ringing at it: busy, or it rings out. */
export function refuse(world: World, call: Call, party: Party, reason: 'busy' | 'noAnswer'): void {
  if (reason === 'busy') {
    for (const other of call.parties) {
      if (other !== party) world.emitCall(call, other, 'EventDestinationBusy', { callState: 'Busy' });
    }
  }
  const callState = reason === 'busy' ? 'Busy' : 'NoAnswer';
  leave(world, call, party, callState, callState);
}

/** The call is over, its last party gone: a call still waiting is abandoned, and it leaves its consultation link and the switch. */
export function finishCall(world: World, call: Call): void {
  if (call.queuedIn !== undefined) moveInQueue(world, call, { move: 'abandon' });
  unlinkConsultation(world, call);
  world.calls.delete(call.connectionId);
}

export function hold(world: World, call: Call, party: Party): void {
  moveLeg(world, call, party, 'hold');
}

export function retrieve(world: World, agent: Agent, call: Call, party: Party): void {
  requireMove(call, party, 'retrieve');
  if (activeLeg(agent)) throw new CtiError('INVALID_CALL_STATE', `DN ${agent.dn} is on another call: hold or release it first.`);
  moveLeg(world, call, party, 'retrieve');
}

function partyLeft(world: World, party: Party, call: Call): void {
  const agent = world.agents.get(party.dn);
  if (agent && party.kind === 'agent') legEnded(world, agent, party, call);
}

/** The call `connectionId` and this DN's party on it; a call without a party on the DN does not exist for it. */
export function legOf(world: World, dn: string, connectionId: string): { call: Call; party: Party } {
  const call = world.calls.get(connectionId);
  const party = call ? partyOn(call, dn) : undefined;
  if (!call || !party) throw new CtiError('INVALID_CONNECTION_ID', `No call ${connectionId} on DN ${dn}.`);
  return { call, party };
}
