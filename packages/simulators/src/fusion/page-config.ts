import * as z from 'zod/mini';
import { HOST_ORIGIN_PARAM, TOOLBAR_NAME_PARAM } from '../uef/window-transport.ts';
import { defaultFusionConfig, type FusionConfig } from './fusion-state.ts';

/**
 * The demo page's settings, from its query string:
 *
 * | parameter           | default        | meaning                                                          |
 * |---------------------|----------------|------------------------------------------------------------------|
 * | `toolbar`           | `/toolbar/`    | URL of the media toolbar to frame (tests frame a fixture page)   |
 * | `tbName`            | `ctikit`       | toolbar name, passed to the frame as `oraTbName`                 |
 * | `appClassification` | `ORA_SERVICE`  | this Fusion page's application classification (click-to-dial)   |
 * | `agentId`           | `agent1`       | the agent signed in to this Fusion page: getConfigurationOperation's agent id, and the toolbar's (a dev-mode bridge takes only its configured agents) |
 * | `locale`            | the toolbar's  | `en` or `ja`: the toolbar's language (and its web extensions')   |
 * | `user`              | the `agentId`  | the signed-in Fusion user a signed trust token names (`prn`)     |
 * | `trustToken`        | `dev`          | `signed`: sign trust tokens with the trust-token.json beside the page |
 * | `phone`             | `1`            | `0` hides the customer phone panel                               |
 * | `vendor`            | the toolbar's  | `amazon` runs the toolbar on Amazon Connect (the simulated CCP)  |
 *
 * Only these reach the toolbar frame (`agentId`, `locale` and `vendor`, when given), each checked
 * against its allowed values here; nothing else of the page's URL does.
 */

const identifier = z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/));

const querySchema = z.object({
  toolbar: z._default(z.string().check(z.minLength(1), z.maxLength(2000)), '/toolbar/'),
  tbName: z._default(identifier, 'ctikit'),
  appClassification: z._default(identifier, 'ORA_SERVICE'),
  agentId: z.optional(identifier),
  locale: z.optional(z.enum(['en', 'ja'])),
  user: z.optional(identifier),
  trustToken: z._default(z.enum(['dev', 'signed']), 'dev'),
  phone: z._default(z.enum(['0', '1']), '1'),
  vendor: z.optional(z.enum(['genesys', 'amazon'])),
});

export interface PageConfig {
  /** The URL the media toolbar frame loads, with oraParentFrame and oraTbName added. */
  toolbarFrameUrl: string;
  /** The only origin whose messages the host takes, and the target origin of what it posts. */
  toolbarOrigin: string;
  fusion: FusionConfig;
  /** The Fusion user signed in on this page: whom a signed trust token names. */
  user: string;
  /** Sign trust tokens with the key of the trust-token.json beside the page (never a key from the URL); else the unsigned dev token. */
  signedTrustToken: boolean;
  showPhone: boolean;
}

export function readPageConfig(pageUrl: string): PageConfig {
  const page = new URL(pageUrl);
  const parsed = querySchema.safeParse(Object.fromEntries(page.searchParams));
  if (!parsed.success) {
    throw new Error(`Invalid page parameters: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const query = parsed.data;
  const toolbar = new URL(query.toolbar, page);
  if (toolbar.protocol !== 'http:' && toolbar.protocol !== 'https:') throw new Error('The toolbar URL must be http(s)');
  toolbar.searchParams.set(HOST_ORIGIN_PARAM, page.origin);
  toolbar.searchParams.set(TOOLBAR_NAME_PARAM, query.tbName);
  for (const key of ['agentId', 'locale', 'vendor'] as const) {
    const value = query[key];
    if (value !== undefined) toolbar.searchParams.set(key, value);
  }
  const fusion = defaultFusionConfig({ appClassification: query.appClassification, ...(query.agentId !== undefined ? { agentId: query.agentId } : {}) });
  return {
    toolbarFrameUrl: toolbar.href,
    toolbarOrigin: toolbar.origin,
    fusion,
    user: query.user ?? fusion.agentId,
    signedTrustToken: query.trustToken === 'signed',
    showPhone: query.phone === '1',
  };
}
