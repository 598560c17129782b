import type { ContactDirectory } from '../contact-directory.ts';
import { formatNumber } from '../contact-directory.ts';
import type { FusionSession } from '../fusion-session.ts';
import { InteractionPanel } from './CallPanels.tsx';
import { ContactsPanel, DialRequests } from './ContactsPanel.tsx';
import { EventLog } from './EventLog.tsx';
import { GlobalHeader } from './GlobalHeader.tsx';
import { RecordTabs } from './RecordTabs.tsx';
import { useFusionState } from './hooks.ts';
import { ToolbarPanel } from './ToolbarPanel.tsx';

/** The simulated Fusion Service window: global header, media toolbar, work area and event log. */
export function FusionApp(props: {
  session: FusionSession;
  directory: ContactDirectory;
  toolbarFrameUrl: string;
  frameRef: (frame: HTMLIFrameElement | null) => void;
}) {
  const { session } = props;
  const state = useFusionState(session);
  return (
    <div class="fusion">
      <GlobalHeader session={session} agent={state.agent} agentCommand={state.agentCommand} agentId={session.config.agentId} />
      <div class="fusion-body">
        <ToolbarPanel state={state} frameUrl={props.toolbarFrameUrl} frameRef={props.frameRef} />
        <main class="workspace">
          <section class="calls" aria-label="Calls">
            {state.interactions.map((interaction) => (
              <InteractionPanel key={interaction.eventId} interaction={interaction} session={session} />
            ))}
            <DialRequests dials={state.dials} session={session} />
            {state.interactions.length === 0 && state.dials.length === 0 && <p class="empty">No calls. Incoming calls and your engagements appear here.</p>}
            {state.recent.length > 0 && (
              <div class="recent">
                <h3 id="recent-title">Recent interactions</h3>
                <ul aria-labelledby="recent-title">
                  {state.recent.map((closed) => (
                    <li key={`${closed.eventId}-${closed.at}`}>
                      {closed.direction === 'inbound' ? 'From' : 'To'} {closed.name ?? formatNumber(closed.number)} — {closed.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <RecordTabs tabs={state.tabs} activeTabId={state.activeTabId} session={session} />
          <ContactsPanel directory={props.directory} session={session} />
          <EventLog log={state.log} session={session} />
        </main>
      </div>
    </div>
  );
}
