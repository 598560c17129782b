import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';

/**
 * A local token issuer for tests, with keys generated here: it signs RS256 JWTs (shaped like
 * Fusion's trust token, or an OIDC provider's), and serves its OIDC discovery document and JWKS
 * over real HTTP on a free loopback port. `certificate()` is a self-signed X.509 certificate of
 * its key (made by the system's openssl), as Fusion's signing certificate is configured.
 */
export interface LocalIssuer {
  /** `http://127.0.0.1:port`, also the OIDC issuer identifier. */
  readonly url: string;
  readonly jwksUrl: string;
  /** A signed JWT: `claims` over defaults (`iat` now, `exp` now + `expiresInSec`, `iss` this issuer's `issuer`). */
  sign(claims: JWTPayload, options?: { nowMs?: number; expiresInSec?: number; kid?: string }): Promise<string>;
  publicKeyPem(): Promise<string>;
  certificate(): Promise<string>;
  /** How many times the JWKS and the discovery document were fetched. */
  readonly fetches: { jwks: number; discovery: number };
  close(): Promise<void>;
}

export interface LocalIssuerOptions {
  /** The `iss` it signs with; default: its own URL (an OIDC issuer). Fusion's is `www.oracle.com`. */
  issuer?: string;
  kid?: string;
  /** The clock tests run the bridge on (epoch ms), for `iat`/`exp`. */
  now?: () => number;
}

export async function startLocalIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = options.kid ?? 'trustservice';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const fetches = { jwks: 0, discovery: 0 };
  let url = '';
  const server = createServer((request, response) => {
    if (request.url === '/.well-known/openid-configuration') {
      fetches.discovery += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (request.url === '/jwks') {
      fetches.jwks += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = options.issuer ?? url;
  const now = options.now ?? (() => Date.now());
  return {
    url,
    jwksUrl: `${url}/jwks`,
    fetches,
    sign: (claims, signOptions = {}) => signWith(privateKey, { iss: issuer, ...claims }, { kid, ...signOptions, nowMs: signOptions.nowMs ?? now() }),
    publicKeyPem: () => exportSPKI(publicKey),
    certificate: () => selfSignedCertificate(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A JWT signed by any RS256 key: `exp` defaults to an hour after `nowMs`. */
export async function signWith(key: CryptoKey, claims: JWTPayload, options: { nowMs: number; expiresInSec?: number; kid?: string }): Promise<string> {
  const now = Math.floor(options.nowMs / 1000);
  return new SignJWT({ iat: now, exp: now + (options.expiresInSec ?? 3600), ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(options.kid !== undefined ? { kid: options.kid } : {}) })
    .sign(key);
}

/** An RS256 key that no issuer trusts. */
export async function strayKey(): Promise<CryptoKey> {
  return (await generateKeyPair('RS256')).privateKey;
}

async function selfSignedCertificate(privateKey: CryptoKey): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ctikit-issuer-'));
  try {
    const keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, await exportPKCS8(privateKey), { mode: 0o600 });
    return execFileSync('openssl', ['req', '-new', '-x509', '-key', keyFile, '-subj', '/CN=ctikit test Fusion trust service', '-days', '2'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
