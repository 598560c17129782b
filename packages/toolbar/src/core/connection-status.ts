/**
 * How the toolbar's link to the telephony vendor stands. The vendor reports it; views show it (a
 * banner while reconnecting). While the link is lost (`linkLost`) the workspace refuses every command
 * that needs the vendor (LINK_LOST) and the views disable their controls; the model keeps an
 * `LinkOutage` record of the loss, so the views can say afterwards what it cost.
 *
 * ```
 *   offline{idle} ──open──▶ connecting ──opened──▶ connected ──lost──▶ reconnecting{reason, attempt}
 *        ▲                      │                      ▲                      │
 *        └─offline{connectFailed}┘                      └────── reopened ──────┘
 *   any ──disposed──▶ offline{disposed}
 *   any ──sign-in needed / refused──▶ offline{authFailed | accessDenied} ──signed in──▶ connected
 * ```
 */
export type ConnectionReason =
  /** Never started: the agent has not made themselves available yet. */
  | 'idle'
  /** The socket closed without being asked to. */
  | 'socketClosed'
  /** Nothing (not even a heartbeat) arrived for too long: the link is presumed dead. */
  | 'heartbeatTimeout'
  /** The socket could not be opened. */
  | 'connectFailed'
  /** The vendor is reachable but has lost its own link to the contact center. */
  | 'contactCenterDown'
  /** Events went missing (a seq was skipped): the link is reopened to have them replayed. */
  | 'sequenceGap'
  /** The toolbar shut the link down. */
  | 'disposed'
  /** The vendor needs the agent to sign in (again): no session yet, or it expired. */
  | 'authFailed'
  /** The vendor refuses this agent (permissions). */
  | 'accessDenied'
  /** The vendor's own client lost its network (Amazon Connect's CCP): commands wait until it is back. */
  | 'networkLost';

export type ConnectionStatus =
  | { readonly state: 'offline'; readonly reason: ConnectionReason }
  | { readonly state: 'connecting' }
  | { readonly state: 'connected' }
  | { readonly state: 'reconnecting'; readonly reason: ConnectionReason; readonly attempt: number };

export const IDLE_CONNECTION: ConnectionStatus = Object.freeze({ state: 'offline', reason: 'idle' });

export function sameConnectionStatus(a: ConnectionStatus, b: ConnectionStatus): boolean {
  if (a.state !== b.state) return false;
  if (a.state === 'offline' && b.state === 'offline') return a.reason === b.reason;
  if (a.state === 'reconnecting' && b.state === 'reconnecting') return a.reason === b.reason && a.attempt === b.attempt;
  return true;
}

/** The link was up and is being re-established: nothing the agent asks of the vendor can work now. */
export function linkLost(status: ConnectionStatus): boolean {
  return status.state === 'reconnecting';
}

/** The last loss of the link: when, and what the agent had then (their calls in progress, their state). */
export interface LinkOutage {
  readonly lostAt: number;
  /** When the link was back; undefined while it is still lost. */
  readonly restoredAt?: number;
  /** The eventIds of the calls in progress when the link was lost. */
  readonly liveCalls: readonly string[];
  readonly agentLoggedIn: boolean;
  /** The vendor's session did not survive it (the telephony service restarted): said by the resync that followed. */
  readonly sessionLost?: boolean;
}
