import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { AGENT_TOKEN_PATH, JWKS_PATH, type AgentTokenResult } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AccessControl } from '../http/access.ts';
import { apiAccessHook, registerPreflightRoutes } from '../http/request-context.ts';

/**
 * Tokens that name the agent to the web extensions' own servers (the Service Client API's
 * `auth.getJwtToken`): the bridge signs a short-lived JWT for the signed-in agent with a key it
 * makes at start (ES256, never leaves the process), and publishes the public half at
 * `GET /.well-known/jwks.json`, so a server verifies a token with any JOSE library and no secret.
 *
 * - `POST /genesys/agentToken` (the caller authenticated as for commands) → `{ ok, token, expiresIn }`;
 * - the token: header `{ alg: "ES256", kid }`, claims `iss` (the bridge), `aud: "ctikit-extensions"`,
 *   `sub` (the agentId), `dn`, `iat`, `exp` (iat + `AGENT_TOKEN_TTL_SEC`).
 */
export const AGENT_TOKEN_AUDIENCE = 'ctikit-extensions';
export const AGENT_TOKEN_ISSUER = 'ctikit-bridge';
export const AGENT_TOKEN_TTL_SEC = 300;

export interface AgentTokenIssuer {
  issue(agent: { agentId: string; dn: string }): Promise<AgentTokenResult>;
  jwks(): { keys: JWK[] };
}

export async function createAgentTokenIssuer(clock: Clock): Promise<AgentTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = globalThis.crypto.randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    async issue(agent) {
      const issuedAt = Math.floor(clock.now() / 1000);
      const token = await new SignJWT({ dn: agent.dn })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(AGENT_TOKEN_ISSUER)
        .setAudience(AGENT_TOKEN_AUDIENCE)
        .setSubject(agent.agentId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + AGENT_TOKEN_TTL_SEC)
        .sign(privateKey);
      return { ok: true, token, expiresIn: AGENT_TOKEN_TTL_SEC };
    },
    jwks: () => ({ keys: [jwk] }),
  };
}

export interface AgentTokenRoutesOptions {
  access: AccessControl;
  clock: Clock;
}

/** The key is made when the plugin registers, before the bridge listens. */
export const agentTokenRoutes: FastifyPluginAsync<AgentTokenRoutesOptions> = async (app, { access, clock }) => {
  const issuer = await createAgentTokenIssuer(clock);
  app.get(JWKS_PATH, async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=300');
    return issuer.jwks();
  });
  await app.register(async (scope) => {
    scope.addHook('onRequest', apiAccessHook(access, ['POST']));
    registerPreflightRoutes(scope, [AGENT_TOKEN_PATH]);
    scope.post(AGENT_TOKEN_PATH, async (request: FastifyRequest) => {
      const agent = request.agent as NonNullable<FastifyRequest['agent']>;
      request.log.info({ agentId: agent.agentId }, 'agent token issued');
      return issuer.issue(agent);
    });
  });
};
