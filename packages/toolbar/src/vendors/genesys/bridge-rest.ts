import { z } from '../../platform/schema.ts';
import {
  AGENT_DN_HEADER,
  AGENT_ID_HEADER,
  AGENT_TOKEN_PATH,
  agentTokenResultSchema,
  OUTBOUND_PATH,
  outboundDataSchemas,
  QUEUE_STATUS_PATH,
  queueStatusResultSchema,
  type OutboundRequest,
  COMMAND_TYPES,
  REASON_CODES_PATH,
  TARGETS_PATH,
  targetsResultSchema,
  type Target,
  reasonCodesResultSchema,
  REFERENCE_ID_HEADER,
  REST_PATH,
  socketTicketResultSchema,
  TICKET_PATH,
  type Command,
  type CommandResult,
} from '@ctikit/protocol';
import { type Clock } from '@ctikit/kernel';
import type { Logger } from '../../core/logger.ts';
import { failure, isCtiErrorCode, type AgentTokenOutcome, type Outcome, type QueueStatusOutcome, type ReasonCodesOutcome } from '../../core/outcome.ts';
import { tserverCause } from './event-mapping.ts';
import type { FetchLike } from './platform.ts';

/**
 * The bridge's command endpoint, `POST {bridgeUrl}/genesys/events`: one protocol `Command` per
 * request, correlated by `X-Reference-Id`, authenticated by a bearer token (production) or named by
 * `X-Agent-Id` (dev mode). Both answers — `CommandResult` and the catalog error body — are parsed
 * with zod; anything else, or no answer, is a failure value, never a throw. A request the bridge
 * refuses with TOKEN_EXPIRED is sent once more with a fresh token (the provider asked for one:
 * Fusion's trust token again). `POST /genesys/ticket` gets the socket's one-time ticket, so the
 * token itself never goes into the socket's URL.
 */
const commandResultSchema = z.object({
  ok: z.literal(true),
  type: z.enum(COMMAND_TYPES as [CommandResult['type'], ...CommandResult['type'][]]),
  referenceId: z.string(),
  eventId: z.optional(z.string()),
  connectionId: z.optional(z.string()),
});

const errorBodySchema = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    tserverErrorCode: z.optional(z.int()),
    referenceId: z.optional(z.string()),
  }),
});

/**
 * The bearer token, or a function that fetches it (a Fusion trust token) when a command needs it;
 * `fresh` asks for a new one because the bridge said the last one expired.
 */
export type TokenProvider = (request?: { fresh: boolean }) => string | undefined | Promise<string | undefined>;

export interface BridgeCredentials {
  token?: string | TokenProvider | undefined;
  /** Dev mode: the configured agent this toolbar acts as. */
  agentId?: string | undefined;
  dn?: string | undefined;
}

export interface BridgeRestOptions {
  bridgeUrl: string;
  credentials: BridgeCredentials;
  fetch: FetchLike;
  clock: Clock;
  log: Logger;
  timeoutMs: number;
}

export type RestOutcome = Outcome<{ result: CommandResult }>;
export type TicketOutcome = Outcome<{ ticket: string }>;

async function resolveToken(token: BridgeCredentials['token'], fresh: boolean): Promise<string | undefined> {
  return typeof token === 'function' ? token({ fresh }) : token;
}

/** The statuses a proxy answers with when no bridge node did (bad gateway, unavailable, gateway timeout). */
const GATEWAY_ERRORS: ReadonlySet<number> = new Set([502, 503, 504]);

function isTokenExpired(answer: { status: number; body: unknown }): boolean {
  return answer.status === 401 && errorBodySchema.safeParse(answer.body).data?.error.code === 'TOKEN_EXPIRED';
}

export class BridgeRest {
  private readonly commandsUrl: string;
  private readonly reasonCodesUrl: string;
  private readonly targetsUrl: string;
  private readonly agentTokenUrl: string;
  private readonly queueStatusUrl: string;
  private readonly outboundUrl: string;
  private readonly ticketUrl: string;

  constructor(private readonly options: BridgeRestOptions) {
    this.commandsUrl = new URL(REST_PATH, options.bridgeUrl).toString();
    this.reasonCodesUrl = new URL(REASON_CODES_PATH, options.bridgeUrl).toString();
    this.targetsUrl = new URL(TARGETS_PATH, options.bridgeUrl).toString();
    this.agentTokenUrl = new URL(AGENT_TOKEN_PATH, options.bridgeUrl).toString();
    this.queueStatusUrl = new URL(QUEUE_STATUS_PATH, options.bridgeUrl).toString();
    this.outboundUrl = new URL(OUTBOUND_PATH, options.bridgeUrl).toString();
    this.ticketUrl = new URL(TICKET_PATH, options.bridgeUrl).toString();
  }

  /** Whether requests carry a bearer token (then the socket signs in with a ticket). */
  get hasToken(): boolean {
    return this.options.credentials.token !== undefined;
  }

  /** A one-time ticket for the event socket. */
  async socketTicket(referenceId: string): Promise<TicketOutcome> {
    const answer = await this.request(this.ticketUrl, 'POST', referenceId, 'socketTicket');
    if (!answer.ok) return answer;
    const success = socketTicketResultSchema.safeParse(answer.body);
    if (success.success && answer.status === 200) return { ok: true, ticket: success.data.ticket };
    return this.failureOf('socketTicket', referenceId, answer);
  }

  async post(command: Command, referenceId: string): Promise<RestOutcome> {
    const answer = await this.request(this.commandsUrl, 'POST', referenceId, command.type, JSON.stringify(command));
    if (!answer.ok) return answer;
    const success = commandResultSchema.safeParse(answer.body);
    if (success.success && answer.status >= 200 && answer.status < 300) return { ok: true, result: success.data };
    return this.failureOf(command.type, referenceId, answer);
  }

  /** The not-ready reasons the contact center accepts. */
  async reasonCodes(referenceId: string): Promise<ReasonCodesOutcome> {
    const answer = await this.request(this.reasonCodesUrl, 'GET', referenceId, 'reasonCodes');
    if (!answer.ok) return answer;
    const success = reasonCodesResultSchema.safeParse(answer.body);
    if (success.success && answer.status === 200) return { ok: true, reasonCodes: success.data.reasonCodes };
    return this.failureOf('reasonCodes', referenceId, answer);
  }

  /** The contact center's directory: its agents (with their states) and queues. */
  async targets(referenceId: string): Promise<Outcome<{ targets: readonly Target[] }>> {
    const answer = await this.request(this.targetsUrl, 'GET', referenceId, 'targets');
    if (!answer.ok) return answer;
    const success = targetsResultSchema.safeParse(answer.body);
    if (success.success && answer.status === 200) return { ok: true, targets: success.data.targets };
    return this.failureOf('targets', referenceId, answer);
  }

  /** The agent's queues with their waiting calls and longest wait (Stat Server's, through the bridge). */
  async queueStatus(referenceId: string): Promise<QueueStatusOutcome> {
    const answer = await this.request(this.queueStatusUrl, 'GET', referenceId, 'queueStatus');
    if (!answer.ok) return answer;
    const success = queueStatusResultSchema.safeParse(answer.body);
    if (!success.success || answer.status !== 200) return this.failureOf('queueStatus', referenceId, answer);
    return {
      ok: true,
      queues: success.data.queues.map((queue) => ({ name: queue.name, waiting: queue.waiting, longestWaitMs: queue.longestWaitSec * 1000 })),
    };
  }

  /** A short-lived JWT naming this agent, signed by the bridge (its keys at /.well-known/jwks.json). */
  async agentToken(referenceId: string): Promise<AgentTokenOutcome> {
    const answer = await this.request(this.agentTokenUrl, 'POST', referenceId, 'agentToken', '{}');
    if (!answer.ok) return answer;
    const success = agentTokenResultSchema.safeParse(answer.body);
    if (success.success && answer.status === 200) return { ok: true, token: success.data.token, expiresIn: success.data.expiresIn };
    return this.failureOf('agentToken', referenceId, answer);
  }

  /** One outbound campaign operation as this agent; the answer's data checked against the operation's shape. */
  async outbound(request: OutboundRequest, referenceId: string): Promise<Outcome<{ data: unknown }>> {
    const answer = await this.request(this.outboundUrl, 'POST', referenceId, 'outbound', JSON.stringify(request));
    if (!answer.ok) return answer;
    const body = answer.body as { ok?: unknown; data?: unknown } | undefined;
    const data = outboundDataSchemas[request.operation].safeParse(body?.data);
    if (answer.status === 200 && body?.ok === true && data.success) return { ok: true, data: data.data };
    return this.failureOf('outbound', referenceId, answer);
  }

  /** One HTTP exchange (again with a fresh token if the first one expired); the body comes back parsed as JSON (or undefined). */
  private async request(
    url: string,
    method: 'GET' | 'POST',
    referenceId: string,
    what: string,
    body?: string,
  ): Promise<Outcome<{ status: number; body: unknown }>> {
    const answer = await this.exchange(url, method, referenceId, what, body, false);
    if (!answer.ok || !isTokenExpired(answer) || typeof this.options.credentials.token !== 'function') return answer;
    this.options.log.info({ type: what, referenceId }, 'the bearer token expired: asking for a fresh one');
    return this.exchange(url, method, referenceId, what, body, true);
  }

  /** One HTTP exchange with the bridge's credentials and timeout. */
  private async exchange(
    url: string,
    method: 'GET' | 'POST',
    referenceId: string,
    what: string,
    body: string | undefined,
    freshToken: boolean,
  ): Promise<Outcome<{ status: number; body: unknown }>> {
    const { credentials, clock, log, timeoutMs } = this.options;
    const headers: Record<string, string> = { [REFERENCE_ID_HEADER]: referenceId };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let token: string | undefined;
    try {
      token = await resolveToken(credentials.token, freshToken);
    } catch (error) {
      log.warn({ type: what, err: error }, 'no bearer token for the bridge');
      return failure('UNAUTHENTICATED', 'The bearer token for the bridge could not be obtained.');
    }
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (credentials.agentId !== undefined) headers[AGENT_ID_HEADER] = credentials.agentId;
    if (credentials.dn !== undefined) headers[AGENT_DN_HEADER] = credentials.dn;

    const abort = new AbortController();
    let timedOut = false;
    const timer = clock.setTimer(timeoutMs, () => {
      timedOut = true;
      abort.abort();
    });
    try {
      const response = await this.options.fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: abort.signal });
      const text = await response.text();
      return { ok: true, status: response.status, body: parseJson(text) };
    } catch (error) {
      log.warn({ type: what, referenceId, err: error }, 'the bridge did not answer');
      return timedOut
        ? failure('REQUEST_TIMEOUT', `The bridge did not answer within ${timeoutMs} ms.`)
        : failure('VENDOR_UNREACHABLE', 'The bridge cannot be reached.');
    } finally {
      timer.cancel();
    }
  }

  private failureOf(what: string, referenceId: string, answer: { status: number; body: unknown }) {
    const error = errorBodySchema.safeParse(answer.body);
    if (error.success) {
      const { code, message, tserverErrorCode } = error.data.error;
      this.options.log.info({ type: what, referenceId, code }, message);
      return isCtiErrorCode(code)
        ? failure(code, message, tserverCause(tserverErrorCode))
        : failure('INTERNAL_ERROR', `${code}: ${message}`, tserverCause(tserverErrorCode));
    }
    if (GATEWAY_ERRORS.has(answer.status)) {
      // A proxy in front of the bridge (nginx's own error page): the node behind it went away mid-request, or none is up.
      this.options.log.warn({ type: what, referenceId, status: answer.status }, 'a proxy answered for the bridge');
      return failure('VENDOR_UNREACHABLE', `No bridge node answered (HTTP ${answer.status} from the proxy in front of the bridge): retry.`);
    }
    this.options.log.warn({ type: what, referenceId, status: answer.status }, 'the bridge answered with an unexpected body');
    return failure('INVALID_VENDOR_RESPONSE', `The bridge answered ${answer.status} with an unexpected body.`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
