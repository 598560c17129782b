/**
 * The integrator's event log: every UEF message in both directions with its payload, the messages the
 * host refused (wrong origin or source, malformed), and the host's own findings (did the toolbar carry
 * the newComm outData into startComm/closeComm, did an offer time out).
 */

export type LogDirection = 'toolbar-to-fusion' | 'fusion-to-toolbar' | 'blocked' | 'note';
export type LogLevel = 'info' | 'ok' | 'warn';

export interface LogEntry {
  id: number;
  at: number;
  direction: LogDirection;
  level: LogLevel;
  /** The UEF method or event name, or a short title for notes. */
  title: string;
  summary: string;
  payload?: unknown;
}

export type NewLogEntry = Omit<LogEntry, 'id' | 'at'>;

/** Entries kept; older ones drop off the top. */
export const LOG_LIMIT = 500;

export function appendLog(log: readonly LogEntry[], entry: LogEntry): LogEntry[] {
  const next = [...log, entry];
  return next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next;
}
