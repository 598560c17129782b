import { bridgeFrameSchema, SOCKET_PATH, TOKEN_EXPIRED_CLOSE_CODE, type SessionOpened, type Snapshot, type TServerWireEvent } from '@ctikit/protocol';
import { type Clock, type TimerHandle } from '@ctikit/kernel';
import type { ConnectionReason, ConnectionStatus } from '../../core/connection-status.ts';
import type { Logger } from '../../core/logger.ts';
import type { Failure } from '../../core/outcome.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import type { BridgeCredentials, TicketOutcome } from './bridge-rest.ts';
import type { SocketClose, WebSocketConstructor, WebSocketLike } from './platform.ts';
import type { SessionStore } from './session-store.ts';

/**
 * The bridge's event socket, `GET /genesysWs`, kept alive.
 *
 * ```
 *   idle ──open()──▶ connecting ──SessionOpened──▶ open ──closed / silent / gap──▶ waiting{backoff}
 *    ▲                  │  first attempt fails          ▲                             │
 *    └──────────────────┘                               └──────── connecting ◀───────┘
 *   any ──close()──▶ closed
 * ```
 *
 * - Every frame is parsed with the protocol's `bridgeFrameSchema`; a frame that is not JSON or not
 *   a known frame is logged and ignored.
 * - Sequenced frames are delivered once and in order: a seq already seen is dropped; a gap makes
 *   the socket reconnect and resume, so the bridge replays what is missing.
 * - A connection that delivers nothing — not even a Heartbeat — for 2.5 × the session's heartbeat
 *   interval is presumed dead and replaced.
 * - Once a session has been opened, a lost socket is reopened with exponential backoff and jitter,
 *   resuming from the last seq (`sessionId` + `resumeFrom`). A first open that fails is reported,
 *   not retried: the agent asked for it and is told.
 * - A new instance (a reloaded page) has no events behind its model, so it asks for no replay: the
 *   bridge answers with a Snapshot of the agent and their calls.
 * - With a bearer token, each connection signs in with a one-time ticket from the bridge
 *   (`ticket=`), never with the token itself. A socket the bridge closes because its token expired
 *   (4401) is reopened at once: the next ticket is asked for with a fresh token, and the session
 *   resumes.
 * - Every timer runs on the injected clock.
 */
export interface BridgeSocketDelegate {
  /** `lost`: the socket named a session and the bridge opened another (it restarted, or the session expired). */
  onOpened(frame: SessionOpened, lost: boolean): void;
  onFrame(frame: TServerWireEvent | Snapshot): void;
  onStatus(status: ConnectionStatus): void;
}

export interface BridgeSocketOptions {
  bridgeUrl: string;
  credentials: BridgeCredentials;
  /** A one-time socket ticket (production), when the credentials have a token. */
  socketTicket: () => Promise<TicketOutcome>;
  WebSocket: WebSocketConstructor;
  clock: Clock;
  log: Logger;
  store: SessionStore;
  random: () => number;
  backoff: BackoffOptions;
  /** How long a connection may take to say SessionOpened. */
  connectTimeoutMs: number;
  delegate: BridgeSocketDelegate;
}

/** How many heartbeat intervals of silence mean the connection is dead. */
export const DEAD_AFTER_HEARTBEATS = 2.5;

type Phase = 'idle' | 'connecting' | 'open' | 'waiting' | 'closed';

export class BridgeSocket {
  private phase: Phase = 'idle';
  private socket: WebSocketLike | undefined;
  private sessionId: string | undefined;
  /** The last seq this instance processed; undefined until its first session opened. */
  private lastSeq: number | undefined;
  private heartbeatMs: number | undefined;
  /** Whether a session was opened: from then on a lost socket is reopened. */
  private persistent = false;
  private attempt = 0;
  private timer: TimerHandle | undefined;
  private watchdog: TimerHandle | undefined;
  private waiters: Array<(opened: boolean) => void> = [];
  /** Why the bridge refused the last ticket (the token is not one it accepts), until a session opens. */
  private ticketRefusal: Failure | undefined;

  constructor(private readonly options: BridgeSocketOptions) {
    this.sessionId = options.store.load()?.sessionId;
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  /** The bridge's refusal of the credentials, when that is why the last attempt failed. */
  get refusal(): Failure | undefined {
    return this.ticketRefusal;
  }

  /** Whether the socket is trying to get back a session it had. */
  get isReconnecting(): boolean {
    return this.phase === 'waiting' || (this.phase === 'connecting' && this.persistent);
  }

  /**
   * Open the socket, or wait for the opening in progress. `resume` marks a session that exists
   * already (a reload): it is reopened with backoff if this attempt fails. Resolves true once the
   * bridge said SessionOpened, false when this attempt failed.
   */
  open(resume = false): Promise<boolean> {
    if (this.phase === 'closed') return Promise.resolve(false);
    if (this.phase === 'open') return Promise.resolve(true);
    const opened = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    if (resume) this.persistent = true;
    if (this.phase === 'waiting') {
      this.timer?.cancel();
      void this.connect();
    } else if (this.phase === 'idle') {
      void this.connect();
    }
    return opened;
  }

  /** Close for good: no more frames, statuses or reconnects. */
  close(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.stopTimers();
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'The toolbar closed the connection');
    this.settle(false);
  }

  private async connect(): Promise<void> {
    this.phase = 'connecting';
    if (this.attempt === 0) this.options.delegate.onStatus({ state: 'connecting' });
    let socket: WebSocketLike;
    try {
      const url = await this.url();
      if (this.phase !== 'connecting') return;
      socket = new this.options.WebSocket(url);
    } catch (error) {
      this.options.log.warn({ err: error }, 'the event socket could not be created');
      this.lost('connectFailed');
      return;
    }
    this.socket = socket;
    this.timer = this.options.clock.setTimer(this.options.connectTimeoutMs, () => this.replace(socket, 'connectFailed'));
    socket.addEventListener('message', (event) => this.receive(socket, event.data));
    socket.addEventListener('close', (event) => this.closed(socket, event));
    socket.addEventListener('error', () => this.options.log.debug({}, 'event socket error'));
  }

  private async url(): Promise<string> {
    const { bridgeUrl, credentials } = this.options;
    const query = new URLSearchParams();
    if (credentials.token !== undefined) {
      const ticket = await this.options.socketTicket();
      this.ticketRefusal = ticket.ok ? undefined : ticket;
      if (!ticket.ok) throw new Error(`no socket ticket: ${ticket.code}`);
      query.set('ticket', ticket.ticket);
    }
    if (credentials.agentId !== undefined) query.set('agentId', credentials.agentId);
    if (credentials.dn !== undefined) query.set('dn', credentials.dn);
    if (this.sessionId !== undefined) query.set('sessionId', this.sessionId);
    if (this.sessionId !== undefined && this.lastSeq !== undefined) query.set('resumeFrom', String(this.lastSeq));
    const base = bridgeUrl.replace(/\/+$/, '').replace(/^http/i, 'ws');
    const search = query.toString();
    return `${base}${SOCKET_PATH}${search ? `?${search}` : ''}`;
  }

  private receive(socket: WebSocketLike, data: unknown): void {
    if (socket !== this.socket) return;
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      this.options.log.warn({ length: String(data).length }, 'ignored a socket frame that is not JSON');
      return;
    }
    const parsed = bridgeFrameSchema.safeParse(json);
    if (!parsed.success) {
      this.options.log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'ignored a socket frame the protocol does not know');
      return;
    }
    this.armWatchdog(socket);
    const frame = parsed.data;
    switch (frame.eventName) {
      case 'SessionOpened':
        return this.opened(frame);
      case 'Heartbeat':
        return;
      case 'Snapshot':
        this.lastSeq = frame.lastSeq;
        this.remember();
        return this.options.delegate.onFrame(frame);
      default:
        return this.event(socket, frame);
    }
  }

  private opened(frame: SessionOpened): void {
    this.timer?.cancel();
    this.phase = 'open';
    this.persistent = true;
    this.attempt = 0;
    this.heartbeatMs = frame.heartbeatMs;
    const lost = this.sessionId !== undefined && this.sessionId !== frame.sessionId;
    this.sessionId = frame.sessionId;
    if (frame.resume !== 'replayed') this.lastSeq = frame.lastSeq;
    this.remember();
    this.armWatchdog(this.socket);
    this.options.log.info({ sessionId: frame.sessionId, resume: frame.resume, lastSeq: frame.lastSeq }, 'bridge session opened');
    this.options.delegate.onStatus({ state: 'connected' });
    this.options.delegate.onOpened(frame, lost);
    this.settle(true);
  }

  private event(socket: WebSocketLike, frame: TServerWireEvent): void {
    const { seq } = frame;
    if (seq !== undefined && this.lastSeq !== undefined) {
      if (seq <= this.lastSeq) return;
      if (seq > this.lastSeq + 1) {
        this.options.log.warn({ expected: this.lastSeq + 1, got: seq }, 'frames are missing: resuming to have them replayed');
        this.replace(socket, 'sequenceGap');
        return;
      }
    }
    if (seq !== undefined) {
      this.lastSeq = seq;
      this.remember();
    }
    this.options.delegate.onFrame(frame);
  }

  private closed(socket: WebSocketLike, event: SocketClose): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    this.options.log.info({ code: event.code, reason: event.reason }, 'event socket closed');
    if (event.code === TOKEN_EXPIRED_CLOSE_CODE && this.phase === 'open') {
      this.stopTimers();
      this.attempt = 1;
      this.options.delegate.onStatus({ state: 'reconnecting', reason: 'socketClosed', attempt: this.attempt });
      void this.connect();
      return;
    }
    this.lost(this.phase === 'open' ? 'socketClosed' : 'connectFailed');
  }

  /** Drop a socket that is no good (silent, out of order, too slow to open) and go on as if it had closed. */
  private replace(socket: WebSocketLike, reason: ConnectionReason): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    socket.close(4000, reason);
    this.lost(reason);
  }

  private lost(reason: ConnectionReason): void {
    this.stopTimers();
    if (this.phase === 'closed') return;
    if (!this.persistent) {
      this.phase = 'idle';
      this.options.delegate.onStatus({ state: 'offline', reason });
      this.settle(false);
      return;
    }
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.options.backoff, this.options.random);
    this.phase = 'waiting';
    this.options.log.info({ reason, attempt: this.attempt, delay }, 'event socket lost: reconnecting');
    this.options.delegate.onStatus({ state: 'reconnecting', reason, attempt: this.attempt });
    this.timer = this.options.clock.setTimer(delay, () => void this.connect());
    this.settle(false);
  }

  private armWatchdog(socket: WebSocketLike | undefined): void {
    this.watchdog?.cancel();
    if (socket === undefined || this.heartbeatMs === undefined) return;
    this.watchdog = this.options.clock.setTimer(this.heartbeatMs * DEAD_AFTER_HEARTBEATS, () => {
      this.options.log.warn({ heartbeatMs: this.heartbeatMs }, 'no frame for too long: the event socket is presumed dead');
      this.replace(socket, 'heartbeatTimeout');
    });
  }

  private stopTimers(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.watchdog?.cancel();
    this.watchdog = undefined;
  }

  private remember(): void {
    if (this.sessionId !== undefined && this.lastSeq !== undefined) {
      this.options.store.save({ sessionId: this.sessionId, lastSeq: this.lastSeq });
    }
  }

  private settle(opened: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(opened);
  }
}
