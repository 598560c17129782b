import type { Clock } from '@ctikit/kernel';
import { HostConnection, type UefTransport } from './connection.ts';
import {
  availableTabs,
  GlobalContext,
  ModalWindowContext,
  NOTIFICATION_ACTIONS,
  NotificationContext,
  RecordContext,
  SidePaneContext,
  TabContext,
  tabsOf,
  UefContext,
} from './contexts.ts';
import { PhoneContext } from './phone-context.ts';
import { RequestHelper } from './requests.ts';
import { UefErrorData } from './responses.ts';
import { WORKSPACE_REQUEST_TYPES } from './workspace-requests.ts';

/**
 * The bootstrap chain of uef.md §1.2:
 * `initialize(appName, version?)` → IUiEventsFrameworkProvider → `getMultiChannelAdaptorContext()`
 * → `getCommunicationChannelContext('PHONE')`. `initialize` resolves only once the host has answered
 * the handshake, as Oracle's loader does.
 */

interface HostChannels {
  channels: string[];
  supportedActions: string[];
  supportedEvents: string[];
}

/** IMultiChannelAdaptorContext: an IContext of its own, and the door to the channel contexts. */
export class MultiChannelAdaptorContext extends UefContext {
  #phone: PhoneContext | undefined;

  constructor(
    connection: HostConnection,
    private readonly host: HostChannels,
    private readonly frameOrigin: string,
    private readonly version: string,
  ) {
    super(connection, { kind: 'mca' });
  }

  getActiveChannels(): Promise<string[]> {
    return Promise.resolve([...this.host.channels]);
  }

  getCommunicationChannelContext(channelType: string): Promise<PhoneContext> {
    if (channelType !== 'PHONE' || !this.host.channels.includes(channelType)) {
      return Promise.reject(new UefErrorData({ status: 'error', message: `Channel ${channelType} is not active` }));
    }
    this.#phone ??= new PhoneContext(this.connection, {
      supportedActions: this.host.supportedActions,
      supportedEvents: this.host.supportedEvents,
      frameOrigin: this.frameOrigin,
      version: this.version,
    });
    return Promise.resolve(this.#phone);
  }

  /** Disposes the channel contexts handed out, and this context's own subscriptions. */
  override dispose(): void {
    super.dispose();
    this.#phone?.dispose();
    this.#phone = undefined;
  }
}

/** The opener's tab id when the toolbar is not in a tab of its own: the media toolbar window's (uef.md §9). */
const TOOLBAR_TAB_ID = 'mcatbwin';

/** IUiEventsFrameworkProvider. */
export class UiEventsFrameworkProvider {
  readonly requestHelper = new RequestHelper(WORKSPACE_REQUEST_TYPES);
  readonly #mca: MultiChannelAdaptorContext;
  readonly #global: GlobalContext;

  constructor(
    private readonly connection: HostConnection,
    host: HostChannels,
    private readonly options: { frameOrigin: string; applicationName: string; version: string; onDispose(): void },
  ) {
    this.#mca = new MultiChannelAdaptorContext(connection, host, options.frameOrigin, options.version);
    this.#global = new GlobalContext(connection, { kind: 'global' }, ['PopOperation', 'OpenModal', 'CloseModal', 'OpenPopup', 'ClosePopup']);
  }

  getVersion(): string {
    return this.options.version;
  }

  getApplicationName(): string {
    return this.options.applicationName;
  }

  getMultiChannelAdaptorContext(): Promise<MultiChannelAdaptorContext> {
    return Promise.resolve(this.#mca);
  }

  getGlobalContext(): Promise<GlobalContext> {
    return Promise.resolve(this.#global);
  }

  /** The tab the toolbar runs in: Fusion's media toolbar window. */
  getCurrentTabId(): Promise<string> {
    return Promise.resolve(TOOLBAR_TAB_ID);
  }

  async getActiveTabId(): Promise<string> {
    return (await tabsOf(this.connection)).activeTabId ?? TOOLBAR_TAB_ID;
  }

  getAvailableTabs(): Promise<TabContext[]> {
    return availableTabs(this.connection);
  }

  /** The active tab; with no record tab open, the Fusion page's own (records open there as new tabs). */
  async getActiveTab(): Promise<TabContext> {
    const { tabs, activeTabId } = await tabsOf(this.connection);
    const active = tabs.find((tab) => tab.tabId === activeTabId);
    return new TabContext(this.connection, active ?? { tabId: TOOLBAR_TAB_ID, type: 'BROWSER_TAB', records: [] });
  }

  /** A tab by its id (the MSI tab id, else the browser tab id); without one, the active tab (the opener). */
  async getTabContext(browserTabId?: string, msiTabId?: string): Promise<TabContext> {
    const wanted = msiTabId ?? browserTabId;
    if (wanted === undefined) return this.getActiveTab();
    const { tabs } = await tabsOf(this.connection);
    const tab = tabs.find((candidate) => candidate.tabId === wanted);
    if (!tab) throw new UefErrorData({ status: 'error', message: `No tab ${wanted}` });
    return new TabContext(this.connection, tab);
  }

  /** The browser tab's context: Fusion's page, where PopOperation opens records. */
  getCurrentBrowserTabContext(): Promise<TabContext> {
    return Promise.resolve(new TabContext(this.connection, { tabId: TOOLBAR_TAB_ID, type: 'BROWSER_TAB', records: [] }));
  }

  async getAvailableRecords(tabId?: string): Promise<RecordContext[]> {
    const tabs = tabId === undefined ? await this.getAvailableTabs() : [await this.getTabContext(tabId)];
    return (await Promise.all(tabs.map((tab) => tab.getAvailableRecords()))).flat();
  }

  getModalWindowContext(): Promise<ModalWindowContext> {
    return Promise.resolve(new ModalWindowContext(this.connection, { kind: 'modalWindow' }, ['OpenModal', 'CloseModal', 'OpenPopup', 'ClosePopup']));
  }

  getSidePaneContext(sidePaneId: string): Promise<SidePaneContext> {
    return Promise.resolve(new SidePaneContext(this.connection, sidePaneId, ['ExpandSidePane', 'CollapseSidePane', 'UpdateSidePane']));
  }

  getNotificationContext(notificationId: string): Promise<NotificationContext> {
    return Promise.resolve(new NotificationContext(this.connection, notificationId, NOTIFICATION_ACTIONS));
  }

  /** Ends every subscription and stops talking to the host. */
  dispose(): void {
    this.#mca.dispose();
    this.connection.dispose();
    this.options.onDispose();
  }
}

export interface FrameworkEnvironment {
  transport: UefTransport;
  clock: Clock;
  toolbarName: string;
  /** The toolbar frame's own origin (IPhoneContext.getFrameOrigin). */
  frameOrigin: string;
}

/**
 * `CX_SVC_UI_EVENTS_FRAMEWORK.uiEventsFramework`. One provider per page: `initialize` hands out the
 * same one until it is disposed. The environment is read on the first call, so a page that is not
 * framed by the host gets a rejected promise with the reason, not an exception at load.
 */
export class UiEventsFramework {
  #current: Promise<UiEventsFrameworkProvider> | undefined;

  constructor(private readonly environment: () => FrameworkEnvironment) {}

  initialize(applicationName: string, version = 'v1'): Promise<UiEventsFrameworkProvider> {
    if (typeof applicationName !== 'string' || applicationName.length === 0) {
      return Promise.reject(new UefErrorData({ status: 'error', message: 'initialize() needs an application name' }));
    }
    this.#current ??= this.#connect(applicationName, version);
    return this.#current;
  }

  async #connect(applicationName: string, version: string): Promise<UiEventsFrameworkProvider> {
    let environment: FrameworkEnvironment;
    try {
      environment = this.environment();
    } catch (error) {
      this.#current = undefined;
      throw error;
    }
    const connection = new HostConnection(environment.transport, environment.clock, environment.toolbarName);
    const host = await connection.handshake(applicationName, version);
    return new UiEventsFrameworkProvider(connection, host, {
      frameOrigin: environment.frameOrigin,
      applicationName,
      version,
      onDispose: () => (this.#current = undefined),
    });
  }
}
