import { CtiError, errorCodeForTServer } from '@ctikit/protocol';
import { errorReplySchema } from './workspace-wire.ts';

/**
 * Workspace API failures as catalog errors, so the agent sees the same codes whatever the backend:
 *
 * | Workspace API says                              | catalog code                                  |
 * |-------------------------------------------------|-----------------------------------------------|
 * | `EventError` notification, T-Library `errorCode` | `errorCodeForTServer(errorCode)` (56 → INVALID_CONNECTION_ID, 71 → INVALID_CALLED_DN, …) |
 * | HTTP 401 / 403                                  | UNAUTHENTICATED (the token or session is gone) |
 * | HTTP 501 Not Implemented                         | UNSUPPORTED_OPERATION (this Workspace API lacks the operation) |
 * | HTTP 5xx, no answer, network error               | BACKEND_UNAVAILABLE                           |
 * | HTTP 404 on a call operation                     | INVALID_CONNECTION_ID                         |
 * | HTTP 409                                         | INVALID_CALL_STATE                            |
 * | any other HTTP 4xx                               | INVALID_ATTRIBUTE                             |
 */

export function errorForEventError(errorCode: number | string | undefined, errorMessage: string | undefined): CtiError {
  const number = typeof errorCode === 'number' ? errorCode : Number.parseInt(errorCode ?? '', 10);
  const code = Number.isInteger(number) ? errorCodeForTServer(number) : 'INTERNAL_ERROR';
  const detail = errorMessage ? `: ${errorMessage}` : '';
  return new CtiError(code, `The contact center refused the request (T-Server error ${Number.isInteger(number) ? number : 'unknown'})${detail}.`);
}

export function errorForHttp(status: number, body: unknown, operation: string): CtiError {
  const parsed = errorReplySchema.safeParse(body);
  const detail = parsed.success && parsed.data.status.message ? `: ${parsed.data.status.message}` : '';
  const what = `The Workspace API answered ${operation} with HTTP ${status}${detail}`;
  if (status === 401 || status === 403) return new CtiError('UNAUTHENTICATED', `${what} (the agent's token or Workspace session is not valid).`);
  if (status === 501) return new CtiError('UNSUPPORTED_OPERATION', `${what}: this contact center does not offer ${operation.split('/').pop() ?? operation}.`);
  if (status >= 500) return new CtiError('BACKEND_UNAVAILABLE', `${what}.`);
  if (status === 404 && operation.startsWith('voice/calls/')) return new CtiError('INVALID_CONNECTION_ID', `${what}.`);
  if (status === 409) return new CtiError('INVALID_CALL_STATE', `${what}.`);
  return new CtiError('INVALID_ATTRIBUTE', `${what}.`);
}

export function errorForNetwork(apiUrl: string, error: unknown): CtiError {
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new CtiError('BACKEND_UNAVAILABLE', `Cannot reach the Workspace API at ${apiUrl}: ${reason}.`);
}
