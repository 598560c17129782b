import { createRemoteJWKSet, decodeJwt, errors, importSPKI, importX509, jwtVerify } from 'jose';
import type { CryptoKey, JWTPayload, JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { CtiError } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { IdentityOptions } from './identity-options.ts';

/**
 * The issuers whose JWTs the bridge accepts: Fusion (its trust token, checked against a configured
 * certificate or JWKS) and OIDC providers (found by discovery, checked against their JWKS). The
 * token's unverified `iss` only picks which issuer checks it; signature, issuer, audience, `exp`,
 * `nbf` (with `clockSkewSec`) and the algorithm are then verified by jose. Refusals are catalog
 * errors: TOKEN_EXPIRED, TOKEN_INVALID, IDENTITY_PROVIDER_UNAVAILABLE.
 */

/** A verified token: who it names and until when it is good. */
export interface VerifiedToken {
  issuer: string;
  user: string;
  claims: JWTPayload;
  /** Epoch ms when the bridge stops accepting the token: `exp` plus the clock skew allowed. */
  expiresAt: number | undefined;
}

type KeySource = CryptoKey | JWTVerifyGetKey;

interface TrustedIssuer {
  readonly issuer: string;
  readonly audience: string | undefined;
  readonly userClaims: readonly string[];
  readonly algorithms: readonly string[];
  key(): Promise<KeySource>;
}

/** Asymmetric JWS algorithms only: an HMAC "signature" with a public key as secret is refused. */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const FETCH_TIMEOUT_MS = 5_000;

const discoverySchema = z.object({ issuer: z.string().min(1), jwks_uri: z.url({ protocol: /^https?$/ }) });

/** A promise made once and kept, unless it failed: the next call tries again. */
function retriedOnFailure<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

function unavailable(what: string, cause: unknown): CtiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new CtiError('IDENTITY_PROVIDER_UNAVAILABLE', `${what}: ${detail.slice(0, 200)}`);
}

async function discoverJwks(issuer: string): Promise<JWTVerifyGetKey> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = await response.json();
  } catch (error) {
    throw unavailable(`OIDC discovery at ${url} failed`, error);
  }
  const parsed = discoverySchema.safeParse(document);
  if (!parsed.success) throw unavailable(`OIDC discovery at ${url}`, 'the document has no valid issuer and jwks_uri');
  if (parsed.data.issuer !== issuer) throw unavailable(`OIDC discovery at ${url}`, `the document names issuer ${parsed.data.issuer}`);
  return createRemoteJWKSet(new URL(parsed.data.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS });
}

function fusionIssuer(fusion: NonNullable<IdentityOptions['fusion']>): TrustedIssuer {
  const { certificate, jwksUrl } = fusion;
  const key =
    certificate !== undefined
      ? retriedOnFailure<KeySource>(() => (certificate.includes('BEGIN CERTIFICATE') ? importX509(certificate, 'RS256') : importSPKI(certificate, 'RS256')))
      : retriedOnFailure<KeySource>(async () => createRemoteJWKSet(new URL(jwksUrl as string), { timeoutDuration: FETCH_TIMEOUT_MS }));
  return { issuer: fusion.issuer, audience: fusion.audience, userClaims: fusion.userClaims, algorithms: ['RS256'], key };
}

function oidcIssuer(oidc: IdentityOptions['oidc'][number]): TrustedIssuer {
  return {
    issuer: oidc.issuer,
    audience: oidc.audience,
    userClaims: oidc.userClaims,
    algorithms: OIDC_ALGORITHMS,
    key: retriedOnFailure(() => discoverJwks(oidc.issuer)),
  };
}

/** jose's refusals → catalog errors; the message says which check failed, never the token. */
function refusal(error: unknown, issuer: string): CtiError {
  if (error instanceof CtiError) return error;
  if (error instanceof errors.JWTExpired) return new CtiError('TOKEN_EXPIRED', `The token from ${issuer} expired.`);
  if (error instanceof errors.JWTClaimValidationFailed)
    return new CtiError('TOKEN_INVALID', `The token's "${error.claim}" claim is not accepted (${error.reason}).`);
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return unavailable(`The JWKS of ${issuer}`, error);
  if (error instanceof errors.JOSEError) return new CtiError('TOKEN_INVALID', `The token is not signed by a key of ${issuer} (${error.code}).`);
  return unavailable(`Verifying a token of ${issuer}`, error);
}

export class TrustedIssuers {
  private readonly issuers: ReadonlyMap<string, TrustedIssuer>;

  constructor(
    private readonly options: IdentityOptions,
    private readonly clock: Clock,
  ) {
    const list = [...(options.fusion ? [fusionIssuer(options.fusion)] : []), ...options.oidc.map(oidcIssuer)];
    this.issuers = new Map(list.map((issuer) => [issuer.issuer, issuer]));
  }

  get size(): number {
    return this.issuers.size;
  }

  trusts(issuer: string): boolean {
    return this.issuers.has(issuer);
  }

  /** The issuer a compact JWT claims, or undefined when the text is not a JWT at all. */
  static claimedIssuer(token: string): string | undefined {
    try {
      return decodeJwt(token).iss ?? '';
    } catch {
      return undefined;
    }
  }

  async verify(token: string, claimedIssuer: string): Promise<VerifiedToken> {
    const issuer = this.issuers.get(claimedIssuer);
    if (!issuer) throw new CtiError('TOKEN_INVALID', `The token's issuer ${JSON.stringify(claimedIssuer.slice(0, 128))} is not trusted.`);
    let claims: JWTPayload;
    try {
      const key = await issuer.key();
      const verifyOptions = {
        issuer: issuer.issuer,
        algorithms: [...issuer.algorithms],
        clockTolerance: this.options.clockSkewSec,
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['exp'],
        ...(issuer.audience !== undefined ? { audience: issuer.audience } : {}),
      };
      claims = (typeof key === 'function' ? await jwtVerify(token, key, verifyOptions) : await jwtVerify(token, key, verifyOptions)).payload;
    } catch (error) {
      throw refusal(error, issuer.issuer);
    }
    const user = issuer.userClaims.map((claim) => claims[claim]).find((value): value is string => typeof value === 'string' && value.length > 0);
    if (user === undefined) throw new CtiError('TOKEN_INVALID', `The token names no user (${issuer.userClaims.join(', ')}).`);
    const expiresAt = typeof claims.exp === 'number' ? (claims.exp + this.options.clockSkewSec) * 1000 : undefined;
    return { issuer: issuer.issuer, user, claims, expiresAt };
  }
}
