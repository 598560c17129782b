import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { CtiError, SOCKET_PATH } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { AgentIdentity } from './agent-identity.ts';
import type { SigningKey } from './signing-key.ts';

/**
 * One-time socket tickets, so no long-lived token travels in a WebSocket URL (where proxies and
 * logs keep it). `POST /genesys/ticket`, authenticated like any command, answers a JWT signed with
 * the bridge's key: the agent, its DN, when the bearer token behind it expires, and a `jti`; it is
 * good for `ticketTtlSec` and for one upgrade (`/genesysWs?ticket=…`). A second use, an expired
 * ticket or another key's gets TICKET_INVALID. Spent tickets are remembered until they expire, in
 * this process (`MemorySpentTickets`) or, in a cluster, in Redis (`ClusterStore.spendTicket`), so a
 * ticket replayed to another node behind the load balancer is refused as well.
 */
export const TICKET_ISSUER = 'ctikit-bridge';
const TICKET_TYPE = 'ctikit-ticket+jwt';

const ticketClaimsSchema = z.object({
  sub: z.string().min(1),
  jti: z.string().min(1),
  exp: z.number(),
  dn: z.string().min(1),
  /** Epoch seconds of the bearer token's own `exp`: the socket closes then (TOKEN_EXPIRED). */
  tokenExp: z.number().optional(),
});

export interface IssuedTicket {
  ticket: string;
  expiresInSec: number;
}

/** Where spent tickets are remembered until they expire. */
export interface SpentTickets {
  /** Mark the ticket spent; false when it was spent already. */
  spend(jti: string, expiresAt: number): Promise<boolean>;
}

/** One process's spent tickets. */
export class MemorySpentTickets implements SpentTickets {
  /** jti → epoch ms of its ticket's expiry; kept until then, so a replay within its life is refused. */
  private readonly used = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async spend(jti: string, expiresAt: number): Promise<boolean> {
    const now = this.clock.now();
    for (const [id, until] of this.used) if (until <= now) this.used.delete(id);
    if (this.used.has(jti)) return false;
    this.used.set(jti, expiresAt);
    return true;
  }
}

export class SocketTickets {
  constructor(
    private readonly key: SigningKey,
    private readonly ttlSec: number,
    private readonly clock: Clock,
    private readonly spent: SpentTickets,
  ) {}

  async issue(identity: AgentIdentity): Promise<IssuedTicket> {
    const now = Math.floor(this.clock.now() / 1000);
    const claims = { dn: identity.dn, ...(identity.expiresAt !== undefined ? { tokenExp: Math.floor(identity.expiresAt / 1000) } : {}) };
    const ticket = await new SignJWT(claims)
      .setProtectedHeader({ alg: this.key.alg, kid: await this.key.kid(), typ: TICKET_TYPE })
      .setIssuer(TICKET_ISSUER)
      .setAudience(SOCKET_PATH)
      .setSubject(identity.agentId)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSec)
      .sign(this.key.privateKey);
    return { ticket, expiresInSec: this.ttlSec };
  }

  /** The identity a ticket was issued for; the ticket is spent. */
  async redeem(ticket: string): Promise<AgentIdentity> {
    let claims: z.infer<typeof ticketClaimsSchema>;
    try {
      const { payload } = await jwtVerify(ticket, this.key.publicKey, {
        issuer: TICKET_ISSUER,
        audience: SOCKET_PATH,
        typ: TICKET_TYPE,
        algorithms: [this.key.alg],
        currentDate: new Date(this.clock.now()),
      });
      claims = ticketClaimsSchema.parse(payload);
    } catch {
      throw new CtiError('TICKET_INVALID', 'The socket ticket is expired, malformed or not signed by this bridge.');
    }
    if (!(await this.spent.spend(claims.jti, claims.exp * 1000))) throw new CtiError('TICKET_INVALID', 'The socket ticket was used already.');
    return { agentId: claims.sub, dn: claims.dn, expiresAt: claims.tokenExp !== undefined ? claims.tokenExp * 1000 : undefined };
  }
}
