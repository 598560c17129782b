import type { FunctionComponent } from 'preact';
import type { Logger } from '../core/logger.ts';
import type { Workspace } from '../core/workspace.ts';
import type { Locale } from '../i18n/index.ts';
import { ExtensionsArea } from './ExtensionsArea.tsx';
import type { DesktopOptions } from './desktop-options.ts';
import { parseExtensionsSetup } from './extension-views.ts';
import { ExtensionsHost } from './extensions-host.ts';
import { listenToExtensions } from './window-link.ts';

/**
 * The app shell's entry to the extensions, loaded on demand: read the administrator's options, say
 * what could not be used, and when views are configured, start the host, listen to the window and
 * give the toolbar the view that shows them. No views, no host: the toolbar then answers no Service
 * Client API message at all.
 */
export type ExtensionsView = FunctionComponent<{ locale: Locale }>;

export interface ExtensionsStart {
  readonly options: DesktopOptions;
  readonly workspace: Workspace;
  readonly window: Window;
  /** The signed-in agent, when the configuration names one (dev mode). */
  readonly agentId: string | undefined;
  /** The agent's language, for the views' labels and pages (`label.ja`, `{locale}`). */
  readonly locale: Locale;
  readonly logger: Logger;
}

export function startExtensions(start: ExtensionsStart): ExtensionsView | undefined {
  const { value: setup, problems } = parseExtensionsSetup(start.options, start.locale);
  for (const problem of problems) start.logger.warn({ problem }, 'web extensions: an option could not be used');
  if (setup.views.length === 0) return undefined;
  const agentId = start.agentId ?? '';
  const host = new ExtensionsHost({
    workspace: start.workspace,
    setup,
    toolbarOrigin: start.window.location.origin,
    agent: { employeeId: agentId, username: agentId, roles: ['ROLE_AGENT'] },
    logger: start.logger,
  });
  listenToExtensions(start.window, host);
  start.logger.info({ views: setup.views.map((view) => view.name) }, 'web extensions started');
  return ({ locale }) => <ExtensionsArea host={host} locale={locale} />;
}
