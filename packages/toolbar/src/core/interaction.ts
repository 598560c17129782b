import type { CtiErrorCode } from './outcome.ts';
import type { InteractionState } from './interaction-state.ts';
import type { CallRecordRef } from './outbound.ts';

/**
 * An interaction: one call as the agent lives it, from the offer (or the dial) to the end of its
 * wrap-up. Its `eventId` is stable for its whole life: Fusion's UEF eventId, the bridge's eventId,
 * whatever vendor ids (ConnID, CallUUID, contactId) sit behind it.
 *
 * Interactions are immutable values: the workspace model replaces one with the next on every vendor
 * event, so a view can compare `previous` and `interaction` by reference.
 */

export type Direction = 'inbound' | 'outbound' | 'internal' | 'consult';

export type RecordingState = 'stopped' | 'recording' | 'paused';

/**
 * Where one party of a call is: on the line, held (by their own side), or still being rung. A vendor
 * that does not say (T-Server lists the DNs on a call, not their legs' states) has its parties connected.
 */
export type PartyState = 'connected' | 'held' | 'ringing';

/** Attached data (Genesys user data, Amazon contact attributes): flat key → string | number. */
export type AttachedData = Readonly<Record<string, string | number>>;

/** Why an interaction ended; picks Fusion's closeCommEvent reason and what the views say. */
export type EndCause =
  /** The agent declined the offer. */
  | { readonly kind: 'rejected' }
  /** The customer hung up before the agent answered. */
  | { readonly kind: 'abandoned' }
  /** The offer went away unanswered (rang out, or was taken back). */
  | { readonly kind: 'missed' }
  /** The offer's timer ran out. */
  | { readonly kind: 'timeout' }
  /** The agent hung up an outbound call before it was answered. */
  | { readonly kind: 'canceled' }
  /** An outbound call could not be put through (busy, no answer, invalid number). */
  | { readonly kind: 'failed'; readonly code: CtiErrorCode; readonly message: string }
  /** A connected call ended normally: wrap-up follows. */
  | { readonly kind: 'completed' }
  /** The call was handed to someone else. */
  | { readonly kind: 'transferred' };

export type EndCauseKind = EndCause['kind'];

/** What the vendor tells about a call besides its state. */
export interface InteractionDetails {
  readonly direction: Direction;
  /** The customer's number: the ANI of an inbound call, the dialed number of an outbound one. */
  readonly phoneNumber: string;
  /** The number the customer dialed (inbound). */
  readonly dnis?: string;
  /** The contact center's id of the call, the same on every leg and for its whole life (Genesys CallUUID), when it has one. */
  readonly callUuid?: string;
  /** The queue (ACD queue, route point) that distributed the call. */
  readonly queue?: string;
  readonly userData: AttachedData;
  /** Every party on the call (DNs, numbers); Genesys lists the agent's own DN among them. */
  readonly parties: readonly string[];
  /** The state of a party, by its entry in `parties`, where the vendor reports one (else connected). */
  readonly partyStates?: Readonly<Record<string, PartyState>>;
  readonly recordingState: RecordingState;
  /** The other leg of a consultation: on a consult call the main call, on the main call the consult. */
  readonly linkedEventId?: string;
  /** The outbound campaign record the call dials (a called preview record, a progressive call). */
  readonly campaignRecord?: CallRecordRef;
}

export interface Interaction extends InteractionDetails {
  readonly eventId: string;
  readonly state: InteractionState;
  /** When it was offered to the agent (inbound) or started dialing (outbound), epoch ms. */
  readonly offeredAt: number;
  readonly connectedAt?: number;
  readonly endedAt?: number;
  /** While held: since when, epoch ms (the hold timer counts from it). */
  readonly heldAt?: number;
  /** Same as `state === 'held'`, for views that only need the flag. */
  readonly held: boolean;
  readonly muted: boolean;
  /** Set once the interaction has ended (state `wrapUp` or `closed`). */
  readonly endCause?: EndCause;
  /**
   * On a consultation the agent placed from one of its own calls: that call's eventId, kept for the
   * leg's whole life (its `linkedEventId` goes when the call it served ends first).
   */
  readonly consultationOf?: string;
}

/**
 * A consultation leg the agent placed from one of its calls. It has no wrap-up of its own (the call
 * it served carries it), so the workspace closes it as soon as it ends, Fusion never hears of it and
 * the views show it inside that call's card.
 */
export function isOwnConsultation(interaction: Interaction): boolean {
  return interaction.direction === 'consult' && interaction.consultationOf !== undefined;
}

/** The ends of a call the agent never talked on: nothing to wrap up, and the agent's own doing or nobody's. */
const UNANSWERED_ENDS: ReadonlySet<EndCauseKind> = new Set(['rejected', 'abandoned', 'missed', 'timeout', 'canceled']);

/**
 * An ended call with nothing to wrap up: an offer declined, missed or abandoned, an outbound call the
 * agent canceled. The workspace closes it as it ends, so such calls never pile up as wrap-up cards
 * (or as web extensions' interaction views); what the agent should know of them is their state.
 * A failed dial keeps its card: it says why the call did not go through.
 */
export function endedUnanswered(interaction: Interaction): boolean {
  return interaction.state === 'wrapUp' && interaction.endCause !== undefined && UNANSWERED_ENDS.has(interaction.endCause.kind);
}

/** The `consultationOf` a new interaction gets: a consultation created linked to one of the agent's calls. */
export function consultationOf(details: InteractionDetails): { consultationOf?: string } {
  return details.direction === 'consult' && details.linkedEventId !== undefined ? { consultationOf: details.linkedEventId } : {};
}

/** One party of a call as the views list it. */
export interface CallParty {
  readonly number: string;
  readonly state: PartyState;
}

/**
 * The parties of a call besides the agent (whose own DN is `ownDn`, where the vendor names one), with
 * their states.
 */
export function otherParties(interaction: Interaction, ownDn: string | undefined): readonly CallParty[] {
  return interaction.parties
    .filter((number) => number !== ownDn && number !== '')
    .map((number) => ({ number, state: interaction.partyStates?.[number] ?? 'connected' }));
}

/**
 * A conference: a call of the agent's (not a consultation leg) with two or more other parties on it.
 * Only while it is going on: an ended call's parties are what they were.
 */
export function isConference(interaction: Interaction, ownDn: string | undefined): boolean {
  return (
    interaction.direction !== 'consult' && (interaction.state === 'connected' || interaction.state === 'held') && otherParties(interaction, ownDn).length >= 2
  );
}
