import { z } from '../../platform/schema.ts';
import type { GenesysCredential } from '@ctikit/protocol';
import { systemClock, type Clock, type TimerHandle } from '@ctikit/kernel';
import { failure, type Failure } from '../../core/outcome.ts';
import { SIGN_IN_MESSAGE } from './sign-in-message.ts';

/**
 * The agent's own sign-in with Genesys Authentication, for a bridge on the Workspace API backend
 * that has no token of its own for the agent: the authorization-code flow in a small window.
 *
 *     window.open(authorizeUrl?response_type=code&client_id=…&redirect_uri=R&state=S)
 *       → Genesys' sign-in page → R?code=…&state=S (genesys-sign-in.html, the toolbar's own origin)
 *       → postMessage({type, code, state}) to this window → the window closes
 *
 * The redirect page answers only its opener, at the toolbar's own origin; the answer counts only
 * from that window, with the state this request made (unless the server is one that does not send
 * `state` back, `echoesState: false`: then an answer without one). The authorize URL and the client come from
 * the config file, never from the URL. The code, with its redirect URI, is the credential handed to
 * the bridge at `initialize`; it is kept for the page's life (a refused one is forgotten).
 */
export interface GenesysSignInOptions {
  /** Genesys Authentication's authorize endpoint, e.g. `https://gws.example.com/auth/v3/oauth/authorize`. */
  authorizeUrl: string;
  /** The toolbar's OAuth client, as registered with Genesys Authentication. */
  clientId: string;
  /** Where Genesys Authentication sends the browser back: the toolbar's `genesys-sign-in.html`. */
  redirectUri: string;
  /** Whether the server sends back the `state` it was given (Genesys Authentication does; WWE's flow in Genesys' agent-api-simulator does not). Default true. */
  echoesState?: boolean;
}

export type SignInOutcome = { readonly ok: true; readonly credential: GenesysCredential } | Failure;

/** What genesys-sign-in.html posts to its opener. */
export const signInMessageSchema = z.object({
  type: z.literal(SIGN_IN_MESSAGE),
  state: z.nullable(z.string().check(z.maxLength(128))),
  code: z.nullable(z.string().check(z.minLength(1), z.maxLength(4096))),
  error: z.nullable(z.string().check(z.maxLength(512))),
});

/** The browser side a sign-in needs: opening a window and hearing its message. */
export interface SignInWindow {
  readonly origin: string;
  open(url: string): { readonly closed: boolean } | null;
  listen(listener: (event: { origin: string; source: unknown; data: unknown }) => void): () => void;
}

const CLOSED_POLL_MS = 500;

export class GenesysSignIn {
  private credential: GenesysCredential | undefined;
  private inFlight: Promise<SignInOutcome> | undefined;

  constructor(
    private readonly options: GenesysSignInOptions,
    private readonly host: SignInWindow,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The agent's credential: the one this page signed in with, else a new sign-in (one at a time). */
  signIn(): Promise<SignInOutcome> {
    if (this.credential) return Promise.resolve({ ok: true, credential: this.credential });
    this.inFlight ??= this.run().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** The contact center refused the credential: the next initialize signs in again. */
  forget(): void {
    this.credential = undefined;
  }

  private run(): Promise<SignInOutcome> {
    const state = globalThis.crypto.randomUUID();
    const url = new URL(this.options.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('redirect_uri', this.options.redirectUri);
    url.searchParams.set('state', state);
    const popup = this.host.open(url.href);
    if (!popup)
      return Promise.resolve(failure('SIGN_IN_FAILED', 'The browser blocked the Genesys sign-in window: allow pop-ups for the toolbar, then try again.'));
    return new Promise<SignInOutcome>((resolve) => {
      let poll: TimerHandle | undefined;
      const finish = (outcome: SignInOutcome): void => {
        stop();
        poll?.cancel();
        if (outcome.ok) this.credential = outcome.credential;
        resolve(outcome);
      };
      const stop = this.host.listen((event) => {
        if (event.origin !== this.host.origin || event.source !== popup) return;
        const message = signInMessageSchema.safeParse(event.data);
        if (!message.success || message.data.state !== (this.options.echoesState === false ? null : state)) return;
        const { code, error } = message.data;
        if (code === null) finish(failure('SIGN_IN_FAILED', `Genesys Authentication did not sign the agent in${error ? ` (${error})` : ''}.`));
        else finish({ ok: true, credential: { kind: 'code', code, redirectUri: this.options.redirectUri } });
      });
      const watch = (): void => {
        poll = this.clock.setTimer(CLOSED_POLL_MS, () => {
          if (popup.closed) finish(failure('SIGN_IN_FAILED', 'The Genesys sign-in window was closed before the agent signed in.'));
          else watch();
        });
      };
      watch();
    });
  }
}

/** The browser's window as a SignInWindow. */
export function browserSignInWindow(): SignInWindow {
  return {
    origin: window.location.origin,
    open: (url) => window.open(url, 'ctikit-genesys-sign-in', 'popup,width=480,height=640'),
    listen(listener) {
      const onMessage = (event: MessageEvent): void => listener({ origin: event.origin, source: event.source, data: event.data as unknown });
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
  };
}
