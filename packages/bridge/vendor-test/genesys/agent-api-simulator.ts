import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Genesys' own agent-api-simulator (the kit in `$CTIKIT_KITS/genesys-agent-api-simulator`), run
 * from a temporary copy and never from the kit or the repository:
 *
 * - **install** (cached): `src/service/package*.json` copied into `<tmp>/ctikit-agent-api-simulator/<lockfile hash>`
 *   and `npm ci --omit=dev` run there from the kit's own lockfile, once per lockfile;
 * - **start**: a fresh copy of `src/service`, `data/` and the version files the service reads, the cached
 *   `node_modules` linked in, `src/service/server.js` started on a free loopback port with `https: false`.
 *   The port and the protocol reach the service through its own config module (`config/agent-api-simulator.json`,
 *   which every module shares through Node's require cache): a preload script of ours sets them before
 *   server.js reads it, and binds the listener to 127.0.0.1. No file of the kit is edited.
 */
export interface AgentApiSimulator {
  /** `http://127.0.0.1:<port>`: the Workspace API origin and Genesys Authentication both. */
  url: string;
  /** What the service logged, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const PRELOAD = `
const path = require('node:path');
const net = require('node:net');
const config = require(path.join(process.cwd(), 'config', 'agent-api-simulator.json'));
config.port = Number(process.env.AGENT_API_SIMULATOR_PORT);
config.https = false;
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === 'number' && (rest.length === 0 || typeof rest[0] === 'function')) return listen.call(this, port, '127.0.0.1', ...rest);
  return listen.call(this, port, ...rest);
};
`;

export function kitPath(): string {
  const kits = process.env.CTIKIT_KITS;
  if (!kits) throw new Error('CTIKIT_KITS must name the vendor kits folder (npm run test:vendors sets it).');
  const kit = resolve(kits, 'genesys-agent-api-simulator');
  if (!existsSync(join(kit, 'src', 'service', 'server.js'))) throw new Error(`No agent-api-simulator kit at ${kit}.`);
  return kit;
}

/** The service's node_modules, installed once per lockfile. */
function installedModules(kit: string): string {
  const lockfile = readFileSync(join(kit, 'src', 'service', 'package-lock.json'));
  const hash = createHash('sha256').update(lockfile).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), 'ctikit-agent-api-simulator');
  const target = join(cache, hash);
  if (existsSync(join(target, 'node_modules', '.package-lock.json'))) return join(target, 'node_modules');
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, `${hash}-`));
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(kit, 'src', 'service', file), join(staging, file));
  chmodWritable(staging);
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: staging, stdio: 'pipe' });
  try {
    renameSync(staging, target);
  } catch {
    // Another run installed the same lockfile meanwhile: use theirs.
    rmSync(staging, { recursive: true, force: true });
  }
  return join(target, 'node_modules');
}

function chmodWritable(dir: string): void {
  execFileSync('chmod', ['-R', 'u+w', dir]);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function startAgentApiSimulator(): Promise<AgentApiSimulator> {
  const kit = kitPath();
  const modules = installedModules(kit);
  const root = mkdtempSync(join(tmpdir(), 'ctikit-aas-run-'));
  mkdirSync(join(root, 'src'));
  cpSync(join(kit, 'src', 'service'), join(root, 'src', 'service'), { recursive: true, filter: (source) => !source.includes('node_modules') });
  cpSync(join(kit, 'data'), join(root, 'data'), { recursive: true });
  for (const file of ['GWS-version.json', 'compatibility-versions.json']) cpSync(join(kit, file), join(root, file));
  chmodWritable(root);
  symlinkSync(modules, join(root, 'src', 'service', 'node_modules'));
  const preload = join(root, 'ctikit-preload.cjs');
  writeFileSync(preload, PRELOAD);
  chmodSync(preload, 0o644);

  const port = await freePort();
  const child = spawn(process.execPath, ['-r', preload, 'server.js'], {
    cwd: join(root, 'src', 'service'),
    env: { ...process.env, NODE_ENV: 'production', AGENT_API_SIMULATOR_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await listening(child, () => output);
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function listening(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolveStart, reject) => {
    const check = (): void => {
      if (output().includes('Agent Api Simulator: http')) {
        child.stdout?.off('data', check);
        child.off('exit', exited);
        resolveStart();
      }
    };
    const exited = (code: number | null): void => reject(new Error(`agent-api-simulator exited (${code}) before listening:\n${output()}`));
    child.stdout?.on('data', check);
    child.once('exit', exited);
  });
}
