import type { Clock } from '@ctikit/kernel';
import { HostConnection, type UefTransport } from './connection.ts';
import { PhoneContext } from './phone-context.ts';
import { RequestHelper } from './requests.ts';
import { UefErrorData } from './responses.ts';

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

/** IMultiChannelAdaptorContext. */
export class MultiChannelAdaptorContext {
  #phone: PhoneContext | undefined;

  constructor(
    private readonly connection: HostConnection,
    private readonly host: HostChannels,
    private readonly frameOrigin: string,
    private readonly version: string,
  ) {}

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

  getSupportedEvents(): string[] {
    return [];
  }

  getSupportedActions(): string[] {
    return [];
  }

  /** Disposes the channel contexts handed out. */
  dispose(): void {
    this.#phone?.dispose();
    this.#phone = undefined;
  }
}

/** IUiEventsFrameworkProvider. */
export class UiEventsFrameworkProvider {
  readonly requestHelper = new RequestHelper();
  readonly #mca: MultiChannelAdaptorContext;

  constructor(
    private readonly connection: HostConnection,
    host: HostChannels,
    private readonly options: { frameOrigin: string; applicationName: string; version: string; onDispose(): void },
  ) {
    this.#mca = new MultiChannelAdaptorContext(connection, host, options.frameOrigin, options.version);
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
