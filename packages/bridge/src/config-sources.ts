import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadSimulatorConfig, parseSimulatorConfig } from '@ctikit/contact-center';
import { backendFromSettings } from './backends/backend-config.ts';
import { identityFromFile, readText } from './identity/identity-file.ts';
import type { IdentityOptionsInput } from './identity/identity-options.ts';
import type { BridgeOptionsInput } from './options.ts';
import type { SimServiceOptions } from './simulator/sim-service.ts';

/**
 * Where `ctikit start` gets its settings: a config file (YAML or JSON), environment variables and
 * command-line flags, later ones winning (defaults < file < env < flags). The result is a
 * `BridgeOptionsInput`, validated by `createBridge` like any other. docs/protocol.md
 * ("Configuration") lists every setting.
 */

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The config file: the bridge options that make sense in a file, plus the simulator (a path or inline). */
const configFileSchema = z
  .object({
    port: z.number().int(),
    host: z.string(),
    mode: z.enum(['dev', 'production']),
    tokens: z.array(z.object({ token: z.string(), agentId: z.string() }).strict()),
    allowedOrigins: z.array(z.string()),
    bodyLimit: z.number().int(),
    rateLimit: z.object({ perSecond: z.number(), burst: z.number().int() }).strict(),
    authThrottle: z.object({ perSecond: z.number(), burst: z.number().int() }).strict(),
    timeouts: z
      .object({
        headersMs: z.number().int(),
        requestMs: z.number().int(),
        keepAliveMs: z.number().int(),
        idleMs: z.number().int(),
        upgradeMs: z.number().int(),
      })
      .partial()
      .strict(),
    maxConnectionsPerAddress: z.number().int(),
    heartbeatMs: z.number().int(),
    sessionGraceMs: z.number().int(),
    replayBufferSize: z.number().int(),
    replayBufferBytes: z.number().int(),
    userDataLimits: z.object({ maxKeys: z.number().int(), maxValueLength: z.number().int(), maxTotalBytes: z.number().int() }).partial().strict(),
    maxSocketsPerAgent: z.number().int(),
    maxBufferedBytes: z.number().int(),
    staticDirs: z.array(z.object({ dir: z.string(), prefix: z.string() }).strict()),
    toolbarCsp: z
      .object({ frameAncestors: z.array(z.string()), scriptSources: z.array(z.string()) })
      .partial()
      .strict(),
    extensionsPort: z.union([z.number().int(), z.literal(false)]),
    /** The embedded simulator's configuration: a file path (relative to this file) or the object itself. */
    simulator: z.union([z.string(), z.record(z.string(), z.unknown())]),
    simulatorControl: z.boolean(),
    /** The contact center: `{ kind: simulator }` (default) or `{ kind: workspace-api, … }` (docs/workspace-api.md). */
    backend: z.record(z.string(), z.unknown()),
    /** Run as a node of a cluster on Redis (docs/deployment.md). */
    cluster: z
      .object({
        redis: z.union([z.string(), z.record(z.string(), z.unknown())]),
        nodeId: z.string(),
        leaseMs: z.number().int(),
        forwardTimeoutMs: z.number().int(),
        keyPrefix: z.string(),
      })
      .partial()
      .strict(),
    drainTimeoutMs: z.number().int(),
    /** Fusion's trust token, OIDC issuers, the directory, tickets (identity/identity-file.ts; docs/deployment.md § Identity). */
    identity: z.record(z.string(), z.unknown()),
    logLevel,
  })
  .partial()
  .strict();
type ConfigFile = z.infer<typeof configFileSchema>;

export interface ConfigFlags {
  config?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  mode?: string | undefined;
  simConfig?: string | undefined;
  logLevel?: string | undefined;
}

type Settings = Omit<ConfigFile, 'simulator' | 'identity'> & {
  simulatorPath?: string;
  simulatorInline?: Record<string, unknown>;
  identity?: IdentityOptionsInput;
};

function fail(source: string, problem: string): never {
  throw new Error(`${source}: ${problem}`);
}

function integer(source: string, value: string): number {
  if (!/^\d+$/.test(value)) fail(source, `"${value}" is not a whole number`);
  return Number(value);
}

function bool(source: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fail(source, `"${value}" is not true or false`);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `token1=agent1,token2=agent2` → tokens (split at the last `=`, so a token may end in base64 padding). */
function tokenList(source: string, value: string): Array<{ token: string; agentId: string }> {
  return list(value).map((entry) => {
    const separator = entry.lastIndexOf('=');
    if (separator <= 0 || separator === entry.length - 1) fail(source, 'each entry is token=agentId');
    return { token: entry.slice(0, separator), agentId: entry.slice(separator + 1) };
  });
}

async function readConfigFile(path: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return fail(path, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let content: unknown;
  try {
    content = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return fail(path, `not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'} (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = configFileSchema.safeParse(content);
  if (!parsed.success) {
    return fail(path, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  }
  const { simulator, staticDirs, identity, ...rest } = parsed.data;
  const base = dirname(path);
  return {
    ...rest,
    ...(identity ? { identity: await identityFromFile(identity, base, path) } : {}),
    ...(staticDirs ? { staticDirs: staticDirs.map((d) => ({ ...d, dir: resolve(base, d.dir) })) } : {}),
    ...(typeof simulator === 'string' ? { simulatorPath: resolve(base, simulator) } : {}),
    ...(simulator !== undefined && typeof simulator !== 'string' ? { simulatorInline: simulator } : {}),
  };
}

function fromEnv(env: NodeJS.ProcessEnv): Settings {
  const settings: Settings = {};
  const read = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const value = (name: string, apply: (raw: string) => void): void => {
    const raw = read(name);
    if (raw !== undefined) apply(raw);
  };
  value('CTIKIT_PORT', (v) => (settings.port = integer('CTIKIT_PORT', v)));
  value('CTIKIT_HOST', (v) => (settings.host = v));
  value('CTIKIT_MODE', (v) => (settings.mode = v as Settings['mode']));
  value('CTIKIT_TOKENS', (v) => (settings.tokens = tokenList('CTIKIT_TOKENS', v)));
  value('CTIKIT_ALLOWED_ORIGINS', (v) => (settings.allowedOrigins = list(v)));
  value('CTIKIT_TOOLBAR_FRAME_ANCESTORS', (v) => (settings.toolbarCsp = { ...settings.toolbarCsp, frameAncestors: list(v) }));
  value('CTIKIT_SIM_CONFIG', (v) => (settings.simulatorPath = resolve(v)));
  value('CTIKIT_SIM_CONTROL', (v) => (settings.simulatorControl = bool('CTIKIT_SIM_CONTROL', v)));
  value('CTIKIT_BODY_LIMIT', (v) => (settings.bodyLimit = integer('CTIKIT_BODY_LIMIT', v)));
  value('CTIKIT_HEARTBEAT_MS', (v) => (settings.heartbeatMs = integer('CTIKIT_HEARTBEAT_MS', v)));
  value('CTIKIT_SESSION_GRACE_MS', (v) => (settings.sessionGraceMs = integer('CTIKIT_SESSION_GRACE_MS', v)));
  value('CTIKIT_REPLAY_BUFFER_SIZE', (v) => (settings.replayBufferSize = integer('CTIKIT_REPLAY_BUFFER_SIZE', v)));
  value('CTIKIT_REPLAY_BUFFER_BYTES', (v) => (settings.replayBufferBytes = integer('CTIKIT_REPLAY_BUFFER_BYTES', v)));
  value('CTIKIT_MAX_SOCKETS_PER_AGENT', (v) => (settings.maxSocketsPerAgent = integer('CTIKIT_MAX_SOCKETS_PER_AGENT', v)));
  value('CTIKIT_MAX_CONNECTIONS_PER_ADDRESS', (v) => (settings.maxConnectionsPerAddress = integer('CTIKIT_MAX_CONNECTIONS_PER_ADDRESS', v)));
  value('CTIKIT_MAX_BUFFERED_BYTES', (v) => (settings.maxBufferedBytes = integer('CTIKIT_MAX_BUFFERED_BYTES', v)));
  const perSecond = read('CTIKIT_RATE_PER_SECOND');
  const burst = read('CTIKIT_RATE_BURST');
  if (perSecond !== undefined || burst !== undefined) {
    settings.rateLimit = {
      perSecond: perSecond === undefined ? 20 : integer('CTIKIT_RATE_PER_SECOND', perSecond),
      burst: burst === undefined ? 40 : integer('CTIKIT_RATE_BURST', burst),
    };
  }
  value('CTIKIT_REDIS_URL', (v) => (settings.cluster = { ...settings.cluster, redis: v }));
  value('CTIKIT_NODE_ID', (v) => (settings.cluster = { ...settings.cluster, nodeId: v }));
  value('CTIKIT_LEASE_MS', (v) => (settings.cluster = { ...settings.cluster, leaseMs: integer('CTIKIT_LEASE_MS', v) }));
  value('CTIKIT_DRAIN_TIMEOUT_MS', (v) => (settings.drainTimeoutMs = integer('CTIKIT_DRAIN_TIMEOUT_MS', v)));
  value('LOG_LEVEL', (v) => (settings.logLevel = parseLogLevel('LOG_LEVEL', v)));
  return settings;
}

function parseLogLevel(source: string, value: string): z.infer<typeof logLevel> {
  const parsed = logLevel.safeParse(value);
  return parsed.success ? parsed.data : fail(source, `"${value}" is not one of ${logLevel.options.join(', ')}`);
}

function fromFlags(flags: ConfigFlags): Settings {
  return {
    ...(flags.port !== undefined ? { port: integer('--port', flags.port) } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.mode !== undefined ? { mode: flags.mode as Settings['mode'] } : {}),
    ...(flags.simConfig !== undefined ? { simulatorPath: resolve(flags.simConfig) } : {}),
    ...(flags.logLevel !== undefined ? { logLevel: parseLogLevel('--log-level', flags.logLevel) } : {}),
  };
}

/** Merge the file, the environment and the flags into bridge options (the simulator config loaded). */
export async function loadBridgeConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): Promise<BridgeOptionsInput> {
  const configPath = flags.config ?? env['CTIKIT_CONFIG'];
  const file = configPath === undefined ? {} : await readConfigFile(resolve(configPath));
  const environment = fromEnv(env);
  const merged: Settings = { ...file, ...environment, ...fromFlags(flags) };
  if (file.toolbarCsp && environment.toolbarCsp) merged.toolbarCsp = { ...file.toolbarCsp, ...environment.toolbarCsp };
  if (file.cluster && environment.cluster) merged.cluster = { ...file.cluster, ...environment.cluster };
  const signingKeyFile = env['CTIKIT_SIGNING_KEY_FILE'];
  if (signingKeyFile) merged.identity = { ...merged.identity, signingKey: await readText(resolve(signingKeyFile), 'signing key (CTIKIT_SIGNING_KEY_FILE)') };
  const { simulatorPath, simulatorInline, backend: backendSection, cluster, ...options } = merged;
  if (cluster && cluster.redis === undefined) fail(configPath ?? 'environment', 'cluster: redis is required (or set CTIKIT_REDIS_URL)');
  const backend = backendFromSettings(backendSection, env, configPath ?? 'environment');
  // A path given later (env, flag) wins over an inline simulator in the file.
  const simulatorConfig =
    simulatorPath !== undefined ? await loadSimulatorConfig(simulatorPath) : simulatorInline !== undefined ? parseSimulatorConfig(simulatorInline) : undefined;
  return {
    ...options,
    ...(simulatorConfig ? { simulatorConfig } : {}),
    ...(backend ? { backend } : {}),
    ...(cluster ? { cluster: cluster as NonNullable<BridgeOptionsInput['cluster']> } : {}),
  };
}

export interface SimServeFlags {
  port?: string | undefined;
  host?: string | undefined;
  simConfig?: string | undefined;
  logLevel?: string | undefined;
}

/**
 * `ctikit sim serve`'s settings: flags, and from the environment the same variables a node's
 * Workspace API backend reads, so one environment serves both sides: `CTIKIT_WORKSPACE_API_KEY`
 * and `CTIKIT_WORKSPACE_TOKENS` (`token=agentId,…`), both required; `CTIKIT_SIM_CONFIG`.
 */
export async function loadSimServiceConfig(flags: SimServeFlags, env: NodeJS.ProcessEnv = process.env): Promise<SimServiceOptions> {
  const read = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const apiKey = read('CTIKIT_WORKSPACE_API_KEY') ?? fail('CTIKIT_WORKSPACE_API_KEY', 'the Workspace API key the nodes present is required');
  const tokens = tokenList(
    'CTIKIT_WORKSPACE_TOKENS',
    read('CTIKIT_WORKSPACE_TOKENS') ?? fail('CTIKIT_WORKSPACE_TOKENS', "the agents' tokens (token=agentId,…) are required"),
  );
  const simPath = flags.simConfig ?? read('CTIKIT_SIM_CONFIG');
  return {
    apiKey,
    tokens,
    ...(flags.port !== undefined ? { port: integer('--port', flags.port) } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.logLevel !== undefined ? { logLevel: parseLogLevel('--log-level', flags.logLevel) } : {}),
    ...(simPath !== undefined ? { simulatorConfig: await loadSimulatorConfig(resolve(simPath)) } : {}),
  };
}
