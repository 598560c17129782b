import { SIGN_IN_MESSAGE } from './sign-in-message.ts';

/**
 * genesys-sign-in.html: where Genesys Authentication sends the agent's browser back
 * (`?code=…&state=…`, or `?error=…`). It hands the answer to the toolbar that opened it, at the
 * toolbar's own origin only, and closes.
 */
const params = new URLSearchParams(window.location.search);
const status = document.getElementById('sign-in-status');
const opener = window.opener as Window | null;
if (opener) {
  opener.postMessage({ type: SIGN_IN_MESSAGE, state: params.get('state'), code: params.get('code'), error: params.get('error') }, window.location.origin);
  window.close();
}
if (status)
  status.textContent = params.get('code')
    ? 'Signed in to Genesys: you can close this window.'
    : 'The Genesys sign-in did not complete: close this window and try again.';
