import type { Interaction, UserData } from '@ctikit/service-client';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { SampleStore, SampleView } from './sample-store.ts';
import type { SampleTranslate } from './sample-strings.ts';

/**
 * The sample web extension: a page written for Genesys Agent Desktop's Service Client API
 * (`genesys.wwe.service`), shown in the ctikit toolbar. The agent and their state, click-to-dial
 * with userData, the calls with their controls and recording, a userData editor, toasts, and a log
 * of every request's outcome and every event. Opened as an interaction view, it starts on its call.
 * Its words are in the agent's language (`t`, from the page's `locale`).
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

export function SampleExtension(props: { store: SampleStore; t: SampleTranslate; openedFor?: OpenedFor | undefined }) {
  const { store, t } = props;
  const [view, setView] = useState<SampleView>(store.current);
  useLayoutEffect(() => store.subscribe(setView), [store]);
  const [selectedId, setSelectedId] = useState<string | undefined>(props.openedFor?.interactionId);
  const selected = view.interactions.find((call) => call.interactionId === selectedId) ?? view.interactions.at(-1);
  return (
    <main class="sample" aria-labelledby="sample-title">
      <header class="sample-header">
        <h1 id="sample-title">{t('title')}</h1>
        <p class={`connection connection--${view.connection}`} role="status">
          {view.connection === 'connected'
            ? t('connected', { count: view.allowed.length })
            : view.connection === 'failed'
              ? t('notConnected', { detail: view.connectionDetail ?? '' })
              : t('connecting')}
        </p>
        {props.openedFor && (
          <p data-testid="opened-for">
            {t('openedFor', { id: props.openedFor.interactionId })}
            {props.openedFor.ani !== '' ? t('openedFrom', { ani: props.openedFor.ani }) : ''}
          </p>
        )}
        {view.connection === 'failed' && (
          <button type="button" onClick={() => void store.connect()}>
            {t('retry')}
          </button>
        )}
      </header>
      <AgentSection store={store} view={view} t={t} />
      <DialSection store={store} t={t} />
      <section aria-labelledby="calls-title">
        <h2 id="calls-title">{t('calls')}</h2>
        {view.interactions.length === 0 ? (
          <p class="empty">{t('noCalls')}</p>
        ) : (
          <ul class="calls">
            {view.interactions.map((call) => (
              <li key={call.interactionId}>
                <label>
                  <input type="radio" name="call" checked={call === selected} onChange={() => setSelectedId(call.interactionId)} />
                  {callLine(call, t)}
                </label>
              </li>
            ))}
          </ul>
        )}
        {selected && <CallControls store={store} call={selected} t={t} />}
      </section>
      {selected && <UserDataEditor store={store} call={selected} t={t} />}
      <ToastSection store={store} t={t} />
      <section aria-labelledby="log-title">
        <h2 id="log-title">{t('log')}</h2>
        {/* It scrolls, so the keyboard can reach it (axe: scrollable-region-focusable). */}
        <ol class="log" tabIndex={0} aria-labelledby="log-title">
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

function callLine(call: Interaction, t: SampleTranslate): string {
  const who = call.direction === 'OUT' ? (call.dnis ?? '') : (call.ani ?? '');
  return `${call.interactionId} · ${call.callType} ${who} · ${call.state} · ${t('recording', { state: call.recordingState })}`;
}

function AgentSection(props: { store: SampleStore; view: SampleView; t: SampleTranslate }) {
  const { store, view, t } = props;
  const [operation, setOperation] = useState('');
  const chosen = operation || view.states[0]?.operationName || '';
  return (
    <section aria-labelledby="agent-title">
      <h2 id="agent-title">{t('agent')}</h2>
      <p>
        <span class="label">{t('username')}</span> <span data-testid="agent-username">{view.agent?.username ?? '—'}</span>
      </p>
      <p>
        <span class="label">{t('state')}</span> <span data-testid="agent-state">{view.state?.displayName ?? '—'}</span>
      </p>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void store.run(`agent.setState ${chosen}`, () => store.service.agent.setState(chosen));
        }}
      >
        <label>
          {t('newState')}{' '}
          <select value={chosen} onChange={(event) => setOperation(event.currentTarget.value)}>
            {view.states.map((state) => (
              <option key={state.operationName} value={state.operationName}>
                {state.displayName}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('setState')}</button>
      </form>
    </section>
  );
}

/** userData typed as JSON; undefined when empty, an Error when it is not a flat object. */
function parseUserData(text: string, t: SampleTranslate): UserData | undefined | Error {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Error(t('notAnObject'));
    return value as UserData;
  } catch {
    return new Error(t('notJson'));
  }
}

function DialSection(props: { store: SampleStore; t: SampleTranslate }) {
  const { store, t } = props;
  const [number, setNumber] = useState('');
  const [userData, setUserData] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <section aria-labelledby="dial-title">
      <h2 id="dial-title">{t('dial')}</h2>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const data = parseUserData(userData, t);
          setProblem(data instanceof Error ? data.message : undefined);
          if (data instanceof Error) return;
          void store.run(`voice.dial ${number}`, () => store.service.voice.dial(number, data ?? null));
        }}
      >
        <label>
          {t('number')} <input value={number} onInput={(event) => setNumber(event.currentTarget.value)} />
        </label>
        <label>
          {t('userDataJson')} <input value={userData} placeholder='{"Campaign":"spring"}' onInput={(event) => setUserData(event.currentTarget.value)} />
        </label>
        {problem !== undefined && <p role="alert">{problem}</p>}
        <button type="submit">{t('dialButton')}</button>
      </form>
    </section>
  );
}

type CallRequest = (id: string) => Promise<{ data: unknown }>;

function CallControls(props: { store: SampleStore; call: Interaction; t: SampleTranslate }) {
  const { store, call, t } = props;
  const { voice, interaction } = store.service;
  const actions: Array<[string, string, CallRequest]> = [
    [t('answer'), 'voice.answer', (id) => voice.answer(id)],
    [t('hold'), 'voice.hold', (id) => voice.hold(id)],
    [t('resume'), 'voice.resume', (id) => voice.resume(id)],
    [t('hangUp'), 'voice.hangUp', (id) => voice.hangUp(id)],
    [t('startRecording'), 'voice.startCallRecording', (id) => voice.startCallRecording(id)],
    [t('pauseRecording'), 'voice.pauseCallRecording', (id) => voice.pauseCallRecording(id)],
    [t('resumeRecording'), 'voice.resumeCallRecording', (id) => voice.resumeCallRecording(id)],
    [t('stopRecording'), 'voice.stopCallRecording', (id) => voice.stopCallRecording(id)],
    [t('markDone'), 'interaction.markdone', (id) => interaction.markdone(id)],
  ];
  return (
    <div class="actions" role="group" aria-label={t('controlsOf', { id: call.interactionId })}>
      {actions.map(([label, request, send]) => (
        <button key={label} type="button" onClick={() => void store.run(`${request} ${call.interactionId}`, () => send(call.interactionId))}>
          {label}
        </button>
      ))}
    </div>
  );
}

function UserDataEditor(props: { store: SampleStore; call: Interaction; t: SampleTranslate }) {
  const { store, call, t } = props;
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const id = call.interactionId;
  return (
    <section aria-labelledby="userdata-title">
      <h2 id="userdata-title">{t('userDataOf', { id })}</h2>
      <table class="userdata" aria-label={t('userData')}>
        <tbody>
          {Object.entries(call.userData).map(([name, current]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{String(current)}</td>
              <td>
                <button
                  type="button"
                  aria-label={t('deleteKey', { key: name })}
                  onClick={() => void store.run(`interaction.deleteUserData ${name}`, () => store.service.interaction.deleteUserData(id, name))}
                >
                  {t('delete')}
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
          {t('key')} <input value={key} onInput={(event) => setKey(event.currentTarget.value)} />
        </label>
        <label>
          {t('value')} <input value={value} onInput={(event) => setValue(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('save')}</button>
      </form>
    </section>
  );
}

function ToastSection(props: { store: SampleStore; t: SampleTranslate }) {
  const { store, t } = props;
  const [title, setTitle] = useState(t('toastDefaultTitle'));
  const [message, setMessage] = useState(t('toastDefaultMessage'));
  return (
    <section aria-labelledby="toast-title">
      <h2 id="toast-title">{t('toasts')}</h2>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void store.run('system.popupToast', () =>
            store.service.system.popupToast({
              title,
              message,
              buttons: [t('callNow'), t('later')],
            }),
          );
        }}
      >
        <label>
          {t('toastTitle')} <input value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <label>
          {t('toastMessage')} <input value={message} onInput={(event) => setMessage(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('showToast')}</button>
      </form>
    </section>
  );
}
