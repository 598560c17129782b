import { useId } from 'preact/hooks';
import type { Interaction } from '../core/interaction.ts';
import { CallParty } from './CallParty.tsx';
import { useToolbar } from './toolbar-context.ts';
import { callStatusText, formatDuration, say, talkTime } from './view-model.ts';

/**
 * An ended call waiting for its wrap-up: how it ended, how long it lasted, and Done, which closes the
 * interaction. Fusion's own wrap-up closes it too (the Fusion adapter does), and the card goes with it.
 */
export function WrapUpCard(props: { interaction: Interaction }) {
  const { t, workspace } = useToolbar();
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
      <div class="card-actions">
        <button data-autofocus type="button" class="button button--primary button--wide" onClick={() => workspace.execute('closeInteraction', interaction.eventId)}>
          {t('call.done')}
        </button>
      </div>
    </section>
  );
}
