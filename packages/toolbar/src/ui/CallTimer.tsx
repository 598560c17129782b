import type { MessageKey } from '../i18n/index.ts';
import { useNow } from './hooks.ts';
import { useToolbar } from './toolbar-context.ts';
import { formatDuration } from './view-model.ts';

/** How long since the vendor's time `since` (connected, put on hold), mm:ss, ticking each second. */
export function CallTimer(props: { since: number; label?: MessageKey; class?: string }) {
  const { t } = useToolbar();
  const now = useNow(true);
  return (
    <span class={props.class ?? 'call-timer'} role="timer" aria-label={t(props.label ?? 'call.durationLabel')}>
      {formatDuration(now - props.since)}
    </span>
  );
}
