import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { JWK } from 'jose';

/**
 * The bridge's one signing key, for every token it issues: the socket tickets (socket-tickets.ts)
 * and the agent tokens of the Service Client API's `auth.getJwtToken` (auth/agent-tokens.ts).
 * Configured (`identity.signingKey`, a PKCS#8 PEM, ES256 on P-256 or RS256; required in a cluster,
 * where every node signs with the same key) or generated when the bridge starts. Its public half is
 * published at `/.well-known/jwks.json` (identity-routes.ts), named by its JWK thumbprint (`kid`).
 */
export class SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly alg: 'ES256' | 'RS256';
  readonly generated: boolean;
  private readonly publicJwk: Promise<JWK>;

  constructor(pem?: string) {
    this.generated = pem === undefined;
    this.privateKey = pem === undefined ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey : createPrivateKey(pem);
    this.publicKey = createPublicKey(this.privateKey);
    this.alg = algorithmOf(this.privateKey);
    const jwk = this.publicKey.export({ format: 'jwk' }) as JWK;
    this.publicJwk = calculateJwkThumbprint(jwk).then((kid) => ({ ...jwk, kid, alg: this.alg, use: 'sig' }));
  }

  jwk(): Promise<JWK> {
    return this.publicJwk;
  }

  async kid(): Promise<string> {
    return (await this.publicJwk).kid as string;
  }
}

function algorithmOf(key: KeyObject): 'ES256' | 'RS256' {
  if (key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('identity.signingKey must be an RSA key of 2048 bits or more, or an EC key on P-256');
}
