import type { Clock, TimerHandle } from '@ctikit/kernel';
import { failure, OK, type CommandOutcome, type CtiErrorCode, type Failure, type Outcome } from '../../core/outcome.ts';

/**
 * Streams actions (`agent.setState`, `contact.accept`, `connection.hold`…) answer through
 * `{ success, failure }` callbacks, and may never answer at all: the library has no timeout of its own
 * (issue #1090) — a lost `api_response`, a CCP whose session expired, a CCP that is reloading. Each
 * action here becomes a promise of a named outcome that settles exactly once: on the library's success,
 * on its failure (with the service's error read into a code and a message), or on the watchdog, with a
 * REQUEST_TIMEOUT failure that names the action.
 */

export interface StreamsCallbacks {
  success: (data?: unknown) => void;
  failure: (error?: unknown, data?: unknown) => void;
}

/** The service's exception names, as the CCP's worker forwards them, → the toolbar's codes. */
const EXCEPTION_CODES: Readonly<Record<string, CtiErrorCode>> = {
  InvalidStateException: 'INVALID_CALL_STATE',
  IllegalStateException: 'INVALID_CALL_STATE',
  ResourceNotFoundException: 'UNKNOWN_INTERACTION',
  BadEndpointException: 'INVALID_CALLED_DN',
  InvalidParameterException: 'INVALID_COMMAND',
  ThrottlingException: 'RATE_LIMITED',
  TooManyRequestsException: 'RATE_LIMITED',
  UnauthorizedException: 'UNAUTHENTICATED',
  AccessDeniedException: 'UNAUTHENTICATED',
  UnsupportedOperationException: 'NOT_SUPPORTED',
};

function fieldOf(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/**
 * What a Streams failure callback received, as a failure value: the worker forwards the service's
 * error JSON-encoded (`{"type":"InvalidStateException","message":…}`); some actions pass a bare word
 * instead (`contact.accept` fails with `"error"`).
 */
export function readStreamsFailure(action: string, error: unknown): Failure {
  let value: unknown = error;
  if (typeof error === 'string') {
    try {
      value = JSON.parse(error);
    } catch {
      value = error;
    }
  }
  const type = fieldOf(value, 'type') ?? fieldOf(value, 'code') ?? fieldOf(value, 'name');
  const message = fieldOf(value, 'message') ?? (typeof value === 'string' && value !== '' ? value : undefined);
  const code = type !== undefined ? EXCEPTION_CODES[type] : undefined;
  const detail = message ?? type ?? 'no reason given';
  return failure(code ?? 'INTERNAL_ERROR', `Amazon Connect refused ${action}: ${detail}`);
}

/**
 * Run one Streams request and keep what its success callback got (`getEndpoints` answers with data).
 * `start` gets the callbacks to pass to the library; a `start` that throws (the library's StateError
 * for a contact that is gone) is a failure too.
 */
export function streamsRequest(
  clock: Clock,
  timeoutMs: number,
  action: string,
  start: (callbacks: StreamsCallbacks) => void,
): Promise<Outcome<{ data: unknown }>> {
  return new Promise((resolve) => {
    let settled = false;
    const timers: TimerHandle[] = [];
    const settle = (outcome: Outcome<{ data: unknown }>): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) timer.cancel();
      resolve(outcome);
    };
    timers.push(
      clock.setTimer(timeoutMs, () => settle(failure('REQUEST_TIMEOUT', `Amazon Connect did not answer ${action} within ${Math.round(timeoutMs / 1000)} s.`))),
    );
    try {
      start({
        success: (data) => settle({ ok: true, data }),
        failure: (error) => settle(readStreamsFailure(action, error)),
      });
    } catch (error) {
      settle(failure('INVALID_CALL_STATE', `Amazon Connect cannot ${action}: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
}

/** Run one Streams action: accepted (the snapshot will tell what it did), refused, or unanswered. */
export async function streamsAction(clock: Clock, timeoutMs: number, action: string, start: (callbacks: StreamsCallbacks) => void): Promise<CommandOutcome> {
  const outcome = await streamsRequest(clock, timeoutMs, action, start);
  return outcome.ok ? OK : outcome;
}
