import * as z from 'zod/mini';
import type { Payload, PhoneOperation, PublishMessage, TokenRecord } from '../wire/uef-message.ts';
import { isPhoneOperation, tokenRecordSchema } from '../wire/uef-message.ts';
import type { ContactDirectory } from './contact-directory.ts';
import { contactTokens, lookupByNumber, lookupByPartyId, serviceRequestFor } from './contact-directory.ts';
import type { LogLevel } from './event-log.ts';
import type { FusionConfig, FusionState, Interaction } from './fusion-state.ts';
import { closeInteraction, withInteraction } from './fusion-state.ts';
import type { PublishOutcome } from './uef-host.ts';

/**
 * What Fusion does with each PHONE action the toolbar publishes (uef.md §3): one handler per
 * operation, each parsing its data with its own schema and answering with the response data or an
 * error the toolbar's publish() rejects with.
 */

export interface OperationWorld {
  readonly directory: ContactDirectory;
  readonly config: FusionConfig;
  state(): FusionState;
  update(change: (state: FusionState) => FusionState): void;
  now(): number;
  /** A new 15-digit Fusion record id. */
  nextId(): string;
  /** The trust token getConfigurationOperation hands out now. */
  trustToken(): string;
  note(level: LogLevel, title: string, summary: string, payload?: unknown): void;
  startOfferTimer(eventId: string, seconds: number): void;
  cancelOfferTimer(eventId: string): void;
  /** The toolbar declared itself ready (readyForOperationOperation true). */
  toolbarReady(): void;
}

type Handler = (data: Payload, world: OperationWorld) => PublishOutcome;

export const CLOSE_REASONS = ['WRAPUP', 'HANGUP', 'REJECT', 'MISSED', 'ABANDONED', 'TIMEOUT', 'CANCELED', 'ENDCOMMUNICATION', 'TRANSFERRED'] as const;

export const INBOUND = 'ORA_SVC_INBOUND';
export const OUTBOUND = 'ORA_SVC_OUTBOUND';

const text = z.string().check(z.minLength(1), z.maxLength(500));
const inData = z._default(tokenRecordSchema, {});

const newCommSchema = z.object({
  appClassification: text,
  eventId: text,
  lookupObject: z.optional(z.string()),
  inData,
});
const commSchema = z.object({ appClassification: z.optional(z.string()), eventId: text, inData });
const closeCommSchema = z.object({ ...commSchema.shape, reason: z.enum(CLOSE_REASONS) });
const agentStateSchema = z.object({
  eventId: z.optional(z.string()),
  isAvailable: z.boolean(),
  isLoggedIn: z.boolean(),
  state: z.optional(z.nullable(z.string())),
  stateDisplayString: text,
  reason: z.optional(z.nullable(z.string())),
  reasonDisplayString: z.optional(z.nullable(z.string())),
  inData: z.optional(tokenRecordSchema),
});
const configurationSchema = z.object({ configType: z.optional(z.string()) });
const disableFeatureSchema = z.object({ features: z.array(z.string()) });
const readinessSchema = z.object({ readiness: z.boolean() });
const outboundErrorSchema = z.object({ commUuid: text, errorCode: text, errorMsg: z.optional(z.string()) });

function failure(code: string, message: string, problems?: string[]): PublishOutcome {
  return { ok: false, error: { status: 'error', message, details: problems ? { code, problems } : { code } } };
}

/** Parse an operation's data, or the outcome that rejects the publish with every problem listed. */
function parse<T>(schema: z.ZodMiniType<T>, data: Payload): { ok: true; value: T } | { ok: false; outcome: PublishOutcome } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`);
  return { ok: false, outcome: failure('INVALID_REQUEST', `Invalid request: ${problems.join('; ')}`, problems) };
}

/** Which of the expected tokens the toolbar did not carry, or carried with another value. */
export function carriedTokens(expected: TokenRecord, actual: TokenRecord): { missing: string[]; different: string[] } {
  const missing: string[] = [];
  const different: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in actual)) missing.push(key);
    else if (String(actual[key]) !== String(value)) different.push(key);
  }
  return { missing, different };
}

function noteCarry(world: OperationWorld, operation: string, expected: TokenRecord, actual: TokenRecord, source: string): void {
  const { missing, different } = carriedTokens(expected, actual);
  const count = Object.keys(expected).length;
  if (missing.length === 0 && different.length === 0) {
    world.note('ok', operation, `inData carries all ${count} ${source} outData tokens`);
    return;
  }
  const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', different.length > 0 ? `changed ${different.join(', ')}` : ''].filter(Boolean);
  world.note('warn', operation, `inData does not carry the ${source} outData: ${parts.join('; ')}`, { missing, different });
}

function findInteraction(world: OperationWorld, eventId: string): Interaction | undefined {
  return world.state().interactions.find((i) => i.eventId === eventId);
}

const newCommEvent: Handler = (data, world) => {
  const parsed = parse(newCommSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { eventId, appClassification, lookupObject } = parsed.value;
  const input = parsed.value.inData;
  const direction = input.SVCMCA_COMMUNICATION_DIRECTION;
  if (direction !== INBOUND && direction !== OUTBOUND) {
    return failure('INVALID_REQUEST', `inData.SVCMCA_COMMUNICATION_DIRECTION must be ${INBOUND} or ${OUTBOUND}`);
  }
  const number = input.SVCMCA_ANI;
  if (typeof number !== 'string' || number.length === 0) return failure('INVALID_REQUEST', 'inData.SVCMCA_ANI is required');
  if (findInteraction(world, eventId)) return failure('DUPLICATE_EVENT_ID', `An interaction with eventId ${eventId} is already open`);

  const byParty = typeof input.SVCMCA_CONTACT_ID === 'string' ? lookupByPartyId(world.directory, input.SVCMCA_CONTACT_ID) : undefined;
  const contact = byParty ?? lookupByNumber(world.directory, number);
  const serviceRequest = contact ? serviceRequestFor(contact, typeof input.SVCMCA_SR_NUM === 'string' ? input.SVCMCA_SR_NUM : undefined) : undefined;
  const outData: TokenRecord = {
    ...input,
    eventId,
    appClassification,
    channel: 'PHONE',
    channelType: 'ORA_SVC_PHONE',
    ...(lookupObject ? { lookupObject } : {}),
    ...(contact ? contactTokens(contact, serviceRequest) : {}),
  };
  const offerTimeout = Number(input.SVCMCA_OFFER_TIMEOUT_SEC);
  const offerTimeoutSec = direction === INBOUND && Number.isFinite(offerTimeout) && offerTimeout > 0 ? offerTimeout : undefined;
  const interaction: Interaction = {
    eventId,
    appClassification,
    direction: direction === INBOUND ? 'inbound' : 'outbound',
    phase: direction === INBOUND ? 'offered' : 'dialing',
    number,
    contact,
    serviceRequest,
    newCommOutData: outData,
    outData,
    offeredAt: world.now(),
    offerTimeoutSec,
    offerExpired: false,
    connectedAt: undefined,
    // A toolbar announcing a call again (after Fusion's page reloaded) names the interaction it had.
    interactionId: typeof input.SVCMCA_INTERACTION_ID === 'string' ? input.SVCMCA_INTERACTION_ID : undefined,
    wrapupId: undefined,
    command: undefined,
    error: undefined,
  };
  const callId = input.SVCMCA_CALL_ID;
  world.update((state) => ({
    ...state,
    interactions: [...state.interactions, interaction],
    dials: state.dials.filter((d) => d.uuid !== eventId && d.callId !== callId),
  }));
  world.note(
    contact ? 'ok' : 'info',
    'Reverse lookup',
    contact ? `${number} → ${contact.firstName} ${contact.lastName} (${contact.partyId})` : `${number} → no contact (Unknown caller)`,
  );
  if (offerTimeoutSec !== undefined) world.startOfferTimer(eventId, offerTimeoutSec);
  return { ok: true, data: { eventId, appClassification, lookupObject, outData } };
};

const startCommEvent: Handler = (data, world) => {
  const parsed = parse(commSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { eventId } = parsed.value;
  const interaction = findInteraction(world, eventId);
  if (!interaction) return failure('UNKNOWN_EVENT_ID', `No interaction with eventId ${eventId}: publish newCommEvent first`);
  noteCarry(world, 'startCommEvent', interaction.newCommOutData, parsed.value.inData, 'newCommEvent');
  if (interaction.phase === 'connected') {
    return { ok: true, data: { eventId, interactionId: interaction.interactionId, wrapupId: interaction.wrapupId, outData: interaction.outData } };
  }
  if (interaction.phase === 'wrapup') return failure('INVALID_STATE', `Interaction ${eventId} has already ended`);
  const interactionId = interaction.interactionId ?? world.nextId();
  const wrapupId = world.nextId();
  const channelId = world.nextId();
  const outData: TokenRecord = {
    ...interaction.newCommOutData,
    SVCMCA_INTERACTION_ID: interactionId,
    SVCMCA_CHANNEL_ID: channelId,
    channelId,
    SVCMCA_UI_TYPE_CD: 'ORA_SVC_REDWOOD',
    SVCMCA_WRAPUP_ID: wrapupId,
    ...(interaction.serviceRequest ? { SVCMCA_SR_TITLE: interaction.serviceRequest.title } : {}),
  };
  world.cancelOfferTimer(eventId);
  world.update((state) =>
    withInteraction(state, eventId, (i) => ({
      ...i,
      phase: 'connected',
      connectedAt: world.now(),
      interactionId,
      wrapupId,
      outData,
      command: undefined,
      error: undefined,
    })),
  );
  return {
    ok: true,
    data: { eventId, interactionId, engagementId: interactionId, channelId, wrapupId, screenPopMode: 'SINGLE_MATCH', outData },
  };
};

const closeCommEvent: Handler = (data, world) => {
  const parsed = parse(closeCommSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { eventId, reason } = parsed.value;
  const interaction = findInteraction(world, eventId);
  if (!interaction) return failure('UNKNOWN_EVENT_ID', `No open interaction with eventId ${eventId}`);
  const source = interaction.connectedAt === undefined ? 'newCommEvent' : 'startCommEvent';
  noteCarry(world, 'closeCommEvent', interaction.outData, parsed.value.inData, source);
  world.cancelOfferTimer(eventId);
  const wrapUp = reason === 'WRAPUP' || reason === 'HANGUP';
  if (reason === 'HANGUP') world.note('warn', 'closeCommEvent', 'HANGUP is not in the documented close reasons; prefer WRAPUP');
  const wrapupStartTime = new Date(world.now()).toISOString();
  world.update((state) => {
    if (!wrapUp) return closeInteraction(state, eventId, reason, world.now());
    return withInteraction(state, eventId, (i) => ({ ...i, phase: 'wrapup', command: undefined }));
  });
  return {
    ok: true,
    data: {
      eventId,
      reason,
      wrapupId: interaction.wrapupId,
      outData: wrapUp ? { ...interaction.outData, WrapupStartTime: wrapupStartTime } : interaction.outData,
    },
  };
};

const agentStateEventOperation: Handler = (data, world) => {
  const parsed = parse(agentStateSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { isAvailable, isLoggedIn, stateDisplayString } = parsed.value;
  const presence = {
    isAvailable,
    isLoggedIn,
    state: parsed.value.state ?? null,
    stateDisplayString,
    reason: parsed.value.reason ?? null,
    reasonDisplayString: parsed.value.reasonDisplayString ?? null,
  };
  world.update((state) => ({ ...state, agent: presence }));
  return { ok: true, data: { eventId: parsed.value.eventId, ...presence } };
};

const getConfigurationOperation: Handler = (data, world) => {
  const parsed = parse(configurationSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { config } = world;
  world.update((state) => ({ ...state, configurationServed: true }));
  return {
    ok: true,
    data: {
      configType: parsed.value.configType ?? 'TOOLBAR',
      configuration: {
        agentId: config.agentId,
        agentPartyId: config.agentPartyId,
        features: config.features,
        companionPanelUrl: config.companionPanelUrl,
        companionPanelTitle: config.companionPanelTitle,
        faTrustToken: world.trustToken(),
      },
      outData: {},
    },
  };
};

const disableFeatureOperation: Handler = (data, world) => {
  const parsed = parse(disableFeatureSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { features } = parsed.value;
  const unknown = features.filter((f) => !world.config.features.includes(f));
  if (unknown.length > 0) world.note('warn', 'disableFeatureOperation', `Not features of this Fusion: ${unknown.join(', ')}`);
  world.update((state) => ({ ...state, disabledFeatures: [...new Set([...state.disabledFeatures, ...features])] }));
  return { ok: true, data: { features } };
};

const readyForOperationOperation: Handler = (data, world) => {
  const parsed = parse(readinessSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { readiness } = parsed.value;
  world.update((state) => ({ ...state, readiness }));
  if (readiness) world.toolbarReady();
  return { ok: true, data: { readiness } };
};

const outboundCommError: Handler = (data, world) => {
  const parsed = parse(outboundErrorSchema, data);
  if (!parsed.ok) return parsed.outcome;
  const { commUuid, errorCode, errorMsg } = parsed.value;
  const error = { code: errorCode, message: errorMsg ?? '' };
  const state = world.state();
  const dial = state.dials.find((d) => d.uuid === commUuid || d.callId === commUuid);
  const interaction = state.interactions.find((i) => i.eventId === commUuid || i.outData.SVCMCA_CALL_ID === commUuid);
  if (!dial && !interaction) world.note('warn', 'outboundCommError', `No click-to-dial or outbound call matches commUuid ${commUuid}`);
  world.update((s) => ({
    ...s,
    dials: s.dials.map((d) => (d === dial ? { ...d, error } : d)),
    interactions: s.interactions.map((i) => (i === interaction ? { ...i, error } : i)),
  }));
  return { ok: true, data: { commUuid, errorCode } };
};

const HANDLERS: Record<PhoneOperation, Handler> = {
  newCommEvent,
  startCommEvent,
  closeCommEvent,
  agentStateEventOperation,
  getConfigurationOperation,
  disableFeatureOperation,
  readyForOperationOperation,
  outboundCommError,
};

export function handlePublish(message: PublishMessage, world: OperationWorld): PublishOutcome {
  if (!isPhoneOperation(message.method)) {
    return failure('UNSUPPORTED_OPERATION', `Operation ${message.method} is not supported on the PHONE channel`);
  }
  return HANDLERS[message.method](message.data, world);
}
