import { z } from 'zod';
import { CtiError, ERROR_CODES } from '@ctikit/protocol';
import type { ErrorCode } from '@ctikit/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';

/**
 * One error registry for the whole bridge: every failure leaves as a `CtiError` body with a stable
 * code from the protocol's catalog. Fastify's own errors (body parsing, media type, size, routing)
 * are mapped here, in one place, and routes validate their input with zod through one validator
 * compiler, so a route declares its schemas and never parses by hand.
 */

/** Fastify error codes → catalog codes. */
const FASTIFY_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
  FST_ERR_BAD_URL: 'MALFORMED_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'MALFORMED_REQUEST',
};

/** Statuses Fastify (or a plugin) may answer with on its own, for codes not listed above. */
const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'MALFORMED_REQUEST',
  403: 'PATH_NOT_ALLOWED',
  404: 'NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

function fieldOf(error: unknown, field: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;
}

/** The catalog error for anything thrown while serving a request. */
export function toCtiError(error: unknown): CtiError {
  if (error instanceof CtiError) return error;
  const code = fieldOf(error, 'code');
  const mapped = typeof code === 'string' ? FASTIFY_ERROR_CODES[code] : undefined;
  if (mapped) return new CtiError(mapped);
  const status = fieldOf(error, 'statusCode');
  const byStatus = typeof status === 'number' ? STATUS_CODES[status] : undefined;
  return new CtiError(byStatus ?? 'INTERNAL_ERROR');
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as string[]).includes(value);
}

/**
 * A short, readable summary of zod issues: `connectionId: expected string; digits: too small`.
 * A custom issue may name its catalog code in `params.code` (UNKNOWN_COMMAND does).
 */
export function issuesToCtiError(issues: readonly z.core.$ZodIssue[]): CtiError {
  const named = issues.find((issue) => issue.code === 'custom' && isErrorCode(issue.params?.['code']));
  const code: ErrorCode = named && named.code === 'custom' && isErrorCode(named.params?.['code']) ? named.params['code'] : 'INVALID_COMMAND';
  const parts = issues.slice(0, 5).map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  return new CtiError(code, `${parts.join('; ')}${more}`);
}

/** Parse with a zod schema, failing with a catalog error. */
export function parseWith<T extends z.core.$ZodType>(schema: T, value: unknown): z.output<T> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw issuesToCtiError(result.error.issues);
  return result.data;
}

/** Route schemas (`body`, `params`, `querystring`) are zod schemas; failures become catalog errors. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: issuesToCtiError(result.error.issues) };
  };

/**
 * Answers a stranger's probing may cause by the thousand (unknown paths, refused files, unreadable
 * requests): logged at debug, so they cannot flood the log.
 */
const QUIET_CODES: ReadonlySet<ErrorCode> = new Set(['NOT_FOUND', 'PATH_NOT_ALLOWED', 'MALFORMED_REQUEST']);

/** The client went away before its body arrived: the request's own business, not a bridge fault. */
export function isClientAbort(request: FastifyRequest, error: unknown): boolean {
  return request.raw.readableAborted && fieldOf(error, 'code') === 'ECONNRESET';
}

/**
 * Answer with the error body and the catalog's HTTP status; log bridge faults loudly. A client
 * that aborted mid-body gets nothing (it is gone) and a debug line; the answer is then `undefined`.
 */
export function replyWithError(request: FastifyRequest, reply: FastifyReply, error: unknown, context: Record<string, unknown> = {}): CtiError | undefined {
  const fields = { ...context, agentId: request.agent?.agentId, referenceId: request.referenceId };
  if (isClientAbort(request, error)) {
    request.log.debug(fields, 'the client aborted the request');
    void reply.code(400).send();
    return undefined;
  }
  const cti = toCtiError(error);
  const logged = { ...fields, outcome: cti.code };
  if (cti.code === 'INTERNAL_ERROR') request.log.error({ ...logged, err: error }, 'request failed');
  else if (QUIET_CODES.has(cti.code)) request.log.debug(logged, cti.message);
  else request.log.info(logged, cti.message);
  void reply.code(cti.status).send(cti.toBody(request.referenceId));
  return cti;
}

/** The root error and not-found handlers; plugins may add their own that end in `replyWithError`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setErrorHandler((error, request, reply) => {
    replyWithError(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) => {
    replyWithError(request, reply, new CtiError('NOT_FOUND', `No endpoint ${request.method} ${request.url.split('?')[0]}.`));
  });
}
