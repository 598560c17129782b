import {
  AGENT_ID_HEADER,
  REST_PATH,
  SOCKET_PATH,
  bridgeFrameSchema,
  type Command,
  type SessionOpened,
  type Snapshot,
  type TServerWireEvent,
} from '@ctikit/protocol';
import { type Clock, type TimerHandle } from '@ctikit/kernel';
import { z } from 'zod';
import type { SwitchOutcome } from './agent-service.ts';

/**
 * The CCP's line to the contact-center simulator: it is a client of the ctikit bridge for its agent,
 * in dev mode (`X-Agent-Id` on commands, `agentId=` on the socket), like any toolbar on the Genesys
 * path. Commands are `POST /genesys/events`; the agent's T-Server events come on `/genesysWs`, which
 * is reopened after a drop with the session id and last seq, so the bridge replays what was missed
 * (or sends a Snapshot).
 */

export type LinkStatus = 'connecting' | 'open' | 'reconnecting';

export interface BridgeLinkDelegate {
  onOpened(frame: SessionOpened): void;
  onSnapshot(frame: Snapshot): void;
  onEvent(frame: TServerWireEvent): void;
  onStatus(status: LinkStatus): void;
}

export interface BridgeLinkOptions {
  /** The bridge, e.g. the page's own origin. */
  readonly bridgeUrl: string;
  readonly agentId: string;
  readonly clock: Clock;
  readonly delegate: BridgeLinkDelegate;
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const RETRY_MS = [500, 1000, 2000, 5000];

export class BridgeLink {
  private socket: WebSocket | undefined;
  private sessionId: string | undefined;
  private lastSeq = 0;
  private attempt = 0;
  private retry: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly options: BridgeLinkOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.retry?.cancel();
    this.socket?.close();
  }

  async send(command: Command): Promise<SwitchOutcome> {
    let response: Response;
    try {
      response = await fetch(new URL(REST_PATH, this.options.bridgeUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [AGENT_ID_HEADER]: this.options.agentId },
        body: JSON.stringify(command),
      });
    } catch {
      return { ok: false, code: 'BACKEND_UNAVAILABLE', message: 'The contact center cannot be reached.' };
    }
    if (response.ok) return { ok: true };
    const body = errorBody.safeParse(await response.json().catch(() => undefined));
    return body.success
      ? { ok: false, code: body.data.error.code, message: body.data.error.message }
      : { ok: false, code: 'INTERNAL_ERROR', message: `The contact center answered ${response.status}.` };
  }

  private open(): void {
    const url = new URL(SOCKET_PATH, this.options.bridgeUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('agentId', this.options.agentId);
    if (this.sessionId !== undefined) {
      url.searchParams.set('sessionId', this.sessionId);
      url.searchParams.set('resumeFrom', String(this.lastSeq));
    }
    this.options.delegate.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.options.delegate.onStatus('reconnecting');
      const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)] ?? 5000;
      this.attempt += 1;
      this.retry = this.options.clock.setTimer(delay, () => this.open());
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = bridgeFrameSchema.safeParse(json);
    if (!parsed.success) return;
    const frame = parsed.data;
    switch (frame.eventName) {
      case 'Heartbeat':
        return;
      case 'SessionOpened':
        this.attempt = 0;
        this.sessionId = frame.sessionId;
        this.lastSeq = frame.lastSeq;
        this.options.delegate.onStatus('open');
        this.options.delegate.onOpened(frame);
        return;
      case 'Snapshot':
        this.lastSeq = frame.lastSeq;
        this.options.delegate.onSnapshot(frame);
        return;
      default:
        if (frame.seq !== undefined) this.lastSeq = frame.seq;
        this.options.delegate.onEvent(frame);
    }
  }
}
