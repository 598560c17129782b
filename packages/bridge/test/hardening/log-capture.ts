import { until } from '../harness.ts';

/** One pino line as the bridge wrote it; the fields the tests read are typed. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

/** The bridge's log lines, kept in memory: pass as `logDestination` (with `logLevel: 'debug'`). */
export class LogCapture {
  readonly lines: LogLine[] = [];

  write(line: string): void {
    this.lines.push(JSON.parse(line) as LogLine);
  }

  /** Wait for a line that matches (the test timeout bounds the wait). */
  async next(match: (line: LogLine) => boolean): Promise<LogLine> {
    await until(() => this.lines.some(match));
    return this.lines.find(match) as LogLine;
  }

  atLeast(level: number): LogLine[] {
    return this.lines.filter((line) => line.level >= level);
  }
}
