/**
 * The part of Oracle's UI Events Framework the toolbar calls, under Oracle's member names (they must
 * match at runtime against Oracle's library and the Fusion simulator's). Each type is a subset of an
 * interface of Oracle's `uiEventsFramework.d.ts` (named beside it); the vendor-kit test
 * (packages/toolbar/vendor-test/uef-declarations.test.ts) checks every one against Oracle's own
 * declarations, so a member Oracle does not have, or a parameter Oracle types differently, fails CI.
 *
 * Two kinds of types:
 * - what the toolbar sends (requests and their setters): exact, property-typed so their parameters
 *   are checked strictly against Oracle's;
 * - what the toolbar reads (responses): every getter optional, because live orgs have answered
 *   with plain objects (uef.md §5); the readers in uef-responses.ts try each one.
 */

/** `window.CX_SVC_UI_EVENTS_FRAMEWORK` (the namespace object). */
export interface UefGlobal {
  uiEventsFramework: UiEventsFramework;
}

/** IUiEventsFramework. */
export interface UiEventsFramework {
  initialize: (applicationName: string, version: string) => Promise<UiEventsFrameworkProvider>;
}

/** IUiEventsFrameworkProvider. */
export interface UiEventsFrameworkProvider {
  requestHelper: RequestHelper;
  dispose: () => void;
  getMultiChannelAdaptorContext: () => Promise<MultiChannelAdaptorContext>;
  getTabContext: () => Promise<TabContext>;
}

/** IContext: what every context the toolbar talks to offers. */
export interface UefContext {
  subscribe: (request: EventRequest, callback: (response: EventResponse) => void) => SubscriptionContext;
  publish: (request: OperationRequest) => Promise<OperationResponse>;
}

/** IMultiChannelAdaptorContext. Oracle types the channel context as ICommunicationChannelContext. */
export interface MultiChannelAdaptorContext {
  getCommunicationChannelContext: (channelType: string) => Promise<UefContext>;
}

/** IPhoneContext, as far as the toolbar uses it. */
export type PhoneContext = UefContext;

/** ITabContext: the browser tab's context, where records are opened (PopOperation). */
export type TabContext = UefContext;

/** ISubscriptionContext. */
export interface SubscriptionContext {
  dispose: () => void;
}

/** IRequestHelper. */
export interface RequestHelper {
  createPublishRequest: (operationName: string) => OperationRequest;
  createSubscriptionRequest: (eventName: string) => EventRequest;
}

/** IEventRequest. */
export interface EventRequest {
  getEventName: () => string;
}

/** IMcaEventRequest. */
export interface McaEventRequest extends EventRequest {
  setAppClassification: (appClassification: string) => void;
}

/** IOperationRequest (all of it: the toolbar hands these back to Oracle's `publish`). */
export interface OperationRequest {
  getOperationName: () => string;
  setPropagateToTabs: (propagateToTabs: boolean) => void;
  isPropagateToTabsEnabled: () => boolean;
}

/** IMcaInDataRequest (the builder `getInData()` returns). */
export interface InDataRequest {
  setInDataValueByAttribute: (attribute: string, value: string) => void;
}

/** IMcaNewCommEventActionRequest / IMcaStartCommEventActionRequest / IMcaCloseCommEventActionRequest. */
export interface CommEventRequest extends OperationRequest {
  setAppClassification: (appClassification: string) => void;
  setEventId: (eventId: string) => void;
  getInData: () => InDataRequest;
}

/** IMcaCloseCommEventActionRequest. */
export interface CloseCommEventRequest extends CommEventRequest {
  setReason: (reason: string) => void;
}

/** IMcaAgentStateEventActionRequest: `setState` / `setReason`, strings both. */
export interface AgentStateEventRequest extends OperationRequest {
  setEventId: (eventId: string) => void;
  setIsAvailable: (isAvailable: boolean) => void;
  setIsLoggedIn: (isLoggedIn: boolean) => void;
  setState: (stateCd: string) => void;
  setStateDisplayString: (stateDisplayString: string) => void;
  setReason: (reasonCd: string) => void;
  setReasonDisplayString: (reasonDisplayString: string) => void;
  setInData: (inData: Record<string, string>) => void;
}

/** IMcaGetConfigurationActionRequest. */
export interface GetConfigurationRequest extends OperationRequest {
  setConfigType: (configType: string) => void;
}

/** IMcaDisableFeatureActionRequest. */
export interface DisableFeatureRequest extends OperationRequest {
  setFeatures: (features: string[]) => void;
}

/** IMcaReadyForOperationActionRequest. */
export interface ReadyForOperationRequest extends OperationRequest {
  setReadiness: (readiness: boolean) => void;
}

/** IMcaOutboundCommErrorActionRequest. */
export interface OutboundCommErrorRequest extends OperationRequest {
  setCommUuid: (commUuid: string) => void;
  setErrorCode: (errorCode: string) => void;
  setErrorMsg: (errorMsg: string) => void;
}

/** IPopFlowInAppRequest: open a record (`PopOperation` on a tab context). */
export interface PopFlowInAppRequest extends OperationRequest {
  setRecordType: (recordType: string) => void;
  setRecordId: (recordId: string) => void;
}

/** The request type of each operation name the toolbar publishes (Oracle's samples cast the same way). */
export interface PublishRequests {
  newCommEvent: CommEventRequest;
  startCommEvent: CommEventRequest;
  closeCommEvent: CloseCommEventRequest;
  agentStateEventOperation: AgentStateEventRequest;
  getConfigurationOperation: GetConfigurationRequest;
  disableFeatureOperation: DisableFeatureRequest;
  readyForOperationOperation: ReadyForOperationRequest;
  outboundCommError: OutboundCommErrorRequest;
  PopOperation: PopFlowInAppRequest;
}

export function publishRequest<Name extends keyof PublishRequests>(helper: RequestHelper, name: Name): PublishRequests[Name] {
  return helper.createPublishRequest(name) as PublishRequests[Name];
}

/** IOperationResponse and its per-operation `getResponseData()` (IMcaNewComActionResponse …). */
export interface OperationResponse {
  getOperationName?: () => string;
  getResponseData?: () => OperationResponseData | undefined;
}

/** IMcaNewComActionData / IMcaStartComActionData / IMcaGetConfigurationActionResponseData, merged. */
export interface OperationResponseData {
  getData?: () => unknown;
  getOutData?: () => unknown;
  getConfiguration?: () => ToolbarConfigurationData | undefined;
}

/** IMCAGetConfiguration. */
export interface ToolbarConfigurationData {
  getAgentId?: () => string;
  getFaTrustToken?: () => string;
  getFeatures?: () => string[];
}

/** IEventResponse and the event's `getResponseData()`. */
export interface EventResponse {
  getEventName?: () => string;
  getResponseData?: () => unknown;
}

/** IMcaOnToolbarInteractionCommandDataResponse / IMcaOnToolbarAgentCommandDataResponse, merged. */
export interface EventResponseData {
  getCommand?: () => string;
  getEventId?: () => string;
  getInData?: () => unknown;
  getData?: () => unknown;
  getOutData?: () => unknown;
  getOutdata?: () => unknown;
  setResult?: (value: string) => void;
  setOutdata?: (data: unknown) => void;
}

/**
 * Not in Oracle's declarations: what some live orgs hand over instead of the getters, a plain
 * `responseDetails` object (uef.md §5 [S]). Oracle's sample command handler writes its result there.
 */
export interface LiveOrgDetails {
  responseDetails?: unknown;
}

declare global {
  interface Window {
    CX_SVC_UI_EVENTS_FRAMEWORK?: UefGlobal;
  }
}
