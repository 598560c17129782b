import { useEffect, useReducer } from 'preact/hooks';
import type { CcpApp } from './ccp-app.ts';
import type { CcpLogin } from './ccp-login.ts';

/**
 * What the simulated CCP shows: the agent's state as the snapshot reports it and as the agent chose
 * it, the contacts with their connections, and the failures a test or a demo can cause (the session
 * expires; the service denies access; the network drops and comes back; the softphone fails). The page that embeds the CCP may hide it: the conduit
 * works all the same.
 */
export function CcpView(props: { app: CcpApp }) {
  const { app } = props;
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const stop = app.subscribe(() => changed(undefined));
    changed(undefined);
    return stop;
  }, [app]);
  const { service } = app;
  const status = app.status;
  return (
    <main class="ccp">
      <h1>Amazon Connect CCP · simulator</h1>
      <p class="ccp-agent">{service.data().configuration.name}</p>
      <dl class="ccp-status">
        <dt>State</dt>
        <dd aria-label="Agent state">{service.visibleState.name}</dd>
        <dt>Chosen</dt>
        <dd>{service.chosenState.name}</dd>
        <dt>Contact center</dt>
        <dd>{status.link}</dd>
        <dt>Session</dt>
        <dd aria-label="Session">{status.session}</dd>
        <dt>Softphone</dt>
        <dd aria-label="Softphone">{status.softphone === 'here' ? 'this tab' : status.softphone === 'elsewhere' ? 'another tab' : '…'}</dd>
        <dt>Ringtone</dt>
        <dd aria-label="Ringtone">{app.ringing ? 'ringing' : 'silent'}</dd>
      </dl>
      <section aria-label="Contacts">
        <h2>Contacts</h2>
        {service.contacts.all.length === 0 ? (
          <p>No contacts</p>
        ) : (
          <ul>
            {service.contacts.all.map((contact) => (
              <li key={contact.contactId}>
                {contact.direction} {contact.customer.phoneNumber}: {contact.state}
                {contact.thirdParty ? ` · third party ${contact.thirdParty.destination}: ${contact.thirdParty.state}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="ccp-controls">
        <button type="button" onClick={() => app.expireSession()} disabled={status.session !== 'active'}>
          Expire session
        </button>
        <button type="button" onClick={() => app.denyAccess()} disabled={status.session !== 'active'}>
          Deny access
        </button>
        {status.networkDown ? (
          <button type="button" onClick={() => app.restoreNetwork()}>
            Restore network
          </button>
        ) : (
          <button type="button" onClick={() => app.dropNetwork()}>
            Drop network
          </button>
        )}
        <button type="button" onClick={() => app.softphoneError('microphone_not_shared')}>
          Microphone error
        </button>
      </div>
    </main>
  );
}

/**
 * The sign-in page of a signed-out agent. Framed, it only says so (the real login page refuses to be
 * framed, so the embedding page's Streams sees no acknowledgement); in its own window — the login
 * window Streams opens — it signs the agent in.
 */
export function LoginView(props: { login: CcpLogin; agentId: string; framed: boolean }) {
  const { login, agentId, framed } = props;
  const [, changed] = useReducer((n: number) => n + 1, 0);
  if (framed) {
    return (
      <main class="ccp">
        <h1>Amazon Connect CCP · simulator</h1>
        <p role="status">Signed out. Sign in to Amazon Connect in the login window.</p>
      </main>
    );
  }
  return (
    <main class="ccp">
      <h1>Sign in to Amazon Connect · simulator</h1>
      {login.signedIn ? (
        <p role="status">Signed in as {agentId}. You can close this window.</p>
      ) : (
        <button
          type="button"
          onClick={() => {
            login.signIn();
            changed(undefined);
          }}
        >
          Sign in as {agentId}
        </button>
      )}
    </main>
  );
}
