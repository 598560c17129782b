import { CtiError } from '@ctikit/protocol';
import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { CallLegSnapshot, DnSnapshot, PortEvent, RequestOutcome, TServerRequest } from '@ctikit/contact-center';
import type { BackendLog } from './options.ts';
import { PendingOperations } from './pending-operations.ts';
import { completionOf } from './request-completion.ts';
import { isMapped, restOperation, unsupported } from './rest-operations.ts';
import type { RestOperation } from './rest-operations.ts';
import { VoiceView } from './voice-view.ts';
import type { GenesysCredential } from '@ctikit/protocol';
import { errorForEventError } from './workspace-errors.ts';
import { WorkspaceSession } from './workspace-session.ts';
import { voiceMessageSchema } from './workspace-wire.ts';
import type { WorkspaceCall } from './workspace-wire.ts';

export interface AgentLinkOptions {
  apiUrl: string;
  apiKey: string;
  agentId: string;
  dn: string;
  /** The agent's credential for a new session (refreshed when it can be and must be). */
  credential: () => Promise<GenesysCredential>;
  clock: Clock;
  requestTimeoutMs: number;
  reconnect: { initialDelayMs: number; maxDelayMs: number };
  log: BackendLog;
  emit(event: PortEvent): void;
}

type LinkState = 'offline' | 'connecting' | 'online' | 'reconnecting' | 'closed';

/**
 * One agent's link to the Workspace API, acting as that agent:
 *
 *     offline ──RegisterAddress──▶ connecting ──session open──▶ online ──UnregisterAddress──▶ offline
 *                                      └──failed (the request fails)──▶ offline
 *     online ──session lost (CometD dropped, token expired)──▶ reconnecting ──new session, resynced──▶ online
 *                                                               └──failed: retry with backoff
 *     any ──close──▶ closed
 *
 * RegisterAddress opens a session and activates the DN's voice channel (which logs the agent in,
 * as the Workspace API does). A lost session is reported as EventLinkDisconnected, requests fail
 * with BACKEND_UNAVAILABLE (UNAUTHENTICATED once the token was refused, reported as an EventError),
 * and the link re-initialises with a fresh token, re-activates the DN, brings its calls in step and
 * reports EventLinkConnected.
 */
export class AgentLink {
  private state: LinkState = 'offline';
  private session: WorkspaceSession | undefined;
  /** Bumped for every session: notifications of an older one are ignored. */
  private generation = 0;
  private connecting: Promise<void> | undefined;
  private readonly view: VoiceView;
  private readonly pending: PendingOperations;
  private retry: TimerHandle | undefined;
  private attempt = 0;
  private lastFailure: CtiError | undefined;
  private authReported = false;
  /** During a resync: the calls notifications reported, which the Workspace API's list must not overwrite. */
  private touched: Set<string> | undefined;
  /**
   * The current session's activation: whether it reported the DN's state (Genesys reports it on its
   * own after the handshake) and the other channels' state when the activation named other channels
   * (Genesys' simulator ignores requests until then), and the activations answered over HTTP.
   */
  private activationState = { dnReported: false, mediaExpected: false, mediaReported: false, answered: new Set<string>() };

  constructor(private readonly options: AgentLinkOptions) {
    this.view = new VoiceView(options.agentId, options.dn, () => options.clock.now());
    this.pending = new PendingOperations(options.clock, options.requestTimeoutMs);
  }

  get agentId(): string {
    return this.options.agentId;
  }

  snapshot(): DnSnapshot {
    return this.view.snapshot();
  }

  leg(connectionId: string): CallLegSnapshot | undefined {
    return this.view.leg(connectionId);
  }

  async request(request: TServerRequest): Promise<RequestOutcome> {
    if (this.state === 'closed') throw new CtiError('BACKEND_UNAVAILABLE', 'The Workspace API backend is closed.');
    if (request.request === 'RequestRegisterAddress') return this.register(request);
    if (!this.view.registered) throw new CtiError('NOT_INITIALIZED', `DN ${this.options.dn} is not registered: send RequestRegisterAddress first.`);
    if (this.state !== 'online') throw this.unavailable();
    if (request.request === 'RequestUnregisterAddress') return this.unregister(request);
    if (request.request === 'RequestAgentLogin' && request.agentId !== this.options.agentId) {
      throw new CtiError('DN_NOT_CONFIGURED', `Agent ${request.agentId} is not configured on DN ${this.options.dn}.`);
    }
    const callIdOf = (connectionId: string): string => this.view.callIdOf(connectionId);
    if (request.request === 'RequestDeleteUserData') {
      // The Workspace API deletes user data one key at a time.
      for (const key of this.view.userDataKeys(request.connectionId)) {
        const deletePair = { ...request, request: 'RequestDeletePair' as const, key };
        await this.operate(deletePair, restOperation(deletePair, callIdOf));
      }
      return {};
    }
    if (!isMapped(request)) throw unsupported(request);
    return this.operate(request, restOperation(request, callIdOf));
  }

  /** Whether the agent's Workspace session is open. */
  get online(): boolean {
    return this.state === 'online';
  }

  /** The targets search's entries, asked with this agent's session. */
  async directory(): Promise<unknown[]> {
    if (this.state !== 'online' || !this.session) throw this.unavailable();
    return this.session.rest.targets();
  }

  /**
   * Another bridge node drives the DN now (it holds the agent's lease): drop this node's session
   * without logging the agent out and without a word to the listeners, so no two nodes act as the
   * agent. A later RegisterAddress (the agent taken back) opens a new one.
   */
  release(): void {
    if (this.state === 'closed' || this.state === 'offline') return;
    this.retry?.cancel();
    this.closeSession();
    this.state = 'offline';
    this.view.registered = false;
    this.view.forgetCalls();
    this.pending.failAll(new CtiError('BACKEND_UNAVAILABLE', `Another bridge node drives DN ${this.options.dn} now.`));
    this.options.log.info({ agentId: this.options.agentId }, 'Workspace API session dropped: another bridge node drives the agent');
  }

  close(): void {
    this.state = 'closed';
    this.retry?.cancel();
    this.closeSession();
    this.pending.failAll(new CtiError('BACKEND_UNAVAILABLE', 'The Workspace API backend is closed.'));
  }

  private async register(request: TServerRequest): Promise<RequestOutcome> {
    const fresh = this.state === 'offline';
    if (fresh) {
      this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    }
    if (this.connecting) await this.connecting;
    if (this.state !== 'online') throw this.unavailable();
    const { agentId, dn } = this.options;
    const outcome = await this.operate(request, { path: 'activate-channels', data: { agentId, dn } }, true);
    if (fresh) await this.recoverCalls();
    return outcome;
  }

  /**
   * The calls live in Genesys, not in the bridge: a new session's first activation (the bridge
   * restarted, or took the agent over from a node that died) reads the calls the DN is already on
   * and reports them as the events that bring the DN to them, so the agent can answer and end them.
   */
  private async recoverCalls(): Promise<void> {
    const session = this.session;
    if (!session || !this.view.registered) return;
    this.touched = new Set();
    try {
      const calls = await session.rest.calls();
      if (session !== this.session) return;
      const events = this.view.reconcile(calls, this.touched);
      if (calls.length > 0) this.options.log.info({ agentId: this.options.agentId, calls: calls.length }, 'calls recovered from the Workspace API');
      events.forEach((event) => this.options.emit(event));
    } catch (error) {
      this.options.log.warn(
        { agentId: this.options.agentId, reason: asCtiError(error).message },
        "the DN's calls could not be read: they appear as their next events arrive",
      );
    } finally {
      this.touched = undefined;
    }
  }

  private async unregister(request: TServerRequest): Promise<RequestOutcome> {
    try {
      await this.session?.rest.logout();
    } catch (error) {
      // The session ends here either way; the Workspace API expires one it was not told about.
      this.options.log.warn({ agentId: this.options.agentId, reason: asCtiError(error).message }, 'Workspace API logout failed');
    }
    this.closeSession();
    this.state = 'offline';
    this.view.registered = false;
    this.view.forgetCalls();
    this.options.emit({ eventName: 'EventUnregistered', thisDN: this.options.dn, referenceId: request.referenceId });
    return {};
  }

  private async connect(): Promise<void> {
    this.state = 'connecting';
    try {
      await this.openSession();
      this.state = 'online';
    } catch (error) {
      this.closeSession();
      if (this.state === 'connecting') this.state = 'offline';
      throw asCtiError(error);
    }
  }

  private async openSession(): Promise<WorkspaceSession> {
    const generation = ++this.generation;
    this.activationState = { dnReported: false, mediaExpected: false, mediaReported: false, answered: new Set() };
    const { apiUrl, apiKey, clock, requestTimeoutMs: timeoutMs } = this.options;
    const session = await WorkspaceSession.open(
      { apiUrl, apiKey, credential: await this.options.credential(), clock, timeoutMs },
      {
        onVoice: (data) => {
          if (generation === this.generation) this.onVoice(data);
        },
        onMedia: () => {
          if (generation !== this.generation) return;
          this.activationState.mediaReported = true;
          this.settleActivations();
        },
        onLost: (reason) => {
          if (generation === this.generation) this.onLost(reason);
        },
      },
    );
    if (generation !== this.generation || this.state === 'closed') {
      session.close();
      throw new CtiError('BACKEND_UNAVAILABLE', 'The Workspace session was closed while it opened.');
    }
    this.session = session;
    return session;
  }

  /**
   * Send an operation; it settles when the contact center reports its effect (request-completion.ts),
   * on the HTTP answer when there is none to observe, or fails on an EventError.
   */
  private async operate(request: TServerRequest, operation: RestOperation, activation = false): Promise<RequestOutcome> {
    const completion = completionOf(request);
    const { operationId, result } = this.pending.start(request, completion, activation);
    const session = this.session;
    try {
      if (!session) throw this.unavailable();
      const reply = await session.rest.operate(operation.path, operationId, operation.data);
      if (completion.on === 'answer') {
        this.answered(request);
        this.pending.settle(operationId, {});
      } else if (request.request === 'RequestRegisterAddress' && session === this.session) {
        const channels = reply.data?.channels ?? [];
        this.activationState.mediaExpected ||= channels.some((channel) => channel !== 'voice');
        this.activationState.answered.add(operationId);
        // The DN's state may have come before the activation was answered: nothing more will.
        if (this.activationState.dnReported) this.announceRegistration();
        this.settleActivations();
      }
    } catch (error) {
      const failure = asCtiError(error);
      this.pending.fail(operationId, failure);
      if (failure.code === 'UNAUTHENTICATED' && session === this.session) this.onLost(failure);
    }
    return result;
  }

  /** What a request settled by its HTTP answer reports itself. */
  private answered(request: TServerRequest): void {
    if (request.request === 'RequestSendDTMF') this.options.emit(this.view.dtmfSent(request.connectionId, request.digits, request.referenceId));
  }

  /** Settle the answered activations once the session reported what they wait for. */
  private settleActivations(): void {
    const { dnReported, mediaExpected, mediaReported, answered } = this.activationState;
    if (!dnReported || (mediaExpected && !mediaReported)) return;
    for (const operationId of answered) this.pending.settle(operationId, {});
    answered.clear();
  }

  private announceRegistration(): void {
    const activation = this.pending.activation();
    if (!activation) return;
    activation.announceRegistration = false;
    this.view.registered = true;
    const { referenceId } = activation.request;
    this.options.emit({
      eventName: 'EventRegistered',
      thisDN: this.options.dn,
      ...(this.view.loggedIn ? { agentId: this.options.agentId } : {}),
      ...(referenceId !== undefined ? { referenceId } : {}),
    });
  }

  private onVoice(data: unknown): void {
    const parsed = voiceMessageSchema.safeParse(data);
    if (!parsed.success) {
      this.options.log.debug({ agentId: this.options.agentId }, 'Workspace voice notification ignored (not one the backend reads)');
      return;
    }
    const message = parsed.data;
    const emit = (events: readonly PortEvent[]): void => events.forEach((event) => this.options.emit(event));
    switch (message.messageType) {
      case 'EventError': {
        const error = errorForEventError(message.error.errorCode, message.error.errorMessage);
        const pending = this.pending.get(message.operationId);
        if (pending) {
          this.pending.fail(pending.operationId, error);
          return;
        }
        if (message.operationId === undefined && this.pending.failOldest(error)) return;
        emit([{ eventName: 'EventError', thisDN: this.options.dn, errorCode: error.code, ...tserverCode(error), errorMessage: error.message }]);
        return;
      }
      case 'DnStateChanged': {
        this.activationState.dnReported = true;
        const cause = this.pending.causeOf(message.operationId, undefined);
        this.announceRegistration();
        emit(this.view.applyDn(message.dn, cause?.referenceId));
        this.pending.observe({ kind: 'dn', agent: this.view.agent });
        this.settleActivations();
        this.settleEchoed(message.operationId);
        return;
      }
      case 'CallStateChanged': {
        const { call, notificationType } = message;
        const connectionIds = [call.connId ?? call.id, ...(call.previousConnId !== undefined ? [call.previousConnId] : [])];
        connectionIds.forEach((id) => this.touched?.add(id));
        const cause = this.pending.causeOf(message.operationId, connectionIds) ?? this.creatorOf(call, connectionIds, notificationType);
        const applied = this.view.applyCall(call, notificationType, cause, cause?.referenceId);
        emit(applied.events);
        if (applied.state !== undefined) {
          const created = applied.created !== undefined;
          this.pending.observe(
            { kind: 'call', connectionIds, state: applied.state, notificationType, created, parentConnId: applied.parentConnId },
            applied.created,
          );
        }
        this.settleEchoed(message.operationId);
        return;
      }
    }
  }

  /** A call new to the DN that no echo or ConnID ties to a request: the pending request it completes (MakeCall, a consultation) made it. */
  private creatorOf(call: WorkspaceCall, connectionIds: readonly string[], notificationType: string): TServerRequest | undefined {
    const preview = this.view.preview(call);
    return preview && this.pending.creatorOf({ kind: 'call', connectionIds, notificationType, created: true, ...preview });
  }

  /** The shortcut: a notification that echoes a pending request's operationId completes it (a new call's request waits for the call, an activation for its channels). */
  private settleEchoed(operationId: string | undefined): void {
    const echoed = this.pending.get(operationId);
    if (echoed && !echoed.completion.newCall && echoed.request.request !== 'RequestRegisterAddress') this.pending.settle(echoed.operationId, {});
  }

  private onLost(reason: CtiError): void {
    if (this.state !== 'online') {
      // Lost while (re)connecting: the attempt in progress fails and, when reconnecting, is retried.
      this.closeSession();
      this.pending.failAll(new CtiError('BACKEND_UNAVAILABLE', reason.message));
      return;
    }
    this.state = 'reconnecting';
    this.closeSession();
    this.pending.failAll(new CtiError('BACKEND_UNAVAILABLE', reason.message));
    this.options.log.warn({ agentId: this.options.agentId, reason: reason.message }, 'Workspace API session lost; reconnecting');
    this.options.emit({ eventName: 'EventLinkDisconnected', thisDN: this.options.dn, errorCode: reason.code, errorMessage: reason.message });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const { initialDelayMs, maxDelayMs } = this.options.reconnect;
    const delay = Math.min(initialDelayMs * 2 ** this.attempt, maxDelayMs);
    this.attempt += 1;
    this.retry = this.options.clock.setTimer(delay, () => void this.reconnect());
  }

  /** A new session, the DN activated again (quietly: no second EventRegistered) and the calls resynced. */
  private async reconnect(): Promise<void> {
    this.retry = undefined;
    try {
      const session = await this.openSession();
      const stillCurrent = (): void => {
        if (session !== this.session || this.state !== 'reconnecting') {
          throw new CtiError('BACKEND_UNAVAILABLE', 'The new Workspace session was lost while the link was being restored.');
        }
      };
      if (this.view.registered) {
        const { agentId, dn } = this.options;
        const reactivation: TServerRequest = { request: 'RequestRegisterAddress', thisDN: dn, referenceId: `reconnect-${this.generation}` };
        await this.operate(reactivation, { path: 'activate-channels', data: { agentId, dn } });
        this.touched = new Set();
        const calls = await session.rest.calls();
        stillCurrent();
        this.view.reconcile(calls, this.touched).forEach((event) => this.options.emit(event));
      }
      stillCurrent();
      this.state = 'online';
      this.attempt = 0;
      this.lastFailure = undefined;
      this.authReported = false;
      this.options.log.info({ agentId: this.options.agentId }, 'Workspace API session restored');
      this.options.emit({ eventName: 'EventLinkConnected', thisDN: this.options.dn });
    } catch (error) {
      if (this.state !== 'reconnecting') return;
      this.closeSession();
      this.lastFailure = asCtiError(error);
      this.options.log.warn({ agentId: this.options.agentId, reason: this.lastFailure.message }, 'Workspace API reconnect failed');
      if (this.lastFailure.code === 'UNAUTHENTICATED' && !this.authReported) {
        this.authReported = true;
        this.options.emit({ eventName: 'EventError', thisDN: this.options.dn, errorCode: 'UNAUTHENTICATED', errorMessage: this.lastFailure.message });
      }
      this.scheduleReconnect();
    } finally {
      this.touched = undefined;
    }
  }

  private closeSession(): void {
    this.generation += 1;
    this.session?.close();
    this.session = undefined;
  }

  private unavailable(): CtiError {
    if (this.state === 'reconnecting' && this.lastFailure?.code === 'UNAUTHENTICATED') {
      return new CtiError('UNAUTHENTICATED', `The Workspace API refused agent ${this.options.agentId}'s token; reconnecting. ${this.lastFailure.message}`);
    }
    return new CtiError(
      'BACKEND_UNAVAILABLE',
      `No connection to the Workspace API for agent ${this.options.agentId}${this.state === 'reconnecting' ? ': reconnecting' : ''}.`,
    );
  }
}

function asCtiError(error: unknown): CtiError {
  return error instanceof CtiError ? error : new CtiError('BACKEND_UNAVAILABLE', error instanceof Error ? error.message : String(error));
}

function tserverCode(error: CtiError): { tserverErrorCode?: number } {
  return error.tserverErrorCode !== undefined ? { tserverErrorCode: error.tserverErrorCode } : {};
}
