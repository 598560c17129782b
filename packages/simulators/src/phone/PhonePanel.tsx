import type { SimAgentView, SimCallView } from '@ctikit/contact-center/control';
import { isCallEvent } from '@ctikit/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { QUEUES, customerCalls, softphoneCalls, sortForNumber } from './phone-view.ts';
import { followSimEvents, simApi, type EventFeedStatus, type SimEvent } from './sim-api.ts';

/**
 * The customer's phone and the agent's softphone, beside Fusion on the demo page. It drives the
 * contact-center simulator through the bridge's `/sim` control API and shows the simulator's calls;
 * it follows `/sim/events` and polls `GET /sim/calls` while that socket is not open.
 */

const POLL_MS = 2000;
const FEED_LENGTH = 8;

export interface SampleNumber {
  label: string;
  number: string;
}

const FEED_STATUS: Record<EventFeedStatus | 'offline', string> = {
  connecting: 'Connecting to the simulator…',
  live: 'Live',
  polling: 'Polling (event stream unavailable)',
  offline: 'Simulator not reachable',
};

export default function PhonePanel(props: { samples: SampleNumber[] }) {
  const [number, setNumber] = useState(props.samples[0]?.number ?? '');
  const [queue, setQueue] = useState<string>(QUEUES[0].dn);
  const [calls, setCalls] = useState<SimCallView[]>([]);
  const [agents, setAgents] = useState<SimAgentView[]>([]);
  const [dn, setDn] = useState('');
  const [feed, setFeed] = useState<EventFeedStatus>('connecting');
  const [reachable, setReachable] = useState(true);
  const [events, setEvents] = useState<SimEvent[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const refreshing = useRef<Promise<void> | undefined>(undefined);

  const refresh = (): Promise<void> => {
    refreshing.current ??= Promise.all([simApi.listCalls(), simApi.listAgents()])
      .then(([nextCalls, nextAgents]) => {
        setCalls(nextCalls);
        setAgents(nextAgents);
        setReachable(true);
      })
      .catch(() => setReachable(false))
      .finally(() => (refreshing.current = undefined));
    return refreshing.current;
  };

  useEffect(() => {
    void refresh();
    return followSimEvents((event) => {
      setEvents((previous) => [event, ...previous].slice(0, FEED_LENGTH));
      void refresh();
    }, setFeed);
  }, []);

  useEffect(() => {
    if (feed === 'live') return undefined;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [feed]);

  useEffect(() => {
    if (!dn && agents[0]) setDn(agents[0].dn);
  }, [agents, dn]);

  const act = (action: () => Promise<unknown>): void => {
    setError(undefined);
    action()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => void refresh());
  };

  const mine = sortForNumber(customerCalls(calls), number);
  const softphone = dn ? softphoneCalls(calls, dn) : [];

  return (
    <aside class="customer-phone" aria-label="Customer phone">
      <header class="phone-header">
        <h2>Customer phone</h2>
        <span class={`feed is-${reachable ? feed : 'offline'}`} role="status">
          {FEED_STATUS[reachable ? feed : 'offline']}
        </span>
      </header>
      <p class="phone-intro">The outside world of the contact-center simulator: customers calling in, and the agent's desk phone.</p>

      <form
        class="phone-dial"
        onSubmit={(event) => {
          event.preventDefault();
          act(() => simApi.placeCall(number.trim(), queue));
        }}
      >
        <label class="field">
          <span>Call from</span>
          <input value={number} list="sample-numbers" inputMode="tel" onInput={(e) => setNumber(e.currentTarget.value)} />
          <datalist id="sample-numbers">
            {props.samples.map((s) => (
              <option key={s.number} value={s.number}>
                {s.label}
              </option>
            ))}
          </datalist>
        </label>
        <label class="field">
          <span>Number to call</span>
          <select value={queue} onChange={(e) => setQueue(e.currentTarget.value)}>
            {QUEUES.map((q) => (
              <option key={q.dn} value={q.dn}>
                {q.name} ({q.dn})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button is-primary" disabled={!number.trim()}>
          Call
        </button>
      </form>
      {error && (
        <p class="call-note is-error" role="alert">
          {error}
        </p>
      )}

      <section aria-label="Customer calls">
        <h3>Calls</h3>
        {mine.length === 0 && <p class="empty">No customer calls.</p>}
        <ul class="phone-calls">
          {mine.map((call) => (
            <li key={`${call.connectionId}-${call.number}`} class={call.ringing ? 'is-ringing' : ''}>
              <div>
                <strong>{call.status}</strong>
                <span>
                  {call.number} ↔ {call.peer}
                </span>
              </div>
              {call.ringing ? (
                <div class="phone-actions">
                  <button type="button" class="button is-primary" onClick={() => act(() => simApi.customerAnswer(call.connectionId))}>
                    Answer
                  </button>
                  <button type="button" class="button" onClick={() => act(() => simApi.customerRefuse(call.connectionId, 'busy'))}>
                    Busy
                  </button>
                  <button type="button" class="button" onClick={() => act(() => simApi.customerRefuse(call.connectionId, 'noAnswer'))}>
                    No answer
                  </button>
                </div>
              ) : (
                <button type="button" class="button is-danger" onClick={() => act(() => simApi.customerHangup(call.connectionId))}>
                  Hang up
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Agent softphone">
        <h3>Agent softphone</h3>
        <label class="field is-inline">
          <span>DN</span>
          <select value={dn} onChange={(e) => setDn(e.currentTarget.value)}>
            {agents.map((agent) => (
              <option key={agent.dn} value={agent.dn}>
                {agent.dn} · {agent.name} · {agent.state}
              </option>
            ))}
          </select>
        </label>
        {softphone.length === 0 && <p class="empty">The phone is idle.</p>}
        <ul class="phone-calls">
          {softphone.map((call) => (
            <li key={call.connectionId}>
              <div>
                <strong>{call.state}</strong>
                <span>{call.other}</span>
              </div>
              {call.state === 'Ringing' ? (
                <button type="button" class="button is-primary" onClick={() => act(() => simApi.phoneAnswer(dn, call.connectionId))}>
                  Answer
                </button>
              ) : (
                <button type="button" class="button is-danger" onClick={() => act(() => simApi.phoneHangup(dn, call.connectionId))}>
                  Hang up
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Simulator events">
        <h3>Simulator events</h3>
        <ol class="sim-events">
          {events.map((event, index) => (
            <li key={`${event.timestamp}-${index}`}>
              <strong>{event.eventName}</strong> {event.thisDN ?? ''} {isCallEvent(event) && event.callState ? `· ${event.callState}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
