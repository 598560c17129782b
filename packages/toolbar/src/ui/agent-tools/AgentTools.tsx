import { systemClock } from '@ctikit/kernel';
import { useEffect, useId, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { AgentDay } from '../../core/agent-day.ts';
import { RecentCalls, type RecentCallsStore } from '../../core/recent-calls.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useToolbar } from '../toolbar-context.ts';
import { DayPanel } from './DayPanel.tsx';
import { QueuesPanel } from './QueuesPanel.tsx';
import { RecentPanel } from './RecentPanel.tsx';
import { Ring } from './ring.ts';
import { shortcutAction, shortcutCommand } from './shortcuts.ts';
import { ShortcutsPanel } from './ShortcutsPanel.tsx';
import './agent-tools.css';

/**
 * What agents of the big desktops have beside the call controls, loaded after the toolbar's first
 * render (a chunk of its own): the Recent / My day / Queues / Shortcuts tabs under the calls, the
 * call controls' keyboard shortcuts, and the ring of an incoming call. The tabs follow the WAI-ARIA
 * tabs pattern (arrow keys, Home, End move between them); their panel scrolls within a bounded
 * height, so it never pushes a call's controls out of view.
 */
export interface AgentToolsProps {
  readonly recentCallsStore: RecentCallsStore;
}

type Tab = 'recent' | 'myDay' | 'queues' | 'shortcuts';

const TABS: readonly { readonly id: Tab; readonly label: MessageKey }[] = [
  { id: 'recent', label: 'tools.recent' },
  { id: 'myDay', label: 'tools.myDay' },
  { id: 'queues', label: 'tools.queues' },
  { id: 'shortcuts', label: 'tools.shortcuts' },
];

export function AgentTools(props: AgentToolsProps) {
  const { t, workspace, contacts, shortcuts, commands } = useToolbar();
  const recent = useMemo(() => new RecentCalls(workspace.model, contacts, props.recentCallsStore), [workspace, contacts, props.recentCallsStore]);
  const day = useMemo(() => new AgentDay(workspace.model, systemClock), [workspace]);
  useEffect(() => () => recent.dispose(), [recent]);
  useEffect(() => () => day.dispose(), [day]);
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const stops = [
      workspace.model.on('interactionChanged', () => changed(undefined)),
      workspace.model.on('interactionClosed', () => changed(undefined)),
      workspace.model.on('agentChanged', () => changed(undefined)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [workspace]);

  // The ring: on while any call rings at the agent.
  const [soundBlocked, setSoundBlocked] = useState(false);
  const ring = useMemo(
    () => new Ring({ document, sound: !workspace.vendorRings, ringingTitle: t('ring.title'), onSoundBlocked: setSoundBlocked }),
    [t, workspace],
  );
  useEffect(() => () => ring.dispose(), [ring]);
  const ringing = workspace.model.interactions.some((interaction) => interaction.state === 'offered');
  useEffect(() => ring.set(ringing), [ring, ringing]);

  // The shortcuts: keys pressed in the toolbar's frame (an iframe: only while it has the focus).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat) return;
      const action = shortcutAction(shortcuts, event);
      if (!action) return;
      event.preventDefault();
      const target = shortcutCommand(action, workspace.model.interactions);
      if (target) void commands.run(`${target.command}:${target.eventId}`, () => workspace.execute(target.command, target.eventId));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shortcuts, workspace, commands]);

  const [tab, setTab] = useState<Tab>('recent');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const baseId = useId();
  const onTabKey = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const wrapped = (next + TABS.length) % TABS.length;
    const entry = TABS[wrapped];
    if (!entry) return;
    setTab(entry.id);
    tabs.current[wrapped]?.focus();
  };

  return (
    <section class="agent-tools" aria-label={t('tools.label')} data-focus-scope>
      {ringing && soundBlocked && (
        <button type="button" class="button ring-hint" onClick={() => ring.enableSound()}>
          {t('ring.enableSound')}
        </button>
      )}
      <div class="tool-tabs" role="tablist" aria-label={t('tools.label')}>
        {TABS.map((entry, index) => (
          <button
            key={entry.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            id={`${baseId}-tab-${entry.id}`}
            type="button"
            role="tab"
            class="tool-tab"
            aria-selected={tab === entry.id}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === entry.id ? 0 : -1}
            onClick={() => setTab(entry.id)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {t(entry.label)}
          </button>
        ))}
      </div>
      <div id={`${baseId}-panel`} class="tool-panel" role="tabpanel" aria-labelledby={`${baseId}-tab-${tab}`} tabIndex={0}>
        {tab === 'recent' && <RecentPanel recent={recent} />}
        {tab === 'myDay' && <DayPanel day={day} />}
        {tab === 'queues' && <QueuesPanel />}
        {tab === 'shortcuts' && <ShortcutsPanel />}
      </div>
    </section>
  );
}
