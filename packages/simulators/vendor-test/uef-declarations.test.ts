import { describe, expect, it } from 'vitest';
import { diagnosticsAgainstOracle, type AssignabilityCheck } from '../../toolbar/vendor-test/support/oracle-declarations.ts';

/**
 * The Fusion simulator's UEF client library (src/uef) against Oracle's declarations: every object it
 * hands a toolbar is an implementation of Oracle's interface of that object, so a toolbar written
 * against Oracle's d.ts runs on the simulator, and one that calls a member Oracle lacks does not.
 */

const CX = 'CX_SVC_UI_EVENTS_FRAMEWORK';

const simulatorImplementsOracle: Array<[simulator: string, oracle: string]> = [
  ['{ uiEventsFramework: P.UiEventsFramework }', `typeof ${CX}`],
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
  ['S.CommEventResponseData', `${CX}.IMcaNewComActionData`],
  ['S.StartCommResponseData', `${CX}.IMcaStartComActionData`],
  ['S.CloseCommResponseData', `${CX}.IMcaCloseComActionData`],
  ['S.ConfigurationResponseData', `${CX}.IMcaGetConfigurationActionResponseData`],
  ['S.McaConfiguration', `${CX}.IMCAGetConfiguration`],
  ['S.ActionResponseData', `${CX}.IMcaAgentStateEventActionResponseData`],
  ['S.UefErrorData', `${CX}.IErrorData`],
  ["E.EventResponse<'onToolbarInteractionCommand'>", `${CX}.IMcaOnToolbarInteractionCommandEventResponse`],
  ["E.EventResponse<'onToolbarAgentCommand'>", `${CX}.IMcaOnToolbarAgentCommandEventResponse`],
  ["E.EventResponse<'onOutgoingEvent'>", `${CX}.IMcaonOutgoingEventResponse`],
  ["E.EventResponse<'onDataUpdated'>", `${CX}.IMcaOnDataUpdatedEventResponse`],
  ['E.InteractionCommandData', `${CX}.IMcaOnToolbarInteractionCommandDataResponse & N.InteractionCommandDataResponseAdditions`],
  ['E.AgentCommandData', `${CX}.IMcaOnToolbarAgentCommandDataResponse`],
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
        "import type * as N from 'packages/toolbar/vendor-test/oracle-newer-docs.ts';",
      ],
      checks,
      roots: ['packages/simulators/src/uef/index.ts'],
    });
    expect(diagnostics.join('\n')).toBe('');
  });
});
