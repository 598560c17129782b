import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TransferDestination } from '../core/outcome.ts';
import { useToolbar } from './toolbar-context.ts';

/**
 * Transfer a call to a number: at once (a blind, single-step transfer), or after talking to the
 * other party first (Consult, from a connected call: the contact center holds it and dials the
 * number; the consultation then shows in the call's card). The panel closes once the workspace has accepted either; Escape cancels it.
 * Where the vendor lists destinations (Amazon Connect's quick connects: agents, queues, phone
 * numbers), they are offered under the panel's buttons (which stay in a 320 × 560 px frame however
 * long the list); picking one puts its name in the field.
 */
export function TransferPanel(props: { eventId: string; id: string; canConsult: boolean; onDone: () => void; onCancel: () => void }) {
  const { t, workspace, commands } = useToolbar();
  const { eventId } = props;
  const [destination, setDestination] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const [destinations, setDestinations] = useState<readonly TransferDestination[]>(workspace.model.transferDestinations);
  useEffect(() => {
    void workspace.execute('transferDestinations').then((outcome) => {
      if (outcome.ok) setDestinations(outcome.destinations);
    });
  }, [workspace]);

  const transferKey = `transferCall:${eventId}`;
  const consultKey = `consultCall:${eventId}`;
  const busy = commands.isPending(transferKey) || commands.isPending(consultKey);
  const empty = destination.trim() === '';

  const transfer = async (event: Event) => {
    event.preventDefault();
    if (empty || busy) return;
    const outcome = await commands.run(transferKey, () => workspace.execute('transferCall', eventId, destination));
    if (outcome?.ok) props.onDone();
  };
  const consult = async () => {
    if (empty || busy) return;
    const outcome = await commands.run(consultKey, () => workspace.execute('consultCall', eventId, destination));
    if (outcome?.ok) props.onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    props.onCancel();
  };

  return (
    <form id={props.id} class="transfer" role="group" aria-label={t('call.transfer')} onSubmit={transfer} onKeyDown={onKeyDown}>
      <label for={inputId} class="field-label">
        {t('call.transferTo')}
      </label>
      <input
        ref={input}
        id={inputId}
        class="field"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        dir="ltr"
        value={destination}
        onInput={(event) => setDestination(event.currentTarget.value)}
      />
      <div class="card-actions">
        <button type="submit" class="button button--primary" disabled={empty || busy}>
          {t('call.transferGo')}
        </button>
        {props.canConsult && (
          <button type="button" class="button" disabled={empty || busy} onClick={() => void consult()}>
            {t('call.consult')}
          </button>
        )}
      </div>
      {destinations.length > 0 && (
        <ul class="transfer-destinations" aria-label={t('call.quickConnects')}>
          {destinations.map((quick) => (
            <li key={quick.name}>
              <button type="button" class="button button--quiet" aria-pressed={destination === quick.name} onClick={() => setDestination(quick.name)}>
                {quick.name} · {t(`call.destination.${quick.kind}`)}
                {quick.phoneNumber !== undefined ? ` ${quick.phoneNumber}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
