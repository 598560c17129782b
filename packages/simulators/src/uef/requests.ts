import type { Payload, TokenRecord, TokenValue } from '../wire/uef-message.ts';
import { isPhoneOperation, tokenRecordSchema, tokenValueSchema, type PhoneOperation } from '../wire/uef-message.ts';
import {
  closeCommInDataRequest,
  inDataRequest,
  startCommInDataRequest,
  type McaCloseCommInDataRequest,
  type McaInDataRequest,
  type McaStartCommInDataRequest,
} from './in-data.ts';

/**
 * The request objects of uef.md §2: `requestHelper.createPublishRequest(name)` returns the request type
 * of that operation with exactly its documented setters; `createSubscriptionRequest(name)` returns an
 * IMcaEventRequest. What a request carries on the wire is read through the `wireData` symbol, which
 * toolbar code never sees as a method name.
 */

export const wireData: unique symbol = Symbol('wireData');

/** IOperationRequest. Also the type of a request for an operation the PHONE channel does not list. */
export class OperationRequest {
  #propagateToTabs = false;

  constructor(private readonly operationName: string) {}

  getOperationName(): string {
    return this.operationName;
  }

  setPropagateToTabs(propagate: boolean): void {
    this.#propagateToTabs = propagate;
  }

  isPropagateToTabsEnabled(): boolean {
    return this.#propagateToTabs;
  }

  [wireData](): Payload {
    return { propagateToTabs: this.#propagateToTabs };
  }
}

/** IMcaActionRequest: the base of the comm events. */
class McaActionRequest extends OperationRequest {
  protected appClassification: string | undefined;
  protected eventId: string | undefined;
  protected readonly inData: TokenRecord = {};

  setAppClassification(appClassification: string): void {
    this.appClassification = appClassification;
  }

  setEventId(eventId: string): void {
    this.eventId = eventId;
  }

  /** Adds the given tokens to this request's inData (the builder from getInData() writes there too); values that are no tokens are left out. */
  setInputData(inData: object): void {
    const parsed = tokenRecordSchema.safeParse(Object.fromEntries(Object.entries(inData).filter(([, value]) => tokenValueSchema.safeParse(value).success)));
    if (parsed.success) Object.assign(this.inData, parsed.data);
  }

  override [wireData](): Payload {
    return { ...super[wireData](), appClassification: this.appClassification, eventId: this.eventId, inData: { ...this.inData } };
  }
}

export class McaNewCommEventActionRequest extends McaActionRequest {
  #lookupObject: string | undefined;

  setLookupObject(lookupObject: string): void {
    this.#lookupObject = lookupObject;
  }

  getInData(): McaInDataRequest {
    return inDataRequest(this.inData);
  }

  override [wireData](): Payload {
    return { ...super[wireData](), lookupObject: this.#lookupObject };
  }
}

export class McaStartCommEventActionRequest extends McaActionRequest {
  getInData(): McaStartCommInDataRequest {
    return startCommInDataRequest(this.inData);
  }
}

export class McaCloseCommEventActionRequest extends McaActionRequest {
  #reason: string | undefined;

  setReason(reason: string): void {
    this.#reason = reason;
  }

  getInData(): McaCloseCommInDataRequest {
    return closeCommInDataRequest(this.inData);
  }

  override [wireData](): Payload {
    return { ...super[wireData](), reason: this.#reason };
  }
}

/** IMcaAgentStateEventActionRequest: no appClassification; `setState`/`setReason`, not `…Cd`. */
export class McaAgentStateEventActionRequest extends OperationRequest {
  #fields: Payload = {};

  setEventId(eventId: string): void {
    this.#fields.eventId = eventId;
  }
  setIsAvailable(isAvailable: boolean): void {
    this.#fields.isAvailable = isAvailable;
  }
  setIsLoggedIn(isLoggedIn: boolean): void {
    this.#fields.isLoggedIn = isLoggedIn;
  }
  setState(state: string): void {
    this.#fields.state = state;
  }
  setStateDisplayString(display: string): void {
    this.#fields.stateDisplayString = display;
  }
  setReason(reason: string | null): void {
    this.#fields.reason = reason;
  }
  setReasonDisplayString(display: string): void {
    this.#fields.reasonDisplayString = display;
  }
  setInData(inData: Record<string, TokenValue>): void {
    this.#fields.inData = { ...inData };
  }

  override [wireData](): Payload {
    return { ...super[wireData](), ...this.#fields };
  }
}

export class McaGetConfigurationActionRequest extends OperationRequest {
  #configType: string | undefined;

  setConfigType(configType: string): void {
    this.#configType = configType;
  }

  override [wireData](): Payload {
    return { ...super[wireData](), configType: this.#configType };
  }
}

export class McaDisableFeatureActionRequest extends OperationRequest {
  #features: string[] = [];

  setFeatures(features: string[]): void {
    this.#features = [...features];
  }

  override [wireData](): Payload {
    return { ...super[wireData](), features: [...this.#features] };
  }
}

export class McaReadyForOperationActionRequest extends OperationRequest {
  #readiness: boolean | undefined;

  setReadiness(readiness: boolean): void {
    this.#readiness = readiness;
  }

  override [wireData](): Payload {
    return { ...super[wireData](), readiness: this.#readiness };
  }
}

export class McaOutboundCommErrorActionRequest extends OperationRequest {
  #fields: Payload = {};

  setCommUuid(commUuid: string): void {
    this.#fields.commUuid = commUuid;
  }
  setErrorCode(errorCode: string): void {
    this.#fields.errorCode = errorCode;
  }
  setErrorMsg(errorMsg: string): void {
    this.#fields.errorMsg = errorMsg;
  }

  override [wireData](): Payload {
    return { ...super[wireData](), ...this.#fields };
  }
}

const REQUEST_TYPES = {
  newCommEvent: McaNewCommEventActionRequest,
  startCommEvent: McaStartCommEventActionRequest,
  closeCommEvent: McaCloseCommEventActionRequest,
  agentStateEventOperation: McaAgentStateEventActionRequest,
  getConfigurationOperation: McaGetConfigurationActionRequest,
  disableFeatureOperation: McaDisableFeatureActionRequest,
  readyForOperationOperation: McaReadyForOperationActionRequest,
  outboundCommError: McaOutboundCommErrorActionRequest,
} satisfies Record<PhoneOperation, new (operationName: string) => OperationRequest>;

/** The request type createPublishRequest returns for an operation name. */
export type PublishRequestOf<Name extends string> = Name extends PhoneOperation ? InstanceType<(typeof REQUEST_TYPES)[Name]> : OperationRequest;

/** IEventRequest / IMcaEventRequest. */
export class McaEventRequest {
  #appClassification: string | undefined;

  constructor(private readonly eventName: string) {}

  getEventName(): string {
    return this.eventName;
  }

  setAppClassification(appClassification: string): void {
    this.#appClassification = appClassification;
  }

  getAppClassification(): string | undefined {
    return this.#appClassification;
  }
}

/**
 * IRequestHelper. The request types of the other contexts' operations are registered by the
 * provider (workspace-requests.ts), so this module does not depend on them.
 */
export class RequestHelper {
  constructor(private readonly otherRequestTypes: Readonly<Record<string, new (operationName: string) => OperationRequest>> = {}) {}

  createPublishRequest<Name extends string>(operationName: Name): PublishRequestOf<Name> {
    const Other = this.otherRequestTypes[operationName];
    const request = isPhoneOperation(operationName)
      ? new REQUEST_TYPES[operationName](operationName)
      : Other
        ? new Other(operationName)
        : new OperationRequest(operationName);
    return request as PublishRequestOf<Name>;
  }

  createSubscriptionRequest(eventName: string): McaEventRequest {
    return new McaEventRequest(eventName);
  }
}
