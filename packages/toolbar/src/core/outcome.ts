import { errorMessage, type CtiErrorCode, type VendorCause } from '@ctikit/kernel';

export { isCtiErrorCode, type CtiErrorCode, type VendorCause } from '@ctikit/kernel';

/**
 * What every command answers: `ok`, or a failure value with a stable code and a human message.
 * Failures are values, never thrown across the vendor port or the workspace (scv-connector-base's
 * named results): a view reads `outcome.ok` and shows `outcome.message`.
 *
 * Codes are the kernel's error registry (the same code reaches the REST body, the socket's
 * EventError and the UI); what the vendor itself said travels beside it as the `cause`.
 */
export interface Failure {
  readonly ok: false;
  readonly code: CtiErrorCode;
  readonly message: string;
  /** What the vendor reported behind the failure (a T-Library error number…), when it said something of its own. */
  readonly cause?: VendorCause;
}

/** `ok` with the named fields of a success, or a `Failure`. */
export type Outcome<T extends object = object> = ({ readonly ok: true } & Readonly<T>) | Failure;

/** Most commands: accepted by the vendor (its events will tell what happened), or failed. */
export type CommandOutcome = Outcome;

/** A command that creates an interaction (a consultation): the new interaction's eventId. */
export type DialOutcome = Outcome<{ eventId: string }>;

export interface ReasonCode {
  readonly code: string;
  readonly label: string;
}

/**
 * Labels of not-ready reasons in the agent's language, by reason code (the configuration's, for the
 * agent's locale). The code stays the contact center's; a code without a label keeps the contact
 * center's own name.
 */
export type ReasonLabels = Readonly<Record<string, string>>;

/** The reasons with the agent's labels put on them. */
export function labelReasons(reasons: readonly ReasonCode[], labels: ReasonLabels): readonly ReasonCode[] {
  return reasons.map((reason) => (Object.hasOwn(labels, reason.code) ? { code: reason.code, label: labels[reason.code] ?? reason.label } : reason));
}

export type ReasonCodesOutcome = Outcome<{ reasonCodes: readonly ReasonCode[] }>;

/** A signed, short-lived token naming the agent, for web extensions' servers; `expiresIn` in seconds. */
export type AgentTokenOutcome = Outcome<{ token: string; expiresIn: number }>;

/** A colleague's availability, as the contact center's directory reports it. */
export type DestinationState = 'ready' | 'notReady' | 'busy' | 'loggedOut';

/**
 * A place the vendor lists to transfer or consult to — the contact center's directory (Genesys: its
 * agents and queues with their DNs; Amazon Connect: the quick connects): a colleague, a queue, or an
 * outside number. Its `name` is what the agent picks and what the transfer names; `phoneNumber` is
 * its DN or number, which also names the party of a call it is on.
 */
export interface TransferDestination {
  readonly name: string;
  readonly kind: 'agent' | 'queue' | 'phoneNumber';
  readonly phoneNumber?: string;
  /** An agent's availability, where the vendor reports it. */
  readonly state?: DestinationState;
}

/**
 * One of the agent's queues as the contact center reports it. The figures are there only when the
 * vendor has them (Genesys: Stat Server's waiting calls and longest wait); Amazon Connect's agent
 * client names the routing profile's queues but gives no queue metrics, and no figure is made up.
 */
export interface QueueStatus {
  readonly name: string;
  readonly waiting?: number;
  readonly longestWaitMs?: number;
}

export type QueueStatusOutcome = Outcome<{ queues: readonly QueueStatus[] }>;

export type TransferDestinationsOutcome = Outcome<{ destinations: readonly TransferDestination[] }>;

export const OK: { readonly ok: true } = Object.freeze({ ok: true });

export function failure(code: CtiErrorCode, message?: string, cause?: VendorCause): Failure {
  return {
    ok: false,
    code,
    message: message ?? errorMessage(code),
    ...(cause !== undefined ? { cause } : {}),
  };
}
