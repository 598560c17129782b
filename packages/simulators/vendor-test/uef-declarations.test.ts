import { describe, expect, it } from 'vitest';
import { diagnosticsAgainstOracle, type AssignabilityCheck } from '../../toolbar/vendor-test/support/oracle-declarations.ts';

/**
 * The Fusion simulator's UEF client library (src/uef) against Oracle's declarations: every object it
 * hands a toolbar is an implementation of Oracle's interface of that object, so a toolbar written
 * against Oracle's d.ts runs on the simulator, and one that calls a member Oracle lacks does not.
 */

const CX = 'CX_SVC_UI_EVENTS_FRAMEWORK';

/**
 * Oracle types the raw payloads (`getData()`, `getOutData()`, `getInData()` …) as records with every
 * token a string; the simulator hands over the payload Fusion sent, whose keys vary by call. Those
 * getters are checked to exist, not for that shape.
 */
const RAW = "'getData' | 'getOutData' | 'getOutputData' | 'getInData' | 'getOutdata'";
const raw = (oracle: string) => `Omit<${oracle}, ${RAW}> & { [K in Extract<keyof ${oracle}, ${RAW}>]: () => unknown }`;

const simulatorImplementsOracle: Array<[simulator: string, oracle: string]> = [
  ['{ uiEventsFramework: P.UiEventsFramework }', `Pick<typeof ${CX}, 'uiEventsFramework'>`],
  ['P.UiEventsFramework', `${CX}.IUiEventsFramework`],
  ['P.UiEventsFrameworkProvider', `${CX}.IUiEventsFrameworkProvider`],
  ['P.MultiChannelAdaptorContext', `${CX}.IMultiChannelAdaptorContext`],
  ['Ph.PhoneContext', `${CX}.IPhoneContext`],
  ['Ph.SubscriptionContext', `${CX}.ISubscriptionContext`],
  ['R.RequestHelper', `${CX}.IRequestHelper`],
  ['R.McaEventRequest', `${CX}.IMcaEventRequest`],
  ['R.OperationRequest', `${CX}.IOperationRequest`],
  ['R.McaNewCommEventActionRequest', `${CX}.IMcaNewCommEventActionRequest`],
  ['R.McaStartCommEventActionRequest', `${CX}.IMcaStartCommEventActionRequest`],
  ['R.McaCloseCommEventActionRequest', `${CX}.IMcaCloseCommEventActionRequest`],
  ['R.McaAgentStateEventActionRequest', `${CX}.IMcaAgentStateEventActionRequest`],
  ['R.McaGetConfigurationActionRequest', `${CX}.IMcaGetConfigurationActionRequest`],
  ['R.McaDisableFeatureActionRequest', `${CX}.IMcaDisableFeatureActionRequest`],
  ['R.McaReadyForOperationActionRequest', `${CX}.IMcaReadyForOperationActionRequest`],
  ['R.McaOutboundCommErrorActionRequest', `${CX}.IMcaOutboundCommErrorActionRequest`],
  ['I.McaInDataRequest', `${CX}.IMcaInDataRequest`],
  ['I.McaStartCommInDataRequest', `${CX}.IMcaStartCommInDataRequest`],
  ['I.McaCloseCommInDataRequest', `${CX}.IMcaCloseCommInDataRequest`],
  ["ReturnType<Ph.PhoneContext['publish']> extends Promise<infer X> ? X : never", `${CX}.IOperationResponse`],
  ['S.CommEventResponseData', raw(`${CX}.IMcaNewComActionData`)],
  [
    'S.StartCommResponseData<G.EngagementContext>',
    `Omit<${CX}.IMcaStartComActionData, ${RAW} | 'getEngagementContext'> & { getEngagementContext(): Omit<${CX}.IEngagementContext, 'getEngagementData'> }`,
  ],
  ['S.CloseCommResponseData', raw(`${CX}.IMcaCloseComActionData`)],
  ['S.ConfigurationResponseData', raw(`${CX}.IMcaGetConfigurationActionResponseData`)],
  ['S.McaConfiguration', `${CX}.IMCAGetConfiguration`],
  ['S.ActionResponseData', `${CX}.IMcaAgentStateEventActionResponseData`],
  ['S.UefErrorData', `${CX}.IErrorData`],
  ["E.EventResponse<'onToolbarInteractionCommand', C.ObjectContext>", `Omit<${CX}.IMcaOnToolbarInteractionCommandEventResponse, 'getResponseData'>`],
  ["E.EventResponse<'onToolbarAgentCommand', C.ObjectContext>", `Omit<${CX}.IMcaOnToolbarAgentCommandEventResponse, 'getResponseData'>`],
  ["E.EventResponse<'onOutgoingEvent', C.ObjectContext>", `Omit<${CX}.IMcaonOutgoingEventResponse, 'getResponseData'>`],
  ["E.EventResponse<'onDataUpdated', C.ObjectContext>", `Omit<${CX}.IMcaOnDataUpdatedEventResponse, 'getResponseData'>`],
  ['E.InteractionCommandData', raw(`${CX}.IMcaOnToolbarInteractionCommandDataResponse & N.InteractionCommandDataResponseAdditions`)],
  ['E.AgentCommandData', raw(`${CX}.IMcaOnToolbarAgentCommandDataResponse`)],
  ['E.OutgoingEventData', raw(`${CX}.IMcaOnOutgoingEventData`)],
  ['E.DataUpdatedEventData', raw(`${CX}.IMcaOnDataUpdatedData`)],
  // The other contexts (uef.md §9).
  ['C.ObjectContext', `${CX}.IObjectContext`],
  ['C.UefContext', `${CX}.IContext`],
  ['C.GlobalContext', `${CX}.IGlobalContext`],
  ['C.TabContext', `${CX}.ITabContext`],
  ['C.RecordContext', `${CX}.IRecordContext`],
  ['C.ModalWindowContext', 'IModalWindowContext'],
  ['C.SidePaneContext', `${CX}.ISidePaneContext`],
  ['C.NotificationContext', `${CX}.INotificationContext`],
  ['C.ContextOperationResponse', `${CX}.IOperationResponse`],
  ['C.ContextEventResponse', `${CX}.IEventResponse`],
  ['G.EngagementContext', `Omit<${CX}.IEngagementContext, 'getEngagementData'> & { getEngagementData(): Omit<${CX}.IMcaEngagementData, ${RAW}> }`],
  ['W.PopFlowRequest', `${CX}.IPopFlowInAppRequest & ${CX}.IPopFlowAppUIRequest & ${CX}.IPopFlowGenericRequest`],
  ['W.ShowNotificationRequest', `${CX}.IShowNotificationRequest`],
  ['W.OpenWindowRequest', `${CX}.IOpenModalWindowRequest & ${CX}.IOpenPopupWindowRequest`],
  ['W.CloseWindowRequest', `${CX}.ICloseModalWindowRequest & ${CX}.IClosePopupWindowRequest`],
  ['W.UpdateSidePaneRequest', `${CX}.IUpdateSidePaneRequest`],
  ['W.GetFieldValueRequest', `${CX}.IGetFieldValueOperationRequest`],
  ['W.SetFieldValueRequest', `${CX}.ISetFieldValueOperationRequest`],
];

/** What a toolbar written against Oracle's d.ts passes → what the simulator's library takes. */
const oracleFitsSimulator: Array<[oracle: string, simulator: string]> = [
  [`Parameters<${CX}.IPhoneContext['subscribe']>[1]`, "Parameters<Ph.PhoneContext['subscribe']>[1]"],
];

const checks: AssignabilityCheck[] = [
  ...simulatorImplementsOracle.map(([from, to]) => ({ what: `the simulator's ${from} implements Oracle's ${to}`, from, to })),
  ...oracleFitsSimulator.map(([from, to]) => ({ what: `Oracle's ${from} is taken by the simulator's ${to}`, from, to })),
];

describe("the Fusion simulator's UEF library against Oracle's uiEventsFramework.d.ts", () => {
  it('implements every interface a toolbar reaches, with zero diagnostics', () => {
    const diagnostics = diagnosticsAgainstOracle({
      imports: [
        "import type * as P from 'packages/simulators/src/uef/provider.ts';",
        "import type * as Ph from 'packages/simulators/src/uef/phone-context.ts';",
        "import type * as R from 'packages/simulators/src/uef/requests.ts';",
        "import type * as I from 'packages/simulators/src/uef/in-data.ts';",
        "import type * as S from 'packages/simulators/src/uef/responses.ts';",
        "import type * as E from 'packages/simulators/src/uef/event-responses.ts';",
        "import type * as C from 'packages/simulators/src/uef/contexts.ts';",
        "import type * as G from 'packages/simulators/src/uef/engagement-context.ts';",
        "import type * as W from 'packages/simulators/src/uef/workspace-requests.ts';",
        "import type * as N from 'packages/toolbar/vendor-test/oracle-newer-docs.ts';",
      ],
      checks,
      roots: ['packages/simulators/src/uef/index.ts'],
    });
    expect(diagnostics.join('\n')).toBe('');
  });
});
