import { useEffect, useState } from 'preact/hooks';
import type { QueueStatusOutcome } from '../../core/outcome.ts';
import { useToolbar } from '../toolbar-context.ts';
import { formatDuration } from '../view-model.ts';

/** How often the panel asks again while it is open. */
const REFRESH_MS = 10_000;

/**
 * The agent's queues as the contact center reports them, asked when the panel opens and every ten
 * seconds while it stays open: calls waiting and the longest wait where the vendor gives figures
 * (Genesys), the queue names alone where it does not (Amazon Connect), saying so.
 */
export function QueuesPanel() {
  const { t, locale, workspace } = useToolbar();
  const [status, setStatus] = useState<{ outcome: QueueStatusOutcome; at: number } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void workspace.queueStatus().then((outcome) => {
        if (live) setStatus({ outcome, at: Date.now() });
      });
    ask();
    const timer = setInterval(ask, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [workspace]);

  if (!status) return null;
  const { outcome } = status;
  if (!outcome.ok) return <p class="tool-empty">{t('queues.unavailable', { message: outcome.message })}</p>;
  if (outcome.queues.length === 0) return <p class="tool-empty">{t('queues.none')}</p>;
  const updated = <p class="tool-note">{t('queues.updated', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(status.at) })}</p>;
  if (outcome.queues.every((queue) => queue.waiting === undefined)) {
    return (
      <>
        <p class="tool-note">{t('queues.noFigures')}</p>
        <ul class="queue-names">
          {outcome.queues.map((queue) => (
            <li key={queue.name}>{queue.name}</li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <table class="queue-status">
        <thead>
          <tr>
            <th scope="col">{t('queues.queue')}</th>
            <th scope="col">{t('queues.waiting')}</th>
            <th scope="col">{t('queues.longestWait')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.queues.map((queue) => (
            <tr key={queue.name}>
              <th scope="row">{queue.name}</th>
              <td>{queue.waiting ?? '—'}</td>
              <td>{queue.longestWaitMs === undefined ? '—' : formatDuration(queue.longestWaitMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {updated}
    </>
  );
}
