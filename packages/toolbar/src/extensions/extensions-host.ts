import { systemClock, type Clock } from '@ctikit/kernel';
import { MESSENGER_TOPIC_PREFIX, PROTOCOL_VERSION, SERVER_USER_AGENT, type Agent, type Interaction as ScapiInteraction } from '@ctikit/service-client';
import type { RequestMessage } from '@ctikit/service-client/wire';
import type { Interaction } from '../core/interaction.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Workspace } from '../core/workspace.ts';
import { agentRequests } from './agent-requests.ts';
import { fillDialogFields, MAX_DIALOGS_PER_FRAME, type DialogOptions } from './dialogs.ts';
import { expandUrl, type ExtensionsSetup } from './extension-views.ts';
import { FrameRegistry, type Frame, type FrameSpec, type PostTarget } from './frame-registry.ts';
import { InteractionTracker } from './interaction-tracker.ts';
import { interactionRequests } from './interaction-requests.ts';
import { MenuBarStore } from './menu-bar.ts';
import { MessageGate } from './message-gate.ts';
import { messengerRequests } from './messenger-requests.ts';
import { outboundRequests } from './outbound-requests.ts';
import { campaignEvent, recordEvent } from './outbound-topic.ts';
import { RateLimiter } from './rate-limiter.ts';
import { ok, refuse, type Answer, type Caller, type HostServices, type RequestTable } from './requests.ts';
import { caseIdOf, currentState, stateChanged } from './scapi-objects.ts';
import { systemRequests } from './system-requests.ts';
import { ToastStore, type Toast } from './toasts.ts';
import { TopicBus } from './topic-bus.ts';
import { voiceRequests } from './voice-requests.ts';

export type { FrameSpec, PostTarget } from './frame-registry.ts';

/** A view the toolbar should open; `sequence` tells a new request from one already honoured. */
export interface ViewRequest {
  readonly key: string;
  readonly sequence: number;
}

/**
 * The Service Client API host: the toolbar's side of the postMessage link with its web extensions,
 * composed of
 * - the frames (`FrameRegistry`): one per workspace view, one per interaction view for each call;
 * - the gate (`MessageGate`): every check a message passes — a frame's window, an accepted origin,
 *   bounds, shape, frameId, rate limits, the origin's API filter;
 * - the topic bus (`TopicBus`): subscriptions, events and answers, posted at the exact origin.
 *
 * Requests run their handler through the workspace, the door the toolbar's buttons use. Events are
 * derived from the workspace model's change events (which move only on the vendor's).
 */
export interface ExtensionsHostOptions {
  readonly workspace: Workspace;
  readonly setup: ExtensionsSetup;
  /** The toolbar's own origin: a view there is refused, since a same-origin frame could reach into the toolbar. */
  readonly toolbarOrigin: string;
  readonly agent: Agent;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly newEventId?: () => string;
}

const HANDLERS: RequestTable = { ...agentRequests, ...interactionRequests, ...voiceRequests, ...systemRequests, ...messengerRequests, ...outboundRequests };

export class ExtensionsHost {
  readonly toasts: ToastStore;
  readonly menuBar = new MenuBarStore();
  private readonly frames: FrameRegistry;
  private readonly gate: MessageGate;
  private readonly bus: TopicBus;
  private readonly tracker: InteractionTracker;
  private readonly services: HostServices;
  private readonly log: Logger;
  private readonly stops: Array<() => void> = [];
  private readonly markDoneBlocks = new Map<string, string>();
  private selected: string | undefined;
  /** The shown view's frame key (what the agent sees), and the last one the agent opened. */
  private shownKey: string | undefined;
  private lastShownKey: string | undefined;
  private request: ViewRequest | undefined;
  private dialogCounter = 0;

  constructor(private readonly options: ExtensionsHostOptions) {
    const { workspace, setup } = options;
    const clock = options.clock ?? systemClock;
    this.log = options.logger ?? silentLogger;
    this.frames = new FrameRegistry(options.toolbarOrigin, this.log);
    this.gate = new MessageGate(setup.security, new RateLimiter(setup.security.rateLimits, clock), HANDLERS, this.log);
    this.bus = new TopicBus(this.frames);
    this.toasts = new ToastStore(clock, {
      button: (toast, buttonId) => this.toastClicked(toast, buttonId),
      show: (toast) => this.showFrame(toast.frameId),
    });
    this.tracker = new InteractionTracker({
      readAllowed: setup.security.userData.read,
      selectedCaseId: () => this.selected,
      markDoneBlocked: (eventId) => this.markDoneBlocks.has(eventId),
    });
    this.services = this.hostServices();
    for (const view of setup.views) if (view.level === 'workspace') this.frames.add(view, view.url, view.label);
    const { model } = workspace;
    for (const interaction of model.interactions) this.interactionChanged(interaction);
    this.stops.push(
      model.on('agentChanged', () => this.agentChanged()),
      model.on('interactionChanged', ({ interaction }) => this.interactionChanged(interaction)),
      model.on('interactionClosed', ({ interaction }) => this.interactionClosed(interaction)),
      model.on('campaignChanged', ({ campaign, change }) => this.bus.publish('outbound', campaignEvent(campaign, change))),
      model.on('recordChanged', ({ record, change }) => this.bus.publish('outbound', recordEvent(record, change))),
    );
  }

  /** The frames to show (or run hidden), in order: workspace views, then each call's views. */
  get frameSpecs(): readonly FrameSpec[] {
    return this.frames.specs;
  }

  get selectedCaseId(): string | undefined {
    return this.selected;
  }

  /** Whether a call belongs to the case an extension selected (interaction.selectCaseByCaseId). */
  isSelected(eventId: string): boolean {
    const interaction = this.options.workspace.model.interaction(eventId);
    return this.selected !== undefined && interaction !== undefined && caseIdOf(interaction) === this.selected;
  }

  /** The view the toolbar was asked to open (a toast's Show), numbered so each request is seen once. */
  get viewRequest(): ViewRequest | undefined {
    return this.request;
  }

  /** The UI opened a view (or closed the open one): what `amIVisible` and `isLastActiveFrame` answer from. */
  viewShown(key: string | undefined): void {
    this.shownKey = key;
    if (key !== undefined) this.lastShownKey = key;
  }

  /** Called when the frames, the selected case or the requested view change. */
  subscribe(listener: () => void): () => void {
    return this.frames.onChange(listener);
  }

  /** The UI rendered a frame: its window is where its messages come from and events go. */
  attach(key: string, target: PostTarget): () => void {
    return this.frames.attach(key, target);
  }

  /** A frame (re)loaded its page: give it its frameId, at the origin its page comes from — if that origin is accepted. */
  frameLoaded(key: string): void {
    const frame = this.frames.get(key);
    if (!frame?.target || !this.gate.accepts(frame.spec.origin)) return;
    frame.target.postMessage({ frameId: frame.frameId, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION }, frame.spec.origin);
  }

  /** A message posted to the toolbar's window. */
  receive(source: unknown, origin: string, data: unknown): void {
    const frame = this.frames.bySource(source);
    const admission = this.gate.admit(frame, origin, data);
    if (admission.kind === 'drop' || !frame?.target) return;
    if (admission.kind === 'refuse') {
      this.bus.reply(frame.target, origin, admission.referenceId, admission.name, admission.answer);
      return;
    }
    const { caller, message } = admission;
    if ('request' in message) void this.serve(frame.target, caller, message);
    else if (message.event === 'subscribe') this.bus.subscribe(frame, caller, message, (topic) => this.gate.mayHear(caller, topic));
    else this.bus.unsubscribe(frame, String(message.data));
  }

  /** The agent closed a dialog. */
  dismissDialog(key: string): void {
    const frame = this.frames.remove(key);
    if (frame) this.frameRemoved(frame);
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private async serve(target: PostTarget, caller: Caller, message: RequestMessage): Promise<void> {
    const { request, referenceId } = message;
    const authorized = this.gate.authorize(caller, request);
    let result: Answer;
    if (!authorized.ok) {
      result = authorized.answer;
    } else {
      try {
        const handler = HANDLERS[authorized.request] as NonNullable<RequestTable[typeof authorized.request]>;
        result = await handler(message.parameters ?? [], { workspace: this.options.workspace, caller, host: this.services });
      } catch (error) {
        this.log.error({ request, err: error }, 'Service Client API: a request handler threw');
        result = { ok: false, code: 'INTERNAL_ERROR', message: `${request} failed inside the toolbar.` };
      }
    }
    this.bus.reply(target, caller.origin, referenceId, request, result);
  }

  private agentChanged(): void {
    const { model } = this.options.workspace;
    const data = stateChanged(currentState(model.agent, model.reasonCodes));
    this.bus.publish('agent', data);
    this.bus.publish('media', { ...data, media: 'voice' });
  }

  private interactionChanged(interaction: Interaction): void {
    const { view, events } = this.tracker.changed(interaction);
    if (events.includes('ADDED')) this.addInteractionFrames(interaction, view);
    for (const eventType of events) this.bus.publish('interaction', { eventType, media: 'voice', interaction: view });
  }

  private interactionClosed(interaction: Interaction): void {
    const view = this.tracker.closed(interaction);
    this.bus.publish('markdone', { eventType: 'MARKED_DONE', media: 'voice', interaction: view });
    this.bus.publish('interaction', { eventType: 'REMOVED', media: 'voice', interaction: view });
    this.markDoneBlocks.delete(interaction.eventId);
    if (this.selected === view.caseId) this.selected = undefined;
    for (const frame of this.frames.removeCall(interaction.eventId)) this.frameRemoved(frame);
  }

  private frameRemoved(frame: Frame): void {
    this.toasts.closeAllOf(frame.frameId);
    this.menuBar.closeAllOf(frame.frameId);
    this.bus.forget(frame);
    for (const dialog of this.frames.all) if (dialog.spec.dialog?.ownerFrameId === frame.frameId) this.dismissDialog(dialog.spec.key);
  }

  private frameById(frameId: number): Frame | undefined {
    return this.frames.all.find((frame) => frame.frameId === frameId);
  }

  private isShown(frameId: number): boolean {
    const frame = this.frameById(frameId);
    return frame !== undefined && (frame.spec.dialog !== undefined || (frame.spec.key === this.shownKey && !frame.spec.view.hidden));
  }

  private openDialog(caller: Caller, url: string, options: DialogOptions): Answer {
    const owner = this.frameById(caller.frameId);
    if (!owner) return refuse('NOT_ALLOWED', 'The page that asked is gone.');
    const open = this.frames.all.filter((frame) => frame.spec.dialog?.ownerFrameId === caller.frameId).length;
    if (open >= MAX_DIALOGS_PER_FRAME) return refuse('NOT_ALLOWED', `At most ${MAX_DIALOGS_PER_FRAME} dialogs of one extension can be open at once.`);
    const dialogId = `wweCustomDialog${++this.dialogCounter}`;
    const { agent } = this.options;
    const fields = { dialogId, agentFullName: [agent.firstname, agent.lastname].filter(Boolean).join(' ') || agent.username };
    const page = fillDialogFields(url, fields, true);
    if (!URL.canParse(page) || !/^https?:$/.test(new URL(page).protocol)) return refuse('INVALID_PARAMETERS', 'parameter 1: an absolute http(s) URL');
    if (new URL(page).origin !== caller.origin) {
      return refuse('NOT_ALLOWED', `A dialog shows a page of ${caller.origin} only.`);
    }
    const label = fillDialogFields(options.label ?? owner.spec.title, fields, false);
    const view = { ...owner.spec.view, url: page, label, hidden: false };
    const placement = {
      dialogId,
      ownerFrameId: caller.frameId,
      ...(options.width ? { width: options.width } : {}),
      ...(options.height ? { height: options.height } : {}),
    };
    if (!this.frames.addDialog(view, label, placement)) return refuse('NOT_ALLOWED', 'This page cannot be shown in a dialog.');
    return ok({ dialogId });
  }

  private closeDialog(caller: Caller, dialogId: string): Answer {
    const key = `dialog:${dialogId}`;
    const dialog = this.frames.get(key);
    if (!dialog || (dialog.spec.dialog?.ownerFrameId !== caller.frameId && dialog.frameId !== caller.frameId)) {
      return refuse('UNKNOWN_DIALOG', `No dialog ${dialogId} of this extension is open.`);
    }
    this.dismissDialog(key);
    return ok();
  }

  private broadcast(caller: Caller, channel: string, message: unknown): void {
    this.bus.broadcast(
      `${MESSENGER_TOPIC_PREFIX}${channel}`,
      { eventType: 'MESSAGE', channel, message, from: caller.label },
      (frame) => frame.frameId !== caller.frameId,
    );
  }

  private addInteractionFrames(interaction: Interaction, view: ScapiInteraction): void {
    const views = this.options.setup.views.filter((candidate) => candidate.level === 'interaction');
    const { read } = this.options.setup.security.userData;
    const fields = {
      interactionId: view.interactionId,
      ANI: view.ani,
      DNIS: view.dnis,
      phoneNumber: interaction.phoneNumber,
      callUuid: view.callUuid,
      caseId: view.caseId,
      direction: view.direction,
    };
    const title = (label: string) => (interaction.phoneNumber === '' ? label : `${label} · ${interaction.phoneNumber}`);
    for (const extension of views) {
      const url = expandUrl(extension.url, { fields, userData: interaction.userData }, read);
      this.frames.add(extension, url, title(extension.label), interaction.eventId);
    }
  }

  private toastClicked(toast: Toast, buttonId: string): void {
    this.bus.publish('system', { eventType: 'CUSTOM_TOAST_BUTTON_CLICK', toastId: toast.toastId, buttonId }, (frame) => frame.frameId === toast.frameId);
  }

  private showFrame(frameId: number): void {
    const frame = this.frames.all.find((candidate) => candidate.frameId === frameId);
    if (!frame || frame.spec.view.hidden) return;
    this.request = { key: frame.spec.key, sequence: (this.request?.sequence ?? 0) + 1 };
    this.frames.changed();
  }

  private selectCase(caseId: string): boolean {
    const calls = this.options.workspace.model.interactions.filter((interaction) => caseIdOf(interaction) === caseId);
    if (calls.length === 0) return false;
    this.selected = caseId;
    for (const call of calls) {
      this.bus.publish('interaction', { eventType: 'CASE_SELECTED', media: 'voice', interaction: this.tracker.view(call), selectedCaseId: caseId });
    }
    this.frames.changed();
    return true;
  }

  private hostServices(): HostServices {
    const { setup } = this.options;
    return {
      agent: this.options.agent,
      options: setup.options,
      readAllowed: setup.security.userData.read,
      writeAllowed: setup.security.userData.write,
      toasts: this.toasts,
      menuBar: this.menuBar,
      isShown: (frameId) => this.isShown(frameId),
      isLastShown: (frameId) => this.lastShownKey !== undefined && this.frameById(frameId)?.spec.key === this.lastShownKey,
      openDialog: (caller, url, options) => this.openDialog(caller, url, options),
      closeDialog: (caller, dialogId) => this.closeDialog(caller, dialogId),
      broadcast: (caller, channel, message) => this.broadcast(caller, channel, message),
      view: (interaction) => this.tracker.view(interaction),
      selectCase: (caseId) => this.selectCase(caseId),
      setMarkDoneBlock: (eventId, warning) => {
        if (warning === undefined) this.markDoneBlocks.delete(eventId);
        else this.markDoneBlocks.set(eventId, warning);
      },
      markDoneBlock: (eventId) => this.markDoneBlocks.get(eventId),
      newEventId: this.options.newEventId ?? (() => globalThis.crypto.randomUUID()),
    };
  }
}
