import 'amazon-connect-streams';
import { systemClock, type Clock } from '@ctikit/kernel';
import type { ConnectionStatus } from '../../core/connection-status.ts';
import type { AttachedData } from '../../core/interaction.ts';
import { silentLogger, type Logger } from '../../core/logger.ts';
import {
  failure,
  OK,
  type CommandOutcome,
  type DialOutcome,
  type Failure,
  type QueueStatusOutcome,
  type ReasonCode,
  type ReasonCodesOutcome,
  type TransferDestination,
  type TransferDestinationsOutcome,
} from '../../core/outcome.ts';
import type { VendorEvent, VendorEventSink } from '../../core/vendor-events.ts';
import type { ConsultPurpose, ICtiVendorHandler } from '../../core/vendor-handler.ts';
import { CcpLink, type CcpLinkOptions } from './ccp-link.ts';
import { pageSoundAllowed, SnapshotTroubles } from './ccp-troubles.ts';
import { pageSessionStorage } from '../../platform/storage.ts';
import { EventIdStore, type IdStorage } from './event-id-store.ts';
import { connectionView, readAgentView } from './read-agent-view.ts';
import { partyOf, StreamsSnapshotMapper } from './snapshot-mapping.ts';
import { streamsAction, streamsRequest, type StreamsCallbacks } from './streams-action.ts';
import { isLiveContact, type AgentView } from './streams-view.ts';

/**
 * The Amazon Connect vendor, on the real amazon-connect-streams: the CCP is embedded with
 * `connect.core.initCCP` (ccp-link.ts), every snapshot is mapped to the core's events
 * (snapshot-mapping.ts), and commands are the library's own calls on the agent, the contact and its
 * connections (as Oracle's tutorial has them: `contact.accept()`, `contact.reject()`,
 * `contact.getAgentConnection().destroy()`, `agent.connect(connect.Endpoint.byPhoneNumber(…))`).
 *
 * Each action settles once — on the library's success or failure, or on a watchdog, since the library
 * has none (streams-action.ts). Success means Amazon Connect accepted the request, never that it
 * happened: `setState` succeeds before the state applies, and the agent state moves only when a
 * snapshot shows it. Where Streams cannot do what the port asks (attached data, recording), the
 * answer is NOT_SUPPORTED.
 *
 * After-call work: a contact that ended stays in Amazon Connect (the agent in `AfterCallWork`, or in
 * `MissedCallAgent` after a missed ring) until it is cleared; the toolbar clears it when the agent is
 * done with the interaction (`closeInteraction`: the wrap-up card's Done, Fusion's wrap-up), or when
 * the agent goes available. A contact the agent rejected is cleared at once: declining is the
 * agent's whole intent.
 */
export interface AmazonVendorOptions extends Omit<CcpLinkOptions, 'loginPopup'> {
  readonly loginPopup?: boolean;
  /** The not-ready reasons to offer until the CCP reports the agent's own states. */
  readonly reasonCodes?: readonly ReasonCode[];
  /** How long an action may go unanswered before it fails with REQUEST_TIMEOUT; default 10 s. */
  readonly actionTimeoutMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly newEventId?: () => string;
  /** Keeps the eventIds of placed calls across page reloads; default sessionStorage. */
  readonly storage?: IdStorage;
  /** Whether the page may play the ringtone now (autoplay rules); default: the page has been clicked. */
  readonly soundAllowed?: () => boolean;
}

type Connection = connect.BaseConnection;

export class AmazonVendor implements ICtiVendorHandler {
  readonly vendorName = 'amazon';
  /** Streams plays the CCP's ringtone in this page. */
  readonly ringsItself = true;
  private readonly link: CcpLink;
  private readonly mapper: StreamsSnapshotMapper;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly timeoutMs: number;
  private readonly newEventId: () => string;
  private sink: VendorEventSink | undefined;
  private agent: connect.Agent | undefined;
  private agentWaiters: Array<() => void> = [];
  private resyncNext = true;
  private problem: Failure | undefined;
  /** Contacts this toolbar rejected, cleared once their snapshot shows them ended. */
  private readonly rejected = new Set<string>();
  /** One-step transfers whose agent leg is being dropped. */
  private readonly leaving = new Set<string>();
  private readonly ids: EventIdStore;
  private readonly troubles: SnapshotTroubles;
  private disposed = false;

  constructor(private readonly options: AmazonVendorOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.logger ?? silentLogger;
    this.timeoutMs = options.actionTimeoutMs ?? 10_000;
    this.ids = new EventIdStore(options.storage ?? pageSessionStorage(), this.log);
    this.newEventId = options.newEventId ?? (() => globalThis.crypto.randomUUID());
    this.mapper = new StreamsSnapshotMapper({ newEventId: this.newEventId });
    this.troubles = new SnapshotTroubles(options.soundAllowed ?? pageSoundAllowed);
    this.link = new CcpLink(
      { ...options, loginPopup: options.loginPopup ?? true },
      {
        onStatus: (status, problem) => this.onStatus(status, problem),
        onRefresh: (agent) => this.onRefresh(agent),
        onMuteToggle: (muted) => this.onMuteToggle(muted),
        onProblem: (problem) => this.deliver([{ type: 'commandFailed', failure: problem, at: this.clock.now() }]),
      },
    );
  }

  /** Embed the CCP now: the agent's state and calls are Amazon Connect's, and the first snapshot resyncs the model. */
  async connect(sink: VendorEventSink): Promise<CommandOutcome> {
    if (this.disposed) return failure('VENDOR_UNREACHABLE', 'This vendor has been disposed.');
    this.sink = sink;
    this.mapper.restoreEventIds(this.ids.load());
    try {
      this.link.start();
    } catch (error) {
      this.log.error({ err: error, ccpUrl: this.options.ccpUrl }, 'the Amazon Connect CCP could not be embedded');
      return failure('VENDOR_UNREACHABLE', `The Amazon Connect CCP could not be embedded: ${error instanceof Error ? error.message : String(error)}`);
    }
    return OK;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.link.stop();
    this.deliver([{ type: 'connectionChanged', status: { state: 'offline', reason: 'disposed' }, at: this.clock.now() }]);
    this.sink = undefined;
    this.wakeWaiters();
  }

  makeAgentAvailable(): Promise<CommandOutcome> {
    return this.chooseState('go available', (state) => state.type === 'routable');
  }

  makeAgentUnavailable(reasonCode?: string): Promise<CommandOutcome> {
    return this.chooseState(
      'go not ready',
      (state, all) =>
        state.type === 'not_routable' && (reasonCode === undefined ? state === all.find((s) => s.type === 'not_routable') : state.name === reasonCode),
    );
  }

  logout(): Promise<CommandOutcome> {
    return this.chooseState('go offline', (state) => state.type === 'offline');
  }

  /** The instance's custom not-routable states, once the CCP has reported them; the configured ones until then. */
  async reasonCodes(): Promise<ReasonCodesOutcome> {
    if (!this.agent && !this.problem && !this.disposed) await this.agentReported();
    const states = this.mapper.current?.states;
    if (!states) return { ok: true, reasonCodes: this.options.reasonCodes ?? [] };
    return { ok: true, reasonCodes: states.filter((state) => state.type === 'not_routable').map((state) => ({ code: state.name, label: state.name })) };
  }

  async makeOutboundCall(phoneNumber: string, eventId: string, userData?: AttachedData): Promise<CommandOutcome> {
    if (hasData(userData)) return NO_ATTRIBUTES;
    const agent = await this.readyAgent();
    if (!agent.ok) return agent;
    this.mapper.expectDial(eventId, phoneNumber);
    const outcome = await this.act('place the call', ({ success, failure: fail }) =>
      agent.value.connect(connect.Endpoint.byPhoneNumber(phoneNumber), { success, failure: fail }),
    );
    if (!outcome.ok) this.mapper.forgetDial(eventId);
    return outcome;
  }

  acceptCall(eventId: string): Promise<CommandOutcome> {
    return this.onContact(eventId, 'accept the call', (contact, callbacks) => contact.accept(callbacks));
  }

  async rejectCall(eventId: string): Promise<CommandOutcome> {
    const contactId = this.mapper.contactIdOf(eventId);
    if (contactId !== undefined) {
      this.mapper.intend(contactId, 'reject');
      this.rejected.add(contactId);
    }
    const outcome = await this.onContact(eventId, 'decline the call', (contact, callbacks) => contact.reject(callbacks));
    if (!outcome.ok && contactId !== undefined) {
      this.mapper.forgetIntent(contactId);
      this.rejected.delete(contactId);
    }
    return outcome;
  }

  hangupCall(eventId: string): Promise<CommandOutcome> {
    return this.withIntent(eventId, 'hangup', 'hang up', (contact, callbacks) => contact.getAgentConnection().destroy(callbacks));
  }

  holdCall(eventId: string): Promise<CommandOutcome> {
    return this.onContact(eventId, 'hold the call', (contact, callbacks) => customerOf(contact).hold(callbacks));
  }

  retrieveCall(eventId: string): Promise<CommandOutcome> {
    return this.onContact(eventId, 'resume the call', (contact, callbacks) => customerOf(contact).resume(callbacks));
  }

  /** The softphone's own mute (a broadcast to the CCP that holds the media): it answers with `agent::mute_toggle`. */
  muteCall(eventId: string): Promise<CommandOutcome> {
    return this.softphoneMute(eventId, true);
  }

  unmuteCall(eventId: string): Promise<CommandOutcome> {
    return this.softphoneMute(eventId, false);
  }

  sendDtmf(eventId: string, digits: string): Promise<CommandOutcome> {
    return this.onContact(eventId, 'send tones', (contact, callbacks) => contact.getAgentConnection().sendDigits(digits, callbacks));
  }

  /**
   * The routing profile's queues by name, without figures: Streams gives the agent client no queue
   * metrics (those are the Connect API's, which needs AWS credentials the toolbar does not hold).
   * The agent's own queue (no name) is left out.
   */
  async queueStatus(): Promise<QueueStatusOutcome> {
    const agent = await this.readyAgent();
    if (!agent.ok) return agent;
    const queues = agent.value.getRoutingProfile().queues as readonly { readonly name: string | null }[];
    return { ok: true, queues: queues.flatMap((queue) => (queue.name ? [{ name: queue.name }] : [])) };
  }

  /** The quick connects, of every kind Amazon Connect lists (agents, queues, phone numbers). */
  async transferDestinations(): Promise<TransferDestinationsOutcome> {
    const agent = await this.readyAgent();
    if (!agent.ok) return agent;
    const listed = await this.quickConnects(agent.value);
    if (!listed.ok) return listed;
    return { ok: true, destinations: listed.endpoints.flatMap(destinationOf) };
  }

  /** One step, through a quick connect or a number: add the party, then leave once it shows on the call. */
  async transferCall(eventId: string, destination: string, userData?: AttachedData): Promise<CommandOutcome> {
    if (hasData(userData)) return NO_ATTRIBUTES;
    const contactId = this.mapper.contactIdOf(eventId);
    if (contactId === undefined) return failure('UNKNOWN_INTERACTION', `No Amazon Connect contact for ${eventId}.`);
    const endpoint = await this.endpointFor(destination);
    this.mapper.expectConsult(contactId, eventId, true);
    this.mapper.intend(contactId, 'transfer');
    const outcome = await this.onContact(eventId, 'transfer the call', (contact, callbacks) => contact.addConnection(endpoint, callbacks));
    if (!outcome.ok) {
      this.mapper.forgetConsult(contactId);
      this.mapper.forgetIntent(contactId);
    }
    return outcome;
  }

  async consultCall(eventId: string, destination: string, _purpose?: ConsultPurpose, userData?: AttachedData): Promise<DialOutcome> {
    if (hasData(userData)) return NO_ATTRIBUTES;
    const contactId = this.mapper.contactIdOf(eventId);
    if (contactId === undefined) return failure('UNKNOWN_INTERACTION', `No Amazon Connect contact for ${eventId}.`);
    const endpoint = await this.endpointFor(destination);
    const consultEventId = this.newEventId();
    this.mapper.expectConsult(contactId, consultEventId, false);
    const outcome = await this.onContact(eventId, 'call the consultation', (contact, callbacks) => contact.addConnection(endpoint, callbacks));
    if (!outcome.ok) {
      this.mapper.forgetConsult(contactId);
      return outcome;
    }
    return { ok: true, eventId: consultEventId };
  }

  /** The agent leaves; the customer and the consulted party stay together. */
  completeTransfer(eventId: string): Promise<CommandOutcome> {
    return this.withIntent(eventId, 'transfer', 'complete the transfer', (contact, callbacks) => contact.getAgentConnection().destroy(callbacks));
  }

  completeConference(eventId: string): Promise<CommandOutcome> {
    return this.onContact(eventId, 'join the conference', (contact, callbacks) => contact.conferenceConnections(callbacks));
  }

  /** One party's connection (its entry in `parties`) is destroyed: they leave the conference. */
  dropParty(eventId: string, party: string): Promise<CommandOutcome> {
    return this.onContact(eventId, 'drop the party', (contact, callbacks) => {
      const connection = contact.getConnections().find((candidate) => String(candidate.getType()) !== 'agent' && partyOf(connectionView(candidate)) === party);
      if (!connection) throw new Error(`${party} is not on the call`);
      connection.destroy(callbacks);
    });
  }

  /** Drop the consulted party, then take the customer off hold. */
  async cancelConsult(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    const connectionId = this.mapper.consultConnectionOf(consultEventId);
    if (connectionId === undefined) return failure('UNKNOWN_INTERACTION', `No consultation ${consultEventId}.`);
    const dropped = await this.onContact(eventId, 'end the consultation', (contact, callbacks) => {
      const third = contact.getConnections().find((connection) => connection.getConnectionId() === connectionId);
      if (!third) throw new Error(`the consulted party ${connectionId} has left`);
      third.destroy(callbacks);
    });
    if (!dropped.ok) return dropped;
    return this.retrieveCall(eventId);
  }

  async setAttachedData(_eventId: string, _data: AttachedData): Promise<CommandOutcome> {
    return NO_ATTRIBUTES;
  }

  async deleteAttachedData(): Promise<CommandOutcome> {
    return NO_ATTRIBUTES;
  }

  async startRecording(): Promise<CommandOutcome> {
    return notRecording();
  }

  async stopRecording(): Promise<CommandOutcome> {
    return notRecording();
  }

  async pauseRecording(): Promise<CommandOutcome> {
    return notRecording();
  }

  async resumeRecording(): Promise<CommandOutcome> {
    return notRecording();
  }

  /** The agent is done with an ended interaction: clear its contact, which ends after-call work. */
  async closeInteraction(eventId: string): Promise<CommandOutcome> {
    const contactId = this.mapper.contactIdOf(eventId);
    const contact = contactId === undefined ? undefined : this.contact(contactId);
    if (!contact || isLiveContact({ state: String(contact.getState().type) })) return OK;
    return this.act('clear the contact', (callbacks) => contact.clear(callbacks));
  }

  private onStatus(status: ConnectionStatus, problem: Failure | undefined): void {
    if (status.state !== 'connected') this.resyncNext = true;
    this.problem = problem;
    if (problem) this.wakeWaiters();
    const at = this.clock.now();
    this.deliver([{ type: 'connectionChanged', status, at }, ...(problem ? [{ type: 'commandFailed' as const, failure: problem, at }] : [])]);
  }

  private onRefresh(agent: connect.Agent): void {
    this.agent = agent;
    this.problem = undefined;
    this.wakeWaiters();
    let view: AgentView;
    try {
      view = readAgentView(agent, this.clock.now());
    } catch (error) {
      this.log.warn({ err: error }, 'an Amazon Connect snapshot could not be read');
      return;
    }
    this.deliver([
      {
        type: 'agentIdentified',
        identity: { ...(view.name !== undefined ? { name: view.name } : {}), ...(view.extension !== undefined ? { dn: view.extension } : {}) },
      },
    ]);
    if (this.resyncNext) {
      this.resyncNext = false;
      this.deliver([this.mapper.resync(view)]);
    } else {
      this.deliver(this.mapper.map(view));
    }
    this.ids.save(this.mapper.assignedEventIds());
    const at = this.clock.now();
    this.deliver(this.troubles.check(view).map((trouble) => ({ type: 'commandFailed' as const, failure: trouble, at })));
    this.afterSnapshot(view);
  }

  /** What the toolbar does of its own accord on a snapshot: clear what it rejected, leave one-step transfers. */
  private afterSnapshot(view: AgentView): void {
    for (const contact of view.contacts) {
      if (!this.rejected.has(contact.contactId) || isLiveContact(contact)) continue;
      this.rejected.delete(contact.contactId);
      void this.clearContact(contact.contactId);
    }
    for (const contactId of this.mapper.blindTransfersReady(view)) {
      if (this.leaving.has(contactId)) continue;
      this.leaving.add(contactId);
      void this.act('complete the transfer', (callbacks) => this.contactOrThrow(contactId).getAgentConnection().destroy(callbacks)).then((outcome) => {
        this.leaving.delete(contactId);
        if (!outcome.ok) this.deliver([{ type: 'commandFailed', failure: outcome, at: this.clock.now() }]);
      });
    }
  }

  private onMuteToggle(muted: boolean): void {
    const contact = this.mapper.current?.contacts.find((candidate) => candidate.state === 'connected');
    const eventId = contact === undefined ? undefined : this.mapper.eventIdOfContact(contact.contactId);
    if (eventId !== undefined) this.deliver([{ type: 'interactionMuteChanged', eventId, muted, at: this.clock.now() }]);
  }

  private async softphoneMute(eventId: string, muted: boolean): Promise<CommandOutcome> {
    const agent = await this.readyAgent();
    if (!agent.ok) return agent;
    if (this.mapper.contactIdOf(eventId) === undefined) return failure('UNKNOWN_INTERACTION', `No Amazon Connect contact for ${eventId}.`);
    if (muted) agent.value.mute();
    else agent.value.unmute();
    return OK;
  }

  /** Clear the agent's ended contacts, then choose the state the predicate picks. */
  private async chooseState(
    action: string,
    pick: (state: connect.AgentStateDefinition, all: readonly connect.AgentStateDefinition[]) => boolean,
  ): Promise<CommandOutcome> {
    const agent = await this.readyAgent();
    if (!agent.ok) return agent;
    const states = agent.value.getAgentStates();
    const state = states.find((candidate) => pick(candidate, states));
    if (!state) return failure('NOT_SUPPORTED', `This Amazon Connect instance has no agent state to ${action}.`);
    for (const contact of agent.value.getContacts()) {
      if (isLiveContact({ state: String(contact.getState().type) })) continue;
      const cleared = await this.clearContact(contact.getContactId());
      if (!cleared.ok) return cleared;
    }
    return this.act(action, (callbacks) => agent.value.setState(state, callbacks));
  }

  private clearContact(contactId: string): Promise<CommandOutcome> {
    return this.act('clear the contact', (callbacks) => this.contactOrThrow(contactId).clear(callbacks));
  }

  /** The agent once the CCP has reported it; starts the CCP again if the library gave up. */
  private async readyAgent(): Promise<{ ok: true; value: connect.Agent } | Failure> {
    if (this.disposed) return failure('VENDOR_UNREACHABLE', 'This vendor has been disposed.');
    if (this.link.hasGivenUp) this.link.restart();
    else if (this.problem) return this.problem;
    if (!this.agent) await this.agentReported();
    if (this.agent) return { ok: true, value: this.agent };
    return this.problem ?? failure('VENDOR_UNREACHABLE', 'Amazon Connect has not reported the agent yet: is the CCP signed in?');
  }

  /** Until the first snapshot, a sign-in problem, or the action timeout, whichever comes first. */
  private agentReported(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = this.clock.setTimer(this.timeoutMs, resolve);
      this.agentWaiters.push(() => {
        timer.cancel();
        resolve();
      });
    });
  }

  private async withIntent(
    eventId: string,
    intent: 'hangup' | 'transfer',
    action: string,
    start: (contact: connect.Contact, callbacks: StreamsCallbacks) => void,
  ): Promise<CommandOutcome> {
    const contactId = this.mapper.contactIdOf(eventId);
    if (contactId !== undefined) this.mapper.intend(contactId, intent);
    const outcome = await this.onContact(eventId, action, start);
    if (!outcome.ok && contactId !== undefined) this.mapper.forgetIntent(contactId);
    return outcome;
  }

  private async onContact(eventId: string, action: string, start: (contact: connect.Contact, callbacks: StreamsCallbacks) => void): Promise<CommandOutcome> {
    const agent = await this.readyAgent();
    if (!agent.ok) return agent;
    const contactId = this.mapper.contactIdOf(eventId);
    const contact = contactId === undefined ? undefined : this.contact(contactId);
    if (!contact) return failure('UNKNOWN_INTERACTION', `No Amazon Connect contact for ${eventId}.`);
    return this.act(action, (callbacks) => start(contact, callbacks));
  }

  private act(action: string, start: (callbacks: StreamsCallbacks) => void): Promise<CommandOutcome> {
    return streamsAction(this.clock, this.timeoutMs, action, start);
  }

  private async quickConnects(agent: connect.Agent): Promise<{ ok: true; endpoints: connect.Endpoint[] } | Failure> {
    const listed = await streamsRequest(this.clock, this.timeoutMs, 'list the quick connects', (callbacks) =>
      agent.getEndpoints(agent.getAllQueueARNs(), { success: callbacks.success, failure: callbacks.failure }),
    );
    if (!listed.ok) return listed;
    return { ok: true, endpoints: (listed.data as { endpoints?: connect.Endpoint[] } | undefined)?.endpoints ?? [] };
  }

  /** The quick connect named `destination` or dialing that number, else the number itself. */
  private async endpointFor(destination: string): Promise<connect.Endpoint> {
    const agent = this.agent;
    if (agent) {
      const listed = await this.quickConnects(agent);
      const endpoints = listed.ok ? listed.endpoints : [];
      const wanted = destination.trim().toLowerCase();
      const digits = destination.replace(/[^0-9]/g, '');
      const quick = endpoints.find(
        (endpoint) => endpoint.name?.toLowerCase() === wanted || (digits !== '' && endpoint.phoneNumber?.replace(/[^0-9]/g, '') === digits),
      );
      if (quick) return quick;
    }
    return connect.Endpoint.byPhoneNumber(destination);
  }

  private contact(contactId: string): connect.Contact | undefined {
    return this.agent?.getContacts().find((contact) => contact.getContactId() === contactId);
  }

  private contactOrThrow(contactId: string): connect.Contact {
    const contact = this.contact(contactId);
    if (!contact) throw new Error(`contact ${contactId} is gone`);
    return contact;
  }

  private wakeWaiters(): void {
    const waiters = this.agentWaiters;
    this.agentWaiters = [];
    for (const wake of waiters) wake();
  }

  private deliver(events: readonly VendorEvent[]): void {
    for (const event of events) this.sink?.(event);
  }
}

/** The customer's leg: hold and resume act on it, not on the agent's (two-party calls). */
function customerOf(contact: connect.Contact): Connection {
  const initial = contact.getInitialConnection();
  if (!initial) throw new Error('the call has no customer connection');
  return initial;
}

/** A quick connect as the toolbar lists it; one of a kind the toolbar does not know is left out. */
function destinationOf(endpoint: connect.Endpoint): TransferDestination[] {
  const kinds: Readonly<Record<string, TransferDestination['kind']>> = { agent: 'agent', queue: 'queue', phone_number: 'phoneNumber' };
  const kind = Object.hasOwn(kinds, String(endpoint.type)) ? kinds[String(endpoint.type)] : undefined;
  const name = endpoint.name ?? endpoint.phoneNumber ?? '';
  if (kind === undefined || name === '') return [];
  return [{ name, kind, ...(kind === 'phoneNumber' && endpoint.phoneNumber ? { phoneNumber: endpoint.phoneNumber } : {}) }];
}

function notRecording(): CommandOutcome {
  return failure('NOT_SUPPORTED', 'Amazon Connect Streams has no call recording controls.');
}

/** Streams reads contact attributes but cannot set them: a command carrying attached data is refused, never sent without it. */
const NO_ATTRIBUTES = failure('NOT_SUPPORTED', 'Amazon Connect Streams cannot change contact attributes from the agent desktop.');

function hasData(userData: AttachedData | undefined): boolean {
  return userData !== undefined && Object.keys(userData).length > 0;
}
