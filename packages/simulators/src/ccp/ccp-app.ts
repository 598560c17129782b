import type { SessionOpened, Snapshot, TServerWireEvent } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import { newUuid } from '../wire/uuid.ts';
import { AgentService } from './agent-service.ts';
import { muteCommand, runApiMethod, serviceError, type ApiContext } from './api-methods.ts';
import { BridgeLink, type LinkStatus } from './bridge-link.ts';
import type { CcpLogin } from './ccp-login.ts';
import type { AgentProfile } from './snapshot-builder.ts';
import { CcpTabs, type MasterAnswer } from './ccp-tabs.ts';
import { CcpConduit, STREAMS_EVENTS, type ApiRequest, type Broadcast, type MasterRequest } from './streams-conduit.ts';

/**
 * One CCP page, signed in: the agent's service on the contact-center simulator, its line to the
 * bridge, and — when a page embeds it with `connect.core.initCCP` — the conduit to that page.
 *
 * Handshake, as the library expects it: `acknowledge` (with the port id) as soon as the page is up,
 * then `acknowledge` for every `synchronize`; `agent::update` once the bridge session is open and on
 * every change after. A session that expires (here, or in another CCP page of the agent) sends
 * `auth_fail` and from then on neither answers actions nor sends snapshots — the real worker's 401s —
 * so the library's own re-authentication (login window, iframe refreshes) takes over.
 */

export interface CcpStatus {
  readonly link: LinkStatus;
  readonly session: 'active' | 'expired' | 'denied';
  /** The page's control cut the CCP off its network. */
  readonly networkDown: boolean;
  /** Whether this tab holds the softphone (only its CCP rings and carries the audio), as the tabs elected. */
  readonly softphone: 'here' | 'elsewhere' | 'unknown';
}

/** What the CCP pages of one agent share in one browser (ccp-tabs.ts). */
export interface CcpTabsPlace {
  /** Undefined outside a secure context (no Web Locks): the page is a lone tab. */
  readonly locks: LockManager | undefined;
  readonly storage: Storage;
  readonly channel: BroadcastChannel;
}

const SOFTPHONE_TOPIC = 'connect::softphone';

export interface CcpAppOptions {
  readonly profile: AgentProfile;
  readonly login: CcpLogin;
  readonly bridgeUrl: string;
  readonly clock: Clock;
  readonly window: Window;
  /** The page that embeds the CCP, when it is framed. */
  readonly host: Window | undefined;
  readonly tabs: CcpTabsPlace;
}

export class CcpApp {
  readonly service: AgentService;
  private readonly link: BridgeLink;
  private readonly conduit: CcpConduit | undefined;
  private readonly tabs: CcpTabs;
  private softphone: CcpStatus['softphone'] = 'unknown';
  private readonly portId = newUuid();
  private readonly listeners = new Set<() => void>();
  private sessionOpen = false;
  private linkStatus: LinkStatus = 'connecting';
  private session: CcpStatus['session'] = 'active';
  private networkDown = false;
  /** The worker told the library its connection was lost, and not yet that it is back. */
  private toldLost = false;
  private unwatch: (() => void) | undefined;

  constructor(private readonly options: CcpAppOptions) {
    this.service = new AgentService({
      profile: options.profile,
      clock: options.clock,
      newId: newUuid,
      send: (command) => this.link.send(command),
      onUpdate: () => this.publish(),
      onMuteToggle: (muted) => this.post(STREAMS_EVENTS.MUTE_TOGGLE, { muted }),
    });
    this.link = new BridgeLink({
      bridgeUrl: options.bridgeUrl,
      agentId: options.profile.agentId,
      clock: options.clock,
      delegate: {
        onOpened: (frame) => this.onOpened(frame),
        onSnapshot: (frame) => this.onSnapshot(frame),
        onEvent: (frame) => this.onEvent(frame),
        onStatus: (status) => this.onLinkStatus(status),
      },
    });
    this.conduit = options.host
      ? new CcpConduit(options.window, options.host, {
          onApiRequest: (request) => void this.onApiRequest(request),
          onBroadcast: (broadcast) => this.onBroadcast(broadcast),
          onMasterRequest: (request) => this.onMasterRequest(request),
          onSynchronize: () => {
            if (this.session === 'active') this.post(STREAMS_EVENTS.ACKNOWLEDGE);
          },
        })
      : undefined;
    this.tabs = new CcpTabs({
      ...options.tabs,
      agentId: options.profile.agentId,
      portId: this.portId,
      delegate: {
        onConnectedCcps: (length) => this.post(STREAMS_EVENTS.UPDATE_CONNECTED_CCPS, { length }),
        onBroadcast: (event, data) => this.post(event, data),
        onTakeOver: (answer) => this.onTakeOver(answer),
      },
    });
  }

  get status(): CcpStatus {
    return { link: this.linkStatus, session: this.session, networkDown: this.networkDown, softphone: this.softphone };
  }

  /** Whether this tab's CCP is ringing now: a call is offered and this tab holds the softphone. */
  get ringing(): boolean {
    return this.softphone === 'here' && this.service.contacts.all.some((contact) => contact.state === 'connecting' && contact.direction === 'inbound');
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.conduit?.start();
    this.post(STREAMS_EVENTS.ACKNOWLEDGE, { id: this.portId });
    void this.tabs.start().then(() => this.checkSoftphone());
    this.link.start();
    this.unwatch = this.options.login.watch(this.options.window, (signedIn) => {
      if (!signedIn) this.sessionExpired();
    });
  }

  stop(): void {
    this.unwatch?.();
    this.tabs.stop();
    this.conduit?.stop();
    this.link.stop();
    this.service.dispose();
  }

  /** The page's control: the agent's Amazon Connect session expires now. */
  expireSession(): void {
    this.options.login.expire();
    this.sessionExpired();
  }

  /** The page's control: the network goes away — the link to the service closes, as a lost Wi-Fi would. */
  dropNetwork(): void {
    if (this.networkDown) return;
    this.networkDown = true;
    this.link.stop();
    this.onLinkStatus('reconnecting');
  }

  /** The page's control: the network is back; the link resumes its session (missed events replayed). */
  restoreNetwork(): void {
    if (!this.networkDown) return;
    this.networkDown = false;
    this.link.start();
    this.changed();
  }

  /** The page's control: the softphone fails as the real one reports it (a broadcast to every tab). */
  softphoneError(errorType: string): void {
    this.post(STREAMS_EVENTS.SOFTPHONE_ERROR, { errorType, errorMessage: `Simulated ${errorType}`, endPointUrl: null });
  }

  /** The page's control: the service refuses the agent (a 403: permissions or security profile). */
  denyAccess(): void {
    this.session = 'denied';
    this.post(STREAMS_EVENTS.ACCESS_DENIED);
    this.changed();
  }

  private sessionExpired(): void {
    if (this.session === 'expired') return;
    this.session = 'expired';
    this.post(STREAMS_EVENTS.AUTH_FAIL);
    this.changed();
  }

  /** The worker's websocket: lost while the link is down, gained (and a fresh snapshot) once it is open again. */
  private onLinkStatus(status: LinkStatus): void {
    this.linkStatus = status;
    if (status === 'reconnecting' && !this.toldLost) {
      this.toldLost = true;
      this.post(STREAMS_EVENTS.WEBSOCKET_CONNECTION_LOST);
    } else if (status === 'open' && this.toldLost) {
      this.toldLost = false;
      this.post(STREAMS_EVENTS.WEBSOCKET_CONNECTION_GAINED);
    }
    this.changed();
  }

  private onOpened(frame: SessionOpened): void {
    if (frame.resume === 'snapshot') return;
    this.sessionOpen = true;
    if (frame.resume === 'fresh') this.service.reset();
    else this.publish();
  }

  private onSnapshot(frame: Snapshot): void {
    this.sessionOpen = true;
    this.service.applySnapshot(frame);
  }

  private onEvent(frame: TServerWireEvent): void {
    this.service.applyEvent(frame);
  }

  private async onApiRequest(request: ApiRequest): Promise<void> {
    if (this.session === 'expired') {
      this.post(STREAMS_EVENTS.AUTH_FAIL, { authorize: true });
      return;
    }
    if (this.networkDown) {
      this.post(STREAMS_EVENTS.API_RESPONSE, {
        event: STREAMS_EVENTS.API_RESPONSE,
        requestId: request.requestId,
        data: {},
        err: JSON.stringify(serviceError('NetworkingError', 'The CCP cannot reach Amazon Connect.', 0)),
      });
      return;
    }
    const context: ApiContext = { service: this.service, directory: this.options.profile.directory, send: (command) => this.link.send(command) };
    const result =
      this.session === 'denied'
        ? { ok: false as const, error: serviceError('AccessDeniedException', 'The agent is not allowed to use this instance.', 403) }
        : await runApiMethod(request.method, request.params ?? {}, context);
    this.post(STREAMS_EVENTS.API_RESPONSE, {
      event: STREAMS_EVENTS.API_RESPONSE,
      requestId: request.requestId,
      data: result.ok ? result.data : {},
      err: result.ok ? null : JSON.stringify(result.error),
    });
  }

  /** The shared worker fans a broadcast out to every tab; this CCP's softphone also acts on `mute`. */
  private onBroadcast(broadcast: Broadcast): void {
    this.post(broadcast.event, broadcast.data);
    this.tabs.broadcast(broadcast.event, broadcast.data);
    if (broadcast.event !== STREAMS_EVENTS.MUTE || this.session !== 'active') return;
    const mute = typeof broadcast.data === 'object' && broadcast.data !== null && (broadcast.data as { mute?: unknown }).mute === true;
    const command = muteCommand(this.service, mute);
    if (command) void this.link.send(command);
  }

  /** The worker's master coordination, shared by the agent's tabs (ccp-tabs.ts). */
  private onMasterRequest(request: MasterRequest): void {
    const { topic, shouldNotBecomeMasterIfNone } = request.params;
    const answer = request.method === 'becomeMaster' ? this.tabs.becomeMaster(topic) : this.tabs.checkMaster(topic, shouldNotBecomeMasterIfNone === true);
    void answer.then((data) => {
      if (topic === SOFTPHONE_TOPIC) this.setSoftphone(data.masterId);
      this.post(STREAMS_EVENTS.MASTER_RESPONSE, { event: STREAMS_EVENTS.MASTER_RESPONSE, requestId: request.requestId, data, err: null });
    });
  }

  /** Another port took a topic over: every page hears it, as from the worker's multiplexer. */
  private onTakeOver(answer: MasterAnswer): void {
    if (answer.topic === SOFTPHONE_TOPIC) this.setSoftphone(answer.masterId);
    this.post(STREAMS_EVENTS.MASTER_RESPONSE, { event: STREAMS_EVENTS.MASTER_RESPONSE, data: answer, err: null });
  }

  /** The CCP's own softphone asks to be master, as the real CCP's does on each agent refresh: the first tab wins. */
  private async checkSoftphone(): Promise<void> {
    const answer = await this.tabs.checkMaster(SOFTPHONE_TOPIC, false);
    this.setSoftphone(answer.masterId);
  }

  private setSoftphone(masterId: string): void {
    const softphone = masterId === this.portId ? 'here' : 'elsewhere';
    if (softphone === this.softphone) return;
    this.softphone = softphone;
    this.changed();
  }

  private publish(): void {
    if (this.sessionOpen && this.session === 'active') this.post(STREAMS_EVENTS.AGENT_UPDATE, this.service.data());
    if (this.service.contacts.all.some((contact) => contact.state === 'connecting')) void this.checkSoftphone();
    this.changed();
  }

  private post(event: string, data?: unknown): void {
    this.conduit?.send(event, data);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
