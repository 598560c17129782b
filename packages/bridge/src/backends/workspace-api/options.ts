import { z } from 'zod';
import type { Clock } from '@ctikit/kernel';
import { authClientSchema } from './workspace-credential.ts';
import type { GenesysCredential } from '@ctikit/protocol';

/**
 * The Workspace API backend's configuration: the `backend` section of the bridge's config file
 * (`kind: workspace-api`), validated by zod, plus what only code can pass (a token source, a clock,
 * a logger). docs/workspace-api.md describes every setting.
 */
const workspaceApiAgentSchema = z
  .object({
    agentId: z.string().min(1).max(64),
    dn: z.string().min(1).max(64),
    name: z.string().min(1).max(128).optional(),
    /**
     * The agent's OAuth bearer token for the Workspace API (static; a `tokenSource` may replace it).
     * Without any, the agent signs in from the toolbar, which hands its credential at `initialize`.
     */
    token: z.string().min(1).optional(),
  })
  .strict();

export const workspaceApiConfigSchema = z
  .object({
    kind: z.literal('workspace-api'),
    /** The Workspace API's origin, e.g. `https://api.example.genesys.com`; `/workspace/v3` is appended. */
    apiUrl: z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i, 'apiUrl is an http(s) URL')
      .transform((url) => url.replace(/\/+$/, '')),
    apiKey: z.string().min(1),
    /** The integrator's OAuth client at Genesys Authentication: lets the backend refresh expired bearer tokens. */
    auth: authClientSchema.optional(),
    agents: z.array(workspaceApiAgentSchema).min(1),
    /** Not-ready reason codes offered to the agents. */
    reasonCodes: z.array(z.object({ code: z.string().min(1).max(64), label: z.string().min(1).max(128) }).strict()).default([]),
    /** How long a request waits for the Workspace API's answer and its outcome notification. */
    requestTimeoutMs: z.number().int().positive().default(10_000),
    /** Reconnect backoff after a lost session: doubles from the initial delay up to the maximum. */
    reconnect: z
      .object({ initialDelayMs: z.number().int().positive().default(1_000), maxDelayMs: z.number().int().positive().default(30_000) })
      .strict()
      .default({ initialDelayMs: 1_000, maxDelayMs: 30_000 }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const ids = new Set(config.agents.map((agent) => agent.agentId));
    const dns = new Set(config.agents.map((agent) => agent.dn));
    if (ids.size !== config.agents.length) ctx.addIssue({ code: 'custom', path: ['agents'], message: 'agentIds must be unique' });
    if (dns.size !== config.agents.length) ctx.addIssue({ code: 'custom', path: ['agents'], message: 'DNs must be unique' });
  });

export type WorkspaceApiConfigInput = z.input<typeof workspaceApiConfigSchema>;
export type WorkspaceApiConfig = z.output<typeof workspaceApiConfigSchema>;

/** Where the backend logs: a pino or Fastify logger fits. */
export interface BackendLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

export interface WorkspaceApiBackendOptions extends Omit<WorkspaceApiConfigInput, 'kind'> {
  /**
   * The agent's credential (authorization code or bearer token, workspace-credential.ts), asked for
   * on every (re)initialisation; wins over `tokenSource` and a static `token`.
   */
  credentialSource?: (agentId: string) => GenesysCredential | Promise<GenesysCredential>;
  /** The agent's current bearer token, asked for on every (re)initialisation; wins over a static `token`. */
  tokenSource?: (agentId: string) => string | Promise<string>;
  /** Timers (request timeout, reconnect backoff); default the system clock. */
  clock?: Clock;
  log?: BackendLog;
}
