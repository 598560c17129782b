/**
 * The part of Oracle's UI Events Framework (uiEventsFramework.d.ts) the toolbar calls, typed as the
 * documentation gives it (shared/reference/uef.md). Names are copied exactly: they must match at
 * runtime against Oracle's library and against the Fusion simulator's.
 */

export interface UefGlobal {
  uiEventsFramework: { initialize(applicationName: string, version?: string): Promise<UiEventsFrameworkProvider> };
}

export interface UiEventsFrameworkProvider {
  requestHelper: RequestHelper;
  getMultiChannelAdaptorContext(): Promise<MultiChannelAdaptorContext>;
  dispose(): void;
}

export interface MultiChannelAdaptorContext {
  getCommunicationChannelContext(channelType: 'PHONE'): Promise<PhoneContext>;
}

export interface SubscriptionContext {
  dispose(): void;
}

export interface PhoneContext {
  subscribe(request: EventRequest, callback: (response: EventResponse) => unknown): SubscriptionContext;
  publish(request: OperationRequest): Promise<OperationResponse>;
}

export interface RequestHelper {
  createPublishRequest(operationName: string): OperationRequest;
  createSubscriptionRequest(eventName: string): EventRequest;
}

export interface EventRequest {
  setAppClassification?(classification: string): void;
}

export interface InDataRequest {
  setInDataValueByAttribute(attribute: string, value: unknown): void;
}

/** The union of the setters the comm and agent-state requests expose; each request has its own subset. */
export interface OperationRequest {
  setAppClassification?(value: string): void;
  setEventId?(value: string): void;
  setLookupObject?(value: string): void;
  getInData?(): InDataRequest;
  setReason?(value: string | null): void;
  setIsAvailable?(value: boolean): void;
  setIsLoggedIn?(value: boolean): void;
  setState?(value: string): void;
  setStateDisplayString?(value: string): void;
  setReasonDisplayString?(value: string): void;
  setInData?(value: Record<string, unknown>): void;
  setConfigType?(value: string): void;
  setFeatures?(value: string[]): void;
  setReadiness?(value: boolean): void;
  setCommUuid?(value: string): void;
  setErrorCode?(value: string): void;
  setErrorMsg?(value: string): void;
}

export interface OperationResponse {
  getResponseData?(): {
    getData?(): unknown;
    getOutData?(): unknown;
    getConfiguration?(): { getAgentId?(): string; getFaTrustToken?(): string; getFeatures?(): string[] } | undefined;
  };
  /** Seen on live orgs instead of the getters (uef.md §5). */
  responseDetails?: unknown;
}

export interface EventResponse {
  getResponseData?(): {
    getCommand?(): string;
    getEventId?(): string;
    getOutData?(): unknown;
    getOutdata?(): unknown;
    getData?(): unknown;
    setResult?(value: string): void;
    setResultDisplayString?(value: string): void;
    setOutdata?(value: unknown): void;
  };
  responseDetails?: unknown;
}

declare global {
  interface Window {
    CX_SVC_UI_EVENTS_FRAMEWORK?: UefGlobal;
  }
}
