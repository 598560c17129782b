import type { Logger } from '../core/logger.ts';
import { configurationOf, operationOutData, type TokenRecord, type ToolbarConfiguration } from './uef-responses.ts';
import { publishRequest, type CommEventRequest, type OperationRequest, type PhoneContext, type PublishRequests, type RequestHelper } from './uef-types.ts';

/**
 * The toolbar → Fusion actions on the PHONE context, built with the request helper and the setters
 * uef.md §2–3 documents, under the names Fusion spells (`agentStateEventOperation`,
 * `readyForOperationOperation` …), each typed as Oracle's request of that operation (uef-types.ts).
 * inData goes in through `getInData().setInDataValueByAttribute`,
 * the documented catch-all, so the newComm outData can be carried into startComm and closeComm key
 * for key.
 */

/** closeCommEvent reasons (uef.md §3.7). */
export type CloseReason = 'WRAPUP' | 'REJECT' | 'MISSED' | 'ABANDONED' | 'TIMEOUT' | 'CANCELED';

export interface AgentStateReport {
  isLoggedIn: boolean;
  isAvailable: boolean;
  state: 'AVAILABLE' | 'UNAVAILABLE' | 'LOGGED_OUT';
  stateDisplayString: string;
  /** The reason code; absent when the state has none (Oracle's `setReason` takes a string, never null). */
  reason?: string;
  reasonDisplayString: string;
}

export class FusionPublisher {
  constructor(
    private readonly phone: PhoneContext,
    private readonly helper: RequestHelper,
    private readonly appClassification: string,
    private readonly log: Logger,
  ) {}

  async configuration(): Promise<ToolbarConfiguration> {
    const request = publishRequest(this.helper, 'getConfigurationOperation');
    request.setConfigType('TOOLBAR');
    return configurationOf(await this.publish('getConfigurationOperation', request));
  }

  async disableFeatures(features: string[]): Promise<void> {
    const request = publishRequest(this.helper, 'disableFeatureOperation');
    request.setFeatures(features);
    await this.publish('disableFeatureOperation', request);
  }

  async readyForOperation(): Promise<void> {
    const request = publishRequest(this.helper, 'readyForOperationOperation');
    request.setReadiness(true);
    await this.publish('readyForOperationOperation', request);
  }

  async agentState(report: AgentStateReport): Promise<void> {
    const request = publishRequest(this.helper, 'agentStateEventOperation');
    request.setEventId('1');
    request.setIsLoggedIn(report.isLoggedIn);
    request.setIsAvailable(report.isAvailable);
    request.setState(report.state);
    request.setStateDisplayString(report.stateDisplayString);
    if (report.reason !== undefined) request.setReason(report.reason);
    request.setReasonDisplayString(report.reasonDisplayString);
    request.setInData({ phoneLineId: '1' });
    await this.publish('agentStateEventOperation', request);
  }

  /** Ring (inbound) or dial acknowledgement (outbound); resolves with the reverse-lookup outData. */
  async newComm(eventId: string, inData: TokenRecord): Promise<TokenRecord> {
    const request = this.commRequest('newCommEvent', eventId, inData);
    return operationOutData(await this.publish('newCommEvent', request));
  }

  async startComm(eventId: string, inData: TokenRecord): Promise<TokenRecord> {
    const request = this.commRequest('startCommEvent', eventId, inData);
    return operationOutData(await this.publish('startCommEvent', request));
  }

  async closeComm(eventId: string, reason: CloseReason, inData: TokenRecord): Promise<void> {
    const request = this.commRequest('closeCommEvent', eventId, inData);
    request.setReason(reason);
    await this.publish('closeCommEvent', request);
  }

  async outboundCommError(commUuid: string, errorCode: string, errorMessage: string): Promise<void> {
    const request = publishRequest(this.helper, 'outboundCommError');
    request.setCommUuid(commUuid);
    request.setErrorCode(errorCode);
    request.setErrorMsg(errorMessage);
    await this.publish('outboundCommError', request);
  }

  private commRequest<Name extends 'newCommEvent' | 'startCommEvent' | 'closeCommEvent'>(
    operation: Name,
    eventId: string,
    inData: TokenRecord,
  ): PublishRequests[Name] {
    const request: PublishRequests[Name] & CommEventRequest = publishRequest(this.helper, operation);
    request.setAppClassification(this.appClassification);
    request.setEventId(eventId);
    const builder = request.getInData();
    for (const [key, value] of Object.entries(inData)) builder.setInDataValueByAttribute(key, value);
    return request;
  }

  private async publish(operation: string, request: OperationRequest) {
    try {
      return await this.phone.publish(request);
    } catch (error) {
      this.log.warn({ operation, err: describe(error) }, 'Fusion rejected an operation');
      throw error;
    }
  }
}

/** IErrorData (getStatus/getMessage) or an Error, as text for logs and views. */
export function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const withGetter = error as { getMessage?: () => unknown; message?: unknown };
    const message = typeof withGetter.getMessage === 'function' ? withGetter.getMessage() : withGetter.message;
    if (typeof message === 'string' && message) return message;
  }
  return String(error);
}
