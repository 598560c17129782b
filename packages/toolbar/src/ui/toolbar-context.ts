import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Shortcuts } from '../config.ts';
import type { CrmContacts } from '../core/crm-contacts.ts';
import type { Workspace } from '../core/workspace.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { CommandRunner } from './hooks.ts';

/**
 * What every component of the toolbar reaches: the workspace (the one door for commands, and its
 * model to read), the CRM's contacts, the translator, and the runner that keeps track of the
 * commands in flight so their buttons are disabled until the outcome is in, the phone-number formatter,
 * and the call controls' keyboard shortcuts (which their buttons announce with aria-keyshortcuts).
 */
export interface ToolbarServices {
  readonly workspace: Workspace;
  readonly contacts: CrmContacts;
  readonly t: Translate;
  readonly locale: Locale;
  readonly commands: CommandRunner;
  /** A phone number as the agent reads it (formatted once the formatter has loaded; as given until then). */
  readonly formatNumber: (number: string) => string;
  readonly shortcuts: Shortcuts;
}

export const ToolbarContext = createContext<ToolbarServices | undefined>(undefined);

export function useToolbar(): ToolbarServices {
  const services = useContext(ToolbarContext);
  if (!services) throw new Error('A toolbar component was rendered outside <App>.');
  return services;
}
