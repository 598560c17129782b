import * as z from 'zod/mini';
import type { ContextEventMessage, ContextTarget, Payload, PublishResultMessage, RecordInfo, TabInfo } from '../wire/uef-message.ts';
import { tabInfoSchema } from '../wire/uef-message.ts';
import { newUuid } from '../wire/uuid.ts';
import type { HostConnection } from './connection.ts';
import { OperationRequest, wireData } from './requests.ts';
import { UefErrorData } from './responses.ts';

/**
 * The contexts of the UEF provider besides PHONE (uef.md §9): every one an IContext — subscribe,
 * subscribeOnce, publish, dispose, getSupportedEvents/Actions — on the wire to the host under its
 * context target; and their own getters (a tab's records, a record's type and id …).
 */

/** IObjectContext: what a response's `getContext()` says about where it came from. */
export class ObjectContext {
  constructor(
    private readonly objectType: string,
    private readonly objectId: string,
    private readonly tabId = '',
  ) {}

  getObjectType(): string {
    return this.objectType;
  }
  getObjectId(): string {
    return this.objectId;
  }
  getTabId(): string {
    return this.tabId;
  }
  getMsiTabId(): string {
    return this.tabId;
  }
  getMsiSubTabId(): string {
    return '';
  }
}

/** ISubscriptionContext of a context's event. */
class ContextSubscription {
  #disposed = false;

  constructor(private readonly onDispose: () => void) {}

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.onDispose();
  }
}

/** IEventResponse of a context's event: `getResponseData()` is the event's data. */
export class ContextEventResponse {
  constructor(
    private readonly message: ContextEventMessage,
    private readonly context: ObjectContext,
  ) {}

  getEventName(): string {
    return this.message.method;
  }
  getResponseData(): Payload {
    return this.message.data;
  }
  getContext(): ObjectContext {
    return this.context;
  }
}

/** IOperationResponse of a context's operation: `getResponseData()` depends on the operation. */
export class ContextOperationResponse {
  constructor(
    private readonly operationName: string,
    private readonly data: unknown,
    private readonly context: ObjectContext,
  ) {}

  getOperationName(): string {
    return this.operationName;
  }
  getResponseData(): unknown {
    return this.data;
  }
  getContext(): ObjectContext {
    return this.context;
  }
}

interface EventRequestLike {
  getEventName(): string;
}

/** IContext. */
export class UefContext {
  readonly #subscriptions = new Set<ContextSubscription>();

  constructor(
    protected readonly connection: HostConnection,
    readonly target: ContextTarget,
    private readonly supportedActions: readonly string[] = [],
  ) {}

  subscribe(request: EventRequestLike, callback: (response: ContextEventResponse) => unknown): ContextSubscription {
    return this.#subscribe(request, callback, false);
  }

  subscribeOnce(request: EventRequestLike, callback: (response: ContextEventResponse) => unknown): ContextSubscription {
    return this.#subscribe(request, callback, true);
  }

  /** Takes what Oracle's publish takes; only requests made by this library's helper carry data to the host. */
  publish(request: { getOperationName(): string }): Promise<ContextOperationResponse> {
    if (!(request instanceof OperationRequest)) {
      return Promise.reject(new UefErrorData({ status: 'error', message: 'publish() takes a request made by requestHelper.createPublishRequest()' }));
    }
    const name = request.getOperationName();
    return this.connection
      .publish(name, request[wireData](), this.target)
      .then((result) => new ContextOperationResponse(name, this.responseData(name, result), this.objectContext()));
  }

  dispose(): void {
    for (const subscription of [...this.#subscriptions]) subscription.dispose();
  }

  getSupportedEvents(): string[] {
    return [];
  }

  getSupportedActions(): string[] {
    return [...this.supportedActions];
  }

  protected objectContext(): ObjectContext {
    return new ObjectContext(this.target.kind, '');
  }

  /** What `getResponseData()` of an operation's response is. */
  protected responseData(operationName: string, result: PublishResultMessage): unknown {
    return operationData(operationName, result.data, this.connection);
  }

  #subscribe(request: EventRequestLike, callback: (response: ContextEventResponse) => unknown, once: boolean): ContextSubscription {
    if (typeof request?.getEventName !== 'function') throw new TypeError('subscribe() takes a request made by requestHelper.createSubscriptionRequest()');
    if (typeof callback !== 'function') throw new TypeError('subscribe() needs a callback function');
    const eventName = request.getEventName();
    const id = newUuid();
    const subscription = new ContextSubscription(() => {
      this.#subscriptions.delete(subscription);
      this.connection.contextUnsubscribe(id, eventName, this.target);
    });
    this.#subscriptions.add(subscription);
    this.connection.contextSubscribe(id, eventName, this.target, once, (event) => {
      if (once) subscription.dispose();
      callback(new ContextEventResponse(event, this.objectContext()));
    });
    return subscription;
  }
}

/** IGlobalContext. */
export class GlobalContext extends UefContext {
  getGlobalContextId(): string {
    return 'GLOBAL';
  }
}

/** The modal window context (IModalWindowContext). */
export class ModalWindowContext extends UefContext {}

/** ISidePaneContext. */
export class SidePaneContext extends UefContext {
  constructor(
    connection: HostConnection,
    private readonly sidePaneId: string,
    actions: readonly string[],
  ) {
    super(connection, { kind: 'sidePane', sidePaneId }, actions);
  }
  getSidePaneContextId(): string {
    return this.sidePaneId;
  }
}

/** INotificationContext. */
export class NotificationContext extends UefContext {
  constructor(
    connection: HostConnection,
    private readonly notificationId: string,
    actions: readonly string[],
  ) {
    super(connection, { kind: 'notification', notificationId }, actions);
  }
  getNotificationContextId(): string {
    return this.notificationId;
  }
}

/** IRecordContext: the active record of a tab. */
export class RecordContext extends UefContext {
  constructor(
    connection: HostConnection,
    tabId: string,
    private readonly record: RecordInfo,
    actions: readonly string[],
  ) {
    super(connection, { kind: 'record', tabId }, actions);
  }
  getRecordType(): string {
    return this.record.recordType;
  }
  getRecordId(): string {
    return this.record.recordId;
  }
  protected override objectContext(): ObjectContext {
    return new ObjectContext(this.record.recordType, this.record.recordId, this.target.kind === 'record' ? this.target.tabId : '');
  }
}

export const TAB_ACTIONS = ['FocusTab', 'CloseTab', 'PopOperation', 'OpenModal', 'CloseModal', 'OpenPopup', 'ClosePopup'];
export const RECORD_ACTIONS = ['cxEventBusGetFieldValueOperation', 'cxEventBusSetFieldValueOperation', 'cxEventBusSaveRecordOperation'];
export const NOTIFICATION_ACTIONS = ['ShowNotification', 'CloseNotification'];

/** ITabContext: a Fusion tab and the records in it. */
export class TabContext extends UefContext {
  constructor(
    connection: HostConnection,
    private readonly tab: TabInfo,
  ) {
    super(connection, { kind: 'tab', tabId: tab.tabId }, TAB_ACTIONS);
  }
  getType(): string {
    return this.tab.type;
  }
  getAvailableTabs(): Promise<TabContext[]> {
    return availableTabs(this.connection);
  }
  getAvailableRecords(): Promise<RecordContext[]> {
    return Promise.resolve(this.tab.records.map((record) => new RecordContext(this.connection, this.tab.tabId, record, RECORD_ACTIONS)));
  }
  getActiveRecord(): Promise<RecordContext> {
    const [record] = this.tab.records;
    if (!record) return Promise.reject(new UefErrorData({ status: 'error', message: `Tab ${this.tab.tabId} has no record` }));
    return Promise.resolve(new RecordContext(this.connection, this.tab.tabId, record, RECORD_ACTIONS));
  }
  getDependentTabs(): Promise<TabContext[]> {
    return Promise.resolve([]);
  }
  getNotificationContext(notificationId: string): Promise<NotificationContext> {
    return Promise.resolve(new NotificationContext(this.connection, notificationId, NOTIFICATION_ACTIONS));
  }
  protected override objectContext(): ObjectContext {
    const [record] = this.tab.records;
    return new ObjectContext(record?.recordType ?? 'TAB', record?.recordId ?? '', this.tab.tabId);
  }
}

const tabsAnswer = z.object({ tabs: z.array(tabInfoSchema), activeTabId: z.optional(z.string()) });

/** The host's tabs and which one is active (the provider's and tabs' getters ask this). */
export async function tabsOf(connection: HostConnection): Promise<{ tabs: TabInfo[]; activeTabId: string | undefined }> {
  const result = await connection.publish('uef.getTabs', { propagateToTabs: false }, { kind: 'global' });
  const parsed = tabsAnswer.safeParse(result.data);
  return parsed.success ? { tabs: parsed.data.tabs, activeTabId: parsed.data.activeTabId } : { tabs: [], activeTabId: undefined };
}

export async function availableTabs(connection: HostConnection): Promise<TabContext[]> {
  return (await tabsOf(connection)).tabs.map((tab) => new TabContext(connection, tab));
}

function tabContextOf(value: unknown, connection: HostConnection): TabContext | undefined {
  const parsed = tabInfoSchema.safeParse(value);
  return parsed.success ? new TabContext(connection, parsed.data) : undefined;
}

const fieldsSchema = z.record(z.string(), z.string());

/** The response data of each operation of the other contexts, with the getters Oracle declares for it. */
function operationData(operationName: string, data: Payload, connection: HostConnection): unknown {
  const message = () => (typeof data.message === 'string' ? data.message : `${operationName} done`);
  switch (operationName) {
    case 'PopOperation':
      return tabContextOf(data.tab, connection);
    case 'FocusTab':
      return { getCurrentTab: () => tabContextOf(data.currentTab, connection), getPreviousTab: () => tabContextOf(data.previousTab, connection) };
    case 'CloseTab':
    case 'cxEventBusCloseTabOperation': {
      const tabId = String(data.tabId ?? '');
      return { getTabId: () => tabId, getMsiTabId: () => tabId, getMsiSubTabId: () => '' };
    }
    case 'cxEventBusGetFieldValueOperation': {
      const parsed = fieldsSchema.safeParse(data.fields);
      const fields = parsed.success ? parsed.data : {};
      return { getField: (name: string) => ({ getValue: () => fields[name] ?? '', getFieldName: () => name }) };
    }
    case 'cxEventBusSaveRecordOperation':
      return {
        getObjectType: () => String(data.objectType ?? ''),
        getObjectId: () => String(data.objectId ?? ''),
        getOldObjectId: () => String(data.oldObjectId ?? ''),
      };
    case 'ShowNotification':
    case 'CloseNotification':
      return { getNotificationId: () => String(data.notificationId ?? '') };
    case 'OpenModal':
    case 'OpenPopup':
    case 'CloseModal':
    case 'ClosePopup':
      return { getId: () => String(data.id ?? '') };
    default:
      return { getMessage: message };
  }
}
