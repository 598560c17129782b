import { CtiError } from '@ctikit/protocol';
import type { z } from 'zod';
import type { CookieJar } from './cookie-jar.ts';
import { errorForHttp, errorForNetwork } from './workspace-errors.ts';
import { API_BASE, SESSION_COOKIE, callsReplySchema, replySchema } from './workspace-wire.ts';
import type { WorkspaceCall } from './workspace-wire.ts';

/**
 * The Workspace API's REST side for one agent: every request carries the API key (`x-api-key`)
 * and the session's cookies; replies are parsed with zod; failures become catalog errors
 * (workspace-errors.ts). A 2xx reply means "accepted", never "done": the state it leads to comes
 * as notifications.
 */
export class WorkspaceRest {
  constructor(
    private readonly apiUrl: string,
    private readonly apiKey: string,
    private readonly jar: CookieJar,
    private readonly timeoutMs: number,
  ) {}

  /** Exchange the agent's OAuth token for a Workspace session (the `WORKSPACE_SESSIONID` cookie). */
  async initialize(token: string): Promise<void> {
    await this.send('POST', 'initialize-workspace', replySchema, undefined, { authorization: `Bearer ${token}` });
    if (this.jar.get(SESSION_COOKIE) === undefined) {
      throw new CtiError('BACKEND_UNAVAILABLE', `The Workspace API at ${this.apiUrl} started no session (no ${SESSION_COOKIE} cookie).`);
    }
  }

  /** An operation: `path` under /workspace/v3, the body `{ operationId, data }`. */
  async operate(path: string, operationId: string, data: object | undefined): Promise<void> {
    const reply = await this.send('POST', path, replySchema, { operationId, ...(data !== undefined ? { data } : {}) });
    if (reply.status.code !== 0 && reply.status.code !== 1) {
      throw new CtiError('INTERNAL_ERROR', `The Workspace API answered ${path} with status ${reply.status.code}${reply.status.message ? `: ${reply.status.message}` : ''}.`);
    }
  }

  async calls(): Promise<WorkspaceCall[]> {
    return (await this.send('GET', 'voice/calls', callsReplySchema)).data.calls;
  }

  /** End the Workspace session. */
  async logout(): Promise<void> {
    await this.send('POST', 'logout', replySchema, {});
  }

  private async send<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: object, headers: Record<string, string> = {}): Promise<z.infer<S>> {
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
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new CtiError('REQUEST_TIMEOUT', `The Workspace API did not answer ${path} within ${this.timeoutMs} ms.`);
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
    if (!response.ok) throw errorForHttp(response.status, json, path);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CtiError('BACKEND_UNAVAILABLE', `The Workspace API answered ${path} with a body the backend cannot read.`);
    return parsed.data;
  }
}
