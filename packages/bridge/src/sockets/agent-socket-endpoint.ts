import { CtiError, TOKEN_EXPIRED_CLOSE_CODE } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { FastifyBaseLogger } from 'fastify';
import type { SessionRegistry } from '../sessions/session-registry.ts';
import type { SocketEndpoint } from './socket-gateway.ts';

/**
 * `GET /genesysWs`: the agent's event stream. The socket joins the agent's session (opening it if
 * needed) and is brought up to date per the resume rules (SessionOpened, then replay, Snapshot or
 * nothing). An agent may have several sockets (two tabs), up to `maxSocketsPerAgent`. A socket
 * whose credentials expire is closed then with 4401 (TOKEN_EXPIRED); the session stays, so the
 * client signs in again and resumes with nothing missed.
 */
export function agentSocketEndpoint(registry: SessionRegistry, maxSocketsPerAgent: number, clock: Clock, log: FastifyBaseLogger): SocketEndpoint {
  return {
    admit({ identity, query }) {
      const { expiresAt } = identity;
      if (expiresAt !== undefined && expiresAt <= clock.now()) throw new CtiError('TOKEN_EXPIRED', 'The token behind this ticket has expired.');
      if ((registry.get(identity.agentId)?.socketCount ?? 0) >= maxSocketsPerAgent) {
        throw new CtiError('RATE_LIMITED', `An agent may have at most ${maxSocketsPerAgent} sockets open.`);
      }
      return (channel, ws) => {
        const session = registry.open(identity);
        const resume = registry.attach(session, channel, { sessionId: query.sessionId, resumeFrom: query.resumeFrom });
        const context = { agentId: session.agentId, sessionId: session.sessionId };
        log.info({ ...context, resume, sockets: session.socketCount }, 'agent socket opened');
        const expiry =
          expiresAt === undefined
            ? undefined
            : clock.setTimer(expiresAt - clock.now(), () => {
                log.info(context, 'agent socket credentials expired: closing it');
                channel.close(TOKEN_EXPIRED_CLOSE_CODE, 'TOKEN_EXPIRED');
              });
        ws.on('close', (code) => {
          expiry?.cancel();
          registry.detach(session, channel);
          log.info({ ...context, code, sockets: session.socketCount }, 'agent socket closed');
        });
      };
    },
  };
}
