/**
 * The cookies of one Workspace session: `WORKSPACE_SESSIONID` from initialize-workspace and whatever
 * the CometD server sets (its browser cookie). One jar per agent, shared by the session's REST calls
 * and its CometD requests, so agents never see each other's cookies. Attributes (path, expiry) are
 * not modelled: every cookie goes back to the one Workspace API origin.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Store a `Set-Cookie` header value. */
  store(setCookie: string): void {
    const [pair = ''] = setCookie.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) return;
    this.cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** `name=value` pairs, for a `Cookie` header. */
  pairs(): string[] {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`);
  }
}
