import { useEffect, useId, useRef } from 'preact/hooks';
import type { Interaction } from '../core/interaction.ts';
import { CallParty } from './CallParty.tsx';
import { CallTimer } from './CallTimer.tsx';
import { useFocusOnMount } from './hooks.ts';
import { useToolbar } from './toolbar-context.ts';

/**
 * A call ringing at the agent: who calls (the CRM's name when Fusion found one), from which queue,
 * Accept and Decline. It announces itself (role="alert"), scrolls itself into view and takes the focus
 * to Accept, so a keyboard agent answers with Enter.
 */
export function IncomingCallCard(props: { interaction: Interaction }) {
  const { t, workspace, commands, shortcuts } = useToolbar();
  const { eventId, queue } = props.interaction;
  const titleId = useId();
  const accept = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLElement>(null);
  useFocusOnMount(accept);
  useEffect(() => card.current?.scrollIntoView({ block: 'nearest' }), []);
  const busy = commands.isPending(`acceptCall:${eventId}`) || commands.isPending(`rejectCall:${eventId}`);
  return (
    <section ref={card} class="card card--incoming" aria-labelledby={titleId} data-focus-scope>
      <div role="alert">
        <h2 id={titleId} class="card-title">
          {t('call.incoming')}
        </h2>
        <CallParty interaction={props.interaction} />
        {queue !== undefined && queue !== '' && <p class="card-meta">{t('call.queue', { queue })}</p>}
      </div>
      {/* Outside the alert: its ticking is not announced again each second. */}
      <p class="card-meta">
        <CallTimer since={props.interaction.offeredAt} label="call.ringingLabel" />
      </p>
      <div class="card-actions card-actions--split">
        <button
          ref={accept}
          data-autofocus
          type="button"
          class="button button--accept"
          aria-keyshortcuts={shortcuts.answer ?? undefined}
          disabled={busy}
          onClick={() => void commands.run(`acceptCall:${eventId}`, () => workspace.execute('acceptCall', eventId))}
        >
          {t('call.accept')}
        </button>
        <button
          type="button"
          class="button button--danger"
          aria-keyshortcuts={shortcuts.hangUp ?? undefined}
          disabled={busy}
          onClick={() => void commands.run(`rejectCall:${eventId}`, () => workspace.execute('rejectCall', eventId))}
        >
          {t('call.decline')}
        </button>
      </div>
    </section>
  );
}
