import { sameAgentState } from '../../core/agent-state.ts';
import type { EndCause, InteractionDetails, PartyState } from '../../core/interaction.ts';
import type { LiveInteractionState } from '../../core/interaction-state.ts';
import type { LiveInteractionSnapshot, VendorEvent, VendorEventOf } from '../../core/vendor-events.ts';
import { agentStateOf, OUTBOUND_FAILURES } from './agent-state-mapping.ts';
import {
  agentConnection,
  initialConnection,
  isActiveConnection,
  isLiveContact,
  isOutbound,
  thirdPartyConnections,
  type AgentView,
  type ConnectionView,
  type ContactView,
} from './streams-view.ts';

/**
 * Streams snapshots → the core's vendor events. Streams is a stream of agent snapshots (every
 * `agent::refresh`); its contact events (`onConnecting`, `onConnected`, `onEnded`, `onMissed`…) are
 * diffs of two snapshots. This mapper diffs the snapshots itself, so an event is never lost or doubled
 * by the order Streams fires its callbacks in, and a page that reloads during a call resyncs from the
 * first snapshot it gets.
 *
 * | Streams (contact, connections)                                   | core event                         |
 * |------------------------------------------------------------------|------------------------------------|
 * | new contact `connecting` / `incoming` (callbacks) (`onConnecting`, `onIncoming`) | interactionOffered  |
 * | new contact, initial connection outbound (`agent.connect`)       | interactionDialing                 |
 * | contact → `connected` (`onConnected`, after `onAccepted`)         | interactionConnected               |
 * | connected, customer connection → `hold` / back                    | interactionHeld / interactionRetrieved |
 * | agent connection `mute` changes                                   | interactionMuteChanged             |
 * | contact attributes change                                         | interactionDataChanged{userData}   |
 * | the customer's number changes (a transfer to this agent completed)| interactionDataChanged{phoneNumber}|
 * | a third-party connection appears / connects / drops               | the consultation's own interaction |
 * | contact leaves the live states (`onEnded`, `onMissed`, `onACW`)   | interactionEnded{cause}            |
 * | the agent's state                                                 | agentStateChanged (agent-state-mapping.ts) |
 *
 * The end cause, which Streams does not give (`onEnded` carries no reason; a voice reject and a missed
 * ring both end in `error`): the agent's own intent (a reject, a hang-up, a transfer the vendor sent),
 * else what the snapshot shows — the customer's connection gone while ringing (abandoned), the agent's
 * error state after a call the agent placed (busy, no answer, bad number), a connected third party
 * when the agent left (transferred).
 *
 * Ids: an inbound contact's eventId is its contactId. A call the agent places takes the eventId its
 * dial asked for (Fusion's click-to-dial id), matched to the first outbound contact that appears for
 * that number; a consultation takes the eventId `consultCall` answered with.
 */

/** What the agent asked of a contact, which its snapshots alone cannot tell. */
export type ContactIntent = 'reject' | 'hangup' | 'transfer';

export interface SnapshotMapperOptions {
  /** Makes the eventId of a consultation nobody asked for (one the CCP placed). */
  readonly newEventId: () => string;
}

interface PendingDial {
  readonly eventId: string;
  readonly phoneNumber: string;
}

function digits(number: string): string {
  return number.replace(/[^0-9]/g, '');
}

function heldOf(contact: ContactView): boolean {
  return contact.state === 'connected' && initialConnection(contact)?.state === 'hold';
}

function liveStateOf(contact: ContactView): LiveInteractionState {
  if (contact.state === 'connected') return heldOf(contact) ? 'held' : 'connected';
  return isOutbound(contact) ? 'dialing' : 'offered';
}

/** Streams' connection states as the core's party states (`hold` is the party held by the agent's side). */
const PARTY_STATES: Readonly<Record<string, PartyState>> = { connecting: 'ringing', hold: 'held', connected: 'connected' };

/** The entry a connection has in an interaction's `parties`: its number, else its name. */
export function partyOf(connection: ConnectionView): string {
  return connection.phoneNumber ?? connection.name ?? connection.connectionId;
}

function sameAttributes(a: ContactView['attributes'], b: ContactView['attributes']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export class StreamsSnapshotMapper {
  private previous: AgentView | undefined;
  /** contactId → eventId, for contacts whose eventId is not their contactId and for every live one. */
  private readonly eventIds = new Map<string, string>();
  /** third-party connectionId → the consultation's eventId. */
  private readonly consultIds = new Map<string, string>();
  private readonly pendingDials: PendingDial[] = [];
  /** contactId → the eventId `consultCall` promised for the next third party on it. */
  private readonly pendingConsults = new Map<string, string>();
  private readonly intents = new Map<string, ContactIntent>();
  /** Contacts being transferred in one step: their third party is not shown as a consultation. */
  private readonly blindTransfers = new Set<string>();
  /** Third-party connections joined into a conference: parties of the call from then on, never a consultation again. */
  private readonly conferenced = new Set<string>();

  constructor(private readonly options: SnapshotMapperOptions) {}

  /** The last snapshot mapped. */
  get current(): AgentView | undefined {
    return this.previous;
  }

  /** A call the agent is placing: the next outbound contact to this number gets `eventId`. */
  expectDial(eventId: string, phoneNumber: string): void {
    this.pendingDials.push({ eventId, phoneNumber });
  }

  /** The dial request failed: no contact will come for it. */
  forgetDial(eventId: string): void {
    const index = this.pendingDials.findIndex((dial) => dial.eventId === eventId);
    if (index >= 0) this.pendingDials.splice(index, 1);
  }

  expectConsult(contactId: string, eventId: string, blind: boolean): void {
    if (blind) this.blindTransfers.add(contactId);
    else this.pendingConsults.set(contactId, eventId);
  }

  forgetConsult(contactId: string): void {
    this.pendingConsults.delete(contactId);
    this.blindTransfers.delete(contactId);
  }

  intend(contactId: string, intent: ContactIntent): void {
    this.intents.set(contactId, intent);
  }

  forgetIntent(contactId: string): void {
    this.intents.delete(contactId);
  }

  /** The contact behind an interaction's eventId (a consultation's is its main contact's). */
  contactIdOf(eventId: string): string | undefined {
    for (const [contactId, id] of this.eventIds) if (id === eventId) return contactId;
    return undefined;
  }

  /** The contacts whose eventId is not their contactId (calls placed for Fusion), to keep across a page reload. */
  assignedEventIds(): Record<string, string> {
    return Object.fromEntries([...this.eventIds].filter(([contactId, eventId]) => contactId !== eventId));
  }

  /** Ids kept from before a page reload; the next resync gives those contacts their eventIds again. */
  restoreEventIds(assigned: Readonly<Record<string, string>>): void {
    for (const [contactId, eventId] of Object.entries(assigned)) if (!this.eventIds.has(contactId)) this.eventIds.set(contactId, eventId);
  }

  /** The eventId of a contact the last snapshot listed. */
  eventIdOfContact(contactId: string): string | undefined {
    return this.eventIds.get(contactId);
  }

  /** The third-party connection behind a consultation's eventId. */
  consultConnectionOf(eventId: string): string | undefined {
    for (const [connectionId, id] of this.consultIds) if (id === eventId) return connectionId;
    return undefined;
  }

  /** The one-step transfers waiting for their third party to show, with that party's connection once it does. */
  blindTransfersReady(view: AgentView): string[] {
    return view.contacts
      .filter((contact) => this.blindTransfers.has(contact.contactId) && thirdPartyConnections(contact).some(isActiveConnection))
      .map((contact) => contact.contactId);
  }

  /** A full snapshot (the first after (re)connecting): replaces what the model holds. */
  resync(view: AgentView): VendorEventOf<'resynced'> {
    this.previous = view;
    const interactions: LiveInteractionSnapshot[] = [];
    for (const contact of view.contacts.filter(isLiveContact)) {
      const eventId = this.assignEventId(contact);
      const consult = this.activeThirdParty(contact);
      const consultEventId = consult ? this.assignConsultId(contact, consult) : undefined;
      interactions.push({
        eventId,
        state: liveStateOf(contact),
        details: this.details(contact, consultEventId),
        offeredAt: contact.stateAt,
        muted: agentConnection(contact)?.muted ?? false,
      });
      if (consult && consultEventId !== undefined) {
        interactions.push({
          eventId: consultEventId,
          state: consult.state === 'connecting' ? 'dialing' : 'connected',
          details: this.consultDetails(contact, consult, eventId),
          offeredAt: view.at,
          muted: false,
        });
      }
    }
    this.forgetVanished(view);
    return { type: 'resynced', agent: agentStateOf(view), interactions, at: view.at };
  }

  /** The events between the last snapshot and this one; the first snapshot resyncs. */
  map(view: AgentView): VendorEvent[] {
    const before = this.previous;
    if (!before) return [this.resync(view)];
    this.previous = view;
    const events: VendorEvent[] = [];
    const previousById = new Map(before.contacts.map((contact) => [contact.contactId, contact]));
    for (const contact of view.contacts) events.push(...this.contactChanged(previousById.get(contact.contactId), contact, view));
    for (const gone of before.contacts) {
      if (!view.contacts.some((contact) => contact.contactId === gone.contactId)) events.push(...this.contactGone(gone, view));
    }
    const agent = agentStateOf(view);
    if (!sameAgentState(agentStateOf(before), agent)) events.push({ type: 'agentStateChanged', state: agent, at: view.at });
    this.forgetVanished(view);
    return events;
  }

  private contactChanged(before: ContactView | undefined, contact: ContactView, view: AgentView): VendorEvent[] {
    const eventId = this.eventIds.get(contact.contactId);
    if (!before || eventId === undefined) return isLiveContact(contact) ? this.started(contact, view) : [];
    if (isLiveContact(before) && !isLiveContact(contact)) return this.ended(before, contact, view);
    if (!isLiveContact(contact)) return [];
    const at = view.at;
    const events: VendorEvent[] = [];
    if (before.state !== 'connected' && contact.state === 'connected') events.push({ type: 'interactionConnected', eventId, at: contact.stateAt });
    if (contact.state === 'connected' && heldOf(contact) !== heldOf(before)) {
      events.push({ type: heldOf(contact) ? 'interactionHeld' : 'interactionRetrieved', eventId, at });
    }
    const muted = agentConnection(contact)?.muted ?? false;
    if (muted !== (agentConnection(before)?.muted ?? false)) events.push({ type: 'interactionMuteChanged', eventId, muted, at });
    if (!sameAttributes(before.attributes, contact.attributes)) events.push({ type: 'interactionDataChanged', eventId, userData: contact.attributes, at });
    const number = initialConnection(contact)?.phoneNumber;
    if (number !== undefined && number !== initialConnection(before)?.phoneNumber) {
      events.push({ type: 'interactionDataChanged', eventId, phoneNumber: number, at });
    }
    const consult = this.consultChanges(before, contact, eventId, at);
    // In a conference, a party's own moves (held, dropped) change the call's party list.
    const inConference = thirdPartyConnections(before).some((third) => this.conferenced.has(third.connectionId));
    const partiesSaid = consult.some((event) => event.type === 'interactionDataChanged' && event.eventId === eventId);
    if (inConference && !partiesSaid && !sameAttributes(this.partyStates(before), this.partyStates(contact))) {
      events.push({ type: 'interactionDataChanged', eventId, parties: this.parties(contact), partyStates: this.partyStates(contact), at });
    }
    events.push(...consult);
    return events;
  }

  private started(contact: ContactView, view: AgentView): VendorEvent[] {
    const eventId = this.assignEventId(contact);
    const events: VendorEvent[] = [
      {
        type: isOutbound(contact) ? 'interactionDialing' : 'interactionOffered',
        eventId,
        details: this.details(contact, undefined),
        at: contact.stateAt,
      },
    ];
    if (contact.state === 'connected') events.push({ type: 'interactionConnected', eventId, at: contact.stateAt });
    if (heldOf(contact)) events.push({ type: 'interactionHeld', eventId, at: view.at });
    events.push(...this.consultChanges(undefined, contact, eventId, view.at));
    return events;
  }

  private ended(before: ContactView, contact: ContactView | undefined, view: AgentView): VendorEvent[] {
    const eventId = this.eventIds.get(before.contactId);
    if (eventId === undefined) return [];
    const cause = this.endCause(before, contact, view);
    const at = contact?.stateAt ?? view.at;
    const events: VendorEvent[] = [];
    for (const third of thirdPartyConnections(before)) {
      const consultEventId = this.consultIds.get(third.connectionId);
      if (consultEventId === undefined || !isActiveConnection(third)) continue;
      this.consultIds.delete(third.connectionId);
      events.push({ type: 'interactionEnded', eventId: consultEventId, cause: cause.kind === 'transferred' ? cause : { kind: 'completed' }, at });
    }
    events.push({ type: 'interactionEnded', eventId, cause, at });
    this.intents.delete(before.contactId);
    this.forgetConsult(before.contactId);
    return events;
  }

  private contactGone(before: ContactView, view: AgentView): VendorEvent[] {
    const events = isLiveContact(before) ? this.ended(before, undefined, view) : [];
    this.eventIds.delete(before.contactId);
    this.intents.delete(before.contactId);
    this.forgetConsult(before.contactId);
    return events;
  }

  private endCause(before: ContactView, contact: ContactView | undefined, view: AgentView): EndCause {
    const intent = this.intents.get(before.contactId);
    if (before.state === 'connected') {
      const leftToThirdParty = thirdPartyConnections(contact ?? before).some((third) => third.state === 'connected');
      return intent === 'transfer' || leftToThirdParty ? { kind: 'transferred' } : { kind: 'completed' };
    }
    if (isOutbound(before)) {
      if (intent === 'hangup') return { kind: 'canceled' };
      const failure = OUTBOUND_FAILURES[view.state.name];
      if (failure) return { kind: 'failed', code: failure.code, message: failure.message };
      if (contact?.state === 'ended') return { kind: 'canceled' };
      return { kind: 'failed', code: 'DESTINATION_NO_ANSWER', message: 'The call could not be put through.' };
    }
    if (intent === 'reject' || intent === 'hangup') return { kind: 'rejected' };
    const customer = contact ? initialConnection(contact) : undefined;
    if (customer && !isActiveConnection(customer)) return { kind: 'abandoned' };
    return { kind: 'missed' };
  }

  /** The consultation on a contact: its third party appearing, connecting, joining the call, dropping. */
  private consultChanges(before: ContactView | undefined, contact: ContactView, mainEventId: string, at: number): VendorEvent[] {
    if (this.blindTransfers.has(contact.contactId)) return [];
    const events: VendorEvent[] = [];
    const previous = new Map((before ? thirdPartyConnections(before) : []).map((third) => [third.connectionId, third]));
    for (const third of thirdPartyConnections(contact)) {
      const was = previous.get(third.connectionId);
      const known = this.consultIds.get(third.connectionId);
      if (known === undefined) {
        if (!isActiveConnection(third) || this.conferenced.has(third.connectionId)) continue;
        const eventId = this.assignConsultId(contact, third);
        events.push(
          { type: 'interactionDialing', eventId, details: this.consultDetails(contact, third, mainEventId), at },
          {
            type: 'interactionDataChanged',
            eventId: mainEventId,
            linkedEventId: eventId,
            parties: this.parties(contact),
            partyStates: this.partyStates(contact),
            at,
          },
        );
        if (third.state === 'connected') events.push({ type: 'interactionConnected', eventId, at });
        continue;
      }
      if (was?.state !== 'connected' && third.state === 'connected') events.push({ type: 'interactionConnected', eventId: known, at });
      const joined = third.state === 'connected' && before !== undefined && heldOf(before) && !heldOf(contact) && contact.state === 'connected';
      if (!isActiveConnection(third) || joined) {
        this.consultIds.delete(third.connectionId);
        if (joined) this.conferenced.add(third.connectionId);
        const cause: EndCause = joined || was?.state === 'connected' ? { kind: 'completed' } : { kind: 'canceled' };
        events.push(
          { type: 'interactionEnded', eventId: known, cause, at },
          {
            type: 'interactionDataChanged',
            eventId: mainEventId,
            linkedEventId: null,
            parties: this.parties(contact),
            partyStates: this.partyStates(contact),
            at,
          },
        );
      }
    }
    return events;
  }

  private assignEventId(contact: ContactView): string {
    const known = this.eventIds.get(contact.contactId);
    if (known !== undefined) return known;
    let eventId = contact.contactId;
    if (isOutbound(contact) && this.pendingDials.length > 0) {
      const number = digits(initialConnection(contact)?.phoneNumber ?? '');
      const index = Math.max(
        0,
        this.pendingDials.findIndex((dial) => digits(dial.phoneNumber) === number),
      );
      const [dial] = this.pendingDials.splice(index, 1);
      if (dial) eventId = dial.eventId;
    }
    this.eventIds.set(contact.contactId, eventId);
    return eventId;
  }

  private assignConsultId(contact: ContactView, third: ConnectionView): string {
    const known = this.consultIds.get(third.connectionId);
    if (known !== undefined) return known;
    const eventId = this.pendingConsults.get(contact.contactId) ?? this.options.newEventId();
    this.pendingConsults.delete(contact.contactId);
    this.consultIds.set(third.connectionId, eventId);
    return eventId;
  }

  private activeThirdParty(contact: ContactView): ConnectionView | undefined {
    if (this.blindTransfers.has(contact.contactId)) return undefined;
    const customer = initialConnection(contact);
    return thirdPartyConnections(contact).find((third) => isActiveConnection(third) && !(third.state === 'connected' && customer?.state === 'connected'));
  }

  /** The call's parties: its active connections but the agent's own and a consultation's (which has a card of its own until it is joined). */
  private parties(contact: ContactView): string[] {
    return contact.connections.filter((connection) => this.isParty(connection)).map(partyOf);
  }

  private isParty(connection: ConnectionView): boolean {
    return connection.type !== 'agent' && isActiveConnection(connection) && !this.consultIds.has(connection.connectionId);
  }

  /** Each party's state: a connection being rung, on hold, or on the line. */
  private partyStates(contact: ContactView): Record<string, PartyState> {
    const states: Record<string, PartyState> = {};
    for (const connection of contact.connections) {
      if (!this.isParty(connection)) continue;
      states[partyOf(connection)] = PARTY_STATES[connection.state] ?? 'connected';
    }
    return states;
  }

  private details(contact: ContactView, consultEventId: string | undefined): InteractionDetails {
    const customer = initialConnection(contact);
    return {
      direction: isOutbound(contact) ? 'outbound' : 'inbound',
      phoneNumber: customer ? (customer.phoneNumber ?? customer.name ?? '') : '',
      ...(contact.queue !== undefined ? { queue: contact.queue } : {}),
      userData: contact.attributes,
      parties: this.parties(contact),
      partyStates: this.partyStates(contact),
      recordingState: 'stopped',
      ...(consultEventId !== undefined ? { linkedEventId: consultEventId } : {}),
    };
  }

  private consultDetails(contact: ContactView, third: ConnectionView, mainEventId: string): InteractionDetails {
    return {
      direction: 'consult',
      phoneNumber: partyOf(third),
      userData: contact.attributes,
      parties: [partyOf(third)],
      recordingState: 'stopped',
      linkedEventId: mainEventId,
    };
  }

  /** Forget the ids of contacts no snapshot lists any more. */
  private forgetVanished(view: AgentView): void {
    const listed = new Set(view.contacts.map((contact) => contact.contactId));
    for (const contactId of [...this.eventIds.keys()]) if (!listed.has(contactId)) this.eventIds.delete(contactId);
    const connections = new Set(view.contacts.flatMap((contact) => contact.connections.map((connection) => connection.connectionId)));
    for (const connectionId of [...this.consultIds.keys()]) if (!connections.has(connectionId)) this.consultIds.delete(connectionId);
    for (const connectionId of [...this.conferenced]) if (!connections.has(connectionId)) this.conferenced.delete(connectionId);
  }
}
