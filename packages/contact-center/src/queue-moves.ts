import { CtiError, type CallEventName, type CallState } from '@ctikit/protocol';
import { writable, type Agent, type Call, type Party, type Queue } from './model.ts';
import { joinCall, leaveCall } from './party-moves.ts';
import type { World } from './world.ts';

/**
 * A call's place in an ACD queue, and the moves between places, each with the T-Server event it
 * implies. A queue is no DN anyone listens on, so only the agent a move involves hears of it:
 *
 *     outside ──enter──▶ waiting ──offer──▶ offered ──(the agent answers: an ACD leg)──▶ outside
 *                          ▲                  │
 *                          └──── return ──────┘   the agent rejects it or lets it ring out
 *     waiting ──abandon──▶ outside                  the call ends while it waits
 *
 * `waiting`: in the queue's list (FIFO by arrival). `offered`: ringing at an agent the queue chose
 * (an ACD leg, marked with its queue). `outside`: neither.
 */
export type QueuePlace = 'outside' | 'waiting' | 'offered';

export const QUEUE_MOVES = {
  /** The call arrives at the back of the queue (placed, dialed or transferred to it): offered to every agent again. */
  enter: { from: ['outside'], to: 'waiting' },
  /** Routing offers the first waiting call to a free agent: the agent's DN rings. */
  offer: { from: ['waiting'], to: 'offered', event: 'EventRinging' },
  /** The agent rejects the call or it rings out: the agent is released and the call goes back to the front. */
  return: { from: ['offered'], to: 'waiting', event: 'EventReleased' },
  /** The call ends while it waits: it leaves the queue (its parties' own releases say so). */
  abandon: { from: ['waiting'], to: 'outside' },
} as const satisfies Record<string, { from: readonly QueuePlace[]; to: QueuePlace; event?: CallEventName }>;

export type QueueMove = keyof typeof QUEUE_MOVES;

/** Where the call is with respect to the queues. */
export function queuePlace(call: Call): QueuePlace {
  if (call.queuedIn !== undefined) return 'waiting';
  return call.parties.some((party) => party.queue !== undefined && party.state === 'Ringing') ? 'offered' : 'outside';
}

/** Refuse (INVALID_CALL_STATE) a move the table does not allow from the call's place. */
function requireQueueMove(call: Call, move: QueueMove): void {
  const place = queuePlace(call);
  const allowed: readonly QueuePlace[] = QUEUE_MOVES[move].from;
  if (!allowed.includes(place)) throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is ${place} a queue: it cannot ${move}.`);
}

/** What each move takes besides the call: the queue it enters, the agent it is offered to, the leg that returns it. */
export type QueueStep =
  | { move: 'enter'; queue: Queue }
  | { move: 'offer'; queue: Queue; agent: Agent }
  | { move: 'return'; leg: Party; callState: Extract<CallState, 'NoAnswer' | 'Rejected'> }
  | { move: 'abandon' };

/**
 * The one way a call's place in a queue changes: checked against the table, then written, with the
 * move's event. `offer` returns the agent's new ringing leg.
 */
export function moveInQueue(world: World, call: Call, step: QueueStep): Party | undefined {
  requireQueueMove(call, step.move);
  switch (step.move) {
    case 'enter':
      writable(call).rejectedBy.clear();
      writable(call).queueSeq = world.nextQueueArrival();
      wait(world, call, step.queue, 'back');
      return undefined;
    case 'offer': {
      if (call.queuedIn !== step.queue.dn) throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is not waiting in queue ${step.queue.dn}.`);
      leaveQueue(world, call);
      return joinCall(world, call, { dn: step.agent.dn, kind: 'agent', queue: step.queue.dn }, 'ring');
    }
    case 'return': {
      const queue = step.leg.queue === undefined ? undefined : world.queues.get(step.leg.queue);
      if (!queue || step.leg.state !== 'Ringing') throw new CtiError('INVALID_CALL_STATE', `${step.leg.dn} is not offered call ${call.connectionId}.`);
      leaveCall(world, call, step.leg, 'release', { callState: step.callState });
      if (step.callState === 'Rejected') writable(call).rejectedBy.add(step.leg.dn);
      wait(world, call, queue, 'front');
      return undefined;
    }
    case 'abandon':
      leaveQueue(world, call);
      return undefined;
  }
}

function wait(world: World, call: Call, queue: Queue, position: 'front' | 'back'): void {
  writable(call).queuedIn = queue.dn;
  if (position === 'back') writable(queue).waiting.push(call);
  else writable(queue).waiting.unshift(call);
  world.queuesToRoute.add(queue);
}

function leaveQueue(world: World, call: Call): void {
  const queue = call.queuedIn === undefined ? undefined : world.queues.get(call.queuedIn);
  if (queue) {
    const waiting = writable(queue).waiting;
    waiting.splice(waiting.indexOf(call), 1);
  }
  delete writable(call).queuedIn;
}
