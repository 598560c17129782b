import type { AttachedData } from './interaction.ts';
import type { AgentTokenOutcome, CommandOutcome, DialOutcome, QueueStatusOutcome, ReasonCodesOutcome, TransferDestinationsOutcome } from './outcome.ts';
import type { OutboundOutcome, OutboundRequest } from './outbound.ts';
import type { VendorEventSink } from './vendor-events.ts';

/**
 * The vendor port: what the toolbar asks of a telephony vendor. The name and the first six methods
 * are those of Oracle's CTI accelerators (`makeAgentAvailable`, `makeAgentUnavailable`,
 * `makeOutboundCall`, `acceptCall`, `rejectCall`, `hangupCall`); calls are addressed by the
 * interaction's stable `eventId` instead of the accelerators' module-level connection id.
 *
 * Contract:
 * - Every method resolves to a named outcome and never rejects: `{ ok: true }` means the vendor
 *   accepted the request, not that it happened. What happened arrives later through the sink given
 *   to `connect`, as vendor events, and only those change the workspace's state.
 * - A failure carries a stable code (the bridge protocol's catalog or the core's) and a message.
 * - The workspace validates commands against its model before calling; a vendor still answers a
 *   command that makes no sense for it with a failure rather than throwing.
 */
export interface ICtiVendorHandler {
  /** A short name for logs and views: `genesys`, `amazon`. */
  readonly vendorName: string;
  /**
   * Optional: the vendor's own client plays the ringtone of an incoming call (Amazon Connect's Streams
   * rings in the toolbar's page), so the toolbar's ring is only seen, not heard a second time.
   */
  readonly ringsItself?: boolean;

  /**
   * Start delivering events to `sink`. A vendor that can resume a session it had before (a page
   * reload) reconnects here and reports the state it finds as a `resynced` event; otherwise it waits
   * for `makeAgentAvailable`.
   */
  connect(sink: VendorEventSink): Promise<CommandOutcome>;
  /** Stop: close connections, cancel timers, deliver no more events. Keeps what a reload resumes from. */
  dispose(): Promise<void>;

  /** Log in if needed and go ready. */
  makeAgentAvailable(): Promise<CommandOutcome>;
  /** Go not ready, with one of `reasonCodes()` if given. */
  makeAgentUnavailable(reasonCode?: string): Promise<CommandOutcome>;
  logout(reasonCode?: string): Promise<CommandOutcome>;
  /** The not-ready reasons the agent may choose from. */
  reasonCodes(): Promise<ReasonCodesOutcome>;

  /**
   * Dial `phoneNumber`; the new interaction takes `eventId` (Fusion's click-to-dial id) for its whole
   * life. `userData` is attached to the call as it is placed (Genesys: the request's UserData); a
   * vendor that cannot attach data to a new call refuses with NOT_SUPPORTED rather than drop it.
   */
  makeOutboundCall(phoneNumber: string, eventId: string, userData?: AttachedData): Promise<CommandOutcome>;
  acceptCall(eventId: string): Promise<CommandOutcome>;
  rejectCall(eventId: string): Promise<CommandOutcome>;
  /** End a connected or held call, or cancel a dialing one. */
  hangupCall(eventId: string): Promise<CommandOutcome>;
  holdCall(eventId: string): Promise<CommandOutcome>;
  /** Take a held call back (T-Server's RetrieveCall). */
  retrieveCall(eventId: string): Promise<CommandOutcome>;
  muteCall(eventId: string): Promise<CommandOutcome>;
  unmuteCall(eventId: string): Promise<CommandOutcome>;

  /**
   * Optional: the destinations the vendor lists for transfers and consultations (Amazon Connect's
   * quick connects). `transferCall` and `consultCall` then take one of their names besides a number.
   */
  transferDestinations?(): Promise<TransferDestinationsOutcome>;
  /** Blind (single-step) transfer, with `userData` attached for the party it goes to. */
  transferCall(eventId: string, destination: string, userData?: AttachedData): Promise<CommandOutcome>;
  /**
   * Hold the call and dial `destination` for a consultation; resolves with the consult leg's eventId.
   * `purpose` says what the consultation is meant to end in, for vendors that must know up front;
   * `userData` is attached to the consultation call.
   */
  consultCall(eventId: string, destination: string, purpose?: ConsultPurpose, userData?: AttachedData): Promise<DialOutcome>;
  /** Hand the held call to the consulted party and leave. */
  completeTransfer(eventId: string, consultEventId: string): Promise<CommandOutcome>;
  /** Join the held call and the consultation into one conference. */
  completeConference(eventId: string, consultEventId: string): Promise<CommandOutcome>;
  /** Drop the consultation and take the held call back. */
  cancelConsult(eventId: string, consultEventId: string): Promise<CommandOutcome>;
  /**
   * Optional: drop one party (its entry in the interaction's `parties`) from a conference (Genesys:
   * DeleteFromConference; Amazon Connect: the party's connection's destroy).
   */
  dropParty?(eventId: string, party: string): Promise<CommandOutcome>;
  sendDtmf(eventId: string, digits: string): Promise<CommandOutcome>;

  /** Add or overwrite attached-data keys. */
  setAttachedData(eventId: string, data: AttachedData): Promise<CommandOutcome>;
  /** Delete one key, or all attached data without `key`. */
  deleteAttachedData(eventId: string, key?: string): Promise<CommandOutcome>;

  /**
   * Optional: the agent is done with an ended interaction (the toolbar closed it). For vendors that
   * keep an ended call until the agent clears it — Amazon Connect's after-call work.
   */
  closeInteraction?(eventId: string): Promise<CommandOutcome>;
  /**
   * Optional: the agent's last wrap-up is done; end the contact center's after-call work (Genesys:
   * RequestAgentReady). A vendor whose after-call work ends with `closeInteraction` has none.
   */
  endAfterCallWork?(): Promise<CommandOutcome>;

  /**
   * Optional: a signed, short-lived token naming the agent, verifiable with keys the vendor's side
   * publishes (Genesys: the bridge's JWKS) — what web extensions' `auth.getJwtToken` hands out.
   */
  agentToken?(): Promise<AgentTokenOutcome>;

  /** Optional: the agent's queues now, with their waiting calls and longest wait where the vendor reports them. */
  queueStatus?(): Promise<QueueStatusOutcome>;

  /** Optional: one operation on the agent's outbound campaign records (Genesys: the bridge's campaigns). */
  outbound?(request: OutboundRequest): Promise<OutboundOutcome>;

  startRecording(eventId: string): Promise<CommandOutcome>;
  stopRecording(eventId: string): Promise<CommandOutcome>;
  pauseRecording(eventId: string): Promise<CommandOutcome>;
  resumeRecording(eventId: string): Promise<CommandOutcome>;
}

export type ConsultPurpose = 'transfer' | 'conference';
