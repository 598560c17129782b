import { describe, expect, it } from 'vitest';
import { ManualClock } from '@ctikit/kernel';
import { GenesysSignIn } from '../../src/vendors/genesys/genesys-sign-in.ts';
import type { SignInWindow } from '../../src/vendors/genesys/genesys-sign-in.ts';

/**
 * The toolbar's side of the authorization-code flow, with a stand-in for the browser's window: the
 * authorize URL it opens, and which answers it takes (only the popup's, at the toolbar's origin,
 * with the state it made). The browser itself is in e2e/genesys/genesys-sign-in.spec.ts.
 */
const ORIGIN = 'https://toolbar.example.com';
const OPTIONS = { authorizeUrl: 'https://gws.example.com/auth/v3/oauth/authorize', clientId: 'ctikit-toolbar', redirectUri: `${ORIGIN}/genesys-sign-in.html` };

function fakeWindow(blocked = false) {
  const popup = { closed: false };
  const opened: string[] = [];
  let listener: ((event: { origin: string; source: unknown; data: unknown }) => void) | undefined;
  const host: SignInWindow = {
    origin: ORIGIN,
    open: (url) => {
      opened.push(url);
      return blocked ? null : popup;
    },
    listen: (next) => {
      listener = next;
      return () => (listener = undefined);
    },
  };
  const post = (data: unknown, origin = ORIGIN, source: unknown = popup) => listener?.({ origin, source, data });
  const state = () => new URL(opened.at(-1) ?? '').searchParams.get('state');
  return { host, popup, opened, post, state };
}

describe('GenesysSignIn', () => {
  it('opens Genesys Authentication with the client, the redirect URI and a state, and takes the code its popup posts', async () => {
    const browser = fakeWindow();
    const signIn = new GenesysSignIn(OPTIONS, browser.host, new ManualClock());
    const outcome = signIn.signIn();
    const url = new URL(browser.opened[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(OPTIONS.authorizeUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'ctikit-toolbar', redirect_uri: OPTIONS.redirectUri });

    browser.post({ type: 'ctikit.genesys-sign-in', state: browser.state(), code: 'from-evil', error: null }, 'https://evil.example');
    browser.post({ type: 'ctikit.genesys-sign-in', state: browser.state(), code: 'from-another-window', error: null }, ORIGIN, {});
    browser.post({ type: 'ctikit.genesys-sign-in', state: 'stale', code: 'stale-code', error: null });
    browser.post({ type: 'ctikit.genesys-sign-in', state: browser.state(), code: 'the-code', error: null });
    await expect(outcome).resolves.toEqual({ ok: true, credential: { kind: 'code', code: 'the-code', redirectUri: OPTIONS.redirectUri } });

    await expect(signIn.signIn()).resolves.toMatchObject({ ok: true });
    expect(browser.opened).toHaveLength(1);
    signIn.forget();
    void signIn.signIn();
    expect(browser.opened).toHaveLength(2);
  });

  it('with a server that does not send the state back (echoesState: false), takes the stateless answer of its own popup only', async () => {
    const browser = fakeWindow();
    const outcome = new GenesysSignIn({ ...OPTIONS, echoesState: false }, browser.host, new ManualClock()).signIn();
    expect(browser.state()).not.toBeNull();

    browser.post({ type: 'ctikit.genesys-sign-in', state: null, code: 'from-evil', error: null }, 'https://evil.example');
    browser.post({ type: 'ctikit.genesys-sign-in', state: null, code: 'from-another-window', error: null }, ORIGIN, {});
    browser.post({ type: 'ctikit.genesys-sign-in', state: browser.state(), code: 'with-a-state', error: null });
    browser.post({ type: 'ctikit.genesys-sign-in', state: null, code: 'the-code', error: null });
    await expect(outcome).resolves.toEqual({ ok: true, credential: { kind: 'code', code: 'the-code', redirectUri: OPTIONS.redirectUri } });
  });

  it('by default refuses an answer without the state it sent', async () => {
    const browser = fakeWindow();
    const clock = new ManualClock();
    const outcome = new GenesysSignIn(OPTIONS, browser.host, clock).signIn();
    browser.post({ type: 'ctikit.genesys-sign-in', state: null, code: 'stateless', error: null });
    browser.popup.closed = true;
    clock.advance(500);
    await expect(outcome).resolves.toMatchObject({ ok: false, code: 'SIGN_IN_FAILED', message: expect.stringContaining('closed') });
  });

  it('fails with SIGN_IN_FAILED when the window is blocked, closed, or Genesys refused', async () => {
    await expect(new GenesysSignIn(OPTIONS, fakeWindow(true).host).signIn()).resolves.toMatchObject({
      ok: false,
      code: 'SIGN_IN_FAILED',
      message: expect.stringContaining('pop-ups'),
    });

    const clock = new ManualClock();
    const closing = fakeWindow();
    const closed = new GenesysSignIn(OPTIONS, closing.host, clock).signIn();
    closing.popup.closed = true;
    clock.advance(500);
    await expect(closed).resolves.toMatchObject({ ok: false, code: 'SIGN_IN_FAILED', message: expect.stringContaining('closed') });

    const refusing = fakeWindow();
    const refused = new GenesysSignIn(OPTIONS, refusing.host, new ManualClock()).signIn();
    refusing.post({ type: 'ctikit.genesys-sign-in', state: refusing.state(), code: null, error: 'access_denied' });
    await expect(refused).resolves.toMatchObject({ ok: false, code: 'SIGN_IN_FAILED', message: expect.stringContaining('access_denied') });
  });
});
