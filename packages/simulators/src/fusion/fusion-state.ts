import type { TokenRecord } from '../wire/uef-message.ts';
import type { Contact, ServiceRequest } from './contact-directory.ts';
import type { LogEntry } from './event-log.ts';
import type { Subscription } from './uef-host.ts';

/**
 * What the simulated Fusion shows the agent, as one immutable value the page renders. It changes only
 * on what the toolbar publishes (the "vendor" of this side): pressing Answer sends a command and marks
 * it pending, and the engagement appears when startCommEvent arrives.
 *
 * An interaction's phases:
 * ```
 *   newCommEvent inbound ──▶ offered ──startCommEvent──▶ connected ──closeCommEvent WRAPUP──▶ wrapup ──Save──▶ (gone)
 *   newCommEvent outbound ─▶ dialing ─┘                                 other close reasons ──▶ (gone)
 * ```
 */

export interface FusionConfig {
  hostName: string;
  /** The application classification of this Fusion page: click-to-dial goes to subscriptions with it. */
  appClassification: string;
  agentId: string;
  agentPartyId: string;
  features: string[];
  /** The unsigned dev token, when the page has no trust-token.json (trust-token-settings.ts). */
  faTrustToken: string;
  companionPanelUrl: string;
  companionPanelTitle: string;
}

export function defaultFusionConfig(overrides: Partial<FusionConfig> = {}): FusionConfig {
  const agentId = overrides.agentId ?? 'agent1';
  return {
    hostName: 'Fusion Service simulator',
    appClassification: 'ORA_SERVICE',
    agentId,
    agentPartyId: '300100099990001',
    features: ['INBOUND_CALL', 'OUTBOUND_CALL', 'TRANSFER_CALL', 'CONFERENCE_CALL'],
    faTrustToken: `simulated-fa-trust-token.${agentId}`,
    companionPanelUrl: '',
    companionPanelTitle: '',
    ...overrides,
  };
}

export type ToolbarLink = { status: 'waiting' } | { status: 'connected'; applicationName: string; apiVersion: string; toolbarName: string };

/** The agent's phone state as last published with agentStateEventOperation. */
export interface AgentPresence {
  isAvailable: boolean;
  isLoggedIn: boolean;
  state: string | null;
  stateDisplayString: string;
  reason: string | null;
  reasonDisplayString: string | null;
}

/** A controllable event Fusion sent and what became of it. */
export interface CommandProgress {
  command: string;
  status: 'pending' | 'succeeded' | 'failed';
  message?: string;
}

export type InteractionPhase = 'offered' | 'dialing' | 'connected' | 'wrapup';
export type Direction = 'inbound' | 'outbound';

export interface Interaction {
  eventId: string;
  appClassification: string;
  direction: Direction;
  phase: InteractionPhase;
  /** SVCMCA_ANI: the caller's number, or the dialed one. */
  number: string;
  contact: Contact | undefined;
  serviceRequest: ServiceRequest | undefined;
  /** The outData returned by newCommEvent: what startComm and closeComm should carry. */
  newCommOutData: TokenRecord;
  /** The latest outData returned (newComm, grown by startComm). */
  outData: TokenRecord;
  offeredAt: number;
  offerTimeoutSec: number | undefined;
  offerExpired: boolean;
  connectedAt: number | undefined;
  interactionId: string | undefined;
  wrapupId: string | undefined;
  command: CommandProgress | undefined;
  /** outboundCommError reported for this call. */
  error: { code: string; message: string } | undefined;
}

/** A click-to-dial Fusion sent to the toolbar, until the toolbar's newCommEvent or outboundCommError. */
export interface DialRequest {
  uuid: string;
  callId: string;
  number: string;
  contact: Contact | undefined;
  at: number;
  error: { code: string; message: string } | undefined;
}

export interface ClosedInteraction {
  eventId: string;
  direction: Direction;
  number: string;
  name: string | undefined;
  reason: string;
  at: number;
}

/** A record open in one of Fusion's tabs (PopOperation), with the field values the record context reads and writes. */
export interface RecordTab {
  tabId: string;
  recordType: string;
  /** Empty for a create page (a PopOperation without a record id). */
  recordId: string;
  title: string;
  fields: Record<string, string>;
  /** SetFieldValue changes not saved yet. */
  dirty: boolean;
}

/** A notification a toolbar showed (ShowNotification on a notification context). */
export interface FusionNotification {
  id: string;
  type: string;
  title: string;
  summary: string;
  closable: boolean;
  actions: Array<{ id: string; name: string }>;
}

/** The modal window or dialog a toolbar opened (OpenModal / OpenPopup on the modal window context). */
export interface FusionModal {
  id: string;
  kind: 'modal' | 'popup';
  url: string;
  title: string;
}

/** An advanced side pane's state, as the toolbar set it (ExpandSidePane, UpdateSidePane …). */
export interface SidePaneState {
  expanded: boolean;
  visible: boolean;
  sectionId: string | undefined;
  icon: string | undefined;
}

export interface FusionState {
  toolbar: ToolbarLink;
  /** Undefined until the first agentStateEventOperation: the phone icon is disabled until then. */
  agent: AgentPresence | undefined;
  agentCommand: CommandProgress | undefined;
  configurationServed: boolean;
  readiness: boolean | undefined;
  disabledFeatures: string[];
  subscriptions: readonly Subscription[];
  interactions: Interaction[];
  dials: DialRequest[];
  recent: ClosedInteraction[];
  tabs: RecordTab[];
  activeTabId: string | undefined;
  notifications: FusionNotification[];
  modal: FusionModal | undefined;
  sidePanes: Record<string, SidePaneState>;
  log: LogEntry[];
}

export const initialFusionState: FusionState = {
  toolbar: { status: 'waiting' },
  agent: undefined,
  agentCommand: undefined,
  configurationServed: false,
  readiness: undefined,
  disabledFeatures: [],
  subscriptions: [],
  interactions: [],
  dials: [],
  recent: [],
  tabs: [],
  activeTabId: undefined,
  notifications: [],
  modal: undefined,
  sidePanes: {},
  log: [],
};

/** Replace the interaction with this eventId. */
export function withInteraction(state: FusionState, eventId: string, change: (i: Interaction) => Interaction): FusionState {
  return { ...state, interactions: state.interactions.map((i) => (i.eventId === eventId ? change(i) : i)) };
}

/** Remove an interaction and remember how it ended. */
export function closeInteraction(state: FusionState, eventId: string, reason: string, at: number): FusionState {
  const interaction = state.interactions.find((i) => i.eventId === eventId);
  if (!interaction) return state;
  const closed: ClosedInteraction = {
    eventId,
    direction: interaction.direction,
    number: interaction.number,
    name: interaction.contact ? `${interaction.contact.firstName} ${interaction.contact.lastName}` : undefined,
    reason,
    at,
  };
  return {
    ...state,
    interactions: state.interactions.filter((i) => i.eventId !== eventId),
    recent: [closed, ...state.recent].slice(0, 10),
  };
}
