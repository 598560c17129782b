import { CtiError } from '@ctikit/protocol';
import type { z } from 'zod';
import type { CookieJar } from './cookie-jar.ts';
import { errorForHttp, errorForNetwork } from './workspace-errors.ts';
import type { GenesysCredential } from '@ctikit/protocol';
import { DIRECTORY_QUERY } from './workspace-directory.ts';
import { API_BASE, callsReplySchema, replySchema, targetsReplySchema } from './workspace-wire.ts';
import type { Reply, WorkspaceCall } from './workspace-wire.ts';

/**
 * The Workspace API's REST side for one agent: every request carries the API key (`x-api-key`)
 * and the session's cookies; replies are parsed with zod; failures become catalog errors
 * (workspace-errors.ts). A 2xx reply means "accepted", never "done": the state it leads to comes
 * as notifications. Redirects are not followed: a Workspace API answers with its own status, and
 * the session's cookies are whatever the server set (no cookie is required by name).
 */
export class WorkspaceRest {
  constructor(
    private readonly apiUrl: string,
    private readonly apiKey: string,
    private readonly jar: CookieJar,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Open a Workspace session with the agent's credential, as Genesys' clients do: `GET
   * initialize-workspace` with the bearer token, or with the authorization code and its redirect URI.
   * The session is in the cookies the answer sets, whatever their names.
   */
  async initialize(credential: GenesysCredential): Promise<void> {
    if (credential.kind === 'bearer') {
      await this.send('GET', 'initialize-workspace', replySchema, undefined, { authorization: `Bearer ${credential.token}` });
      return;
    }
    const query = new URLSearchParams({ code: credential.code, redirect_uri: credential.redirectUri });
    await this.send('GET', `initialize-workspace?${query.toString()}`, replySchema);
  }

  /** An operation: `path` under /workspace/v3, the body `{ operationId, data }`. */
  async operate(path: string, operationId: string, data: object | undefined): Promise<Reply> {
    const reply = await this.send('POST', path, replySchema, { operationId, ...(data !== undefined ? { data } : {}) });
    if (reply.status.code !== 0 && reply.status.code !== 1) {
      throw new CtiError(
        'INTERNAL_ERROR',
        `The Workspace API answered ${path} with status ${reply.status.code}${reply.status.message ? `: ${reply.status.message}` : ''}.`,
      );
    }
    return reply;
  }

  async calls(): Promise<WorkspaceCall[]> {
    return (await this.send('GET', 'voice/calls', callsReplySchema)).data.calls;
  }

  /** The targets search (`GET targets`) for the whole directory: its entries, each still to be read (workspace-directory.ts). */
  async targets(): Promise<unknown[]> {
    const reply = await this.send('GET', `targets?${new URLSearchParams(DIRECTORY_QUERY).toString()}`, targetsReplySchema);
    return reply.data?.targets ?? [];
  }

  /** End the Workspace session (a redirect, as Genesys' simulator answers, counts as done). */
  async logout(): Promise<void> {
    const { response } = await this.exchange('POST', 'logout', {});
    if (response.status >= 400) throw errorForHttp(response.status, undefined, 'logout');
  }

  private async send<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<z.infer<S>> {
    const { response, json } = await this.exchange(method, path, body, headers);
    if (!response.ok) throw errorForHttp(response.status, json, operationOf(path));
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CtiError('BACKEND_UNAVAILABLE', `The Workspace API answered ${operationOf(path)} with a body the backend cannot read.`);
    return parsed.data;
  }

  private async exchange(
    method: 'GET' | 'POST',
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<{ response: Response; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${this.apiUrl}${API_BASE}/${path}`, {
        method,
        headers: {
          'x-api-key': this.apiKey,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.jar.pairs().length > 0 ? { cookie: this.jar.pairs().join('; ') } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new CtiError('REQUEST_TIMEOUT', `The Workspace API did not answer ${operationOf(path)} within ${this.timeoutMs} ms.`);
      }
      throw errorForNetwork(this.apiUrl, error);
    }
    for (const cookie of response.headers.getSetCookie()) this.jar.store(cookie);
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { response, json };
  }
}

/** The operation a path names, without its query (which may hold an authorization code). */
function operationOf(path: string): string {
  return path.split('?')[0] ?? path;
}
