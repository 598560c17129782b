import { CtiError, legStates, type CallEventName, type CallState, type LegState } from '@ctikit/protocol';
import { partyOn } from './call.ts';
import { writable, type Call, type Party, type PartyKind } from './model.ts';
import type { CallEventFields, World } from './world.ts';

/**
 * How a party joins a call, leaves it or changes call, each move from the places it allows, to its
 * place, with the T-Server event the party hears — as `LEG_MOVES` (leg-moves.ts) does for a leg on
 * its call. `absent`: not on the call (yet, or any more).
 *
 *     absent ──ring──▶ Ringing                 EventRinging
 *     absent ──dial──▶ Dialing                 EventDialing
 *     any leg state ──release──▶ absent        EventReleased (with its callState: OK, Rejected, Transferred, …)
 *     Ringing ──abandon──▶ absent              EventAbandoned (the caller left before the answer)
 *     any leg state ──change──▶ the same state on another call   EventPartyChanged
 *
 * What the other parties hear (EventPartyDeleted, EventPartyAdded, EventPartyChanged) is the call's
 * business (call-control.ts, transfer.ts): a move is one party's.
 */
export type PartyPlace = LegState | 'absent';

export const PARTY_MOVES = {
  ring: { from: ['absent'], to: 'Ringing', event: 'EventRinging' },
  dial: { from: ['absent'], to: 'Dialing', event: 'EventDialing' },
  release: { from: legStates, to: 'absent', event: 'EventReleased' },
  abandon: { from: ['Ringing'], to: 'absent', event: 'EventAbandoned' },
  change: { from: legStates, to: 'kept', event: 'EventPartyChanged' },
} as const satisfies Record<string, { from: readonly PartyPlace[]; to: PartyPlace | 'kept'; event: CallEventName }>;

export type PartyMove = keyof typeof PARTY_MOVES;

/** Who a joining party is: its DN, its kind, and on an ACD leg the queue that offered the call. */
export interface Joining {
  dn: string;
  kind: PartyKind;
  queue?: string;
}

/** Refuse (INVALID_CALL_STATE) a move the table does not allow from where the DN is on the call. */
function requirePartyMove(call: Call, dn: string, move: PartyMove): void {
  const party = partyOn(call, dn);
  const place: PartyPlace = party ? party.state : 'absent';
  const allowed: readonly PartyPlace[] = PARTY_MOVES[move].from;
  if (!allowed.includes(place)) {
    throw new CtiError(
      'INVALID_CALL_STATE',
      place === 'absent' ? `${dn} is not on call ${call.connectionId}.` : `${dn} is ${place} on call ${call.connectionId}.`,
    );
  }
}

/** A party joins the call, ringing or dialing (and the call joins the agent's DN); it hears the move's event. */
export function joinCall(world: World, call: Call, joining: Joining, move: 'ring' | 'dial', fields?: CallEventFields): Party {
  requirePartyMove(call, joining.dn, move);
  const party: Party = {
    dn: joining.dn,
    kind: joining.kind,
    state: PARTY_MOVES[move].to,
    muted: false,
    answered: false,
    ...(joining.queue ? { queue: joining.queue } : {}),
  };
  put(world, call, party);
  world.emitCall(call, party, PARTY_MOVES[move].event, fields);
  return party;
}

/**
 * A party leaves the call: it hears the move's event (`parties`: the call as it last knew it, when
 * the call has just changed), its timer stops and the call leaves the agent's DN.
 */
export function leaveCall(
  world: World,
  call: Call,
  party: Party,
  move: 'release' | 'abandon',
  fields: CallEventFields & { callState: CallState },
  parties: readonly Party[] = call.parties,
): void {
  requireOn(call, party, move);
  world.emitCall(call, party, PARTY_MOVES[move].event, fields, parties);
  take(world, call, party);
}

/** A party changes call, keeping its leg (a consulted party joining the main call): it hears EventPartyChanged on the new call. */
export function changeCall(world: World, from: Call, to: Call, party: Party, fields: CallEventFields): void {
  requireOn(from, party, 'change');
  if (partyOn(to, party.dn)) throw new CtiError('INVALID_CALL_STATE', `${party.dn} is already on call ${to.connectionId}.`);
  take(world, from, party);
  put(world, to, party);
  world.emitCall(to, party, PARTY_MOVES.change.event, fields);
}

/** A ringing party's timer (ring-no-answer, no-answer): `ringOut` runs if it is still ringing on the call when the time is up. */
export function ringTimer(world: World, call: Call, party: Party, seconds: number, ringOut: () => void): void {
  writable(party).timer = world.schedule(seconds * 1000, () => {
    if (party.state === 'Ringing' && call.parties.includes(party)) ringOut();
  });
}

function requireOn(call: Call, party: Party, move: PartyMove): void {
  if (!call.parties.includes(party)) throw new CtiError('INVALID_CALL_STATE', `${party.dn} is not on call ${call.connectionId}.`);
  requirePartyMove(call, party.dn, move);
}

function put(world: World, call: Call, party: Party): void {
  writable(call).parties.push(party);
  const agent = world.agents.get(party.dn);
  if (agent) writable(agent).calls.add(call);
}

function take(world: World, call: Call, party: Party): void {
  const parties = writable(call).parties;
  parties.splice(parties.indexOf(party), 1);
  const leg = writable(party);
  leg.timer?.cancel();
  delete leg.timer;
  const agent = world.agents.get(party.dn);
  if (agent) writable(agent).calls.delete(call);
}
