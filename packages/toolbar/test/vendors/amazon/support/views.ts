import type { AgentStateView, AgentView, ConnectionView, ContactView } from '../../../../src/vendors/amazon/streams-view.ts';

/**
 * Streams snapshots as `readAgentView` reads them, built the way Amazon Connect reports them: a voice
 * contact with the agent's connection and the customer's (initial) one, system states while a contact
 * is handled, the state the agent chose behind them.
 */

export const AT = 1_700_000_000_000;
export const CUSTOMER = '+14155550123';

export const STATES: readonly AgentStateView[] = [
  { name: 'Available', type: 'routable' },
  { name: 'Break', type: 'not_routable' },
  { name: 'Lunch', type: 'not_routable' },
  { name: 'Offline', type: 'offline' },
];

export const AVAILABLE: AgentStateView = { name: 'Available', type: 'routable' };
export const BUSY: AgentStateView = { name: 'Busy', type: 'system' };
export const PENDING_BUSY: AgentStateView = { name: 'PendingBusy', type: 'system' };
export const CALLING_CUSTOMER: AgentStateView = { name: 'CallingCustomer', type: 'system' };
export const AFTER_CALL_WORK: AgentStateView = { name: 'AfterCallWork', type: 'not_routable' };
export const MISSED_CALL_AGENT: AgentStateView = { name: 'MissedCallAgent', type: 'error' };

export function agentView(state: AgentStateView, contacts: readonly ContactView[] = [], at = AT, availability = 'Available'): AgentView {
  return { state, availability, states: STATES, contacts, at };
}

export interface ContactShape {
  contactId?: string;
  state: string;
  direction?: 'inbound' | 'outbound';
  agent?: string;
  customer?: string;
  phoneNumber?: string;
  muted?: boolean;
  thirdParty?: { connectionId?: string; state: string; phoneNumber?: string; name?: string };
  attributes?: Record<string, string>;
  stateAt?: number;
}

/** A voice contact: `agent` and `customer` are the connection states. */
export function contact(shape: ContactShape): ContactView {
  const contactId = shape.contactId ?? 'c-1';
  const connections: ConnectionView[] = [
    { connectionId: `${contactId}-agent`, type: 'agent', state: shape.agent ?? 'connecting', initial: false, muted: shape.muted ?? false },
    {
      connectionId: `${contactId}-customer`,
      type: shape.direction ?? 'inbound',
      state: shape.customer ?? 'connected',
      initial: true,
      phoneNumber: shape.phoneNumber ?? CUSTOMER,
      muted: false,
    },
  ];
  if (shape.thirdParty) {
    connections.push({
      connectionId: shape.thirdParty.connectionId ?? `${contactId}-third`,
      type: 'outbound',
      state: shape.thirdParty.state,
      initial: false,
      ...(shape.thirdParty.phoneNumber !== undefined ? { phoneNumber: shape.thirdParty.phoneNumber } : {}),
      ...(shape.thirdParty.name !== undefined ? { name: shape.thirdParty.name } : {}),
      muted: false,
    });
  }
  return {
    contactId,
    type: 'voice',
    state: shape.state,
    stateAt: shape.stateAt ?? AT,
    connections,
    queue: 'Support',
    attributes: shape.attributes ?? {},
  };
}
