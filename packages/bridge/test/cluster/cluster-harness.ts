import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import type { Command, SessionOpened, Snapshot, TServerEventName, TServerEventOf, TServerWireEvent } from '@ctikit/protocol';
import { systemClock } from '@ctikit/kernel';
import { BridgeRest } from '../../../toolbar/src/vendors/genesys/bridge-rest.ts';
import { BridgeSocket } from '../../../toolbar/src/vendors/genesys/bridge-socket.ts';
import type { WebSocketConstructor } from '../../../toolbar/src/vendors/genesys/platform.ts';
import { SessionStore } from '../../../toolbar/src/vendors/genesys/session-store.ts';
import type { ConnectionStatus } from '../../../toolbar/src/core/connection-status.ts';

/**
 * A cluster on this machine, each part a real process: redis-server (append-only, so a restart
 * keeps what it had), the contact-center simulator service (`ctikit sim serve`), bridge nodes
 * (`ctikit start`, the compiled build) and nginx in front of them with the shipped
 * deploy/nginx/*.conf. Ports are free ones the OS picked; logs go to the cluster's directory.
 */

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const DEPLOY = fileURLToPath(new URL('../../../../deploy/nginx/', import.meta.url));
export const API_KEY = 'cluster-api-key';
export interface ClusterAgent {
  agentId: string;
  dn: string;
  /** The agent's Workspace API token at the simulator service. */
  token: string;
}
/** Two of the simulator's built-in agents. */
export const AGENTS: readonly ClusterAgent[] = [
  { agentId: 'agent1', dn: '5001', token: 'tok-agent1' },
  { agentId: 'agent2', dn: '5002', token: 'tok-agent2' },
];

export interface ClusterOptions {
  /** The agents every node and the simulator service know; default AGENTS. */
  agents?: readonly ClusterAgent[];
  /** The simulator service's configuration file (`--sim-config`); default its built-in one, which has AGENTS. */
  simConfig?: string;
  /** Top-level settings of each node's config file, over the harness's (heartbeatMs 1000, drainTimeoutMs 2000, logLevel info). */
  nodeSettings?: Readonly<Record<string, string | number>>;
}
/** The toolbar's origin, allowed by every node; each agent signs in to the bridge with its own token. */
export const TOOLBAR_ORIGIN = 'https://toolbar.example.com';
export const bridgeToken = (agentId: string): string => `bridge-token-${agentId}-0123456789`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers HTTP at all (any status); the test timeout bounds the wait. */
async function reachable(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'ctikit-cluster-'));
  /** The signing key every node shares (tickets issued by one node are redeemed by another). */
  readonly signingKeyFile = join(this.dir, 'signing-key.pem');
  redisPort = 0;
  simUrl = '';
  nginxUrl = '';
  readonly nodePorts: number[] = [];
  readonly nodes: Array<ChildProcess | undefined> = [];
  private redis: ChildProcess | undefined;
  private sim: ChildProcess | undefined;
  private nginx: ChildProcess | undefined;
  private readonly agents: readonly ClusterAgent[];

  private spawnLogged(name: string, command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(this.dir, `${name}.log`), { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return child;
  }

  constructor(private readonly options: ClusterOptions = {}) {
    this.agents = options.agents ?? AGENTS;
    writeFileSync(this.signingKeyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
  }

  async startRedis(): Promise<void> {
    this.redisPort ||= await freePort();
    mkdirSync(join(this.dir, 'redis'), { recursive: true });
    const redis = this.spawnLogged('redis', 'redis-server', [
      '--port',
      String(this.redisPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--dir',
      join(this.dir, 'redis'),
    ]);
    this.redis = redis;
    await new Promise<void>((resolve, reject) => {
      let text = '';
      redis.stdout?.on('data', (chunk: Buffer) => {
        text += String(chunk);
        if (text.includes('Ready to accept connections')) resolve();
      });
      redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  }

  async stopRedis(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    if (!redis) return;
    redis.kill('SIGTERM');
    await exited(redis);
  }

  async startSim(): Promise<void> {
    const simConfig = this.options.simConfig !== undefined ? ['--sim-config', this.options.simConfig] : [];
    const sim = this.spawnLogged('sim', process.execPath, [CLI, 'sim', 'serve', '--port', '0', '--log-level', 'warn', ...simConfig], {
      CTIKIT_WORKSPACE_API_KEY: API_KEY,
      CTIKIT_WORKSPACE_TOKENS: this.agents.map(({ agentId, token }) => `${token}=${agentId}`).join(','),
    });
    this.sim = sim;
    this.simUrl = await new Promise<string>((resolve, reject) => {
      let text = '';
      sim.stdout?.on('data', (chunk: Buffer) => {
        text += String(chunk);
        const found = /listening on (http:\/\/\S+)/.exec(text);
        if (found?.[1]) resolve(found[1]);
      });
      sim.once('exit', (code) => reject(new Error(`ctikit sim serve exited with ${code}`)));
    });
  }

  async stopSim(): Promise<void> {
    const sim = this.sim;
    this.sim = undefined;
    if (!sim) return;
    sim.kill('SIGTERM');
    await exited(sim);
  }

  /**
   * Node `index` (0-based), on its port (kept across restarts). `standalone`: a bridge on its own,
   * no Redis, no cluster section (the one node the benchmark compares the cluster with).
   */
  async startNode(index: number, leaseMs = 1_000, standalone = false): Promise<void> {
    this.nodePorts[index] ||= await freePort();
    const port = this.nodePorts[index];
    const config = join(this.dir, `node-${index + 1}.yaml`);
    writeFileSync(
      config,
      [
        `port: ${port}`,
        'host: 127.0.0.1',
        'mode: production',
        `allowedOrigins: [${TOOLBAR_ORIGIN}]`,
        'tokens:',
        ...this.agents.map(({ agentId }) => `  - { token: ${bridgeToken(agentId)}, agentId: ${agentId} }`),
        'extensionsPort: false',
        'staticDirs: []',
        ...Object.entries({ heartbeatMs: 1000, drainTimeoutMs: 2000, logLevel: 'info', ...this.options.nodeSettings }).map(
          ([key, value]) => `${key}: ${value}`,
        ),
        'backend:',
        '  kind: workspace-api',
        `  apiUrl: ${this.simUrl}`,
        `  apiKey: ${API_KEY}`,
        '  reconnect: { initialDelayMs: 50, maxDelayMs: 500 }',
        '  agents:',
        ...this.agents.map(({ agentId, dn, token }) => `    - { agentId: ${agentId}, dn: "${dn}", token: ${token} }`),
        ...(standalone ? [] : ['cluster:', `  redis: redis://127.0.0.1:${this.redisPort}`, `  nodeId: node-${index + 1}`, `  leaseMs: ${leaseMs}`]),
        '',
      ].join('\n'),
    );
    const node = this.spawnLogged(`node-${index + 1}`, process.execPath, [CLI, 'start', '--config', config], { CTIKIT_SIGNING_KEY_FILE: this.signingKeyFile });
    this.nodes[index] = node;
    await reachable(`http://127.0.0.1:${port}/healthz`, node);
  }

  /** kill -9. */
  async killNode(index: number): Promise<void> {
    const node = this.nodes[index];
    this.nodes[index] = undefined;
    if (!node) return;
    node.kill('SIGKILL');
    await exited(node);
  }

  /** SIGSTOP: the node is frozen (its leases run out, its sockets go silent) until resumeNode. */
  pauseNode(index: number): void {
    this.nodes[index]?.kill('SIGSTOP');
  }

  resumeNode(index: number): void {
    this.nodes[index]?.kill('SIGCONT');
  }

  /** What a node logged so far, one parsed pino line each. */
  nodeLog(index: number): Array<Record<string, unknown>> {
    return readFileSync(join(this.dir, `node-${index + 1}.log`), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The /healthz of each running node (of `only` those, e.g. not a paused one): sessions (agents it owns) and sockets. */
  async health(only?: readonly number[]): Promise<Array<{ sessions: number; sockets: number } | undefined>> {
    return Promise.all(
      this.nodePorts.map(async (port, index) =>
        this.nodes[index] && (only === undefined || only.includes(index))
          ? ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { sessions: number; sockets: number })
          : undefined,
      ),
    );
  }

  /** The simulator service's view of an agent. */
  async simAgent(agentId: string): Promise<{ agentId: string; state: string; registered: boolean } | undefined> {
    const { agents } = (await (await fetch(`${this.simUrl}/sim/agents`)).json()) as { agents: Array<{ agentId: string; state: string; registered: boolean }> };
    return agents.find((agent) => agent.agentId === agentId);
  }

  /** SIGTERM: the node drains; resolves with its exit code. */
  async terminateNode(index: number): Promise<number | null> {
    const node = this.nodes[index];
    this.nodes[index] = undefined;
    if (!node) return null;
    node.kill('SIGTERM');
    return exited(node);
  }

  async startNginx(): Promise<void> {
    const port = await freePort();
    const dir = join(this.dir, 'nginx');
    mkdirSync(dir, { recursive: true });
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      [
        'worker_processes 1;',
        'daemon off;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        // A proxied socket holds two connections (the client's and the node's): nginx answers its own 502 when they run out.
        `events { worker_connections ${Math.max(512, this.agents.length * 4)}; }`,
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`),
        `  include ${DEPLOY}ctikit-http.conf;`,
        '  upstream ctikit_bridge {',
        ...this.nodePorts.map((nodePort) => `    server 127.0.0.1:${nodePort} max_fails=1 fail_timeout=10s;`),
        `    include ${DEPLOY}ctikit-upstream.conf;`,
        '  }',
        '  server {',
        `    listen 127.0.0.1:${port};`,
        `    include ${DEPLOY}ctikit-locations.conf;`,
        '  }',
        '}',
      ].join('\n'),
    );
    const nginx = this.spawnLogged('nginx', 'nginx', ['-p', dir, '-c', conf]);
    this.nginx = nginx;
    this.nginxUrl = `http://127.0.0.1:${port}`;
    await reachable(`${this.nginxUrl}/healthz`, nginx);
  }

  /** Which node holds the agent's socket(s), by each node's own /healthz. */
  async nodeWithSockets(): Promise<number> {
    for (const [index, port] of this.nodePorts.entries()) {
      if (!this.nodes[index]) continue;
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { sockets?: number };
      if ((health.sockets ?? 0) > 0) return index;
    }
    throw new Error('no node has a socket');
  }

  /** The customer calls `to` on the simulator service; returns the ConnID. */
  async placeCall(to: string): Promise<string> {
    const response = await fetch(`${this.simUrl}/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '4155550123', to }),
    });
    const body = (await response.json()) as { connectionId: string };
    return body.connectionId;
  }

  async close(): Promise<void> {
    for (const index of this.nodes.keys()) await this.killNode(index);
    for (const child of [this.nginx, this.sim, this.redis]) {
      if (!child) continue;
      child.kill('SIGKILL');
      await exited(child);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The toolbar's own Genesys client parts (BridgeSocket, BridgeRest) against a bridge URL, in Node. */
export class Toolbar {
  readonly frames: Array<TServerWireEvent | Snapshot> = [];
  readonly opened: SessionOpened[] = [];
  readonly statuses: ConnectionStatus[] = [];
  readonly socket: BridgeSocket;
  readonly rest: BridgeRest;
  private waiters: Array<() => void> = [];
  private references = 0;

  constructor(
    bridgeUrl: string,
    readonly agentId: string,
    observer: { frame?: (frame: TServerWireEvent | Snapshot) => void; opened?: (frame: SessionOpened) => void } = {},
  ) {
    const storage = new Map<string, string>();
    const log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const wake = (): void => {
      for (const waiter of this.waiters.splice(0)) waiter();
    };
    const credentials = { token: bridgeToken(agentId) };
    this.rest = new BridgeRest({
      bridgeUrl,
      credentials,
      fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, origin: TOOLBAR_ORIGIN } }),
      clock: systemClock,
      log,
      timeoutMs: 20_000,
    });
    this.socket = new BridgeSocket({
      bridgeUrl,
      credentials,
      socketTicket: () => this.rest.socketTicket(`ticket-${++this.references}`),
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      clock: systemClock,
      log,
      store: new SessionStore(
        { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value), removeItem: (key) => void storage.delete(key) },
        'ctikit',
      ),
      random: Math.random,
      backoff: { baseMs: 50, maxMs: 400 },
      connectTimeoutMs: 5_000,
      delegate: {
        onOpened: (frame) => {
          this.opened.push(frame);
          observer.opened?.(frame);
          wake();
        },
        onFrame: (frame) => {
          this.frames.push(frame);
          observer.frame?.(frame);
          wake();
        },
        onStatus: (status) => {
          this.statuses.push(status);
          wake();
        },
      },
    });
  }

  async until<T>(find: () => T | undefined): Promise<T> {
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  event<N extends TServerEventName>(name: N, connectionId?: string): Promise<TServerEventOf<N>> {
    return this.until(() =>
      this.frames.find(
        (frame): frame is TServerEventOf<N> =>
          frame.eventName === name && (connectionId === undefined || ('connectionId' in frame && frame.connectionId === connectionId)),
      ),
    );
  }

  async send(command: Command): Promise<Awaited<ReturnType<BridgeRest['post']>>> {
    this.references += 1;
    return this.rest.post(command, `ref-${this.references}`);
  }

  /** The seqs of the sequenced events delivered, in order. */
  seqs(): number[] {
    return this.frames.flatMap((frame) => (frame.eventName !== 'Snapshot' && frame.seq !== undefined ? [frame.seq] : []));
  }
}
