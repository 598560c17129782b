import type { Clock, TimerHandle } from '@ctikit/kernel';
import type {
  ContextSubscribeMessage,
  ContextTarget,
  ErrorData,
  EventResultMessage,
  HandshakeMessage,
  HostMessage,
  Payload,
  PhoneEvent,
  PublishMessage,
  ToolbarMessage,
} from '../wire/uef-message.ts';
import { CONTROLLABLE_EVENTS, PHONE_CHANNEL, PHONE_CHANNEL_TYPE, UEF_WIRE_VERSION } from '../wire/uef-message.ts';
import { newUuid } from '../wire/uuid.ts';
import type { NewLogEntry } from './event-log.ts';

/**
 * The Fusion host's end of the UEF wire: answers the handshake, keeps the toolbar's subscriptions,
 * answers publishes with what the operation handler decided, delivers events to the subscriptions
 * that match, and turns a controllable event into a promise of the toolbar's answer. Every message in
 * and out goes to the event log. It knows nothing of windows: the page wires `post` to the frame.
 */

export interface Subscription {
  id: string;
  eventName: PhoneEvent;
  appClassification: string | undefined;
  once: boolean;
}

export type PublishOutcome = { ok: true; data: Payload } | { ok: false; error: ErrorData };

/** A subscription to an event of a context other than PHONE. */
export interface ContextSubscription {
  id: string;
  eventName: string;
  context: ContextTarget;
  once: boolean;
}

/** Whether two context targets name the same context. */
export function sameContext(a: ContextTarget, b: ContextTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How a controllable event ended, as the host sees it. */
export type CommandOutcome =
  | { status: 'resolved'; result: string; resultDisplayString?: string; outData?: Payload }
  | { status: 'rejected'; message: string; result?: string; resultDisplayString?: string }
  | { status: 'undelivered' }
  | { status: 'timeout' };

/** How long the host waits for the toolbar's answer to a controllable event. */
export const COMMAND_TIMEOUT_MS = 30_000;

export interface UefHostOptions {
  clock: Clock;
  hostName: string;
  supportedActions: readonly string[];
  supportedEvents: readonly string[];
  post(message: HostMessage): void;
  log(entry: NewLogEntry): void;
  onHandshake(message: HandshakeMessage): void;
  onPublish(message: PublishMessage): PublishOutcome;
  /** A publish on another context than PHONE (the global context, a tab, a record …). */
  onContextPublish(message: PublishMessage & { context: ContextTarget }): PublishOutcome;
  onSubscriptionsChanged(subscriptions: readonly Subscription[]): void;
}

interface PendingCommand {
  /** What the log calls it: the command and its eventId. */
  label: string;
  settle(outcome: CommandOutcome): void;
  timer: TimerHandle;
}

export class UefHost {
  #subscriptions: Subscription[] = [];
  #contextSubscriptions: ContextSubscription[] = [];
  readonly #pending = new Map<string, PendingCommand>();
  #toolbarName: string | undefined;

  constructor(private readonly options: UefHostOptions) {}

  get connected(): boolean {
    return this.#toolbarName !== undefined;
  }

  get subscriptions(): readonly Subscription[] {
    return this.#subscriptions;
  }

  receive(message: ToolbarMessage): void {
    this.options.log({
      direction: 'toolbar-to-fusion',
      level: 'info',
      title: message.type === 'handshake' ? 'handshake' : message.method,
      summary: this.#describeIncoming(message),
      payload: message,
    });
    if (message.type === 'handshake') {
      this.#handshake(message);
      return;
    }
    if (!this.connected || message.toolbarName !== this.#toolbarName) {
      this.options.log({ direction: 'note', level: 'warn', title: 'Ignored', summary: 'Message before the handshake (or from another toolbar name)' });
      return;
    }
    switch (message.type) {
      case 'publish':
        this.#answerPublish(message);
        return;
      case 'subscribe':
        this.#setSubscriptions([
          ...this.#subscriptions.filter((s) => s.id !== message.uuid),
          { id: message.uuid, eventName: message.method, appClassification: message.data.appClassification, once: message.data.once },
        ]);
        return;
      case 'unsubscribe':
        this.#setSubscriptions(this.#subscriptions.filter((s) => s.id !== message.uuid));
        return;
      case 'eventResult':
        this.#settle(message);
        return;
      case 'contextSubscribe':
        this.#contextSubscribe(message);
        return;
      case 'contextUnsubscribe':
        this.#contextSubscriptions = this.#contextSubscriptions.filter((s) => s.id !== message.uuid);
        return;
    }
  }

  /** Sends an event of a context to the subscriptions made on that context; returns the count. */
  deliverToContext(eventName: string, context: ContextTarget, data: Payload): number {
    const targets = this.#contextSubscriptions.filter((s) => s.eventName === eventName && sameContext(s.context, context));
    const once = new Set(targets.filter((s) => s.once).map((s) => s.id));
    this.#contextSubscriptions = this.#contextSubscriptions.filter((s) => !once.has(s.id));
    const toolbarName = this.#toolbarName ?? '';
    for (const subscription of targets) {
      this.#post({
        type: 'contextEvent',
        method: eventName,
        uuid: newUuid(),
        subscriptionId: subscription.id,
        version: UEF_WIRE_VERSION,
        toolbarName,
        data: { ...data, method: eventName, toolbarName },
      });
    }
    return targets.length;
  }

  #contextSubscribe(message: ContextSubscribeMessage): void {
    this.#contextSubscriptions = [
      ...this.#contextSubscriptions.filter((s) => s.id !== message.uuid),
      { id: message.uuid, eventName: message.method, context: message.context, once: message.data.once },
    ];
  }

  /**
   * Sends a non-controllable event to every subscription of it whose appClassification matches. A
   * subscription without one takes all, and an event without one (agent commands) goes to all, except
   * that onOutgoingEvent only goes to an exact match. All copies
   * share one uuid: for a click-to-dial it becomes the outbound call's eventId. Returns the count.
   */
  deliver(eventName: PhoneEvent, data: Payload, appClassification?: string, uuid = newUuid()): number {
    const targets = this.#targets(eventName, appClassification);
    for (const subscription of targets) this.#sendEvent(subscription, uuid, data);
    return targets.length;
  }

  /** Sends a controllable event and resolves with the first answer of the toolbar. */
  command(eventName: PhoneEvent, data: Payload, appClassification?: string): Promise<CommandOutcome> {
    if (!CONTROLLABLE_EVENTS.includes(eventName)) throw new Error(`${eventName} is not a controllable event`);
    const targets = this.#targets(eventName, appClassification);
    if (targets.length === 0) {
      this.options.log({ direction: 'note', level: 'warn', title: eventName, summary: `Not sent: the toolbar has no ${eventName} subscription` });
      return Promise.resolve({ status: 'undelivered' });
    }
    const uuid = newUuid();
    return new Promise((resolve) => {
      const timer = this.options.clock.setTimer(COMMAND_TIMEOUT_MS, () => {
        this.#pending.delete(uuid);
        this.options.log({ direction: 'note', level: 'warn', title: eventName, summary: `No answer from the toolbar in ${COMMAND_TIMEOUT_MS / 1000} s` });
        resolve({ status: 'timeout' });
      });
      const label = [data.command, data.eventId].filter((part) => typeof part === 'string').join(' ');
      this.#pending.set(uuid, { label, timer, settle: resolve });
      for (const subscription of targets) this.#sendEvent(subscription, uuid, data);
    });
  }

  #handshake(message: HandshakeMessage): void {
    this.#toolbarName = message.toolbarName;
    this.#setSubscriptions([]);
    this.#contextSubscriptions = [];
    for (const [uuid, pending] of this.#pending) {
      this.#pending.delete(uuid);
      pending.timer.cancel();
      pending.settle({ status: 'rejected', message: 'The toolbar reloaded before answering' });
    }
    this.#post({
      type: 'handshakeAck',
      uuid: message.uuid,
      version: UEF_WIRE_VERSION,
      toolbarName: message.toolbarName,
      data: {
        hostName: this.options.hostName,
        channels: [PHONE_CHANNEL],
        supportedActions: [...this.options.supportedActions],
        supportedEvents: [...this.options.supportedEvents],
      },
    });
    this.options.onHandshake(message);
  }

  #answerPublish(message: PublishMessage): void {
    const { context } = message;
    const outcome = context ? this.options.onContextPublish({ ...message, context }) : this.options.onPublish(message);
    const base = {
      method: message.method,
      result: outcome.ok ? 'success' : 'error',
      toolbarName: message.toolbarName,
      uuid: message.uuid,
      channel: PHONE_CHANNEL,
      channelType: PHONE_CHANNEL_TYPE,
    };
    this.#post({
      type: 'publishResult',
      method: message.method,
      uuid: message.uuid,
      version: UEF_WIRE_VERSION,
      toolbarName: message.toolbarName,
      result: outcome.ok ? 'success' : 'error',
      data: outcome.ok ? { ...base, ...outcome.data } : { ...base, error: outcome.error },
      ...(outcome.ok ? {} : { error: outcome.error }),
    });
  }

  #settle(message: EventResultMessage): void {
    const pending = this.#pending.get(message.uuid);
    if (!pending) {
      this.options.log({ direction: 'note', level: 'warn', title: message.method, summary: 'Answer to an event that is no longer waiting (ignored)' });
      return;
    }
    this.#pending.delete(message.uuid);
    pending.timer.cancel();
    const { data } = message;
    pending.settle(
      data.outcome === 'resolved'
        ? { status: 'resolved', result: data.result ?? 'success', resultDisplayString: data.resultDisplayString, outData: data.outData }
        : { status: 'rejected', message: data.message ?? 'rejected', result: data.result, resultDisplayString: data.resultDisplayString },
    );
  }

  #targets(eventName: PhoneEvent, appClassification: string | undefined): Subscription[] {
    const strict = eventName === 'onOutgoingEvent';
    return this.#subscriptions.filter(
      (s) =>
        s.eventName === eventName &&
        (s.appClassification === appClassification || (!strict && (s.appClassification === undefined || appClassification === undefined))),
    );
  }

  #sendEvent(subscription: Subscription, uuid: string, data: Payload): void {
    if (subscription.once) this.#setSubscriptions(this.#subscriptions.filter((s) => s.id !== subscription.id));
    const toolbarName = this.#toolbarName ?? '';
    this.#post({
      type: 'event',
      method: subscription.eventName,
      uuid,
      subscriptionId: subscription.id,
      version: UEF_WIRE_VERSION,
      toolbarName,
      data: { ...data, channel: PHONE_CHANNEL, channelType: PHONE_CHANNEL_TYPE, method: subscription.eventName, toolbarName, uuid },
    });
  }

  #setSubscriptions(subscriptions: Subscription[]): void {
    this.#subscriptions = subscriptions;
    this.options.onSubscriptionsChanged(subscriptions);
  }

  #describeIncoming(message: ToolbarMessage): string {
    switch (message.type) {
      case 'handshake':
        return `initialize('${message.data.applicationName}', '${message.data.apiVersion}')`;
      case 'publish':
        return message.context ? `publish ${message.method} on the ${message.context.kind} context` : `publish ${message.method}`;
      case 'subscribe': {
        const classification = message.data.appClassification ? ` (${message.data.appClassification})` : '';
        return `${message.data.once ? 'subscribeOnce' : 'subscribe'} ${message.method}${classification}`;
      }
      case 'unsubscribe':
        return `dispose subscription to ${message.method}`;
      case 'contextSubscribe':
        return `${message.data.once ? 'subscribeOnce' : 'subscribe'} ${message.method} on the ${message.context.kind} context`;
      case 'contextUnsubscribe':
        return `dispose subscription to ${message.method} on the ${message.context.kind} context`;
      case 'eventResult': {
        const label = this.#pending.get(message.uuid)?.label;
        const outcome =
          message.data.outcome === 'resolved' ? `promise resolved: ${message.data.result ?? 'success'}` : `promise rejected: ${message.data.message ?? ''}`;
        return label ? `${label}: ${outcome}` : outcome;
      }
    }
  }

  #post(message: HostMessage): void {
    this.options.log({
      direction: 'fusion-to-toolbar',
      level: message.type === 'publishResult' && message.result === 'error' ? 'warn' : 'info',
      title: message.type === 'handshakeAck' ? 'handshakeAck' : message.method,
      summary: describeOutgoing(message),
      payload: message,
    });
    this.options.post(message);
  }
}

function describeOutgoing(message: HostMessage): string {
  switch (message.type) {
    case 'handshakeAck':
      return 'initialize() resolved';
    case 'publishResult':
      return message.result === 'success' ? `${message.method}: success` : `${message.method} rejected: ${message.error?.message ?? ''}`;
    case 'contextEvent':
      return `event ${message.method}`;
    case 'event': {
      const { command, outData } = message.data;
      if (typeof command === 'string') return `command ${command}`;
      const tokens = typeof outData === 'object' && outData !== null ? (outData as Payload) : {};
      if (typeof tokens.updateType === 'string') return `updateType ${tokens.updateType}`;
      if (typeof tokens.SVCMCA_ANI === 'string') return `click-to-dial ${tokens.SVCMCA_ANI}`;
      return 'event';
    }
  }
}
