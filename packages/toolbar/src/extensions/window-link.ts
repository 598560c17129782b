import type { ExtensionsHost } from './extensions-host.ts';

/**
 * The browser's side of the link: every message posted to the toolbar's window goes to the host,
 * with its source window and origin, which the host checks before anything else (most messages —
 * Fusion's UEF traffic among them — are not from an extension frame and are dropped at once).
 */
export function listenToExtensions(window: Window, host: ExtensionsHost): () => void {
  const onMessage = (event: MessageEvent) => host.receive(event.source, event.origin, event.data);
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
