import type { AgentDay } from '../../core/agent-day.ts';
import { useNow } from '../hooks.ts';
import { useToolbar } from '../toolbar-context.ts';
import { formatDuration, reasonLabel } from '../view-model.ts';

/** The agent's day since sign-in: calls handled, average handle time, time in each state; counting as it goes. */
export function DayPanel(props: { day: AgentDay }) {
  const { t, locale, workspace } = useToolbar();
  useNow(true);
  const summary = props.day.summary();
  if (summary.since === undefined) return <p class="tool-empty">{t('day.notSignedIn')}</p>;
  const reasons = workspace.model.reasonCodes;
  const states: [string, number][] = [
    [t('day.ready'), summary.readyMs],
    [t('day.onCall'), summary.onCallMs],
    [t('day.wrapUp'), summary.wrapUpMs],
    ...summary.notReady.map((time): [string, number] => [
      time.reasonCode === undefined ? t('day.notReady') : t('day.notReadyReason', { reason: reasonLabel(time.reasonCode, time.reasonLabel, reasons) }),
      time.ms,
    ]),
  ];
  return (
    <>
      <p class="tool-note">{t('day.since', { time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(summary.since) })}</p>
      <dl class="day-figures">
        <div>
          <dt>{t('day.callsHandled')}</dt>
          <dd>{summary.callsHandled}</dd>
        </div>
        <div>
          <dt>{t('day.averageHandle')}</dt>
          <dd>{summary.averageHandleMs === undefined ? '—' : formatDuration(summary.averageHandleMs)}</dd>
        </div>
      </dl>
      <table class="day-states">
        <caption>{t('day.timeIn')}</caption>
        <tbody>
          {states.map(([label, ms]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{formatDuration(ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
