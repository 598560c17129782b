import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { searchDirectory } from '../core/directory.ts';
import type { TransferDestination } from '../core/outcome.ts';
import { useToolbar } from './toolbar-context.ts';
import { destinationDetail, say } from './view-model.ts';

/**
 * Transfer a call: at once (a blind, single-step transfer), or after talking to the other party
 * first (Consult, from a connected call: the contact center holds it and dials; the consultation
 * then shows in the call's card). The panel closes once the workspace has accepted either; Escape
 * cancels it (or first closes the list).
 *
 * The field is a WAI-ARIA combobox over the contact center's directory (Genesys: its agents and
 * queues; Amazon Connect: the quick connects): typing lists the matches with their kind and state,
 * Arrow keys move through them, Enter picks one; a number that matches nothing is dialed as typed.
 * A picked entry is sent by its name, which the vendor resolves (Genesys: to its DN).
 */
export function TransferPanel(props: { eventId: string; id: string; canConsult: boolean; onDone: () => void; onCancel: () => void }) {
  const { t, workspace, commands, formatNumber } = useToolbar();
  const { eventId } = props;
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(-1);
  const inputId = useId();
  const listId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const [destinations, setDestinations] = useState<readonly TransferDestination[]>(workspace.model.transferDestinations);
  useEffect(() => {
    void workspace.execute('transferDestinations').then((outcome) => {
      if (outcome.ok) setDestinations(outcome.destinations);
    });
  }, [workspace]);

  const matches = searchDirectory(destinations, text);
  const open = expanded && matches.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;
  const destination = text.trim();

  const transferKey = `transferCall:${eventId}`;
  const consultKey = `consultCall:${eventId}`;
  const busy = commands.isPending(transferKey) || commands.isPending(consultKey);
  const empty = destination === '';

  const pick = (choice: TransferDestination) => {
    setText(choice.name);
    setExpanded(false);
    setActive(-1);
    input.current?.focus();
  };
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
  const onInputKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length === 0) return;
      setExpanded(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (open ? (current + step + matches.length) % matches.length : step === 1 ? 0 : matches.length - 1));
    } else if (event.key === 'Enter' && open && active >= 0) {
      const choice = matches[active];
      if (!choice) return;
      event.preventDefault();
      pick(choice);
    } else if (event.key === 'Tab') {
      setExpanded(false);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setExpanded(false);
      setActive(-1);
    }
  };
  // The list closes as the focus leaves the panel (or on Tab), not on every blur of the field: a
  // click on Transfer now must not move the button away under the pointer by closing the list.
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !(event.currentTarget as HTMLElement).contains(next)) setExpanded(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    props.onCancel();
  };

  return (
    <div id={props.id} class="transfer" role="group" aria-label={t('call.transfer')} onKeyDown={onKeyDown} onFocusOut={onFocusOut}>
      <form onSubmit={transfer}>
        <label for={inputId} class="field-label">
          {t('call.transferTo')}
        </label>
        <input
          ref={input}
          id={inputId}
          class="field"
          type="text"
          role="combobox"
          inputMode="text"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-describedby={statusId}
          {...(open && active >= 0 ? { 'aria-activedescendant': optionId(active) } : {})}
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setExpanded(true);
            setActive(-1);
          }}
          onKeyDown={onInputKeyDown}
        />
        <ul id={listId} class="directory-list" role="listbox" aria-label={t('directory.label')} hidden={!open}>
          {open &&
            matches.map((match, index) => (
              <li
                key={`${match.kind}:${match.name}`}
                id={optionId(index)}
                role="option"
                class={`directory-option${index === active ? ' is-active' : ''}`}
                aria-selected={index === active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(match);
                }}
              >
                <span class="directory-name">{match.name}</span>{' '}
                <span class="directory-detail">
                  {[
                    ...(match.phoneNumber !== undefined && match.phoneNumber !== match.name ? [formatNumber(match.phoneNumber)] : []),
                    ...destinationDetail(match).map((detail) => say(t, detail)),
                  ].join(' · ')}
                </span>
              </li>
            ))}
        </ul>
        <p id={statusId} class="visually-hidden" aria-live="polite">
          {expanded && text.trim() !== '' ? t(matches.length > 0 ? 'directory.matches' : 'directory.noMatch', { count: matches.length }) : ''}
        </p>
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
      </form>
    </div>
  );
}
