import { CtiError } from '@ctikit/protocol';
import { externalParty, partyOn } from './call.ts';
import { PHONE_NUMBER, answer, connectTo, createCall, isBusy, leave, legOf, refuse, release } from './call-control.ts';
import type { Destination } from './call-control.ts';
import type { PlaceCallInput, RefuseReason } from './control.ts';
import type { World } from './world.ts';
import type { Agent, Call, Party } from './model.ts';
import { joinCall } from './party-moves.ts';

/**
 * The world outside the agent desktop: customers calling in, hanging up, answering or refusing an
 * outbound call, and the agent's own phone answering or hanging up with no request from the desktop.
 * Bad input throws a CtiError, as a request would be refused.
 */

export function placeCall(world: World, input: PlaceCallInput): { connectionId: string; callUuid: string } {
  if (!PHONE_NUMBER.test(input.from) || world.agents.has(input.from) || world.queues.has(input.from)) {
    throw new CtiError('INVALID_ATTRIBUTE', `The caller ${input.from} is not an external phone number.`);
  }
  const destination = inboundDestination(world, input.to);
  const call = createCall(world, { callType: 'Inbound', ANI: input.from, DNIS: input.to, userData: input.userData });
  joinCall(world, call, { dn: input.from, kind: 'external' }, 'dial', { otherDN: input.to });
  connectTo(world, call, destination);
  return { connectionId: call.connectionId, callUuid: call.callUuid };
}

export function customerHangup(world: World, connectionId: string): void {
  const { call, customer } = customerCall(world, connectionId);
  leave(world, call, customer, 'OK', 'OK');
}

export function customerAnswer(world: World, connectionId: string): void {
  const { call, customer } = customerCall(world, connectionId, ringingCustomer);
  answer(world, call, customer);
}

export function customerRefuse(world: World, connectionId: string, reason: RefuseReason): void {
  const { call, customer } = customerCall(world, connectionId, ringingCustomer);
  refuse(world, call, customer, reason);
}

/** The phone answers the given call, or the one ringing on the DN. */
export function phoneAnswer(world: World, dn: string, connectionId?: string): void {
  const agent = phoneOf(world, dn);
  const { call, party } = connectionId !== undefined ? legOf(world, dn, connectionId) : legIn(agent, ['Ringing'], 'No call is ringing');
  answer(world, call, party);
}

/** The phone hangs up the given call, or the DN's established (else dialing) one. */
export function phoneHangup(world: World, dn: string, connectionId?: string): void {
  const agent = phoneOf(world, dn);
  const { call, party } =
    connectionId !== undefined ? legOf(world, dn, connectionId) : legIn(agent, ['Established', 'Dialing'], 'No call is established or dialing');
  release(world, call, party);
}

function inboundDestination(world: World, to: string): Destination {
  const queue = world.queues.get(to);
  if (queue) return { kind: 'queue', queue };
  const agent = world.agents.get(to);
  if (!agent) throw new CtiError('DN_NOT_CONFIGURED', `${to} is neither a queue nor an agent DN.`);
  if (isBusy(agent)) throw new CtiError('TERMINATING_PARTY_BUSY', `DN ${to} is busy.`);
  return { kind: 'agent', agent };
}

function ringingCustomer(call: Call): Party | undefined {
  return call.parties.find((party) => party.kind === 'external' && party.state === 'Ringing');
}

function customerCall(world: World, connectionId: string, pick: (call: Call) => Party | undefined = externalParty): { call: Call; customer: Party } {
  const call = world.calls.get(connectionId);
  if (!call) throw new CtiError('INVALID_CONNECTION_ID', `No call ${connectionId}.`);
  const customer = pick(call);
  if (!customer) {
    throw new CtiError('INVALID_CALL_STATE', `Call ${connectionId} has no customer ${pick === externalParty ? 'on it' : 'ringing'}.`);
  }
  return { call, customer };
}

function phoneOf(world: World, dn: string): Agent {
  const agent = world.agents.get(dn);
  if (!agent) throw new CtiError('DN_NOT_CONFIGURED', `DN ${dn} is not a configured agent DN.`);
  return agent;
}

function legIn(agent: Agent, states: readonly Party['state'][], problem: string): { call: Call; party: Party } {
  for (const call of agent.calls) {
    const party = partyOn(call, agent.dn);
    if (party && states.includes(party.state)) return { call, party };
  }
  throw new CtiError('INVALID_CALL_STATE', `${problem} on DN ${agent.dn}.`);
}
