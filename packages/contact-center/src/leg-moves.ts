import { CtiError, type CallEventName, type LegState } from '@ctikit/protocol';
import { writable, type Call, type Party } from './model.ts';
import type { CallEventFields, World } from './world.ts';

/**
 * The moves a party's leg may make, each from the states it allows, to its state, with the T-Server
 * event that reports it — the engine's one table of leg transitions. A party joins, leaves and
 * changes call by the moves of `PARTY_MOVES` (party-moves.ts), not by these.
 */
export const LEG_MOVES = {
  /** The ringing party answers. */
  answer: { from: ['Ringing'], to: 'Established', event: 'EventEstablished', refusal: 'is not ringing' },
  /** The dialing party's call was answered by the other side. */
  connect: { from: ['Dialing'], to: 'Established', event: 'EventEstablished', refusal: 'is not dialing' },
  hold: { from: ['Established'], to: 'Held', event: 'EventHeld', refusal: 'is not established' },
  retrieve: { from: ['Held'], to: 'Established', event: 'EventRetrieved', refusal: 'is not held' },
} as const satisfies Record<string, { from: readonly LegState[]; to: LegState; event: CallEventName; refusal: string }>;

export type LegMove = keyof typeof LEG_MOVES;

/** Refuse (INVALID_CALL_STATE) a move the table does not allow from the leg's state. */
export function requireMove(call: Call, party: Party, move: LegMove): void {
  const allowed: readonly LegState[] = LEG_MOVES[move].from;
  if (!allowed.includes(party.state)) throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} ${LEG_MOVES[move].refusal}.`);
}

/**
 * The one way a leg changes state: checked against the table, then the party hears the move's event.
 * A leg that stops ringing stops its ring timer; an established leg is answered for good.
 */
export function moveLeg(world: World, call: Call, party: Party, move: LegMove, fields?: CallEventFields): void {
  requireMove(call, party, move);
  const { to, event } = LEG_MOVES[move];
  const leg = writable(party);
  if (leg.state === 'Ringing') {
    leg.timer?.cancel();
    delete leg.timer;
  }
  leg.state = to;
  if (to === 'Established') leg.answered = true;
  world.emitCall(call, party, event, fields);
}

/** Mute or unmute an established or held leg: EventMuteOn / EventMuteOff. */
export function muteLeg(world: World, call: Call, party: Party, muted: boolean): void {
  if (party.state !== 'Established' && party.state !== 'Held') {
    throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is not established.`);
  }
  if (party.muted === muted) throw new CtiError('ALREADY_IN_STATE', `Call ${call.connectionId} is already ${muted ? 'muted' : 'unmuted'}.`);
  writable(party).muted = muted;
  world.emitCall(call, party, muted ? 'EventMuteOn' : 'EventMuteOff');
}
