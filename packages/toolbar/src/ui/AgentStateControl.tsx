import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AgentState } from '../core/agent-state.ts';
import type { ReasonCode } from '../core/outcome.ts';
import { ReasonPicker } from './ReasonPicker.tsx';
import { useToolbar } from './toolbar-context.ts';
import { agentControls, agentStateText, choosableReasons, say } from './view-model.ts';

/**
 * The agent's state and the availability controls: Go available, Go not ready (with a reason picker
 * when the vendor has reasons; Change reason when already not ready), Log out. The state shown is the
 * model's: a button only sends the command, and the state moves when the vendor says so. While the
 * link is lost (`stale`) the state shown is the last known one, greyed, and the controls are disabled.
 */
export function AgentStateControl(props: { agent: AgentState; reasons: readonly ReasonCode[]; stale: boolean }) {
  const { t, workspace, commands } = useToolbar();
  const [picking, setPicking] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const pickerId = useId();
  const toggleId = useId();
  // A change of state, a call coming or going, or the link's loss closes the reason menu.
  const calls = workspace.model.interactions.length;
  useEffect(() => setPicking(false), [props.agent, props.stale, calls]);
  const controls = agentControls(props.agent, props.reasons);
  const reasons = choosableReasons(props.agent, props.reasons);
  const stateKind = props.agent.kind;

  const goAvailable = () => void commands.run('makeAgentAvailable', () => workspace.execute('makeAgentAvailable'));
  const goNotReady = (reasonCode?: string) => {
    setPicking(false);
    toggle.current?.focus();
    void commands.run('makeAgentUnavailable', () => workspace.execute('makeAgentUnavailable', reasonCode));
  };
  const closePicker = () => {
    setPicking(false);
    toggle.current?.focus();
  };
  const unavailablePending = commands.isPending('makeAgentUnavailable');

  return (
    <section class="agent-state" aria-label={t('agent.stateMenu')} data-focus-scope>
      <p class={`agent-state-text agent-state-text--${props.stale ? 'stale' : stateKind}`} aria-live="polite">
        <span class="agent-state-dot" aria-hidden="true" />
        {say(t, agentStateText(props.agent, props.reasons))}
      </p>
      <fieldset class="agent-actions" disabled={props.stale}>
        {controls.makeAvailable && (
          <button type="button" class="button button--primary" onClick={goAvailable} disabled={commands.isPending('makeAgentAvailable')}>
            {t('agent.makeAvailable')}
          </button>
        )}
        {controls.unavailable &&
          (reasons.length > 0 ? (
            <button
              ref={toggle}
              id={toggleId}
              type="button"
              class="button"
              aria-haspopup="menu"
              aria-expanded={picking}
              aria-controls={picking ? pickerId : undefined}
              onClick={() => setPicking(!picking)}
              disabled={unavailablePending}
            >
              {t(controls.unavailable === 'changeReason' ? 'agent.changeReason' : 'agent.makeUnavailable')}
            </button>
          ) : (
            <button type="button" class="button" onClick={() => goNotReady()} disabled={unavailablePending}>
              {t('agent.makeUnavailable')}
            </button>
          ))}
        {controls.logout && (
          <button
            type="button"
            class="button button--quiet"
            onClick={() => void commands.run('logout', () => workspace.execute('logout'))}
            disabled={commands.isPending('logout')}
          >
            {t('agent.logout')}
          </button>
        )}
      </fieldset>
      {picking && controls.unavailable && (
        <ReasonPicker
          id={pickerId}
          labelledBy={toggleId}
          reasons={reasons}
          offerNoReason={controls.unavailable === 'goNotReady'}
          onPick={goNotReady}
          onClose={closePicker}
        />
      )}
    </section>
  );
}
