import type { HostMessage } from '../wire/uef-message.ts';
import { parseToolbarMessage } from '../wire/uef-message.ts';
import type { FusionSession } from './fusion-session.ts';

/**
 * The host page's side of postMessage. A message is taken only when it comes from the toolbar's
 * origin AND from the toolbar frame's window, and parses as a UEF message; anything else is refused
 * and shown in the event log. Messages to the toolbar are posted with its origin as the target, so
 * they go nowhere if the frame has navigated away.
 */
export function linkToolbarFrame(host: Window, frame: () => HTMLIFrameElement | null, toolbarOrigin: string, session: FusionSession): () => void {
  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== toolbarOrigin) {
      session.refuse(event.origin, `origin is not the media toolbar's (${toolbarOrigin})`, event.data);
      return;
    }
    if (event.source === null || event.source !== frame()?.contentWindow) {
      session.refuse(event.origin, 'not sent by the media toolbar frame', event.data);
      return;
    }
    const parsed = parseToolbarMessage(event.data);
    if (!parsed.ok) {
      session.refuse(event.origin, `not a UEF message: ${parsed.problems.slice(0, 3).join('; ')}`, event.data);
      return;
    }
    session.receive(parsed.message);
  };
  host.addEventListener('message', onMessage);
  return () => host.removeEventListener('message', onMessage);
}

/** Posts to the toolbar frame, pinned to its origin. */
export function postToToolbar(frame: () => HTMLIFrameElement | null, toolbarOrigin: string): (message: HostMessage) => void {
  return (message) => frame()?.contentWindow?.postMessage(message, toolbarOrigin);
}
