import { useId } from 'preact/hooks';
import type { Interaction } from '../core/interaction.ts';
import { CallParty } from './CallParty.tsx';
import { useNow } from './hooks.ts';
import { RecordWrapUpSlot } from './OutboundSlots.tsx';
import { useToolbar } from './toolbar-context.ts';
import { callStatusText, formatDuration, say, talkTime } from './view-model.ts';

/**
 * An ended call waiting for its wrap-up: how it ended, how long it lasted, the time left when the
 * contact center's after-call work is timed, and Done, which closes the interaction (and ends the
 * after-call work). Fusion's own wrap-up closes it too (the Fusion adapter does), as does the end of
 * the after-call work at the contact center; the card goes with it.
 */
export function WrapUpCard(props: { interaction: Interaction }) {
  const { t, workspace } = useToolbar();
  const { agent } = workspace.model;
  const { interaction } = props;
  const titleId = useId();
  const duration = talkTime(interaction);
  const failure = interaction.endCause?.kind === 'failed' ? interaction.endCause.message : undefined;
  return (
    <section class="card card--wrap-up" aria-labelledby={titleId} data-focus-scope>
      <h2 id={titleId} class="card-title">
        {t('call.wrapUp')}
      </h2>
      <CallParty interaction={interaction} />
      <p class="card-meta">
        <span>{say(t, callStatusText(interaction))}</span>
        {duration !== undefined && <span>{t('call.duration', { time: formatDuration(duration) })}</span>}
      </p>
      {failure !== undefined && <p class="card-detail">{failure}</p>}
      {agent.kind === 'afterCallWork' && agent.endsAt !== undefined && <WrapUpCountdown endsAt={agent.endsAt} />}
      {interaction.campaignRecord && <RecordWrapUpSlot interaction={interaction} />}
      <div class="card-actions">
        <button
          data-autofocus
          type="button"
          class="button button--primary button--wide"
          onClick={() => workspace.execute('closeInteraction', interaction.eventId)}
        >
          {t('call.done')}
        </button>
      </div>
    </section>
  );
}

/** The time left before the contact center ends the agent's after-call work, ticking each second. */
function WrapUpCountdown(props: { endsAt: number }) {
  const { t } = useToolbar();
  const now = useNow(true);
  return (
    <p class="card-meta wrap-up-countdown" role="timer" aria-label={t('call.wrapUpLeftLabel')}>
      {t('call.wrapUpLeft', { time: formatDuration(props.endsAt - now) })}
    </p>
  );
}
