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

export const PROTOCOL_VERSION = 1;
export const REST_PATH = '/genesys/events';
/** GET: the not-ready reason codes the contact center accepts (`ReasonCodesResult`). */
export const REASON_CODES_PATH = '/genesys/reasonCodes';
export const SOCKET_PATH = '/genesysWs';
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
