import { useId, useState } from 'preact/hooks';
import { Keypad } from './Keypad.tsx';
import { useToolbar } from './toolbar-context.ts';

const DIAL_KEY = 'makeOutboundCall';

/**
 * Dial out when no call is going on: a number field (typed, pasted, or built on the keypad) and Call.
 * The field is cleared once the workspace has accepted the call; the dialing card then takes over.
 * A logged-out agent is told to log in first, and Call stays disabled.
 */
export function DialPad(props: { loggedIn: boolean }) {
  const { t, workspace, commands } = useToolbar();
  const [number, setNumber] = useState('');
  const [keypadOpen, setKeypadOpen] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const keypadId = useId();
  const titleId = useId();
  const pending = commands.isPending(DIAL_KEY);
  const canCall = props.loggedIn && number.trim() !== '' && !pending;

  const call = async (event: Event) => {
    event.preventDefault();
    if (!canCall) return;
    const outcome = await commands.run(DIAL_KEY, () => workspace.execute('makeOutboundCall', number));
    if (outcome?.ok) setNumber('');
  };

  return (
    <section class="card card--dial" aria-labelledby={titleId} data-focus-scope>
      <h2 id={titleId} class="card-title">
        {t('dial.title')}
      </h2>
      <form class="dial-form" onSubmit={call}>
        <label for={inputId} class="field-label">
          {t('dial.number')}
        </label>
        <div class="dial-row">
          <input
            data-autofocus
            id={inputId}
            class="field"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            dir="ltr"
            value={number}
            aria-describedby={props.loggedIn ? undefined : hintId}
            onInput={(event) => setNumber(event.currentTarget.value)}
          />
          <button type="submit" class="button button--accept" disabled={!canCall} aria-describedby={props.loggedIn ? undefined : hintId}>
            {t('dial.call')}
          </button>
        </div>
        {!props.loggedIn && (
          <p id={hintId} class="card-meta">
            {t('dial.loggedOut')}
          </p>
        )}
        <div class="dial-tools">
          <button
            type="button"
            class="button button--quiet"
            aria-expanded={keypadOpen}
            aria-controls={keypadOpen ? keypadId : undefined}
            onClick={() => setKeypadOpen(!keypadOpen)}
          >
            {t('dial.keypad')}
          </button>
          {keypadOpen && number !== '' && (
            <button type="button" class="button button--quiet" onClick={() => setNumber(number.slice(0, -1))}>
              {t('dial.backspace')}
            </button>
          )}
        </div>
        {keypadOpen && <Keypad id={keypadId} label={t('dial.keypad')} onKey={(key) => setNumber(number + key)} />}
      </form>
    </section>
  );
}
