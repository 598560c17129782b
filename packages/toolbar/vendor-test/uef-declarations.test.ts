import { describe, expect, it } from 'vitest';
import { diagnosticsAgainstOracle, type AssignabilityCheck } from './support/oracle-declarations.ts';

/**
 * The toolbar's UEF types (src/fusion/uef-types.ts) against Oracle's declarations: every object
 * Oracle's library hands the toolbar has each member the toolbar calls, with the parameter types
 * the toolbar passes. The Fusion code (src/fusion) is compiled with Oracle's declarations in scope.
 */

const CX = 'CX_SVC_UI_EVENTS_FRAMEWORK';

/** Oracle's object → the toolbar's type of it (Oracle has every member the toolbar uses). */
const oracleSatisfiesToolbar: Array<[oracle: string, toolbar: string]> = [
  [`typeof ${CX}`, 'T.UefGlobal'],
  [`${CX}.IUiEventsFramework`, 'T.UiEventsFramework'],
  [`${CX}.IUiEventsFrameworkProvider`, 'T.UiEventsFrameworkProvider'],
  [`${CX}.IMultiChannelAdaptorContext`, 'T.MultiChannelAdaptorContext'],
  [`${CX}.IPhoneContext`, 'T.PhoneContext'],
  [`${CX}.ITabContext`, 'T.TabContext'],
  [`${CX}.ISubscriptionContext`, 'T.SubscriptionContext'],
  [`${CX}.IRequestHelper`, 'T.RequestHelper'],
  [`${CX}.IEventRequest`, 'T.EventRequest'],
  [`${CX}.IMcaEventRequest`, 'T.McaEventRequest'],
  [`${CX}.IOperationRequest`, 'T.OperationRequest'],
  [`${CX}.IMcaInDataRequest`, 'T.InDataRequest'],
  [`${CX}.IMcaNewCommEventActionRequest`, "T.PublishRequests['newCommEvent']"],
  [`${CX}.IMcaStartCommEventActionRequest`, "T.PublishRequests['startCommEvent']"],
  [`${CX}.IMcaCloseCommEventActionRequest`, "T.PublishRequests['closeCommEvent']"],
  [`${CX}.IMcaAgentStateEventActionRequest`, "T.PublishRequests['agentStateEventOperation']"],
  [`${CX}.IMcaGetConfigurationActionRequest`, "T.PublishRequests['getConfigurationOperation']"],
  [`${CX}.IMcaDisableFeatureActionRequest`, "T.PublishRequests['disableFeatureOperation']"],
  [`${CX}.IMcaReadyForOperationActionRequest`, "T.PublishRequests['readyForOperationOperation']"],
  [`${CX}.IMcaOutboundCommErrorActionRequest`, "T.PublishRequests['outboundCommError']"],
  [`${CX}.IPopFlowInAppRequest`, "T.PublishRequests['PopOperation']"],
  // Responses: each getter the toolbar tries exists on Oracle's response (Required: none may be missing).
  [`${CX}.IMcaNewComActionResponse`, "Required<Pick<T.OperationResponse, 'getOperationName'>>"],
  [`${CX}.IMcaNewComActionData`, "Required<Pick<T.OperationResponseData, 'getData' | 'getOutData'>>"],
  [`${CX}.IMcaStartComActionData`, "Required<Pick<T.OperationResponseData, 'getData' | 'getOutData'>>"],
  [`${CX}.IMcaCloseComActionData`, "Required<Pick<T.OperationResponseData, 'getData' | 'getOutData'>>"],
  [`${CX}.IMcaGetConfigurationActionResponseData`, "Required<Pick<T.OperationResponseData, 'getData' | 'getConfiguration'>>"],
  [`${CX}.IMCAGetConfiguration`, 'Required<T.ToolbarConfigurationData>'],
  [`${CX}.IMcaOnToolbarInteractionCommandEventResponse`, 'Required<T.EventResponse>'],
  [`${CX}.IMcaOnToolbarAgentCommandEventResponse`, 'Required<T.EventResponse>'],
  [`${CX}.IMcaonOutgoingEventResponse`, 'Required<T.EventResponse>'],
  [`${CX}.IMcaOnDataUpdatedEventResponse`, 'Required<T.EventResponse>'],
  [
    `${CX}.IMcaOnToolbarInteractionCommandDataResponse & N.InteractionCommandDataResponseAdditions`,
    "Required<Pick<T.EventResponseData, 'getCommand' | 'getEventId' | 'getInData' | 'getData' | 'getOutdata' | 'setResult' | 'setOutdata'>>",
  ],
  [
    `${CX}.IMcaOnToolbarAgentCommandDataResponse`,
    "Required<Pick<T.EventResponseData, 'getCommand' | 'getEventId' | 'getInData' | 'getData' | 'getOutdata' | 'setResult' | 'setOutdata'>>",
  ],
  [`${CX}.IMcaOnOutgoingEventData`, "Required<Pick<T.EventResponseData, 'getData' | 'getOutData'>>"],
  [`${CX}.IMcaOnDataUpdatedData`, "Required<Pick<T.EventResponseData, 'getData' | 'getOutData' | 'getEventId'>>"],
];

/** The toolbar's callbacks and requests → what Oracle's library takes. */
const toolbarSatisfiesOracle: Array<[toolbar: string, oracle: string]> = [
  ["Parameters<T.PhoneContext['subscribe']>[1]", `Parameters<${CX}.IPhoneContext['subscribe']>[1]`],
];

const checks: AssignabilityCheck[] = [
  ...oracleSatisfiesToolbar.map(([from, to]) => ({ what: `Oracle's ${from} has what the toolbar's ${to} uses`, from, to })),
  ...toolbarSatisfiesOracle.map(([from, to]) => ({ what: `the toolbar's ${from} is what Oracle's ${to} takes`, from, to })),
];

describe("the toolbar's Fusion code against Oracle's uiEventsFramework.d.ts", () => {
  it('type-checks with zero diagnostics', () => {
    const diagnostics = diagnosticsAgainstOracle({
      imports: [
        "import type * as T from 'packages/toolbar/src/fusion/uef-types.ts';",
        "import type * as N from 'packages/toolbar/vendor-test/oracle-newer-docs.ts';",
      ],
      checks,
      roots: [
        'packages/toolbar/src/fusion/fusion-adapter.ts',
        'packages/toolbar/src/fusion/fusion-publisher.ts',
        'packages/toolbar/src/fusion/uef-responses.ts',
        'packages/toolbar/src/fusion/load-uef.ts',
        'packages/toolbar/src/app/fusion.ts',
      ],
    });
    expect(diagnostics.join('\n')).toBe('');
  });
});
