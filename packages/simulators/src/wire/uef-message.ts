import * as z from 'zod/mini';

/**
 * The postMessage wire between our UEF client library (in the media toolbar's frame) and the Fusion
 * host page. The envelope follows the legacy MCA library's messages (uef.md §1.5, §5):
 * `{method, version, data:{channel:'PHONE', channelType:'ORA_SVC_PHONE', …}, toolbarName, uuid}`,
 * plus a `type` that says which leg of a conversation the message is:
 *
 * ```
 *  toolbar                                   Fusion host
 *    handshake(uuid)            ───────────▶
 *                               ◀─────────── handshakeAck(uuid)       initialize() resolves
 *    subscribe(uuid=subscriptionId) ───────▶                          no reply
 *    unsubscribe(uuid=subscriptionId) ─────▶                          no reply
 *    publish(method=operation, uuid) ──────▶
 *                               ◀─────────── publishResult(uuid)      result 'success' | 'error'
 *                               ◀─────────── event(method=event, uuid, subscriptionId)
 *    eventResult(uuid) ────────────────────▶                          controllable events only
 *    contextSubscribe / contextUnsubscribe ▶                          another context's events
 *                               ◀─────────── contextEvent(method, subscriptionId)
 * ```
 *
 * A publish names the context it was made on (`context`; absent for the PHONE channel): the global
 * context, a tab, the active record of a tab, the modal window, a side pane, a notification, an
 * engagement. The provider's own getters (`getAvailableTabs` …) travel as publishes of the query
 * names below on the global context.
 *
 * Both sides parse every message with these schemas and drop what does not parse.
 */

export const UEF_WIRE_VERSION = '1.0';
export const PHONE_CHANNEL = 'PHONE';
export const PHONE_CHANNEL_TYPE = 'ORA_SVC_PHONE';

/** The PHONE actions (uef.md §1.3), spelled exactly as the toolbar passes them to createPublishRequest. */
export const PHONE_OPERATIONS = [
  'newCommEvent',
  'startCommEvent',
  'closeCommEvent',
  'agentStateEventOperation',
  'getConfigurationOperation',
  'disableFeatureOperation',
  'readyForOperationOperation',
  'outboundCommError',
] as const;
export type PhoneOperation = (typeof PHONE_OPERATIONS)[number];

/** The PHONE events (uef.md §1.3). */
export const PHONE_EVENTS = ['onToolbarInteractionCommand', 'onToolbarAgentCommand', 'onOutgoingEvent', 'onDataUpdated'] as const;
export type PhoneEvent = (typeof PHONE_EVENTS)[number];

/** Events whose callback must return a Promise; its outcome goes back to the host (uef.md §4.1, §4.2). */
export const CONTROLLABLE_EVENTS: readonly PhoneEvent[] = ['onToolbarInteractionCommand', 'onToolbarAgentCommand'];

export function isPhoneOperation(name: string): name is PhoneOperation {
  return (PHONE_OPERATIONS as readonly string[]).includes(name);
}

export function isPhoneEvent(name: string): name is PhoneEvent {
  return (PHONE_EVENTS as readonly string[]).includes(name);
}

/** A token value in inData / outData. */
export const tokenValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type TokenValue = z.infer<typeof tokenValueSchema>;
export const tokenRecordSchema = z.record(z.string(), tokenValueSchema);
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

/** Free-form JSON payload (`data` of publishes, results and events). */
export const payloadSchema = z.record(z.string(), z.unknown());
export type Payload = z.infer<typeof payloadSchema>;

const nonEmpty = z.string().check(z.minLength(1), z.maxLength(200));

/** The UEF context a publish or a subscription is made on. */
export const contextTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('global') }),
  z.object({ kind: z.literal('mca') }),
  z.object({ kind: z.literal('tab'), tabId: nonEmpty }),
  z.object({ kind: z.literal('record'), tabId: nonEmpty }),
  z.object({ kind: z.literal('modalWindow') }),
  z.object({ kind: z.literal('sidePane'), sidePaneId: nonEmpty }),
  z.object({ kind: z.literal('notification'), notificationId: nonEmpty }),
  z.object({ kind: z.literal('engagement'), engagementId: nonEmpty }),
]);
export type ContextTarget = z.infer<typeof contextTargetSchema>;

/** The provider's getters, asked of the host as publishes on the global context. */
export const PROVIDER_QUERIES = ['uef.getTabs'] as const;
const envelope = { uuid: nonEmpty, version: z.string(), toolbarName: z.string().check(z.maxLength(200)) };
const channelData = { channel: z.literal(PHONE_CHANNEL), channelType: z.literal(PHONE_CHANNEL_TYPE) };

export const handshakeSchema = z.object({
  type: z.literal('handshake'),
  ...envelope,
  data: z.object({ applicationName: nonEmpty, apiVersion: z.string() }),
});

export const publishSchema = z.object({
  type: z.literal('publish'),
  method: nonEmpty,
  eventSource: z.literal('toolbar'),
  ...envelope,
  context: z.optional(contextTargetSchema),
  data: z.looseObject({ ...channelData, propagateToTabs: z.boolean() }),
});

export const subscribeSchema = z.object({
  type: z.literal('subscribe'),
  method: z.enum(PHONE_EVENTS),
  ...envelope,
  data: z.object({ ...channelData, appClassification: z.optional(z.string()), once: z.boolean() }),
});

export const unsubscribeSchema = z.object({
  type: z.literal('unsubscribe'),
  method: z.enum(PHONE_EVENTS),
  ...envelope,
  data: z.object(channelData),
});

export const contextSubscribeSchema = z.object({
  type: z.literal('contextSubscribe'),
  method: nonEmpty,
  ...envelope,
  context: contextTargetSchema,
  data: z.object({ once: z.boolean() }),
});

export const contextUnsubscribeSchema = z.object({
  type: z.literal('contextUnsubscribe'),
  method: nonEmpty,
  ...envelope,
  context: contextTargetSchema,
});

/** What the toolbar's callback promise settled to, sent back for a controllable event. */
export const eventResultSchema = z.object({
  type: z.literal('eventResult'),
  method: z.enum(PHONE_EVENTS),
  ...envelope,
  data: z.object({
    outcome: z.enum(['resolved', 'rejected']),
    result: z.optional(z.string()),
    resultDisplayString: z.optional(z.string()),
    /** JSON, not only tokens: getActiveEngagements answers `{activeCount, engagements:[{eventId}]}` (uef.md §4.2). */
    outData: z.optional(payloadSchema),
    /** For a rejection: the reason's message. */
    message: z.optional(z.string()),
  }),
});

export const toolbarMessageSchema = z.discriminatedUnion('type', [
  handshakeSchema,
  publishSchema,
  subscribeSchema,
  unsubscribeSchema,
  eventResultSchema,
  contextSubscribeSchema,
  contextUnsubscribeSchema,
]);
export type ToolbarMessage = z.infer<typeof toolbarMessageSchema>;
export type HandshakeMessage = z.infer<typeof handshakeSchema>;
export type PublishMessage = z.infer<typeof publishSchema>;
export type SubscribeMessage = z.infer<typeof subscribeSchema>;
export type UnsubscribeMessage = z.infer<typeof unsubscribeSchema>;
export type EventResultMessage = z.infer<typeof eventResultSchema>;
export type ContextSubscribeMessage = z.infer<typeof contextSubscribeSchema>;

export const handshakeAckSchema = z.object({
  type: z.literal('handshakeAck'),
  ...envelope,
  data: z.object({
    hostName: z.string(),
    channels: z.array(z.string()),
    supportedActions: z.array(z.string()),
    supportedEvents: z.array(z.string()),
  }),
});

export const errorDataSchema = z.object({
  status: z.string(),
  message: z.string(),
  details: z.optional(payloadSchema),
});
export type ErrorData = z.infer<typeof errorDataSchema>;

export const publishResultSchema = z.object({
  type: z.literal('publishResult'),
  method: nonEmpty,
  ...envelope,
  result: z.enum(['success', 'error']),
  data: payloadSchema,
  error: z.optional(errorDataSchema),
});

export const eventSchema = z.object({
  type: z.literal('event'),
  method: z.enum(PHONE_EVENTS),
  subscriptionId: nonEmpty,
  ...envelope,
  data: payloadSchema,
});

export const contextEventSchema = z.object({
  type: z.literal('contextEvent'),
  method: nonEmpty,
  subscriptionId: nonEmpty,
  ...envelope,
  data: payloadSchema,
});

export const hostMessageSchema = z.discriminatedUnion('type', [handshakeAckSchema, publishResultSchema, eventSchema, contextEventSchema]);
export type HostMessage = z.infer<typeof hostMessageSchema>;
export type HandshakeAckMessage = z.infer<typeof handshakeAckSchema>;
export type PublishResultMessage = z.infer<typeof publishResultSchema>;
export type EventMessage = z.infer<typeof eventSchema>;
export type ContextEventMessage = z.infer<typeof contextEventSchema>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; problems: string[] };

function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`) };
}

/** Parse what arrived from the toolbar frame. */
export function parseToolbarMessage(input: unknown): ParseResult<ToolbarMessage> {
  return parseWith(toolbarMessageSchema, input);
}

/** Parse what arrived from the Fusion host. */
export function parseHostMessage(input: unknown): ParseResult<HostMessage> {
  return parseWith(hostMessageSchema, input);
}

/** A record open in a Fusion tab, as the host describes it. */
export const recordInfoSchema = z.object({ recordType: nonEmpty, recordId: z.string(), title: z.string() });
export type RecordInfo = z.infer<typeof recordInfoSchema>;

/** A Fusion tab (an MSI tab of the browser tab) and the records in it, the first being the active one. */
export const tabInfoSchema = z.object({
  tabId: nonEmpty,
  type: z.string(),
  records: z.array(recordInfoSchema),
});
export type TabInfo = z.infer<typeof tabInfoSchema>;

/** The answer to the `uef.getTabs` query. */
export const tabsAnswerSchema = z.object({ tabs: z.array(tabInfoSchema), activeTabId: z.optional(z.string()) });
