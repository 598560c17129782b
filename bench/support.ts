import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

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

/** Start a child process and resolve with the first stdout match of `ready`. */
export function startChild(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<{ child: ChildProcess; match: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const match = ready.exec(output);
      if (match?.[1]) resolve({ child, match: match[1] });
    });
  });
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
