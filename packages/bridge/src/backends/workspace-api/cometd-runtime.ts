import { CometD } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import type { CookieJar } from './cookie-jar.ts';

/**
 * The CometD JavaScript client, run in Node through `cometd-nodejs-client` (which installs
 * `XMLHttpRequest` and `WebSocket` on a global `window`, as the CometD library expects). The
 * adapter is installed once, on first use, so a bridge that never uses the Workspace API never
 * gets a global `window`. (The adapter also points `console.debug` at `console.log`; that is undone.)
 *
 * Cookies: the adapter would keep one cookie store for the whole process, so every agent's CometD
 * client would share the server's browser cookie (the server then treats all agents as one browser
 * and stops long polling for all but one) and could not carry its own `WORKSPACE_SESSIONID`. Each
 * client's long-polling transport therefore carries its agent's CookieJar as its context; the
 * adapter hands that context to `retrieveCookies` with the request's URL object, and the same URL
 * object to `storeCookie` when the answer comes, which is how a Set-Cookie finds its jar.
 */

interface TransportContext {
  jar: CookieJar;
}

let adapted = false;
const jarOfRequest = new WeakMap<object, CookieJar>();

function isTransportContext(value: unknown): value is TransportContext {
  return typeof value === 'object' && value !== null && 'jar' in value;
}

function adaptOnce(): void {
  if (adapted) return;
  adapted = true;
  // eslint-disable-next-line no-console -- kept to undo the adapter's change to the global console, not to log
  const debug = console.debug;
  adapt({
    cookies: {
      retrieveCookies(context: unknown, uri: object, callback) {
        if (!isTransportContext(context)) {
          callback(null, []);
          return;
        }
        jarOfRequest.set(uri, context.jar);
        callback(null, context.jar.pairs());
      },
      storeCookie(uri: object, header, callback) {
        jarOfRequest.get(uri)?.store(header);
        callback(null, undefined);
      },
    },
  });
  // eslint-disable-next-line no-console -- see above
  console.debug = debug;
}

/** A CometD client for one Workspace session: long polling only (the Workspace API offers no WebSocket), its own cookies. */
export function createCometD(url: string, apiKey: string, jar: CookieJar): CometD {
  adaptOnce();
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');
  const transport = cometd.findTransport('long-polling');
  if (!transport) throw new Error('The CometD long-polling transport is missing.');
  const context: TransportContext = { jar };
  Object.assign(transport, { context });
  cometd.configure({ url, requestHeaders: { 'x-api-key': apiKey }, logLevel: 'warn' });
  return cometd;
}
