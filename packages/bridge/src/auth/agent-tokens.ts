import { SignJWT } from 'jose';
import { AGENT_TOKEN_PATH, type AgentTokenResult } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AccessControl } from '../http/access.ts';
import { apiAccessHook, registerPreflightRoutes } from '../http/request-context.ts';
import type { SigningKey } from '../identity/signing-key.ts';

/**
 * Tokens that name the agent to the web extensions' own servers (the Service Client API's
 * `auth.getJwtToken`): the bridge signs a short-lived JWT for the signed-in agent with its signing
 * key (identity/signing-key.ts, published at `GET /.well-known/jwks.json`), so a server verifies a
 * token with any JOSE library and no secret.
 *
 * - `POST /genesys/agentToken` (the caller authenticated as for commands) → `{ ok, token, expiresIn }`;
 * - the token: header `{ alg, kid }` (the signing key's), claims `iss` (the bridge),
 *   `aud: "ctikit-extensions"`, `sub` (the agentId), `dn`, `iat`, `exp` (iat + `AGENT_TOKEN_TTL_SEC`).
 */
export const AGENT_TOKEN_AUDIENCE = 'ctikit-extensions';
export const AGENT_TOKEN_ISSUER = 'ctikit-bridge';
export const AGENT_TOKEN_TTL_SEC = 300;

async function issueAgentToken(key: SigningKey, clock: Clock, agent: { agentId: string; dn: string }): Promise<AgentTokenResult> {
  const issuedAt = Math.floor(clock.now() / 1000);
  const token = await new SignJWT({ dn: agent.dn })
    .setProtectedHeader({ alg: key.alg, kid: await key.kid() })
    .setIssuer(AGENT_TOKEN_ISSUER)
    .setAudience(AGENT_TOKEN_AUDIENCE)
    .setSubject(agent.agentId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + AGENT_TOKEN_TTL_SEC)
    .sign(key.privateKey);
  return { ok: true, token, expiresIn: AGENT_TOKEN_TTL_SEC };
}

export interface AgentTokenRoutesOptions {
  access: AccessControl;
  signingKey: SigningKey;
  clock: Clock;
}

export const agentTokenRoutes: FastifyPluginAsync<AgentTokenRoutesOptions> = async (app, { access, signingKey, clock }) => {
  app.addHook('onRequest', apiAccessHook(access, ['POST']));
  registerPreflightRoutes(app, [AGENT_TOKEN_PATH]);
  app.post(AGENT_TOKEN_PATH, async (request: FastifyRequest) => {
    const agent = request.agent as NonNullable<FastifyRequest['agent']>;
    request.log.info({ agentId: agent.agentId }, 'agent token issued');
    return issueAgentToken(signingKey, clock, agent);
  });
};
