import type { GenesysCredential } from '@ctikit/protocol';

/**
 * What an agent's browser does to sign in with Genesys Authentication's authorization-code flow,
 * against Genesys' simulator or ctikit's Workspace face (both play Genesys Authentication):
 *
 *     GET  /auth/v3/oauth/authorize?response_type=code&client_id=…&redirect_uri=R   302 → the sign-in page
 *     POST /auth/v3/sign-in  username=\User&password=…                               302 → /workspace/v3/start?code=C
 *     GET  /workspace/v3/start?code=C&redirect_uri=R                                 302 → R?code=C
 *
 * The browser keeps the cookies the server sets along the way; the credential it ends with is the
 * code and the redirect URI, which the toolbar hands to the bridge.
 */
export const REDIRECT_URI = 'https://toolbar.example.com/genesys-sign-in';

export async function signInWithCode(authUrl: string, userName: string, password: string, redirectUri = REDIRECT_URI): Promise<GenesysCredential> {
  const cookies = new Map<string, string>();
  const visit = async (url: string, init: RequestInit = {}): Promise<string> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const equals = pair.indexOf('=');
      if (equals > 0) cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
    }
    const location = response.headers.get('location');
    if (response.status !== 302 || location === null) throw new Error(`sign-in: ${url} answered ${response.status} without a redirect`);
    return new URL(location, url).href;
  };
  const authorize = new URL('/auth/v3/oauth/authorize', authUrl);
  authorize.search = new URLSearchParams({ response_type: 'code', client_id: 'ctikit-toolbar', redirect_uri: redirectUri }).toString();
  await visit(authorize.href);
  const start = await visit(new URL('/auth/v3/sign-in', authUrl).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: `\\${userName}`, password }).toString(),
  });
  if (new URL(start).searchParams.get('error') !== null || !start.includes('code=')) throw new Error(`sign-in refused for ${userName}: ${start}`);
  // The start page is served by the simulator's own origin (its redirects name the port it listens on).
  const startUrl = new URL(start);
  const back = new URL(await visit(new URL(startUrl.pathname + startUrl.search, authUrl).href));
  const code = back.searchParams.get('code');
  if (code === null) throw new Error(`sign-in for ${userName} came back without a code: ${back.href}`);
  return { kind: 'code', code, redirectUri: `${back.origin}${back.pathname}` };
}
