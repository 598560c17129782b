import { CtiError, TOKEN_EXPIRED_CLOSE_CODE } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { FastifyBaseLogger } from 'fastify';
import type { AgentSessions } from '../sessions/agent-sessions.ts';
import { toCtiError } from '../http/errors.ts';
import { CLOSE_TRY_AGAIN_LATER } from './socket-channel.ts';
import type { SocketEndpoint } from './socket-gateway.ts';

/**
 * `GET /genesysWs`: the agent's event stream. The socket joins the agent's session (opening it if
 * needed) and is brought up to date per the resume rules (SessionOpened, then replay, Snapshot or
 * nothing). An agent may have several sockets (two tabs), up to `maxSocketsPerAgent` per process.
 * A socket whose credentials expire is closed then with 4401 (TOKEN_EXPIRED); the session stays,
 * so the client signs in again and resumes with nothing missed.
 */
export function agentSocketEndpoint(sessions: AgentSessions, maxSocketsPerAgent: number, clock: Clock, log: FastifyBaseLogger): SocketEndpoint {
  return {
    admit({ identity, query }) {
      const { expiresAt } = identity;
      if (expiresAt !== undefined && expiresAt <= clock.now()) throw new CtiError('TOKEN_EXPIRED', 'The token behind this ticket has expired.');
      if (sessions.socketsOf(identity.agentId) >= maxSocketsPerAgent) {
        throw new CtiError('RATE_LIMITED', `An agent may have at most ${maxSocketsPerAgent} sockets open.`);
      }
      return (channel, ws) => {
        const joined = sessions.attach(identity, channel, { sessionId: query.sessionId, resumeFrom: query.resumeFrom });
        const expiry =
          expiresAt === undefined
            ? undefined
            : clock.setTimer(expiresAt - clock.now(), () => {
                log.info({ agentId: identity.agentId }, 'agent socket credentials expired: closing it');
                channel.close(TOKEN_EXPIRED_CLOSE_CODE, 'TOKEN_EXPIRED');
              });
        ws.on('close', (code) => {
          expiry?.cancel();
          void joined.then(
            (attached) => {
              attached.detach();
              log.info(
                { agentId: identity.agentId, sessionId: attached.sessionId, code, sockets: sessions.socketsOf(identity.agentId) },
                'agent socket closed',
              );
            },
            () => undefined,
          );
        });
        joined.then(
          (attached) => {
            log.info(
              { agentId: identity.agentId, sessionId: attached.sessionId, resume: attached.resume, sockets: sessions.socketsOf(identity.agentId) },
              'agent socket opened',
            );
          },
          (error: unknown) => {
            const cause = toCtiError(error);
            log.warn({ agentId: identity.agentId, code: cause.code }, `agent socket could not join its session: ${cause.message}`);
            channel.close(CLOSE_TRY_AGAIN_LATER, cause.code);
          },
        );
      };
    },
  };
}
