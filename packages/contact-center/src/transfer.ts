import { CtiError } from '@ctikit/protocol';
import { legEnded } from './agent-state.ts';
import { linkConsultation, partyOn } from './call.ts';
import { armRingTimer, connectTo, createCall, finishCall, leave, legOf, resolveDestination } from './call-control.ts';
import { mergeUserData } from './call-data.ts';
import { moveLeg, requireMove } from './leg-moves.ts';
import type { Agent, Call, Party } from './model.ts';
import { changeCall, joinCall, leaveCall } from './party-moves.ts';
import type { TServerRequest } from './port.ts';
import type { World } from './world.ts';

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
  mergeUserData(call, request.userData);
  leaveCall(world, call, party, 'release', { callState: 'Transferred' });
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
  linkConsultation(call, consult, agent.dn);
  joinCall(world, consult, { dn: agent.dn, kind: 'agent' }, 'dial', { otherDN: request.destination });
  connectTo(world, consult, destination);
  return { connectionId: consult.connectionId };
}

export function completeTransfer(world: World, agent: Agent, request: Request<'RequestCompleteTransfer'>): void {
  const { main, mainLeg, consult, consultLeg } = consultationPair(world, agent, request);
  if (consultLeg.state !== 'Dialing' && consultLeg.state !== 'Established') {
    throw new CtiError('CANNOT_COMPLETE_TRANSFER', `Consultation ${consult.connectionId} is not dialing or established.`);
  }
  const target = consultedParty(consult, consultLeg);
  leaveCall(world, consult, consultLeg, 'release', { callState: 'Transferred' });
  leaveCall(world, main, mainLeg, 'release', { callState: 'Transferred' });
  changeCall(world, consult, main, target, { previousConnectionId: consult.connectionId, thirdPartyDN: agent.dn });
  armRingTimer(world, main, target);
  finishCall(world, consult);
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
  leaveCall(world, consult, consultLeg, 'release', { callState: 'Conferenced' });
  changeCall(world, consult, main, target, { previousConnectionId: consult.connectionId, thirdPartyDN: agent.dn, callState: 'Conferenced' });
  finishCall(world, consult);
  moveLeg(world, main, mainLeg, 'retrieve');
  const added = { thirdPartyDN: target.dn, callState: 'Conferenced' } as const;
  world.emitCall(main, mainLeg, 'EventPartyAdded', added);
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
