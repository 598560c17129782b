import { CtiError } from '@ctikit/protocol';
import { activeLeg, answer, connectTo, createCall, hold, legOf, release, resolveDestination, retrieve } from './call-control.ts';
import { muteLeg } from './leg-moves.ts';
import { joinCall } from './party-moves.ts';
import type { RequestOutcome, TServerRequest } from './port.ts';
import type { World } from './world.ts';
import type { Agent } from './model.ts';

/** The requests an agent DN makes on its own legs: dial, answer, release, hold, retrieve, mute, DTMF. */
type Request<K extends TServerRequest['request']> = Extract<TServerRequest, { request: K }>;

const DTMF_DIGITS = /^[0-9*#A-D]+$/;

/**
 * An agent DN → Internal call ringing there; a queue → Internal call routed like an inbound one; any
 * other phone number → Outbound call ringing at the customer.
 */
export function makeCall(world: World, agent: Agent, request: Request<'RequestMakeCall'>): RequestOutcome {
  if (activeLeg(agent)) {
    throw new CtiError('INVALID_CALL_STATE', `DN ${agent.dn} is on another call: hold or release it first.`);
  }
  const destination = resolveDestination(world, request.destination, agent.dn);
  const call = createCall(world, {
    callType: destination.kind === 'external' ? 'Outbound' : 'Internal',
    ANI: agent.dn,
    DNIS: request.destination,
    userData: request.userData,
  });
  joinCall(world, call, { dn: agent.dn, kind: 'agent' }, 'dial', { otherDN: request.destination });
  connectTo(world, call, destination);
  return { connectionId: call.connectionId };
}

export function answerCall(world: World, agent: Agent, request: Request<'RequestAnswerCall'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  answer(world, call, party);
}

export function releaseCall(world: World, agent: Agent, request: Request<'RequestReleaseCall'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  release(world, call, party);
}

export function holdCall(world: World, agent: Agent, request: Request<'RequestHoldCall'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  hold(world, call, party);
}

export function retrieveCall(world: World, agent: Agent, request: Request<'RequestRetrieveCall'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  retrieve(world, agent, call, party);
}

export function setMute(world: World, agent: Agent, request: Request<'RequestSetMuteOn' | 'RequestSetMuteOff'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  muteLeg(world, call, party, request.request === 'RequestSetMuteOn');
}

export function sendDtmf(world: World, agent: Agent, request: Request<'RequestSendDTMF'>): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  if (!DTMF_DIGITS.test(request.digits)) throw new CtiError('INVALID_ATTRIBUTE', 'DTMF digits are 0-9, *, # and A-D.');
  if (party.state !== 'Established') throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is not established.`);
  world.emitCall(call, party, 'EventDTMFSent', { digits: request.digits });
}
