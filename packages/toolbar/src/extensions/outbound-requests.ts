import { z } from '../platform/schema.ts';
import type { OutboundRequest } from '../core/outbound.ts';
import {
  answer,
  interactionIdSchema,
  noParameters,
  refuse,
  userDataSchema,
  withParameters,
  type Answer,
  type RequestContext,
  type RequestTable,
} from './requests.ts';

/**
 * The outbound namespace: Genesys' operations on the records of the agent's outbound campaigns,
 * through the workspace to the vendor's campaigns. Genesys names a record by the interaction that
 * carries it: the id given is a call of the agent's whose userData has `GSW_RECORD_HANDLE`, or the
 * record's handle itself (`"1"`, as Genesys' sample writes it). `callPreviewRecord` dials the record
 * as `voice.dial` does, with the record attached. Direct push preview starts and stops the pushing
 * of the agent's push preview campaigns (their records then come on the `outbound` topic as
 * PreviewRecord events).
 */

const recordSchema = z.object({ recordHandle: z.number(), fields: z.record(z.string(), z.union([z.string(), z.number()])), callResult: z.number() });

/** The record handle an id names: a call carrying a record, else the handle as a number. */
function recordHandleOf(id: string, { workspace }: RequestContext): number | undefined {
  const call = workspace.model.interactions.find((interaction) => interaction.eventId === id);
  const handle = call ? Number(call.userData['GSW_RECORD_HANDLE']) : /^[0-9]{1,9}$/.test(id) ? Number(id) : Number.NaN;
  return Number.isInteger(handle) && handle > 0 ? handle : undefined;
}

type OnRecord = Extract<OutboundRequest, { recordHandle: number }>;

async function onRecord(
  id: string,
  context: RequestContext,
  request: (recordHandle: number) => OnRecord,
  data: (answered: unknown) => unknown = () => null,
): Promise<Answer> {
  const recordHandle = recordHandleOf(id, context);
  if (recordHandle === undefined) return refuse('UNKNOWN_RECORD', `${id} is neither an outbound call of the agent's nor a record handle.`);
  return answer(await context.workspace.outbound(request(recordHandle)), (outcome) => data(outcome.data));
}

const record = (answered: unknown) => recordSchema.parse(answered);
const id = z.tuple([interactionIdSchema]);

/** Genesys' sample writes the reschedule time as `M/D/YYYY H:m` (the agent's local time). */
function rescheduleTime(text: string): number | undefined {
  const parts = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{1,2})$/.exec(text.trim());
  const at = parts ? new Date(Number(parts[3]), Number(parts[1]) - 1, Number(parts[2]), Number(parts[4]), Number(parts[5])).getTime() : Date.parse(text);
  return Number.isFinite(at) ? at : undefined;
}

const callbackTypeSchema = z.pipe(
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((value) => value.toUpperCase()),
    ),
    z.enum(['PERSONAL', 'CAMPAIGN']),
  ),
  z.transform((value) => (value === 'PERSONAL' ? ('Personal' as const) : ('Campaign' as const))),
);

export const outboundRequests: RequestTable = {
  'outbound.getCampaigns': withParameters(noParameters, async (_none, { workspace }) =>
    answer(await workspace.outbound({ operation: 'getCampaigns' }), (outcome) => outcome.data),
  ),
  'outbound.getListOfCallResults': withParameters(noParameters, async (_none, { workspace }) =>
    answer(await workspace.outbound({ operation: 'getCallResults' }), (outcome) => outcome.data),
  ),
  'outbound.getPreviewRecord': withParameters(z.tuple([z.string().check(z.minLength(1)).check(z.maxLength(128))]), async ([campaignName], { workspace }) =>
    answer(await workspace.outbound({ operation: 'getPreviewRecord', campaignName }), (outcome) => outcome.data),
  ),
  'outbound.getChainedRecords': withParameters(id, ([recordId], context) =>
    onRecord(
      recordId,
      context,
      (recordHandle) => ({ operation: 'getChainedRecords', recordHandle }),
      (data) => data,
    ),
  ),
  'outbound.getRecordFields': withParameters(id, ([recordId], context) =>
    onRecord(
      recordId,
      context,
      (recordHandle) => ({ operation: 'getRecord', recordHandle }),
      (data) => record(data).fields,
    ),
  ),
  'outbound.updateRecordFields': withParameters(z.tuple([interactionIdSchema, userDataSchema]), ([recordId, fields], context) =>
    onRecord(
      recordId,
      context,
      (recordHandle) => ({ operation: 'updateRecordFields', recordHandle, fields }),
      (data) => record(data).fields,
    ),
  ),
  'outbound.callPreviewRecord': withParameters(
    z.tuple([interactionIdSchema, z.optional(z.int().check(z.positive()))]),
    async ([recordId, chained], context) => {
      const recordHandle = chained ?? recordHandleOf(recordId, context);
      if (recordHandle === undefined) return refuse('UNKNOWN_RECORD', `${recordId} is neither an outbound call of the agent's nor a record handle.`);
      return answer(await context.workspace.callRecord(recordHandle, context.host.newEventId()), (outcome) => ({ interactionId: outcome.eventId }));
    },
  ),
  'outbound.rejectPreviewRecord': withParameters(id, ([recordId], context) =>
    onRecord(recordId, context, (recordHandle) => ({ operation: 'rejectRecord', recordHandle })),
  ),
  'outbound.cancelPreviewRecord': withParameters(id, ([recordId], context) =>
    onRecord(recordId, context, (recordHandle) => ({ operation: 'cancelRecord', recordHandle })),
  ),
  'outbound.startDirectPushPreview': withParameters(noParameters, async (_none, { workspace }) =>
    answer(await workspace.outbound({ operation: 'startPushPreview' }), (outcome) => outcome.data),
  ),
  'outbound.stopDirectPushPreview': withParameters(noParameters, async (_none, { workspace }) =>
    answer(await workspace.outbound({ operation: 'stopPushPreview' }), (outcome) => outcome.data),
  ),
  'outbound.rescheduleRecord': withParameters(
    z.tuple([interactionIdSchema, z.int().check(z.positive()), z.string().check(z.minLength(1)).check(z.maxLength(64)), callbackTypeSchema]),
    ([recordId, recordHandle, when, callbackType], context) => {
      const at = rescheduleTime(when);
      if (at === undefined) return refuse('INVALID_PARAMETERS', `parameter 3: ${when} is not a date and time (M/D/YYYY H:mm).`);
      const own = recordHandleOf(recordId, context);
      return onRecord(String(own ?? recordHandle), context, (handle) => ({ operation: 'rescheduleRecord', recordHandle: handle, at, callbackType }));
    },
  ),
  'outbound.cancelReschedule': withParameters(id, ([recordId], context) =>
    onRecord(recordId, context, (recordHandle) => ({ operation: 'cancelReschedule', recordHandle })),
  ),
  'outbound.setCallResult': withParameters(
    z.tuple([interactionIdSchema, z.pipe(z.coerce.number(), z.int().check(z.nonnegative()))]),
    ([recordId, callResult], context) => onRecord(recordId, context, (recordHandle) => ({ operation: 'setCallResult', recordHandle, callResult })),
  ),
  'outbound.getCallResult': withParameters(id, ([recordId], context) =>
    onRecord(
      recordId,
      context,
      (recordHandle) => ({ operation: 'getRecord', recordHandle }),
      (data) => record(data).callResult,
    ),
  ),
  'outbound.setDoNotCall': withParameters(id, ([recordId], context) =>
    onRecord(recordId, context, (recordHandle) => ({ operation: 'setDoNotCall', recordHandle })),
  ),
  'outbound.removeDoNotCall': withParameters(id, ([recordId], context) =>
    onRecord(recordId, context, (recordHandle) => ({ operation: 'removeDoNotCall', recordHandle })),
  ),
};
