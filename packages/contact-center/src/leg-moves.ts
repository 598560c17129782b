import { CtiError, type CallEventName, type LegState } from '@ctikit/protocol';
import type { Call, Party } from './model.ts';
import type { CallEventFields, World } from './world.ts';

/**
 * The moves a party's leg may make, each from the states it allows, to its state, with the T-Server
 * event that reports it — the engine's one table of leg transitions. A leg leaves a call by release,
 * reject, abandon, transfer or deletion from a conference (removeParty), not by a move.
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

/** The one way a leg changes state: checked against the table, then the party hears the move's event. */
export function moveLeg(world: World, call: Call, party: Party, move: LegMove, fields?: CallEventFields): void {
  requireMove(call, party, move);
  const { to, event } = LEG_MOVES[move];
  party.state = to;
  if (to === 'Established') party.answered = true;
  world.emitCall(call, party, event, fields);
}
