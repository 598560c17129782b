import { useNow } from './hooks.ts';
import { useToolbar } from './toolbar-context.ts';
import { formatDuration } from './view-model.ts';

/** How long a call has been connected, mm:ss, ticking each second from the vendor's connect time. */
export function CallTimer(props: { since: number }) {
  const { t } = useToolbar();
  const now = useNow(true);
  return (
    <span class="call-timer" role="timer" aria-label={t('call.durationLabel')}>
      {formatDuration(now - props.since)}
    </span>
  );
}
