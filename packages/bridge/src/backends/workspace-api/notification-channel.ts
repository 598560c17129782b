import type { CometD, Message } from 'cometd';
import { CtiError } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import { createCometD } from './cometd-runtime.ts';
import type { CookieJar } from './cookie-jar.ts';
import { API_BASE, INITIALIZATION_CHANNEL, MEDIA_CHANNEL, VOICE_CHANNEL, initializationSchema } from './workspace-wire.ts';

export interface NotificationHandlers {
  /** A `/workspace/v3/voice` message, unparsed. */
  onVoice(data: unknown): void;
  /** A `/workspace/v3/media` message: the state of the session's other channels. */
  onMedia(): void;
  /** The connection is gone (failed connect, server-side disconnect); called at most once. */
  onLost(reason: CtiError): void;
}

/**
 * The CometD side of one Workspace session (`{apiUrl}/workspace/v3/notifications`, long polling):
 * `open` handshakes, subscribes to the voice, media and initialization channels and resolves when the
 * Workspace API reports the initialization `Complete`. From then on any failure (a failed
 * `/meta/connect`, a server-side `/meta/disconnect`, a failed re-handshake) stops the client and is
 * reported once through `onLost`: recovering is the caller's job, with a fresh session.
 */
export class NotificationChannel {
  private readonly cometd: CometD;
  private closing = false;
  private lost = false;

  private constructor(
    url: string,
    apiKey: string,
    jar: CookieJar,
    private readonly handlers: NotificationHandlers,
  ) {
    this.cometd = createCometD(url, apiKey, jar);
  }

  static async open(
    apiUrl: string,
    apiKey: string,
    jar: CookieJar,
    handlers: NotificationHandlers,
    timing: { clock: Clock; timeoutMs: number },
  ): Promise<NotificationChannel> {
    const channel = new NotificationChannel(`${apiUrl}${API_BASE}/notifications`, apiKey, jar, handlers);
    try {
      await channel.start(timing.clock, timing.timeoutMs);
      return channel;
    } catch (error) {
      channel.close();
      throw error;
    }
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.cometd.disconnect();
  }

  private start(clock: Clock, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let started = false;
      const fail = (reason: CtiError): void => {
        timer.cancel();
        if (!started) {
          started = true;
          reject(reason);
        } else {
          this.reportLost(reason);
        }
      };
      const timer = clock.setTimer(timeoutMs, () =>
        fail(new CtiError('BACKEND_UNAVAILABLE', `The Workspace API did not complete the initialization within ${timeoutMs} ms.`)),
      );
      this.cometd.addListener('/meta/connect', (message) => {
        if (!message.successful) fail(lostConnection('the notification connection failed', message));
      });
      this.cometd.addListener('/meta/disconnect', () => {
        if (!this.closing) fail(new CtiError('BACKEND_UNAVAILABLE', 'The Workspace API closed the notification connection.'));
      });
      this.cometd.handshake((reply) => {
        if (!reply.successful) {
          fail(lostConnection('the notification handshake failed', reply));
          return;
        }
        this.cometd.batch(() => {
          this.cometd.subscribe(VOICE_CHANNEL, (message) => this.handlers.onVoice(message.data));
          this.cometd.subscribe(MEDIA_CHANNEL, () => this.handlers.onMedia());
          this.cometd.subscribe(INITIALIZATION_CHANNEL, (message) => {
            const state = initializationSchema.safeParse(message.data);
            if (!state.success || started) return;
            if (state.data.state === 'Complete') {
              started = true;
              timer.cancel();
              resolve();
            } else if (state.data.state === 'Failed') {
              fail(new CtiError('BACKEND_UNAVAILABLE', 'The Workspace API reports that the workspace initialization failed.'));
            }
          });
        });
      });
    });
  }

  private reportLost(reason: CtiError): void {
    if (this.lost || this.closing) return;
    this.lost = true;
    this.close();
    this.handlers.onLost(reason);
  }
}

function lostConnection(what: string, message: Message): CtiError {
  return new CtiError('BACKEND_UNAVAILABLE', `The Workspace API connection was lost: ${what}${message.error ? ` (${message.error})` : ''}.`);
}
