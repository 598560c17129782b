import { dayActivity } from '../core/agent-day.ts';
import type { AgentState } from '../core/agent-state.ts';
import { allows as allowed, type CommandName } from '../core/commands.ts';
import { linkLost, type ConnectionReason, type ConnectionStatus, type LinkOutage } from '../core/connection-status.ts';
import type { CrmContact } from '../core/crm-contacts.ts';
import { directoryEntry } from '../core/directory.ts';
import { isConference, isOwnConsultation, otherParties, type EndCause, type Interaction, type PartyState } from '../core/interaction.ts';
import { isLive } from '../core/interaction-state.ts';
import type { Failure, ReasonCode, TransferDestination } from '../core/outcome.ts';
import type { AgentIdentity } from '../core/vendor-events.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';

/**
 * What the toolbar's views show, worked out from the workspace model with no DOM: which card each
 * interaction gets, which controls a card offers, and the catalog message for every label. The
 * components only lay these out; this file is where the view logic lives and is tested.
 *
 * A control is offered when the workspace would accept its command (the core's command rules), so
 * the buttons never promise what the workspace would refuse.
 */

/** A catalog message and its placeholders, translated by the component that shows it. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

const message = (key: MessageKey, params?: Record<string, string | number>): Message => (params ? { key, params } : { key });

// ---------------------------------------------------------------------------------------------
// Connection and agent state (the header)

export type ConnectionTone = 'ok' | 'pending' | 'warning' | 'offline';

/** Why the link is down, when the agent can do something about it. */
const OFFLINE_MESSAGES: Partial<Record<ConnectionReason, MessageKey>> = {
  connectFailed: 'connection.connectFailed',
  authFailed: 'connection.signInNeeded',
  accessDenied: 'connection.accessDenied',
};

export function connectionView(status: ConnectionStatus): { readonly text: Message; readonly tone: ConnectionTone } {
  switch (status.state) {
    case 'connected':
      return { text: message('connection.connected'), tone: 'ok' };
    case 'connecting':
      return { text: message('connection.connecting'), tone: 'pending' };
    case 'reconnecting':
      if (status.reason === 'contactCenterDown') return { text: message('connection.contactCenterDown'), tone: 'warning' };
      if (status.reason === 'networkLost') return { text: message('connection.networkLost'), tone: 'warning' };
      return {
        text: status.attempt > 0 ? message('connection.reconnectingAttempt', { attempt: status.attempt }) : message('connection.reconnecting'),
        tone: 'warning',
      };
    case 'offline':
      return { text: message(OFFLINE_MESSAGES[status.reason] ?? 'connection.offline'), tone: 'offline' };
  }
}

/** What the header's colour and words say the agent is doing: the core's activity, or the link down, or logged out. */
export type HeaderTone = 'ready' | 'notReady' | 'onCall' | 'wrapUp' | 'disconnected' | 'loggedOut';

export function headerTone(agent: AgentState, interactions: readonly Interaction[], connection: ConnectionStatus): HeaderTone {
  if (linkLost(connection) || (connection.state === 'offline' && connection.reason !== 'idle')) return 'disconnected';
  return dayActivity(agent, interactions)?.kind ?? 'loggedOut';
}

/** While the link is lost: the banner's words (what is going on, and that the controls wait for it). */
export function linkLostBanner(status: ConnectionStatus): Message | undefined {
  if (!linkLost(status) || status.state !== 'reconnecting') return undefined;
  if (status.reason === 'contactCenterDown') return message('link.lostContactCenter');
  return status.attempt > 0 ? message('link.lostAttempt', { attempt: status.attempt }) : message('link.lost');
}

/**
 * Once the link is back: how long it was lost and what that cost — the calls in progress then that
 * have ended since, and a logout — in the words the notice shows, one message a line.
 */
export function outageReport(outage: LinkOutage | undefined, interactions: readonly Interaction[], agent: AgentState): readonly Message[] | undefined {
  if (outage?.restoredAt === undefined) return undefined;
  const seconds = Math.max(1, Math.round((outage.restoredAt - outage.lostAt) / 1000));
  const lines = [message('link.wasLost', { seconds })];
  if (outage.sessionLost) lines.push(message('link.sessionLost'));
  const byEventId = new Map(interactions.map((interaction) => [interaction.eventId, interaction]));
  const ended = outage.liveCalls.filter((eventId) => {
    const interaction = byEventId.get(eventId);
    return interaction === undefined || !isLive(interaction.state);
  }).length;
  if (ended > 0) lines.push(message(ended === 1 ? 'link.callEnded' : 'link.callsEnded', { count: ended }));
  if (outage.agentLoggedIn && agent.kind === 'loggedOut') lines.push(message('link.loggedOut'));
  return lines;
}

/**
 * The reasons the contact center sets itself, which the toolbar names in the agent's language rather
 * than the switch's jargon ("RONA", ring-no-answer; Amazon Connect's MissedCallAgent).
 */
const MISSED_CALL_REASONS: ReadonlySet<string> = new Set(['RONA', 'MissedCallAgent', 'MissedCallCustomer']);

/**
 * The label of a not-ready reason: the reason list's (in the agent's language when the configuration
 * gives one), else the vendor's label on the state, else the code.
 */
export function reasonLabel(code: string, given: string | undefined, reasons: readonly ReasonCode[]): string {
  return reasons.find((reason) => reason.code === code)?.label ?? given ?? code;
}

export function agentStateText(agent: AgentState, reasons: readonly ReasonCode[] = []): Message {
  switch (agent.kind) {
    case 'loggedOut':
      return message('agent.loggedOut');
    case 'ready':
      return message('agent.ready');
    case 'afterCallWork':
      return message('agent.afterCallWork');
    case 'notReady': {
      if (agent.reasonCode === undefined) return message('agent.notReady');
      if (MISSED_CALL_REASONS.has(agent.reasonCode)) return message('agent.notReadyMissedCall');
      return message('agent.notReadyReason', { reason: reasonLabel(agent.reasonCode, agent.reasonLabel, reasons) });
    }
  }
}

/**
 * The availability controls for a state. `unavailable` is how the not-ready control reads: go not
 * ready (with a reason picker when there are reasons), or change the reason of a not-ready agent.
 */
export interface AgentControls {
  readonly makeAvailable: boolean;
  readonly unavailable: 'goNotReady' | 'changeReason' | undefined;
  readonly logout: boolean;
}

export function agentControls(agent: AgentState, reasons: readonly ReasonCode[]): AgentControls {
  switch (agent.kind) {
    case 'loggedOut':
      return { makeAvailable: true, unavailable: 'goNotReady', logout: false };
    case 'ready':
      return { makeAvailable: false, unavailable: 'goNotReady', logout: true };
    case 'afterCallWork':
      return { makeAvailable: true, unavailable: 'goNotReady', logout: true };
    case 'notReady':
      return { makeAvailable: true, unavailable: choosableReasons(agent, reasons).length > 0 ? 'changeReason' : undefined, logout: true };
  }
}

/** The reasons the picker lists: all of them, less the one the agent is already not ready for. */
export function choosableReasons(agent: AgentState, reasons: readonly ReasonCode[]): readonly ReasonCode[] {
  if (agent.kind !== 'notReady') return reasons;
  return reasons.filter((reason) => reason.code !== agent.reasonCode);
}

// ---------------------------------------------------------------------------------------------
// Calls

export type CallCard =
  | { readonly kind: 'incoming'; readonly interaction: Interaction }
  | { readonly kind: 'dialing'; readonly interaction: Interaction }
  /** Connected or held; `consult` is the live consultation leg placed from it. */
  | { readonly kind: 'active'; readonly interaction: Interaction; readonly consult?: Interaction }
  | { readonly kind: 'wrapUp'; readonly interaction: Interaction };

const CARD_ORDER: Record<CallCard['kind'], number> = { incoming: 0, active: 1, dialing: 2, wrapUp: 3 };

/**
 * One card per interaction: ringing calls first, then calls in progress, calls being dialed, and
 * wrap-ups last. A live consultation leg is shown inside the card of the call it was placed from
 * while that call is in progress, and on its own once that call has ended.
 */
export function callCards(interactions: readonly Interaction[]): CallCard[] {
  const byEventId = new Map(interactions.map((interaction) => [interaction.eventId, interaction]));
  const consultOf = new Map<string, Interaction>();
  for (const leg of interactions) {
    const main = consultMain(leg, byEventId);
    if (main) consultOf.set(main.eventId, leg);
  }
  const shownInside = new Set([...consultOf.values()].map((leg) => leg.eventId));
  const cards: CallCard[] = [];
  for (const interaction of interactions) {
    if (shownInside.has(interaction.eventId)) continue;
    const card = cardOf(interaction, consultOf.get(interaction.eventId));
    if (card) cards.push(card);
  }
  return cards.sort((a, b) => CARD_ORDER[a.kind] - CARD_ORDER[b.kind]);
}

/** The call a live consultation leg belongs to, when that call is in progress. */
function consultMain(leg: Interaction, byEventId: ReadonlyMap<string, Interaction>): Interaction | undefined {
  if (leg.direction !== 'consult' || !isLive(leg.state) || leg.linkedEventId === undefined) return undefined;
  const main = byEventId.get(leg.linkedEventId);
  return main && (main.state === 'connected' || main.state === 'held') ? main : undefined;
}

function cardOf(interaction: Interaction, consult: Interaction | undefined): CallCard | undefined {
  switch (interaction.state) {
    case 'offered':
      return { kind: 'incoming', interaction };
    case 'dialing':
      return { kind: 'dialing', interaction };
    case 'connected':
    case 'held':
      return consult ? { kind: 'active', interaction, consult } : { kind: 'active', interaction };
    case 'wrapUp':
      return isOwnConsultation(interaction) ? undefined : { kind: 'wrapUp', interaction };
    case 'closed':
      return undefined;
  }
}

/** Whether a call is going on (ringing, dialing, connected or held): the outbound dial pad steps aside. */
export function hasLiveCall(interactions: readonly Interaction[]): boolean {
  return interactions.some((interaction) => isLive(interaction.state));
}

/**
 * Who the call is with: the CRM's contact name when Fusion found one, else the directory's name of
 * the number (a colleague's DN: "Kenji Sato" over "5002"), else for a call coming in "Unknown caller"
 * over the number, else the number the agent dialed.
 */
export function partyView(
  interaction: Interaction,
  contact: CrmContact | undefined,
  directory: readonly TransferDestination[] = [],
): { readonly name: Message | string; readonly number: string | undefined } {
  const number = interaction.phoneNumber === '' ? undefined : interaction.phoneNumber;
  const name = contact?.name?.trim() || (number !== undefined ? directoryEntry(directory, number)?.name : undefined);
  if (name) return { name, number: name === number ? undefined : number };
  if (interaction.direction === 'inbound' || number === undefined) return { name: message('call.unknownCaller'), number };
  return { name: number, number: undefined };
}

/** One row of a conference's party list. */
export interface ConferencePartyRow {
  readonly number: string;
  /** The CRM contact's (the customer's) or the directory's name, when there is one. */
  readonly name: string | undefined;
  readonly state: Message;
  readonly canDrop: boolean;
}

const PARTY_STATES: Record<PartyState, MessageKey> = { connected: 'party.connected', held: 'party.held', ringing: 'party.ringing' };

/**
 * The parties of a conference besides the agent, in the order the vendor lists them, each with the
 * name the toolbar knows (the CRM contact for the customer's number, else the directory) and whether
 * the agent may drop them (the vendor can, and the workspace would accept it). Undefined when the call
 * is not a conference.
 */
export function conferenceView(
  interaction: Interaction,
  identity: AgentIdentity,
  directory: readonly TransferDestination[],
  contact: CrmContact | undefined,
  canDropParties: boolean,
): readonly ConferencePartyRow[] | undefined {
  if (!isConference(interaction, identity.dn)) return undefined;
  const drop = canDropParties && allowed('dropParty', interaction);
  return otherParties(interaction, identity.dn).map(({ number, state }) => {
    const crmName = number === interaction.phoneNumber ? contact?.name?.trim() : undefined;
    return { number, name: crmName || directoryEntry(directory, number)?.name, state: message(PARTY_STATES[state]), canDrop: drop };
  });
}

/** A directory entry's state and kind, as the transfer panel's list says them ("agent · Ready"). */
export function destinationDetail(destination: TransferDestination): readonly Message[] {
  const kind = message(`call.destination.${destination.kind}`);
  return destination.state !== undefined ? [kind, message(`directory.state.${destination.state}`)] : [kind];
}

export interface ConsultControls {
  readonly completeTransfer: boolean;
  readonly completeConference: boolean;
  readonly cancelConsult: boolean;
}

/**
 * The controls of a call in progress. While a consultation is going on the call itself waits on
 * hold: the card offers what ends the consultation (complete the transfer, conference, cancel) and
 * hanging up, not holding, muting, tones or a second transfer.
 */
export interface ActiveCallControls {
  readonly hold: 'hold' | 'retrieve' | undefined;
  readonly mute: 'mute' | 'unmute' | undefined;
  readonly keypad: boolean;
  readonly transfer: boolean;
  /** Consult before transferring: the call must be connected (the contact center holds it itself). */
  readonly consultFirst: boolean;
  readonly record: 'record' | 'stopRecording' | undefined;
  readonly hangup: boolean;
  readonly consult: ConsultControls | undefined;
}

export function activeCallControls(interaction: Interaction, consult?: Interaction): ActiveCallControls {
  const quiet = consult !== undefined;
  const hold = allowed('holdCall', interaction) ? 'hold' : allowed('retrieveCall', interaction) ? 'retrieve' : undefined;
  const mute = allowed('muteCall', interaction) ? 'mute' : allowed('unmuteCall', interaction) ? 'unmute' : undefined;
  const record = allowed('startRecording', interaction) ? 'record' : allowed('stopRecording', interaction) ? 'stopRecording' : undefined;
  return {
    hold: quiet ? undefined : hold,
    mute: quiet ? undefined : mute,
    keypad: !quiet && allowed('sendDtmf', interaction),
    transfer: !quiet && allowed('transferCall', interaction),
    consultFirst: !quiet && allowed('consultCall', interaction) && interaction.state === 'connected',
    record,
    hangup: allowed('hangupCall', interaction),
    consult: consult && {
      completeTransfer: allowed('completeTransfer', interaction, consult),
      completeConference: allowed('completeConference', interaction, consult),
      cancelConsult: allowed('cancelConsult', interaction, consult),
    },
  };
}

/** The line under a call's name: its state, the queue it came from, and the recording. */
export function callStatusText(interaction: Interaction): Message {
  switch (interaction.state) {
    case 'offered':
      return message('call.incoming');
    case 'dialing':
      return message('call.outgoing');
    case 'held':
      return message('call.held');
    case 'connected':
      return message('call.connected');
    case 'wrapUp':
    case 'closed':
      return endedText(interaction.endCause ?? { kind: 'completed' }, interaction.direction);
  }
}

export function recordingText(interaction: Interaction): Message | undefined {
  if (interaction.recordingState === 'recording') return message('call.recording');
  if (interaction.recordingState === 'paused') return message('call.recordingPaused');
  return undefined;
}

const ENDED: Record<EndCause['kind'], MessageKey> = {
  completed: 'call.ended.completed',
  rejected: 'call.ended.rejected',
  abandoned: 'call.ended.abandoned',
  missed: 'call.ended.missed',
  timeout: 'call.ended.timeout',
  canceled: 'call.ended.canceled',
  failed: 'call.ended.failed',
  transferred: 'call.ended.transferred',
};

/** How a call ended, as the wrap-up card says it. A consultation that simply ended says so. */
export function endedText(cause: EndCause, direction: Interaction['direction'] = 'inbound'): Message {
  if (direction === 'consult' && cause.kind === 'completed') return message('call.endedConsultation');
  return message(ENDED[cause.kind]);
}

/** How long the customer and the agent talked, when they did. */
export function talkTime(interaction: Interaction): number | undefined {
  if (interaction.connectedAt === undefined) return undefined;
  const end = interaction.endedAt ?? interaction.connectedAt;
  return Math.max(0, end - interaction.connectedAt);
}

/** A duration as `mm:ss`, or `h:mm:ss` from an hour on. Negative durations (clock skew) read 00:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The action a command failure is reported under: the label of the control that sends that command. */
const ACTION_LABELS: { readonly [C in CommandName]: MessageKey | undefined } = {
  start: undefined,
  makeAgentAvailable: 'agent.makeAvailable',
  makeAgentUnavailable: 'agent.makeUnavailable',
  logout: 'agent.logout',
  reasonCodes: 'agent.reason',
  transferDestinations: 'call.quickConnects',
  makeOutboundCall: 'dial.call',
  acceptCall: 'call.accept',
  rejectCall: 'call.decline',
  hangupCall: 'call.hangup',
  endCall: 'call.hangup',
  holdCall: 'call.hold',
  retrieveCall: 'call.retrieve',
  muteCall: 'call.mute',
  unmuteCall: 'call.unmute',
  transferCall: 'call.transferGo',
  consultCall: 'call.consult',
  conferenceCall: 'call.consult',
  completeTransfer: 'call.completeTransfer',
  completeConference: 'call.completeConference',
  cancelConsult: 'call.cancelConsult',
  dropParty: 'call.conference',
  sendDtmf: 'dtmf.title',
  startRecording: 'call.record',
  stopRecording: 'call.stopRecording',
  pauseRecording: 'call.pauseRecording',
  resumeRecording: 'call.resumeRecording',
  setAttachedData: 'call.attachedData',
  deleteAttachedData: 'call.attachedData',
  closeInteraction: 'call.done',
  muteSpeaker: undefined,
  unmuteSpeaker: undefined,
};

export interface ErrorView {
  /** The label of the control whose command failed; none for a failure no control of the toolbar sends. */
  readonly action: MessageKey | undefined;
  /** The bridge refused the agent's credentials (Fusion's trust token, an OIDC token): the agent is not signed in. */
  readonly signInRefused: boolean;
  /** The failure's message and its code. */
  readonly detail: Message;
}

export function errorView(failure: Failure, command: CommandName | undefined): ErrorView {
  return {
    action: command !== undefined ? ACTION_LABELS[command] : undefined,
    signInRefused: SIGN_IN_REFUSALS.has(failure.code),
    detail: message('error.detail', { message: failure.message, code: failure.code }),
  };
}

/** Whether two failures tell the agent the same thing: the same refusal of the sign-in, or the same command's same failure. */
export function sameError(a: { failure: Failure; command: CommandName | undefined }, b: { failure: Failure; command: CommandName | undefined }): boolean {
  const same = a.failure.code === b.failure.code && a.failure.message === b.failure.message;
  return same && (SIGN_IN_REFUSALS.has(a.failure.code) || a.command === b.command);
}

/** The codes with which the bridge refuses who the agent is (not what the agent asked). */
const SIGN_IN_REFUSALS: ReadonlySet<Failure['code']> = new Set([
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'AGENT_NOT_IN_DIRECTORY',
  'IDENTITY_PROVIDER_UNAVAILABLE',
]);

/** The title of an error: the sign-in refused, `Hold failed`, or the generic one. */
export function errorTitle(view: ErrorView, t: Translate): string {
  if (view.signInRefused) return t('error.signInRefused');
  return view.action ? t('error.actionFailed', { action: t(view.action) }) : t('error.title');
}

/** Translate a view-model message, or pass a plain string (a name, a number) through. */
export function say(t: Translate, text: Message | string): string {
  return typeof text === 'string' ? text : t(text.key, text.params);
}

const STATE_KEYS: Record<AgentState['kind'], MessageKey> = {
  loggedOut: 'agent.loggedOut',
  ready: 'agent.ready',
  notReady: 'agent.notReady',
  afterCallWork: 'agent.afterCallWork',
};

/** The agent's state and reason as Fusion shows them (agentStateEventOperation's display strings, e.g. "Not ready: Lunch"). */
export function agentDisplayStrings(
  agent: AgentState,
  reasons: readonly ReasonCode[],
  t: Translate,
): { stateDisplayString: string; reasonDisplayString: string } {
  if (agent.kind === 'notReady' && agent.reasonCode !== undefined) {
    const reason = MISSED_CALL_REASONS.has(agent.reasonCode) ? t('agent.reason.missedCall') : reasonLabel(agent.reasonCode, agent.reasonLabel, reasons);
    return { stateDisplayString: t('agent.notReadyReason', { reason }), reasonDisplayString: reason };
  }
  return { stateDisplayString: t(STATE_KEYS[agent.kind]), reasonDisplayString: '' };
}
