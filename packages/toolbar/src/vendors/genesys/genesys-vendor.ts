import { outboundDataSchemas, type Command, type SessionOpened, type Snapshot, type Target, type TServerWireEvent } from '@ctikit/protocol';
import { systemClock, type Clock } from '@ctikit/kernel';
import type { ConnectionStatus } from '../../core/connection-status.ts';
import type { AttachedData } from '../../core/interaction.ts';
import { silentLogger, type Logger } from '../../core/logger.ts';
import type { OutboundOutcome, OutboundRequest } from '../../core/outbound.ts';
import {
  failure,
  OK,
  type AgentTokenOutcome,
  type CommandOutcome,
  type DestinationState,
  type DialOutcome,
  type QueueStatusOutcome,
  type ReasonCode,
  type ReasonCodesOutcome,
  type TransferDestination,
  type TransferDestinationsOutcome,
} from '../../core/outcome.ts';
import type { VendorEvent, VendorEventSink } from '../../core/vendor-events.ts';
import type { ConsultPurpose, ICtiVendorHandler } from '../../core/vendor-handler.ts';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { BridgeRest, type BridgeCredentials, type RestOutcome, type TokenProvider } from './bridge-rest.ts';
import { BridgeSocket } from './bridge-socket.ts';
import { TServerEventMapper } from './event-mapping.ts';
import type { StorageLike } from '../../platform/storage.ts';
import { resolvePlatform, type FetchLike, type WebSocketConstructor } from './platform.ts';
import { SessionStore } from './session-store.ts';
import type { GenesysSignIn } from './genesys-sign-in.ts';

/**
 * The Genesys vendor: a typed client of the ctikit bridge. Commands are `POST /genesys/events`
 * (the protocol's `Command`s, addressed by the ConnID behind the interaction's eventId); events
 * arrive on the `/genesysWs` socket, are mapped to the core's vocabulary and handed to the sink.
 *
 * Availability follows Oracle's tutorial: the socket is opened first, then `initialize` registers
 * the DN and logs the agent in and ready; an agent already logged in is just made `Ready`. The agent
 * is available when EventAgentReady says so — not when EventRegistered arrives, as the tutorial's
 * sample has it.
 */
export interface GenesysVendorOptions {
  /** The bridge, e.g. `http://localhost:8087`: REST at `/genesys/events`, socket at `/genesysWs`. */
  bridgeUrl: string;
  /** Production: the bearer token (or a function that gets it, e.g. Fusion's trust token). */
  token?: string | TokenProvider;
  /** Dev mode: which configured agent (and DN) this toolbar is. */
  agentId?: string;
  /**
   * The agent's own sign-in with Genesys Authentication (genesys-sign-in.ts), for a bridge on the
   * Workspace API backend: its credential goes with every `initialize`.
   */
  signIn?: GenesysSignIn;
  dn?: string;
  /** The not-ready reasons offered to the agent, overriding the bridge's list (e.g. labels in the agent's language). */
  reasonCodes?: readonly ReasonCode[];
  /** Keeps the session across page reloads; default sessionStorage. */
  storage?: StorageLike;
  /** Default: the browser's WebSocket. In Node, pass ws's. */
  WebSocket?: WebSocketConstructor;
  /** Default: the global fetch. */
  fetch?: FetchLike;
  clock?: Clock;
  logger?: Logger;
  /** Jitter for reconnect delays; default Math.random. */
  random?: () => number;
  backoff?: Partial<BackoffOptions>;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** How many of its own referenceIds the vendor remembers, to recognise the socket's echo of their failures. */
const OWN_REFERENCES = 256;

export class GenesysVendor implements ICtiVendorHandler {
  readonly vendorName = 'genesys';
  private readonly clock: Clock;
  private readonly rest: BridgeRest;
  private readonly socket: BridgeSocket;
  private readonly store: SessionStore;
  private readonly mapper: TServerEventMapper;
  private readonly log: Logger;
  /** The configured reasons, else the bridge's once fetched. */
  private reasons: readonly ReasonCode[];
  private reasonsRequest: Promise<ReasonCodesOutcome> | undefined;
  private readonly ownReferences = new Set<string>();
  private referenceCounter = 0;
  private readonly referencePrefix: string;
  private sink: VendorEventSink | undefined;
  private socketStatus: ConnectionStatus = { state: 'offline', reason: 'idle' };
  private linkDown = false;
  /** What the events said about the DN: registered, and the agent logged in. */
  private registered = false;
  private loggedIn = false;
  /** The bridge opened a new session in place of ours with a Snapshot to follow: that resync says so. */
  private sessionLost = false;
  /** Whether the campaigns were asked for on a resumed session (see `recallCampaigns`). */
  private campaignsRecalled = false;
  private disposed = false;
  /** The agent's own DN, as the bridge's session names it. */
  private ownDn: string | undefined;
  /** The directory as the bridge last listed it: transfers name its entries, resolved here to their DNs. */
  private directory: readonly Target[] = [];
  private readonly signIn: GenesysSignIn | undefined;

  constructor(options: GenesysVendorOptions) {
    this.signIn = options.signIn;
    const platform = resolvePlatform(options);
    const clock = options.clock ?? systemClock;
    this.clock = clock;
    this.log = options.logger ?? silentLogger;
    this.reasons = options.reasonCodes ?? [];
    this.referencePrefix = `tb-${globalThis.crypto.randomUUID().slice(0, 8)}`;
    const credentials: BridgeCredentials = { token: options.token, agentId: options.agentId, dn: options.dn };
    this.store = new SessionStore(platform.storage, `ctikit.genesys.session:${options.bridgeUrl}:${options.agentId ?? options.dn ?? 'default'}`);
    this.rest = new BridgeRest({
      bridgeUrl: options.bridgeUrl,
      credentials,
      fetch: platform.fetch,
      clock,
      log: this.log,
      timeoutMs: options.requestTimeoutMs ?? 10_000,
    });
    this.socket = new BridgeSocket({
      bridgeUrl: options.bridgeUrl,
      credentials,
      socketTicket: () => this.rest.socketTicket(`${this.referencePrefix}-${++this.referenceCounter}`),
      WebSocket: platform.WebSocket,
      clock,
      log: this.log,
      store: this.store,
      random: options.random ?? Math.random,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      delegate: {
        onOpened: (frame, lost) => this.onOpened(frame, lost),
        onFrame: (frame) => this.onFrame(frame),
        onStatus: (status) => this.onSocketStatus(status),
      },
    });
    this.mapper = new TServerEventMapper({
      reasonLabel: (code) => this.reasons.find((reason) => reason.code === code)?.label,
      isOwnCommand: (referenceId) => this.ownReferences.has(referenceId),
    });
  }

  /** Start delivering events; a session kept from before a reload is resumed right away. */
  async connect(sink: VendorEventSink): Promise<CommandOutcome> {
    if (this.disposed) return failure('VENDOR_UNREACHABLE', 'This vendor has been disposed.');
    this.sink = sink;
    this.report();
    void this.reasonCodes();
    if (this.store.load() === undefined) return OK;
    return (await this.socket.open(true)) ? OK : failure('VENDOR_UNREACHABLE', 'The bridge cannot be reached: reconnecting.');
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.socket.close();
    this.socketStatus = { state: 'offline', reason: 'disposed' };
    this.report();
    this.sink = undefined;
  }

  async makeAgentAvailable(): Promise<CommandOutcome> {
    const socket = await this.ensureSocket();
    if (!socket.ok) return socket;
    return this.registered && this.loggedIn ? this.send({ type: 'Ready' }) : this.initialize(true);
  }

  /** The agent's wrap-up is done: out of AfterCallWork, Ready again. */
  endAfterCallWork(): Promise<CommandOutcome> {
    return this.send({ type: 'Ready' });
  }

  async makeAgentUnavailable(reasonCode?: string): Promise<CommandOutcome> {
    const socket = await this.ensureSocket();
    if (!socket.ok) return socket;
    const notReady: Command = { type: 'NotReady', workMode: 'AuxWork', ...(reasonCode !== undefined ? { reasonCode } : {}) };
    if (this.registered && this.loggedIn) return this.send(notReady);
    const login = await this.initialize(false);
    if (!login.ok || reasonCode === undefined) return login;
    return this.send(notReady);
  }

  logout(reasonCode?: string): Promise<CommandOutcome> {
    return this.send({ type: 'Logout', ...(reasonCode !== undefined ? { reasonCode } : {}) });
  }

  outbound(request: OutboundRequest): Promise<OutboundOutcome> {
    return this.rest.outbound(request, `${this.referencePrefix}-${++this.referenceCounter}`);
  }

  agentToken(): Promise<AgentTokenOutcome> {
    return this.rest.agentToken(`${this.referencePrefix}-${++this.referenceCounter}`);
  }

  queueStatus(): Promise<QueueStatusOutcome> {
    return this.rest.queueStatus(`${this.referencePrefix}-${++this.referenceCounter}`);
  }

  /** The configured reasons, else the bridge's: asked once at a time, kept once answered. */
  reasonCodes(): Promise<ReasonCodesOutcome> {
    if (this.reasons.length > 0) return Promise.resolve({ ok: true, reasonCodes: this.reasons });
    this.reasonsRequest ??= this.rest.reasonCodes(`${this.referencePrefix}-${++this.referenceCounter}`).then((outcome) => {
      this.reasonsRequest = undefined;
      if (outcome.ok) this.reasons = outcome.reasonCodes;
      return outcome;
    });
    return this.reasonsRequest;
  }

  /** The bridge's directory (GET /genesys/targets), less the agent's own entry; it also names the agent. */
  async transferDestinations(): Promise<TransferDestinationsOutcome> {
    const outcome = await this.rest.targets(`${this.referencePrefix}-${++this.referenceCounter}`);
    if (!outcome.ok) return outcome;
    this.directory = outcome.targets;
    this.identify();
    const destinations = outcome.targets.filter((target) => target.dn !== this.ownDn).map(destinationOf);
    return { ok: true, destinations };
  }

  makeOutboundCall(phoneNumber: string, eventId: string, userData?: AttachedData): Promise<CommandOutcome> {
    return this.send({ type: 'MakeCall', phoneNumber, eventId, ...withUserData(userData) });
  }

  acceptCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'Accept', connectionId }));
  }

  rejectCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'Reject', connectionId }));
  }

  hangupCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'Hangup', connectionId }));
  }

  holdCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'Hold', connectionId }));
  }

  retrieveCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'Retrieve', connectionId }));
  }

  muteCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'Mute', connectionId }));
  }

  unmuteCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'Unmute', connectionId }));
  }

  transferCall(eventId: string, destination: string, userData?: AttachedData): Promise<CommandOutcome> {
    const dn = this.dnOf(destination);
    return this.onCall(eventId, (connectionId) => ({ type: 'SingleStepTransfer', connectionId, destination: dn, ...withUserData(userData) }));
  }

  /** InitiateTransfer (or InitiateConference): the bridge answers with the consult leg's eventId. */
  async consultCall(eventId: string, destination: string, purpose: ConsultPurpose = 'transfer', userData?: AttachedData): Promise<DialOutcome> {
    const type = purpose === 'conference' ? 'InitiateConference' : 'InitiateTransfer';
    const connectionId = this.mapper.legs.connectionIdOf(eventId);
    if (connectionId === undefined) return failure('UNKNOWN_INTERACTION', `No call ${eventId} on this agent's DN.`);
    const outcome = await this.post({ type, connectionId, destination: this.dnOf(destination), ...withUserData(userData) });
    if (!outcome.ok) return outcome;
    const consult = outcome.result.eventId;
    if (consult === undefined || consult === eventId || outcome.result.connectionId === connectionId) {
      return failure('INVALID_VENDOR_RESPONSE', `The bridge did not name the consultation ${type} created.`);
    }
    return { ok: true, eventId: consult };
  }

  completeTransfer(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onPair(eventId, consultEventId, 'CompleteTransfer');
  }

  completeConference(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onPair(eventId, consultEventId, 'CompleteConference');
  }

  /** RequestReconnectCall: release the consultation and retrieve the held call. */
  cancelConsult(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onPair(eventId, consultEventId, 'ReconnectCall');
  }

  /** DeleteFromConference: the party's DN (or number) leaves the call. */
  dropParty(eventId: string, party: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'DeleteFromConference', connectionId, dn: party }));
  }

  sendDtmf(eventId: string, digits: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'SendDTMF', connectionId, digits }));
  }

  /** UpdateUserData: adds keys and overwrites those that exist. */
  setAttachedData(eventId: string, data: AttachedData): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'UpdateUserData', connectionId, userData: { ...data } }));
  }

  deleteAttachedData(eventId: string, key?: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'DeleteUserData', connectionId, ...(key !== undefined ? { key } : {}) }));
  }

  startRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'StartRecording', connectionId }));
  }

  stopRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'StopRecording', connectionId }));
  }

  pauseRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'PauseRecording', connectionId }));
  }

  resumeRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall(eventId, (connectionId) => ({ type: 'ResumeRecording', connectionId }));
  }

  /**
   * The socket must be up before the agent goes available, or the agent's events would have nowhere
   * to go. While it is reconnecting, commands go ahead: what they cause is replayed on resume.
   */
  private async ensureSocket(): Promise<CommandOutcome> {
    if (this.disposed) return failure('VENDOR_UNREACHABLE', 'This vendor has been disposed.');
    if (this.socket.isOpen || this.socket.isReconnecting) return OK;
    if (await this.socket.open()) return OK;
    return this.socket.refusal ?? failure('VENDOR_UNREACHABLE', 'The bridge event socket cannot be opened.');
  }

  private onCall(eventId: string, command: (connectionId: string) => Command): Promise<CommandOutcome> {
    const connectionId = this.mapper.legs.connectionIdOf(eventId);
    if (connectionId === undefined) return Promise.resolve(failure('UNKNOWN_INTERACTION', `No call ${eventId} on this agent's DN.`));
    return this.send(command(connectionId));
  }

  private onPair(eventId: string, consultEventId: string, type: 'CompleteTransfer' | 'CompleteConference' | 'ReconnectCall'): Promise<CommandOutcome> {
    const consultConnectionId = this.mapper.legs.connectionIdOf(consultEventId);
    if (consultConnectionId === undefined) {
      return Promise.resolve(failure('UNKNOWN_INTERACTION', `No consultation ${consultEventId} on this agent's DN.`));
    }
    return this.onCall(eventId, (connectionId) => ({ type, connectionId, consultConnectionId }));
  }

  /** `initialize`, with the agent's Genesys credential when the agent signs in from the toolbar. */
  private async initialize(ready: boolean): Promise<CommandOutcome> {
    const signedIn = this.signIn ? await this.signIn.signIn() : undefined;
    if (signedIn && !signedIn.ok) return signedIn;
    const outcome = await this.send({
      type: 'initialize',
      ...(ready ? {} : { ready: false }),
      ...(signedIn ? { genesysCredential: signedIn.credential } : {}),
    });
    if (!outcome.ok && outcome.code === 'UNAUTHENTICATED') this.signIn?.forget();
    return outcome;
  }

  private async send(command: Command): Promise<CommandOutcome> {
    const outcome = await this.post(command);
    return outcome.ok ? OK : outcome;
  }

  private post(command: Command): Promise<RestOutcome> {
    if (this.disposed) return Promise.resolve(failure('VENDOR_UNREACHABLE', 'This vendor has been disposed.'));
    const referenceId = `${this.referencePrefix}-${++this.referenceCounter}`;
    this.ownReferences.add(referenceId);
    if (this.ownReferences.size > OWN_REFERENCES) {
      const oldest = this.ownReferences.values().next();
      if (!oldest.done) this.ownReferences.delete(oldest.value);
    }
    return this.rest.post(command, referenceId);
  }

  /**
   * A lost session (the bridge restarted, or the session expired) is said with the resync that
   * follows: the `fresh` one here, or the Snapshot's.
   */
  private onOpened(frame: SessionOpened, lost: boolean): void {
    this.sessionLost = lost && frame.resume === 'snapshot';
    this.ownDn = frame.dn;
    this.identify();
    if (frame.resume !== 'fresh') {
      void this.recallCampaigns(frame.timestamp);
      return;
    }
    // The bridge has nothing to tell: the agent is logged out and has no call, whatever was before.
    this.mapper.legs.clear();
    this.registered = false;
    this.deliver([
      { type: 'resynced', agent: { kind: 'loggedOut' }, interactions: [], at: frame.timestamp, ...(lost ? { cause: 'sessionLost' as const } : {}) },
    ]);
  }

  /**
   * A page that picks up a live session (a reload) missed the campaigns' announcements
   * (CampaignStarted, sent at login): it asks for the agent's campaigns once and reports them started.
   */
  private async recallCampaigns(at: number): Promise<void> {
    if (this.campaignsRecalled) return;
    this.campaignsRecalled = true;
    const outcome = await this.outbound({ operation: 'getCampaigns' });
    const campaigns = outcome.ok ? outboundDataSchemas.getCampaigns.safeParse(outcome.data) : undefined;
    if (!campaigns?.success) return;
    this.deliver(
      campaigns.data.map(({ name, mode, callingList }) => ({ type: 'campaignChanged', campaign: { name, mode, callingList }, change: 'started', at })),
    );
  }

  private onFrame(frame: TServerWireEvent | Snapshot): void {
    if (frame.eventName === 'Snapshot') {
      this.registered = frame.agent.registered;
      const resynced = this.mapper.mapSnapshot(frame);
      this.deliver([this.sessionLost ? { ...resynced, cause: 'sessionLost' } : resynced]);
      this.sessionLost = false;
      return;
    }
    switch (frame.eventName) {
      case 'EventRegistered':
        this.registered = true;
        break;
      case 'EventUnregistered':
        this.registered = false;
        break;
      case 'EventLinkDisconnected':
      case 'EventLinkConnected':
        this.linkDown = frame.eventName === 'EventLinkDisconnected';
        this.report();
        break;
    }
    this.deliver(this.mapper.map(frame));
  }

  private onSocketStatus(status: ConnectionStatus): void {
    this.socketStatus = status;
    this.report();
  }

  /** The link as the model should see it: the socket's state, unless the bridge has lost the contact center. */
  private report(): void {
    const status: ConnectionStatus =
      this.socketStatus.state === 'connected' && this.linkDown ? { state: 'reconnecting', reason: 'contactCenterDown', attempt: 0 } : this.socketStatus;
    this.deliver([{ type: 'connectionChanged', status, at: this.clock.now() }]);
  }

  /** Tell the model who is signed in: the session's DN, and the directory's name for it. */
  private identify(): void {
    if (this.ownDn === undefined) return;
    const dn = this.ownDn;
    const name = this.directory.find((target) => target.dn === dn)?.name;
    this.deliver([{ type: 'agentIdentified', identity: { dn, ...(name !== undefined ? { name } : {}) } }]);
  }

  /** A transfer's destination: a directory entry's name resolved to its DN, else the number as given. */
  private dnOf(destination: string): string {
    return this.directory.find((target) => target.name === destination)?.dn ?? destination;
  }

  private deliver(events: VendorEvent[]): void {
    for (const event of events) {
      if (event.type === 'agentStateChanged') this.loggedIn = event.state.kind !== 'loggedOut';
      if (event.type === 'resynced') this.loggedIn = event.agent.kind !== 'loggedOut';
      this.sink?.(event);
    }
  }
}

const TARGET_STATES: Record<Target['state'] & string, DestinationState> = { Ready: 'ready', NotReady: 'notReady', Busy: 'busy', LoggedOut: 'loggedOut' };

function destinationOf(target: Target): TransferDestination {
  return { name: target.name, kind: target.type, phoneNumber: target.dn, ...(target.state !== undefined ? { state: TARGET_STATES[target.state] } : {}) };
}

/** The UserData field of a request, when there is attached data to carry. */
function withUserData(userData: AttachedData | undefined): { userData?: AttachedData } {
  return userData !== undefined && Object.keys(userData).length > 0 ? { userData } : {};
}
