/* eslint-disable no-console -- the app shell's logger is the one place where the toolbar's logs reach the console. */
import type { Logger, LogFn } from '../core/logger.ts';

/**
 * The toolbar's logger in the browser: pino's call shape (`log.warn({ eventId }, 'message')`), each
 * entry written to the console as one structured object (level, time, msg and the fields), at the
 * console level of the same name. Entries below `level` are dropped.
 */
export type LogLevel = keyof Logger;

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function browserLogger(level: LogLevel = 'info', bindings: Record<string, unknown> = { name: 'ctikit-toolbar' }): Logger {
  const threshold = LEVELS.indexOf(level);
  const writer = (entryLevel: LogLevel): LogFn => {
    if (LEVELS.indexOf(entryLevel) < threshold) return () => undefined;
    return (fields, msg) => console[entryLevel]({ level: entryLevel, time: new Date().toISOString(), ...bindings, ...fields, msg });
  };
  return { debug: writer('debug'), info: writer('info'), warn: writer('warn'), error: writer('error') };
}
