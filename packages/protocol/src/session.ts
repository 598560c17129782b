import * as z from 'zod/mini';

/**
 * How a client names itself and resumes. Browsers cannot set headers on a WebSocket, so the socket
 * takes its parameters in the query string; REST calls use headers.
 *
 * - Production: `Authorization: Bearer <token>` on REST; the socket presents a one-time `ticket=`
 *   that `POST /genesys/ticket` issued for the token. The token alone decides the agent.
 * - Dev mode (loopback only): no credentials; the default agent unless `X-Agent-Id` / `agentId=`
 *   (and optionally `X-Agent-DN` / `dn=`) name another configured agent.
 */
export const AGENT_ID_HEADER = 'x-agent-id';
export const AGENT_DN_HEADER = 'x-agent-dn';
export const REFERENCE_ID_HEADER = 'x-reference-id';

export const socketQuerySchema = z.object({
  /** A one-time ticket from `POST /genesys/ticket` (production): no long-lived token in the URL. */
  ticket: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(4096))),
  agentId: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(64))),
  dn: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(64))),
  /** The session the client last saw (from SessionOpened). */
  sessionId: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(64))),
  /**
   * The last seq the client processed; the bridge replays what came after. Canonical decimal only
   * (`0`, `42`): an empty value, a sign, hex, exponent or leading zero is refused, never read as a number.
   */
  resumeFrom: z.optional(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^(0|[1-9]\d{0,15})$/, 'resumeFrom is a non-negative integer in canonical decimal')), z.transform(Number)),
      z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
    ),
  ),
});
export type SocketQuery = z.infer<typeof socketQuerySchema>;

export const reasonCodesResultSchema = z.object({
  ok: z.literal(true),
  reasonCodes: z
    .array(z.object({ code: z.string().check(z.minLength(1)).check(z.maxLength(64)), label: z.string().check(z.minLength(1)).check(z.maxLength(128)) }))
    .check(z.maxLength(100)),
});
export type ReasonCodesResult = z.infer<typeof reasonCodesResultSchema>;

/** A colleague's availability in the directory: on a call is `Busy`, whatever their agent state. */
export const targetStates = ['Ready', 'NotReady', 'Busy', 'LoggedOut'] as const;
export type TargetState = (typeof targetStates)[number];

/**
 * One entry of the contact center's directory, what a transfer or consultation may go to: an agent
 * (with their state) or a queue (an ACD queue, a route point), by DN. The Workspace API's targets
 * (`GET /workspace/v3/targets`: agents, route points) come to the same shape.
 */
export const targetSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(128)),
  type: z.enum(['agent', 'queue']),
  dn: z.string().check(z.minLength(1), z.maxLength(64)),
  agentId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  state: z.optional(z.enum(targetStates)),
});
export type Target = z.infer<typeof targetSchema>;

export const targetsResultSchema = z.object({ ok: z.literal(true), targets: z.array(targetSchema).check(z.maxLength(1000)) });
export type TargetsResult = z.infer<typeof targetsResultSchema>;

/**
 * The caller's queues now (`GET /genesys/queueStatus`), in the contact center's order: the calls
 * waiting to be offered and the longest wait in whole seconds — Stat Server's `Current_In_Queue` and
 * `CurrMaxCallWaitingTime` on each queue's DN, the statistics Genesys' Workspace API reports.
 */
export const queueStatusResultSchema = z.object({
  ok: z.literal(true),
  queues: z
    .array(
      z.object({
        dn: z.string().check(z.minLength(1), z.maxLength(64)),
        name: z.string().check(z.minLength(1), z.maxLength(128)),
        waiting: z.int().check(z.nonnegative()),
        longestWaitSec: z.int().check(z.nonnegative()),
      }),
    )
    .check(z.maxLength(100)),
});
export type QueueStatusResult = z.infer<typeof queueStatusResultSchema>;

export const PROTOCOL_VERSION = 1;
export const REST_PATH = '/genesys/events';
/** GET: the not-ready reason codes the contact center accepts (`ReasonCodesResult`). */
export const REASON_CODES_PATH = '/genesys/reasonCodes';
/** GET: the contact center's directory, its agents and queues with their states (`TargetsResult`). */
export const TARGETS_PATH = '/genesys/targets';
export const SOCKET_PATH = '/genesysWs';
/** GET, authenticated like a command: the caller's queues with their waiting calls (`QueueStatusResult`). */
export const QUEUE_STATUS_PATH = '/genesys/queueStatus';
/** POST: a short-lived JWT naming the caller's agent (`AgentTokenResult`), for web extensions' servers. */
export const AGENT_TOKEN_PATH = '/genesys/agentToken';
/** GET: the bridge's public signing keys (a JSON Web Key Set): they verify its socket tickets and agent tokens. */
export const JWKS_PATH = '/.well-known/jwks.json';

export const agentTokenResultSchema = z.object({
  ok: z.literal(true),
  token: z.string().check(z.minLength(1)).check(z.maxLength(4096)),
  expiresIn: z.int().check(z.positive()),
});
export type AgentTokenResult = z.infer<typeof agentTokenResultSchema>;
/** POST, authenticated like a command: a one-time ticket for the socket (`SocketTicketResult`). */
export const TICKET_PATH = '/genesys/ticket';
/** The close code of a socket whose credentials expired: get a fresh token, a new ticket, and resume. */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;

export const socketTicketResultSchema = z.object({
  ok: z.literal(true),
  ticket: z.string().check(z.minLength(1)).check(z.maxLength(4096)),
  expiresInSec: z.int().check(z.positive()),
});
export type SocketTicketResult = z.infer<typeof socketTicketResultSchema>;
export const DEFAULT_PORT = 8087;
