import { z } from './platform/schema.ts';
import { DEFAULT_SCREEN_POP_RULES } from './fusion/screen-pop.ts';

/**
 * The toolbar's configuration: one JSON file served beside the toolbar (`config.json`), and a few
 * harmless URL parameters of the frame (`?locale=ja&agentId=agent2`). Both are parsed here, at the
 * edge, and nowhere else.
 *
 * Any page may frame the toolbar with any URL, so the URL never sets what loads code, chooses an
 * endpoint or decides how the toolbar signs in (`uefScriptUrl`, `bridgeUrl`, `ccpUrl`, `region`,
 * `credentials`): those are file-only, and such parameters are ignored. The URL may always set
 * `locale` and `agentId` (which only a dev-mode bridge honours); `token` when the file says
 * `credentials: "url"`; and the keys the file lists in `urlParameters` (the demo's vendor switch).
 */

export const ORACLE_UEF_SCRIPT_URL = 'https://static.oracle.com/cdn/ui-events-framework/libs/ui-events-framework-client.js';

/** Keys a config file may open to the URL with `urlParameters`: they too choose no code, endpoint or credentials. */
export const URL_OPT_IN_KEYS = ['vendor', 'offerTimeoutSec', 'appClassification', 'loginPopup'] as const;

/**
 * A keyboard shortcut as ARIA writes it (`aria-keyshortcuts`): modifiers, then one key — a letter, a
 * digit or F1–F12. It needs Alt, Control or Meta, so typing in a field never fires one.
 */
export const SHORTCUT_PATTERN = /^((Alt|Control|Meta|Shift)\+)+([A-Z0-9]|F([1-9]|1[0-2]))$/;

const shortcutSchema = z.nullable(
  z.string().check(
    z.maxLength(32),
    z.regex(SHORTCUT_PATTERN, 'a shortcut such as Alt+Shift+A (modifiers, then a letter, digit or F1–F12)'),
    z.refine((value) => /(^|\+)(Alt|Control|Meta)\+/.test(value), 'a shortcut needs Alt, Control or Meta'),
  ),
);

/** The toolbar's call shortcuts; `null` turns one off. Defaults on Alt+Shift, which neither Fusion nor the browsers use. */
export const DEFAULT_SHORTCUTS = { answer: 'Alt+Shift+A', hangUp: 'Alt+Shift+H', hold: 'Alt+Shift+O', mute: 'Alt+Shift+M' } as const;

export const shortcutsSchema = z._default(
  z
    .strictObject({
      answer: z._default(shortcutSchema, DEFAULT_SHORTCUTS.answer),
      hangUp: z._default(shortcutSchema, DEFAULT_SHORTCUTS.hangUp),
      hold: z._default(shortcutSchema, DEFAULT_SHORTCUTS.hold),
      mute: z._default(shortcutSchema, DEFAULT_SHORTCUTS.mute),
    })
    .check(
      z.refine((keys) => {
        const used = Object.values(keys).filter((key) => key !== null);
        return new Set(used).size === used.length;
      }, 'two actions share one shortcut'),
    ),
  () => ({ ...DEFAULT_SHORTCUTS }),
);

export type Shortcuts = z.output<typeof shortcutsSchema>;
export type ShortcutAction = keyof Shortcuts;

export const toolbarConfigSchema = z.object({
  vendor: z._default(z.enum(['genesys', 'amazon']), 'genesys'),
  /** The ctikit bridge (Genesys): REST at `${bridgeUrl}/genesys/events`, socket at `/genesysWs`. */
  bridgeUrl: z.optional(z.url()),
  /** Where the bearer token for the bridge comes from: none (dev mode), the URL (`token=`), or Fusion's trust token. */
  credentials: z._default(z.enum(['none', 'url', 'fusionTrustToken']), 'none'),
  token: z.optional(text(4096)),
  /** Dev mode only: which configured agent this toolbar is. */
  agentId: z.optional(text(64)),
  /**
   * Amazon Connect: the instance's CCP, `https://<alias>.my.connect.aws/ccp-v2/` (absolute, or relative
   * to the toolbar's page). Default: the simulated CCP the bridge serves at `/ccp/`.
   */
  ccpUrl: z.optional(text(2000)),
  /** Amazon Connect: the instance's AWS region (`eu-west-2`). */
  region: z.optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-[0-9]$/, 'an AWS region such as eu-west-2'))),
  /** Amazon Connect: let Streams open the login window when the agent must sign in (URL: `true` / `false`). */
  loginPopup: z._default(
    z.union([
      z.boolean(),
      z.pipe(
        z.enum(['true', 'false']),
        z.transform((value) => value === 'true'),
      ),
    ]),
    true,
  ),
  /** Fusion's app classification for the comm events and click-to-dial subscription. */
  appClassification: z._default(text(64), 'ORA_SERVICE'),
  /** The agents' region (ISO 3166 code): its numbers read in national format, every other number in international format. */
  phoneRegion: z._default(z.string().check(z.regex(/^[A-Z]{2}$/, 'a two-letter region code such as US or JP')), 'US'),
  /** `auto` follows Fusion's locale, then the browser's. */
  locale: z._default(z.enum(['auto', 'en', 'ja']), 'auto'),
  /** The UEF client library: Oracle's CDN in production, the Fusion simulator's copy in the demo. */
  uefScriptUrl: z._default(z.string().check(z.minLength(1)), ORACLE_UEF_SCRIPT_URL),
  /** Seconds Fusion shows the offer before OFFER_TIMEOUT; 0 leaves it to the contact center. */
  offerTimeoutSec: z._default(z.pipe(z.coerce.number(), z.int().check(z.nonnegative())), 0),
  /**
   * Screen pop: attached-data keys naming a Fusion record, each with the record type Fusion opens
   * when the call connects (first match wins; `[]` turns it off).
   */
  screenPop: z._default(z.array(z.object({ key: text(128), recordType: text(64) })).check(z.maxLength(32)), () => [...DEFAULT_SCREEN_POP_RULES]),
  /**
   * File only: the agent signs in with Genesys Authentication (authorization-code flow) and the
   * toolbar hands the bridge the agent's credential (a bridge on the Workspace API backend).
   * `redirectUri` defaults to the toolbar's own `genesys-sign-in.html`; register it with the client.
   * `echoesState: false` is for a server that sends the code back without the `state` the toolbar
   * sent (WWE's own flow, as Genesys' agent-api-simulator plays it): the answer then counts on the
   * popup and the origin checks alone.
   */
  genesysSignIn: z.optional(
    z.strictObject({
      authorizeUrl: httpUrl(),
      clientId: text(256),
      redirectUri: z.optional(httpUrl()),
      echoesState: z._default(z.boolean(), true),
    }),
  ),
  /** File only: the keyboard shortcuts of the call controls, working while the toolbar's frame has the focus. */
  shortcuts: shortcutsSchema,
  /** File only: the keys the frame's URL may also set, among URL_OPT_IN_KEYS. */
  urlParameters: z._default(z.array(z.enum(URL_OPT_IN_KEYS)).check(z.maxLength(URL_OPT_IN_KEYS.length)), []),
});

/** A non-empty string of at most `max` characters. */
function text(max: number) {
  return z.string().check(z.minLength(1), z.maxLength(max));
}

function httpUrl() {
  return z.url({ protocol: /^https?$/ }).check(z.maxLength(2000));
}

export type ToolbarConfig = z.output<typeof toolbarConfigSchema>;

/** Keys the frame's URL may always set: they choose no code, endpoint or credentials. */
export const URL_KEYS = ['locale', 'agentId'] as const satisfies ReadonlyArray<keyof ToolbarConfig>;

function fileObject(file: unknown): Record<string, unknown> {
  return typeof file === 'object' && file !== null && !Array.isArray(file) ? (file as Record<string, unknown>) : {};
}

/** The keys this file lets the URL set (an invalid `urlParameters` opens nothing; the parse reports it). */
function urlKeysFor(file: Record<string, unknown>): string[] {
  const optIn = toolbarConfigSchema.shape.urlParameters.safeParse(file['urlParameters']);
  return [...URL_KEYS, ...(optIn.success ? optIn.data : []), ...(file['credentials'] === 'url' ? ['token'] : [])];
}

/** Merge the config file with the URL parameters it allows; those win. Throws a readable Error. */
export function parseToolbarConfig(file: unknown, search: string): ToolbarConfig {
  const params = new URLSearchParams(search);
  const base = fileObject(file);
  const fromUrl: Record<string, string> = {};
  for (const key of urlKeysFor(base)) {
    const value = params.get(key);
    if (value !== null && value !== '') fromUrl[key] = value;
  }
  const result = toolbarConfigSchema.safeParse({ ...base, ...fromUrl });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid toolbar configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
