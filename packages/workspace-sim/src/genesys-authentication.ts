import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * Genesys Authentication's authorization-code flow, as Genesys' agent-api-simulator plays it for
 * Workspace Web Edition, so a toolbar (or a test) can sign an agent in the way it would at Genesys:
 *
 *     GET  /auth/v3/oauth/authorize?response_type=code&client_id=C&redirect_uri=R[&state=S]
 *          → 302 /auth/sign-in.html (the request kept in the GAUTH_REQUEST cookie)
 *     POST /auth/v3/sign-in  username=[tenant\]agent&password=…
 *          → 302 /workspace/v3/start?code=K&redirect_uri=R   (wrong password: back to the page, with error)
 *     GET  /workspace/v3/start?code=K&redirect_uri=R
 *          → 302 R?code=K[&state=S]
 *
 * The client must be registered with its redirect URIs (`authClients`), the agent must have an
 * account (`accounts`). `initialize-workspace?code=K&redirect_uri=R` then opens a Workspace session
 * for the code's agent. As in Genesys' simulator, a code stays valid until the Workspace session
 * opened with it logs out, so a reconnecting backend may open a new session with it.
 */
export interface AuthClient {
  clientId: string;
  redirectUris: readonly string[];
}

export interface AgentAccount {
  agentId: string;
  password: string;
}

interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state?: string;
}

const REQUEST_COOKIE = 'GAUTH_REQUEST';
const PENDING_LIMIT = 1_000;

const authorizeQuery = z.object({
  response_type: z.literal('code'),
  client_id: z.string().min(1).max(256),
  redirect_uri: z.url({ protocol: /^https?$/ }).max(2048),
  state: z.string().min(1).max(512).optional(),
});
const signInForm = z.object({ username: z.string().min(1).max(256), password: z.string().max(256) });
const startQuery = z.object({ code: z.string().min(1).max(256), redirect_uri: z.url({ protocol: /^https?$/ }).max(2048) });

export class GenesysAuthentication {
  private readonly pending = new Map<string, PendingAuthorization>();
  /** code → the agent it signed in and the redirect URI it was issued for. */
  private readonly codes = new Map<string, { agentId: string; redirectUri: string; state?: string }>();

  constructor(
    private readonly clients: readonly AuthClient[],
    private readonly accounts: readonly AgentAccount[],
  ) {}

  /** The agent a code signed in, when it was issued for this redirect URI. */
  agentOfCode(code: string, redirectUri: string): string | undefined {
    const entry = this.codes.get(code);
    return entry && entry.redirectUri === redirectUri ? entry.agentId : undefined;
  }

  /** The session opened with the code logged out: the code ends with it. */
  revokeCode(code: string): void {
    this.codes.delete(code);
  }

  register(app: FastifyInstance): void {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    app.get('/auth/v3/oauth/authorize', async (request, reply) => {
      const query = authorizeQuery.safeParse(request.query);
      if (!query.success) return page(reply.status(400), 'The authorization request needs response_type=code, a client_id and a redirect_uri.');
      const { client_id: clientId, redirect_uri: redirectUri, state } = query.data;
      const client = this.clients.find((entry) => entry.clientId === clientId);
      if (!client) return page(reply.status(400), `The client ${clientId} is not registered with Genesys Authentication.`);
      if (!client.redirectUris.includes(redirectUri)) return page(reply.status(400), `The redirect URI is not one registered for the client ${clientId}.`);
      if (this.pending.size >= PENDING_LIMIT) this.pending.delete(this.pending.keys().next().value as string);
      const id = randomBytes(18).toString('base64url');
      this.pending.set(id, { clientId, redirectUri, ...(state !== undefined ? { state } : {}) });
      return reply.header('set-cookie', `${REQUEST_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`).redirect('/auth/sign-in.html', 302);
    });

    app.get('/auth/sign-in.html', async (request, reply) => {
      const failed = Object.hasOwn(request.query as object, 'error');
      return page(reply, failed ? 'The user name or the password is not right.' : undefined, true);
    });

    app.post('/auth/v3/sign-in', async (request, reply) => {
      const pending = this.pendingOf(request);
      if (!pending) return page(reply.status(400), 'No authorization request is in progress: start again from the application.');
      const form = signInForm.safeParse(request.body);
      const agentId = form.success ? (form.data.username.split('\\').pop() ?? '') : '';
      const account = this.accounts.find((entry) => entry.agentId === agentId);
      if (!form.success || !account || account.password !== form.data.password) return reply.redirect('/auth/sign-in.html?error', 302);
      const code = randomBytes(18).toString('base64url');
      this.codes.set(code, { agentId, redirectUri: pending.redirectUri, ...(pending.state !== undefined ? { state: pending.state } : {}) });
      const start = new URLSearchParams({ code, redirect_uri: pending.redirectUri });
      return reply.redirect(`/workspace/v3/start?${start.toString()}`, 302);
    });

    app.get('/workspace/v3/start', async (request, reply) => {
      const query = startQuery.safeParse(request.query);
      const entry = query.success ? this.codes.get(query.data.code) : undefined;
      if (!query.success || !entry || entry.redirectUri !== query.data.redirect_uri) return page(reply.status(400), 'This sign-in link is not valid.');
      const back = new URL(entry.redirectUri);
      back.searchParams.set('code', query.data.code);
      if (entry.state !== undefined) back.searchParams.set('state', entry.state);
      return reply.redirect(back.href, 302);
    });
  }

  private pendingOf(request: FastifyRequest): PendingAuthorization | undefined {
    for (const part of (request.headers.cookie ?? '').split(';')) {
      const [name, value] = part.trim().split('=');
      if (name === REQUEST_COOKIE && value !== undefined) return this.pending.get(value);
    }
    return undefined;
  }
}

/** The sign-in page (with the form) or a message page. */
function page(reply: FastifyReply, message: string | undefined, form = false): FastifyReply {
  const notice = message === undefined ? '' : `<p role="alert">${escapeHtml(message)}</p>`;
  const fields = form
    ? `<form method="post" action="/auth/v3/sign-in">
  <label>User name <input name="username" autocomplete="username" required></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Sign in</button>
</form>`
    : '';
  return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Genesys Authentication (simulated)</title></head>
<body><h1>Sign in</h1>${notice}${fields}</body></html>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
