import { isCallEvent, type CallEventName, type CallSnapshot, type CallWireEvent, type TServerWireEvent, type UserData } from '@ctikit/protocol';
import type { ConnectionStateType, ContactStateType } from './streams-data.ts';

/**
 * The agent's contacts as Amazon Connect keeps them, built from the T-Server events of the agent's DN
 * (the bridge stamps each leg with its eventId, which becomes the contactId). One contact per call the
 * agent is on; a consultation the agent places is not a contact of its own but a third-party connection
 * of the call it consults on, as in Connect.
 *
 * How a contact moves, per T-Server event on the agent's leg:
 *
 * | event                          | contact                     | connections                          |
 * |--------------------------------|-----------------------------|--------------------------------------|
 * | EventRinging                   | new, `connecting` (inbound) | agent connecting, customer connected |
 * | EventDialing                   | new, `connecting` (outbound)| agent connecting, customer connecting|
 * | EventDialing (a consultation)  | —                           | third party connecting; connected at once through an agent or queue quick connect's transfer flow (#447) |
 * | EventEstablished               | `connected`                 | agent and customer (or third party) connected |
 * | EventHeld / EventRetrieved     | —                           | customer hold / connected            |
 * | EventReleased while ringing    | `error` (missed, rejected)  | agent disconnected                   |
 * | EventAbandoned while ringing   | `error` (abandoned)         | agent and customer disconnected      |
 * | EventReleased while dialing    | `error` (busy, no answer), or `ended` when the agent cancelled | all disconnected |
 * | EventReleased when connected   | `ended` (after-call work)   | agent disconnected                   |
 * | EventPartyAdded (Conferenced)  | —                           | third party joins the call (conferenced) |
 * | EventPartyDeleted              | —                           | the party who left disconnected      |
 *
 * A conference has no consultation left on the switch: the third party is a party of the main call, so
 * leaving it is hanging up the main call (the others go on talking, and Streams shows their legs still
 * connected after the agent's contact ended, #868), and the contact ends once the others have left.
 *
 * Voice contacts never take the `missed` or `rejected` contact states: a ring that ends unanswered is
 * `error`, whatever ended it, as the live service reports it. The outcome is kept beside, for the
 * agent's error state (MissedCallAgent, LineEngagedCustomer…).
 */

export type ContactOutcome = 'missed' | 'rejected' | 'abandoned' | 'busy' | 'noAnswer' | 'canceled' | 'completed' | 'transferred';

export interface LegRecord {
  /** The connectionId Streams sees (stable for the leg's life). */
  readonly connectionId: string;
  state: ConnectionStateType;
  at: number;
}

export interface ThirdPartyRecord extends LegRecord {
  /** The consultation's ConnID on the switch; the main call's once conferenced. */
  switchConnectionId: string;
  /** Merged into the main call by `conferenceConnections`. */
  conferenced: boolean;
  /** The DN or number consulted. */
  readonly destination: string;
}

export interface ContactRecord {
  /** The bridge's eventId of the call: stable for the contact's whole life. */
  readonly contactId: string;
  /** The agent's leg on the switch (changes when a transfer completes at this agent). */
  switchConnectionId: string;
  readonly direction: 'inbound' | 'outbound';
  readonly initiationMethod: 'inbound' | 'outbound' | 'transfer';
  state: ContactStateType;
  stateAt: number;
  readonly agent: LegRecord;
  readonly customer: LegRecord & { phoneNumber: string };
  thirdParty: ThirdPartyRecord | undefined;
  readonly queueDn: string | undefined;
  readonly createdAt: number;
  attributes: UserData;
  muted: boolean;
  outcome: ContactOutcome | undefined;
}

const LIVE: readonly ContactStateType[] = ['incoming', 'pending', 'connecting', 'connected'];

export function isLive(contact: ContactRecord): boolean {
  return LIVE.includes(contact.state);
}

type EventHandler = (book: ContactBook, event: CallWireEvent, at: number) => boolean;

function setState(contact: ContactRecord, state: ContactStateType, at: number): void {
  if (contact.state === state) return;
  contact.state = state;
  contact.stateAt = at;
}

function setLeg(leg: LegRecord, state: ConnectionStateType, at: number): void {
  if (leg.state === state) return;
  leg.state = state;
  leg.at = at;
}

/** How the agent's leg on a main call ended, read against the contact's state before. */
function released(contact: ContactRecord, callState: CallWireEvent['callState'], at: number): void {
  const before = contact.state;
  setLeg(contact.agent, 'disconnected', at);
  if (before === 'connecting' && contact.direction === 'inbound') {
    contact.outcome = callState === 'Rejected' ? 'rejected' : 'missed';
    setState(contact, 'error', at);
    return;
  }
  if (before === 'connecting') {
    setLeg(contact.customer, 'disconnected', at);
    if (callState === 'Busy' || callState === 'NoAnswer' || callState === 'Rejected') {
      contact.outcome = callState === 'Busy' ? 'busy' : 'noAnswer';
      setState(contact, 'error', at);
    } else {
      contact.outcome = 'canceled';
      setState(contact, 'ended', at);
    }
    return;
  }
  const third = contact.thirdParty;
  const leftConference = third?.conferenced === true && third.state === 'connected' && contact.customer.state !== 'disconnected';
  contact.outcome = callState === 'Transferred' || leftConference ? 'transferred' : 'completed';
  if (callState !== 'Transferred' && !leftConference) {
    setLeg(contact.customer, 'disconnected', at);
    if (third) setLeg(third, 'disconnected', at);
  }
  setState(contact, 'ended', at);
}

/** A party joined the main call: the consulted third party, merged by a conference. */
function partyAdded(contact: ContactRecord, event: CallWireEvent, at: number): boolean {
  const third = contact.thirdParty;
  if (!third || event.thirdPartyDN !== third.destination) return false;
  third.conferenced = true;
  third.switchConnectionId = contact.switchConnectionId;
  setLeg(third, 'connected', at);
  return true;
}

/** A party left the main call while the agent stays on it: the third party, or the customer. */
function partyDeleted(contact: ContactRecord, event: CallWireEvent, agentDn: string, at: number): boolean {
  const third = contact.thirdParty;
  if (third && event.thirdPartyDN === third.destination) {
    setLeg(third, 'disconnected', at);
    third.conferenced = false;
    return true;
  }
  if (event.thirdPartyDN === undefined || event.thirdPartyDN === agentDn) return false;
  setLeg(contact.customer, 'disconnected', at);
  return true;
}

const HANDLERS: Partial<Record<CallEventName, EventHandler>> = {
  EventRinging: (book, event, at) => book.startContact(event, 'inbound', at),
  EventDialing: (book, event, at) => book.consultStarted(event, at) || book.startContact(event, 'outbound', at),
  EventEstablished: (book, event, at) => {
    const third = book.thirdPartyOf(event.eventId);
    if (third) {
      setLeg(third.thirdParty, 'connected', at);
      return true;
    }
    const contact = book.mainOf(event);
    if (!contact) return false;
    setLeg(contact.agent, 'connected', at);
    setLeg(contact.customer, 'connected', at);
    setState(contact, 'connected', at);
    return true;
  },
  EventHeld: (book, event, at) => book.onCustomer(event, (contact) => setLeg(contact.customer, 'hold', at)),
  EventRetrieved: (book, event, at) => book.onCustomer(event, (contact) => setLeg(contact.customer, 'connected', at)),
  EventReleased: (book, event, at) => {
    const third = book.thirdPartyOf(event.eventId);
    if (third) {
      if (event.callState !== 'Conferenced') setLeg(third.thirdParty, 'disconnected', at);
      return true;
    }
    const contact = book.mainOf(event);
    if (!contact || !isLive(contact)) return false;
    released(contact, event.callState, at);
    return true;
  },
  EventAbandoned: (book, event, at) => {
    const contact = book.mainOf(event);
    if (!contact || !isLive(contact)) return false;
    setLeg(contact.agent, 'disconnected', at);
    setLeg(contact.customer, 'disconnected', at);
    contact.outcome = 'abandoned';
    setState(contact, 'error', at);
    return true;
  },
  EventPartyAdded: (book, event, at) => {
    const contact = book.mainOf(event);
    return contact !== undefined && isLive(contact) && partyAdded(contact, event, at);
  },
  EventPartyDeleted: (book, event, at) => {
    const contact = book.mainOf(event);
    return contact !== undefined && isLive(contact) && partyDeleted(contact, event, book.dn, at);
  },
  EventPartyChanged: (book, event) => {
    const contact = book.mainOf(event);
    if (!contact) return false;
    contact.switchConnectionId = event.connectionId;
    if (event.callType === 'Inbound' && event.ANI !== undefined) contact.customer.phoneNumber = event.ANI;
    if (event.userData) contact.attributes = { ...event.userData };
    return true;
  },
  EventAttachedDataChanged: (book, event) => {
    const contact = book.mainOf(event);
    if (!contact || !event.userData) return false;
    contact.attributes = { ...event.userData };
    return true;
  },
  EventMuteOn: (book, event) => book.onCustomer(event, (contact) => (contact.muted = true)),
  EventMuteOff: (book, event) => book.onCustomer(event, (contact) => (contact.muted = false)),
};

export class ContactBook {
  private readonly byId = new Map<string, ContactRecord>();

  constructor(
    readonly dn: string,
    private readonly newId: () => string,
    /** Whether a consultation to this destination reaches a transfer flow first (reported connected at once, #447). */
    private readonly throughTransferFlow: (destination: string) => boolean = () => false,
  ) {}

  get all(): readonly ContactRecord[] {
    return [...this.byId.values()];
  }

  get(contactId: string): ContactRecord | undefined {
    return this.byId.get(contactId);
  }

  remove(contactId: string): boolean {
    return this.byId.delete(contactId);
  }

  /** Apply one T-Server event of the agent's DN; true when a contact changed. */
  apply(event: TServerWireEvent, at: number): boolean {
    return isCallEvent(event) && (HANDLERS[event.eventName]?.(this, event, at) ?? false);
  }

  /**
   * The switch's calls after a reconnect: known contacts keep their connection ids and move to the
   * listed state; new ones are added; a live contact the switch no longer lists ended meanwhile.
   */
  resync(calls: readonly CallSnapshot[], at: number): void {
    const listed = new Set<string>();
    const consultations = calls.filter((call) => call.callType === 'Consult' && call.transferConnectionId !== undefined);
    for (const call of calls) {
      if (consultations.includes(call)) continue;
      listed.add(call.eventId);
      const contact = this.byId.get(call.eventId) ?? this.create(call, this.directionOf(call), at);
      contact.switchConnectionId = call.connectionId;
      contact.attributes = { ...call.userData };
      contact.muted = call.muted;
      if (call.state === 'Established' || call.state === 'Held') {
        setState(contact, 'connected', at);
        setLeg(contact.agent, 'connected', at);
        setLeg(contact.customer, call.state === 'Held' ? 'hold' : 'connected', at);
      }
      this.resyncConference(contact, call, at);
    }
    for (const consult of consultations) {
      const main = this.all.find((contact) => contact.switchConnectionId === consult.transferConnectionId);
      if (!main) continue;
      const destination = consult.otherDN ?? consult.DNIS ?? '';
      main.thirdParty = {
        connectionId: main.thirdParty?.connectionId ?? consult.eventId,
        switchConnectionId: consult.connectionId,
        destination,
        state: consult.state === 'Dialing' && !this.throughTransferFlow(destination) ? 'connecting' : 'connected',
        conferenced: false,
        at,
      };
    }
    for (const contact of this.all) {
      if (!isLive(contact) || listed.has(contact.contactId)) continue;
      released(contact, 'OK', at);
    }
  }

  startContact(event: CallWireEvent, direction: 'inbound' | 'outbound', at: number): boolean {
    if (this.byId.has(event.eventId)) return false;
    this.create(
      {
        eventId: event.eventId,
        connectionId: event.connectionId,
        callType: event.callType ?? 'Unknown',
        ANI: event.ANI,
        DNIS: event.DNIS,
        otherDN: event.otherDN,
        thisQueue: event.thisQueue,
        userData: event.userData ?? {},
      },
      direction,
      at,
    );
    return true;
  }

  /** EventDialing of a consultation this agent places: the third party of the call it consults on. */
  consultStarted(event: CallWireEvent, at: number): boolean {
    if (event.callType !== 'Consult' || event.transferConnectionId === undefined) return false;
    const main = this.all.find((contact) => contact.switchConnectionId === event.transferConnectionId);
    if (!main) return false;
    const destination = event.otherDN ?? event.DNIS ?? '';
    main.thirdParty = {
      connectionId: event.eventId,
      switchConnectionId: event.connectionId,
      destination,
      state: this.throughTransferFlow(destination) ? 'connected' : 'connecting',
      conferenced: false,
      at,
    };
    return true;
  }

  /** A call the switch lists with a third party on it is a conference: its third party is conferenced. */
  private resyncConference(contact: ContactRecord, call: CallSnapshot, at: number): void {
    const others = call.parties.filter((party) => party !== this.dn && party !== contact.customer.phoneNumber);
    const destination = others[0];
    if (call.parties.length < 3 || destination === undefined) return;
    contact.thirdParty = {
      connectionId: contact.thirdParty?.connectionId ?? this.newId(),
      switchConnectionId: call.connectionId,
      destination,
      state: 'connected',
      conferenced: true,
      at,
    };
  }

  /** The contact whose third party is the consultation `eventId`. */
  thirdPartyOf(eventId: string | undefined): (ContactRecord & { thirdParty: ThirdPartyRecord }) | undefined {
    if (eventId === undefined) return undefined;
    const found = this.all.find((contact) => contact.thirdParty?.connectionId === eventId);
    return found?.thirdParty ? (found as ContactRecord & { thirdParty: ThirdPartyRecord }) : undefined;
  }

  mainOf(event: CallWireEvent): ContactRecord | undefined {
    return this.byId.get(event.eventId);
  }

  onCustomer(event: CallWireEvent, change: (contact: ContactRecord) => void): boolean {
    const contact = this.mainOf(event);
    if (!contact || !isLive(contact)) return false;
    change(contact);
    return true;
  }

  /** The agent dialed it (its own DN is the caller), or it rang at the agent. */
  private directionOf(call: Pick<CallSnapshot, 'ANI' | 'state'>): 'inbound' | 'outbound' {
    return call.ANI === this.dn || call.state === 'Dialing' ? 'outbound' : 'inbound';
  }

  private create(
    call: Pick<CallSnapshot, 'eventId' | 'connectionId' | 'callType' | 'ANI' | 'DNIS' | 'otherDN' | 'thisQueue' | 'userData'>,
    direction: 'inbound' | 'outbound',
    at: number,
  ): ContactRecord {
    const phoneNumber = direction === 'outbound' ? (call.otherDN ?? call.DNIS ?? '') : (call.ANI ?? call.otherDN ?? '');
    const contact: ContactRecord = {
      contactId: call.eventId,
      switchConnectionId: call.connectionId,
      direction,
      initiationMethod: call.callType === 'Consult' ? 'transfer' : direction,
      state: 'connecting',
      stateAt: at,
      agent: { connectionId: this.newId(), state: 'connecting', at },
      customer: { connectionId: this.newId(), state: direction === 'inbound' ? 'connected' : 'connecting', at, phoneNumber },
      thirdParty: undefined,
      queueDn: call.thisQueue,
      createdAt: at,
      attributes: { ...call.userData },
      muted: false,
      outcome: undefined,
    };
    this.byId.set(contact.contactId, contact);
    return contact;
  }
}
