import { randomUUID } from 'node:crypto';
import { AGENT_DN_HEADER, AGENT_ID_HEADER, CtiError, REFERENCE_ID_HEADER, referenceIdSchema } from '@ctikit/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { bearerToken } from './access.ts';
import type { AccessControl } from './access.ts';
import type { AgentIdentity } from '../identity/agent-identity.ts';

/**
 * What the bridge knows about an API request before its handler runs: the agent it acts as and the
 * reference id that correlates it with the events it causes. Set by the API scopes' `onRequest`
 * hook, which also answers CORS preflights and puts `Access-Control-Allow-Origin` on allowed
 * cross-origin responses (never `*`).
 */
declare module 'fastify' {
  interface FastifyRequest {
    agent: AgentIdentity | undefined;
    referenceId: string | undefined;
  }
}

const ALLOWED_HEADERS = ['content-type', 'authorization', AGENT_ID_HEADER, AGENT_DN_HEADER, REFERENCE_ID_HEADER, 'x-request-id'];

export function decorateRequests(app: FastifyInstance): void {
  app.decorateRequest('agent', undefined);
  app.decorateRequest('referenceId', undefined);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The client's `X-Reference-Id`, or a new one. */
export function referenceIdOf(request: FastifyRequest): string {
  const given = header(request, REFERENCE_ID_HEADER);
  if (given === undefined) return randomUUID();
  const parsed = referenceIdSchema.safeParse(given);
  if (!parsed.success) throw new CtiError('INVALID_COMMAND', 'X-Reference-Id must be 1 to 64 characters.');
  return parsed.data;
}

function answerPreflight(reply: FastifyReply, methods: readonly string[]): FastifyReply {
  return reply
    .code(204)
    .header('access-control-allow-methods', [...methods, 'OPTIONS'].join(', '))
    .header('access-control-allow-headers', ALLOWED_HEADERS.join(', '))
    .header('access-control-max-age', '600')
    .send();
}

/**
 * The `onRequest` hook of an API scope: origin check and CORS, preflight, then authentication
 * (which decides `request.agent`). `methods` are the scope's methods, for the preflight answer.
 */
export function apiAccessHook(access: AccessControl, methods: readonly string[]): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const origin = header(request, 'origin');
    access.assertOrigin(origin);
    if (origin !== undefined) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    if (request.method === 'OPTIONS') return answerPreflight(reply, methods);
    request.agent = await access.identify({
      address: request.ip,
      token: bearerToken(header(request, 'authorization')),
      agentId: header(request, AGENT_ID_HEADER),
      dn: header(request, AGENT_DN_HEADER),
    });
  };
}

/** OPTIONS routes for the scope's paths, so preflights reach the scope's hook instead of the 404 handler. */
export function registerPreflightRoutes(app: FastifyInstance, paths: readonly string[]): void {
  for (const url of paths) {
    app.options(url, async (_request, reply) => reply.code(204).send());
  }
}
