/**
 * The objects the Service Client API hands out, in its own words (agent.Agent, media.State,
 * interaction.Interaction…): what `response.data` holds and what events carry.
 */

/** Attached data (Genesys user data): flat key → string | number. */
export type UserData = Record<string, string | number>;

/** agent.Agent */
export interface Agent {
  /** The agent's routing id. */
  readonly employeeId: string;
  readonly username: string;
  readonly firstname?: string;
  readonly lastname?: string;
  readonly roles: readonly string[];
}

/** The state of the agent on a media, as Agent Desktop names it. */
export type MediaStateName = 'UNKNOWN' | 'LOGOUT' | 'READY' | 'NOT_READY' | 'NOT_READY_ACTION_CODE' | 'NOT_READY_AFTER_CALLWORK';

/** media.State: one entry of `agent.getStateList`; `operationName` is what `agent.setState` takes. */
export interface State {
  readonly operationName: string;
  readonly displayName: string;
  readonly state: MediaStateName;
  /** The not-ready reason's label. */
  readonly reason?: string;
  /** The not-ready reason's code. */
  readonly reasonCode?: string;
}

/** One media of `media.getMediaList`. */
export interface Media {
  readonly media: string;
  readonly state: State;
}

export type InteractionStateName = 'UNKNOWN' | 'IDLE' | 'RINGING' | 'DIALING' | 'TALKING' | 'HELD';
export type CallDirection = 'IN' | 'OUT' | 'UNKNOWN';
export type CallType = 'Inbound' | 'Outbound' | 'Internal' | 'Consult' | 'Unknown';
export type CallRecordingState = 'STOPPED' | 'RECORDING' | 'PAUSED';

export interface Party {
  readonly name: string;
}

/** interaction.Interaction (voice). */
export interface Interaction {
  /** The toolbar's stable id of the call for its whole life (the UEF eventId). */
  readonly interactionId: string;
  /** On a consultation, the call it consults about. */
  readonly parentInteractionId?: string;
  readonly caseId: string;
  readonly bundleId?: string;
  /** Only the keys `service-client-api.user-data.read-allowed` lets through. */
  readonly userData: UserData;
  readonly parties: readonly Party[];
  readonly callUuid?: string;
  readonly state: InteractionStateName;
  readonly previousState: InteractionStateName;
  readonly isConsultation: boolean;
  readonly direction: CallDirection;
  readonly callType: CallType;
  readonly ani?: string;
  readonly dnis?: string;
  readonly isMainCaseInteraction: boolean;
  readonly recordingState: CallRecordingState;
  /** When the call was offered or dialed, epoch ms. */
  readonly startDate: number;
  readonly isCaseSelected: boolean;
  readonly isCaseExpanded: boolean;
  readonly isMarkDoneBlocked: boolean;
}

/** configuration.getOption's answer: the options of one section. */
export interface Section {
  readonly sectionName: string;
  readonly options: Readonly<Record<string, string>>;
}

/** A toast's button: its label (Genesys' form, the label is also its id), or `{ id, label }`. */
export type ToastButton = string | { readonly id: string; readonly label: string };

/** `system.popupToast` / `updateToast` parameters, in the form of Genesys' sample. */
export interface ToastParameters {
  readonly title: string;
  /** An http(s) image shown beside the title. */
  readonly iconUrl?: string;
  readonly subject?: string;
  readonly message?: string;
  /** Shown as a key/value table. */
  readonly keyValues?: Readonly<Record<string, string | number>>;
  /** At most 3; a click is reported to the page (CUSTOM_TOAST_BUTTON_CLICK, buttonId). */
  readonly buttons?: readonly ToastButton[];
  /** Adds Show (opens the page's view) and Dismiss. */
  readonly buttonShowDismiss?: boolean;
  /** Milliseconds before it closes by itself; 0 keeps it until closed. Default: 10 000, or 0 with buttons. */
  readonly autoCloseTimeout?: number;
  /** Also keep it in the agent's messages after it closes. */
  readonly sendToMyMessage?: boolean;
  /** Width in pixels (200–800). */
  readonly width?: number;
}

export type AgentEventType = 'STATE_CHANGED';

export type InteractionEventType =
  | 'ADDED'
  | 'REMOVED'
  | 'ATTACHED_DATA_CHANGED'
  | 'CASE_OR_BUNDLE_ID_CHANGED'
  | 'CASE_SELECTED'
  | 'RINGING'
  | 'DIALING'
  | 'ESTABLISHED'
  | 'HELD'
  | 'RELEASED'
  | 'PARTY_CHANGED'
  | 'CALL_RECORDING_STATE_CHANGED';

export type SystemEventType = 'CUSTOM_TOAST_BUTTON_CLICK';
export type MarkdoneEventType = 'MARKED_DONE';

/** `agent` topic. */
export interface AgentEventData {
  readonly eventType: AgentEventType;
  readonly mediaState: MediaStateName;
  readonly reason?: string;
  readonly reasonCode?: string;
}

/** `media` topic. */
export interface MediaEventData extends AgentEventData {
  readonly media: string;
}

/** `interaction` topic. */
export interface InteractionEventData {
  readonly eventType: InteractionEventType;
  readonly media: 'voice';
  readonly interaction: Interaction;
  /** CASE_SELECTED only. */
  readonly selectedCaseId?: string;
}

/** `system` topic: the agent clicked a button of a toast this frame opened. */
export interface SystemEventData {
  readonly eventType: SystemEventType;
  readonly toastId: string;
  readonly buttonId: string;
}

/** `markdone` topic: an interaction was marked done (the toolbar's Done, or interaction.markdone). */
export interface MarkdoneEventData {
  readonly eventType: MarkdoneEventType;
  readonly media: 'voice';
  readonly interaction: Interaction;
}

/** `outbound` topic, campaign events: Outbound Contact Server's notification names. */
export type OutboundCampaignEventType =
  'CampaignStarted' | 'CampaignStopped' | 'PreviewRecordEmpty' | 'PreviewDialingModeStartAcknowledge' | 'PreviewDialingModeOverAcknowledge';

/** `outbound` topic, record events: Outbound Contact Server's notification names. */
export type OutboundRecordEventType =
  | 'PreviewRecord'
  | 'RecordRejectAcknowledge'
  | 'RecordCancelAcknowledge'
  | 'RecordRescheduleAcknowledge'
  | 'RecordRescheduleCancelAcknowledge'
  | 'UpdateCallCompletionStatsAcknowledge'
  | 'DoNotCallAcknowledge'
  | 'DoNotCallRemoveAcknowledge'
  | 'RecordProcessedAcknowledge';

export interface OutboundCampaign {
  readonly name: string;
  /** OCS's dialing mode (`GSW_CAMPAIGN_MODE`). */
  readonly mode: 'Preview' | 'Progressive' | 'PushPreview';
  readonly callingList: string;
}

export interface OutboundRecord {
  readonly recordHandle: number;
  readonly campaignName: string;
  readonly callingList: string;
  readonly phone: string;
  /** The calling list's fields. */
  readonly fields: Readonly<Record<string, string | number>>;
  readonly callResult: number;
}

/** `outbound` topic: a campaign event (with `campaign`) or a record event (with `record`). */
export type OutboundEventData =
  | { readonly eventType: OutboundCampaignEventType; readonly campaignName: string; readonly campaign: OutboundCampaign }
  | { readonly eventType: OutboundRecordEventType; readonly campaignName: string; readonly record: OutboundRecord };

/** `messenger:<channel>` topics: what another extension broadcast. */
export interface MessengerEventData {
  readonly eventType: 'MESSAGE';
  readonly channel: string;
  readonly message: unknown;
  /** The label of the extension that sent it. */
  readonly from: string;
}

export interface TopicData {
  agent: AgentEventData;
  interaction: InteractionEventData;
  media: MediaEventData;
  system: SystemEventData;
  outbound: OutboundEventData;
  markdone: MarkdoneEventData;
}
