import type { AgentState } from '../core/agent-state.ts';
import type { CrmContacts } from '../core/crm-contacts.ts';
import { COMMAND_FEATURES, type CommandFeature, type CommandName } from '../core/commands.ts';
import { isOwnConsultation, type Interaction } from '../core/interaction.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import { failure, type CommandOutcome, type ReasonCode } from '../core/outcome.ts';
import type { Workspace } from '../core/workspace.ts';
import { markStartup } from '../platform/startup-marks.ts';
import { pageSessionStorage, type StorageLike } from '../platform/storage.ts';
import { CommLedger, type CommRecord } from './comm-ledger.ts';
import { closeReasonFor, commInData, contactFrom } from './comm-data.ts';
import { describe, FusionPublisher, type AgentStateReport } from './fusion-publisher.ts';
import { dialableNumber, preloadPhoneNumbers } from './phone-number.ts';
import { DEFAULT_SCREEN_POP_RULES, screenPopRecord, type ScreenPopRecord, type ScreenPopRule } from './screen-pop.ts';
import { eventDataOf, eventResponseData, liveOrgDetails, type FusionEventData, type ToolbarConfiguration } from './uef-responses.ts';
import { publishRequest, type EventResponse, type McaEventRequest, type PhoneContext, type UefGlobal, type UiEventsFrameworkProvider } from './uef-types.ts';

/**
 * The Fusion adapter: the only code that knows UEF. It is a view of the workspace model (agent state
 * → agentStateEventOperation; an interaction offered, dialing, connected, ended → newCommEvent,
 * startCommEvent, closeCommEvent) and a source of commands (Fusion's Answer, Decline, Disconnect,
 * Available, click-to-dial → the `Workspace`, the same door as the toolbar's buttons).
 *
 * Startup follows uef.md §1.4: initialize → MCA context → PHONE context → getConfigurationOperation(TOOLBAR)
 * (asked at once, while the vendor may still be loading) → subscribe once to the four events (once
 * the workspace is there) → disableFeatureOperation for what we do not support →
 * readyForOperationOperation(true) → agentStateEventOperation; the last three go out together once
 * the configuration has answered.
 */
export interface FusionAdapterOptions {
  uef: UefGlobal;
  workspace: Workspace;
  contacts: CrmContacts;
  appClassification: string;
  /** SVCMCA_OFFER_TIMEOUT_SEC for inbound offers; 0 = none. */
  offerTimeoutSec: number;
  /** Fusion's state strings for the agent, in the agent's language. */
  labels: (agent: AgentState, reasons: readonly ReasonCode[]) => { stateDisplayString: string; reasonDisplayString: string };
  /** Attached-data keys naming a Fusion record to open when the call connects; default DEFAULT_SCREEN_POP_RULES. */
  screenPop?: readonly ScreenPopRule[];
  /** Keeps what Fusion knows across reloads of the toolbar; default sessionStorage. */
  storage?: StorageLike;
  /** How long to wait for UEF's initialize (it only resolves when framed by Fusion). */
  initializeTimeoutMs?: number;
  logger?: Logger;
}

/** Fusion's feature codes (legacy codes, uef.md §3.3) for the core's command features. */
const FUSION_FEATURES: Partial<Record<CommandFeature, string>> = {
  inbound: 'INBOUND_CALL',
  outbound: 'OUTBOUND_CALL',
  transfer: 'TRANSFER_CALL',
  conference: 'CONFERENCE_CALL',
};

/** The result of a command the toolbar could not carry out (undocumented; uef.md §4.1). */
const COMMAND_FAILED = 'failure';

/** Features Fusion may offer that the toolbar implements: those of the core's command table. */
const SUPPORTED_FEATURES = new Set([...COMMAND_FEATURES].flatMap((feature) => FUSION_FEATURES[feature] ?? []));

/** Fusion's toolbar interaction commands, each the core command it is (Disconnect declines a ringing call, hangs up any other). */
const FUSION_INTERACTION_COMMANDS = {
  accept: 'acceptCall',
  reject: 'rejectCall',
  disconnect: 'endCall',
  hold: 'holdCall',
  unhold: 'retrieveCall',
  mute: 'muteCall',
  unmute: 'unmuteCall',
  transfer: 'transferCall',
} as const satisfies Record<string, CommandName>;

type FusionInteractionCommand = keyof typeof FUSION_INTERACTION_COMMANDS;

const INTERACTION_COMMANDS = ['setActive', ...Object.keys(FUSION_INTERACTION_COMMANDS)];

export class FusionAdapter {
  private readonly ledger: CommLedger;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly stopListening: Array<() => void> = [];
  private trustTokenValue: string | undefined;

  private constructor(
    private readonly options: FusionAdapterOptions,
    private readonly provider: UiEventsFrameworkProvider,
    private readonly phone: PhoneContext,
    private readonly publisher: FusionPublisher,
    private readonly log: Logger,
  ) {
    this.ledger = new CommLedger(options.storage ?? pageSessionStorage());
  }

  /**
   * Start on a workspace that may still be on its way: UEF's handshake and getConfigurationOperation
   * go out at once, the subscriptions and the rest once the workspace is there.
   */
  static async start(options: Omit<FusionAdapterOptions, 'workspace'> & { workspace: Workspace | Promise<Workspace> }): Promise<FusionAdapter> {
    const log = options.logger ?? silentLogger;
    const provider = await withTimeout(
      options.uef.uiEventsFramework.initialize('ctikit', 'v1'),
      options.initializeTimeoutMs ?? 10_000,
      'UEF initialize did not resolve: is the toolbar framed by Fusion?',
    );
    const mca = await provider.getMultiChannelAdaptorContext();
    const phone = await mca.getCommunicationChannelContext('PHONE');
    markStartup('ctikit:uef-initialized');
    const publisher = new FusionPublisher(phone, provider.requestHelper, options.appClassification, log);
    const configuration = publisher.configuration();
    // Settled here if the workspace never comes: init() awaits it again.
    configuration.catch(() => undefined);
    const adapter = new FusionAdapter({ ...options, workspace: await options.workspace }, provider, phone, publisher, log);
    await adapter.init(configuration);
    return adapter;
  }

  /** Fusion's trust token from getConfigurationOperation, for a bridge that accepts it. */
  trustToken(): string | undefined {
    return this.trustTokenValue;
  }

  /** A fresh trust token: getConfigurationOperation asked again (the last token expired). */
  async refreshTrustToken(): Promise<string | undefined> {
    this.trustTokenValue = (await this.publisher.configuration()).trustToken;
    return this.trustTokenValue;
  }

  dispose(): void {
    for (const stop of this.stopListening.splice(0)) stop();
    this.provider.dispose();
  }

  private async init(configurationAnswer: Promise<ToolbarConfiguration>): Promise<void> {
    this.subscribeControllable('onToolbarInteractionCommand', (data) => this.onInteractionCommand(data));
    this.subscribeControllable('onToolbarAgentCommand', (data) => this.onAgentCommand(data));
    this.subscribe('onOutgoingEvent', (data) => void this.onOutgoing(data), true);
    this.subscribe('onDataUpdated', (data) => this.onDataUpdated(data), true);

    const configuration = await configurationAnswer;
    markStartup('ctikit:uef-configuration');
    this.trustTokenValue = configuration.trustToken;
    const unsupported = configuration.features.filter((feature) => !SUPPORTED_FEATURES.has(feature));
    // None of the three needs another's answer: they go out back to back, in uef.md §1.4's order
    // (UEF delivers a frame's publishes in order), and are awaited together.
    const model = this.options.workspace.model;
    const disabled = unsupported.length > 0 ? this.publisher.disableFeatures(unsupported) : undefined;
    const ready = this.publisher.readyForOperation();
    const reported = this.reportAgent(model.agent);
    markStartup('ctikit:agent-state');
    await Promise.all([disabled, ready, reported]);
    void preloadPhoneNumbers().catch((error: unknown) => this.log.warn({ err: describe(error) }, 'the phone-number metadata did not load'));
    this.stopListening.push(
      model.on('agentChanged', ({ agent }) => void this.reportAgent(agent)),
      model.on(
        'interactionChanged',
        ({ interaction, previous }) => void this.inOrder(interaction.eventId, () => this.reportInteraction(interaction, previous)),
      ),
    );
    for (const interaction of model.interactions) {
      void this.inOrder(interaction.eventId, () => this.reportInteraction(interaction, undefined));
    }
  }

  private subscribe(eventName: string, handle: (data: FusionEventData) => void, classified = false): void {
    this.listen(eventName, classified, (response) => {
      handle(this.read(eventName, response));
      return undefined;
    });
  }

  /**
   * Controllable events answer with a promise, resolved with the result. Oracle's response data has
   * `setResult` but no setter for the display string, so a failure goes as Oracle's sample sends
   * it: result and text set on the response details, and the promise resolved with them.
   */
  private subscribeControllable(eventName: string, handle: (data: FusionEventData) => Promise<CommandOutcome & { outData?: unknown }>): void {
    this.listen(eventName, false, (response) => {
      const responseData = eventResponseData(response);
      return handle(this.read(eventName, response)).then((outcome) => {
        if (!outcome.ok) {
          responseData?.setResult?.(COMMAND_FAILED);
          const details = liveOrgDetails(response) ?? {};
          return Object.assign(details, { result: COMMAND_FAILED, resultDisplayString: outcome.message, errorCode: outcome.code });
        }
        if (outcome.outData !== undefined) responseData?.setOutdata?.(outcome.outData);
        responseData?.setResult?.('success');
        return responseData ?? { result: 'success' };
      });
    });
  }

  private listen(eventName: string, classified: boolean, callback: (response: EventResponse) => unknown): void {
    try {
      const request = this.provider.requestHelper.createSubscriptionRequest(eventName) as McaEventRequest;
      if (classified) request.setAppClassification(this.options.appClassification);
      const subscription = this.phone.subscribe(request, callback);
      this.stopListening.push(() => subscription.dispose());
    } catch (error) {
      this.log.error({ eventName, err: describe(error) }, 'could not subscribe to a Fusion event');
    }
  }

  private read(eventName: string, response: EventResponse): FusionEventData {
    const data = eventDataOf(response);
    this.log.info({ eventName, command: data.command, eventId: data.eventId }, 'Fusion event');
    return data;
  }

  private onInteractionCommand({ command, eventId, inData }: FusionEventData): Promise<CommandOutcome> {
    const workspace = this.options.workspace;
    if (command === 'setActive') return Promise.resolve({ ok: true });
    const name =
      command !== undefined && Object.hasOwn(FUSION_INTERACTION_COMMANDS, command)
        ? FUSION_INTERACTION_COMMANDS[command as FusionInteractionCommand]
        : undefined;
    if (name === undefined) return Promise.resolve(failure('NOT_SUPPORTED', `Unsupported command ${command ?? ''}`));
    if (!eventId) return Promise.resolve(failure('UNKNOWN_INTERACTION', 'The command names no interaction.'));
    if (name !== 'transferCall') return workspace.execute(name, eventId);
    const destination = inData.destination ?? inData.SVCMCA_ANI;
    if (destination) return workspace.execute('transferCall', eventId, destination);
    return Promise.resolve(failure('INVALID_COMMAND', 'transfer needs a destination'));
  }

  private async onAgentCommand({ command, inData }: FusionEventData): Promise<CommandOutcome & { outData?: unknown }> {
    const workspace = this.options.workspace;
    switch (command) {
      case 'makeAvailable':
        return workspace.execute('makeAgentAvailable');
      case 'makeUnavailable':
        return workspace.execute('makeAgentUnavailable', inData.reasonCode ?? inData.reason);
      case 'getCurrentAgentState':
        return { ok: true, outData: { channel: 'PHONE', channelType: 'ORA_SVC_PHONE', ...this.agentReport(workspace.model.agent) } };
      case 'getActiveEngagements': {
        const engagements = this.ledger.activeEventIds().map((eventId) => ({ eventId }));
        return { ok: true, outData: { activeCount: engagements.length, engagements } };
      }
      case 'getActiveInteractionCommands':
        return { ok: true, outData: { supportedCommands: INTERACTION_COMMANDS } };
      default:
        return { ok: false, code: 'NOT_SUPPORTED', message: `Unsupported agent command ${command ?? ''}` };
    }
  }

  /** Click-to-dial: dial (in E.164) through the vendor; Fusion hears of the call on newComm, or of its failure. */
  private async onOutgoing({ outData, uuid }: FusionEventData): Promise<void> {
    const phoneNumber = outData.SVCMCA_ANI === undefined ? undefined : await dialableNumber(outData.SVCMCA_ANI);
    const eventId = outData.SVCMCA_CALL_ID ?? uuid ?? globalThis.crypto.randomUUID();
    if (!phoneNumber) {
      await this.publisher.outboundCommError(eventId, 'INVALID_NUMBER', 'Click-to-dial carried no SVCMCA_ANI');
      return;
    }
    this.ledger.update(eventId, { data: { ...outData, SVCMCA_ANI: phoneNumber }, clickToDial: true });
    const outcome = await this.options.workspace.execute('makeOutboundCall', phoneNumber, eventId);
    if (!outcome.ok) {
      this.ledger.delete(eventId);
      await this.publisher.outboundCommError(eventId, outcome.code, outcome.message);
    }
  }

  private onDataUpdated({ eventId, outData }: FusionEventData): void {
    if (!eventId) return;
    switch (outData.updateType) {
      case 'OFFER_TIMEOUT':
        if (this.options.workspace.model.interaction(eventId)?.state === 'offered') {
          this.ledger.update(eventId, { timedOut: true });
          void this.options.workspace.execute('rejectCall', eventId);
        }
        break;
      case 'WRAPUP_CLOSED':
        this.ledger.delete(eventId);
        this.options.contacts.delete(eventId);
        if (this.options.workspace.model.interaction(eventId)?.state === 'wrapUp') {
          void this.options.workspace.execute('closeInteraction', eventId);
        }
        break;
      case 'CUSTOMER_DATA':
        this.options.contacts.set(eventId, contactFrom(outData));
        break;
    }
  }

  private agentReport(agent: AgentState): AgentStateReport {
    const labels = this.options.labels(agent, this.options.workspace.model.reasonCodes);
    return {
      isLoggedIn: agent.kind !== 'loggedOut',
      isAvailable: agent.kind === 'ready',
      state: agent.kind === 'ready' ? 'AVAILABLE' : agent.kind === 'loggedOut' ? 'LOGGED_OUT' : 'UNAVAILABLE',
      stateDisplayString: labels.stateDisplayString,
      ...(agent.kind === 'notReady' && agent.reasonCode ? { reason: agent.reasonCode } : {}),
      ...(agent.kind === 'afterCallWork' ? { reason: 'WRAPUP' } : {}),
      reasonDisplayString: labels.reasonDisplayString,
    };
  }

  private reportAgent(agent: AgentState): Promise<void> {
    return this.inOrder('agent', () => this.publisher.agentState(this.agentReport(agent)));
  }

  /** Fusion sees the customer's interactions: not the consultation legs this agent dials. */
  private async reportInteraction(interaction: Interaction, previous: Interaction | undefined): Promise<void> {
    const { eventId } = interaction;
    if (isOwnConsultation(interaction)) return;
    let record = this.ledger.get(eventId);
    if (record?.offered && previous === undefined) {
      this.options.contacts.set(eventId, contactFrom(record.data));
    }
    if (!record?.offered) {
      if (interaction.state === 'closed' || interaction.state === 'wrapUp') return;
      const inData = commInData(interaction, record?.data ?? {}, this.options.offerTimeoutSec);
      const outData = await this.publisher.newComm(eventId, inData);
      record = this.ledger.update(eventId, { data: { ...inData, ...outData }, offered: true });
      this.options.contacts.set(eventId, contactFrom(outData));
    }
    const live = interaction.state === 'connected' || interaction.state === 'held';
    if (live && record.started && previous === undefined) {
      record = await this.resumeEngagement(eventId, record);
    }
    if (live && !record.started) {
      const outData = await this.publisher.startComm(eventId, record.data);
      record = this.ledger.update(eventId, { data: outData, started: true });
    }
    if (live && !record.popped) {
      const target = screenPopRecord(interaction.userData, this.options.screenPop ?? DEFAULT_SCREEN_POP_RULES);
      if (target) {
        record = this.ledger.update(eventId, { popped: true });
        await this.openRecord(eventId, target);
      }
    }
    if (interaction.state === 'wrapUp' && interaction.endCause && !record.inWrapUp) {
      const { endCause } = interaction;
      if (endCause.kind === 'failed' && record.clickToDial) {
        await this.publisher.outboundCommError(eventId, endCause.code, endCause.message);
      }
      const reason = closeReasonFor(endCause, record.timedOut);
      await this.publisher.closeComm(eventId, reason, record.data);
      if (reason === 'WRAPUP') this.ledger.update(eventId, { inWrapUp: true });
      else this.ledger.delete(eventId);
    }
  }

  /**
   * A call the toolbar picked up again after a reload (or a reconnect that lost the model): Fusion
   * hears startCommEvent again with the same eventId and data, which an engagement Fusion still has
   * takes as a repeat. When Fusion no longer has it (its own page was reloaded), the call is
   * announced anew — newCommEvent carrying the interaction's SVCMCA_INTERACTION_ID, then
   * startCommEvent — so the engagement, and the Wrap Up after it, are there again.
   */
  private async resumeEngagement(eventId: string, record: CommRecord): Promise<CommRecord> {
    try {
      const outData = await this.publisher.startComm(eventId, record.data);
      return this.ledger.update(eventId, { data: outData });
    } catch (error) {
      this.log.info({ eventId, err: describe(error) }, 'Fusion lost the engagement: announcing the call again');
    }
    const outData = await this.publisher.newComm(eventId, record.data);
    const offered = this.ledger.update(eventId, { data: outData, started: false });
    this.options.contacts.set(eventId, contactFrom(offered.data));
    return offered;
  }

  /**
   * Screen pop: open the record the call's attached data names in a Fusion tab (PopOperation on the
   * tab context, as Oracle's samples open records). Once per call, also when the data arrives after
   * the call connected; a record Fusion cannot open is logged, the call goes on.
   */
  private async openRecord(eventId: string, { recordType, recordId }: ScreenPopRecord): Promise<void> {
    try {
      const tab = await this.provider.getTabContext();
      const request = publishRequest(this.provider.requestHelper, 'PopOperation');
      request.setRecordType(recordType);
      request.setRecordId(recordId);
      await tab.publish(request);
      this.log.info({ eventId, recordType, recordId }, 'opened the record the call names in Fusion');
    } catch (error) {
      this.log.warn({ eventId, recordType, recordId, err: describe(error) }, 'Fusion could not open the record the call names');
    }
  }

  /**
   * Comm events of one interaction go out one after the other: startComm needs newComm's outData.
   * A task with nothing before it starts at once, so Fusion hears of a ringing call before the
   * toolbar's own views render it.
   */
  private inOrder(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.chains.get(key);
    const next = (previous ? previous.then(task) : task()).catch((error: unknown) => this.log.warn({ key, err: describe(error) }, 'a Fusion operation failed'));
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(describe(error)));
      },
    );
  });
}
