import { systemClock, type Clock } from '@ctikit/protocol';
import {
  API_CATALOG,
  isApiName,
  isTopic,
  PROTOCOL_VERSION,
  SERVER_USER_AGENT,
  type Agent,
  type ApiName,
  type EventMessage,
  type Interaction as ScapiInteraction,
  type ReferenceId,
  type ResponseMessage,
  type Topic,
  type TopicData,
} from '@ctikit/service-client';
import { clientMessageSchema, type RequestMessage, type SubscribeMessage } from '@ctikit/service-client/wire';
import type { Interaction } from '../core/interaction.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Workspace } from '../core/workspace.ts';
import { agentRequests } from './agent-requests.ts';
import { expandUrl, viewOrigin, type ExtensionsSetup, type ExtensionView } from './extension-views.ts';
import { InteractionTracker } from './interaction-tracker.ts';
import { interactionRequests } from './interaction-requests.ts';
import { withinBounds } from './message-bounds.ts';
import { RateLimiter } from './rate-limiter.ts';
import type { Answer, Caller, HostServices, RequestTable } from './requests.ts';
import { caseIdOf, currentState, stateChanged } from './scapi-objects.ts';
import { allowedApis, apiFilterFor } from './security-options.ts';
import { systemRequests } from './system-requests.ts';
import { ToastStore, type Toast } from './toasts.ts';
import { voiceRequests } from './voice-requests.ts';

/**
 * The Service Client API host: the toolbar's side of the postMessage link with its web extensions.
 *
 * - Frames: one per workspace view, and one per interaction view for each call (its URL filled in
 *   with the call's data), from the call's first event to its close. The UI renders them and
 *   attaches each frame's window; the host gives each a `frameId` when it loads.
 * - Requests (`receive`): a message counts only if it comes from an attached frame's window, from
 *   an accepted origin, is small and well formed, and echoes the right frameId; anything else is
 *   dropped without an answer. The origin's API filter and rate limits apply, then the request's
 *   handler runs — through the workspace, the door the toolbar's buttons use. The answer goes back
 *   to that window at that origin, never `*`.
 * - Events: derived from the workspace model's change events (which move only on the vendor's),
 *   posted to the frames subscribed to their topic, at the origin they subscribed from.
 */
export interface FrameSpec {
  readonly key: string;
  readonly view: ExtensionView;
  /** What the agent sees it named: the view's label, and the call's number for an interaction view. */
  readonly title: string;
  readonly url: string;
  readonly origin: string;
  /** The call an interaction view belongs to. */
  readonly eventId?: string;
}

/** A frame's window, as the host posts to it. */
export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

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

interface Subscription {
  readonly topics: ReadonlySet<Topic>;
  readonly origin: string;
}

interface Frame {
  readonly spec: FrameSpec;
  readonly frameId: number;
  target: PostTarget | undefined;
  readonly subscriptions: Map<string, Subscription>;
}

const HANDLERS: RequestTable = { ...agentRequests, ...interactionRequests, ...voiceRequests, ...systemRequests };

export class ExtensionsHost {
  readonly toasts: ToastStore;
  private readonly frames = new Map<string, Frame>();
  private readonly listeners = new Set<() => void>();
  private readonly tracker: InteractionTracker;
  private readonly rateLimiter: RateLimiter;
  private readonly services: HostServices;
  private readonly log: Logger;
  private readonly stops: Array<() => void> = [];
  private readonly markDoneBlocks = new Map<string, string>();
  private readonly deniedOrigins = new Set<string>();
  private selected: string | undefined;
  private frameCounter = 0;
  private subscriptionCounter = 0;

  constructor(private readonly options: ExtensionsHostOptions) {
    const { workspace, setup } = options;
    const clock = options.clock ?? systemClock;
    this.log = options.logger ?? silentLogger;
    this.rateLimiter = new RateLimiter(setup.security.rateLimits, clock);
    this.toasts = new ToastStore(clock, (toast, buttonId) => this.toastClicked(toast, buttonId));
    this.tracker = new InteractionTracker({
      readAllowed: setup.security.userData.read,
      selectedCaseId: () => this.selected,
      markDoneBlocked: (eventId) => this.markDoneBlocks.has(eventId),
    });
    this.services = this.hostServices();
    for (const view of setup.views) if (view.level === 'workspace') this.addFrame(view, view.url, view.label);
    const { model } = workspace;
    for (const interaction of model.interactions) this.interactionChanged(interaction);
    this.stops.push(
      model.on('agentChanged', () => this.agentChanged()),
      model.on('interactionChanged', ({ interaction }) => this.interactionChanged(interaction)),
      model.on('interactionClosed', ({ interaction }) => this.interactionClosed(interaction)),
    );
  }

  /** The frames to show (or run hidden), in order: workspace views, then each call's views. */
  get frameSpecs(): readonly FrameSpec[] {
    return [...this.frames.values()].map((frame) => frame.spec);
  }

  get selectedCaseId(): string | undefined {
    return this.selected;
  }

  /** Whether a call belongs to the case an extension selected (interaction.selectCaseByCaseId). */
  isSelected(eventId: string): boolean {
    const interaction = this.options.workspace.model.interaction(eventId);
    return this.selected !== undefined && interaction !== undefined && caseIdOf(interaction) === this.selected;
  }

  /** Called when the frames or the selected case change. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The UI rendered a frame: its window is where its messages come from and events go. */
  attach(key: string, target: PostTarget): () => void {
    const frame = this.frames.get(key);
    if (!frame) return () => undefined;
    frame.target = target;
    return () => {
      if (frame.target === target) frame.target = undefined;
    };
  }

  /** A frame (re)loaded its page: give it its frameId, at the origin its page comes from — if that origin is accepted. */
  frameLoaded(key: string): void {
    const frame = this.frames.get(key);
    if (!frame?.target || !apiFilterFor(this.options.setup.security, frame.spec.origin)) return;
    frame.target.postMessage({ frameId: frame.frameId, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION }, frame.spec.origin);
  }

  /** A message posted to the toolbar's window. */
  receive(source: unknown, origin: string, data: unknown): void {
    const frame = [...this.frames.values()].find((candidate) => candidate.target !== undefined && candidate.target === source);
    if (!frame?.target) return;
    const filter = apiFilterFor(this.options.setup.security, origin);
    if (!filter) {
      if (!this.deniedOrigins.has(origin)) this.log.warn({ origin, view: frame.spec.view.name }, 'Service Client API: origin not accepted; its messages are ignored');
      this.deniedOrigins.add(origin);
      return;
    }
    if (!withinBounds(data)) {
      this.log.warn({ origin }, 'Service Client API: oversized or non-plain message ignored');
      return;
    }
    const parsed = clientMessageSchema.safeParse(data);
    if (!parsed.success || (parsed.data.frameId !== undefined && parsed.data.frameId !== frame.frameId)) {
      this.log.debug({ origin }, 'Service Client API: malformed message ignored');
      return;
    }
    const message = parsed.data;
    const caller: Caller = { frameId: frame.frameId, label: frame.spec.view.label, origin, allowed: allowedApis(filter) };
    const target = frame.target;
    const name = 'request' in message ? message.request : message.event;
    const admission = this.rateLimiter.admit(origin, name);
    if (!admission.ok) {
      this.reply(target, origin, message.referenceId, name, { ok: false, code: 'RATE_LIMITED', message: admission.message });
      return;
    }
    if ('request' in message) void this.serve(target, caller, message);
    else if (message.event === 'subscribe') this.subscribeFrame(frame, target, caller, message);
    else frame.subscriptions.delete(String(message.data));
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private async serve(target: PostTarget, caller: Caller, message: RequestMessage): Promise<void> {
    const { request, referenceId } = message;
    let result: Answer;
    if (!isApiName(request) || !HANDLERS[request]) {
      result = { ok: false, code: 'NOT_SUPPORTED', message: `${request} is not a request this toolbar supports.` };
    } else if (!caller.allowed.includes(request)) {
      result = { ok: false, code: 'NOT_ALLOWED', message: `${request} is not allowed for ${caller.origin} (service-client-api.accepted-web-content-origins).` };
    } else {
      try {
        result = await (HANDLERS[request] as NonNullable<RequestTable[ApiName]>)(message.parameters ?? [], {
          workspace: this.options.workspace,
          caller,
          host: this.services,
        });
      } catch (error) {
        this.log.error({ request, err: error }, 'Service Client API: a request handler threw');
        result = { ok: false, code: 'INTERNAL_ERROR', message: `${request} failed inside the toolbar.` };
      }
    }
    this.reply(target, caller.origin, referenceId, request, result);
  }

  private subscribeFrame(frame: Frame, target: PostTarget, caller: Caller, message: SubscribeMessage): void {
    const asked = typeof message.data === 'string' ? [message.data] : message.data;
    const topics = asked.filter((topic): topic is Topic => isTopic(topic) && this.mayHear(caller, topic));
    const refusedTopics = asked.filter((topic) => !(topics as string[]).includes(topic));
    if (topics.length === 0) {
      this.reply(target, caller.origin, message.referenceId, 'subscribe', {
        ok: false,
        code: 'NOT_ALLOWED',
        message: `No topic of ${asked.join(', ')} can be heard by ${caller.origin}.`,
      });
      return;
    }
    const subscriptionId = `sub-${++this.subscriptionCounter}`;
    frame.subscriptions.set(subscriptionId, { topics: new Set(topics), origin: caller.origin });
    if (message.referenceId === undefined) return;
    const response: ResponseMessage = {
      referenceId: message.referenceId,
      subscriptionId,
      data: { subscriptionId, topics, refusedTopics },
      userAgent: SERVER_USER_AGENT,
      protocolVersion: PROTOCOL_VERSION,
    };
    target.postMessage(response, caller.origin);
  }

  /** A topic carries what its namespace's requests read: an origin hears it if it may use one of them. */
  private mayHear(caller: Caller, topic: Topic): boolean {
    return API_CATALOG[topic].some((method) => caller.allowed.includes(`${topic}.${method}` as ApiName));
  }

  private reply(target: PostTarget, origin: string, referenceId: ReferenceId | undefined, request: string, result: Answer): void {
    if (referenceId === undefined) return;
    const response: ResponseMessage = result.ok
      ? { referenceId, request, data: result.data, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION }
      : { referenceId, request, errorMessage: result.message, errorCode: result.code, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION };
    target.postMessage(response, origin);
  }

  private publish<T extends Topic>(topic: T, data: TopicData[T], only?: (frame: Frame) => boolean): void {
    const message: EventMessage<TopicData[T]> = { event: topic, data, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION };
    for (const frame of this.frames.values()) {
      if (!frame.target || (only && !only(frame))) continue;
      const origins = new Set([...frame.subscriptions.values()].filter((s) => s.topics.has(topic)).map((s) => s.origin));
      for (const origin of origins) frame.target.postMessage(message, origin);
    }
  }

  private agentChanged(): void {
    const state = currentState(this.options.workspace.model.agent, this.options.workspace.model.reasonCodes);
    const data = stateChanged(state);
    this.publish('agent', data);
    this.publish('media', { ...data, media: 'voice' });
  }

  private interactionChanged(interaction: Interaction): void {
    const { view, events } = this.tracker.changed(interaction);
    if (events.includes('ADDED')) this.addInteractionFrames(interaction, view);
    for (const eventType of events) this.publish('interaction', { eventType, media: 'voice', interaction: view });
  }

  private interactionClosed(interaction: Interaction): void {
    const view = this.tracker.closed(interaction);
    this.publish('interaction', { eventType: 'REMOVED', media: 'voice', interaction: view });
    this.markDoneBlocks.delete(interaction.eventId);
    if (this.selected === view.caseId) this.selected = undefined;
    let removed = false;
    for (const [key, frame] of this.frames) {
      if (frame.spec.eventId !== interaction.eventId) continue;
      this.toasts.closeAllOf(frame.frameId);
      this.frames.delete(key);
      removed = true;
    }
    if (removed) this.changed();
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
      this.addFrame(extension, url, title(extension.label), interaction.eventId);
    }
  }

  private addFrame(view: ExtensionView, url: string, title: string, eventId?: string): void {
    const origin = viewOrigin(view);
    if (origin === undefined || origin === this.options.toolbarOrigin) {
      this.log.error({ view: view.name, url: view.url }, 'a web extension on the toolbar’s own origin is not shown: it could take the toolbar over');
      return;
    }
    const key = eventId === undefined ? `workspace:${view.name}` : `interaction:${eventId}:${view.name}`;
    const spec: FrameSpec = { key, view, title, url, origin, ...(eventId !== undefined ? { eventId } : {}) };
    this.frames.set(key, { spec, frameId: ++this.frameCounter, target: undefined, subscriptions: new Map() });
    this.changed();
  }

  private toastClicked(toast: Toast, buttonId: string): void {
    this.publish('system', { eventType: 'CUSTOM_TOAST_BUTTON_CLICK', toastId: toast.toastId, buttonId }, (frame) => frame.frameId === toast.frameId);
  }

  private selectCase(caseId: string): boolean {
    const calls = this.options.workspace.model.interactions.filter((interaction) => caseIdOf(interaction) === caseId);
    if (calls.length === 0) return false;
    this.selected = caseId;
    for (const call of calls) {
      this.publish('interaction', { eventType: 'CASE_SELECTED', media: 'voice', interaction: this.tracker.view(call), selectedCaseId: caseId });
    }
    this.changed();
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

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
