import { ManualClock } from '@ctikit/kernel';
import { createServiceClient, type ClientWindow, type MessageEventLike, type PostTarget, type WweService } from '@ctikit/service-client';
import { Workspace } from '../../../src/core/workspace.ts';
import type { DesktopOptions } from '../../../src/extensions/desktop-options.ts';
import { parseExtensionsSetup } from '../../../src/extensions/extension-views.ts';
import { ExtensionsHost } from '../../../src/extensions/extensions-host.ts';
import { MemoryVendor } from '../../core/support/memory-vendor.ts';

/**
 * The toolbar's extensions host over a real Workspace (with the core tests' in-memory vendor), and
 * extension pages running the real client library, linked by an in-memory postMessage: a frame's
 * messages reach the host with the frame's window as source and its page's origin; what the host
 * posts reaches the page only when the target origin is the page's (as a browser does), a task
 * later. No browser: the browser-level wiring is covered by the Playwright specs.
 */
export const TOOLBAR = 'https://toolbar.example.com';
export const CRM = 'https://crm.example.com';

export interface Toolbar {
  readonly workspace: Workspace;
  readonly vendor: MemoryVendor;
  readonly host: ExtensionsHost;
  readonly clock: ManualClock;
  readonly problems: readonly string[];
}

export async function startToolbar(options: DesktopOptions): Promise<Toolbar> {
  const vendor = new MemoryVendor();
  let ids = 0;
  const workspace = new Workspace({ vendor, newEventId: () => `dial-${++ids}` });
  await workspace.start();
  const { value: setup, problems } = parseExtensionsSetup(options, 'en');
  const clock = new ManualClock();
  const host = new ExtensionsHost({
    workspace,
    setup,
    toolbarOrigin: TOOLBAR,
    agent: { employeeId: 'agent1', username: 'agent1', roles: ['ROLE_AGENT'] },
    clock,
    newEventId: () => `dial-${++ids}`,
  });
  return { workspace, vendor, host, clock, problems };
}

/** The options of a toolbar with one workspace tab from `origin`, plus `workspace` options. */
export function oneExtension(workspaceOptions: Record<string, string> = {}, origin = CRM): DesktopOptions {
  return {
    'interaction-workspace': {
      'workspace.web-content': 'Crm',
      'service-client-api.accepted-web-content-origins': `${CRM} (*)`,
      ...workspaceOptions,
    },
    Crm: { label: 'CRM', url: `${origin}/app` },
  };
}

/** What the host posted to a frame, with the target origin it named. */
export interface Posted {
  readonly message: Record<string, unknown>;
  readonly targetOrigin: string;
}

export class ExtensionPage implements ClientWindow {
  /** Everything the host posted to this frame's window, delivered or not. */
  readonly received: Posted[] = [];
  readonly opener = null;
  readonly parent: PostTarget;
  /** The frame's window, as the host sees it. */
  readonly frameWindow: PostTarget;
  private readonly listeners = new Set<(event: MessageEventLike) => void>();

  constructor(
    host: ExtensionsHost,
    readonly origin: string,
  ) {
    this.parent = {
      postMessage: (message, targetOrigin) => {
        if (targetOrigin !== TOOLBAR && targetOrigin !== '*') return;
        const data = structuredClone(message);
        setTimeout(() => host.receive(this.frameWindow, this.origin, data), 0);
      },
    };
    this.frameWindow = {
      postMessage: (message, targetOrigin) => {
        const data = structuredClone(message) as Record<string, unknown>;
        this.received.push({ message: data, targetOrigin });
        if (targetOrigin !== this.origin && targetOrigin !== '*') return;
        setTimeout(() => {
          for (const listener of [...this.listeners]) listener({ data, origin: TOOLBAR, source: this.parent });
        }, 0);
      },
    };
  }

  addEventListener(_type: 'message', listener: (event: MessageEventLike) => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: (event: MessageEventLike) => void): void {
    this.listeners.delete(listener);
  }

  /** The events the page was sent, as `topic eventType`. */
  events(topic?: string): Array<Record<string, unknown> & { eventType: string }> {
    return this.received
      .map((posted) => posted.message)
      .filter((message) => message['event'] !== undefined && (topic === undefined || message['event'] === topic))
      .map((message) => message['data'] as Record<string, unknown> & { eventType: string });
  }
}

export interface OpenedExtension {
  readonly page: ExtensionPage;
  readonly service: WweService;
  readonly clientClock: ManualClock;
}

/** Attach a page at `origin` to the host's frame `key`, load it, and start the client library in it. */
export function openExtension(host: ExtensionsHost, key = 'workspace:Crm', origin = CRM): OpenedExtension {
  const page = new ExtensionPage(host, origin);
  host.attach(key, page.frameWindow);
  host.frameLoaded(key);
  const clientClock = new ManualClock();
  const service = createServiceClient({ window: page, hostOrigin: TOOLBAR, clock: clientClock });
  return { page, service, clientClock };
}

/** Let every queued message and promise reaction run. */
export async function flush(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
