import type { EndCause, Interaction } from './interaction.ts';

/**
 * The interaction state machine.
 *
 * ```
 *   offered (ringing) ──answered──┐
 *        │                        ▼
 *        │                    connected ──hold──▶ held
 *        │                     ▲   │   ◀─retrieve─ │
 *   dialing ──answered─────────┘   │               │
 *        │                         │               │
 *        └──────────ended{cause}───┴───────────────┴──▶ wrapUp ──closed by a view──▶ closed
 * ```
 *
 * - An interaction is born `offered` (a call rings at the agent) or `dialing` (the agent calls out).
 * - `wrapUp` is where every ended interaction waits, with its end cause, until a view closes it
 *   (the agent finished after-call work, or the view dismissed a missed offer): the call is over,
 *   the interaction is not. Nothing leaves `wrapUp` but the close, and `closed` is final.
 * - A report of the state the interaction is already in changes nothing (a duplicate event).
 * - A full resync from the vendor (`authority: 'snapshot'`) may move a live interaction to any
 *   other live state, since the snapshot is the truth; it still cannot revive an ended one.
 */
export type InteractionState = 'offered' | 'dialing' | 'connected' | 'held' | 'wrapUp' | 'closed';

/** The states of a call that is still going on. */
export type LiveInteractionState = 'offered' | 'dialing' | 'connected' | 'held';

export const INTERACTION_STATES: readonly InteractionState[] = ['offered', 'dialing', 'connected', 'held', 'wrapUp', 'closed'];

const LIVE: readonly InteractionState[] = ['offered', 'dialing', 'connected', 'held'];

const ALLOWED: Record<InteractionState, readonly InteractionState[]> = {
  offered: ['connected', 'wrapUp'],
  dialing: ['connected', 'wrapUp'],
  connected: ['held', 'wrapUp'],
  held: ['connected', 'wrapUp'],
  wrapUp: ['closed'],
  closed: [],
};

export function isLive(state: InteractionState): state is LiveInteractionState {
  return LIVE.includes(state);
}

/** A move and what it carries: the time it happened, and for an end, why. */
export type InteractionStep =
  | { readonly to: 'offered' | 'dialing'; readonly at: number }
  | { readonly to: 'connected'; readonly at: number }
  | { readonly to: 'held'; readonly at: number }
  | { readonly to: 'wrapUp'; readonly at: number; readonly cause: EndCause }
  | { readonly to: 'closed' };

export type InteractionTransition =
  | { readonly result: 'changed'; readonly interaction: Interaction }
  | { readonly result: 'unchanged' }
  | { readonly result: 'rejected'; readonly reason: string };

function allowed(from: InteractionState, to: InteractionState, authority: 'event' | 'snapshot'): boolean {
  if (ALLOWED[from].includes(to)) return true;
  return authority === 'snapshot' && isLive(from) && isLive(to);
}

/**
 * The one guarded move of an interaction: validates the step against the diagram and returns the
 * next value of the interaction (the derived fields — `held`, timestamps, end cause — kept in step).
 */
export function transitionInteraction(current: Interaction, step: InteractionStep, authority: 'event' | 'snapshot' = 'event'): InteractionTransition {
  if (current.state === step.to) return { result: 'unchanged' };
  if (!allowed(current.state, step.to, authority)) {
    return { result: 'rejected', reason: `interaction ${current.eventId} cannot move from ${current.state} to ${step.to}` };
  }
  return { result: 'changed', interaction: apply(current, step) };
}

function apply(current: Interaction, step: InteractionStep): Interaction {
  const { heldAt: _wasHeldAt, ...notHeld } = current;
  switch (step.to) {
    case 'offered':
    case 'dialing':
      return { ...notHeld, state: step.to, held: false };
    case 'connected':
      return { ...notHeld, state: 'connected', held: false, connectedAt: current.connectedAt ?? step.at };
    case 'held':
      return { ...current, state: 'held', held: true, heldAt: step.at, connectedAt: current.connectedAt ?? step.at };
    case 'wrapUp':
      return { ...notHeld, state: 'wrapUp', held: false, muted: false, endedAt: step.at, endCause: step.cause };
    case 'closed':
      return { ...notHeld, state: 'closed', held: false, muted: false };
  }
}
