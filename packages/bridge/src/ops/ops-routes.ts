import type { ContactCenterPort } from '@ctikit/contact-center';
import type { FastifyPluginAsync } from 'fastify';
import type { Drain } from './drain.ts';
import type { BridgeMetrics } from './metrics.ts';

export interface OpsRoutesOptions {
  mode: 'dev' | 'production';
  backend: ContactCenterPort;
  metrics: BridgeMetrics;
  drain: Drain;
  sessions: () => number;
  /** Whether the session store answers (Redis, in a cluster). */
  sessionStore: () => boolean;
  sockets: () => number;
}

/**
 * `GET /healthz` (200 while the contact center answers, 503 when it does not) and `GET /metrics`
 * (Prometheus text format). Neither needs credentials; put them behind the network, not the token.
 */
export const opsRoutes: FastifyPluginAsync<OpsRoutesOptions> = async (app, options) => {
  const { backend, metrics } = options;

  app.get('/healthz', async (request, reply) => {
    if (options.drain.draining) return reply.code(503).send({ status: 'draining' });
    let agents: number;
    try {
      agents = backend.agents().length;
    } catch (error) {
      request.log.error({ err: error }, 'health check: the contact center does not answer');
      return reply.code(503).send({ status: 'unavailable', backend: { status: 'unavailable' } });
    }
    if (!options.sessionStore()) {
      request.log.warn('health check: the session store (Redis) does not answer');
      return reply.code(503).send({ status: 'unavailable', sessionStore: { status: 'unavailable' } });
    }
    return {
      status: 'ok',
      mode: options.mode,
      uptimeSeconds: Math.round(process.uptime()),
      backend: { status: 'ok', agents },
      sessions: options.sessions(),
      sockets: options.sockets(),
    };
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
};
