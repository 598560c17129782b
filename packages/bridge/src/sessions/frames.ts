import type { CtiError, ErrorCode, ErrorWireEvent, Heartbeat, SessionOpened, Snapshot, UnsequencedEvent } from '@ctikit/protocol';

/**
 * Builders for the frames the bridge writes on a socket. Every frame is serialised once and the
 * same string goes to every socket that should receive it.
 */

/** High-resolution wall-clock time in epoch milliseconds, for frame timestamps. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

export function heartbeatFrame(): string {
  const frame: Heartbeat = { eventName: 'Heartbeat', timestamp: wallClockMs() };
  return JSON.stringify(frame);
}

/** An unsequenced socket-level error (e.g. INVALID_FRAME): it is about this socket, not the session. */
export function socketErrorFrame(code: ErrorCode, message: string): string {
  const frame: ErrorWireEvent = { eventName: 'EventError', timestamp: wallClockMs(), errorCode: code, errorMessage: message };
  return JSON.stringify(frame);
}

export function sessionOpenedFrame(fields: Omit<SessionOpened, 'eventName' | 'timestamp'>): string {
  const frame: SessionOpened = { eventName: 'SessionOpened', timestamp: wallClockMs(), ...fields };
  return JSON.stringify(frame);
}

export function snapshotFrame(fields: Omit<Snapshot, 'eventName' | 'timestamp'>): string {
  const frame: Snapshot = { eventName: 'Snapshot', timestamp: wallClockMs(), ...fields };
  return JSON.stringify(frame);
}

/** The session-level EventError for a failed command (sequenced by the session). */
export function commandErrorEvent(
  error: CtiError,
  context: { thisDN: string; agentId: string; referenceId: string; connectionId?: string | undefined; eventId?: string | undefined },
): UnsequencedEvent<ErrorWireEvent> {
  return {
    eventName: 'EventError',
    ...context,
    errorCode: error.code,
    ...(error.tserverErrorCode !== undefined ? { tserverErrorCode: error.tserverErrorCode } : {}),
    errorMessage: error.message,
  };
}
