import * as z from 'zod/mini';
import { userDataSchema } from './commands.ts';

/**
 * Outbound campaigns on the wire (Outbound Contact Server's desktop protocol, in the bridge's
 * vocabulary): `POST /genesys/outbound` with one operation, authenticated as commands are, acting as
 * the caller's agent only. The answer is `{ ok: true, operation, data }`; a failure is the usual error
 * body (UNKNOWN_CAMPAIGN, UNKNOWN_RECORD, INVALID_CALL_STATE, INVALID_ATTRIBUTE, UNSUPPORTED_OPERATION
 * on a backend without campaigns). What changes a record is also notified to the agent's socket as
 * an `EventUserEvent` whose userData carries `GSW_USER_EVENT` (the notification) and the record.
 */
export const OUTBOUND_PATH = '/genesys/outbound';

const recordHandle = z.int().check(z.positive());
const campaignMode = z.enum(['preview', 'progressive', 'pushPreview']);
const onRecord = { recordHandle };

export const outboundOperationShapes = {
  getCampaigns: {},
  getCallResults: {},
  getPreviewRecord: { campaignName: z.string().check(z.minLength(1)).check(z.maxLength(128)) },
  getRecord: onRecord,
  getChainedRecords: onRecord,
  /** Marks the record Dialing and answers what to dial; the client places the call (MakeCall) with the userData. */
  callRecord: onRecord,
  rejectRecord: onRecord,
  cancelRecord: onRecord,
  rescheduleRecord: { recordHandle, at: z.int().check(z.positive()), callbackType: z.enum(['Personal', 'Campaign']) },
  cancelReschedule: onRecord,
  setCallResult: { recordHandle, callResult: z.int().check(z.nonnegative()) },
  updateRecordFields: { recordHandle, fields: userDataSchema },
  setDoNotCall: onRecord,
  removeDoNotCall: onRecord,
  markProcessed: onRecord,
  /** Push preview (OCS's PreviewDialingModeStart / Over): the agent's push preview campaigns push it records, or stop. */
  startPushPreview: {},
  stopPushPreview: {},
} satisfies Record<string, z.core.$ZodLooseShape>;

export type OutboundOperationName = keyof typeof outboundOperationShapes;
export const OUTBOUND_OPERATIONS = Object.keys(outboundOperationShapes) as OutboundOperationName[];

function operationSchema<O extends OutboundOperationName>(operation: O) {
  return z.strictObject({ operation: z.literal(operation), ...outboundOperationShapes[operation] });
}

const operationSchemas = Object.fromEntries(OUTBOUND_OPERATIONS.map((operation) => [operation, operationSchema(operation)])) as {
  [O in OutboundOperationName]: ReturnType<typeof operationSchema<O>>;
};

export type OutboundRequest = { [O in OutboundOperationName]: z.infer<(typeof operationSchemas)[O]> }[OutboundOperationName];
export type OutboundRequestOf<O extends OutboundOperationName> = Extract<OutboundRequest, { operation: O }>;

/** Any one operation; an unknown `operation` or a stray field is refused. */
export const outboundRequestSchema: z.ZodMiniType<OutboundRequest> = z.discriminatedUnion(
  'operation',
  Object.values(operationSchemas) as unknown as [ReturnType<typeof operationSchema>, ...Array<ReturnType<typeof operationSchema>>],
) as unknown as z.ZodMiniType<OutboundRequest>;

export const outboundRecordSchema = z.object({
  recordHandle,
  campaignName: z.string(),
  callingList: z.string(),
  mode: campaignMode,
  chainId: z.string(),
  phone: z.string(),
  fields: userDataSchema,
  status: z.enum(['Ready', 'Offered', 'Dialing', 'Scheduled', 'Processed', 'Cancelled']),
  callResult: z.int(),
  attempts: z.int().check(z.nonnegative()),
  doNotCall: z.boolean(),
  scheduledAt: z.optional(z.number()),
  callbackType: z.optional(z.enum(['Personal', 'Campaign'])),
});
export type OutboundRecord = z.infer<typeof outboundRecordSchema>;

export const campaignSummarySchema = z.object({
  name: z.string(),
  mode: campaignMode,
  callingList: z.string(),
  recordsLeft: z.int().check(z.nonnegative()),
});

/** What each operation answers in `data`. */
export const outboundDataSchemas = {
  getCampaigns: z.array(campaignSummarySchema),
  getCallResults: z.array(z.object({ code: z.int(), name: z.string() })),
  getPreviewRecord: z.nullable(outboundRecordSchema),
  getRecord: outboundRecordSchema,
  getChainedRecords: z.array(outboundRecordSchema),
  callRecord: z.object({ phone: z.string(), userData: userDataSchema, record: outboundRecordSchema }),
  rejectRecord: outboundRecordSchema,
  cancelRecord: outboundRecordSchema,
  rescheduleRecord: outboundRecordSchema,
  cancelReschedule: outboundRecordSchema,
  setCallResult: outboundRecordSchema,
  updateRecordFields: outboundRecordSchema,
  setDoNotCall: outboundRecordSchema,
  removeDoNotCall: outboundRecordSchema,
  markProcessed: outboundRecordSchema,
  startPushPreview: z.array(campaignSummarySchema),
  stopPushPreview: z.array(campaignSummarySchema),
} satisfies Record<OutboundOperationName, z.ZodMiniType>;

export type OutboundData<O extends OutboundOperationName> = z.infer<(typeof outboundDataSchemas)[O]>;
