import { z } from '../platform/schema.ts';
import type { EventResponse, EventResponseData, LiveOrgDetails, OperationResponse } from './uef-types.ts';

/**
 * Reading what Fusion sends, at the edge and with zod. The documented way is the getters
 * (`getResponseData().getOutData()` …); on some live orgs the same data came as a plain
 * `responseDetails` object instead (uef.md §5), so every reader tries the getters first and falls
 * back to `responseDetails`. Token records are flattened to strings: Fusion's SVCMCA_* tokens are
 * strings, and anything else is not ours to interpret.
 */

export type TokenRecord = Record<string, string>;

const record = z.record(z.string(), z.unknown());

function tokens(value: unknown): TokenRecord {
  const parsed = record.safeParse(value);
  if (!parsed.success) return {};
  const out: TokenRecord = {};
  for (const [key, item] of Object.entries(parsed.data)) {
    if (typeof item === 'string') out[key] = item;
    else if (typeof item === 'number' || typeof item === 'boolean') out[key] = String(item);
  }
  return out;
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    const parsed = record.safeParse(current);
    if (!parsed.success) return undefined;
    current = parsed.data[key];
  }
  return current;
}

function call<T>(read: (() => T) | undefined): T | undefined {
  try {
    return read?.();
  } catch {
    return undefined;
  }
}

/** The outData of a publish response (newComm's reverse-lookup result, startComm's additions). */
export function operationOutData(response: OperationResponse & LiveOrgDetails): TokenRecord {
  const data = call(response.getResponseData?.bind(response));
  const viaGetter = call(data?.getOutData?.bind(data));
  if (viaGetter !== undefined) return tokens(viaGetter);
  const details = response.responseDetails;
  return tokens(field(details, 'data', 'payload', 'outData') ?? field(details, 'outData'));
}

export interface ToolbarConfiguration {
  agentId?: string;
  trustToken?: string;
  features: string[];
}

/** getConfigurationOperation's answer: the logged-in agent, Fusion's features, the trust token. */
export function configurationOf(response: OperationResponse): ToolbarConfiguration {
  const data = call(response.getResponseData?.bind(response));
  const configuration = call(data?.getConfiguration?.bind(data));
  const features = z.array(z.string()).safeParse(call(configuration?.getFeatures?.bind(configuration)));
  const agentId = call(configuration?.getAgentId?.bind(configuration));
  const trustToken = call(configuration?.getFaTrustToken?.bind(configuration));
  return {
    ...(typeof agentId === 'string' ? { agentId } : {}),
    ...(typeof trustToken === 'string' ? { trustToken } : {}),
    features: features.success ? features.data : [],
  };
}

/** What a Fusion event carries: the command and eventId of the controllable ones, the outData of the others. */
export interface FusionEventData {
  command?: string;
  eventId?: string;
  inData: TokenRecord;
  outData: TokenRecord;
  /** The event's own uuid: click-to-dial's id when the outData carries no SVCMCA_CALL_ID. */
  uuid?: string;
}

const text = z.string().check(z.minLength(1), z.maxLength(512));

/** The response data of an event, when it is an object (its getters are then tried one by one). */
export function eventResponseData(response: EventResponse): EventResponseData | undefined {
  const data = call(response.getResponseData?.bind(response));
  return typeof data === 'object' && data !== null ? (data as EventResponseData) : undefined;
}

/** The plain `responseDetails` object of a live org's event response, when there is one. */
export function liveOrgDetails(response: EventResponse & LiveOrgDetails): Record<string, unknown> | undefined {
  const parsed = record.safeParse(response.responseDetails);
  return parsed.success ? parsed.data : undefined;
}

export function eventDataOf(response: EventResponse & LiveOrgDetails): FusionEventData {
  const data = eventResponseData(response);
  const details = response.responseDetails;
  const raw = call(data?.getData?.bind(data));
  const pick = (value: unknown, ...fallbacks: unknown[]): string | undefined => {
    for (const candidate of [value, ...fallbacks]) {
      const parsed = text.safeParse(candidate);
      if (parsed.success) return parsed.data;
    }
    return undefined;
  };
  const command = pick(call(data?.getCommand?.bind(data)), field(details, 'command'), field(raw, 'command'));
  const eventId = pick(call(data?.getEventId?.bind(data)), field(details, 'eventId'), field(raw, 'eventId'));
  const uuid = pick(field(details, 'uuid'), field(raw, 'uuid'));
  const outData = call(data?.getOutData?.bind(data)) ?? call(data?.getOutdata?.bind(data)) ?? field(details, 'outData') ?? field(raw, 'outData');
  return {
    ...(command ? { command } : {}),
    ...(eventId ? { eventId } : {}),
    ...(uuid ? { uuid } : {}),
    inData: tokens(field(details, 'inData') ?? field(raw, 'inData')),
    outData: tokens(outData),
  };
}
