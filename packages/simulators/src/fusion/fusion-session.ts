import type { Clock, TimerHandle } from '@ctikit/kernel';
import type { HostMessage, Payload, PhoneEvent, ToolbarMessage } from '../wire/uef-message.ts';
import { PHONE_EVENTS, PHONE_OPERATIONS } from '../wire/uef-message.ts';
import { newUuid } from '../wire/uuid.ts';
import type { Contact, ContactDirectory } from './contact-directory.ts';
import { formatNumber, fullName, serviceRequestFor, toE164 } from './contact-directory.ts';
import { appendLog, type LogLevel, type NewLogEntry } from './event-log.ts';
import type { CommandProgress, FusionConfig, FusionState } from './fusion-state.ts';
import { closeInteraction, initialFusionState, withInteraction } from './fusion-state.ts';
import { OUTBOUND, handlePublish, type OperationWorld } from './operations.ts';
import { UefHost, type CommandOutcome } from './uef-host.ts';
import { closeRecordTab, handleContextPublish, type WorkspaceWorld } from './workspace-operations.ts';

/**
 * The simulated Fusion behind the page: the UEF host, the state the page renders, and what the agent
 * does in Fusion (Answer, Decline, Disconnect, Save the wrap-up, click a number, change availability),
 * each of which becomes a UEF event to the toolbar. Pure: no DOM; the page connects `post` to the
 * toolbar's frame and feeds `receive` with the messages its transport let through.
 */

export interface FusionSessionOptions {
  clock: Clock;
  config: FusionConfig;
  directory: ContactDirectory;
  post(message: HostMessage): void;
  /** The current signed trust token (trust-token.ts); without it, the config's unsigned dev token. */
  trustToken?: () => string;
}

export interface WrapUp {
  disposition: string;
  notes: string;
}

/** The reason codes the Wrap Up panel offers. */
export const WRAP_UP_DISPOSITIONS = ['Resolved', 'Follow-up required', 'Escalated', 'Information provided', 'Wrong number'];

/** What the toolbar did with a command, as the page shows it. */
export function progressOf(command: string, outcome: CommandOutcome): CommandProgress {
  switch (outcome.status) {
    case 'resolved':
      return outcome.result === 'success'
        ? { command, status: 'succeeded' }
        : { command, status: 'failed', message: outcome.resultDisplayString || `The toolbar answered ${outcome.result}` };
    case 'rejected':
      return { command, status: 'failed', message: outcome.resultDisplayString || outcome.message };
    case 'undelivered':
      return { command, status: 'failed', message: 'The toolbar has not subscribed to this command' };
    case 'timeout':
      return { command, status: 'failed', message: 'The toolbar did not answer' };
  }
}

export class FusionSession {
  #state: FusionState = initialFusionState;
  readonly #listeners = new Set<() => void>();
  readonly #host: UefHost;
  readonly #offerTimers = new Map<string, TimerHandle>();
  #lastId = 300100200000000;
  #logId = 0;
  #agentCommandsSent = false;
  readonly #world: OperationWorld;
  readonly #workspace: WorkspaceWorld;

  constructor(private readonly options: FusionSessionOptions) {
    this.#world = {
      directory: options.directory,
      config: options.config,
      state: () => this.#state,
      update: (change) => this.#update(change),
      now: () => options.clock.now(),
      nextId: () => this.#nextId(),
      trustToken: options.trustToken ?? (() => options.config.faTrustToken),
      note: (level, title, summary, payload) => this.#note(level, title, summary, payload),
      startOfferTimer: (eventId, seconds) => this.#startOfferTimer(eventId, seconds),
      cancelOfferTimer: (eventId) => {
        this.#offerTimers.get(eventId)?.cancel();
        this.#offerTimers.delete(eventId);
      },
      toolbarReady: () => this.#sendActiveInteractionCommands(),
    };
    this.#workspace = {
      directory: options.directory,
      state: () => this.#state,
      update: (change) => this.#update(change),
      nextId: () => this.#nextId(),
    };
    this.#host = new UefHost({
      clock: options.clock,
      hostName: options.config.hostName,
      supportedActions: PHONE_OPERATIONS,
      supportedEvents: PHONE_EVENTS,
      post: options.post,
      log: (entry) => this.#log(entry),
      onHandshake: (message) => {
        this.#agentCommandsSent = false;
        this.#update((state) => ({
          ...state,
          toolbar: {
            status: 'connected',
            applicationName: message.data.applicationName,
            apiVersion: message.data.apiVersion,
            toolbarName: message.toolbarName,
          },
          agent: undefined,
          agentCommand: undefined,
        }));
      },
      onPublish: (message) => handlePublish(message, this.#world),
      onContextPublish: (message) => handleContextPublish(message, this.#workspace),
      onSubscriptionsChanged: (subscriptions) => this.#update((state) => ({ ...state, subscriptions })),
    });
  }

  get state(): FusionState {
    return this.#state;
  }

  get config(): FusionConfig {
    return this.options.config;
  }

  /** Calls the listener after every change; returns a function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A message from the toolbar frame that passed the origin and source checks and parsed. */
  receive(message: ToolbarMessage): void {
    this.#host.receive(message);
  }

  /** A message the page refused: another origin or window, or one that does not parse. */
  refuse(origin: string, reason: string, data: unknown): void {
    this.#log({ direction: 'blocked', level: 'warn', title: 'Ignored message', summary: `${reason} (origin ${origin})`, payload: data });
  }

  clearLog(): void {
    this.#update((state) => ({ ...state, log: [] }));
  }

  async setAvailability(available: boolean): Promise<void> {
    const command = available ? 'makeAvailable' : 'makeUnavailable';
    this.#update((state) => ({ ...state, agentCommand: { command, status: 'pending' } }));
    const outcome = await this.#host.command('onToolbarAgentCommand', this.#commandData(command, {}));
    const progress = progressOf(command, outcome);
    this.#update((state) => ({ ...state, agentCommand: progress.status === 'succeeded' ? undefined : progress }));
  }

  answer(eventId: string): Promise<void> {
    return this.#interactionCommand(eventId, 'accept');
  }

  decline(eventId: string): Promise<void> {
    return this.#interactionCommand(eventId, 'reject');
  }

  disconnect(eventId: string): Promise<void> {
    return this.#interactionCommand(eventId, 'disconnect');
  }

  /** Save in the Wrap Up panel: onDataUpdated WRAPUP_CLOSED with the values, and the interaction is done. */
  saveWrapUp(eventId: string, wrapUp: WrapUp): void {
    const interaction = this.#state.interactions.find((i) => i.eventId === eventId && i.phase === 'wrapup');
    if (!interaction) return;
    const outData = {
      updateType: 'WRAPUP_CLOSED',
      SVCMCA_INTERACTION_ID: interaction.interactionId ?? null,
      SVCMCA_WRAPUP_ID: interaction.wrapupId ?? null,
      SVCMCA_WRAPUP_COMM_REASON: wrapUp.disposition,
      SVCMCA_WRAPUP_INTERACTION_NOTES: wrapUp.notes,
    };
    this.#deliver('onDataUpdated', { eventId, appClassification: interaction.appClassification, outData }, interaction.appClassification);
    this.#update((state) => closeInteraction(state, eventId, 'WRAPUP_CLOSED', this.options.clock.now()));
  }

  /** A click on a phone number: onOutgoingEvent to the subscriptions of this page's appClassification, the number in E.164. */
  dial(number: string, contact?: Contact): void {
    const { appClassification } = this.options.config;
    const uuid = newUuid();
    const callId = this.#nextId();
    const serviceRequest = contact ? serviceRequestFor(contact, undefined) : undefined;
    const ani = toE164(number) ?? number.trim();
    const outData = {
      SVCMCA_ANI: ani,
      SVCMCA_DISPLAY_NAME: contact ? fullName(contact) : formatNumber(number),
      SVCMCA_COMMUNICATION_DIRECTION: OUTBOUND,
      SVCMCA_CALL_ID: callId,
      ...(contact
        ? {
            SVCMCA_CONTACT_ID: contact.partyId,
            SVCMCA_CONTACT_NAME: fullName(contact),
            SVCMCA_CONTACT_JOB_TITLE: contact.jobTitle,
            SVCMCA_EMAIL: contact.email,
            SVCMCA_ORG_ID: contact.organization.id,
          }
        : {}),
      ...(serviceRequest ? { SVCMCA_INTERACTION_REF_OBJ_TYPE: 'SVC_SERVICE_REQUESTS', SVCMCA_INTERACTION_REF_OBJ_ID: serviceRequest.id } : {}),
    };
    const data = { appClassification, origin: contact ? 'ContactPage' : 'DialPad', windowName: 'Contacts', outData };
    const delivered = this.#deliver('onOutgoingEvent', data, appClassification, uuid);
    const error = delivered === 0 ? { code: 'NOT_DELIVERED', message: `The toolbar has no onOutgoingEvent subscription for ${appClassification}` } : undefined;
    const dial = { uuid, callId, number: ani, contact, at: this.options.clock.now(), error };
    this.#update((state) => ({ ...state, dials: [...state.dials, dial] }));
  }

  /** The agent picks a record tab. */
  focusTab(tabId: string): void {
    if (this.#state.tabs.some((tab) => tab.tabId === tabId)) this.#update((state) => ({ ...state, activeTabId: tabId }));
  }

  /** The agent closes a record tab. */
  closeTab(tabId: string): void {
    this.#update((state) => closeRecordTab(state, tabId));
  }

  dismissDial(uuid: string): void {
    this.#update((state) => ({ ...state, dials: state.dials.filter((d) => d.uuid !== uuid) }));
  }

  async #interactionCommand(eventId: string, command: 'accept' | 'reject' | 'disconnect'): Promise<void> {
    const interaction = this.#state.interactions.find((i) => i.eventId === eventId);
    if (!interaction || interaction.command?.status === 'pending') return;
    this.#update((state) => withInteraction(state, eventId, (i) => ({ ...i, command: { command, status: 'pending' } })));
    const data = this.#commandData(command, { eventId, slot: 1, appClassification: interaction.appClassification, inData: interaction.outData });
    const outcome = await this.#host.command('onToolbarInteractionCommand', data, interaction.appClassification);
    const progress = progressOf(command, outcome);
    // A success that the toolbar's own publishes already acted on (the call moved on) needs no notice.
    this.#update((state) =>
      withInteraction(state, eventId, (i) => ({
        ...i,
        command: progress.status === 'succeeded' && i.phase !== interaction.phase ? undefined : progress,
      })),
    );
  }

  #commandData(command: string, fields: Payload): Payload {
    return {
      command,
      commandId: newUuid(),
      inData: {},
      outData: {},
      result: 'needsSetByToolbar',
      resultDisplayString: '',
      timeStamp: this.options.clock.now(),
      ...fields,
    };
  }

  /** Fusion asks a newly ready toolbar once per session which interaction commands it supports (uef.md §4.2). */
  #sendActiveInteractionCommands(): void {
    if (this.#agentCommandsSent) return;
    if (!this.#host.subscriptions.some((s) => s.eventName === 'onToolbarAgentCommand')) return;
    this.#agentCommandsSent = true;
    void this.#host.command('onToolbarAgentCommand', this.#commandData('getActiveInteractionCommands', {}));
  }

  #startOfferTimer(eventId: string, seconds: number): void {
    const timer = this.options.clock.setTimer(seconds * 1000, () => {
      this.#offerTimers.delete(eventId);
      const interaction = this.#state.interactions.find((i) => i.eventId === eventId);
      if (!interaction || interaction.phase !== 'offered') return;
      this.#note('warn', 'Offer timeout', `No answer to ${eventId} in ${seconds} s`);
      this.#update((state) => withInteraction(state, eventId, (i) => ({ ...i, offerExpired: true })));
      const outData = { updateType: 'OFFER_TIMEOUT' };
      this.#deliver('onDataUpdated', { eventId, appClassification: interaction.appClassification, outData }, interaction.appClassification);
    });
    this.#offerTimers.set(eventId, timer);
  }

  #deliver(eventName: PhoneEvent, data: Payload, appClassification: string, uuid?: string): number {
    const count = this.#host.deliver(eventName, data, appClassification, uuid);
    if (count === 0) this.#note('warn', eventName, `Not sent: the toolbar has no ${eventName} subscription for ${appClassification}`);
    return count;
  }

  #nextId(): string {
    this.#lastId += 1;
    return String(this.#lastId);
  }

  #note(level: LogLevel, title: string, summary: string, payload?: unknown): void {
    this.#log({ direction: 'note', level, title, summary, payload });
  }

  #log(entry: NewLogEntry): void {
    this.#logId += 1;
    const logged = { ...entry, id: this.#logId, at: this.options.clock.now() };
    this.#update((state) => ({ ...state, log: appendLog(state.log, logged) }));
  }

  #update(change: (state: FusionState) => FusionState): void {
    const next = change(this.#state);
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }
}
