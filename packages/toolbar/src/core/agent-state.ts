/**
 * The agent's state on the phone channel, as the vendor reports it.
 *
 * ```
 *                 login (not ready)
 *   loggedOut ──────────────────────▶ notReady{reason?} ◀──┐ reason changed
 *       │   ▲                           │  ▲  │  ▲          │
 *       │   │ logout (from any state)   │  │  └──┴──────────┘
 *       │   │                     ready │  │ not ready
 *       │   │                           ▼  │
 *       └───┼─────login (ready)────────▶ ready
 *           │                              │ a call ends, after-call work on
 *           │                              ▼
 *           └─────────────────────── afterCallWork ──▶ ready | notReady
 * ```
 *
 * The only way in is a login (to notReady or ready); after-call work follows a call, so it is never
 * entered from loggedOut. A report of the state the agent is already in changes nothing.
 */
export type AgentState =
  | { readonly kind: 'loggedOut' }
  | { readonly kind: 'notReady'; readonly reasonCode?: string; readonly reasonLabel?: string }
  | { readonly kind: 'ready' }
  /** `endsAt` (epoch ms): when the contact center ends a timed wrap-up on its own. */
  | { readonly kind: 'afterCallWork'; readonly endsAt?: number };

export type AgentStateKind = AgentState['kind'];

export const AGENT_STATE_KINDS: readonly AgentStateKind[] = ['loggedOut', 'notReady', 'ready', 'afterCallWork'];

export const LOGGED_OUT: AgentState = Object.freeze({ kind: 'loggedOut' });

const ALLOWED: Record<AgentStateKind, readonly AgentStateKind[]> = {
  loggedOut: ['notReady', 'ready'],
  notReady: ['notReady', 'ready', 'afterCallWork', 'loggedOut'],
  ready: ['notReady', 'afterCallWork', 'loggedOut'],
  afterCallWork: ['ready', 'notReady', 'loggedOut'],
};

export function sameAgentState(a: AgentState, b: AgentState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'notReady' && b.kind === 'notReady') {
    return a.reasonCode === b.reasonCode && a.reasonLabel === b.reasonLabel;
  }
  if (a.kind === 'afterCallWork' && b.kind === 'afterCallWork') return a.endsAt === b.endsAt;
  return true;
}

export type AgentTransition =
  { readonly result: 'changed'; readonly state: AgentState } | { readonly result: 'unchanged' } | { readonly result: 'rejected'; readonly reason: string };

/**
 * The one guarded move of the agent machine. `authority: 'snapshot'` is a full resync from the
 * vendor: the snapshot is the truth, so any state may follow any other.
 */
export function transitionAgent(from: AgentState, to: AgentState, authority: 'event' | 'snapshot' = 'event'): AgentTransition {
  if (sameAgentState(from, to)) return { result: 'unchanged' };
  if (authority === 'snapshot' || ALLOWED[from.kind].includes(to.kind)) return { result: 'changed', state: to };
  return { result: 'rejected', reason: `agent cannot move from ${from.kind} to ${to.kind}` };
}

/** Whether the agent can take or place calls at all (logged in, in any state). */
export function isLoggedIn(state: AgentState): boolean {
  return state.kind !== 'loggedOut';
}
