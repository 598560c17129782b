import type { FusionSession } from '../fusion-session.ts';
import type { RecordTab } from '../fusion-state.ts';

/**
 * Fusion's record tabs: what PopOperation opened (a screen pop, a record the agent asked for), the
 * active one with its fields. The agent can switch tabs and close them.
 */
export function RecordTabs(props: { tabs: readonly RecordTab[]; activeTabId: string | undefined; session: FusionSession }) {
  const { tabs, activeTabId, session } = props;
  if (tabs.length === 0) return null;
  const active = tabs.find((tab) => tab.tabId === activeTabId) ?? tabs[tabs.length - 1];
  return (
    <section class="record-tabs" aria-label="Records">
      <div role="tablist" aria-label="Open records">
        {tabs.map((tab) => (
          <span key={tab.tabId} class="record-tab">
            <button
              type="button"
              role="tab"
              id={`record-tab-${tab.tabId}`}
              aria-selected={tab === active}
              aria-controls={`record-panel-${tab.tabId}`}
              onClick={() => session.focusTab(tab.tabId)}
            >
              {tab.title}
            </button>
            <button type="button" class="record-tab-close" aria-label={`Close ${tab.title}`} onClick={() => session.closeTab(tab.tabId)}>
              ×
            </button>
          </span>
        ))}
      </div>
      {active && (
        <div role="tabpanel" id={`record-panel-${active.tabId}`} aria-labelledby={`record-tab-${active.tabId}`}>
          <h3>{active.recordType}</h3>
          <dl>
            {Object.entries(active.fields).map(([name, value]) => (
              <div key={name}>
                <dt>{name.slice(name.indexOf('.') + 1)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
}
