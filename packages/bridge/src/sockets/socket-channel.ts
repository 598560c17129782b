import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import type { FrameSink } from '../sessions/agent-session.ts';

/** Close code for a socket that fell behind: "try again later" — the client reconnects and resumes. */
export const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * One server→client socket. Writes are bounded: a client that stops reading (its unsent bytes
 * pass `maxBufferedBytes`) is closed with 1013 rather than let the bridge's memory grow; it
 * reconnects and resumes from the replay buffer. The catch-up burst on joining (a replay, itself
 * bounded by the replay buffer) is exempt until it has drained below the bound. Liveness: each
 * heartbeat tick pings, and a socket that did not answer the previous ping is terminated.
 *
 * Writes are corked until the end of the tick: every frame (and ping) a socket gets in one turn
 * of the event loop — a released call and the agent's new state, a catch-up burst, a heartbeat —
 * leaves in one `writev` instead of one per frame.
 */
export class SocketChannel implements FrameSink {
  private awaitingPong = false;
  /** Unsent catch-up bytes tolerated on top of `maxBufferedBytes`, until the backlog drains below it. */
  private catchUpAllowance = 0;
  private corked = false;

  constructor(
    private readonly ws: WebSocket,
    /** The upgraded TCP socket under `ws`, corked while a tick's frames are written. */
    private readonly socket: Duplex,
    private readonly maxBufferedBytes: number,
    private readonly log: FastifyBaseLogger,
  ) {
    ws.on('pong', () => {
      this.awaitingPong = false;
    });
  }

  send(frame: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const backlog = this.ws.bufferedAmount;
    if (backlog <= this.maxBufferedBytes) this.catchUpAllowance = 0;
    else if (backlog > this.maxBufferedBytes + this.catchUpAllowance) {
      this.log.warn({ bufferedAmount: backlog }, 'socket fell behind: closing it so the client resumes');
      this.close(CLOSE_TRY_AGAIN_LATER, 'Falling behind: reconnect and resume');
      return;
    }
    this.corkUntilTickEnd();
    this.ws.send(frame);
  }

  catchUp(frames: readonly string[]): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.corkUntilTickEnd();
    for (const frame of frames) this.ws.send(frame);
    this.catchUpAllowance = this.ws.bufferedAmount;
  }

  /** One heartbeat tick: a Heartbeat frame and a ping; no pong since the last tick ends the socket. */
  beat(heartbeat: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.awaitingPong) {
      this.log.info('socket missed a pong: terminating it');
      this.terminate();
      return;
    }
    this.awaitingPong = true;
    this.corkUntilTickEnd();
    this.ws.ping();
    this.send(heartbeat);
  }

  /** The close frame and the frames before it leave now: a draining process may exit before the tick ends. */
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
    this.uncork();
  }

  /** End the socket at once; the frames written this tick go first. */
  terminate(): void {
    this.uncork();
    this.ws.terminate();
  }

  private corkUntilTickEnd(): void {
    if (this.corked) return;
    this.corked = true;
    this.socket.cork();
    process.nextTick(() => this.uncork());
  }

  private uncork(): void {
    if (!this.corked) return;
    this.corked = false;
    this.socket.uncork();
  }
}
