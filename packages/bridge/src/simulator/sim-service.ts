import type { FastifyInstance } from 'fastify';
import { createSimulator } from '@ctikit/contact-center';
import type { ContactCenterSimulator, SimulatorConfig } from '@ctikit/contact-center';
import { systemClock } from '@ctikit/kernel';
import { createWorkspaceFace } from '@ctikit/workspace-sim';
import type { WorkspaceFace } from '@ctikit/workspace-sim';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { identityOptionsSchema } from '../identity/identity-options.ts';
import { SigningKey } from '../identity/signing-key.ts';
import { MemorySpentTickets, SocketTickets } from '../identity/socket-tickets.ts';
import { AccessControl } from '../http/access.ts';
import { replyWithError, zodValidatorCompiler } from '../http/errors.ts';
import { decorateRequests } from '../http/request-context.ts';
import { simulatorControlRoutes } from './control-routes.ts';

/**
 * `ctikit sim serve`: the contact-center simulator as a service of its own, shared by every bridge
 * node the way a real contact center is. It speaks the Genesys Workspace API (packages/workspace-sim:
 * REST under `/workspace/v3`, CometD notifications), so the nodes reach it through the Workspace API
 * backend exactly as they would reach Genesys, and it serves the simulator control API (`/sim/*`,
 * docs/simulator-control.md) on the same port for the customer's side (`ctikit sim call --url …`).
 * The control API answers only loopback clients and names, as a dev-mode bridge does.
 */
export interface SimServiceOptions {
  simulatorConfig?: SimulatorConfig | undefined;
  /** The Workspace API key (`x-api-key`) the nodes present. */
  apiKey: string;
  /** The agents' OAuth bearer tokens, as the nodes' backend sends them. */
  tokens: ReadonlyArray<{ token: string; agentId: string }>;
  host?: string | undefined;
  port?: number | undefined;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' | undefined;
}

export interface SimService {
  readonly simulator: ContactCenterSimulator;
  readonly face: WorkspaceFace;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export function createSimService(options: SimServiceOptions): SimService {
  const simulator = createSimulator(options.simulatorConfig, systemClock);
  const known = new Set(simulator.agents().map((agent) => agent.agentId));
  const unknown = options.tokens.filter((entry) => !known.has(entry.agentId)).map((entry) => entry.agentId);
  if (unknown.length > 0) throw new Error(`ctikit sim serve: no agent ${unknown.join(', ')} in the simulator's configuration`);
  if (options.apiKey === '') throw new Error('ctikit sim serve: the Workspace API key is empty');
  const face = createWorkspaceFace({
    simulator,
    apiKey: options.apiKey,
    tokens: options.tokens,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    logLevel: options.logLevel ?? 'info',
  });
  // Dev mode (loopback only, no sign-in): the throttle of failed sign-ins never fills.
  const access = new AccessControl({
    mode: 'dev',
    tokens: [],
    allowedOrigins: [],
    backend: simulator,
    authThrottle: new RateLimiter({ perSecond: 1, burst: 10 }, systemClock),
    identity: identityOptionsSchema.parse({}),
    tickets: new SocketTickets(new SigningKey(), 1, systemClock, new MemorySpentTickets(systemClock)),
    clock: systemClock,
    log: face.app.log,
  });
  void face.app.register(async (scope: FastifyInstance) => {
    decorateRequests(scope);
    scope.setValidatorCompiler(zodValidatorCompiler);
    scope.setErrorHandler((error, request, reply) => {
      replyWithError(request, reply, error);
    });
    scope.addHook('onRequest', async (request) => access.assertHost(request.headers.host));
    await scope.register(simulatorControlRoutes, { access, simulator, campaigns: simulator.outbound });
  });
  return {
    simulator,
    face,
    async listen() {
      const url = await face.listen();
      face.app.log.info({ url, agents: options.tokens.length }, 'contact-center simulator service listening');
      return url;
    },
    async close() {
      await face.close();
      await simulator.close();
    },
  };
}
