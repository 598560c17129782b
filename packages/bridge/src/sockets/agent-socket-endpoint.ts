import { CtiError } from '@ctikit/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { SessionRegistry } from '../sessions/session-registry.ts';
import type { SocketEndpoint } from './socket-gateway.ts';

/**
 * `GET /genesysWs`: the agent's event stream. The socket joins the agent's session (opening it if
 * needed) and is brought up to date per the resume rules (SessionOpened, then replay, Snapshot or
 * nothing). An agent may have several sockets (two tabs), up to `maxSocketsPerAgent`.
 */
export function agentSocketEndpoint(registry: SessionRegistry, maxSocketsPerAgent: number, log: FastifyBaseLogger): SocketEndpoint {
  return {
    admit({ identity, query }) {
      if ((registry.get(identity.agentId)?.socketCount ?? 0) >= maxSocketsPerAgent) {
        throw new CtiError('RATE_LIMITED', `An agent may have at most ${maxSocketsPerAgent} sockets open.`);
      }
      return (channel, ws) => {
        const session = registry.open(identity);
        const resume = registry.attach(session, channel, { sessionId: query.sessionId, resumeFrom: query.resumeFrom });
        const context = { agentId: session.agentId, sessionId: session.sessionId };
        log.info({ ...context, resume, sockets: session.socketCount }, 'agent socket opened');
        ws.on('close', (code) => {
          registry.detach(session, channel);
          log.info({ ...context, code, sockets: session.socketCount }, 'agent socket closed');
        });
      };
    },
  };
}
