import type { Interaction, UserData } from '@ctikit/service-client';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { SampleStore, SampleView } from './sample-store.ts';

/**
 * The sample web extension: a page written for Genesys Agent Desktop's Service Client API
 * (`genesys.wwe.service`), shown in the ctikit toolbar. The agent and their state, click-to-dial
 * with userData, the calls with their controls and recording, a userData editor, toasts, and a log
 * of every request's outcome and every event. Opened as an interaction view, it starts on its call.
 */
export interface OpenedFor {
  readonly interactionId: string;
  readonly ani: string;
}

/** An interaction view's URL names its call (`?interactionId={interactionId}&ani={ANI}`). */
export function openedFor(search: string): OpenedFor | undefined {
  const params = new URLSearchParams(search);
  const interactionId = params.get('interactionId');
  return interactionId ? { interactionId, ani: params.get('ani') ?? '' } : undefined;
}

export function SampleExtension(props: { store: SampleStore; openedFor?: OpenedFor | undefined }) {
  const { store } = props;
  const [view, setView] = useState<SampleView>(store.current);
  useLayoutEffect(() => store.subscribe(setView), [store]);
  const [selectedId, setSelectedId] = useState<string | undefined>(props.openedFor?.interactionId);
  const selected = view.interactions.find((call) => call.interactionId === selectedId) ?? view.interactions.at(-1);
  return (
    <main class="sample" aria-labelledby="sample-title">
      <header class="sample-header">
        <h1 id="sample-title">Sample extension</h1>
        <p class={`connection connection--${view.connection}`} role="status">
          {view.connection === 'connected'
            ? `Connected · ${view.allowed.length} services allowed`
            : view.connection === 'failed'
              ? `Not connected: ${view.connectionDetail ?? ''}`
              : 'Connecting…'}
        </p>
        {props.openedFor && (
          <p data-testid="opened-for">
            Opened for call {props.openedFor.interactionId}
            {props.openedFor.ani !== '' ? ` from ${props.openedFor.ani}` : ''}
          </p>
        )}
        {view.connection === 'failed' && (
          <button type="button" onClick={() => void store.connect()}>
            Retry
          </button>
        )}
      </header>
      <AgentSection store={store} view={view} />
      <DialSection store={store} />
      <section aria-labelledby="calls-title">
        <h2 id="calls-title">Calls</h2>
        {view.interactions.length === 0 ? (
          <p class="empty">No calls.</p>
        ) : (
          <ul class="calls">
            {view.interactions.map((call) => (
              <li key={call.interactionId}>
                <label>
                  <input type="radio" name="call" checked={call === selected} onChange={() => setSelectedId(call.interactionId)} />
                  {callLine(call)}
                </label>
              </li>
            ))}
          </ul>
        )}
        {selected && <CallControls store={store} call={selected} />}
      </section>
      {selected && <UserDataEditor store={store} call={selected} />}
      <ToastSection store={store} />
      <section aria-labelledby="log-title">
        <h2 id="log-title">Event log</h2>
        <ol class="log">
          {view.log.map((entry) => (
            <li key={entry.id} class={`log-${entry.kind}`}>
              {entry.text}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

function callLine(call: Interaction): string {
  const who = call.direction === 'OUT' ? (call.dnis ?? '') : (call.ani ?? '');
  return `${call.interactionId} · ${call.callType} ${who} · ${call.state} · recording ${call.recordingState}`;
}

function AgentSection(props: { store: SampleStore; view: SampleView }) {
  const { store, view } = props;
  const [operation, setOperation] = useState('');
  const chosen = operation || view.states[0]?.operationName || '';
  return (
    <section aria-labelledby="agent-title">
      <h2 id="agent-title">Agent</h2>
      <p>
        <span class="label">Username</span> <span data-testid="agent-username">{view.agent?.username ?? '—'}</span>
      </p>
      <p>
        <span class="label">State</span> <span data-testid="agent-state">{view.state?.displayName ?? '—'}</span>
      </p>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void store.run(`agent.setState ${chosen}`, () => store.service.agent.setState(chosen));
        }}
      >
        <label>
          New state{' '}
          <select value={chosen} onChange={(event) => setOperation(event.currentTarget.value)}>
            {view.states.map((state) => (
              <option key={state.operationName} value={state.operationName}>
                {state.displayName}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Set state</button>
      </form>
    </section>
  );
}

/** userData typed as JSON; undefined when empty, an Error when it is not a flat object. */
function parseUserData(text: string): UserData | undefined | Error {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Error('userData must be a JSON object');
    return value as UserData;
  } catch {
    return new Error('userData is not valid JSON');
  }
}

function DialSection(props: { store: SampleStore }) {
  const { store } = props;
  const [number, setNumber] = useState('');
  const [userData, setUserData] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <section aria-labelledby="dial-title">
      <h2 id="dial-title">Click-to-dial</h2>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const data = parseUserData(userData);
          setProblem(data instanceof Error ? data.message : undefined);
          if (data instanceof Error) return;
          void store.run(`voice.dial ${number}`, () => store.service.voice.dial(number, data ?? null));
        }}
      >
        <label>
          Number <input value={number} onInput={(event) => setNumber(event.currentTarget.value)} />
        </label>
        <label>
          userData (JSON) <input value={userData} placeholder='{"Campaign":"spring"}' onInput={(event) => setUserData(event.currentTarget.value)} />
        </label>
        {problem !== undefined && <p role="alert">{problem}</p>}
        <button type="submit">Dial</button>
      </form>
    </section>
  );
}

type CallRequest = (id: string) => Promise<{ data: unknown }>;

function CallControls(props: { store: SampleStore; call: Interaction }) {
  const { store, call } = props;
  const { voice, interaction } = store.service;
  const actions: Array<[string, string, CallRequest]> = [
    ['Answer', 'voice.answer', (id) => voice.answer(id)],
    ['Hold', 'voice.hold', (id) => voice.hold(id)],
    ['Resume', 'voice.resume', (id) => voice.resume(id)],
    ['Hang up', 'voice.hangUp', (id) => voice.hangUp(id)],
    ['Start recording', 'voice.startCallRecording', (id) => voice.startCallRecording(id)],
    ['Pause recording', 'voice.pauseCallRecording', (id) => voice.pauseCallRecording(id)],
    ['Resume recording', 'voice.resumeCallRecording', (id) => voice.resumeCallRecording(id)],
    ['Stop recording', 'voice.stopCallRecording', (id) => voice.stopCallRecording(id)],
    ['Mark done', 'interaction.markdone', (id) => interaction.markdone(id)],
  ];
  return (
    <div class="actions" role="group" aria-label={`Controls of ${call.interactionId}`}>
      {actions.map(([label, request, send]) => (
        <button key={label} type="button" onClick={() => void store.run(`${request} ${call.interactionId}`, () => send(call.interactionId))}>
          {label}
        </button>
      ))}
    </div>
  );
}

function UserDataEditor(props: { store: SampleStore; call: Interaction }) {
  const { store, call } = props;
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const id = call.interactionId;
  return (
    <section aria-labelledby="userdata-title">
      <h2 id="userdata-title">User data of {id}</h2>
      <table class="userdata" aria-label="User data">
        <tbody>
          {Object.entries(call.userData).map(([name, current]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{String(current)}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Delete ${name}`}
                  onClick={() => void store.run(`interaction.deleteUserData ${name}`, () => store.service.interaction.deleteUserData(id, name))}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void store.run(`interaction.setUserData ${key}`, () => store.service.interaction.setUserData(id, { [key]: value }));
        }}
      >
        <label>
          Key <input value={key} onInput={(event) => setKey(event.currentTarget.value)} />
        </label>
        <label>
          Value <input value={value} onInput={(event) => setValue(event.currentTarget.value)} />
        </label>
        <button type="submit">Save</button>
      </form>
    </section>
  );
}

function ToastSection(props: { store: SampleStore }) {
  const { store } = props;
  const [title, setTitle] = useState('Callback due');
  const [message, setMessage] = useState('Call Mrs Lee back before 3 pm.');
  return (
    <section aria-labelledby="toast-title">
      <h2 id="toast-title">Toasts</h2>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void store.run('system.popupToast', () =>
            store.service.system.popupToast({
              title,
              message,
              buttons: ['Call now', 'Later'],
            }),
          );
        }}
      >
        <label>
          Title <input value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <label>
          Message <input value={message} onInput={(event) => setMessage(event.currentTarget.value)} />
        </label>
        <button type="submit">Show toast</button>
      </form>
    </section>
  );
}
