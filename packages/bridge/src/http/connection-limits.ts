import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { CtiError } from '@ctikit/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { endWithError } from './raw-answer.ts';

/**
 * How long a client may take, and how many connections one address may hold. A slow client (headers
 * or body trickled a byte at a time, an idle keep-alive, an upgrade never admitted) costs a socket
 * and memory for as long as the bridge waits, so every wait has a bound:
 *
 * - `headersMs`: the request line and headers must arrive within it (`408 CLIENT_TIMEOUT`);
 * - `requestMs`: the whole request, body included (`408 CLIENT_TIMEOUT`);
 * - `keepAliveMs`: an idle keep-alive connection is closed after it;
 * - `idleMs`: a connection with no traffic at all is closed after it (WebSockets excepted: they
 *   have heartbeats);
 * - `upgradeMs`: a WebSocket upgrade must be admitted (origin, token verification) within it.
 *
 * `maxConnectionsPerAddress` caps the open connections (HTTP and WebSocket) of one client address;
 * one more is answered `429 RATE_LIMITED` and closed. Behind a proxy every connection comes from
 * the proxy's address: raise the cap there, or set `0` (no cap) and cap at the proxy.
 */
export const timeoutsSchema = z
  .object({
    headersMs: z.number().int().positive().default(10_000),
    requestMs: z.number().int().positive().default(30_000),
    keepAliveMs: z.number().int().positive().default(10_000),
    idleMs: z.number().int().positive().default(60_000),
    upgradeMs: z.number().int().positive().default(10_000),
  })
  .strict()
  .refine((t) => t.headersMs <= t.requestMs, { message: 'headersMs cannot be longer than requestMs', path: ['headersMs'] })
  .default({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 10_000, idleMs: 60_000, upgradeMs: 10_000 });
export type Timeouts = z.output<typeof timeoutsSchema>;

/** Fastify's and Node's own settings for these timeouts. */
export function serverTimeouts(timeouts: Timeouts) {
  return {
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.idleMs,
    // Node checks headers and request timeouts on this period; a finer one keeps them near their bound.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(1_000, Math.ceil(timeouts.headersMs / 4)) },
  };
}

/** Counts each address's open connections on `server`, refusing those over `max` (0: no cap). */
export function capConnectionsPerAddress(server: Server, max: number, log: FastifyBaseLogger): void {
  if (max === 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      log.warn({ remoteAddress: address, connections: count }, 'connection refused: too many from this address');
      socket.pause();
      socket.once('finish', () => socket.destroy());
      endWithError(socket, new CtiError('RATE_LIMITED', `An address may hold at most ${max} connections.`));
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
