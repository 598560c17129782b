import * as z from 'zod/mini';

/**
 * The agent's own Genesys credential, which the toolbar may hand the bridge at `initialize` so that
 * the Workspace API backend opens that agent's session with it (instead of a token from the
 * bridge's configuration). The two ways Genesys Authentication signs an agent in:
 *
 * - `code`: the OAuth authorization code the agent's browser got from Genesys Authentication
 *   (`/auth/v3/oauth/authorize?response_type=code&client_id=…&redirect_uri=…` → sign-in →
 *   `redirect_uri?code=…`), with that redirect URI; `initialize-workspace?code=…&redirect_uri=…`
 *   turns it into a Workspace session, as Workspace Web Edition does.
 * - `bearer`: an OAuth access token, with its expiry (epoch ms) and refresh token when Genesys
 *   Authentication gave them.
 *
 * A secret: the bridge never logs it and never sends it back.
 */
export const genesysCredentialSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('code'),
    code: z.string().check(z.minLength(1)).check(z.maxLength(4096)),
    redirectUri: z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)),
  }),
  z.strictObject({
    kind: z.literal('bearer'),
    token: z.string().check(z.minLength(1)).check(z.maxLength(8192)),
    expiresAt: z.optional(z.int().check(z.positive())),
    refreshToken: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(8192))),
  }),
]);
export type GenesysCredential = z.infer<typeof genesysCredentialSchema>;
