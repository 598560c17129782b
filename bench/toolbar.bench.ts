import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.ts';

/**
 * `npm run bench:toolbar`: the media toolbar in headless Chromium, framed by the Fusion simulator,
 * against a bridge this script starts on loopback (dev mode, one agent, the pages built here). Not a
 * test: it measures and prints.
 *
 * (a) ring → offer: from the moment the bridge's EventRinging frame reaches the toolbar's page (a
 *     listener an init script puts on the toolbar's WebSocket before the app's own) to the moment
 *     Fusion's page receives the toolbar's newCommEvent (a capturing `message` listener on Fusion's
 *     window), over CALLS calls after 3 warm-up calls; p50/p95. Target p95 ≤ 20 ms.
 * (b) load → agent state: from the toolbar frame's navigation start to Fusion receiving its first
 *     agentStateEventOperation, over LOADS loads, each in a fresh browser context (cold cache).
 *     Target ≤ 300 ms.
 * (c) initial JS: the toolbar's build output (vite build, as `npm run build` does), the chunks its
 *     HTML loads (the entry and its static imports), gzip-compressed, without third-party code
 *     (modules from node_modules). Target ≤ 60 KB.
 *
 * Times are `performance.timeOrigin + performance.now()` in each frame: the same clock. No product
 * code is changed for this. The page is the demo's: Fusion and the toolbar on one origin share one
 * main thread, so Fusion's page work is in the figures (its event log is cleared between calls). The
 * load average is printed with the figures: on a busy machine they stretch. Options: --calls 50
 * --loads 10 (or CALLS=, LOADS=).
 */

const { values } = parseArgs({ options: { calls: { type: 'string' }, loads: { type: 'string' } } });
const CALLS = Number(values.calls ?? process.env['CALLS'] ?? 50);
const LOADS = Number(values.loads ?? process.env['LOADS'] ?? 10);
for (const [name, value] of Object.entries({ CALLS, LOADS })) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
}
const WARM_UP_CALLS = 3;
/** Waits poll the page on a timer, not on every animation frame, to stay out of what is measured. */
const POLLING = { polling: 50 } as const;
const HARD_LIMIT_MS = 5 * 60_000;

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const WORK = root('.bench/toolbar');
const AGENT = { agentId: 'bench1', name: 'Bench Agent', dn: '7001' };
const CALLER = '+14155550142';

const children: ChildProcess[] = [];
const hardStop = setTimeout(() => {
  console.error('benchmark: hard time limit reached, stopping');
  for (const child of children) child.kill('SIGKILL');
  process.exit(2);
}, HARD_LIMIT_MS);
hardStop.unref();

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Build: the toolbar (analysed for (c)) and the simulators, copied where the bench's bridge serves them

interface InitialJs {
  files: string[];
  gzipAll: number;
  gzipOwn: number;
}

async function buildPages(): Promise<InitialJs> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const simulators = spawnSync('npm', ['run', 'build', '--workspace', '@ctikit/simulators'], { encoding: 'utf8' });
  if (simulators.status !== 0) throw new Error(`building the simulators failed:\n${simulators.stdout}${simulators.stderr}`);
  cpSync(root('packages/simulators/dist'), `${WORK}/simulators`, { recursive: true });

  const result = await build({
    configFile: root('packages/toolbar/vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: `${WORK}/toolbar`, emptyOutDir: true },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = new Map(outputs.flatMap((o) => o.output).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
  const initial = new Set<string>();
  const visit = (fileName: string): void => {
    if (initial.has(fileName)) return;
    initial.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const initialChunks = [...initial].flatMap((fileName) => chunks.get(fileName) ?? []);
  const own = initialChunks.flatMap((chunk) =>
    Object.entries(chunk.modules).flatMap(([id, module]) => (id.includes('/node_modules/') ? [] : [module.code ?? ''])),
  );
  return {
    files: initialChunks.map((chunk) => chunk.fileName),
    gzipAll: initialChunks.reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0),
    gzipOwn: gzipSync(own.join('\n')).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The bridge: a child process, as `npm start` runs it, on a free loopback port

async function startBridge(): Promise<{ child: ChildProcess; url: string }> {
  const config = `${WORK}/bridge.json`;
  writeFileSync(
    config,
    JSON.stringify({
      mode: 'dev',
      port: 0,
      logLevel: 'warn',
      staticDirs: [
        { dir: `${WORK}/simulators`, prefix: '/' },
        { dir: `${WORK}/toolbar`, prefix: '/toolbar/' },
      ],
      simulator: { agents: [{ ...AGENT, queues: [] }], ringTimeoutSec: 0 },
    }),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', root('packages/bridge/src/cli.ts'), 'start', '--config', config], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.on('exit', (code) => reject(new Error(`the bridge exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { child, url };
}

async function stopBridge(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function post(url: string, body: unknown, agentId?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(agentId ? { 'x-agent-id': agentId } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

// ---------------------------------------------------------------------------------------------
// The marks, set by an init script in every frame: Fusion's page (top) and the toolbar's frame

interface Marks {
  /** Fusion's page: when each toolbar publish arrived, by method. */
  published: Array<{ method: string; eventId: string | undefined; at: number }>;
  /** The toolbar's frame: its navigation start. */
  navigationStart: number;
  /** The toolbar's frame: when each EventRinging frame reached the page, with its eventId. */
  ringing: Array<{ eventId: string | undefined; at: number }>;
}

declare global {
  interface Window {
    benchMarks: Marks;
  }
}

/**
 * The init script, as text: a function passed to addInitScript would be serialised after tsx's
 * transform, with helpers the page does not have.
 */
const MARKS_SCRIPT = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  window.benchMarks = { published: [], navigationStart: performance.timeOrigin, ringing: [] };
  if (window === window.top) {
    window.addEventListener('message', (event) => {
      const at = now();
      const message = event.data;
      if (!message || message.type !== 'publish' || typeof message.method !== 'string') return;
      window.benchMarks.published.push({ method: message.method, eventId: message.data && message.data.eventId, at });
    }, true);
    return;
  }
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        const at = now();
        if (typeof event.data !== 'string' || !event.data.includes('"EventRinging"')) return;
        const match = /"eventId":"([^"]+)"/.exec(event.data);
        window.benchMarks.ringing.push({ eventId: match ? match[1] : undefined, at });
      });
    }
  };
})();`;

/**
 * The demo page as `npm start` serves it: Fusion's page framing the toolbar from the same origin, so
 * both share one main thread and Fusion's own page work counts in the figures. (Framing it from
 * another site, as Fusion does, needs the toolbar to survive blocked third-party storage.)
 */
function demoUrl(bridgeUrl: string): string {
  const toolbar = `/toolbar/?agentId=${AGENT.agentId}`;
  return `${bridgeUrl}/?${new URLSearchParams({ agentId: AGENT.agentId, phone: '0', toolbar })}`;
}

function toolbarFrame(page: Page) {
  const frame = page.frames().find((f) => new URL(f.url()).pathname === '/toolbar/');
  if (!frame) throw new Error('the toolbar frame is missing');
  return frame;
}

async function measureLoads(browser: Browser, bridgeUrl: string): Promise<number[]> {
  const samples: number[] = [];
  for (let load = 0; load < LOADS; load += 1) {
    const context = await browser.newContext();
    await context.addInitScript({ content: MARKS_SCRIPT });
    const page = await context.newPage();
    await page.goto(demoUrl(bridgeUrl));
    await page.waitForFunction(() => window.benchMarks.published.some((p) => p.method === 'agentStateEventOperation'), undefined, POLLING);
    const published = await page.evaluate(() => window.benchMarks.published.find((p) => p.method === 'agentStateEventOperation')?.at ?? 0);
    const navigationStart = await toolbarFrame(page).evaluate(() => window.benchMarks.navigationStart);
    samples.push(published - navigationStart);
    await context.close();
  }
  return samples;
}

async function measureCalls(browser: Browser, bridgeUrl: string): Promise<number[]> {
  const context = await browser.newContext();
  await context.addInitScript({ content: MARKS_SCRIPT });
  const page = await context.newPage();
  await page.goto(demoUrl(bridgeUrl));
  const toolbar = page.frameLocator('iframe[title="Media toolbar"]');
  await toolbar.getByRole('button', { name: 'Go available' }).click();
  await toolbar.getByRole('region', { name: 'Agent state' }).getByText('Available', { exact: true }).waitFor();

  const samples: number[] = [];
  for (let call = 0; call < WARM_UP_CALLS + CALLS; call += 1) {
    const placed = (await post(`${bridgeUrl}/sim/calls`, { from: CALLER, to: AGENT.dn })) as { connectionId: string };
    await page.waitForFunction((count) => window.benchMarks.published.filter((p) => p.method === 'newCommEvent').length === count, call + 1, POLLING);
    await post(`${bridgeUrl}/sim/calls/${placed.connectionId}/hangup`, {});
    await page.waitForFunction((count) => window.benchMarks.published.filter((p) => p.method === 'closeCommEvent').length === count, call + 1, POLLING);
    // Fusion's event log re-renders every entry on each message: keep it short between calls.
    await page.getByRole('region', { name: 'Event log' }).getByRole('button', { name: 'Clear' }).click();
    if (call < WARM_UP_CALLS) continue;
    const offered = await page.evaluate(() => window.benchMarks.published.filter((p) => p.method === 'newCommEvent').at(-1));
    const rang = await toolbarFrame(page).evaluate((eventId) => window.benchMarks.ringing.find((r) => r.eventId === eventId), offered?.eventId);
    if (!offered || !rang) throw new Error(`call ${call}: no EventRinging matches newCommEvent ${offered?.eventId ?? '?'}`);
    samples.push(offered.at - rang.at);
  }
  await context.close();
  return samples;
}

// ---------------------------------------------------------------------------------------------

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  console.log('building the pages…');
  const initialJs = await buildPages();
  const { child, url } = await startBridge();
  console.log(`bridge on ${url}; Chromium: ${LOADS} loads, then ${CALLS} calls (+${WARM_UP_CALLS} warm-up)…`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const loads = await measureLoads(browser, url);
    const calls = await measureCalls(browser, url);
    await post(`${url}/genesys/events`, { type: 'Logout' }, AGENT.agentId);
    const rows = [
      [
        'EventRinging at the page → newCommEvent at Fusion',
        `${calls.length}`,
        ms(percentile(calls, 0.5)),
        ms(percentile(calls, 0.95)),
        'p95 ≤ 20 ms',
        percentile(calls, 0.95) <= 20,
      ],
      [
        'toolbar navigation → first agentStateEventOperation',
        `${loads.length}`,
        ms(percentile(loads, 0.5)),
        ms(percentile(loads, 0.95)),
        'p95 ≤ 300 ms',
        percentile(loads, 0.95) <= 300,
      ],
      ['initial JS, gzip, without node_modules code', '1', kb(initialJs.gzipOwn), '', '≤ 60 KB', initialJs.gzipOwn <= 60 * 1024],
    ] as const;
    const header = ['metric', 'n', 'p50 / value', 'p95', 'target', ''];
    const table = [header, ...rows.map(([metric, n, p50, p95, target, ok]) => [metric, n, p50, p95, target, ok ? 'met' : 'MISSED'])];
    const widths = header.map((_, column) => Math.max(...table.map((row) => String(row[column]).length)));
    console.log('');
    for (const row of table)
      console.log(
        row
          .map((cell, column) => String(cell).padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd(),
      );
    console.log('');
    console.log(`initial JS: ${initialJs.files.join(', ')} — ${kb(initialJs.gzipAll)} gzip with third-party code`);
    console.log(`Chromium ${browser.version()}, headless, loopback; Node ${process.version}.`);
    // Timings are only as good as the machine is quiet: say how busy it was.
    console.log(`Load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${cpus().length} CPUs.`);
    console.log(`Reproduce: npm run bench:toolbar -- --calls ${CALLS} --loads ${LOADS}`);
  } finally {
    await browser.close();
    await stopBridge(child);
  }
}

await main();
