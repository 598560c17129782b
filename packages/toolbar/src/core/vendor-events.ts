import type { AgentState } from './agent-state.ts';
import type { ConnectionStatus } from './connection-status.ts';
import type { AttachedData, EndCause, InteractionDetails, PartyState, RecordingState } from './interaction.ts';
import type { LiveInteractionState } from './interaction-state.ts';
import type { Failure, ReasonCode, TransferDestination } from './outcome.ts';
import type { Campaign, CampaignChange, CampaignRecord, RecordChange } from './outbound.ts';

/** The signed-in agent as the header names them: their name and their DN (extension, phone number). */
export interface AgentIdentity {
  readonly name?: string;
  readonly dn?: string;
}

/** Why a snapshot replaced the model: the vendor's session was lost (a restart on its side). */
export type ResyncCause = 'sessionLost';

/**
 * The vendor-neutral event vocabulary: the facts a vendor reports to the workspace model, in the
 * core's words. A vendor adapter translates its own events (T-Server events, Streams callbacks) into
 * these at its edge; the model applies them through the state machines and nothing else changes state.
 *
 * `at` is the vendor's time of the fact (epoch ms).
 */
export interface VendorEventMap {
  agentStateChanged: { readonly state: AgentState; readonly at: number };
  /** Who is signed in: the agent's name and DN (extension), as far as the vendor knows them; absent fields are unchanged. */
  agentIdentified: { readonly identity: AgentIdentity };
  /** A call rings at the agent. */
  interactionOffered: { readonly eventId: string; readonly details: InteractionDetails; readonly at: number };
  /** The agent's call to someone is ringing there. */
  interactionDialing: { readonly eventId: string; readonly details: InteractionDetails; readonly at: number };
  interactionConnected: { readonly eventId: string; readonly at: number };
  interactionHeld: { readonly eventId: string; readonly at: number };
  /** A held call was taken back. */
  interactionRetrieved: { readonly eventId: string; readonly at: number };
  interactionMuteChanged: { readonly eventId: string; readonly muted: boolean; readonly at: number };
  /** Attached data, parties, recording, the consult link or who the call is with changed; absent fields are unchanged. */
  interactionDataChanged: {
    readonly eventId: string;
    readonly userData?: AttachedData;
    readonly parties?: readonly string[];
    readonly partyStates?: Readonly<Record<string, PartyState>>;
    readonly recordingState?: RecordingState;
    /** `null` removes the link (a consultation that became the main call). */
    readonly linkedEventId?: string | null;
    /** The direction and the number the call now has (a consult leg that became the call itself after a transfer). */
    readonly direction?: InteractionDetails['direction'];
    readonly phoneNumber?: string;
    readonly at: number;
  };
  interactionEnded: { readonly eventId: string; readonly cause: EndCause; readonly at: number };
  connectionChanged: { readonly status: ConnectionStatus; readonly at: number };
  /**
   * A full snapshot: it replaces the model's agent and live interactions. `cause: 'sessionLost'`
   * when the vendor's session was lost (the telephony service restarted): what the agent had before
   * may be gone, and the agent is told so.
   */
  resynced: { readonly agent: AgentState; readonly interactions: readonly LiveInteractionSnapshot[]; readonly at: number; readonly cause?: ResyncCause };
  /** The not-ready reasons the agent may choose from, as the vendor (or the toolbar's configuration) lists them. */
  reasonCodesListed: { readonly reasonCodes: readonly ReasonCode[] };
  /** The transfer destinations the vendor lists (quick connects). */
  transferDestinationsListed: { readonly destinations: readonly TransferDestination[] };
  /** One of the agent's outbound campaigns changed (vendors with campaigns only). */
  campaignChanged: { readonly campaign: Campaign; readonly change: CampaignChange; readonly at: number };
  /** A record of the agent's campaigns changed: offered for preview, given back, updated, processed… */
  recordChanged: { readonly record: CampaignRecord; readonly change: RecordChange; readonly at: number };
  /** A command failed after it was accepted (a vendor error event that no command result carried). */
  commandFailed: { readonly failure: Failure; readonly eventId?: string; readonly at: number };
}

export type VendorEventType = keyof VendorEventMap;

/** One vendor event: `{ type: 'interactionOffered', eventId, details, at }`. */
export type VendorEvent = { [K in VendorEventType]: { readonly type: K } & VendorEventMap[K] }[VendorEventType];

export type VendorEventOf<K extends VendorEventType> = Extract<VendorEvent, { type: K }>;

/** Where a vendor delivers its events: the workspace model's `apply`. */
export type VendorEventSink = (event: VendorEvent) => void;

/** A live call in a vendor snapshot. */
export interface LiveInteractionSnapshot {
  readonly eventId: string;
  readonly state: LiveInteractionState;
  readonly details: InteractionDetails;
  readonly offeredAt: number;
  readonly connectedAt?: number;
  readonly muted: boolean;
}
