import { Component } from 'preact';
import type { FusionSession } from '../fusion-session.ts';
import type { LogDirection, LogEntry } from '../event-log.ts';

/** Every UEF message both ways, newest first, each expandable to its payload. */

const DIRECTION_LABEL: Record<LogDirection, string> = {
  'toolbar-to-fusion': 'Toolbar → Fusion',
  'fusion-to-toolbar': 'Fusion → Toolbar',
  blocked: 'Blocked',
  note: 'Fusion',
};

function time(at: number): string {
  const date = new Date(at);
  return `${date.toLocaleTimeString('en-GB', { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/**
 * One row. Entries never change once logged, so a row renders once: the log re-renders on every
 * message, and formatting hundreds of payloads each time would slow the page the toolbar shares.
 */
class EventLogRow extends Component<{ entry: LogEntry }> {
  override shouldComponentUpdate(next: { entry: LogEntry }): boolean {
    return next.entry !== this.props.entry;
  }

  override render() {
    const { entry } = this.props;
    return (
      <li class={`log-entry is-${entry.direction} is-${entry.level}`}>
        <details>
          <summary>
            <time>{time(entry.at)}</time>
            <span class="direction">{DIRECTION_LABEL[entry.direction]}</span>
            <strong>{entry.title}</strong>
            <span class="summary">{entry.summary}</span>
          </summary>
          {entry.payload !== undefined && <pre>{JSON.stringify(entry.payload, null, 2)}</pre>}
        </details>
      </li>
    );
  }
}

export function EventLog(props: { log: LogEntry[]; session: FusionSession }) {
  const entries = [...props.log].reverse();
  return (
    <section class="panel event-log" aria-labelledby="event-log-title">
      <header class="panel-header">
        <h2 id="event-log-title">Event log</h2>
        <span class="count">{props.log.length} entries</span>
        <button type="button" class="button is-quiet" onClick={() => props.session.clearLog()}>
          Clear
        </button>
      </header>
      <ol aria-labelledby="event-log-title">
        {entries.map((entry) => (
          <EventLogRow key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
