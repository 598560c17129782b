import type { EventMessage, Payload, PhoneEvent } from '../wire/uef-message.ts';
import { CONTROLLABLE_EVENTS, PHONE_CHANNEL, PHONE_CHANNEL_TYPE, isPhoneEvent } from '../wire/uef-message.ts';
import { newUuid } from '../wire/uuid.ts';
import type { HostConnection } from './connection.ts';
import { EventResponse, rejectedSettlement, resolvedSettlement } from './event-responses.ts';
import { McaEventRequest, OperationRequest, wireData } from './requests.ts';
import { ObjectContext } from './contexts.ts';
import { EngagementContext } from './engagement-context.ts';
import { OperationResponse, phoneResponseData, StartCommResponseData, UefErrorData, type ActionResponseData } from './responses.ts';

/**
 * IPhoneContext (uef.md §1.2): subscribe / subscribeOnce / publish / dispose on the PHONE channel.
 * There is no unsubscribe: a subscription ends when its ISubscriptionContext is disposed.
 */

export type EventCallback = (response: EventResponse<PhoneEvent, ObjectContext>) => unknown;

/** What `getContext()` of a PHONE response says: the PHONE channel of the media toolbar window. */
const PHONE_OBJECT = new ObjectContext(PHONE_CHANNEL, PHONE_CHANNEL_TYPE);

/** ISubscriptionContext. */
export class SubscriptionContext {
  #disposed = false;

  constructor(
    private readonly onDispose: () => void,
    private readonly eventName: PhoneEvent,
  ) {}

  getEventName(): PhoneEvent {
    return this.eventName;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.onDispose();
  }
}

export interface PhoneContextOptions {
  supportedActions: string[];
  supportedEvents: string[];
  frameOrigin: string;
  version: string;
}

export class PhoneContext {
  readonly #subscriptions = new Set<SubscriptionContext>();
  #disposed = false;

  constructor(
    private readonly connection: HostConnection,
    private readonly options: PhoneContextOptions,
  ) {}

  getChannel(): string {
    return PHONE_CHANNEL;
  }
  getChannelType(): string {
    return PHONE_CHANNEL_TYPE;
  }
  getFrameOrigin(): string {
    return this.options.frameOrigin;
  }
  getToolbarName(): string {
    return this.connection.toolbarName;
  }
  getVersion(): string {
    return this.options.version;
  }
  getEventSource(): string {
    return 'toolbar';
  }
  getSupportedActions(): string[] {
    return [...this.options.supportedActions];
  }
  getSupportedEvents(): string[] {
    return [...this.options.supportedEvents];
  }

  /** Throws synchronously on a request the host cannot take, as Fusion's library does. */
  subscribe(request: { getEventName(): string }, callback: EventCallback): SubscriptionContext {
    return this.#subscribe(request, callback, false);
  }

  /** Like subscribe, ended after the first event. */
  subscribeOnce(request: { getEventName(): string }, callback: EventCallback): SubscriptionContext {
    return this.#subscribe(request, callback, true);
  }

  /** Takes what Oracle's publish takes; only requests made by this library's helper carry data to the host. */
  publish(request: { getOperationName(): string }): Promise<OperationResponse<ObjectContext>> {
    if (this.#disposed) return Promise.reject(new UefErrorData({ status: 'error', message: 'The PHONE context has been disposed' }));
    if (!(request instanceof OperationRequest)) {
      return Promise.reject(new UefErrorData({ status: 'error', message: 'publish() takes a request made by requestHelper.createPublishRequest()' }));
    }
    return this.connection
      .publish(request.getOperationName(), request[wireData]())
      .then((result) => new OperationResponse(result, PHONE_OBJECT, this.#responseData(result.method, result.data)));
  }

  /** startCommEvent's response data carries the engagement Fusion opened for the call (uef.md §3.6). */
  #responseData(method: string, data: Payload): ActionResponseData {
    if (method !== 'startCommEvent') return phoneResponseData(method, data);
    const engagementId = String(data.engagementId ?? data.interactionId ?? data.eventId ?? '');
    return new StartCommResponseData(data, new EngagementContext(this.connection, engagementId, data));
  }

  /** Ends every subscription made on this context. */
  dispose(): void {
    this.#disposed = true;
    for (const subscription of [...this.#subscriptions]) subscription.dispose();
  }

  #subscribe(request: { getEventName(): string }, callback: EventCallback, once: boolean): SubscriptionContext {
    if (this.#disposed) throw new Error('The PHONE context has been disposed');
    if (!(request instanceof McaEventRequest)) {
      throw new TypeError('subscribe() takes a request made by requestHelper.createSubscriptionRequest()');
    }
    if (typeof callback !== 'function') throw new TypeError('subscribe() needs a callback function');
    const eventName = request.getEventName();
    if (!isPhoneEvent(eventName) || !this.options.supportedEvents.includes(eventName)) {
      throw new Error(`Event ${eventName} is not supported on the PHONE channel`);
    }
    const appClassification = request.getAppClassification();
    if (eventName === 'onOutgoingEvent' && !appClassification) throw new Error('App Classification missing in payload');

    const subscriptionId = newUuid();
    const subscription = new SubscriptionContext(() => {
      this.#subscriptions.delete(subscription);
      this.connection.unsubscribe(subscriptionId, eventName);
    }, eventName);
    this.#subscriptions.add(subscription);
    this.connection.subscribe(subscriptionId, eventName, { appClassification, once }, (event) => {
      if (once) subscription.dispose();
      this.#deliver(event, callback);
    });
    return subscription;
  }

  #deliver(event: EventMessage, callback: EventCallback): void {
    const response = new EventResponse(event.method, event.data, PHONE_OBJECT);
    if (!CONTROLLABLE_EVENTS.includes(event.method)) {
      try {
        callback(response);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
      return;
    }
    const settle = (data: Parameters<HostConnection['sendEventResult']>[2]): void => this.connection.sendEventResult(event.method, event.uuid, data);
    let returned: unknown;
    try {
      returned = callback(response);
    } catch (error) {
      settle(rejectedSettlement(error, response));
      return;
    }
    if (!isThenable(returned)) {
      settle(rejectedSettlement(new Error(`The ${event.method} callback did not return a Promise`), response));
      return;
    }
    returned.then(
      (value) => settle(resolvedSettlement(value, response)),
      (reason) => settle(rejectedSettlement(reason, response)),
    );
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
