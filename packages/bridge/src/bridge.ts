import type { AddressInfo } from 'node:net';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { SOCKET_PATH } from '@ctikit/protocol';
import type { ContactCenterPort, SimulatorControl } from '@ctikit/contact-center';
import { agentTokenRoutes } from './auth/agent-tokens.ts';
import { campaignsOf, outboundRoutes } from './outbound/outbound-routes.ts';
import { isContactCenterPort, openBackend } from './backends/backend-selection.ts';
import type { BackendSelection, OpenedBackend } from './backends/backend-selection.ts';
import { commandsRoute } from './commands/commands-route.ts';
import { RateLimiter } from './commands/rate-limiter.ts';
import { UserDataGuard } from './commands/user-data-guard.ts';
import { AccessControl } from './http/access.ts';
import { registerErrorHandling, replyWithError } from './http/errors.ts';
import { capConnectionsPerAddress, serverTimeouts } from './http/connection-limits.ts';
import { clientErrorToCti, endWithError } from './http/raw-answer.ts';
import { decorateRequests } from './http/request-context.ts';
import { randomUUID } from 'node:crypto';
import type { RedisOptions } from 'ioredis';
import { identityRoutes } from './identity/identity-routes.ts';
import { SigningKey } from './identity/signing-key.ts';
import { MemorySpentTickets, SocketTickets } from './identity/socket-tickets.ts';
import type { SpentTickets } from './identity/socket-tickets.ts';
import { Drain } from './ops/drain.ts';
import { BridgeMetrics } from './ops/metrics.ts';
import { opsRoutes } from './ops/ops-routes.ts';
import { openSecondOrigin, type SecondOrigin } from './ops/second-origin.ts';
import { registerStaticDirs } from './ops/static-files.ts';
import { serveToolbarPolicy, toolbarPolicy } from './ops/toolbar-csp.ts';
import { TOOLBAR_PREFIX, resolveBridgeOptions } from './options.ts';
import type { BridgeOptionsInput, ResolvedBridgeOptions } from './options.ts';
import type { AgentSessions } from './sessions/agent-sessions.ts';
import { ClusterSessions } from './sessions/cluster/cluster-sessions.ts';
import { ClusterStore } from './sessions/cluster/cluster-store.ts';
import { SessionRegistry } from './sessions/session-registry.ts';
import { simulatorControlRoutes, simulatorEventsEndpoint } from './simulator/control-routes.ts';
import { agentSocketEndpoint } from './sockets/agent-socket-endpoint.ts';
import { CLOSE_SERVICE_RESTART, SocketGateway } from './sockets/socket-gateway.ts';
import type { SocketEndpoint } from './sockets/socket-gateway.ts';

export interface Bridge {
  readonly app: FastifyInstance;
  readonly options: ResolvedBridgeOptions;
  readonly backend: ContactCenterPort;
  /** The simulator's control side when `/sim/*` is served. */
  readonly simulator: SimulatorControl | undefined;
  /** `http://host:port` once listening. */
  readonly url: string;
  /** The second origin serving web extensions (options.extensionsPort), once listening. */
  readonly extensionsUrl: string | undefined;
  /** Start listening; resolves with the URL. */
  listen(): Promise<string>;
  /** Close every socket and session, stop listening, and close the backend if the bridge created it. */
  close(): Promise<void>;
  /**
   * A rolling restart (SIGTERM): take no new command or socket (NODE_DRAINING), let the commands in
   * flight finish (up to `drainTimeoutMs`), close the sockets with 1012 "reconnect elsewhere", give
   * the agents' leases back, then close.
   */
  drain(): Promise<void>;
}

/** Strip credentials from a URL before it is logged. */
function redactUrl(url: string): string {
  return url.replace(/([?&](?:access_token|ticket)=)[^&]*/gi, '$1[redacted]');
}

function buildApp(options: ResolvedBridgeOptions): FastifyInstance {
  const app: FastifyInstance = Fastify({
    bodyLimit: options.bodyLimit,
    ...serverTimeouts(options.timeouts),
    requestIdHeader: 'x-request-id',
    // Every request is logged at debug, not info (the phone panel polls): buildApp's onResponse hook.
    logController: new LogController({ disableRequestLogging: true }),
    clientErrorHandler(error, socket) {
      // A reset connection has nobody to answer; anything else gets the catalog's body.
      if ((error as { code?: string }).code === 'ECONNRESET') socket.destroy();
      else endWithError(socket, clientErrorToCti(error));
      app.log.debug({ err: error }, 'unreadable request');
    },
    frameworkErrors: (error, request, reply) => {
      replyWithError(request, reply, error);
    },
    logger: {
      level: options.logLevel,
      ...(options.logDestination ? { stream: options.logDestination } : {}),
      redact: ['req.headers.authorization'],
      serializers: {
        req: (request: { id: string; method: string; url: string; ip?: string }) => ({
          id: request.id,
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
  });
  return app;
}

/**
 * The Genesys bridge: `POST /genesys/events` (commands), `GET /genesysWs` (the agent's events),
 * `/sim/*` (the simulator's control side, dev mode or when enabled), `/healthz`, `/metrics` and
 * the built UIs. See docs/protocol.md.
 */
export function createBridge(input: BridgeOptionsInput = {}): Bridge {
  const options = resolveBridgeOptions(input);
  const app = buildApp(options);
  capConnectionsPerAddress(app.server, options.maxConnectionsPerAddress, app.log);
  const given = isContactCenterPort(options.backend) ? options.backend : undefined;
  const opened = given
    ? undefined
    : openBackend(options.backend as BackendSelection | undefined, {
        simulatorConfig: options.simulatorConfig,
        clock: options.clock,
        log: app.log.child({ component: 'backend' }),
      });
  const ownsBackend = opened !== undefined;
  const backend: ContactCenterPort = given ?? (opened as OpenedBackend).backend;
  const simulatorControl = options.simulator ?? opened?.simulator;
  const simulator = options.simulatorControl ? simulatorControl : undefined;
  if (options.simulatorControl && !simulator) {
    throw new Error('Invalid bridge options:\n  simulatorControl: the control API needs a simulator (pass `simulator`).');
  }

  const store = options.cluster
    ? new ClusterStore({ ...options, redis: options.cluster.redis as string | RedisOptions, keyPrefix: options.cluster.keyPrefix })
    : undefined;
  const signingKey = new SigningKey(options.identity.signingKey);
  const spentTickets: SpentTickets = store
    ? { spend: (jti, expiresAt) => store.spendTicket(jti, expiresAt, options.clock.now()) }
    : new MemorySpentTickets(options.clock);
  const tickets = new SocketTickets(signingKey, options.identity.ticketTtlSec, options.clock, spentTickets);
  const access = new AccessControl({ ...options, backend, tickets, authThrottle: new RateLimiter(options.authThrottle, options.clock), log: app.log });
  const metrics: BridgeMetrics = new BridgeMetrics({
    sessions: () => registry.size,
    sockets: () => registry.socketCount,
    replayBytes: () => registry.replayBytes,
  });
  const userData = new UserDataGuard(options.userDataLimits, metrics.userDataRefused);
  const registry: AgentSessions =
    options.cluster && store
      ? new ClusterSessions({
          ...options,
          ...options.cluster,
          nodeId: options.cluster.nodeId ?? randomUUID(),
          store,
          backend,
          metrics,
          userData,
          log: app.log.child({ component: 'cluster' }),
        })
      : new SessionRegistry({ ...options, backend, metrics, userData, log: app.log });
  const drain = new Drain(options.clock);

  const endpoints = new Map<string, SocketEndpoint>([[SOCKET_PATH, agentSocketEndpoint(registry, options.maxSocketsPerAgent, options.clock, app.log)]]);
  if (simulator) endpoints.set('/sim/events', simulatorEventsEndpoint(simulator));
  const gateway = new SocketGateway(endpoints, { ...options, upgradeMs: options.timeouts.upgradeMs, access, drain, log: app.log });
  app.server.on('upgrade', (request, socket, head) => gateway.handleUpgrade(request, socket, head));

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  decorateRequests(app);
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => access.assertHost(request.headers.host));
  serveToolbarPolicy(app, TOOLBAR_PREFIX, toolbarPolicy(options.toolbarCsp, options.mode));
  void app.register(commandsRoute, { access, backend, sessions: registry, metrics, drain, rateLimiter: new RateLimiter(options.rateLimit, options.clock) });
  if (simulator) void app.register(simulatorControlRoutes, { access, simulator, campaigns: campaignsOf(backend, simulatorControl) });
  void app.register(identityRoutes, { access, signingKey });
  void app.register(agentTokenRoutes, { access, signingKey, clock: options.clock });
  void app.register(outboundRoutes, { access, campaigns: campaignsOf(backend, simulatorControl) });
  void app.register(opsRoutes, {
    mode: options.mode,
    backend,
    metrics,
    drain,
    sessionStore: () => registry.available,
    sessions: () => registry.size,
    sockets: () => registry.socketCount,
  });
  void app.register(async (scope) => {
    await registerStaticDirs(scope, options.staticDirs);
  });

  let url: string | undefined;
  let secondOrigin: SecondOrigin | undefined;
  async function close(): Promise<void> {
    gateway.close();
    await registry.close();
    await app.close();
    await secondOrigin?.close();
    if (ownsBackend) await backend.close();
  }
  return {
    app,
    options,
    backend,
    simulator,
    get url() {
      if (url === undefined) throw new Error('The bridge is not listening yet: call listen() first.');
      return url;
    },
    get extensionsUrl() {
      return secondOrigin?.url;
    },
    async listen() {
      await app.listen({ port: options.port, host: options.host });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
      app.log.info({ url, mode: options.mode, simulatorControl: Boolean(simulator) }, 'bridge listening');
      if (options.extensionsPort !== undefined) {
        try {
          secondOrigin = await openSecondOrigin(options.extensionsPort, options.host, options.extensionStaticDirs, app.log);
          app.log.info({ url: secondOrigin.url }, 'web extensions origin listening');
        } catch (error) {
          app.log.warn({ port: options.extensionsPort, err: error }, 'the web extensions origin cannot listen: extensions are not served');
        }
      }
      return url;
    },
    close,
    async drain() {
      drain.start();
      // No new connections: the load balancer finds the port closed and sends them to another node at once.
      app.server.close();
      app.log.info({ sockets: gateway.socketCount }, 'draining: no new commands or sockets');
      await drain.settled(options.drainTimeoutMs);
      gateway.closeAll(CLOSE_SERVICE_RESTART, 'Node draining: reconnect elsewhere');
      await close();
      app.log.info('drained');
    },
  };
}
