import type { Clock, TimerHandle } from '@ctikit/kernel';
import type {
  ContextEventMessage,
  ContextTarget,
  EventMessage,
  EventResultMessage,
  HandshakeAckMessage,
  HostMessage,
  Payload,
  PhoneEvent,
  PublishResultMessage,
  ToolbarMessage,
} from '../wire/uef-message.ts';
import { PHONE_CHANNEL, PHONE_CHANNEL_TYPE, UEF_WIRE_VERSION } from '../wire/uef-message.ts';
import { newUuid } from '../wire/uuid.ts';
import { UefErrorData } from './responses.ts';

/**
 * The toolbar's end of the wire to the Fusion host: a handshake, publishes correlated with their
 * results by uuid, subscriptions, and the results of controllable events. The transport decides who
 * may talk to us (the window transport pins the host's origin); this class only sees parsed messages.
 */

export interface UefTransport {
  send(message: ToolbarMessage): void;
  /** Delivers every message that came from the host and parsed; returns a function that stops it. */
  listen(handler: (message: HostMessage) => void): () => void;
}

/** How often the handshake is repeated until the host answers (its page may still be loading). */
export const HANDSHAKE_RETRY_MS = 500;

type HostInfo = HandshakeAckMessage['data'];

interface PendingPublish {
  resolve(result: PublishResultMessage): void;
  reject(error: UefErrorData): void;
}

export class HostConnection {
  readonly #pending = new Map<string, PendingPublish>();
  readonly #subscriptions = new Map<string, (event: EventMessage) => void>();
  readonly #contextSubscriptions = new Map<string, (event: ContextEventMessage) => void>();
  readonly #stopListening: () => void;
  #handshake: { uuid: string; timer: TimerHandle; resolve(info: HostInfo): void } | undefined;
  #disposed = false;

  constructor(
    private readonly transport: UefTransport,
    private readonly clock: Clock,
    readonly toolbarName: string,
  ) {
    this.#stopListening = transport.listen((message) => this.#receive(message));
  }

  /** Resolves when the host answers; repeats the request until then. */
  handshake(applicationName: string, apiVersion: string): Promise<HostInfo> {
    const uuid = newUuid();
    return new Promise((resolve) => {
      const send = (): void => {
        if (this.#disposed) return;
        this.transport.send({ type: 'handshake', uuid, ...this.#envelope(), data: { applicationName, apiVersion } });
        if (this.#handshake) this.#handshake.timer = this.clock.setTimer(HANDSHAKE_RETRY_MS, send);
      };
      this.#handshake = { uuid, resolve, timer: { cancel: () => undefined } };
      send();
    });
  }

  /** A publish on the PHONE channel, or on the context named. */
  publish(method: string, data: Payload, context?: ContextTarget): Promise<PublishResultMessage> {
    if (this.#disposed) return Promise.reject(disposedError());
    const uuid = newUuid();
    return new Promise((resolve, reject) => {
      this.#pending.set(uuid, { resolve, reject });
      this.transport.send({
        type: 'publish',
        method,
        uuid,
        eventSource: 'toolbar',
        ...this.#envelope(),
        ...(context ? { context } : {}),
        data: { ...data, channel: PHONE_CHANNEL, channelType: PHONE_CHANNEL_TYPE, propagateToTabs: data.propagateToTabs === true },
      });
    });
  }

  subscribe(
    subscriptionId: string,
    eventName: PhoneEvent,
    options: { appClassification: string | undefined; once: boolean },
    handler: (event: EventMessage) => void,
  ): void {
    if (this.#disposed) return;
    this.#subscriptions.set(subscriptionId, handler);
    this.transport.send({
      type: 'subscribe',
      method: eventName,
      uuid: subscriptionId,
      ...this.#envelope(),
      data: { channel: PHONE_CHANNEL, channelType: PHONE_CHANNEL_TYPE, appClassification: options.appClassification, once: options.once },
    });
  }

  unsubscribe(subscriptionId: string, eventName: PhoneEvent): void {
    if (!this.#subscriptions.delete(subscriptionId) || this.#disposed) return;
    this.transport.send({
      type: 'unsubscribe',
      method: eventName,
      uuid: subscriptionId,
      ...this.#envelope(),
      data: { channel: PHONE_CHANNEL, channelType: PHONE_CHANNEL_TYPE },
    });
  }

  /** A subscription to an event of another context than PHONE (a tab's, a notification's …). */
  contextSubscribe(subscriptionId: string, eventName: string, context: ContextTarget, once: boolean, handler: (event: ContextEventMessage) => void): void {
    if (this.#disposed) return;
    this.#contextSubscriptions.set(subscriptionId, handler);
    this.transport.send({ type: 'contextSubscribe', method: eventName, uuid: subscriptionId, ...this.#envelope(), context, data: { once } });
  }

  contextUnsubscribe(subscriptionId: string, eventName: string, context: ContextTarget): void {
    if (!this.#contextSubscriptions.delete(subscriptionId) || this.#disposed) return;
    this.transport.send({ type: 'contextUnsubscribe', method: eventName, uuid: subscriptionId, ...this.#envelope(), context });
  }

  sendEventResult(eventName: PhoneEvent, eventUuid: string, data: EventResultMessage['data']): void {
    if (this.#disposed) return;
    this.transport.send({ type: 'eventResult', method: eventName, uuid: eventUuid, ...this.#envelope(), data });
  }

  /** Stops listening, unsubscribes everything and rejects every publish still waiting. */
  dispose(): void {
    if (this.#disposed) return;
    this.#subscriptions.clear();
    this.#contextSubscriptions.clear();
    this.#disposed = true;
    this.#handshake?.timer.cancel();
    this.#stopListening();
    for (const pending of this.#pending.values()) pending.reject(disposedError());
    this.#pending.clear();
  }

  #envelope(): { version: string; toolbarName: string } {
    return { version: UEF_WIRE_VERSION, toolbarName: this.toolbarName };
  }

  #receive(message: HostMessage): void {
    switch (message.type) {
      case 'handshakeAck': {
        if (!this.#handshake || this.#handshake.uuid !== message.uuid) return;
        const { timer, resolve } = this.#handshake;
        this.#handshake = undefined;
        timer.cancel();
        resolve(message.data);
        return;
      }
      case 'publishResult': {
        const pending = this.#pending.get(message.uuid);
        if (!pending) return;
        this.#pending.delete(message.uuid);
        if (message.result === 'success') pending.resolve(message);
        else pending.reject(new UefErrorData(message.error ?? { status: 'error', message: `${message.method} failed` }));
        return;
      }
      case 'event':
        this.#subscriptions.get(message.subscriptionId)?.(message);
        return;
      case 'contextEvent':
        this.#contextSubscriptions.get(message.subscriptionId)?.(message);
        return;
    }
  }
}

function disposedError(): UefErrorData {
  return new UefErrorData({ status: 'error', message: 'The UEF provider has been disposed' });
}
