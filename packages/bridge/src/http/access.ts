import { createHash } from 'node:crypto';
import { CtiError } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { AgentEntry, ContactCenterPort } from '@ctikit/contact-center';
import type { FastifyBaseLogger } from 'fastify';
import type { RateLimiter } from '../commands/rate-limiter.ts';
import { AgentDirectory } from '../identity/agent-directory.ts';
import type { AgentIdentity } from '../identity/agent-identity.ts';
import type { IdentityOptions } from '../identity/identity-options.ts';
import type { IssuedTicket, SocketTickets } from '../identity/socket-tickets.ts';
import { TrustedIssuers } from '../identity/trusted-issuers.ts';

/**
 * Who is calling, and from where. One object answers both questions for REST calls and socket
 * upgrades alike:
 *
 * - Origins: a request without `Origin` (not a browser) passes; in dev mode any loopback origin
 *   passes; otherwise the origin must be on the allow-list. The `Host` header never vouches for an
 *   origin (a DNS-rebound page sends a matching pair).
 * - Host, dev mode: only loopback host names are served, so a page on a rebound name
 *   (`evil.example` resolving to 127.0.0.1) reaches nothing.
 * - Identity, production: a bearer token (`Authorization` header) decides the agent; nothing the
 *   client names overrides it. A token is a static one, a JWT of a trusted issuer (Fusion's trust
 *   token, an OIDC provider's; identity/), mapped to its agent by the directory, or one the
 *   `verifyToken` hook accepts. A socket presents a one-time ticket instead (`ticket=`), which the
 *   bridge issued for a bearer token (identity/socket-tickets.ts). Failed sign-ins (a token or a
 *   ticket that is not valid) are throttled per client address (`authThrottle`): past the burst, the
 *   address gets `429 RATE_LIMITED` until its bucket refills, whatever it sends, so credentials
 *   cannot be guessed at full speed.
 * - Identity, dev: no credentials; the first configured agent unless `X-Agent-Id` / `agentId`
 *   (or `X-Agent-DN` / `dn`) names another configured one.
 */

export interface Principal {
  agentId: string;
  /** Epoch ms when the token stops being valid, if it does. */
  expiresAt?: number | undefined;
}

/** Resolves a bearer token to the agent it signs in, or `undefined` when the token is not valid. */
export type TokenVerifier = (token: string) => Promise<Principal | undefined>;

export interface Credentials {
  /** The client's address, for the failed sign-in throttle. */
  address?: string | undefined;
  token?: string | undefined;
  /** A socket ticket from `POST /genesys/ticket`. */
  ticket?: string | undefined;
  agentId?: string | undefined;
  dn?: string | undefined;
}

export interface AccessOptions {
  mode: 'dev' | 'production';
  tokens: ReadonlyArray<{ token: string; agentId: string }>;
  verifyToken?: TokenVerifier | undefined;
  identity: IdentityOptions;
  allowedOrigins: readonly string[];
  backend: ContactCenterPort;
  /** Failed sign-ins per address (production); an empty bucket refuses with `429 RATE_LIMITED`. */
  authThrottle: RateLimiter;
  /** The one-time socket tickets, signed with the bridge's key (identity/socket-tickets.ts). */
  tickets: SocketTickets;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** The refusals a guesser of tokens or tickets gets: they count against the address's throttle. */
const GUESSABLE_FAILURES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'TOKEN_INVALID', 'TICKET_INVALID']);

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The host name of a `Host` header (`name:port`, `[v6]:port`), lower-cased. */
export function hostnameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

export class AccessControl {
  private readonly allowedOrigins: ReadonlySet<string>;
  /** sha256(token) → agentId, so the tokens themselves are not kept in memory as map keys. */
  private readonly staticTokens: ReadonlyMap<string, string>;
  /** The contact center's agents, read once at start: by agentId and by DN, and the dev-mode default. */
  private readonly agentsById: ReadonlyMap<string, AgentEntry>;
  private readonly agentsByDn: ReadonlyMap<string, AgentEntry>;
  private readonly defaultAgent: AgentEntry | undefined;
  private readonly issuers: TrustedIssuers;
  private readonly directory: AgentDirectory;

  constructor(private readonly options: AccessOptions) {
    this.allowedOrigins = new Set(options.allowedOrigins.map((o) => o.toLowerCase()));
    this.staticTokens = new Map(options.tokens.map((t) => [digest(t.token), t.agentId]));
    const agents = options.backend.agents();
    this.agentsById = new Map(agents.map((a) => [a.agentId, a]));
    this.agentsByDn = new Map(agents.map((a) => [a.dn, a]));
    this.defaultAgent = agents[0];
    this.issuers = new TrustedIssuers(options.identity, options.clock);
    this.directory = new AgentDirectory(options.identity.directory, agents);
    for (const { agentId } of options.tokens) {
      if (!this.agentsById.has(agentId)) throw new Error(`A configured token names agent "${agentId}", which the contact center does not know.`);
    }
  }

  get production(): boolean {
    return this.options.mode === 'production';
  }

  isOriginAllowed(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    const normalized = origin.toLowerCase();
    if (this.allowedOrigins.has(normalized)) return true;
    if (this.production) return false;
    let url: URL;
    try {
      url = new URL(normalized);
    } catch {
      return false;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
  }

  assertOrigin(origin: string | undefined): void {
    if (!this.isOriginAllowed(origin)) throw new CtiError('ORIGIN_NOT_ALLOWED');
  }

  /** Dev mode serves loopback host names only (DNS rebinding); production leaves Host to the deployment. */
  assertHost(host: string | undefined): void {
    if (this.production || host === undefined) return;
    if (!isLoopbackHostname(hostnameOf(host))) {
      throw new CtiError('HOST_NOT_ALLOWED', `Dev mode serves loopback host names only, not ${JSON.stringify(hostnameOf(host).slice(0, 64))}.`);
    }
  }

  async identify(credentials: Credentials): Promise<AgentIdentity> {
    if (!this.production && credentials.ticket === undefined) return this.identifyInDev(credentials);
    const address = credentials.address ?? 'unknown';
    const { authThrottle, log } = this.options;
    if (!authThrottle.has(address)) {
      log.debug({ remoteAddress: address }, 'sign-in refused: throttled');
      throw new CtiError('RATE_LIMITED', 'Too many failed sign-ins from this address: retry shortly.');
    }
    try {
      return credentials.ticket !== undefined ? await this.options.tickets.redeem(credentials.ticket) : await this.identifyByToken(credentials.token);
    } catch (error) {
      if (error instanceof CtiError && GUESSABLE_FAILURES.has(error.code)) {
        authThrottle.take(address);
        if (!authThrottle.has(address)) log.warn({ remoteAddress: address }, 'failed sign-ins throttled for this address');
      }
      throw error;
    }
  }

  /** A one-time socket ticket for an identified agent. */
  issueTicket(identity: AgentIdentity): Promise<IssuedTicket> {
    return this.options.tickets.issue(identity);
  }

  private async identifyByToken(token: string | undefined): Promise<AgentIdentity> {
    if (token === undefined) throw new CtiError('UNAUTHENTICATED');
    const staticAgent = this.staticTokens.get(digest(token));
    if (staticAgent !== undefined) return toIdentity(this.known(this.agentsById.get(staticAgent), staticAgent));
    const claimedIssuer = this.issuers.size > 0 ? TrustedIssuers.claimedIssuer(token) : undefined;
    if (claimedIssuer !== undefined && (this.issuers.trusts(claimedIssuer) || !this.options.verifyToken)) {
      return this.identifyByJwt(token, claimedIssuer);
    }
    const principal = await this.options.verifyToken?.(token);
    if (principal === undefined) throw new CtiError('UNAUTHENTICATED', 'The bearer token is not valid.');
    return { ...toIdentity(this.known(this.agentsById.get(principal.agentId), principal.agentId)), expiresAt: principal.expiresAt };
  }

  private async identifyByJwt(token: string, claimedIssuer: string): Promise<AgentIdentity> {
    const verified = await this.issuers.verify(token, claimedIssuer);
    const { agentId } = this.directory.find(verified);
    const agent = this.agentsById.get(agentId);
    if (!agent)
      throw new CtiError('AGENT_NOT_IN_DIRECTORY', `The token maps to agent ${JSON.stringify(agentId.slice(0, 64))}, which the contact center does not know.`);
    return { ...toIdentity(agent), expiresAt: verified.expiresAt };
  }

  private identifyInDev({ agentId, dn }: Credentials): AgentIdentity {
    if (agentId !== undefined) {
      const agent = this.known(this.agentsById.get(agentId), agentId);
      if (dn !== undefined && dn !== agent.dn) {
        throw new CtiError('DN_NOT_CONFIGURED', `DN ${dn} is not the DN of agent ${agentId}.`);
      }
      return toIdentity(agent);
    }
    if (dn !== undefined) return toIdentity(this.known(this.agentsByDn.get(dn), `with DN ${dn}`));
    return toIdentity(this.known(this.defaultAgent, '(the contact center has none)'));
  }

  private known(agent: AgentEntry | undefined, description: string): AgentEntry {
    if (!agent) throw new CtiError('DN_NOT_CONFIGURED', `No agent ${description} is configured.`);
    return agent;
  }
}

function toIdentity(agent: AgentEntry): AgentIdentity {
  return { agentId: agent.agentId, dn: agent.dn };
}
