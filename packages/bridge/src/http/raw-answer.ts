import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { CtiError } from '@ctikit/protocol';

/**
 * Answers written straight on the connection, where no Fastify reply exists: a refused WebSocket
 * upgrade, a request Node's HTTP parser could not read, a client too slow to send its request, a
 * connection over the per-address cap. Each is the catalog's error body, and the connection closes.
 */
export function endWithError(socket: Duplex, error: CtiError): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(error.toBody());
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** What Node's HTTP parser or its timers reported (`clientError`), as a catalog error. */
export function clientErrorToCti(error: unknown): CtiError {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new CtiError('CLIENT_TIMEOUT');
  if (code === 'HPE_HEADER_OVERFLOW') return new CtiError('MALFORMED_REQUEST', "The request's headers are larger than the bridge accepts.");
  return new CtiError('MALFORMED_REQUEST');
}
