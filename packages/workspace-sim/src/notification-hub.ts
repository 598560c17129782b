import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { CometDServer, ServerSession } from 'cometd-nodejs-server';
import type { WorkspaceSession, WorkspaceSessions } from './workspace-sessions.ts';
import { INITIALIZATION_CHANNEL, VOICE_CHANNEL } from './wire.ts';
import type { VoiceMessage } from './wire.ts';

// The CometD server is a CommonJS module whose exports ESM cannot name statically.
const { createCometDServer } = createRequire(import.meta.url)('cometd-nodejs-server') as typeof import('cometd-nodejs-server');

/** What `/workspace/v3/initialization` reports once the session is ready. */
type InitializationData = (session: WorkspaceSession) => { user: object; configuration: object };

/**
 * The face's CometD side, at `/workspace/v3/notifications` (long polling): a handshake is accepted
 * only with a valid `WORKSPACE_SESSIONID` cookie and binds the CometD session to that Workspace
 * session; subscribing to `/workspace/v3/initialization` gets `state: Complete` with the user;
 * voice notifications are delivered to the Workspace session's CometD sessions.
 */
export class NotificationHub {
  private readonly server: CometDServer;
  private readonly bound = new Map<string, Set<ServerSession>>();

  constructor(
    private readonly sessions: WorkspaceSessions,
    initialization: InitializationData,
    longPollTimeoutMs: number,
  ) {
    // Clients are servers (one bridge holds many agents' sessions): no per-browser session limit.
    this.server = createCometDServer({ timeout: longPollTimeoutMs, maxSessionsPerBrowser: -1 });
    this.server.policy = {
      canHandshake: (cometdSession, _message, callback) => {
        const request = (this.server.context as { request?: IncomingMessage }).request;
        const session = this.sessions.fromCookies(request?.headers.cookie);
        if (session) this.bind(session, cometdSession);
        callback(undefined, session !== undefined);
      },
    };
    this.server.createServerChannel(INITIALIZATION_CHANNEL).addListener('subscribed', (_channel: unknown, cometdSession: ServerSession) => {
      const session = this.sessionOf(cometdSession);
      if (session)
        cometdSession.deliver(null, INITIALIZATION_CHANNEL, {
          messageType: 'WorkspaceInitializationComplete',
          state: 'Complete',
          data: initialization(session),
        });
    });
  }

  /** Serve one CometD request; `body` is the parsed JSON the route received. */
  handle(request: IncomingMessage, response: ServerResponse, body: unknown): void {
    Object.assign(request, { body });
    this.server.handle(request, response);
  }

  publish(session: WorkspaceSession, message: VoiceMessage): void {
    for (const cometdSession of this.bound.get(session.id) ?? []) cometdSession.deliver(null, VOICE_CHANNEL, message);
  }

  /** Run `change` with every bound CometD session batching, so the notifications it causes travel together. */
  batch<T>(change: () => T): T {
    const all = [...this.bound.values()].flatMap((set) => [...set]);
    const run = (index: number): T => {
      const cometdSession = all[index];
      if (!cometdSession) return change();
      let result: T | undefined;
      cometdSession.batch(() => {
        result = run(index + 1);
      });
      return result as T;
    };
    return run(0);
  }

  /** Disconnect the Workspace session's CometD sessions from the server side; returns how many. */
  drop(session: WorkspaceSession): number {
    const cometdSessions = [...(this.bound.get(session.id) ?? [])];
    for (const cometdSession of cometdSessions) cometdSession.disconnect();
    this.bound.delete(session.id);
    return cometdSessions.length;
  }

  close(): void {
    for (const set of this.bound.values()) for (const cometdSession of set) cometdSession.disconnect();
    this.bound.clear();
    this.server.close();
  }

  private bind(session: WorkspaceSession, cometdSession: ServerSession): void {
    let set = this.bound.get(session.id);
    if (!set) {
      set = new Set();
      this.bound.set(session.id, set);
    }
    set.add(cometdSession);
    cometdSession.addListener('removed', () => {
      this.bound.get(session.id)?.delete(cometdSession);
    });
  }

  private sessionOf(cometdSession: ServerSession): WorkspaceSession | undefined {
    for (const [id, set] of this.bound) {
      if (set.has(cometdSession)) return this.sessions.byId(id);
    }
    return undefined;
  }
}
