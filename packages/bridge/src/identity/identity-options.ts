import { z } from 'zod';

/**
 * The `identity` option: which signed tokens the bridge accepts in production and how their users
 * map to agents (docs/deployment.md § Identity).
 *
 * - `fusion`: Fusion's trust token (getConfigurationOperation's `faTrustToken`), an RS256 JWT with
 *   `iss` (`www.oracle.com` by default), `prn`/`sub` (the Fusion user), `iat` and `exp`; verified
 *   against Fusion's signing certificate (PEM) or a JWKS URL.
 * - `oidc`: any OpenID Connect provider, found by discovery (`{issuer}/.well-known/openid-configuration`)
 *   and verified against its JWKS; the audience is required.
 * - `directory`: the Fusion or OIDC user → the agent (agent id, DN, the vendor login); or
 *   `agentIdClaim`, a claim of the token that names the agent id directly.
 * - `tickets`: the one-time socket tickets the bridge signs with its own key (`signingKey`, a PKCS#8
 *   PEM; generated at start when absent) and publishes at `/.well-known/jwks.json`.
 */

const claimName = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'a claim name');

export const fusionIssuerSchema = z
  .object({
    issuer: z.string().min(1).default('www.oracle.com'),
    /** Checked when set (Fusion's trust token usually has no `aud`). */
    audience: z.string().min(1).optional(),
    /** Fusion's signing certificate (`-----BEGIN CERTIFICATE-----`) or public key (`-----BEGIN PUBLIC KEY-----`). */
    certificate: z.string().includes('-----BEGIN ').optional(),
    jwksUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** The claims naming the Fusion user, first present wins. */
    userClaims: z.array(claimName).min(1).default(['prn', 'sub']),
  })
  .strict()
  .refine((fusion) => (fusion.certificate === undefined) !== (fusion.jwksUrl === undefined), {
    message: 'identity.fusion needs exactly one of certificate and jwksUrl',
  });

export const oidcIssuerSchema = z
  .object({
    /** The issuer identifier, exactly as the provider's discovery document and tokens say it. */
    issuer: z.url({ protocol: /^https?$/ }),
    audience: z.string().min(1),
    userClaims: z.array(claimName).min(1).default(['preferred_username', 'sub']),
  })
  .strict();

export const directoryEntrySchema = z
  .object({
    /** The user as the token names it (Fusion's `prn`, an OIDC `preferred_username`). */
    user: z.string().min(1).max(256),
    agentId: z.string().min(1).max(64),
    /** The agent's DN (place); when given it must be the contact center's DN for the agent. */
    dn: z.string().min(1).max(64).optional(),
    /** The agent's login at the vendor (Genesys employee id / user name), for support and logs. */
    login: z.string().min(1).max(256).optional(),
  })
  .strict();
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const identityOptionsSchema = z
  .object({
    fusion: fusionIssuerSchema.optional(),
    oidc: z.array(oidcIssuerSchema).default([]),
    directory: z
      .object({
        agents: z.array(directoryEntrySchema).default([]),
        /** A claim whose value is the agent id (the identity provider maps users itself). */
        agentIdClaim: claimName.optional(),
      })
      .strict()
      .default({ agents: [] }),
    /** Accepted difference between the bridge's clock and the issuer's, for `exp`, `nbf` and `iat`. */
    clockSkewSec: z.number().int().min(0).max(600).default(60),
    /** How long a socket ticket may wait to be used. */
    ticketTtlSec: z.number().int().min(1).max(300).default(30),
    /** The bridge's own signing key, PKCS#8 PEM (ES256 or RS256). Every node of a cluster needs the same one. */
    signingKey: z.string().includes('-----BEGIN PRIVATE KEY-----').optional(),
  })
  .strict()
  .superRefine((identity, ctx) => {
    const users = new Set<string>();
    for (const [index, entry] of identity.directory.agents.entries()) {
      if (users.has(entry.user))
        ctx.addIssue({ code: 'custom', path: ['directory', 'agents', index, 'user'], message: `user "${entry.user}" is listed twice` });
      users.add(entry.user);
    }
    const trusted = identity.fusion !== undefined || identity.oidc.length > 0;
    const mapped = identity.directory.agents.length > 0 || identity.directory.agentIdClaim !== undefined;
    if (trusted && !mapped) ctx.addIssue({ code: 'custom', path: ['directory'], message: 'a trusted issuer needs a directory (agents or agentIdClaim)' });
  });

export type IdentityOptionsInput = z.input<typeof identityOptionsSchema>;
export type IdentityOptions = z.output<typeof identityOptionsSchema>;
