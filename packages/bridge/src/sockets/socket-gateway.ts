import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { CtiError, socketQuerySchema } from '@ctikit/protocol';
import type { SocketQuery } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { FastifyBaseLogger } from 'fastify';
import { bearerToken } from '../http/access.ts';
import type { AccessControl } from '../http/access.ts';
import type { AgentIdentity } from '../identity/agent-identity.ts';
import type { Drain } from '../ops/drain.ts';
import { parseWith, toCtiError } from '../http/errors.ts';
import { endWithError } from '../http/raw-answer.ts';
import { heartbeatFrame, socketErrorFrame } from '../sessions/frames.ts';
import { HeartbeatSchedule } from './heartbeat-schedule.ts';
import { SocketChannel } from './socket-channel.ts';

/** Close code of the sockets of a draining node (WebSocket "Service Restart"): the client reconnects elsewhere and resumes. */
export const CLOSE_SERVICE_RESTART = 1012;

/**
 * The heartbeat runs this many ticks per `heartbeatMs`, each beating only the sockets due
 * (`HeartbeatSchedule`): no tick walks every socket, and a storm's beats spread over several ticks.
 */
const HEARTBEAT_TICKS = 15;
/** A tick beats at least this many due sockets (more when there are many sockets: see HeartbeatSchedule). */
const MIN_BEATS_PER_TICK = 256;

/** Largest frame a client may send; a larger one closes its socket with 1009. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

export interface UpgradeContext {
  identity: AgentIdentity;
  query: SocketQuery;
}

/** What to do with a socket once the upgrade completed. */
export type OpenSocket = (channel: SocketChannel, ws: WebSocket) => void;

export interface SocketEndpoint {
  /** Decide before the upgrade completes: throw a CtiError to refuse with its HTTP status. */
  admit(context: UpgradeContext): OpenSocket;
}

export interface GatewayOptions {
  access: AccessControl;
  drain: Drain;
  clock: Clock;
  heartbeatMs: number;
  /** An upgrade not admitted within this (a token verifier that does not answer) is refused. */
  upgradeMs: number;
  maxBufferedBytes: number;
  log: FastifyBaseLogger;
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * WebSocket upgrades for every socket path (`ws` in `noServer` mode on Fastify's HTTP server).
 * Origin and credentials are checked before the upgrade completes, so a refused client gets a
 * plain 401/403/404 with the error body. Sockets are server→client: any frame a client sends is
 * answered with an unsequenced `EventError` (INVALID_FRAME) and the socket stays open.
 */
export class SocketGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, perMessageDeflate: false });
  private readonly channels = new Set<SocketChannel>();
  private readonly beats: HeartbeatSchedule<SocketChannel>;
  private heartbeat: TimerHandle | undefined;

  constructor(
    private readonly endpoints: ReadonlyMap<string, SocketEndpoint>,
    private readonly options: GatewayOptions,
  ) {
    // An upgrade `ws` cannot accept (method, key, version, subprotocol) is refused in the catalog's shape.
    this.beats = new HeartbeatSchedule(options.heartbeatMs, HEARTBEAT_TICKS, MIN_BEATS_PER_TICK);
    this.wss.on('wsClientError', (error: Error, socket: Duplex) =>
      this.refuse(socket, new CtiError('MALFORMED_REQUEST', `The WebSocket upgrade is not valid: ${error.message}.`)),
    );
    this.scheduleHeartbeat();
  }

  get socketCount(): number {
    return this.channels.size;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A listener of its own, not a closure of this method: it lives as long as the socket and must
    // not hold the upgrade request, its head and deadline (a closure here shares their scope).
    socket.on('error', this.onUpgradeSocketError);
    let decided = false;
    const deadline = this.options.clock.setTimer(this.options.upgradeMs, () => {
      decided = true;
      this.refuse(
        socket,
        new CtiError(
          'REQUEST_TIMEOUT',
          `The bridge could not admit the socket within ${this.options.upgradeMs} ms (its origin and token checks did not finish): retry shortly.`,
        ),
      );
    });
    this.admit(request).then(
      (open) => {
        if (decided) return;
        deadline.cancel();
        if (socket.destroyed) return;
        this.wss.handleUpgrade(request, socket, head, (ws) => open(this.track(ws, socket), ws));
      },
      (error: unknown) => {
        if (decided) return;
        deadline.cancel();
        this.refuse(socket, error);
      },
    );
  }

  private readonly onUpgradeSocketError = (error: Error): void => this.options.log.debug({ err: error }, 'upgrade socket error');

  /** Close every socket with `code` (the clients reconnect), keeping the heartbeat until close(). */
  closeAll(code: number, reason: string): void {
    for (const channel of this.channels) channel.close(code, reason);
  }

  /** Terminate every socket and stop the heartbeat. */
  close(): void {
    this.heartbeat?.cancel();
    this.heartbeat = undefined;
    for (const channel of this.channels) channel.terminate();
    this.channels.clear();
    this.beats.clear();
    this.wss.close();
  }

  private async admit(request: IncomingMessage): Promise<OpenSocket> {
    const url = new URL(request.url ?? '/', 'http://bridge.invalid');
    const endpoint = this.endpoints.get(url.pathname);
    if (!endpoint) throw new CtiError('NOT_FOUND', `No socket endpoint ${url.pathname}.`);
    const { access, drain } = this.options;
    drain.assertOpen();
    access.assertHost(headerValue(request, 'host'));
    access.assertOrigin(headerValue(request, 'origin'));
    const query = parseWith(socketQuerySchema, Object.fromEntries(url.searchParams));
    const identity = await access.identify({
      address: request.socket.remoteAddress,
      ticket: query.ticket,
      token: bearerToken(headerValue(request, 'authorization')),
      agentId: query.agentId,
      dn: query.dn,
    });
    return endpoint.admit({ identity, query });
  }

  private track(ws: WebSocket, socket: Duplex): SocketChannel {
    const channel = new SocketChannel(ws, socket, this.options.maxBufferedBytes, this.options.log);
    this.channels.add(channel);
    this.beats.add(channel, this.options.clock.now());
    ws.on('close', () => {
      this.channels.delete(channel);
      this.beats.delete(channel);
    });
    ws.on('error', (error) => this.options.log.info({ err: error }, 'socket error'));
    ws.on('message', (_data, isBinary) => {
      const kind = isBinary ? 'a binary frame' : 'a text frame';
      channel.send(socketErrorFrame('INVALID_FRAME', `The socket is server-to-client; got ${kind}. Send commands with POST /genesys/events.`));
    });
    return channel;
  }

  private refuse(socket: Duplex, cause: unknown): void {
    const error = toCtiError(cause);
    if (error.code === 'INTERNAL_ERROR') this.options.log.error({ err: cause }, 'socket upgrade failed');
    else if (error.code === 'MALFORMED_REQUEST' || error.code === 'NOT_FOUND') this.options.log.debug({ code: error.code }, `socket refused: ${error.message}`);
    else this.options.log.info({ code: error.code }, `socket refused: ${error.message}`);
    endWithError(socket, error);
  }

  /** One tick every `heartbeatMs / HEARTBEAT_TICKS`, beating the sockets due. */
  private scheduleHeartbeat(): void {
    this.heartbeat = this.options.clock.setTimer(this.options.heartbeatMs / HEARTBEAT_TICKS, () => {
      const due = this.beats.take(this.options.clock.now());
      if (due.length > 0) {
        const frame = heartbeatFrame();
        for (const channel of due) channel.beat(frame);
      }
      this.scheduleHeartbeat();
    });
  }
}
