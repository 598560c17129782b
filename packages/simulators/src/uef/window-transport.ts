import { parseHostMessage } from '../wire/uef-message.ts';
import type { UefTransport } from './connection.ts';

/**
 * The browser transport: postMessage to `window.parent` with the host's origin as the target, and
 * only messages whose origin is that origin and whose source is the parent window are taken. Anything
 * else (another frame, another origin, a message that does not parse) is dropped unseen.
 */
export function windowTransport(frame: Window, hostOrigin: string): UefTransport {
  return {
    send(message) {
      frame.parent.postMessage(message, hostOrigin);
    },
    listen(handler) {
      const onMessage = (event: MessageEvent): void => {
        if (event.origin !== hostOrigin || event.source !== frame.parent) return;
        const parsed = parseHostMessage(event.data);
        if (parsed.ok) handler(parsed.message);
      };
      frame.addEventListener('message', onMessage);
      return () => frame.removeEventListener('message', onMessage);
    },
  };
}

/** The frame URL parameters Fusion gives the toolbar (uef.md §1.5): the host's origin and the toolbar name. */
export const HOST_ORIGIN_PARAM = 'oraParentFrame';
export const TOOLBAR_NAME_PARAM = 'oraTbName';

/** The host origin pinned from the frame URL; throws when the page is not framed or the URL lacks it. */
export function hostOriginOf(frame: Window): string {
  if (frame.parent === frame) throw new Error('The UEF client runs inside the Fusion media toolbar frame; this page is not framed');
  const value = new URL(frame.location.href).searchParams.get(HOST_ORIGIN_PARAM);
  if (!value) throw new Error(`The frame URL has no ${HOST_ORIGIN_PARAM} parameter (the Fusion host's origin)`);
  const origin = new URL(value).origin;
  if (origin === 'null') throw new Error(`${HOST_ORIGIN_PARAM} is not an http(s) origin: ${value}`);
  return origin;
}
