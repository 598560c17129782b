import { CtiError } from '@ctikit/protocol';
import type { CallState, CallType, UserData } from '@ctikit/protocol';
import { legEnded } from './agent-state.ts';
import { addParty, newParty, partyOn, removeParty } from './call.ts';
import { armRingNoAnswer, dequeue, enqueue, returnToQueue } from './routing.ts';
import type { World } from './world.ts';
import type { Agent, Call, Party, Queue } from './model.ts';
import { moveLeg, requireMove } from './leg-moves.ts';

/**
 * How calls start, connect and end: destinations, answering, releasing (and its reject, cancel and
 * abandon forms), hold and retrieve. Every function here validates before it changes anything.
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
  const fields = thirdPartyDN !== undefined ? { thirdPartyDN } : {};
  if (destination.kind === 'queue') {
    enqueue(world, call, destination.queue, 'back');
    return;
  }
  const party = destination.kind === 'agent' ? newParty(destination.agent.dn, 'agent', 'Ringing') : newParty(destination.number, 'external', 'Ringing');
  addParty(world, call, party);
  armTimer(world, call, party);
  world.emitCall(call, party, 'EventRinging', fields);
}

/** A ringing party's timer: ring-no-answer on an ACD leg, no-answer on an external number. */
function armTimer(world: World, call: Call, party: Party): void {
  if (party.state !== 'Ringing') return;
  if (party.kind === 'agent') {
    armRingNoAnswer(world, call, party);
    return;
  }
  party.timer = world.schedule(world.config.outboundNoAnswerSec * 1000, () => {
    if (party.state === 'Ringing' && call.parties.includes(party)) refuse(world, call, party, 'noAnswer');
  });
}

/** The DN's leg that is talking or dialing: a DN has at most one. */
/**
 * Whether a new call cannot reach the DN: it has a leg that is not on hold. As on a T-Server, a DN
 * whose calls are all held takes a second call beside them.
 */
export function isBusy(agent: Agent): boolean {
  return [...agent.calls].some((call) => partyOn(call, agent.dn)?.state !== 'Held');
}

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
  party.timer?.cancel();
  delete party.timer;
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
  world.emitCall(call, party, 'EventReleased', { callState }, before);
  removeParty(world, call, party);
  if (call.parties.length >= 2) {
    for (const other of call.parties) world.emitCall(call, other, 'EventPartyDeleted', { thirdPartyDN: party.dn });
  } else {
    for (const other of call.parties) {
      if (other.state === 'Ringing') world.emitCall(call, other, 'EventAbandoned', { callState: 'Abandoned' }, before);
      else world.emitCall(call, other, 'EventReleased', { callState: othersState }, before);
    }
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

/** The call is over: the remaining parties are taken off, it leaves its queue and its consultation link. */
export function finishCall(world: World, call: Call): void {
  for (const party of [...call.parties]) {
    removeParty(world, call, party);
    partyLeft(world, party, call);
  }
  dequeue(world, call);
  if (call.consultation) {
    const consult = world.calls.get(call.consultation.connectionId);
    if (consult) delete consult.consultOf;
    delete call.consultation;
  }
  if (call.consultOf) {
    const main = world.calls.get(call.consultOf.connectionId);
    if (main) delete main.consultation;
    delete call.consultOf;
  }
  world.calls.delete(call.connectionId);
}

/** Move a party from one call to another (a consulted party joining the main call). */
export function moveParty(world: World, from: Call, to: Call, party: Party): void {
  removeParty(world, from, party);
  addParty(world, to, party);
  armTimer(world, to, party);
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
