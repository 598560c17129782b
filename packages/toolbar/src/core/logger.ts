/**
 * The structured logger the toolbar's library code writes to: pino's call shape (`log.warn({ eventId },
 * 'message')`), so a pino logger (pino's browser build included) can be passed as is. Library code never
 * calls `console`; the app decides where logs go.
 */
export type LogFn = (fields: Record<string, unknown>, message: string) => void;

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const ignore: LogFn = () => undefined;

/** The default: logs go nowhere. */
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
