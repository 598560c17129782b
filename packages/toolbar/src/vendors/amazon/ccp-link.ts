/// <reference types="amazon-connect-streams" />
import type { ConnectionStatus } from '../../core/connection-status.ts';
import { failure, type Failure } from '../../core/outcome.ts';
import { CONNECTION_LOST, networkReachability, softphoneFailure, WEBSOCKET_FAILED } from './ccp-troubles.ts';

/**
 * The embedded CCP: `connect.core.initCCP` builds its iframe in `container` and the library's conduit
 * to it; this link watches what the library reports about it and says it in the core's words.
 *
 * | Streams                                              | connection status                      |
 * |------------------------------------------------------|----------------------------------------|
 * | initCCP called                                       | connecting                             |
 * | `acknowledge` from the CCP, an `agent::refresh`      | connected                              |
 * | ACK_TIMEOUT at load (the agent is not signed in)     | offline{authFailed}: sign in           |
 * | AUTH_FAIL (the session expired), authorize retries exhausted | offline{authFailed}: sign in again |
 * | ACCESS_DENIED                                        | offline{accessDenied}                  |
 * | IFRAME_RETRIES_EXHAUSTED (no sign-in after 10 reloads) | offline{authFailed}; the library has given up, so the next availability request starts the CCP again |
 * | websocket connection lost, network disconnected or failed | reconnecting{networkLost} until it is gained again (acknowledgements and snapshots meanwhile do not count) |
 * | websocket init failure                               | offline{connectFailed}                 |
 *
 * While the agent is signed out, the library itself opens the login window (`loginPopup`) and reloads
 * the iframe until the CCP answers; the first `acknowledge` after that reconnects, and the vendor
 * resyncs from the next snapshot. The login window is closed here, once a snapshot shows the agent
 * signed in — not by the library's `loginPopupAutoClose`, which closes it on any acknowledgement and
 * so can close it before the agent has signed in, over and over (Streams issue #1058).
 */

export interface CcpLinkOptions {
  readonly ccpUrl: string;
  readonly region?: string | undefined;
  /** Let the library open the Amazon Connect login window when the agent must sign in. */
  readonly loginPopup: boolean;
  readonly container: HTMLElement;
  /** The library's own timers (ms): the first ACK, the keepalive gap, and the ACK wait. */
  readonly ccpLoadTimeoutMs?: number | undefined;
  readonly ccpSynTimeoutMs?: number | undefined;
  readonly ccpAckTimeoutMs?: number | undefined;
}

export interface CcpLinkDelegate {
  /** The link changed; `problem` says what the agent must do about it, once per change. */
  onStatus(status: ConnectionStatus, problem: Failure | undefined): void;
  /** A snapshot arrived (`agent::refresh`). */
  onRefresh(agent: connect.Agent): void;
  /** The softphone muted or unmuted (`agent::mute_toggle`). */
  onMuteToggle(muted: boolean): void;
  /** Something the agent must know that is not the link's state: a softphone error. */
  onProblem(problem: Failure): void;
}

const SIGN_IN = 'Sign in to Amazon Connect in its login window to use the phone.';
const EXPIRED = 'Your Amazon Connect session has expired: sign in again in the Amazon Connect login window.';
const DENIED = 'Amazon Connect refused access for this agent: ask an administrator to check the security profile.';
const GAVE_UP = 'Amazon Connect sign-in did not complete. Go available to try again.';

export class CcpLink {
  private subscriptions: connect.Subscription[] = [];
  private status: ConnectionStatus = { state: 'offline', reason: 'idle' };
  private running = false;
  private gaveUp = false;
  /** The CCP said it lost its connection to Amazon Connect and has not said it is back. */
  private lost = false;
  private networkWatched = false;

  constructor(
    private readonly options: CcpLinkOptions,
    private readonly delegate: CcpLinkDelegate,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** The library stopped trying to load the CCP: only a new start helps. */
  get hasGivenUp(): boolean {
    return this.gaveUp;
  }

  get connection(): ConnectionStatus {
    return this.status;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.gaveUp = false;
    this.lost = false;
    this.networkWatched = false;
    this.report({ state: 'connecting' }, undefined);
    const { options } = this;
    connect.core.initCCP(options.container, {
      ccpUrl: options.ccpUrl,
      ...(options.region !== undefined ? { region: options.region } : {}),
      loginPopup: options.loginPopup,
      loginPopupAutoClose: false,
      softphone: { allowFramedSoftphone: true, disableRingtone: false },
      pageOptions: { enableAudioDeviceSettings: false, enablePhoneTypeSettings: true },
      ...(options.ccpLoadTimeoutMs !== undefined ? { ccpLoadTimeout: options.ccpLoadTimeoutMs } : {}),
      ...(options.ccpSynTimeoutMs !== undefined ? { ccpSynTimeout: options.ccpSynTimeoutMs } : {}),
      ...(options.ccpAckTimeoutMs !== undefined ? { ccpAckTimeout: options.ccpAckTimeoutMs } : {}),
    });
    const bus = connect.core.getEventBus();
    this.subscriptions = [
      bus.subscribe(connect.EventType.ACKNOWLEDGE, () => {
        if (!this.lost) this.report({ state: 'connected' }, undefined);
      }),
      bus.subscribe(connect.EventType.ACK_TIMEOUT, () => this.signInNeeded(SIGN_IN)),
      connect.core.onAuthFail(() => this.signInNeeded(EXPIRED)),
      connect.core.onAuthorizeRetriesExhausted(() => this.signInNeeded(EXPIRED)),
      connect.core.onCTIAuthorizeRetriesExhausted(() => this.signInNeeded(EXPIRED)),
      connect.core.onAccessDenied(() => this.report({ state: 'offline', reason: 'accessDenied' }, failure('UNAUTHENTICATED', DENIED))),
      connect.core.onIframeRetriesExhausted(() => {
        this.gaveUp = true;
        this.report({ state: 'offline', reason: 'authFailed' }, failure('UNAUTHENTICATED', GAVE_UP));
      }),
      bus.subscribe(connect.AgentEvents.REFRESH, (agent: connect.Agent) => {
        if (this.lost) return;
        closeLoginWindow();
        this.report({ state: 'connected' }, undefined);
        this.watchNetwork(agent);
        this.delegate.onRefresh(agent);
      }),
      bus.subscribe(connect.AgentEvents.MUTE_TOGGLE, (status: { muted?: unknown }) => this.delegate.onMuteToggle(status.muted === true)),
      bus.subscribe(connect.AgentEvents.WEBSOCKET_CONNECTION_LOST, () => this.connectionLost()),
      bus.subscribe(connect.AgentEvents.WEBSOCKET_CONNECTION_GAINED, () => this.connectionBack()),
      bus.subscribe(connect.AgentEvents.SOFTPHONE_ERROR, (error: unknown) => this.delegate.onProblem(softphoneFailure(error))),
    ];
    // Cleared with the rest of the bus by terminate().
    connect.onWebsocketInitFailure(() => this.report({ state: 'offline', reason: 'connectFailed' }, failure('VENDOR_UNREACHABLE', WEBSOCKET_FAILED)));
  }

  /** Tear the CCP down: the library's clients and bus, and its iframe. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
    connect.core.terminate();
    for (const frame of Array.from(this.options.container.querySelectorAll('iframe'))) frame.remove();
  }

  /** Start over after the library gave up (its iframe refreshes are exhausted). */
  restart(): void {
    this.stop();
    this.start();
  }

  private connectionLost(): void {
    this.lost = true;
    this.report({ state: 'reconnecting', reason: 'networkLost', attempt: 0 }, failure('VENDOR_UNREACHABLE', CONNECTION_LOST));
  }

  private connectionBack(): void {
    if (!this.lost) return;
    this.lost = false;
    this.report({ state: 'connected' }, undefined);
  }

  /**
   * The network status the Amazon Connect SDK reports, once the agent is known. Its client exists only
   * where the SDK's provider does; without it the websocket events above still say it.
   */
  private watchNetwork(agent: connect.Agent): void {
    if (this.networkWatched) return;
    this.networkWatched = true;
    try {
      this.subscriptions.push(
        agent.onNetworkConnectionStatusChanged((change) => {
          const reachability = networkReachability(change);
          if (reachability === 'lost') this.connectionLost();
          if (reachability === 'back') this.connectionBack();
        }),
      );
    } catch {
      // No SDK client in this CCP: the websocket events are the only word on the network.
    }
  }

  private signInNeeded(message: string): void {
    this.report({ state: 'offline', reason: 'authFailed' }, failure('UNAUTHENTICATED', message));
  }

  private report(status: ConnectionStatus, problem: Failure | undefined): void {
    const same =
      status.state === this.status.state &&
      (status.state === 'connected' || status.state === 'connecting' || ('reason' in this.status && status.reason === this.status.reason));
    if (same) return;
    this.status = status;
    this.delegate.onStatus(status, problem);
  }
}

/** The login window the library opened (`connect.core.loginWindow`), closed once the agent is signed in. */
function closeLoginWindow(): void {
  const core = connect.core as typeof connect.core & { loginWindow?: Window | null };
  if (!core.loginWindow) return;
  core.loginWindow.close();
  core.loginWindow = null;
}
