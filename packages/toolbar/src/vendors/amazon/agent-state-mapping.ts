import type { AgentState } from '../../core/agent-state.ts';
import type { CtiErrorCode } from '../../core/outcome.ts';
import type { AgentStateView, AgentView } from './streams-view.ts';

/**
 * Amazon Connect agent states → the core's agent state.
 *
 * | snapshot state (type)                                   | core                                  |
 * |---------------------------------------------------------|---------------------------------------|
 * | AfterCallWork                                           | afterCallWork                         |
 * | routable (Available)                                    | ready                                 |
 * | not_routable (a custom state, e.g. Lunch)               | notReady, reason = the state's name   |
 * | offline (Offline)                                       | loggedOut                             |
 * | system (Busy, PendingBusy, CallingCustomer…)            | the state the agent chose (`getAvailabilityState()`) |
 * | error after an outbound call failed (LineEngagedCustomer, FailedConnectCustomer, BadAddressCustomer) | the state the agent chose: the CCP clears these itself |
 * | any other error (MissedCallAgent, Default…)             | notReady, reason = the error's name   |
 *
 * System states only say the agent is handling a contact: the toolbar keeps showing what the agent
 * chose, as the CCP does. An error state is the agent's until the contact is cleared: the agent is
 * not routable, and the toolbar says why.
 */

export const AFTER_CALL_WORK = 'AfterCallWork';

/** Error states after a call the agent placed could not be put through, and what the toolbar says of them. */
export const OUTBOUND_FAILURES: Readonly<Record<string, { readonly code: CtiErrorCode; readonly message: string }>> = {
  LineEngagedCustomer: { code: 'TERMINATING_PARTY_BUSY', message: 'The line of the number called is busy.' },
  FailedConnectCustomer: { code: 'DESTINATION_NO_ANSWER', message: 'The number called did not answer.' },
  BadAddressCustomer: { code: 'INVALID_CALLED_DN', message: 'The number called cannot be reached.' },
  LineEngagedAgent: { code: 'VENDOR_UNREACHABLE', message: "The agent's phone line is busy." },
  FailedConnectAgent: { code: 'VENDOR_UNREACHABLE', message: "The agent's phone did not connect." },
  BadAddressAgent: { code: 'VENDOR_UNREACHABLE', message: "The agent's phone number cannot be reached." },
};

const ERROR_LABELS: Readonly<Record<string, string>> = {
  MissedCallAgent: 'Missed call',
  MissedCallCustomer: 'Missed call',
  AgentHungUp: 'Hung up',
  MultipleCcpWindows: 'CCP open in another window',
  RealtimeCommunicationError: 'Phone connection error',
  InvalidLocale: 'Invalid language setting',
  Default: 'Error',
  Error: 'Error',
};

function chosenState(definition: AgentStateView): AgentState {
  switch (definition.type) {
    case 'routable':
      return { kind: 'ready' };
    case 'not_routable':
      return { kind: 'notReady', reasonCode: definition.name, reasonLabel: definition.name };
    default:
      return { kind: 'loggedOut' };
  }
}

/** The state the agent chose, which system states stand in front of while contacts are handled. */
function availabilityOf(view: Pick<AgentView, 'availability' | 'states'>): AgentState {
  const chosen = view.states.find((definition) => definition.name === view.availability);
  return chosen ? chosenState(chosen) : { kind: 'ready' };
}

export function agentStateOf(view: Pick<AgentView, 'state' | 'availability' | 'states'>): AgentState {
  const { state } = view;
  if (state.name === AFTER_CALL_WORK) return { kind: 'afterCallWork' };
  switch (state.type) {
    case 'routable':
    case 'not_routable':
    case 'offline':
      return chosenState(state);
    case 'error':
      if (Object.hasOwn(OUTBOUND_FAILURES, state.name)) return availabilityOf(view);
      return { kind: 'notReady', reasonCode: state.name, reasonLabel: ERROR_LABELS[state.name] ?? state.name };
    default:
      return availabilityOf(view);
  }
}
