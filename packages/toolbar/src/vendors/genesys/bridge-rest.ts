import { z } from 'zod';
import {
  AGENT_DN_HEADER,
  AGENT_ID_HEADER,
  COMMAND_TYPES,
  REFERENCE_ID_HEADER,
  REST_PATH,
  type Clock,
  type Command,
  type CommandResult,
} from '@ctikit/protocol';
import type { Logger } from '../../core/logger.ts';
import { failure, isCtiErrorCode, type Outcome } from '../../core/outcome.ts';
import type { FetchLike } from './platform.ts';

/**
 * The bridge's command endpoint, `POST {bridgeUrl}/genesys/events`: one protocol `Command` per
 * request, correlated by `X-Reference-Id`, authenticated by a bearer token (production) or named by
 * `X-Agent-Id` (dev mode). Both answers — `CommandResult` and the catalog error body — are parsed
 * with zod; anything else, or no answer, is a failure value, never a throw.
 */
const commandResultSchema = z.object({
  ok: z.literal(true),
  type: z.enum(COMMAND_TYPES as [CommandResult['type'], ...CommandResult['type'][]]),
  referenceId: z.string(),
  eventId: z.string().optional(),
  connectionId: z.string().optional(),
});

const errorBodySchema = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    tserverErrorCode: z.number().int().optional(),
    referenceId: z.string().optional(),
  }),
});

/** The bearer token, or a function that fetches it (a Fusion trust token) when a command needs it. */
export type TokenProvider = () => string | undefined | Promise<string | undefined>;

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

export async function resolveToken(token: BridgeCredentials['token']): Promise<string | undefined> {
  return typeof token === 'function' ? token() : token;
}

export class BridgeRest {
  private readonly url: string;

  constructor(private readonly options: BridgeRestOptions) {
    this.url = new URL(REST_PATH, options.bridgeUrl).toString();
  }

  async post(command: Command, referenceId: string): Promise<RestOutcome> {
    const { credentials, clock, log, timeoutMs } = this.options;
    const headers: Record<string, string> = { 'content-type': 'application/json', [REFERENCE_ID_HEADER]: referenceId };
    let token: string | undefined;
    try {
      token = await resolveToken(credentials.token);
    } catch (error) {
      log.warn({ type: command.type, err: error }, 'no bearer token for the bridge');
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
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(command),
        signal: abort.signal,
      });
      text = await response.text();
    } catch (error) {
      log.warn({ type: command.type, referenceId, err: error }, 'the bridge did not answer a command');
      return timedOut
        ? failure('REQUEST_TIMEOUT', `The bridge did not answer within ${timeoutMs} ms.`)
        : failure('VENDOR_UNREACHABLE', 'The bridge cannot be reached.');
    } finally {
      timer.cancel();
    }
    return this.parse(command, referenceId, response.status, text);
  }

  private parse(command: Command, referenceId: string, status: number, text: string): RestOutcome {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const success = commandResultSchema.safeParse(body);
    if (success.success && status >= 200 && status < 300) return { ok: true, result: success.data };
    const error = errorBodySchema.safeParse(body);
    if (error.success) {
      const { code, message, tserverErrorCode } = error.data.error;
      this.options.log.info({ type: command.type, referenceId, code }, message);
      return isCtiErrorCode(code) ? failure(code, message, tserverErrorCode) : failure('INTERNAL_ERROR', `${code}: ${message}`, tserverErrorCode);
    }
    this.options.log.warn({ type: command.type, referenceId, status }, 'the bridge answered with an unexpected body');
    return failure('INVALID_VENDOR_RESPONSE', `The bridge answered ${status} with an unexpected body.`);
  }
}
