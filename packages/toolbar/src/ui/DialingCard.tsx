import { useId } from 'preact/hooks';
import type { Interaction } from '../core/interaction.ts';
import { CallParty } from './CallParty.tsx';
import { useToolbar } from './toolbar-context.ts';

/** The agent's call ringing at the other end: the number and Cancel call. */
export function DialingCard(props: { interaction: Interaction }) {
  const { t, workspace, commands } = useToolbar();
  const { eventId } = props.interaction;
  const titleId = useId();
  return (
    <section class="card card--dialing" aria-labelledby={titleId} data-focus-scope>
      <h2 id={titleId} class="card-title">
        {t('call.outgoingRegion')}
      </h2>
      <CallParty interaction={props.interaction} />
      <p class="card-meta">{t('call.outgoing')}</p>
      <div class="card-actions">
        <button
          data-autofocus
          type="button"
          class="button button--danger button--wide"
          disabled={commands.isPending(`hangupCall:${eventId}`)}
          onClick={() => void commands.run(`hangupCall:${eventId}`, () => workspace.execute('hangupCall', eventId))}
        >
          {t('call.cancel')}
        </button>
      </div>
    </section>
  );
}
