import type { GenesysGlobal } from './global-types.ts';
import { createServiceClient } from './namespaces.ts';
import { checkOrigin } from './service-client.ts';

/**
 * The script-tag build (`wwe-service-client-api.js`): defines `window.genesys.wwe.service`, as
 * Genesys's script does, so a page written for Agent Desktop runs unchanged.
 *
 * The host origin it is pinned to is, in order: the script tag's `data-host-origin` attribute, the
 * origin of the page framing this one (`location.ancestorOrigins`, else the referrer's). A page can
 * also call `genesys.wwe.service.setHostOrigin(origin)` before its first request.
 */
function hostOrigin(): string | undefined {
  const fromScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript.dataset['hostOrigin'] : undefined;
  const candidates = [fromScript, window.location.ancestorOrigins?.[0], document.referrer || undefined];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    try {
      return checkOrigin(new URL(candidate).origin);
    } catch {
      continue;
    }
  }
  return undefined;
}

const page = window as Window & GenesysGlobal;
page.genesys ??= {};
page.genesys.wwe ??= {};
page.genesys.wwe.service ??= createServiceClient({ window, hostOrigin: hostOrigin() });
