/**
 * The cookies of one Workspace session: whatever the Workspace API sets (its session cookie, which
 * Genesys names differently by release and product — `WORKSPACE_SESSIONID`, `WWE_SESSIONID`,
 * `WWE_CODE` — and the CometD server's browser cookie), all sent back. One jar per agent, shared by
 * the session's REST calls and its CometD requests, so agents never see each other's cookies. A
 * cookie the server expires (`Max-Age=0`, an `Expires` in the past) is dropped. Paths are not
 * modelled: every cookie goes back to the one Workspace API origin.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Store a `Set-Cookie` header value. */
  store(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) return;
    const name = pair.slice(0, equals).trim();
    if (attributes.some(expired)) {
      this.cookies.delete(name);
      return;
    }
    this.cookies.set(name, pair.slice(equals + 1).trim());
  }

  /** `name=value` pairs, for a `Cookie` header. */
  pairs(): string[] {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`);
  }
}

function expired(attribute: string): boolean {
  const [rawName = '', ...rest] = attribute.split('=');
  const name = rawName.trim().toLowerCase();
  const value = rest.join('=').trim();
  if (name === 'max-age') return Number(value) <= 0;
  if (name === 'expires') {
    const at = Date.parse(value);
    return Number.isFinite(at) && at <= Date.now();
  }
  return false;
}
