import { CtiError } from '@ctikit/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { AgentSessions } from '../sessions/agent-sessions.ts';
import { toCtiError } from '../http/errors.ts';
import { CLOSE_TRY_AGAIN_LATER } from './socket-channel.ts';
import type { SocketEndpoint } from './socket-gateway.ts';


/**
 * `GET /genesysWs`: the agent's event stream. The socket joins the agent's session (opening it if
 * needed) and is brought up to date per the resume rules (SessionOpened, then replay, Snapshot or
 * nothing). An agent may have several sockets (two tabs), up to `maxSocketsPerAgent` per process.
 */
export function agentSocketEndpoint(sessions: AgentSessions, maxSocketsPerAgent: number, log: FastifyBaseLogger): SocketEndpoint {
  return {
    admit({ identity, query }) {
      if (sessions.socketsOf(identity.agentId) >= maxSocketsPerAgent) {
        throw new CtiError('RATE_LIMITED', `An agent may have at most ${maxSocketsPerAgent} sockets open.`);
      }
      return (channel, ws) => {
        const joined = sessions.attach(identity, channel, { sessionId: query.sessionId, resumeFrom: query.resumeFrom });
        ws.on('close', (code) => {
          void joined.then(
            (attached) => {
              attached.detach();
              log.info({ agentId: identity.agentId, sessionId: attached.sessionId, code, sockets: sessions.socketsOf(identity.agentId) }, 'agent socket closed');
            },
            () => undefined,
          );
        });
        joined.then(
          (attached) => {
            log.info({ agentId: identity.agentId, sessionId: attached.sessionId, resume: attached.resume, sockets: sessions.socketsOf(identity.agentId) }, 'agent socket opened');
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
