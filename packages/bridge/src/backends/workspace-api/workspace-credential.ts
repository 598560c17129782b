import { z } from 'zod';
import { CtiError } from '@ctikit/protocol';
import type { GenesysCredential } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';

/** The integrator's OAuth client registered with Genesys Authentication (needed to refresh tokens). */
export const authClientSchema = z
  .object({
    /** Genesys Authentication's origin; default the Workspace API's. */
    url: z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i, 'auth.url is an http(s) URL')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
  })
  .strict();
export type AuthClient = z.infer<typeof authClientSchema>;

const tokenReplySchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});

/** Refresh a little before the expiry the server gave, so a session is never opened with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The credential to open a session with now (the two kinds: `genesysCredentialSchema` in the protocol): a bearer token that has expired (or is about to) is
 * refreshed first when it can be; one that cannot be refreshed is sent as it is and the Workspace
 * API's 401 says the rest (UNAUTHENTICATED).
 */
export async function currentCredential(
  credential: GenesysCredential,
  auth: { apiUrl: string; client?: AuthClient | undefined; clock: Clock; timeoutMs: number },
): Promise<GenesysCredential> {
  if (credential.kind !== 'bearer' || credential.expiresAt === undefined || credential.refreshToken === undefined || !auth.client) return credential;
  if (credential.expiresAt - EXPIRY_MARGIN_MS > auth.clock.now()) return credential;
  const { client } = auth;
  const url = `${client.url ?? auth.apiUrl}/auth/v3/oauth/token`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.refreshToken }).toString(),
      signal: AbortSignal.timeout(auth.timeoutMs),
    });
  } catch (error) {
    throw new CtiError('BACKEND_UNAVAILABLE', `Cannot reach Genesys Authentication at ${url}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    throw new CtiError('UNAUTHENTICATED', `Genesys Authentication refused to refresh the agent's token (HTTP ${response.status}).`);
  }
  const reply = tokenReplySchema.safeParse(response.ok ? await response.json().catch(() => undefined) : undefined);
  if (!reply.success) throw new CtiError('BACKEND_UNAVAILABLE', `Genesys Authentication answered the token refresh with HTTP ${response.status} and no token.`);
  return {
    kind: 'bearer',
    token: reply.data.access_token,
    ...(reply.data.expires_in !== undefined ? { expiresAt: auth.clock.now() + reply.data.expires_in * 1000 } : {}),
    refreshToken: reply.data.refresh_token ?? credential.refreshToken,
  };
}
