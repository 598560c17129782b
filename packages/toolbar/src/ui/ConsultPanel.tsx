import { useId } from 'preact/hooks';
import type { Interaction } from '../core/interaction.ts';
import { CallParty } from './CallParty.tsx';
import { useToolbar } from './toolbar-context.ts';
import { callStatusText, say, type ConsultControls } from './view-model.ts';

/**
 * The consultation placed from a call (the consult leg): who is consulted and how far the call has
 * got, and what ends it — complete the transfer, join everyone in a conference, or cancel and take
 * the held call back.
 */
export function ConsultPanel(props: { mainEventId: string; consult: Interaction; controls: ConsultControls }) {
  const { t, workspace, commands } = useToolbar();
  const { mainEventId, consult, controls } = props;
  const consultEventId = consult.eventId;
  const titleId = useId();
  const keys = {
    completeTransfer: `completeTransfer:${mainEventId}`,
    completeConference: `completeConference:${mainEventId}`,
    cancelConsult: `cancelConsult:${mainEventId}`,
  };
  const busy = Object.values(keys).some((key) => commands.isPending(key));
  return (
    <section class="consult" aria-labelledby={titleId}>
      <h3 id={titleId} class="consult-title" tabIndex={-1} data-autofocus>
        {t('call.consultation')}
      </h3>
      <CallParty interaction={consult} />
      <p class="card-meta">{say(t, callStatusText(consult))}</p>
      <div class="card-actions">
        {controls.completeTransfer && (
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            onClick={() => void commands.run(keys.completeTransfer, () => workspace.execute('completeTransfer', mainEventId, consultEventId))}
          >
            {t('call.completeTransfer')}
          </button>
        )}
        {controls.completeConference && (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => void commands.run(keys.completeConference, () => workspace.execute('completeConference', mainEventId, consultEventId))}
          >
            {t('call.completeConference')}
          </button>
        )}
        {controls.cancelConsult && (
          <button
            type="button"
            class="button button--quiet"
            disabled={busy}
            onClick={() => void commands.run(keys.cancelConsult, () => workspace.execute('cancelConsult', mainEventId, consultEventId))}
          >
            {t('call.cancelConsult')}
          </button>
        )}
      </div>
    </section>
  );
}
