import * as z from 'zod/mini';
import type { EventResultMessage, Payload, PhoneEvent, TokenRecord } from '../wire/uef-message.ts';
import { payloadSchema, tokenRecordSchema } from '../wire/uef-message.ts';
import { outDataAccessor, outDataOf, type OutDataAccessor } from './responses.ts';

/**
 * What a subscription callback receives (uef.md §4). Every event response has `getResponseData()` with
 * the getters of its event, and also the plain `responseDetails` object some toolbars read directly
 * (§5 [S]). For the two controllable events, the response data's setters write into `responseDetails`,
 * so resolving with either one reports the same result to the host.
 */

/** Until the toolbar sets it, a command's result reads like the legacy library's (uef.md §4.1). */
export const RESULT_NOT_SET = 'needsSetByToolbar';

/**
 * IMcaOnToolbarInteractionCommandDataResponse / IMcaOnToolbarAgentCommandDataResponse. Like Oracle's,
 * it has `setResult` and `setOutdata` but no setter for the display string: a toolbar reports a
 * failure's text by resolving with the response details that carry it (uef.md §4.1).
 */
export class ToolbarCommandData {
  constructor(private readonly details: Payload) {}

  getCommand(): string {
    return String(this.details.command ?? '');
  }
  /** The interaction's eventId; empty for an agent command, which has none. */
  getEventId(): string {
    return typeof this.details.eventId === 'string' ? this.details.eventId : '';
  }
  /** The slot (line) of the command, as a string like Oracle declares it ('' when Fusion sent none). */
  getSlot(): string {
    const { slot } = this.details;
    return typeof slot === 'string' || typeof slot === 'number' ? String(slot) : '';
  }
  getInData(): TokenRecord {
    const parsed = tokenRecordSchema.safeParse(this.details.inData);
    return parsed.success ? parsed.data : {};
  }
  getOutdata(): Payload {
    const parsed = payloadSchema.safeParse(this.details.outData);
    return parsed.success ? parsed.data : {};
  }
  getResult(): string {
    return String(this.details.result ?? RESULT_NOT_SET);
  }
  getResultDisplayString(): string {
    return String(this.details.resultDisplayString ?? '');
  }
  getData(): Payload {
    return this.details;
  }
  setResult(result: string): void {
    this.details.result = result;
  }
  setOutdata(outData: Payload): void {
    this.details.outData = { ...outData };
  }
}

/** IMcaonOutgoingEventResponse's data. */
export class OutgoingEventData {
  constructor(private readonly details: Payload) {}

  getData(): Payload {
    return this.details;
  }
  getOutData(): TokenRecord {
    return outDataOf(this.details);
  }
  getOutputData(): OutDataAccessor {
    return outDataAccessor(outDataOf(this.details));
  }
}

/** IMcaOnDataUpdatedEventResponse's data. */
export class DataUpdatedEventData extends OutgoingEventData {
  getEventId(): string {
    const { eventId } = this.getData();
    return typeof eventId === 'string' ? eventId : '';
  }
}

/** The response data of each controllable event (one class, Oracle's two interfaces). */
export type InteractionCommandData = ToolbarCommandData;
export type AgentCommandData = ToolbarCommandData;

type EventDataOf<Name extends PhoneEvent> = Name extends 'onToolbarInteractionCommand' | 'onToolbarAgentCommand'
  ? ToolbarCommandData
  : Name extends 'onDataUpdated'
    ? DataUpdatedEventData
    : OutgoingEventData;

function eventData(eventName: PhoneEvent, details: Payload): ToolbarCommandData | OutgoingEventData {
  switch (eventName) {
    case 'onToolbarInteractionCommand':
    case 'onToolbarAgentCommand':
      return new ToolbarCommandData(details);
    case 'onDataUpdated':
      return new DataUpdatedEventData(details);
    case 'onOutgoingEvent':
      return new OutgoingEventData(details);
  }
}

/** IEventResponse: what the callback gets. */
export class EventResponse<Name extends PhoneEvent = PhoneEvent, Context = unknown> {
  /** The raw event data; also where the controllable events' setters write. */
  readonly responseDetails: Payload;
  readonly #data: EventDataOf<Name>;

  constructor(
    private readonly eventName: Name,
    data: Payload,
    private readonly context: Context,
  ) {
    this.responseDetails = { ...data };
    this.#data = eventData(eventName, this.responseDetails) as EventDataOf<Name>;
  }

  getResponseData(): EventDataOf<Name> {
    return this.#data;
  }
  getEventName(): Name {
    return this.eventName;
  }
  getContext(): Context {
    return this.context;
  }
}

const resolutionSchema = z.looseObject({
  result: z.optional(z.string()),
  resultDisplayString: z.optional(z.string()),
  outData: z.optional(payloadSchema),
});

type Settlement = EventResultMessage['data'];

/** The result fields to report for what a controllable callback's promise resolved to. */
export function resolvedSettlement(value: unknown, response: EventResponse): Settlement {
  const details = value instanceof ToolbarCommandData ? value.getData() : value;
  const fromValue = resolutionSchema.safeParse(details);
  const source = fromValue.success ? fromValue.data : (resolutionSchema.safeParse(response.responseDetails).data ?? {});
  const result = source.result === undefined || source.result === RESULT_NOT_SET ? 'success' : source.result;
  return { outcome: 'resolved', result, resultDisplayString: source.resultDisplayString, outData: source.outData };
}

/** The result fields to report for a rejected (or throwing) controllable callback. */
export function rejectedSettlement(reason: unknown, response: EventResponse): Settlement {
  const details = resolutionSchema.safeParse(response.responseDetails);
  const message = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'The toolbar rejected the command';
  const result = details.success && details.data.result !== RESULT_NOT_SET ? details.data.result : undefined;
  return {
    outcome: 'rejected',
    result: result ?? 'error',
    resultDisplayString: details.success ? details.data.resultDisplayString : undefined,
    message,
  };
}
