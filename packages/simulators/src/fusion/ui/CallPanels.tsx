import { useState } from 'preact/hooks';
import { formatNumber, fullName } from '../contact-directory.ts';
import { WRAP_UP_DISPOSITIONS, type FusionSession } from '../fusion-session.ts';
import type { CommandProgress, Interaction } from '../fusion-state.ts';
import { formatDuration, useNow } from './hooks.ts';

/**
 * What Fusion shows for each interaction: the incoming-call dialog (offered), the dialing panel
 * (outbound, not yet answered), the engagement panel (connected) and the Wrap Up panel. Buttons send
 * controllable commands; a panel shows the command as pending until the toolbar's promise settles.
 */

const COMMAND_PENDING: Record<string, string> = {
  accept: 'Answering… waiting for the media toolbar',
  reject: 'Declining… waiting for the media toolbar',
  disconnect: 'Disconnecting… waiting for the media toolbar',
};
const COMMAND_FAILED: Record<string, string> = {
  accept: 'Could not answer',
  reject: 'Could not decline',
  disconnect: 'Could not disconnect',
};

function CommandState(props: { command: CommandProgress | undefined; waitingFor: string }) {
  const { command } = props;
  if (!command) return null;
  if (command.status === 'pending') {
    return (
      <p class="call-note" role="status">
        {COMMAND_PENDING[command.command] ?? 'Waiting for the media toolbar…'}
      </p>
    );
  }
  if (command.status === 'failed') {
    return (
      <p class="call-note is-error" role="alert">
        {COMMAND_FAILED[command.command] ?? 'The command failed'}: {command.message}
      </p>
    );
  }
  return (
    <p class="call-note" role="status">
      The toolbar accepted the request; waiting for {props.waitingFor}.
    </p>
  );
}

function callerName(interaction: Interaction): string {
  return interaction.contact ? fullName(interaction.contact) : 'Unknown caller';
}

function ContactFacts(props: { interaction: Interaction }) {
  const { contact, serviceRequest } = props.interaction;
  if (!contact) return null;
  return (
    <dl class="facts">
      <dt>Account</dt>
      <dd>{contact.organization.name}</dd>
      {serviceRequest && (
        <>
          <dt>Service request</dt>
          <dd>
            {serviceRequest.number} · {serviceRequest.title}
          </dd>
        </>
      )}
    </dl>
  );
}

export function IncomingCallDialog(props: { interaction: Interaction; session: FusionSession }) {
  const { interaction, session } = props;
  const pending = interaction.command?.status === 'pending';
  const titleId = `incoming-${interaction.eventId}`;
  return (
    <section class="call-card is-ringing" role="dialog" aria-modal="false" aria-label="Incoming call" aria-busy={pending}>
      <header class="call-card-header">
        <span class="pulse" aria-hidden="true" />
        <h2 id={titleId}>Incoming call</h2>
        <span class="call-kind">Phone · {interaction.appClassification}</span>
      </header>
      <p class="caller-name">{callerName(interaction)}</p>
      <p class="caller-number">{formatNumber(interaction.number)}</p>
      <ContactFacts interaction={interaction} />
      {interaction.offerExpired && (
        <p class="call-note is-warning" role="status">
          The offer timed out; waiting for the toolbar to close the call.
        </p>
      )}
      <CommandState command={interaction.command} waitingFor="the call to connect (startCommEvent)" />
      <div class="call-actions">
        <button type="button" class="button is-danger" disabled={pending} onClick={() => void session.decline(interaction.eventId)}>
          Decline
        </button>
        <button type="button" class="button is-primary" disabled={pending} onClick={() => void session.answer(interaction.eventId)}>
          Answer
        </button>
      </div>
    </section>
  );
}

export function DialingPanel(props: { interaction: Interaction; session: FusionSession }) {
  const { interaction, session } = props;
  const pending = interaction.command?.status === 'pending';
  return (
    <section class="call-card is-dialing" aria-label="Outbound call" aria-busy={pending}>
      <header class="call-card-header">
        <span class="pulse" aria-hidden="true" />
        <h2>Calling {callerName(interaction) === 'Unknown caller' ? formatNumber(interaction.number) : callerName(interaction)}</h2>
      </header>
      <p class="caller-number">{formatNumber(interaction.number)}</p>
      <ContactFacts interaction={interaction} />
      {interaction.error ? (
        <p class="call-note is-error" role="alert">
          Outbound call failed: {interaction.error.code}
          {interaction.error.message ? ` — ${interaction.error.message}` : ''}
        </p>
      ) : (
        <p class="call-note" role="status">
          Dialing… waiting for the customer to answer.
        </p>
      )}
      <CommandState command={interaction.command} waitingFor="the toolbar to close the call" />
      <div class="call-actions">
        <button type="button" class="button is-danger" disabled={pending} onClick={() => void session.disconnect(interaction.eventId)}>
          Hang up
        </button>
      </div>
    </section>
  );
}

export function EngagementPanel(props: { interaction: Interaction; session: FusionSession }) {
  const { interaction, session } = props;
  const now = useNow(true);
  const pending = interaction.command?.status === 'pending';
  const name = callerName(interaction);
  return (
    <section class="call-card is-connected" aria-label={`Engagement with ${name}`} aria-busy={pending}>
      <header class="call-card-header">
        <h2>{name}</h2>
        <span class="badge is-live">On call</span>
        <span class="call-timer" role="timer" aria-label="Call duration">
          {formatDuration(now - (interaction.connectedAt ?? now))}
        </span>
      </header>
      <dl class="facts">
        <dt>Number</dt>
        <dd>{formatNumber(interaction.number)}</dd>
        <dt>Direction</dt>
        <dd>{interaction.direction === 'inbound' ? 'Inbound' : 'Outbound'}</dd>
        {interaction.contact && (
          <>
            <dt>Account</dt>
            <dd>{interaction.contact.organization.name}</dd>
          </>
        )}
        {interaction.serviceRequest && (
          <>
            <dt>Service request</dt>
            <dd>
              {interaction.serviceRequest.number} · {interaction.serviceRequest.title}
            </dd>
          </>
        )}
        <dt>Interaction</dt>
        <dd>{interaction.interactionId}</dd>
      </dl>
      <CommandState command={interaction.command} waitingFor="the toolbar to close the call (closeCommEvent)" />
      <div class="call-actions">
        <button type="button" class="button is-danger" disabled={pending} onClick={() => void session.disconnect(interaction.eventId)}>
          Disconnect
        </button>
      </div>
    </section>
  );
}

export function WrapUpPanel(props: { interaction: Interaction; session: FusionSession }) {
  const { interaction, session } = props;
  const [disposition, setDisposition] = useState(WRAP_UP_DISPOSITIONS[0] ?? '');
  const [notes, setNotes] = useState('');
  const id = interaction.eventId;
  return (
    <form
      class="call-card is-wrapup"
      aria-label="Wrap Up"
      onSubmit={(event) => {
        event.preventDefault();
        session.saveWrapUp(id, { disposition, notes });
      }}
    >
      <header class="call-card-header">
        <h2>Wrap Up</h2>
        <span class="call-kind">
          {callerName(interaction)} · {formatNumber(interaction.number)}
        </span>
      </header>
      <label class="field">
        <span>Disposition</span>
        <select value={disposition} onChange={(e) => setDisposition(e.currentTarget.value)}>
          {WRAP_UP_DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Notes</span>
        <textarea rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <div class="call-actions">
        <button type="submit" class="button is-primary">
          Save
        </button>
      </div>
    </form>
  );
}

/** Routes an interaction to the panel of its phase. */
export function InteractionPanel(props: { interaction: Interaction; session: FusionSession }) {
  switch (props.interaction.phase) {
    case 'offered':
      return <IncomingCallDialog {...props} />;
    case 'dialing':
      return <DialingPanel {...props} />;
    case 'connected':
      return <EngagementPanel {...props} />;
    case 'wrapup':
      return <WrapUpPanel {...props} />;
  }
}
