/**
 * The CCP's sign-in, as the browser keeps it for the instance's origin: one flag per agent in
 * localStorage, shared by every tab and frame of the CCP (the real CCP shares its session cookie the
 * same way). The agent is signed in unless the flag says otherwise; expiring the session (a control on
 * the CCP page) sets it, and signing in on the login page — the window Streams opens with
 * `loginPopup` — clears it. Every CCP page of the agent hears the change through the `storage` event.
 */

export interface LoginStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class CcpLogin {
  private readonly key: string;

  constructor(
    private readonly store: LoginStore,
    agentId: string,
  ) {
    this.key = `ctikit.ccp.signedOut:${agentId}`;
  }

  get signedIn(): boolean {
    return this.store.getItem(this.key) === null;
  }

  signIn(): void {
    this.store.removeItem(this.key);
  }

  /** The session expired: every CCP page of this agent stops working until the agent signs in again. */
  expire(): void {
    this.store.setItem(this.key, new Date().toISOString());
  }

  /** Calls `listener` when another page signs in or expires the session. Returns the unsubscribe. */
  watch(target: Window, listener: (signedIn: boolean) => void): () => void {
    const onStorage = (event: StorageEvent): void => {
      if (event.key === this.key) listener(event.newValue === null);
    };
    target.addEventListener('storage', onStorage);
    return () => target.removeEventListener('storage', onStorage);
  }
}
