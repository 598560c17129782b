import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { WebSocket } from 'ws';

/** What the benchmarks share: child processes that always end, bounded parallelism, percentiles, /metrics. */

const children: ChildProcess[] = [];

/** However a run goes, it ends: after `seconds`, every child is killed and the process exits with 2. */
export function hardStopAfter(seconds: number): () => void {
  const timer = setTimeout(() => {
    console.error('benchmark: hard time limit reached, stopping');
    for (const child of children) child.kill('SIGKILL');
    process.exit(2);
  }, seconds * 1000);
  timer.unref();
  return () => clearTimeout(timer);
}

export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/**
 * Start a child process and resolve with the first stdout match of `ready`. A child started with
 * `--inspect=127.0.0.1:0` also resolves `inspector`, its inspector's WebSocket URL (for `collectGarbage`).
 */
export function startChild(
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<{ child: ChildProcess; match: string; inspector: Promise<string> }> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let foundInspector: (url: string) => void = () => undefined;
  const inspector = new Promise<string>((resolve) => (foundInspector = resolve));
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = String(chunk);
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(text)?.[1];
    if (url) foundInspector(url);
    const rest = text
      .split('\n')
      .filter((line) => !/^(Debugger listening on|Debugger attached|For help, see: https:\/\/nodejs.org)/.test(line))
      .join('\n');
    if (rest.trim() !== '') process.stderr.write(rest);
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    const onData = (chunk: Buffer): void => {
      output += String(chunk);
      const match = ready.exec(output);
      if (!match?.[1]) return;
      // Read on (a full pipe would stall the child), but keep nothing.
      child.stdout?.off('data', onData).resume();
      resolve({ child, match: match[1], inspector });
    };
    child.stdout?.on('data', onData);
  });
}

/** The heap used after a full garbage collection, in a child started with `--inspect=127.0.0.1:0`, through its inspector. */
export async function heapUsedAfterGc(inspectorUrl: string): Promise<number> {
  const ws = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const answers = new Map<number, (result: unknown) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) answers.get(message.id)?.(message.result);
  });
  const call = (id: number, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      answers.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call(1, 'HeapProfiler.collectGarbage');
  const answer = (await call(2, 'Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as { result: { value: number } };
  ws.close();
  return answer.result.value;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Run `task` over `items`, at most `limit` at a time. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

/** One sample of a Prometheus gauge or counter on the bridge's /metrics. */
export async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux): the same measure for the bridge and the baselines. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Linux's USER_HZ, which /proc/<pid>/stat counts in. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The machine a figure was taken on: cores, CPU model, Node, and the load average now. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), Node ${process.versions.node}, ${platform()} ${release()}`;
}

export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
