import { useState } from 'preact/hooks';
import type { Contact, ContactDirectory } from '../contact-directory.ts';
import { formatNumber, fullName, serviceRequestFor } from '../contact-directory.ts';
import type { FusionSession } from '../fusion-session.ts';
import type { DialRequest } from '../fusion-state.ts';

/**
 * The contacts work area: every phone number is a click-to-dial link, which Fusion turns into
 * onOutgoingEvent for the toolbar. Below it, the click-to-dial requests still waiting for the
 * toolbar's newCommEvent, or failed with outboundCommError.
 */
export function ContactsPanel(props: { directory: ContactDirectory; session: FusionSession }) {
  const { directory, session } = props;
  const [number, setNumber] = useState('');
  const dial = (event: Event, phone: string, contact?: Contact): void => {
    event.preventDefault();
    session.dial(phone, contact);
  };
  return (
    <section class="panel" aria-labelledby="contacts-title">
      <header class="panel-header">
        <h2 id="contacts-title">Contacts</h2>
      </header>
      <table class="contacts">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Account</th>
            <th scope="col">Phone</th>
            <th scope="col">Open service request</th>
          </tr>
        </thead>
        <tbody>
          {directory.contacts.map((contact) => {
            const sr = serviceRequestFor(contact, undefined);
            return (
              <tr key={contact.partyId}>
                <td>
                  <span class="contact-name">{fullName(contact)}</span>
                  <span class="contact-title">{contact.jobTitle}</span>
                </td>
                <td>{contact.organization.name}</td>
                <td>
                  <a
                    href={`tel:${contact.phone}`}
                    aria-label={`Call ${fullName(contact)} at ${formatNumber(contact.phone)}`}
                    onClick={(event) => dial(event, contact.phone, contact)}
                  >
                    {formatNumber(contact.phone)}
                  </a>
                </td>
                <td>{sr ? `${sr.number} · ${sr.title}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        class="dial-form"
        onSubmit={(event) => {
          if (number.trim()) dial(event, number.trim());
          else event.preventDefault();
        }}
      >
        <label class="field is-inline">
          <span>Phone number</span>
          <input value={number} inputMode="tel" autoComplete="off" onInput={(e) => setNumber(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          Call
        </button>
      </form>
    </section>
  );
}

export function DialRequests(props: { dials: DialRequest[]; session: FusionSession }) {
  if (props.dials.length === 0) return null;
  return (
    <ul class="dial-requests" aria-label="Click-to-dial requests">
      {props.dials.map((dial) => {
        const who = dial.contact ? fullName(dial.contact) : formatNumber(dial.number);
        return (
          <li key={dial.uuid} class={dial.error ? 'is-error' : ''}>
            {dial.error ? (
              <span role="alert">
                Call to {who} failed: {dial.error.code}
                {dial.error.message ? ` — ${dial.error.message}` : ''}
              </span>
            ) : (
              <span role="status">Call to {who} sent to the media toolbar…</span>
            )}
            <button type="button" class="button is-quiet" onClick={() => props.session.dismissDial(dial.uuid)}>
              Dismiss
            </button>
          </li>
        );
      })}
    </ul>
  );
}
