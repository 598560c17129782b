import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../../src/core/agent-state.ts';
import { agentStateOf } from '../../../src/vendors/amazon/agent-state-mapping.ts';
import type { AgentStateView } from '../../../src/vendors/amazon/streams-view.ts';
import { STATES } from './support/views.ts';

/** Amazon Connect agent states (what `agent.getState()` reports) → the agent state the toolbar and Fusion show. */
describe('Amazon Connect agent state → core agent state', () => {
  const cases: Array<[string, AgentStateView, string | undefined, AgentState]> = [
    ['Available (routable) is ready', { name: 'Available', type: 'routable' }, 'Available', { kind: 'ready' }],
    [
      'a custom not-routable state is not ready, with its name as the reason',
      { name: 'Lunch', type: 'not_routable' },
      'Lunch',
      { kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch' },
    ],
    ['Offline is logged out', { name: 'Offline', type: 'offline' }, 'Offline', { kind: 'loggedOut' }],
    ['AfterCallWork is after-call work', { name: 'AfterCallWork', type: 'not_routable' }, 'Available', { kind: 'afterCallWork' }],
    ['a system state shows the state the agent chose (Busy while Available)', { name: 'Busy', type: 'system' }, 'Available', { kind: 'ready' }],
    [
      'a system state shows the state the agent chose (CallingCustomer while on Break)',
      { name: 'CallingCustomer', type: 'system' },
      'Break',
      { kind: 'notReady', reasonCode: 'Break', reasonLabel: 'Break' },
    ],
    [
      'MissedCallAgent is not ready, saying why, until the contact is cleared',
      { name: 'MissedCallAgent', type: 'error' },
      'Available',
      { kind: 'notReady', reasonCode: 'MissedCallAgent', reasonLabel: 'Missed call' },
    ],
    [
      'an error state the toolbar has no label for is not ready with its own name',
      { name: 'SomethingNew', type: 'error' },
      'Available',
      { kind: 'notReady', reasonCode: 'SomethingNew', reasonLabel: 'SomethingNew' },
    ],
    [
      'a busy line after an outbound call keeps the chosen state (the CCP clears it itself)',
      { name: 'LineEngagedCustomer', type: 'error' },
      'Available',
      { kind: 'ready' },
    ],
    ['a system state with no chosen state known is ready', { name: 'PendingBusy', type: 'system' }, undefined, { kind: 'ready' }],
  ];

  it.each(cases)('%s', (_name, state, availability, expected) => {
    expect(agentStateOf({ state, states: STATES, ...(availability !== undefined ? { availability } : {}) })).toEqual(expected);
  });
});
