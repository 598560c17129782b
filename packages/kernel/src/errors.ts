/**
 * The error registry: every code a ctikit failure carries, in one vendor-neutral vocabulary, each
 * with its human message. Three families share it:
 * - the bridge's wire codes (what `POST /genesys/events` and `EventError` answer with; the bridge
 *   protocol maps each to its HTTP status and T-Library number, docs/protocol.md § Errors);
 * - the toolbar's own (a command the workspace refuses, a vendor that cannot be reached);
 * - the web extensions' (Service Client API answers).
 * docs/errors.md lists every code with its message; a test keeps the two in step.
 *
 * A failure may also name its vendor cause (a T-Library error number, a Streams error type): what
 * the vendor said, kept beside the code for logs and support, never in place of it.
 */
export const WIRE_ERRORS = {
  INVALID_JSON: 'The request body is not valid JSON.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the command as application/json.',
  BODY_TOO_LARGE: 'The request body is larger than the bridge accepts.',
  USER_DATA_TOO_LARGE: "The call's user data would pass the bridge's limits (keys, value length or total size).",
  UNKNOWN_COMMAND: 'The command type is not one the bridge knows.',
  INVALID_COMMAND: 'The command is missing a field or has a field of the wrong type.',
  INVALID_FRAME: 'The socket message is not a JSON command frame.',
  MALFORMED_REQUEST: 'The HTTP request is malformed (its URL, headers or WebSocket upgrade).',
  CLIENT_TIMEOUT: "The request's headers or body did not arrive in time.",
  NOT_FOUND: 'No such endpoint.',
  PATH_NOT_ALLOWED: 'The path is outside the files the bridge serves.',
  UNAUTHENTICATED: 'Authentication is required: send a valid bearer token.',
  TOKEN_EXPIRED: "The token has expired: get a fresh one (Fusion's trust token, or sign in again) and retry.",
  TOKEN_INVALID: 'The token is not one the bridge trusts: its signature, issuer or audience does not match the configuration.',
  AGENT_NOT_IN_DIRECTORY: "The signed-in user is not mapped to an agent in the bridge's directory.",
  TICKET_INVALID: 'The socket ticket is unknown, used already or expired: get a new one with POST /genesys/ticket.',
  IDENTITY_PROVIDER_UNAVAILABLE: 'The identity provider cannot be reached to verify the token.',
  ORIGIN_NOT_ALLOWED: 'This origin is not on the bridge allow-list.',
  HOST_NOT_ALLOWED: 'Dev mode answers loopback host names only (localhost, 127.0.0.1, [::1]).',
  RATE_LIMITED: 'Too many commands: slow down and retry shortly.',
  NOT_INITIALIZED: "The agent's DN is not registered: send {type:'initialize'} first.",
  ALREADY_IN_STATE: 'The object is already in the requested state.',
  UNSUPPORTED_OPERATION: 'The contact center does not support this request.',
  INVALID_ATTRIBUTE: 'An attribute value is not valid.',
  BACKEND_UNAVAILABLE: 'No connection to the contact center.',
  SESSION_STORE_UNAVAILABLE: 'The bridge cannot reach its session store (Redis): retry shortly.',
  NODE_DRAINING: 'This bridge node is shutting down: retry, another node will answer.',
  INVALID_CONNECTION_ID: 'No call with this connectionId exists on your DN.',
  REQUEST_TIMEOUT: "An answer did not come in time (from the contact center, or the bridge's own checks): retry shortly.",
  DN_NOT_CONFIGURED: 'The DN or agent is not configured.',
  INVALID_CALLED_DN: 'The destination number is not valid.',
  TERMINATING_PARTY_BUSY: 'The destination is busy.',
  INVALID_CALL_STATE: 'The call is not in a state that allows this request.',
  CANNOT_COMPLETE_TRANSFER: 'The transfer or conference cannot be completed.',
  UNKNOWN_CAMPAIGN: 'No outbound campaign of this name includes the agent.',
  UNKNOWN_RECORD: 'The agent has no outbound record with this recordHandle.',
  INTERNAL_ERROR: 'The bridge hit an internal error.',
} as const satisfies Record<string, string>;

export const TOOLBAR_ERRORS = {
  UNKNOWN_INTERACTION: 'The toolbar has no interaction with this eventId.',
  AGENT_LOGGED_OUT: 'The agent is logged out: make the agent available first.',
  EVENT_ID_IN_USE: 'An interaction with this eventId already exists.',
  VENDOR_UNREACHABLE: 'The telephony service cannot be reached.',
  LINK_LOST: 'The connection to the telephony service is lost: reconnecting. Try again once it is back.',
  INVALID_VENDOR_RESPONSE: 'The telephony service answered with something the toolbar does not understand.',
  NOT_SUPPORTED: 'This telephony vendor does not support the command.',
  DESTINATION_NO_ANSWER: 'The destination did not answer.',
  DESTINATION_REJECTED: 'The destination rejected the call.',
  SOFTPHONE_ERROR: 'The softphone cannot carry the call.',
  SIGN_IN_FAILED: 'The agent did not complete the sign-in with the contact center.',
  NO_AGENT_TOKEN: 'This telephony vendor issues no agent tokens (auth.getJwtToken needs the Genesys bridge).',
} as const satisfies Record<string, string>;

export const EXTENSION_ERRORS = {
  INVALID_PARAMETERS: "The request's parameters are not the ones it takes.",
  NOT_ALLOWED: 'This origin may not make the request (service-client-api.accepted-web-content-origins).',
  NO_CURRENT_CALL: 'No call is in progress.',
  NOT_A_CONSULTATION: 'The interaction is not a consultation in progress.',
  MARK_DONE_BLOCKED: 'An extension blocked marking this interaction done.',
  UNKNOWN_CASE: 'No interaction belongs to this case.',
  UNKNOWN_STATE: 'The agent has no such state.',
  UNKNOWN_MEDIA: 'The toolbar has no such media.',
  UNKNOWN_TOAST: 'No toast has this id.',
  UNKNOWN_DIALOG: 'No dialog has this id.',
  UNKNOWN_MENU_BAR_VIEW: 'No application menu bar view has this name.',
} as const satisfies Record<string, string>;

export const ERROR_REGISTRY = { ...WIRE_ERRORS, ...TOOLBAR_ERRORS, ...EXTENSION_ERRORS } as const;

/** A code the bridge sends over the wire. */
export type WireErrorCode = keyof typeof WIRE_ERRORS;
export type ToolbarErrorCode = keyof typeof TOOLBAR_ERRORS;
export type ExtensionErrorCode = keyof typeof EXTENSION_ERRORS;
/** Every code a failure may carry. */
export type CtiErrorCode = keyof typeof ERROR_REGISTRY;

export const ERROR_REGISTRY_CODES = Object.keys(ERROR_REGISTRY) as CtiErrorCode[];

/** What the vendor itself reported behind a failure. */
export interface VendorCause {
  /** `genesys` (T-Server), `amazon` (Streams), `fusion` (UEF). */
  readonly vendor: string;
  /** The vendor's own code: a T-Library error number, a Streams error type. */
  readonly code: string | number;
  readonly message?: string;
}

export function errorMessage(code: CtiErrorCode): string {
  return ERROR_REGISTRY[code];
}

export function isCtiErrorCode(value: unknown): value is CtiErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_REGISTRY, value);
}

export function isWireErrorCode(value: unknown): value is WireErrorCode {
  return typeof value === 'string' && Object.hasOwn(WIRE_ERRORS, value);
}
