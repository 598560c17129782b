import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { VoiceNotifier } from './voice-notifier.ts';
import { SESSION_COOKIE } from './wire.ts';

/**
 * Who may use the face: the API key every request carries (`x-api-key`), the agents' OAuth bearer
 * tokens or authorization codes (`initialize-workspace` turns one into a session), and the sessions, named by the
 * `WORKSPACE_SESSIONID` cookie. Expiring a token ends every session opened with it.
 *
 *     initialize-workspace ──▶ open ──activate-channels──▶ active ──logout / token expired──▶ ended
 */
export interface WorkspaceSession {
  readonly id: string;
  readonly agentId: string;
  /** The bearer token it was opened with, or none when an authorization code opened it. */
  readonly token?: string;
  /** The authorization code it was opened with. */
  readonly code?: string;
  /** Set by activate-channels: the DN the session works on and its notifications. */
  voice?: { dn: string; notifier: VoiceNotifier; unsubscribe: () => void };
}

export class WorkspaceSessions {
  private readonly apiKey: Buffer;
  private readonly tokens = new Map<string, string>();
  private readonly sessions = new Map<string, WorkspaceSession>();

  constructor(
    apiKey: string,
    tokens: ReadonlyArray<{ token: string; agentId: string }>,
    private readonly onEnded: (session: WorkspaceSession) => void,
  ) {
    this.apiKey = Buffer.from(apiKey);
    for (const { token, agentId } of tokens) this.tokens.set(token, agentId);
  }

  isApiKey(value: string | undefined): boolean {
    if (value === undefined) return false;
    const given = Buffer.from(value);
    return given.length === this.apiKey.length && timingSafeEqual(given, this.apiKey);
  }

  /** A session for the agent the bearer token names, or `undefined` for an unknown or expired token. */
  open(authorization: string | undefined): WorkspaceSession | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const agentId = token === undefined ? undefined : this.tokens.get(token);
    if (token === undefined || agentId === undefined) return undefined;
    return this.add({ id: randomBytes(18).toString('base64url'), agentId, token });
  }

  /** A session for the agent an authorization code signed in (Genesys Authentication checked the code). */
  openWithCode(agentId: string, code: string): WorkspaceSession {
    return this.add({ id: randomBytes(18).toString('base64url'), agentId, code });
  }

  private add(session: WorkspaceSession): WorkspaceSession {
    this.sessions.set(session.id, session);
    return session;
  }

  /** The session a `Cookie` header names, if it is still valid. */
  fromCookies(header: string | undefined): WorkspaceSession | undefined {
    for (const part of (header ?? '').split(';')) {
      const [name, value] = part.trim().split('=');
      if (name === SESSION_COOKIE && value !== undefined) return this.sessions.get(value);
    }
    return undefined;
  }

  byId(id: string): WorkspaceSession | undefined {
    return this.sessions.get(id);
  }

  ofAgent(agentId: string): WorkspaceSession[] {
    return [...this.sessions.values()].filter((session) => session.agentId === agentId);
  }

  issueToken(agentId: string): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, agentId);
    return token;
  }

  /** The token stops working, and so does every session opened with it. */
  expireToken(token: string): void {
    this.tokens.delete(token);
    for (const session of [...this.sessions.values()]) if (session.token === token) this.end(session);
  }

  end(session: WorkspaceSession): void {
    if (!this.sessions.delete(session.id)) return;
    session.voice?.unsubscribe();
    this.onEnded(session);
  }

  endAll(): void {
    for (const session of [...this.sessions.values()]) this.end(session);
  }
}
