import { useLayoutEffect, useReducer } from 'preact/hooks';
import { isLoggedIn } from '../../core/agent-state.ts';
import { linkLost } from '../../core/connection-status.ts';
import type { RecentCall, RecentCalls } from '../../core/recent-calls.ts';
import { useToolbar } from '../toolbar-context.ts';
import { formatDuration, hasLiveCall } from '../view-model.ts';

/** The same command key as the dial pad's Call: one dial in flight at a time, whichever control sent it. */
const DIAL_KEY = 'makeOutboundCall';

/**
 * The recent calls, newest first: who (the CRM's name, else the number), how it ended, which way,
 * when and how long the agent talked; Call back dials the number with the ordinary dial command,
 * offered while the agent is logged in and no call is going on.
 */
export function RecentPanel(props: { recent: RecentCalls }) {
  const { t, locale, workspace, commands } = useToolbar();
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => props.recent.onChange(() => changed(undefined)), [props.recent]);
  const calls = props.recent.calls;
  const model = workspace.model;
  const canDial = isLoggedIn(model.agent) && !hasLiveCall(model.interactions) && !linkLost(model.connection) && !commands.isPending(DIAL_KEY);
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dated = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const today = new Date().toDateString();
  const when = (call: RecentCall) => (new Date(call.startedAt).toDateString() === today ? clock : dated).format(call.startedAt);

  if (calls.length === 0) return <p class="tool-empty">{t('recent.empty')}</p>;
  return (
    <>
      <ul class="recent-calls">
        {calls.map((call) => {
          const party = call.name ?? (call.phoneNumber === '' ? t('call.unknownCaller') : call.phoneNumber);
          return (
            <li key={call.eventId} class="recent-call">
              <div class="recent-call-text">
                <p class="recent-call-party">
                  <span dir="auto">{party}</span>
                  <span class={`recent-outcome recent-outcome--${call.outcome}`}>{t(`recent.outcome.${call.outcome}`)}</span>
                </p>
                <p class="recent-call-meta">
                  {[
                    t(`recent.${call.direction}`),
                    when(call),
                    ...(call.talkMs > 0 ? [formatDuration(call.talkMs)] : []),
                    ...(call.name ? [call.phoneNumber] : []),
                  ].join(' · ')}
                </p>
              </div>
              {call.phoneNumber !== '' && (
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={t('recent.redialLabel', { party })}
                  disabled={!canDial}
                  onClick={() => void commands.run(DIAL_KEY, () => workspace.execute('makeOutboundCall', call.phoneNumber))}
                >
                  {t('recent.redial')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" class="button button--quiet tool-footer" onClick={() => props.recent.clear()}>
        {t('recent.clear')}
      </button>
    </>
  );
}
