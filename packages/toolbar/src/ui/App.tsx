import type { ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Shortcuts } from '../config.ts';
import { isLoggedIn } from '../core/agent-state.ts';
import { linkLost } from '../core/connection-status.ts';
import type { CrmContacts } from '../core/crm-contacts.ts';
import type { RecentCallsStore } from '../core/recent-calls.ts';
import type { Workspace } from '../core/workspace.ts';
import type { ExtensionsView } from '../extensions/start-extensions.tsx';
import type { Locale, Translate } from '../i18n/index.ts';
import { DialPad } from './DialPad.tsx';
import { ErrorList } from './ErrorList.tsx';
import { LinkBanner } from './LinkBanner.tsx';
import { useFocusKeeper } from './focus-keeper.ts';
import { FusionNotice, type FusionStatusSource } from './FusionNotice.tsx';
import { useCommandRunner, useContactsChanges, useModel, useNumberFormat } from './hooks.ts';
import { lazyComponent } from './lazy-component.tsx';
import { CampaignsSlot } from './OutboundSlots.tsx';
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
 *    ├─ CampaignsSlot (outbound campaigns and the offered preview record, loaded on demand: outbound/outbound-ui.tsx)
 *    ├─ CallCardView (one per card, a chunk of its own: lazy-component.tsx) ─ IncomingCallCard | DialingCard | ActiveCallCard | WrapUpCard (─ RecordWrapUpSlot)
 *    │     (each shows CallParty; ActiveCallCard ─ CallTimer, DtmfPad ─ Keypad, TransferPanel, ConsultPanel)
 *    ├─ DialPad ─ Keypad
 *    └─ AgentTools (loaded after the first render: agent-tools/) ─ Recent | My day | Queues | Shortcuts tabs;
 *       the keyboard shortcuts and the ring of an incoming call
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
  /** The agent's region (ISO 3166 code): its numbers read in national format, others in international. */
  readonly phoneRegion: string;
  /** The web extensions' view, when extensions are configured. */
  readonly extensions?: ExtensionsView | undefined;
  readonly shortcuts: Shortcuts;
  /** Where the agent's recent calls are kept between sessions. */
  readonly recentCallsStore: RecentCallsStore;
}

export function App(props: AppProps) {
  const commands = useCommandRunner();
  const formatNumber = useNumberFormat(props.phoneRegion);
  const services = useMemo<ToolbarServices>(
    () => ({ workspace: props.workspace, contacts: props.contacts, t: props.t, locale: props.locale, commands, formatNumber, shortcuts: props.shortcuts }),
    [props.workspace, props.contacts, props.t, props.locale, commands, formatNumber, props.shortcuts],
  );
  return (
    <ToolbarContext.Provider value={services}>
      <Toolbar fusion={props.fusion} extensions={props.extensions} recentCallsStore={props.recentCallsStore} />
    </ToolbarContext.Provider>
  );
}

type AgentToolsView = ComponentType<{ recentCallsStore: RecentCallsStore }>;

/** The agent tools' chunk, fetched once the toolbar has rendered: nothing of it is needed to show the first state. */
function useAgentTools(): AgentToolsView | undefined {
  const [view, setView] = useState<AgentToolsView | undefined>(undefined);
  useEffect(() => {
    void import('./agent-tools/AgentTools.tsx').then((module) => setView(() => module.AgentTools));
  }, []);
  return view;
}

function Toolbar(props: { fusion: FusionStatusSource; extensions: ExtensionsView | undefined; recentCallsStore: RecentCallsStore }) {
  const { workspace, contacts, locale } = useToolbar();
  const model = useModel(workspace);
  useContactsChanges(contacts);
  const cards = callCards(model.interactions);
  const root = useRef<HTMLDivElement>(null);
  useFocusKeeper(root);
  const lost = linkLost(model.connection);
  const AgentTools = useAgentTools();
  return (
    <div class={`toolbar${lost ? ' toolbar--link-lost' : ''}`} ref={root}>
      <StatusHeader agent={model.agent} connection={model.connection} reasons={model.reasonCodes} identity={model.identity} interactions={model.interactions} />
      <main class="toolbar-body">
        <LinkBanner connection={model.connection} outage={workspace.model.outage} interactions={model.interactions} agent={model.agent} />
        <FusionNotice source={props.fusion} />
        <ErrorList />
        <fieldset class="controls" disabled={lost}>
          <CampaignsSlot model={model} />
          {cards.map((card) => (
            <callCardView.Component key={card.interaction.eventId} card={card} />
          ))}
          {!hasLiveCall(model.interactions) && <DialPad loggedIn={isLoggedIn(model.agent)} />}
        </fieldset>
        {AgentTools && <AgentTools recentCallsStore={props.recentCallsStore} />}
      </main>
      {props.extensions && <props.extensions locale={locale} />}
    </div>
  );
}
