import { CtiError, OUTBOUND_PATH, outboundRequestSchema, type OutboundOperationName, type OutboundRequest, type OutboundRequestOf } from '@ctikit/protocol';
import { OutboundCampaigns } from '@ctikit/contact-center';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AccessControl } from '../http/access.ts';
import { apiAccessHook, registerPreflightRoutes } from '../http/request-context.ts';

/**
 * `POST /genesys/outbound`: the caller's agent works the outbound campaigns of the contact center
 * (docs/protocol.md § Outbound campaigns). One operation per request, always as the authenticated
 * agent: the campaigns answer UNKNOWN_RECORD for a record that is not that agent's. A backend without
 * campaigns (the Genesys Workspace API backend) answers UNSUPPORTED_OPERATION.
 */
export interface OutboundRoutesOptions {
  access: AccessControl;
  /** The embedded simulator's campaigns; none on other backends. */
  campaigns: OutboundCampaigns | undefined;
}

/** The campaigns of the first of `candidates` that is the embedded simulator (the backend, or the simulator option). */
export function campaignsOf(...candidates: unknown[]): OutboundCampaigns | undefined {
  for (const candidate of candidates) {
    const outbound = typeof candidate === 'object' && candidate !== null ? (candidate as { outbound?: unknown }).outbound : undefined;
    if (outbound instanceof OutboundCampaigns) return outbound;
  }
  return undefined;
}

type Handler<O extends OutboundOperationName> = (campaigns: OutboundCampaigns, agentId: string, request: OutboundRequestOf<O>) => unknown;

const OPERATIONS: { [O in OutboundOperationName]: Handler<O> } = {
  getCampaigns: (campaigns, agentId) => campaigns.campaigns(agentId),
  getCallResults: (campaigns) => campaigns.callResults(),
  getPreviewRecord: (campaigns, agentId, { campaignName }) => campaigns.previewRecord(agentId, campaignName) ?? null,
  getRecord: (campaigns, agentId, { recordHandle }) => campaigns.record(agentId, recordHandle),
  getChainedRecords: (campaigns, agentId, { recordHandle }) => campaigns.chainedRecords(agentId, recordHandle),
  callRecord: (campaigns, agentId, { recordHandle }) => campaigns.callRecord(agentId, recordHandle),
  rejectRecord: (campaigns, agentId, { recordHandle }) => campaigns.reject(agentId, recordHandle),
  cancelRecord: (campaigns, agentId, { recordHandle }) => campaigns.cancel(agentId, recordHandle),
  rescheduleRecord: (campaigns, agentId, { recordHandle, at, callbackType }) => campaigns.reschedule(agentId, recordHandle, at, callbackType),
  cancelReschedule: (campaigns, agentId, { recordHandle }) => campaigns.cancelReschedule(agentId, recordHandle),
  setCallResult: (campaigns, agentId, { recordHandle, callResult }) => campaigns.setCallResult(agentId, recordHandle, callResult),
  updateRecordFields: (campaigns, agentId, { recordHandle, fields }) => campaigns.updateFields(agentId, recordHandle, fields),
  setDoNotCall: (campaigns, agentId, { recordHandle }) => campaigns.setDoNotCall(agentId, recordHandle),
  removeDoNotCall: (campaigns, agentId, { recordHandle }) => campaigns.removeDoNotCall(agentId, recordHandle),
  markProcessed: (campaigns, agentId, { recordHandle }) => campaigns.markProcessed(agentId, recordHandle),
  startPushPreview: (campaigns, agentId) => campaigns.startPushPreview(agentId),
  stopPushPreview: (campaigns, agentId) => campaigns.stopPushPreview(agentId),
};

function run(campaigns: OutboundCampaigns, agentId: string, request: OutboundRequest): unknown {
  const handler = OPERATIONS[request.operation] as Handler<OutboundOperationName>;
  return handler(campaigns, agentId, request);
}

export const outboundRoutes: FastifyPluginAsync<OutboundRoutesOptions> = async (app, { access, campaigns }) => {
  app.addHook('onRequest', apiAccessHook(access, ['POST']));
  registerPreflightRoutes(app, [OUTBOUND_PATH]);
  app.post<{ Body: OutboundRequest }>(
    OUTBOUND_PATH,
    { schema: { body: outboundRequestSchema } },
    async (request: FastifyRequest<{ Body: OutboundRequest }>) => {
      const agent = request.agent as NonNullable<FastifyRequest['agent']>;
      if (!campaigns) throw new CtiError('UNSUPPORTED_OPERATION', 'This contact center has no outbound campaigns.');
      const data = run(campaigns, agent.agentId, request.body);
      request.log.info({ agentId: agent.agentId, operation: request.body.operation }, 'outbound operation');
      return { ok: true, operation: request.body.operation, data };
    },
  );
};
