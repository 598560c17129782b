import { ERROR_CATALOG, type ErrorCode } from '@ctikit/protocol';

/**
 * What every command answers: `ok`, or a failure value with a stable code and a human message.
 * Failures are values, never thrown across the vendor port or the workspace (scv-connector-base's
 * named results): a view reads `outcome.ok` and shows `outcome.message`.
 *
 * Codes are the bridge protocol's catalog (the same code reaches the REST body, the socket's
 * EventError and the UI) plus a few the toolbar core needs on its own.
 */
export const CORE_ERROR_CATALOG = {
  UNKNOWN_INTERACTION: 'The toolbar has no interaction with this eventId.',
  AGENT_LOGGED_OUT: 'The agent is logged out: make the agent available first.',
  EVENT_ID_IN_USE: 'An interaction with this eventId already exists.',
  VENDOR_UNREACHABLE: 'The telephony service cannot be reached.',
  INVALID_VENDOR_RESPONSE: 'The telephony service answered with something the toolbar does not understand.',
  NOT_SUPPORTED: 'This telephony vendor does not support the command.',
  DESTINATION_NO_ANSWER: 'The destination did not answer.',
  DESTINATION_REJECTED: 'The destination rejected the call.',
  SOFTPHONE_ERROR: 'The softphone cannot carry the call.',
} as const satisfies Record<string, string>;

export type CoreErrorCode = keyof typeof CORE_ERROR_CATALOG;

/** Every code a failure may carry: the bridge protocol's, then the core's. */
export type CtiErrorCode = ErrorCode | CoreErrorCode;

export interface Failure {
  readonly ok: false;
  readonly code: CtiErrorCode;
  readonly message: string;
  /** The T-Library error number, when the vendor reported one. */
  readonly tserverErrorCode?: number;
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

export type ReasonCodesOutcome = Outcome<{ reasonCodes: readonly ReasonCode[] }>;

export const OK: { readonly ok: true } = Object.freeze({ ok: true });

/** The catalog's message for a code. */
export function messageFor(code: CtiErrorCode): string {
  if (code in CORE_ERROR_CATALOG) return CORE_ERROR_CATALOG[code as CoreErrorCode];
  return ERROR_CATALOG[code as ErrorCode].message;
}

export function failure(code: CtiErrorCode, message?: string, tserverErrorCode?: number): Failure {
  return {
    ok: false,
    code,
    message: message ?? messageFor(code),
    ...(tserverErrorCode !== undefined ? { tserverErrorCode } : {}),
  };
}

export function isCtiErrorCode(value: unknown): value is CtiErrorCode {
  return typeof value === 'string' && (Object.hasOwn(ERROR_CATALOG, value) || Object.hasOwn(CORE_ERROR_CATALOG, value));
}
