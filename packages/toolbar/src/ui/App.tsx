import { useMemo, useRef } from 'preact/hooks';
import { isLoggedIn } from '../core/agent-state.ts';
import { linkLost } from '../core/connection-status.ts';
import type { CrmContacts } from '../core/crm-contacts.ts';
import type { Workspace } from '../core/workspace.ts';
import type { ExtensionsView } from '../extensions/start-extensions.tsx';
import type { Locale, Translate } from '../i18n/index.ts';
import { DialPad } from './DialPad.tsx';
import { ErrorList } from './ErrorList.tsx';
import { LinkBanner } from './LinkBanner.tsx';
import { useFocusKeeper } from './focus-keeper.ts';
import { FusionNotice, type FusionStatusSource } from './FusionNotice.tsx';
import { useCommandRunner, useContactsChanges, useModel } from './hooks.ts';
import { lazyComponent } from './lazy-component.tsx';
import { StatusHeader } from './StatusHeader.tsx';
import { ToolbarContext, useToolbar, type ToolbarServices } from './toolbar-context.ts';
import { callCards, hasLiveCall } from './view-model.ts';

/**
 * The media toolbar: the header (connection, agent state), then the calls — a card for each — and
 * the dial pad when no call is going on. It reads the workspace model and re-renders on its change
 * events; every button sends its command through the workspace.
 *
 * ```
 * App (ToolbarContext: workspace, contacts, translator, commands in flight; focus keeper)
 * ├─ StatusHeader: title, connection status ─ AgentStateControl ─ ReasonPicker
 * └─ main
 *    ├─ LinkBanner (the link lost, or what its loss cost), FusionNotice, ErrorList
 *    │  (while the link is lost, every control below is disabled: the workspace would refuse it)
 *    ├─ CallCardView (one per card, a chunk of its own: lazy-component.tsx) ─ IncomingCallCard | DialingCard | ActiveCallCard | WrapUpCard
 *    │     (each shows CallParty; ActiveCallCard ─ CallTimer, DtmfPad ─ Keypad, TransferPanel, ConsultPanel)
 *    └─ DialPad ─ Keypad
 * └─ ExtensionsArea (web extensions, when configured: extensions/ExtensionsArea.tsx)
 * ```
 */
/** The call cards are not needed to start: a chunk of their own, fetched once Fusion has the agent's state. */
export const callCardView = lazyComponent(() => import('./CallCardView.tsx').then((module) => module.CallCardView));

export interface AppProps {
  readonly workspace: Workspace;
  readonly contacts: CrmContacts;
  readonly t: Translate;
  readonly locale: Locale;
  readonly fusion: FusionStatusSource;
  /** The web extensions' view, when extensions are configured. */
  readonly extensions?: ExtensionsView | undefined;
}

export function App(props: AppProps) {
  const commands = useCommandRunner();
  const services = useMemo<ToolbarServices>(
    () => ({ workspace: props.workspace, contacts: props.contacts, t: props.t, locale: props.locale, commands }),
    [props.workspace, props.contacts, props.t, props.locale, commands],
  );
  return (
    <ToolbarContext.Provider value={services}>
      <Toolbar fusion={props.fusion} extensions={props.extensions} />
    </ToolbarContext.Provider>
  );
}

function Toolbar(props: { fusion: FusionStatusSource; extensions: ExtensionsView | undefined }) {
  const { workspace, contacts, locale } = useToolbar();
  const model = useModel(workspace);
  useContactsChanges(contacts);
  const cards = callCards(model.interactions);
  const root = useRef<HTMLDivElement>(null);
  useFocusKeeper(root);
  const lost = linkLost(model.connection);
  return (
    <div class={`toolbar${lost ? ' toolbar--link-lost' : ''}`} ref={root}>
      <StatusHeader agent={model.agent} connection={model.connection} reasons={model.reasonCodes} />
      <main class="toolbar-body">
        <LinkBanner connection={model.connection} outage={workspace.model.outage} interactions={model.interactions} agent={model.agent} />
        <FusionNotice source={props.fusion} />
        <ErrorList />
        <fieldset class="controls" disabled={lost}>
          {cards.map((card) => (
            <callCardView.Component key={card.interaction.eventId} card={card} />
          ))}
          {!hasLiveCall(model.interactions) && <DialPad loggedIn={isLoggedIn(model.agent)} />}
        </fieldset>
      </main>
      {props.extensions && <props.extensions locale={locale} />}
    </div>
  );
}
