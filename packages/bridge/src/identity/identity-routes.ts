import { JWKS_PATH, TICKET_PATH } from '@ctikit/protocol';
import type { SocketTicketResult } from '@ctikit/protocol';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AccessControl } from '../http/access.ts';
import { apiAccessHook, registerPreflightRoutes } from '../http/request-context.ts';
import type { SigningKey } from './signing-key.ts';

export interface IdentityRoutesOptions {
  access: AccessControl;
  signingKey: SigningKey;
}

/**
 * `POST /genesys/ticket`: a one-time socket ticket for the caller's agent (authenticated like a
 * command). `GET /.well-known/jwks.json`: the public half of the key the bridge signs its tickets
 * and agent tokens with, as a JWK Set, for anyone who wants to check them.
 */
export const identityRoutes: FastifyPluginAsync<IdentityRoutesOptions> = async (app, { access, signingKey }) => {
  app.get(JWKS_PATH, async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=300');
    return { keys: [await signingKey.jwk()] };
  });

  await app.register(async (scope) => {
    scope.addHook('onRequest', apiAccessHook(access, ['POST']));
    registerPreflightRoutes(scope, [TICKET_PATH]);
    scope.post(TICKET_PATH, async (request): Promise<SocketTicketResult> => {
      const agent = request.agent as NonNullable<FastifyRequest['agent']>;
      const issued = await access.issueTicket(agent);
      request.log.info({ agentId: agent.agentId, expiresInSec: issued.expiresInSec }, 'socket ticket issued');
      return { ok: true, ...issued };
    });
  });
};
