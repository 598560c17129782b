/**
 * A plain picture of what amazon-connect-streams reports at one `agent::refresh`: the agent's state,
 * the states the agent may choose, and each contact with its connections — read through the library's
 * public getters (`agent.getState()`, `contact.getConnections()`, `connection.getEndpoint()`…) by
 * `readAgentView`, and nothing else. The mapping to the core's events works on these values only, so it
 * is tested without the library, and the library's objects (which throw once a contact is gone) are
 * never kept.
 *
 * Value sets are the library's: agent state types `init | routable | not_routable | offline | system |
 * error`, contact states `init | incoming | pending | connecting | connected | missed | error | ended |
 * rejected | paused`, connection states `init | connecting | connected | hold | disconnected |
 * silent_monitor | barge`, connection types `agent | inbound | outbound | monitoring`.
 */

export interface AgentStateView {
  readonly name: string;
  readonly type: string;
}

export interface ConnectionView {
  readonly connectionId: string;
  readonly type: string;
  readonly state: string;
  readonly initial: boolean;
  /** The endpoint's number (an E.164 number, or a `sip:` address stripped to its user part). */
  readonly phoneNumber?: string;
  /** The endpoint's name: a quick connect's, an agent's or a queue's. */
  readonly name?: string;
  readonly muted: boolean;
}

export interface ContactView {
  readonly contactId: string;
  /** `voice`, `queue_callback`, `chat`, `task`, `email`. */
  readonly type: string;
  readonly state: string;
  /** When the contact entered its state, epoch ms. */
  readonly stateAt: number;
  readonly connections: readonly ConnectionView[];
  readonly queue?: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface AgentView {
  /** The agent's name (`getName()`) and their deskphone number (`getExtension()`; empty for a softphone agent). */
  readonly name?: string;
  readonly extension?: string;
  /** What the snapshot reports now: a chosen state, or a system or error state while contacts are handled. */
  readonly state: AgentStateView;
  /** The state the agent chose (`getAvailabilityState()`), which system states hide. */
  readonly availability?: string;
  /** The states the agent may choose (`getAgentStates()`). */
  readonly states: readonly AgentStateView[];
  readonly contacts: readonly ContactView[];
  /** When the snapshot was taken, epoch ms. */
  readonly at: number;
}

/** Contact states in which the call is still going on (`connect.CONTACT_ACTIVE_STATES`, plus `init` for a call being placed). */
const LIVE_CONTACT_STATES = new Set(['init', 'incoming', 'pending', 'connecting', 'connected', 'paused']);

/** Connection states in which a party is on the call (`connect.CONNECTION_ACTIVE_STATES`). */
const ACTIVE_CONNECTION_STATES = new Set(['connecting', 'connected', 'hold', 'silent_monitor', 'barge']);

export function isLiveContact(contact: Pick<ContactView, 'state'>): boolean {
  return LIVE_CONTACT_STATES.has(contact.state);
}

export function isActiveConnection(connection: Pick<ConnectionView, 'state'>): boolean {
  return ACTIVE_CONNECTION_STATES.has(connection.state);
}

/** The customer's connection: the initial one. */
export function initialConnection(contact: ContactView): ConnectionView | undefined {
  return contact.connections.find((connection) => connection.initial);
}

export function agentConnection(contact: ContactView): ConnectionView | undefined {
  return contact.connections.find((connection) => connection.type === 'agent' || connection.type === 'monitoring');
}

/** Parties added to the call (quick connects, consultations): neither the customer nor the agent. */
export function thirdPartyConnections(contact: ContactView): readonly ConnectionView[] {
  return contact.connections.filter((connection) => !connection.initial && connection.type !== 'agent' && connection.type !== 'monitoring');
}

/** The agent placed the call: its initial connection is outbound. */
export function isOutbound(contact: ContactView): boolean {
  return initialConnection(contact)?.type === 'outbound';
}

/** `sip:+15551234@host` → `+15551234`, as the library's `stripPhoneNumber` does. */
export function stripPhoneNumber(address: string): string {
  const match = /^sip:([^@]*)@/.exec(address);
  return match?.[1] ?? address;
}
