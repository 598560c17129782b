/**
 * The error catalog: one stable code per failure, with its HTTP status, the T-Library error number
 * where one applies (tliberr.h), and a human message. The same code reaches the REST body, the
 * `EventError` on the socket and the toolbar UI. docs/protocol.md lists the same table; a test keeps
 * the two in step.
 */
export const ERROR_CATALOG = {
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the command as application/json.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than the bridge accepts.' },
  USER_DATA_TOO_LARGE: { status: 413, message: "The call's user data would pass the bridge's limits (keys, value length or total size)." },
  UNKNOWN_COMMAND: { status: 400, message: 'The command type is not one the bridge knows.' },
  INVALID_COMMAND: { status: 400, message: 'The command is missing a field or has a field of the wrong type.' },
  INVALID_FRAME: { status: 400, message: 'The socket message is not a JSON command frame.' },
  NOT_FOUND: { status: 404, message: 'No such endpoint.' },
  UNAUTHENTICATED: { status: 401, message: 'Authentication is required: send a valid bearer token.' },
  ORIGIN_NOT_ALLOWED: { status: 403, message: 'This origin is not on the bridge allow-list.' },
  HOST_NOT_ALLOWED: { status: 403, message: 'Dev mode answers loopback host names only (localhost, 127.0.0.1, [::1]).' },
  RATE_LIMITED: { status: 429, message: 'Too many commands: slow down and retry shortly.' },
  NOT_INITIALIZED: {
    status: 409,
    tserverErrorCode: 41,
    message: "The agent's DN is not registered: send {type:'initialize'} first.",
  },
  ALREADY_IN_STATE: { status: 409, tserverErrorCode: 43, message: 'The object is already in the requested state.' },
  UNSUPPORTED_OPERATION: { status: 501, tserverErrorCode: 51, message: 'The contact center does not support this request.' },
  INVALID_ATTRIBUTE: { status: 400, tserverErrorCode: 53, message: 'An attribute value is not valid.' },
  BACKEND_UNAVAILABLE: { status: 503, tserverErrorCode: 54, message: 'No connection to the contact center.' },
  INVALID_CONNECTION_ID: {
    status: 404,
    tserverErrorCode: 56,
    message: 'No call with this connectionId exists on your DN.',
  },
  REQUEST_TIMEOUT: { status: 504, tserverErrorCode: 57, message: 'The contact center did not answer in time.' },
  DN_NOT_CONFIGURED: { status: 404, tserverErrorCode: 59, message: 'The DN or agent is not configured.' },
  INVALID_CALLED_DN: { status: 422, tserverErrorCode: 71, message: 'The destination number is not valid.' },
  TERMINATING_PARTY_BUSY: { status: 409, tserverErrorCode: 91, message: 'The destination is busy.' },
  INVALID_CALL_STATE: {
    status: 409,
    tserverErrorCode: 93,
    message: 'The call is not in a state that allows this request.',
  },
  CANNOT_COMPLETE_TRANSFER: {
    status: 409,
    tserverErrorCode: 98,
    message: 'The transfer or conference cannot be completed.',
  },
  INTERNAL_ERROR: { status: 500, tserverErrorCode: 52, message: 'The bridge hit an internal error.' },
} as const satisfies Record<string, { status: number; tserverErrorCode?: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

/** The error body every failing REST call answers with, and the payload of a socket error frame. */
export interface ErrorBody {
  ok: false;
  error: {
    code: ErrorCode;
    message: string;
    tserverErrorCode?: number;
    referenceId?: string;
  };
}

/** A failure with a stable code, thrown and caught across the bridge and the backends. */
export class CtiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly tserverErrorCode: number | undefined;

  constructor(code: ErrorCode, message?: string) {
    const entry = ERROR_CATALOG[code];
    super(message ?? entry.message);
    this.name = 'CtiError';
    this.code = code;
    this.status = entry.status;
    this.tserverErrorCode = 'tserverErrorCode' in entry ? entry.tserverErrorCode : undefined;
  }

  toBody(referenceId?: string): ErrorBody {
    return {
      ok: false,
      error: {
        code: this.code,
        message: this.message,
        ...(this.tserverErrorCode !== undefined ? { tserverErrorCode: this.tserverErrorCode } : {}),
        ...(referenceId !== undefined ? { referenceId } : {}),
      },
    };
  }
}

/** The catalog code for a T-Library error number, for backends that receive raw EventError codes. */
export function errorCodeForTServer(tserverErrorCode: number): ErrorCode {
  for (const code of ERROR_CODES) {
    const entry = ERROR_CATALOG[code];
    if ('tserverErrorCode' in entry && entry.tserverErrorCode === tserverErrorCode) return code;
  }
  return 'INTERNAL_ERROR';
}
