import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 *     window), over CALLS calls after 3 warm-up calls; p50/p95. Target p95 ≤ 8 ms.
 * (b) load → agent state: from the toolbar frame's navigation start to Fusion receiving its first
 *     agentStateEventOperation, over LOADS loads, each in a fresh browser context (cold cache).
 *     Target p50 ≤ 180 ms. With it, where the time went: the start-up marks the toolbar sets
 *     (platform/startup-marks.ts: module evaluation, configuration, vendor, render, UEF library,
 *     UEF handshake, getConfiguration, agent state) and, from the frame's Resource Timing, when
 *     config.json, the last start-up chunk and the UEF library arrived; medians over the loads.
 * (c) initial JS, as the network saw it: every script of the toolbar's own that the frame requested
 *     before its first agentStateEventOperation went out (Resource Timing of the first load), each
 *     gzip-compressed from the build output (vite build, as `npm run build` does) — Preact, zod and
 *     the vendor's and Fusion adapter's chunks included. Target ≤ 35 KB. Also printed: the chunks
 *     the HTML itself loads (the entry and its static imports), and Fusion's UEF library, which is
 *     Oracle's (its CDN in production), not the toolbar's.
 *
 * Times are `performance.timeOrigin + performance.now()` in each frame: the same clock. The page is
 * the demo's: Fusion and the toolbar on one origin share one
 * main thread, so Fusion's page work is in the figures (its event log is cleared between calls). The
 * load average is printed with the figures: on a busy machine they stretch. Options: --calls 50
 * --loads 10 --port 0 (or CALLS=, LOADS=, PORT=).
 */

const { values } = parseArgs({ options: { calls: { type: 'string' }, loads: { type: 'string' }, port: { type: 'string' } } });
const CALLS = Number(values.calls ?? process.env['CALLS'] ?? 50);
const LOADS = Number(values.loads ?? process.env['LOADS'] ?? 10);
/** The bridge's port; 0 (the default) takes a free one. */
const PORT = Number(values.port ?? process.env['PORT'] ?? 0);
for (const [name, value] of Object.entries({ CALLS, LOADS })) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
}
if (!Number.isInteger(PORT) || PORT < 0 || PORT > 65_535) throw new Error('PORT must be a port number or 0');
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
  /** The chunks the toolbar's HTML loads: the entry and its static imports. */
  files: string[];
  gzipAll: number;
}

/** A built file's gzip size, by its path under the toolbar's build folder (`assets/main-….js`). */
function gzipSizeOf(file: string): number {
  return gzipSync(readFileSync(`${WORK}/toolbar/${file}`)).length;
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
  for (const chunk of chunks.values()) if (chunk.isEntry && chunk.facadeModuleId?.endsWith('/index.html') === true) visit(chunk.fileName);
  const files = [...initial];
  return { files, gzipAll: files.reduce((sum, file) => sum + gzipSizeOf(file), 0) };
}

// ---------------------------------------------------------------------------------------------
// The bridge: a child process, as `npm start` runs it, on a free loopback port

async function startBridge(): Promise<{ child: ChildProcess; url: string }> {
  const config = `${WORK}/bridge.json`;
  writeFileSync(
    config,
    JSON.stringify({
      mode: 'dev',
      port: PORT,
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

/** One cold load, in the toolbar frame's own times (ms since its navigation start). */
interface LoadSample {
  /** Fusion received the first agentStateEventOperation. */
  agentState: number;
  /** The start-up marks the toolbar set, by name. */
  marks: Record<string, number>;
  /** What the frame fetched: path (or URL when not the page's origin), when the request started and the answer ended. */
  resources: Array<{ name: string; start: number; end: number }>;
}

async function measureLoads(browser: Browser, bridgeUrl: string): Promise<LoadSample[]> {
  const samples: LoadSample[] = [];
  for (let load = 0; load < LOADS; load += 1) {
    const context = await browser.newContext();
    await context.addInitScript({ content: MARKS_SCRIPT });
    const page = await context.newPage();
    await page.goto(demoUrl(bridgeUrl));
    await page.waitForFunction(() => window.benchMarks.published.some((p) => p.method === 'agentStateEventOperation'), undefined, POLLING);
    const published = await page.evaluate(() => window.benchMarks.published.find((p) => p.method === 'agentStateEventOperation')?.at ?? 0);
    const frame = await toolbarFrame(page).evaluate(() => ({
      navigationStart: window.benchMarks.navigationStart,
      marks: Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((mark) => mark.name.startsWith('ctikit:'))
          .map((mark) => [mark.name, mark.startTime]),
      ),
      resources: performance.getEntriesByType('resource').map((entry) => {
        const url = new URL(entry.name);
        const { startTime, responseEnd } = entry as PerformanceResourceTiming;
        return { name: url.origin === location.origin ? url.pathname : entry.name, start: startTime, end: responseEnd };
      }),
    }));
    samples.push({ agentState: published - frame.navigationStart, marks: frame.marks, resources: frame.resources });
    await context.close();
  }
  return samples;
}

/** The toolbar's own scripts the frame requested before the first agentStateEventOperation went out. */
function startupScripts(sample: LoadSample): Array<{ file: string; gzip: number }> {
  return sample.resources.flatMap(({ name, start }) => {
    if (!name.startsWith('/toolbar/') || !name.endsWith('.js') || start > sample.agentState) return [];
    const file = name.slice('/toolbar/'.length);
    return [{ file, gzip: gzipSizeOf(file) }];
  });
}

/** Where a cold load's time went: medians over the loads, ms since the toolbar frame's navigation start. */
function breakdown(samples: LoadSample[]): Array<[string, number]> {
  const median = (pick: (sample: LoadSample) => number | undefined) => {
    const values = samples.flatMap((sample) => pick(sample) ?? []);
    return values.length > 0 ? percentile(values, 0.5) : Number.NaN;
  };
  const resourceEnd = (sample: LoadSample, test: (name: string) => boolean) =>
    Math.max(...sample.resources.filter((r) => r.start <= sample.agentState && test(r.name)).map((r) => r.end));
  const steps: Array<[string, (sample: LoadSample) => number | undefined]> = [
    ['start-up chunks of the HTML evaluated (ctikit:evaluated)', (s) => s.marks['ctikit:evaluated']],
    ['config.json arrived', (s) => resourceEnd(s, (name) => name.endsWith('/config.json'))],
    ['configuration read (ctikit:config)', (s) => s.marks['ctikit:config']],
    ['last toolbar chunk before the agent state arrived', (s) => resourceEnd(s, (name) => name.startsWith('/toolbar/') && name.endsWith('.js'))],
    ['vendor chunk loaded, handler built (ctikit:vendor)', (s) => s.marks['ctikit:vendor']],
    ['toolbar rendered (ctikit:rendered)', (s) => s.marks['ctikit:rendered']],
    ['UEF library arrived', (s) => resourceEnd(s, (name) => name.includes('ui-events-framework'))],
    ['UEF library and Fusion adapter loaded (ctikit:uef-library)', (s) => s.marks['ctikit:uef-library']],
    ['UEF handshake: initialize, PHONE context (ctikit:uef-initialized)', (s) => s.marks['ctikit:uef-initialized']],
    ['getConfigurationOperation answered (ctikit:uef-configuration)', (s) => s.marks['ctikit:uef-configuration']],
    ['agentStateEventOperation sent (ctikit:agent-state)', (s) => s.marks['ctikit:agent-state']],
    ['Fusion received agentStateEventOperation', (s) => s.agentState],
  ];
  return steps.map(([label, pick]) => [label, median(pick)]);
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
    const loadTimes = loads.map((sample) => sample.agentState);
    const scripts = loads[0] ? startupScripts(loads[0]) : [];
    const startupGzip = scripts.reduce((sum, script) => sum + script.gzip, 0);
    const rows = [
      [
        'EventRinging at the page → newCommEvent at Fusion',
        `${calls.length}`,
        ms(percentile(calls, 0.5)),
        ms(percentile(calls, 0.95)),
        'p95 ≤ 8 ms',
        percentile(calls, 0.95) <= 8,
      ],
      [
        'toolbar navigation → first agentStateEventOperation',
        `${loads.length}`,
        ms(percentile(loadTimes, 0.5)),
        ms(percentile(loadTimes, 0.95)),
        'p50 ≤ 180 ms',
        percentile(loadTimes, 0.5) <= 180,
      ],
      ['toolbar JS loaded before the first agent state, gzip', '1', kb(startupGzip), '', '≤ 35 KB', startupGzip <= 35 * 1024],
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
    console.log('');
    console.log("cold load, medians (ms since the toolbar frame's navigation start):");
    for (const [label, at] of breakdown(loads)) console.log(`  ${ms(at).padStart(9)}  ${label}`);
    console.log('');
    console.log(`toolbar JS before the first agent state (gzip): ${scripts.map((script) => `${script.file} ${kb(script.gzip)}`).join(', ')}`);
    console.log(`of which the HTML's own chunks: ${initialJs.files.join(', ')} — ${kb(initialJs.gzipAll)}`);
    const uef = loads[0]?.resources.find((r) => r.name.includes('ui-events-framework'));
    if (uef) console.log(`and Fusion's UEF library (Oracle's, not counted): ${uef.name}`);
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
