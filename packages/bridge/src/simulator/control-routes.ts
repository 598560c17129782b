import { z } from 'zod';
import { userDataSchema } from '@ctikit/protocol';
import type { OutboundCampaigns, SimulatorControl } from '@ctikit/contact-center';
import type { FastifyPluginAsync } from 'fastify';
import type { AccessControl } from '../http/access.ts';
import { apiAccessHook, registerPreflightRoutes } from '../http/request-context.ts';
import { wallClockMs } from '../sessions/frames.ts';
import type { SocketEndpoint } from '../sockets/socket-gateway.ts';

/**
 * The simulator control API (`/sim/*`): what the world outside the agent desktop does — a customer
 * calls, hangs up, answers or refuses; the agent's softphone answers or hangs up. Served in dev
 * mode, or in production only when enabled. docs/simulator-control.md is its reference.
 */

const number = z.string().min(1).max(64);
const connectionParams = z.object({ connectionId: z.string().min(1).max(64) });
const phoneParams = z.object({ dn: number });
const placeCallBody = z.object({ from: number, to: number, userData: z.optional(userDataSchema) });
const refuseBody = z.object({ reason: z.enum(['busy', 'noAnswer']) });
const phoneBody = z.object({ connectionId: z.string().min(1).max(64).optional() }).nullish();

export interface ControlRoutesOptions {
  access: AccessControl;
  simulator: SimulatorControl;
  /** The simulator's outbound campaigns, listed at `GET /sim/outbound/records`. */
  campaigns?: OutboundCampaigns | undefined;
}

const OK = { ok: true } as const;

export const simulatorControlRoutes: FastifyPluginAsync<ControlRoutesOptions> = async (app, { access, simulator, campaigns }) => {
  app.addHook('onRequest', apiAccessHook(access, ['GET', 'POST']));
  registerPreflightRoutes(app, ['/sim/*']);

  app.post<{ Body: z.output<typeof placeCallBody> }>('/sim/calls', { schema: { body: placeCallBody } }, async (request, reply) => {
    const { from, to, userData } = request.body;
    return reply.code(201).send(simulator.placeCall({ from, to, ...(userData ? { userData } : {}) }));
  });

  app.post<{ Params: z.output<typeof connectionParams> }>('/sim/calls/:connectionId/hangup', { schema: { params: connectionParams } }, async (request) => {
    simulator.customerHangup(request.params.connectionId);
    return OK;
  });

  app.post<{ Params: z.output<typeof connectionParams> }>('/sim/calls/:connectionId/answer', { schema: { params: connectionParams } }, async (request) => {
    simulator.customerAnswer(request.params.connectionId);
    return OK;
  });

  app.post<{ Params: z.output<typeof connectionParams>; Body: z.output<typeof refuseBody> }>(
    '/sim/calls/:connectionId/refuse',
    { schema: { params: connectionParams, body: refuseBody } },
    async (request) => {
      simulator.customerRefuse(request.params.connectionId, request.body.reason);
      return OK;
    },
  );

  app.post<{ Params: z.output<typeof phoneParams>; Body: z.output<typeof phoneBody> }>(
    '/sim/phones/:dn/answer',
    { schema: { params: phoneParams, body: phoneBody } },
    async (request) => {
      simulator.phoneAnswer(request.params.dn, request.body?.connectionId);
      return OK;
    },
  );

  app.post<{ Params: z.output<typeof phoneParams>; Body: z.output<typeof phoneBody> }>(
    '/sim/phones/:dn/hangup',
    { schema: { params: phoneParams, body: phoneBody } },
    async (request) => {
      simulator.phoneHangup(request.params.dn, request.body?.connectionId);
      return OK;
    },
  );

  app.get('/sim/agents', async () => ({ agents: simulator.listAgents() }));
  app.get('/sim/calls', async () => ({ calls: simulator.listCalls() }));
  app.get('/sim/outbound/records', async () => ({ records: campaigns?.list() ?? [] }));
};

/** `GET /sim/events`: every simulator event, customer side included, for the demo's phone panel. */
export function simulatorEventsEndpoint(simulator: SimulatorControl): SocketEndpoint {
  return {
    admit() {
      return (channel, ws) => {
        const unsubscribe = simulator.subscribeAll((event) => channel.send(JSON.stringify({ ...event, timestamp: wallClockMs() })));
        ws.on('close', unsubscribe);
      };
    },
  };
}
