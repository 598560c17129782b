import { useEffect, useRef, useState } from 'preact/hooks';
import type { FusionSession } from '../fusion-session.ts';
import type { AgentPresence, CommandProgress } from '../fusion-state.ts';

/**
 * Fusion's global header with the phone icon: disabled until the toolbar's first
 * agentStateEventOperation, then showing Available/Unavailable and the state display string. Its
 * menu sends onToolbarAgentCommand makeAvailable/makeUnavailable; the label changes only when the
 * toolbar publishes the new agent state.
 */
export function GlobalHeader(props: { session: FusionSession; agent: AgentPresence | undefined; agentCommand: CommandProgress | undefined; agentId: string }) {
  const { agent, agentCommand, session } = props;
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent): void => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const status = !agent ? 'Phone unavailable' : !agent.isLoggedIn ? 'Logged out' : agent.isAvailable ? 'Available' : 'Unavailable';
  const detail = agent ? agent.stateDisplayString : 'Waiting for the media toolbar';
  const pending = agentCommand?.status === 'pending';

  const choose = (available: boolean): void => {
    setOpen(false);
    void session.setAvailability(available);
  };

  return (
    <header class="fusion-header">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span class="brand-name">Fusion Service</span>
        <span class="brand-tag">Simulator</span>
      </div>
      <div class="header-actions" ref={menu}>
        <button
          type="button"
          class={`phone-button ${agent ? (agent.isAvailable ? 'is-available' : 'is-unavailable') : ''}`}
          disabled={!agent}
          aria-haspopup="menu"
          aria-expanded={open}
          aria-label={`Phone: ${status}${agent && detail !== status ? ` (${detail})` : ''}`}
          title={agent ? 'Change your phone availability' : 'Enabled once the media toolbar reports the agent state'}
          onClick={() => setOpen(!open)}
        >
          <span class="phone-icon" aria-hidden="true">
            ☎
          </span>
          <span class="phone-status">{status}</span>
          {detail !== status && <span class="phone-detail">{detail}</span>}
        </button>
        {open && agent && (
          <div class="menu" role="menu" aria-label="Phone availability">
            <button type="button" role="menuitem" disabled={pending} onClick={() => choose(true)}>
              Make available
            </button>
            <button type="button" role="menuitem" disabled={pending} onClick={() => choose(false)}>
              Make unavailable
            </button>
          </div>
        )}
        {pending && (
          <span class="header-note" role="status">
            {agentCommand.command === 'makeAvailable' ? 'Making you available…' : 'Making you unavailable…'}
          </span>
        )}
        {agentCommand?.status === 'failed' && (
          <span class="header-note is-error" role="alert">
            {agentCommand.command === 'makeAvailable' ? 'Could not make you available' : 'Could not make you unavailable'}: {agentCommand.message}
          </span>
        )}
        <span class="agent-chip" title={`Signed in as ${props.agentId}`}>
          {props.agentId}
        </span>
      </div>
    </header>
  );
}
