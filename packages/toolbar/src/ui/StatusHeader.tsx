import type { AgentState } from '../core/agent-state.ts';
import { linkLost, type ConnectionStatus } from '../core/connection-status.ts';
import type { Interaction } from '../core/interaction.ts';
import type { ReasonCode } from '../core/outcome.ts';
import type { AgentIdentity } from '../core/vendor-events.ts';
import { AgentStateControl } from './AgentStateControl.tsx';
import { useToolbar } from './toolbar-context.ts';
import { connectionView, headerTone, say } from './view-model.ts';

/**
 * The header, always visible: who is signed in (the agent's name and extension, as the contact
 * center names them), what the agent is doing, in its colour and in words (Available green, Not
 * ready amber, on a call blue, wrap-up purple, disconnected or logged out grey), the link to the
 * telephony vendor (a polite live region, so a screen reader hears "Reconnecting…" and "Connected" as
 * they happen) and the agent's state with its controls.
 */
export function StatusHeader(props: {
  agent: AgentState;
  connection: ConnectionStatus;
  reasons: readonly ReasonCode[];
  identity: AgentIdentity;
  interactions: readonly Interaction[];
}) {
  const { t } = useToolbar();
  const connection = connectionView(props.connection);
  const { name, dn } = props.identity;
  const tone = headerTone(props.agent, props.interactions, props.connection);
  return (
    <header class={`status-header status-header--${tone}`}>
      <div class="status-line">
        <div class="agent-identity">
          <h1 class="app-title">{t('app.title')}</h1>
          {(name !== undefined || dn !== undefined) && (
            <p class="agent-who">
              {name !== undefined && <span class="agent-name">{name}</span>}
              {dn !== undefined && (
                <span class="agent-dn" dir="ltr">
                  {t('agent.extension', { dn })}
                </span>
              )}
            </p>
          )}
          <p class="activity">{t(`activity.${tone}`)}</p>
        </div>
        <p class={`connection connection--${connection.tone}`} role="status" aria-label={t('connection.label')}>
          <span class="connection-dot" aria-hidden="true" />
          <span>{say(t, connection.text)}</span>
        </p>
      </div>
      <AgentStateControl agent={props.agent} reasons={props.reasons} stale={linkLost(props.connection)} />
    </header>
  );
}
