import type { DesktopOptions } from './desktop-options.ts';
import { matches, normalizeOrigin, parseSecurityOptions, type NameFilter, type Parsed, type SecurityOptions } from './security-options.ts';

/**
 * Web extensions, configured as Genesys Agent Desktop configures them: options in sections, the
 * `[interaction-workspace]` section naming the extension sections —
 *
 * ```json
 * "agentDesktopOptions": {
 *   "interaction-workspace": {
 *     "workspace.web-content": "CrmSearch",
 *     "interaction.web-content": "CallNotes, Scoring",
 *     "service-client-api.accepted-web-content-origins": "https://apps.example.com (*)"
 *   },
 *   "CrmSearch": { "label": "CRM search", "url": "https://apps.example.com/search" },
 *   "CallNotes": { "label": "Notes", "url": "https://apps.example.com/notes?call={interactionId}&from={ANI}", "mode": "panel" }
 * }
 * ```
 *
 * - `workspace.web-content`: views of the agent's workspace, `mode` `tab` (default) or `hidden`
 *   (a frame that runs in the background, never shown).
 * - `interaction.web-content`: views opened for each call, `mode` `panel` (default) or `hidden`;
 *   their URL may carry the call's data: `{interactionId}`, `{ANI}`, `{DNIS}`, `{phoneNumber}`,
 *   `{callUuid}`, `{caseId}`, `{direction}`, `{userData.<key>}` (read-allowed keys only), each
 *   URL-encoded, empty when unknown.
 * - Every view: `label.<locale>` (`label.ja`) is its label in that language, `label` otherwise; its
 *   URL may carry `{locale}`, the agent's language (`en`, `ja`), so the page can speak it too.
 */

export const WORKSPACE_SECTION = 'interaction-workspace';

export type ViewLevel = 'workspace' | 'interaction';

export interface ExtensionView {
  /** The option section that defines it. */
  readonly name: string;
  readonly level: ViewLevel;
  readonly label: string;
  /** An absolute http(s) URL; for interaction views, a template. */
  readonly url: string;
  /** Shown (a tab, a panel per call) or running unseen. */
  readonly hidden: boolean;
}

export interface ExtensionsSetup {
  readonly views: readonly ExtensionView[];
  readonly security: SecurityOptions;
  /** Every section, for `configuration.getOption`. */
  readonly options: DesktopOptions;
}

const MODES: Record<ViewLevel, { shown: string; hidden: string }> = {
  workspace: { shown: 'tab', hidden: 'hidden' },
  interaction: { shown: 'panel', hidden: 'hidden' },
};

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*(?:\.[^{}\s]+)?)\}/g;
export const URL_FIELDS = ['interactionId', 'ANI', 'DNIS', 'phoneNumber', 'callUuid', 'caseId', 'direction'] as const;
export type UrlField = (typeof URL_FIELDS)[number];

/** The placeholder every view's URL may carry: the agent's language, filled when the options are read. */
const LOCALE_PLACEHOLDER = /\{locale\}/g;

function placeholderProblem(url: string, level: ViewLevel): string | undefined {
  for (const [, name = ''] of url.matchAll(PLACEHOLDER)) {
    if (level === 'workspace') return `{${name}}: only interaction views take call data`;
    if (!(URL_FIELDS as readonly string[]).includes(name) && !name.startsWith('userData.')) return `{${name}} is not a call field`;
  }
  return undefined;
}

function parseView(name: string, level: ViewLevel, options: DesktopOptions, locale: string, problems: string[]): ExtensionView | undefined {
  const own = options[name];
  if (!own) {
    problems.push(`${level}.web-content names "${name}", which has no section`);
    return undefined;
  }
  const label = (own[`label.${locale}`]?.trim() || undefined) ?? own['label']?.trim();
  const url = (own['url']?.trim() ?? '').replace(LOCALE_PLACEHOLDER, encodeURIComponent(locale));
  const mode = own['mode']?.trim() ?? MODES[level].shown;
  const templateFree = url.replace(PLACEHOLDER, 'x');
  const problem = !label
    ? 'needs a label'
    : !/^https?:\/\//i.test(url) || !URL.canParse(templateFree)
      ? `url "${url}" is not an absolute http(s) URL`
      : mode !== MODES[level].shown && mode !== MODES[level].hidden
        ? `mode "${mode}" is not ${MODES[level].shown} or ${MODES[level].hidden}`
        : placeholderProblem(url, level);
  if (problem !== undefined) {
    problems.push(`[${name}] ${problem}`);
    return undefined;
  }
  return { name, level, label: label ?? name, url, hidden: mode === MODES[level].hidden };
}

function sectionList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The views, in the agent's `locale`, and the security options; an unusable view is left out and named in `problems`. */
export function parseExtensionsSetup(options: DesktopOptions, locale: string): Parsed<ExtensionsSetup> {
  const workspace = options[WORKSPACE_SECTION] ?? {};
  const security = parseSecurityOptions(workspace);
  const problems: string[] = [...security.problems];
  const views: ExtensionView[] = [];
  for (const level of ['workspace', 'interaction'] as const) {
    for (const name of sectionList(workspace[`${level}.web-content`])) {
      const view = parseView(name, level, options, locale, problems);
      if (view) views.push(view);
    }
  }
  for (const view of views) {
    const origin = viewOrigin(view);
    if (origin !== undefined && !security.value.origins.some((rule) => rule.origin === origin || rule.origin === '*')) {
      problems.push(`[${view.name}] ${origin} is not an accepted origin: the page is shown but cannot use the API`);
    }
  }
  return { value: { views, security: security.value, options }, problems };
}

/** The origin a view's page is loaded from. */
export function viewOrigin(view: ExtensionView): string | undefined {
  return normalizeOrigin(new URL(view.url.replace(PLACEHOLDER, 'x')).origin);
}

export interface CallFields {
  readonly fields: Readonly<Partial<Record<UrlField, string>>>;
  readonly userData: Readonly<Record<string, string | number>>;
}

/** Fill an interaction view's URL with the call's data: each value URL-encoded, unreadable keys empty. */
export function expandUrl(template: string, call: CallFields, readAllowed: NameFilter): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    if (name.startsWith('userData.')) {
      const key = name.slice('userData.'.length);
      const value = matches(readAllowed, key) ? call.userData[key] : undefined;
      return value === undefined ? '' : encodeURIComponent(String(value));
    }
    return encodeURIComponent(call.fields[name as UrlField] ?? '');
  });
}
