import * as z from 'zod/mini';

/**
 * How the Fusion simulator signs its trust token, from `trust-token.json` beside its page (a test
 * writes its own) when the page is opened with `trustToken=signed`: the key is the file's, never a
 * parameter of the page's URL, which any page framing it could set. Otherwise the simulator hands out
 * the unsigned dev token `simulated-fa-trust-token.<agentId>`, which only a dev-mode bridge ignores.
 *
 * | key          | default          | meaning                                            |
 * |--------------|------------------|----------------------------------------------------|
 * | `privateKey` | —                | the signing key, PKCS#8 PEM (RSA, 2048 bits or more) |
 * | `issuer`     | `www.oracle.com` | the token's `iss`                                  |
 * | `ttlSec`     | `3600`           | how long each token is good for                    |
 */
export const trustTokenSettingsSchema = z.object({
  privateKey: z.string().check(z.includes('-----BEGIN PRIVATE KEY-----')),
  issuer: z._default(z.string().check(z.minLength(1), z.maxLength(256)), 'www.oracle.com'),
  ttlSec: z._default(z.number().check(z.int(), z.minimum(2), z.maximum(86_400)), 3600),
});
export type TrustTokenSettings = z.infer<typeof trustTokenSettingsSchema>;

export const TRUST_TOKEN_FILE = 'trust-token.json';

/** The page's trust-token settings, from the file beside it; a page asked to sign without one fails to start, saying why. */
export async function readTrustTokenSettings(pageUrl: string): Promise<TrustTokenSettings> {
  const url = new URL(TRUST_TOKEN_FILE, pageUrl);
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  const parsed = trustTokenSettingsSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url.pathname}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
