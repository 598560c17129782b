import { errorMessage, isWireErrorCode, type WireErrorCode } from '@ctikit/kernel';

/**
 * The bridge's wire error catalog: each wire code of the kernel's error registry with its HTTP
 * status and the T-Library error number where one applies (tliberr.h). The same code reaches the
 * REST body, the `EventError` on the socket and the toolbar UI; its message is the registry's.
 * docs/protocol.md lists the same table; a test keeps the two in step.
 */
export const ERROR_CATALOG = {
  INVALID_JSON: { status: 400 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  BODY_TOO_LARGE: { status: 413 },
  USER_DATA_TOO_LARGE: { status: 413 },
  UNKNOWN_COMMAND: { status: 400 },
  INVALID_COMMAND: { status: 400 },
  INVALID_FRAME: { status: 400 },
  MALFORMED_REQUEST: { status: 400 },
  CLIENT_TIMEOUT: { status: 408 },
  NOT_FOUND: { status: 404 },
  PATH_NOT_ALLOWED: { status: 403 },
  UNAUTHENTICATED: { status: 401 },
  ORIGIN_NOT_ALLOWED: { status: 403 },
  HOST_NOT_ALLOWED: { status: 403 },
  RATE_LIMITED: { status: 429 },
  NOT_INITIALIZED: { status: 409, tserverErrorCode: 41 },
  ALREADY_IN_STATE: { status: 409, tserverErrorCode: 43 },
  UNSUPPORTED_OPERATION: { status: 501, tserverErrorCode: 51 },
  INVALID_ATTRIBUTE: { status: 400, tserverErrorCode: 53 },
  BACKEND_UNAVAILABLE: { status: 503, tserverErrorCode: 54 },
  SESSION_STORE_UNAVAILABLE: { status: 503 },
  NODE_DRAINING: { status: 503 },
  INVALID_CONNECTION_ID: { status: 404, tserverErrorCode: 56 },
  REQUEST_TIMEOUT: { status: 504, tserverErrorCode: 57 },
  DN_NOT_CONFIGURED: { status: 404, tserverErrorCode: 59 },
  INVALID_CALLED_DN: { status: 422, tserverErrorCode: 71 },
  TERMINATING_PARTY_BUSY: { status: 409, tserverErrorCode: 91 },
  INVALID_CALL_STATE: { status: 409, tserverErrorCode: 93 },
  CANNOT_COMPLETE_TRANSFER: { status: 409, tserverErrorCode: 98 },
  UNKNOWN_CAMPAIGN: { status: 404 },
  UNKNOWN_RECORD: { status: 404 },
  INTERNAL_ERROR: { status: 500, tserverErrorCode: 52 },
} as const satisfies Record<WireErrorCode, { status: number; tserverErrorCode?: number }>;

export type ErrorCode = WireErrorCode;

export { isWireErrorCode };

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
    super(message ?? errorMessage(code));
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
