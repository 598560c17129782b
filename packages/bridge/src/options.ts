import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_PORT } from '@ctikit/protocol';
import { systemClock } from '@ctikit/kernel';
import type { Clock } from '@ctikit/kernel';
import type { ContactCenterPort, SimulatorControl } from '@ctikit/contact-center';
import { simulatorConfigSchema } from '@ctikit/contact-center';
import type { TokenVerifier } from './http/access.ts';
import { userDataLimitsSchema } from './commands/user-data-guard.ts';
import { toolbarCspSchema } from './ops/toolbar-csp.ts';
import { timeoutsSchema } from './http/connection-limits.ts';
import { identityOptionsSchema } from './identity/identity-options.ts';
import { backendSelectionSchema, isContactCenterPort, selectsWorkspaceApi } from './backends/backend-selection.ts';

/**
 * The bridge's options, validated once by `createBridge`. Every setting is documented in
 * docs/protocol.md ("Configuration"); config files, environment variables and CLI flags are all
 * turned into this one shape by config-sources.ts.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

function isObjectWith(...methods: string[]) {
  return (value: unknown): boolean =>
    typeof value === 'object' && value !== null && methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');
}

const backendSchema = z.custom<ContactCenterPort>(isObjectWith('agents', 'reasonCodes', 'request', 'subscribe', 'snapshot', 'close'), {
  message: 'backend must implement ContactCenterPort',
});
const simulatorSchema = z.custom<SimulatorControl>(
  isObjectWith('placeCall', 'customerHangup', 'customerAnswer', 'customerRefuse', 'phoneAnswer', 'phoneHangup', 'listAgents', 'listCalls', 'subscribeAll'),
  { message: 'simulator must implement SimulatorControl' },
);
const clockSchema = z.custom<Clock>(isObjectWith('now', 'setTimer'), { message: 'clock must implement Clock' });
/** Where log lines go (one JSON line per `write`); default: standard output. */
export interface LogDestination {
  write(line: string): void;
}
const logDestinationSchema = z.custom<LogDestination>(isObjectWith('write'), { message: 'logDestination must have write(line)' });
const verifierSchema = z.custom<TokenVerifier>((value) => typeof value === 'function', {
  message: 'verifyToken must be a function (token) => Promise<Principal | undefined>',
});

const origin = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/i, 'an origin is scheme://host[:port] with no path')
  .transform((value) => value.toLowerCase());

export const staticDirSchema = z.object({
  /** The folder to serve; skipped when it does not exist. */
  dir: z.string().min(1),
  /** The URL prefix, e.g. `/` or `/toolbar/`. */
  prefix: z.string().regex(/^\/([^/]+\/)*$/, 'a prefix starts and ends with /'),
});
export type StaticDir = z.infer<typeof staticDirSchema>;

/** Where the toolbar's pages are served; they get the toolbar's Content-Security-Policy (ops/toolbar-csp.ts). */
export const TOOLBAR_PREFIX = '/toolbar/';

const DEFAULT_STATIC_DIRS: StaticDir[] = [
  { dir: fileURLToPath(new URL('../../simulators/dist', import.meta.url)), prefix: '/' },
  { dir: fileURLToPath(new URL('../../toolbar/dist', import.meta.url)), prefix: TOOLBAR_PREFIX },
];

/** The second origin's pages: the sample web extension (simulators) and the Service Client API script. */
const DEFAULT_EXTENSION_DIRS: StaticDir[] = [
  { dir: fileURLToPath(new URL('../../simulators/dist', import.meta.url)), prefix: '/' },
  { dir: fileURLToPath(new URL('../../service-client/dist', import.meta.url)), prefix: '/service-client/' },
];

export const bridgeOptionsSchema = z
  .object({
    port: z.number().int().min(0).max(65535).default(DEFAULT_PORT),
    /** Default: 127.0.0.1 in dev mode, 0.0.0.0 in production. */
    host: z.string().min(1).optional(),
    mode: z.enum(['dev', 'production']).default('dev'),
    /**
     * The contact center: a port instance, or which one to open (`{ kind: 'simulator' }`, the default,
     * built from `simulatorConfig`, or `{ kind: 'workspace-api', … }`, see docs/workspace-api.md).
     */
    backend: z.union([backendSchema, backendSelectionSchema]).optional(),
    /** The simulator's control side, for `/sim/*`; set automatically for the embedded simulator. */
    simulator: simulatorSchema.optional(),
    simulatorConfig: simulatorConfigSchema.optional(),
    /** Serve `/sim/*`. Default: on in dev mode, off in production. */
    simulatorControl: z.boolean().optional(),
    /** Static bearer tokens, each naming the agent it signs in. */
    tokens: z.array(z.object({ token: z.string().min(16, 'a token is at least 16 characters'), agentId: z.string().min(1) })).default([]),
    /** A pluggable verifier, tried after the static tokens. */
    verifyToken: verifierSchema.optional(),
    /** Signed tokens the bridge accepts (Fusion's trust token, OIDC) and the directory of their users; its socket tickets. */
    identity: identityOptionsSchema.prefault({}),
    allowedOrigins: z.array(origin).default([]),
    bodyLimit: z
      .number()
      .int()
      .positive()
      .default(16 * 1024),
    rateLimit: z.object({ perSecond: z.number().positive(), burst: z.number().int().positive() }).default({ perSecond: 20, burst: 40 }),
    /** Failed sign-ins per client address: `burst` at once, then `perSecond`; past it, `429 RATE_LIMITED`. */
    authThrottle: z.object({ perSecond: z.number().positive(), burst: z.number().int().positive() }).default({ perSecond: 1, burst: 10 }),
    /** How long a client may take to send its headers, its body, an upgrade; idle keep-alive (http/connection-limits.ts). */
    timeouts: timeoutsSchema,
    /** Open connections one client address may hold; `0` is no cap (behind a proxy). */
    maxConnectionsPerAddress: z.number().int().nonnegative().default(128),
    heartbeatMs: z.number().int().positive().default(15_000),
    sessionGraceMs: z.number().int().nonnegative().default(120_000),
    replayBufferSize: z.number().int().positive().default(1_000),
    /** UTF-8 bytes of frames each session keeps for resume; the oldest go first. */
    replayBufferBytes: z
      .number()
      .int()
      .positive()
      .default(256 * 1024),
    /** Bounds on a call's user data (keys, value length, total JSON bytes). */
    userDataLimits: userDataLimitsSchema,
    maxSocketsPerAgent: z.number().int().positive().default(8),
    /** A socket whose unsent bytes pass this bound is closed with 1013 (the client resumes). */
    maxBufferedBytes: z
      .number()
      .int()
      .positive()
      .default(1024 * 1024),
    staticDirs: z.array(staticDirSchema).default(DEFAULT_STATIC_DIRS),
    /** The toolbar pages' Content-Security-Policy: Fusion's origins (`frameAncestors`) and extra script origins. */
    toolbarCsp: toolbarCspSchema,
    /**
     * A second origin that serves `extensionStaticDirs` only, for web extensions the toolbar frames
     * (ops/second-origin.ts). Default: the port after `port` in dev mode (when `port` is fixed);
     * none in production or with `false`.
     */
    extensionsPort: z.union([z.number().int().min(0).max(65535), z.literal(false)]).optional(),
    extensionStaticDirs: z.array(staticDirSchema).default(DEFAULT_EXTENSION_DIRS),
    /**
     * Run as one node of a cluster sharing one Redis (docs/deployment.md): sessions, sequence numbers
     * and the replay buffer live in Redis, each agent's backend session is owned by one node under a
     * lease. `redis` is a `redis://` URL or ioredis options (Sentinel, TLS…), passed through.
     */
    cluster: z
      .object({
        redis: z.union([z.string().regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL'), z.record(z.string(), z.unknown())]),
        /** This node's name in the cluster (logs, leases). Default: a random id per process. */
        nodeId: z.string().min(1).max(64).optional(),
        /** An agent's lease: how long a dead node holds its agents before another takes them over. */
        leaseMs: z.number().int().min(300).default(5_000),
        /** How long a command forwarded to the agent's node may take. */
        forwardTimeoutMs: z.number().int().positive().default(15_000),
        keyPrefix: z.string().min(1).default('ctikit:'),
      })
      .strict()
      .optional(),
    /** SIGTERM: how long the commands in flight may take before the sockets are closed anyway. */
    drainTimeoutMs: z.number().int().nonnegative().default(10_000),
    clock: clockSchema.default(systemClock),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    logDestination: logDestinationSchema.optional(),
  })
  .superRefine((options, ctx) => {
    if (options.mode === 'production') {
      if (options.tokens.length === 0 && !options.verifyToken && !options.identity.fusion && options.identity.oidc.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['tokens'],
          message: 'production mode needs tokens, a trusted issuer (identity.fusion, identity.oidc) or a verifyToken function',
        });
      }
      if (options.allowedOrigins.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['allowedOrigins'], message: 'production mode needs an origin allow-list' });
      }
    } else if (options.host !== undefined && !LOOPBACK_HOSTS.has(options.host)) {
      ctx.addIssue({ code: 'custom', path: ['host'], message: 'dev mode has no authentication and binds loopback only; use mode production' });
    }
    if (options.simulator && !isContactCenterPort(options.backend)) {
      ctx.addIssue({ code: 'custom', path: ['simulator'], message: 'a simulator control needs the backend it controls' });
    }
    if (options.cluster && (options.backend === undefined || (!isContactCenterPort(options.backend) && options.backend.kind === 'simulator'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['cluster'],
        message: 'the nodes of a cluster share one contact center: select the workspace-api backend (e.g. ctikit sim serve)',
      });
    }
    if (options.cluster && options.identity.signingKey === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['identity', 'signingKey'],
        message: 'the nodes of a cluster sign with one key: configure identity.signingKeyFile (or CTIKIT_SIGNING_KEY_FILE)',
      });
    }
    if (options.simulatorConfig && (isContactCenterPort(options.backend) || selectsWorkspaceApi(options.backend))) {
      ctx.addIssue({ code: 'custom', path: ['simulatorConfig'], message: 'simulatorConfig is for the embedded simulator only' });
    }
  });

export type BridgeOptionsInput = z.input<typeof bridgeOptionsSchema>;
export type BridgeOptions = z.output<typeof bridgeOptionsSchema>;

/** Options after defaults that depend on other options are applied. */
export interface ResolvedBridgeOptions extends Omit<BridgeOptions, 'host' | 'simulatorControl' | 'extensionsPort'> {
  host: string;
  simulatorControl: boolean;
  /** The second origin's port, if there is one. */
  extensionsPort: number | undefined;
}

export function resolveBridgeOptions(input: BridgeOptionsInput): ResolvedBridgeOptions {
  const result = bridgeOptionsSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid bridge options:\n  ${problems.join('\n  ')}`);
  }
  const options = result.data;
  const production = options.mode === 'production';
  return {
    ...options,
    host: options.host ?? (production ? '0.0.0.0' : '127.0.0.1'),
    // The Workspace API has no simulator behind it to control.
    simulatorControl: options.simulatorControl ?? (!production && !selectsWorkspaceApi(options.backend)),
    extensionsPort:
      options.extensionsPort === false ? undefined : (options.extensionsPort ?? (!production && options.port !== 0 ? options.port + 1 : undefined)),
  };
}
