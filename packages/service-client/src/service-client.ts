import { hostMessageSchema, type ParsedHostMessage } from './host-message.ts';
import {
  CLIENT_USER_AGENT,
  PROTOCOL_VERSION,
  REQUEST_TIMEOUT_MESSAGE,
  REQUEST_TIMEOUT_MS,
  type ReferenceId,
  type MessengerTopic,
  type Topic,
} from './protocol.ts';

/**
 * The transport of the Service Client API on the extension's side: posts requests to the host
 * window (the toolbar) and matches its answers by `referenceId`, routes its events to subscribers,
 * and keeps the `frameId` the host assigns.
 *
 * Unlike Genesys's script, it is pinned to one host origin: it posts to that origin only (never
 * `*`), and it reads only messages that come from that origin *and* from the window it posts to.
 *
 * Every request can be followed with callbacks (`done(response)`, `fail(failure)`), as Genesys's
 * script does, and with the promise it returns. The promise is marked handled, so a caller that
 * fires and forgets (`interaction.setUserData(id, data)`) leaves no unhandled rejection behind.
 */

export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface MessageEventLike {
  readonly data: unknown;
  readonly origin: string;
  readonly source: unknown;
}

/** The parts of `window` the client uses. */
export interface ClientWindow {
  readonly parent: PostTarget;
  readonly opener: PostTarget | null;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

export interface TimerHandle {
  cancel(): void;
}

/** Timers for the request timeout (`@ctikit/protocol`'s Clock fits). */
export interface TimerClock {
  setTimer(delayMs: number, callback: () => void): TimerHandle;
}

export interface ServiceClientOptions {
  readonly window: ClientWindow;
  /** The toolbar's origin (`https://toolbar.example.com`); until it is set, requests fail at once. */
  readonly hostOrigin?: string | undefined;
  readonly clock?: TimerClock;
  readonly timeoutMs?: number;
}

/** What `done` receives: the host's answer without its referenceId. */
export interface ServiceResponse<T = unknown> {
  readonly data: T;
  readonly request?: string;
  readonly userAgent?: string;
  readonly protocolVersion?: number;
}

/** What `fail` receives: the host's failure without its referenceId (as Genesys' library hands it), or the string "Request timeout". */
export interface ServiceFailure {
  readonly errorMessage: string;
  readonly errorCode?: string;
  readonly request?: string;
  readonly userAgent?: string;
  readonly protocolVersion?: number;
}

export type Done<T> = (response: ServiceResponse<T>) => void;
export type Fail = (failure: ServiceFailure | string) => void;

/** The promise form's rejection. */
export class ServiceClientError extends Error {
  constructor(
    message: string,
    readonly failure: ServiceFailure | string,
  ) {
    super(message);
    this.name = 'ServiceClientError';
  }
}

/** A message for the host, before the client stamps it (`referenceId`, `userAgent`, `protocolVersion`, `frameId`). */
export interface OutgoingMessage {
  request?: string;
  parameters?: readonly unknown[];
  event?: 'subscribe' | 'unsubscribe';
  data?: unknown;
  referenceId?: ReferenceId;
}

export type EventHandler = (message: { event: Topic | MessengerTopic; data: { eventType: string } & Record<string, unknown> }) => void;

interface Pending {
  readonly resolve: (response: ServiceResponse) => void;
  readonly reject: (failure: ServiceFailure | string) => void;
  readonly timer: TimerHandle;
}

interface Subscription {
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  readonly context: unknown;
  subscriptionId?: string;
}

const defaultClock: TimerClock = {
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, delayMs);
    return { cancel: () => clearTimeout(timer) };
  },
};

/** `scheme://host[:port]`, exactly as `URL.origin` writes it. */
export function checkOrigin(origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new TypeError(`"${origin}" is not an origin (scheme://host[:port])`);
  }
  if (parsed.origin === 'null' || parsed.origin !== origin.replace(/\/$/, '')) {
    throw new TypeError(`"${origin}" is not an origin (scheme://host[:port])`);
  }
  return parsed.origin;
}

export class ServiceClient {
  private hostOrigin: string | undefined;
  private target: PostTarget | undefined;
  private assignedFrameId: number | string | undefined;
  private nextReferenceId = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly clock: TimerClock;
  private readonly timeoutMs: number;
  private readonly window: ClientWindow;
  private listening = true;

  constructor(options: ServiceClientOptions) {
    this.window = options.window;
    this.clock = options.clock ?? defaultClock;
    this.timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    if (options.hostOrigin !== undefined) this.hostOrigin = checkOrigin(options.hostOrigin);
    this.window.addEventListener('message', this.receive);
  }

  /** The origin requests go to and answers must come from. */
  setHostOrigin(origin: string): void {
    this.hostOrigin = checkOrigin(origin);
  }

  get origin(): string | undefined {
    return this.hostOrigin;
  }

  /** The id the host gave this frame, once it has. */
  get frameId(): number | string | undefined {
    return this.assignedFrameId;
  }

  /** Talk to this window rather than `window.opener` or `window.parent`. */
  targetWWEWindow(target: PostTarget): void {
    this.target = target;
  }

  /**
   * Post a message as Genesys's script does (`sendMessage({ request, parameters }, done, fail)`);
   * returns the referenceId.
   */
  sendMessage(message: OutgoingMessage, done?: Done<unknown>, fail?: Fail): ReferenceId {
    const referenceId = message.referenceId ?? String(this.nextReferenceId++);
    void this.exchange({ ...message, referenceId }, done, fail);
    return referenceId;
  }

  /** Send one request; the promise resolves with the host's answer (`response.data`) or rejects with a ServiceClientError. */
  request<T>(request: string, parameters: readonly unknown[], done?: Done<T>, fail?: Fail): Promise<ServiceResponse<T>> {
    return this.exchange({ request, parameters, referenceId: String(this.nextReferenceId++) }, done, fail);
  }

  /** Receive the events of these topics; the handler gets the whole event message. */
  subscribe(topics: string | readonly string[], handler: EventHandler, context?: unknown): this {
    const subscription: Subscription = { topics: typeof topics === 'string' ? [topics] : [...topics], handler, context };
    this.subscriptions.add(subscription);
    this.exchange<unknown>({ event: 'subscribe', data: topics, referenceId: String(this.nextReferenceId++) }).then(
      (response) => {
        const id = (response as ServiceResponse & { subscriptionId?: string }).subscriptionId;
        if (id !== undefined) subscription.subscriptionId = id;
      },
      () => this.subscriptions.delete(subscription),
    );
    return this;
  }

  /** Stop the subscriptions made with this handler (or this context). */
  unsubscribe(handlerOrContext: unknown): this {
    for (const subscription of [...this.subscriptions]) {
      if (subscription.handler !== handlerOrContext && subscription.context !== handlerOrContext) continue;
      this.subscriptions.delete(subscription);
      if (subscription.subscriptionId !== undefined) {
        this.post({ event: 'unsubscribe', data: subscription.subscriptionId, referenceId: String(this.nextReferenceId++) });
      }
    }
    return this;
  }

  /** Fail the requests still waiting and stop listening. */
  unload(): void {
    for (const [referenceId, pending] of this.pending) {
      pending.timer.cancel();
      this.pending.delete(referenceId);
      pending.reject({ errorMessage: 'The service client was unloaded.' });
    }
    this.subscriptions.clear();
    if (this.listening) this.window.removeEventListener('message', this.receive);
    this.listening = false;
  }

  private exchange<T>(message: OutgoingMessage & { referenceId: ReferenceId }, done?: Done<T>, fail?: Fail): Promise<ServiceResponse<T>> {
    const promise = new Promise<ServiceResponse<T>>((resolve, reject) => {
      const key = String(message.referenceId);
      const settle = {
        resolve: (response: ServiceResponse) => {
          call(done, response as ServiceResponse<T>);
          resolve(response as ServiceResponse<T>);
        },
        reject: (failure: ServiceFailure | string) => {
          call(fail, failure);
          reject(new ServiceClientError(typeof failure === 'string' ? failure : failure.errorMessage, failure));
        },
      };
      if (!this.post(message)) {
        const reason = this.listening
          ? 'No host origin is set: give the script a data-host-origin attribute or call setHostOrigin().'
          : 'The service client was unloaded.';
        queueMicrotask(() => settle.reject({ errorMessage: reason }));
        return;
      }
      const timer = this.clock.setTimer(this.timeoutMs, () => {
        this.pending.delete(key);
        settle.reject(REQUEST_TIMEOUT_MESSAGE);
      });
      this.pending.get(key)?.timer.cancel();
      this.pending.set(key, { ...settle, timer });
    });
    promise.catch(() => undefined);
    return promise;
  }

  private post(message: OutgoingMessage): boolean {
    if (this.hostOrigin === undefined || !this.listening) return false;
    const stamped = {
      ...message,
      userAgent: CLIENT_USER_AGENT,
      protocolVersion: PROTOCOL_VERSION,
      ...(this.assignedFrameId !== undefined ? { frameId: this.assignedFrameId } : {}),
    };
    this.hostWindow().postMessage(stamped, this.hostOrigin);
    return true;
  }

  private hostWindow(): PostTarget {
    return this.target ?? this.window.opener ?? this.window.parent;
  }

  private readonly receive = (event: MessageEventLike): void => {
    if (this.hostOrigin === undefined || event.origin !== this.hostOrigin || event.source !== this.hostWindow()) return;
    const parsed = hostMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.event !== undefined) this.dispatchEvent(message);
    else if (message.referenceId !== undefined) this.settle(message);
    else if (message.frameId !== undefined) this.assignedFrameId = message.frameId;
  };

  private dispatchEvent(message: ParsedHostMessage): void {
    const data = message.data;
    if (typeof data !== 'object' || data === null || typeof (data as { eventType?: unknown }).eventType !== 'string') return;
    const event = { ...message, event: message.event as Topic | MessengerTopic, data: data as { eventType: string } & Record<string, unknown> };
    for (const subscription of [...this.subscriptions]) {
      if (!subscription.topics.includes(event.event)) continue;
      call((e: typeof event) => subscription.handler.call(subscription.context, e), event);
    }
  }

  private settle(message: ParsedHostMessage): void {
    const key = String(message.referenceId);
    const pending = this.pending.get(key);
    if (!pending) return;
    this.pending.delete(key);
    pending.timer.cancel();
    const { referenceId: _referenceId, ...answer } = message;
    if (answer.errorMessage !== undefined) {
      pending.reject({ ...answer, errorMessage: answer.errorMessage });
    } else {
      pending.resolve({ ...answer, data: answer.data });
    }
  }
}

/**
 * Call an extension's callback. What it throws is the extension's own error: it is rethrown on its
 * own (reaching the page's error handlers and console) so it breaks neither the promise nor the
 * other callbacks.
 */
function call<A>(callback: ((arg: A) => void) | undefined, arg: A): void {
  if (!callback) return;
  try {
    callback(arg);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
