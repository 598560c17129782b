import { CtiError } from '@ctikit/protocol';
import { legEnded } from './agent-state.ts';
import { addParty, newParty, partyOn, removeParty } from './call.ts';
import { connectTo, createCall, finishCall, leave, legOf, moveParty, resolveDestination } from './call-control.ts';
import type { TServerRequest } from './port.ts';
import type { World } from './world.ts';
import type { Agent, Call, Party } from './model.ts';
import { moveLeg, requireMove } from './leg-moves.ts';

/**
 * Transfers and conferences.
 *
 * Single step: the agent leaves, the call (same ConnID) rings the destination.
 * Two step: the main call is held and a consultation (a call of its own, CallType Consult) rings the
 * destination; completing it moves the consulted party onto the main call (EventPartyChanged, its
 * ConnID becomes the main one), as a transfer (the initiator leaves) or a conference (the initiator
 * stays). Reconnect cancels the consultation and retrieves the main call.
 */
type Request<K extends TServerRequest['request']> = Extract<TServerRequest, { request: K }>;
type Outcome = { connectionId: string };

export function singleStepTransfer(world: World, agent: Agent, request: Request<'RequestSingleStepTransfer'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  if (party.state !== 'Established' && party.state !== 'Held') {
    throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is not established.`);
  }
  if (call.consultation || call.consultOf || call.parties.length !== 2) {
    throw new CtiError('INVALID_CALL_STATE', 'Only a two-party call without a consultation can be transferred in one step.');
  }
  const destination = resolveDestination(world, request.destination, agent.dn, call);
  Object.assign(call.userData, request.userData);
  world.emitCall(call, party, 'EventReleased', { callState: 'Transferred' });
  removeParty(world, call, party);
  call.rejectedBy.clear();
  connectTo(world, call, destination, agent.dn);
  legEnded(world, agent, party, call);
}

/** RequestInitiateTransfer and RequestInitiateConference: hold the call and consult the destination. */
export function initiateConsultation(world: World, agent: Agent, request: Request<'RequestInitiateTransfer' | 'RequestInitiateConference'>): Outcome {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  requireMove(call, party, 'hold');
  if (call.consultation || call.consultOf) {
    throw new CtiError('INVALID_CALL_STATE', 'A consultation is already in progress on this call.');
  }
  const destination = resolveDestination(world, request.destination, agent.dn, call);
  moveLeg(world, call, party, 'hold');
  const consult = createCall(world, {
    callType: 'Consult',
    ANI: agent.dn,
    DNIS: request.destination,
    userData: { ...call.userData, ...request.userData },
  });
  consult.consultOf = { connectionId: call.connectionId, initiator: agent.dn };
  call.consultation = { connectionId: consult.connectionId, initiator: agent.dn };
  const dialing = newParty(agent.dn, 'agent', 'Dialing');
  addParty(world, consult, dialing);
  world.emitCall(consult, dialing, 'EventDialing', { otherDN: request.destination });
  connectTo(world, consult, destination);
  return { connectionId: consult.connectionId };
}

export function completeTransfer(world: World, agent: Agent, request: Request<'RequestCompleteTransfer'>): void {
  const { main, mainLeg, consult, consultLeg } = consultationPair(world, agent, request);
  if (consultLeg.state !== 'Dialing' && consultLeg.state !== 'Established') {
    throw new CtiError('CANNOT_COMPLETE_TRANSFER', `Consultation ${consult.connectionId} is not dialing or established.`);
  }
  const target = consultedParty(consult, consultLeg);
  world.emitCall(consult, consultLeg, 'EventReleased', { callState: 'Transferred' });
  world.emitCall(main, mainLeg, 'EventReleased', { callState: 'Transferred' });
  removeParty(world, consult, consultLeg);
  removeParty(world, main, mainLeg);
  moveParty(world, consult, main, target);
  finishCall(world, consult);
  world.emitCall(main, target, 'EventPartyChanged', {
    previousConnectionId: consult.connectionId,
    thirdPartyDN: agent.dn,
  });
  for (const other of main.parties) {
    if (other !== target) world.emitCall(main, other, 'EventPartyChanged', { thirdPartyDN: agent.dn });
  }
  legEnded(world, agent, consultLeg, consult);
  legEnded(world, agent, mainLeg, main);
}

export function completeConference(world: World, agent: Agent, request: Request<'RequestCompleteConference'>): void {
  const { main, mainLeg, consult, consultLeg } = consultationPair(world, agent, request);
  if (consultLeg.state !== 'Established') {
    throw new CtiError('CANNOT_COMPLETE_TRANSFER', `Consultation ${consult.connectionId} is not established.`);
  }
  requireMove(main, mainLeg, 'retrieve');
  const target = consultedParty(consult, consultLeg);
  world.emitCall(consult, consultLeg, 'EventReleased', { callState: 'Conferenced' });
  removeParty(world, consult, consultLeg);
  moveParty(world, consult, main, target);
  finishCall(world, consult);
  moveLeg(world, main, mainLeg, 'retrieve');
  const added = { thirdPartyDN: target.dn, callState: 'Conferenced' } as const;
  world.emitCall(main, mainLeg, 'EventPartyAdded', added);
  world.emitCall(main, target, 'EventPartyChanged', {
    previousConnectionId: consult.connectionId,
    thirdPartyDN: agent.dn,
    callState: 'Conferenced',
  });
  for (const other of main.parties) {
    if (other !== target && other !== mainLeg) world.emitCall(main, other, 'EventPartyAdded', added);
  }
  legEnded(world, agent, consultLeg, consult);
}

/** Cancel the consultation and go back to the held call. */
export function reconnect(world: World, agent: Agent, request: Request<'RequestReconnectCall'>): void {
  const { main, mainLeg, consult, consultLeg } = consultationPair(world, agent, request, 'INVALID_CALL_STATE');
  requireMove(main, mainLeg, 'retrieve');
  leave(world, consult, consultLeg, 'OK', 'OK');
  moveLeg(world, main, mainLeg, 'retrieve');
}

export function deleteFromConference(world: World, agent: Agent, request: Request<'RequestDeleteFromConference'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  if (call.parties.length < 3) throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is not a conference.`);
  if (party.state !== 'Established' && party.state !== 'Held') {
    throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is not established.`);
  }
  const deleted = partyOn(call, request.dn);
  if (!deleted) throw new CtiError('INVALID_ATTRIBUTE', `${request.dn} is not on call ${call.connectionId}.`);
  leave(world, call, deleted, 'OK', 'OK');
}

function consultationPair(
  world: World,
  agent: Agent,
  request: { connectionId: string; consultConnectionId: string },
  mismatch: 'CANNOT_COMPLETE_TRANSFER' | 'INVALID_CALL_STATE' = 'CANNOT_COMPLETE_TRANSFER',
): { main: Call; mainLeg: Party; consult: Call; consultLeg: Party } {
  const { call: main, party: mainLeg } = legOf(world, agent.dn, request.connectionId);
  const { call: consult, party: consultLeg } = legOf(world, agent.dn, request.consultConnectionId);
  if (consult.consultOf?.connectionId !== main.connectionId || consult.consultOf.initiator !== agent.dn) {
    throw new CtiError(mismatch, `Call ${consult.connectionId} is not your consultation on call ${main.connectionId}.`);
  }
  return { main, mainLeg, consult, consultLeg };
}

function consultedParty(consult: Call, consultLeg: Party): Party {
  const target = consult.parties.find((party) => party !== consultLeg);
  if (!target) throw new CtiError('CANNOT_COMPLETE_TRANSFER', `Consultation ${consult.connectionId} has reached no one yet.`);
  return target;
}
