import { CtiError, QUEUE_STATUS_PATH, REASON_CODES_PATH, REST_PATH, TARGETS_PATH, isCommandType } from '@ctikit/protocol';
import type { Command, CommandResult, QueueStatusResult, ReasonCodesResult, TargetsResult } from '@ctikit/protocol';
import type { ContactCenterPort } from '@ctikit/contact-center';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AccessControl } from '../http/access.ts';
import { replyWithError } from '../http/errors.ts';
import { apiAccessHook, referenceIdOf, registerPreflightRoutes } from '../http/request-context.ts';
import type { Drain } from '../ops/drain.ts';
import type { BridgeMetrics } from '../ops/metrics.ts';
import type { AgentSessions } from '../sessions/agent-sessions.ts';
import { commandBodySchema } from './command-body.ts';
import type { RateLimiter } from './rate-limiter.ts';

export interface CommandsRouteOptions {
  access: AccessControl;
  backend: ContactCenterPort;
  sessions: AgentSessions;
  rateLimiter: RateLimiter;
  metrics: BridgeMetrics;
  drain: Drain;
}

/** Errors that say nothing about the agent's calls, and are not echoed on its socket. */
const NOT_ECHOED = new Set(['RATE_LIMITED', 'UNAUTHENTICATED', 'ORIGIN_NOT_ALLOWED', 'HOST_NOT_ALLOWED']);

function commandTypeOf(request: FastifyRequest): string {
  const type: unknown = (request.body as { type?: unknown } | null | undefined)?.type;
  return isCommandType(type) ? type : 'unknown';
}

/**
 * `GET /genesys/reasonCodes`: the not-ready reasons the contact center accepts, for the agent's picker.
 * `GET /genesys/targets`: the directory (agents with their states, queues), for the transfer panel.
 * `GET /genesys/queueStatus`: the caller's queues with their waiting calls (UNSUPPORTED_OPERATION from a backend without statistics).
 * `POST /genesys/events`: one command per request, acting on the caller's own session and DN.
 * Hooks, in order: origin + CORS + identity, reference id, the agent's rate limit; then the body is
 * parsed (JSON only) and validated against the protocol's command schemas, and the command's
 * handler runs. Success is `200 CommandResult`; failure is the catalog error body, and (once the
 * agent is known) the same error as an `EventError` frame on the agent's sockets.
 */
export const commandsRoute: FastifyPluginAsync<CommandsRouteOptions> = async (app, options) => {
  const { access, backend, sessions, rateLimiter, metrics, drain } = options;

  app.addHook('onRequest', async (request, reply) => {
    drain.assertOpen();
    const leave = drain.enter();
    reply.raw.once('close', leave);
  });
  app.addHook('onRequest', apiAccessHook(access, ['GET', 'POST']));
  app.addHook('onRequest', async (request) => {
    request.referenceId = referenceIdOf(request);
    const agent = request.agent;
    if (agent && !rateLimiter.take(agent.agentId)) throw new CtiError('RATE_LIMITED');
  });

  app.setErrorHandler((error, request, reply) => {
    const type = commandTypeOf(request);
    const cti = replyWithError(request, reply, error, { type });
    if (!cti) return;
    metrics.commands.inc({ type, outcome: cti.code });
    if (request.agent && request.referenceId !== undefined && !NOT_ECHOED.has(cti.code)) {
      const connectionId: unknown = (request.body as { connectionId?: unknown } | null | undefined)?.connectionId;
      sessions.reportCommandError(request.agent, cti, request.referenceId, typeof connectionId === 'string' ? connectionId : undefined);
    }
  });

  registerPreflightRoutes(app, [REST_PATH, REASON_CODES_PATH, TARGETS_PATH, QUEUE_STATUS_PATH]);

  app.get(REASON_CODES_PATH, async (): Promise<ReasonCodesResult> => ({ ok: true, reasonCodes: backend.reasonCodes() }));

  /** The directory, for the transfer panel and the names of the parties on the agent's calls; empty where the backend has none. */
  app.get(TARGETS_PATH, async (request): Promise<TargetsResult> => {
    const agent = request.agent as NonNullable<FastifyRequest['agent']>;
    return { ok: true, targets: backend.targets ? await backend.targets(agent.dn) : [] };
  });

  app.get(QUEUE_STATUS_PATH, async (request): Promise<QueueStatusResult> => {
    const agent = request.agent as NonNullable<FastifyRequest['agent']>;
    if (!backend.queueStatus) throw new CtiError('UNSUPPORTED_OPERATION', 'This contact center reports no queue statistics.');
    return { ok: true, queues: backend.queueStatus(agent.dn) };
  });

  app.post<{ Body: Command }>(REST_PATH, { schema: { body: commandBodySchema } }, async (request): Promise<CommandResult> => {
    const command = request.body;
    const agent = request.agent as NonNullable<FastifyRequest['agent']>;
    const referenceId = request.referenceId as string;
    const { eventId, connectionId } = await sessions.execute(agent, command, referenceId);
    metrics.commands.inc({ type: command.type, outcome: 'OK' });
    request.log.info({ agentId: agent.agentId, type: command.type, referenceId, outcome: 'OK' }, 'command accepted');
    return {
      ok: true,
      type: command.type,
      referenceId,
      ...(eventId !== undefined ? { eventId } : {}),
      ...(connectionId !== undefined ? { connectionId } : {}),
    };
  });
};
