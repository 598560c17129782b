import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CtiError } from '@ctikit/protocol';
import type { ContactCenterPort, TServerRequest } from '@ctikit/contact-center';
import { agentFacts, callFromLeg } from './call-model.ts';
import { GenesysAuthentication } from './genesys-authentication.ts';
import type { AgentAccount, AuthClient } from './genesys-authentication.ts';
import { NotificationHub } from './notification-hub.ts';
import { searchTargets, targetsQuerySchema } from './targets.ts';
import { VoiceNotifier } from './voice-notifier.ts';
import { agentOperations, callOperations, mediaOperations } from './voice-operations.ts';
import type { EngineRequest, VoiceOperation } from './voice-operations.ts';
import { WorkspaceSessions } from './workspace-sessions.ts';
import type { WorkspaceSession } from './workspace-sessions.ts';
import { SESSION_COOKIE, STATUS_ASYNC_OK, STATUS_OK, WORKSPACE_BASE, operationBodies } from './wire.ts';
import type { ErrorReply } from './wire.ts';

/**
 * A Genesys Workspace API v3 face on the contact-center engine: REST under `/workspace/v3` and
 * CometD notifications at `/workspace/v3/notifications`, for the agent voice operations a CTI
 * toolbar uses. Every operation acts as the session's agent (signed in with a bearer token or an
 * authorization code), on that agent's DN.
 * A voice operation is accepted (`status.code` 1, with its `operationId`) and its outcome follows as
 * CometD notifications: the call and DN states, or an `EventError` with the T-Library error number
 * when the switch refused it. Like Genesys' own simulator, only answer's notifications echo the
 * operationId, and an EventError names no operation. Malformed requests, unknown sessions
 * and expired tokens are answered with an HTTP error and `{ status: { code, message } }`.
 */
export interface WorkspaceFaceOptions {
  /** The contact center behind the face (the embedded simulator). */
  simulator: ContactCenterPort;
  apiKey: string;
  /** The agents' OAuth bearer tokens. */
  tokens: ReadonlyArray<{ token: string; agentId: string }>;
  /** Genesys Authentication: the OAuth clients registered for the authorization-code flow, with their redirect URIs. */
  authClients?: readonly AuthClient[];
  /** Genesys Authentication: who may sign in with the authorization-code flow. */
  accounts?: readonly AgentAccount[];
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** How long a CometD long poll is held open. */
  longPollTimeoutMs?: number;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Test hooks: what the Workspace API's operators and networks do to a session. */
export interface WorkspaceFaceControl {
  /** A new bearer token for the agent. */
  issueToken(agentId: string): string;
  /** The token stops working; its sessions end and their CometD connections are dropped. */
  expireToken(token: string): void;
  /** Drop the agent's CometD connections (the Workspace sessions stay valid); returns how many. */
  dropNotifications(agentId: string): number;
  /** While on, every REST request is answered 503 Service Unavailable. */
  setOutage(on: boolean): void;
}

export interface WorkspaceFace {
  readonly app: FastifyInstance;
  readonly control: WorkspaceFaceControl;
  /** `http://host:port` once listening: the `apiUrl` of a Workspace API client. */
  readonly url: string;
  listen(): Promise<string>;
  close(): Promise<void>;
}

class FaceError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

/** The requests whose notifications carry their operationId, as in Genesys' simulator; an EventError carries none. */
const ECHOING: ReadonlySet<string> = new Set(['RequestAnswerCall']);

function asCtiError(error: unknown): CtiError {
  return error instanceof CtiError ? error : new CtiError('INTERNAL_ERROR', error instanceof Error ? error.message : String(error));
}

export function createWorkspaceFace(options: WorkspaceFaceOptions): WorkspaceFace {
  const port = options.simulator;
  const app = Fastify({ logger: { level: options.logLevel ?? 'silent' }, forceCloseConnections: true });
  const sessions: WorkspaceSessions = new WorkspaceSessions(options.apiKey, options.tokens, (session) => hub.drop(session));
  const hub = new NotificationHub(
    sessions,
    (session) => {
      const agent = port.agents().find((entry) => entry.agentId === session.agentId);
      const [firstName = '', ...rest] = (agent?.name ?? session.agentId).split(' ');
      return {
        user: { userName: session.agentId, agentLogin: session.agentId, employeeId: session.agentId, firstName, lastName: rest.join(' ') },
        configuration: { actionCodes: port.reasonCodes().map(({ code, label }) => ({ name: label, code, type: 'NotReady' })) },
      };
    },
    options.longPollTimeoutMs ?? 25_000,
  );
  let outage = false;
  const authentication = new GenesysAuthentication(options.authClients ?? [], options.accounts ?? []);
  authentication.register(app);

  function requireSession(request: FastifyRequest): WorkspaceSession {
    if (!sessions.isApiKey(header(request, 'x-api-key'))) throw new FaceError(401, 'The x-api-key header is missing or not valid.');
    const session = sessions.fromCookies(request.headers.cookie);
    if (!session) throw new FaceError(401, `No valid ${SESSION_COOKIE}: initialize the workspace again.`);
    return session;
  }

  function requireVoice(session: WorkspaceSession): NonNullable<WorkspaceSession['voice']> {
    if (!session.voice) throw new FaceError(400, 'The voice channel is not active: send activate-channels first.');
    return session.voice;
  }

  /** Run a request on the engine as the session's DN; a refusal becomes an EventError notification (and answers false). */
  async function onEngine(session: WorkspaceSession, operationId: string, request: EngineRequest): Promise<boolean> {
    const voice = requireVoice(session);
    if (ECHOING.has(request.request)) voice.notifier.echo(operationId);
    let settled: Promise<unknown> = Promise.resolve();
    hub.batch(() => {
      settled = port.request({ ...request, thisDN: voice.dn, referenceId: operationId } as TServerRequest);
    });
    try {
      await settled;
      return true;
    } catch (error) {
      const refusal = asCtiError(error);
      hub.publish(session, {
        messageType: 'EventError',
        error: { errorCode: refusal.tserverErrorCode ?? 52, errorMessage: refusal.message },
      });
      return false;
    }
  }

  async function runOperation(request: FastifyRequest, reply: FastifyReply, operation: VoiceOperation | undefined, callId = ''): Promise<void> {
    const session = requireSession(request);
    if (!operation) throw new FaceError(404, 'No such voice operation.');
    const parsed = operation.parse(request.body, { agentId: session.agentId, callId });
    if (!parsed.ok) throw new FaceError(400, parsed.message);
    const operationId = parsed.operationId ?? randomUUID();
    requireVoice(session);
    try {
      for (const engineRequest of parsed.requests) {
        if (!(await onEngine(session, operationId, engineRequest))) break;
      }
    } finally {
      session.voice?.notifier.forget(operationId);
    }
    await reply.send({ status: { code: STATUS_ASYNC_OK }, operationId });
  }

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error instanceof FaceError ? error.httpStatus : (error.statusCode ?? 500);
    const body: ErrorReply = { status: { code: status, message: error.message } };
    void reply.status(status).send(body);
  });
  app.addHook('onRequest', async (request) => {
    if (outage && !request.url.startsWith(`${WORKSPACE_BASE}/notifications`)) throw new FaceError(503, 'The Workspace API is unavailable.');
  });

  /** A bearer token (Authorization header) or an authorization code with its redirect URI (`?code=…&redirect_uri=…`, as WWE sends it). */
  function sessionFor(request: FastifyRequest): WorkspaceSession | undefined {
    const query = request.query as Record<string, unknown>;
    const code = typeof query['code'] === 'string' ? query['code'] : undefined;
    if (code === undefined) return sessions.open(request.headers.authorization);
    const agentId = authentication.agentOfCode(code, typeof query['redirect_uri'] === 'string' ? query['redirect_uri'] : '');
    return agentId === undefined ? undefined : sessions.openWithCode(agentId, code);
  }

  // Genesys' clients send GET (workspace-client-js), older samples POST: both open a session.
  const initializeWorkspace = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!sessions.isApiKey(header(request, 'x-api-key'))) throw new FaceError(401, 'The x-api-key header is missing or not valid.');
    const session = sessionFor(request);
    if (!session) throw new FaceError(401, 'The bearer token or authorization code is missing, unknown or expired.');
    void reply.header('set-cookie', `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly`);
    return { status: { code: STATUS_OK } };
  };
  app.get(`${WORKSPACE_BASE}/initialize-workspace`, initializeWorkspace);
  app.post(`${WORKSPACE_BASE}/initialize-workspace`, initializeWorkspace);

  app.post(`${WORKSPACE_BASE}/activate-channels`, async (request, reply) => {
    const session = requireSession(request);
    const parsed = operationBodies.activateChannels.safeParse(request.body ?? {});
    if (!parsed.success) throw new FaceError(400, 'activate-channels needs data.agentId and data.dn.');
    const { agentId, dn } = parsed.data.data;
    const agent = port.agents().find((entry) => entry.agentId === session.agentId);
    if (agentId !== session.agentId || !agent || agent.dn !== dn) {
      throw new FaceError(400, `DN ${dn} is not the DN of agent ${session.agentId}.`);
    }
    if (!session.voice) {
      const notifier = new VoiceNotifier(agentFacts(port.snapshot(dn).agent), (message) => hub.publish(session, message));
      session.voice = { dn, notifier, unsubscribe: port.subscribe(dn, (event) => notifier.onEngineEvent(event)) };
    }
    const operationId = parsed.data.operationId ?? randomUUID();
    await onEngine(session, operationId, { request: 'RequestRegisterAddress' });
    if (port.snapshot(dn).agent.state === 'LoggedOut') await onEngine(session, operationId, { request: 'RequestAgentLogin', agentId });
    session.voice.notifier.publishDnUnlessAnswered(operationId);
    await reply.send({ status: { code: STATUS_ASYNC_OK }, operationId });
  });

  app.post(`${WORKSPACE_BASE}/logout`, async (request) => {
    const session = requireSession(request);
    if (session.voice) await onEngine(session, randomUUID(), { request: 'RequestUnregisterAddress' });
    if (session.code !== undefined) authentication.revokeCode(session.code);
    sessions.end(session);
    return { status: { code: STATUS_OK } };
  });

  app.get(`${WORKSPACE_BASE}/voice/calls`, async (request) => {
    const voice = requireVoice(requireSession(request));
    return { status: { code: STATUS_OK }, data: { calls: port.snapshot(voice.dn).calls.map((leg) => callFromLeg(voice.dn, leg)) } };
  });

  app.get(`${WORKSPACE_BASE}/targets`, async (request) => {
    const session = requireSession(request);
    const query = targetsQuerySchema.safeParse(request.query);
    if (!query.success) throw new FaceError(400, 'targets needs a searchTerm (and takes types, matchType and a limit of 1 to 10000).');
    const agent = port.agents().find((entry) => entry.agentId === session.agentId);
    if (!agent) throw new FaceError(400, `Agent ${session.agentId} has no DN in this contact center.`);
    return searchTargets(port, agent.dn, query.data);
  });

  app.post<{ Params: { id: string; operation: string } }>(`${WORKSPACE_BASE}/voice/calls/:id/:operation`, (request, reply) =>
    runOperation(request, reply, own(callOperations, request.params.operation), request.params.id),
  );
  app.post<{ Params: { operation: string } }>(`${WORKSPACE_BASE}/voice/:operation`, (request, reply) =>
    runOperation(request, reply, own(agentOperations, request.params.operation)),
  );
  // Every channel at once (Genesys' `media/{fn}`), or one by name: the face's only channel is voice.
  app.post<{ Params: { operation: string } }>(`${WORKSPACE_BASE}/media/:operation`, (request, reply) =>
    runOperation(request, reply, own(mediaOperations, request.params.operation)),
  );
  app.post<{ Params: { media: string; operation: string } }>(`${WORKSPACE_BASE}/media/:media/:operation`, (request, reply) =>
    runOperation(request, reply, request.params.media === 'voice' ? own(mediaOperations, request.params.operation) : undefined),
  );

  const notifications = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    requireSession(request);
    reply.hijack();
    hub.handle(request.raw, reply.raw, request.body);
  };
  app.post(`${WORKSPACE_BASE}/notifications`, notifications);
  app.post(`${WORKSPACE_BASE}/notifications/*`, notifications);

  let url: string | undefined;
  return {
    app,
    control: {
      issueToken: (agentId) => sessions.issueToken(agentId),
      expireToken: (token) => sessions.expireToken(token),
      dropNotifications: (agentId) => sessions.ofAgent(agentId).reduce((count, session) => count + hub.drop(session), 0),
      setOutage: (on) => {
        outage = on;
      },
    },
    get url() {
      if (url === undefined) throw new Error('The Workspace face is not listening yet: call listen() first.');
      return url;
    },
    async listen() {
      await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
      const address = app.server.address() as AddressInfo;
      url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      return url;
    },
    async close() {
      sessions.endAll();
      hub.close();
      await app.close();
    },
  };
}

/** The table's own entry (never one from Object's prototype). */
function own(table: Record<string, VoiceOperation>, name: string): VoiceOperation | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
