import { API_NAMES, type ApiName } from '@ctikit/service-client';

/**
 * The Service Client API's security options, read as Genesys Agent Desktop documents them
 * (section `[interaction-workspace]`):
 *
 * | option | default | meaning |
 * |---|---|---|
 * | `service-client-api.accepted-web-content-origins` | empty: no origin | `http://srv1 (*), http://srv2 (agent.*, voice.dial)`; an origin without a filter may use every API; `*` stands for any origin |
 * | `service-client-api.rate-limit` | 0 (no limit) | requests per minute, all APIs together, per origin |
 * | `service-client-api.rate-limit.<api>` | 0 | requests per minute of one API (`rate-limit.voice.dial`) |
 * | `service-client-api.rate-limit-quarantine-delay` | 30 | seconds an origin's requests are refused after it broke a limit; 0 = for good |
 * | `service-client-api.user-data.read-allowed` | `*` | the userData keys extensions may read (in Interaction objects, events and URLs) |
 * | `service-client-api.user-data.write-allowed` | `*` | the keys `interaction.setUserData` / `deleteUserData` (and dial's userData) may write |
 *
 * API filters and key lists take a trailing `*` as a wildcard (`agent.*`, `voice.start*`, `IW_*`).
 * Parsing is pure: every entry that cannot be understood is left out (nothing is allowed by
 * mistake) and named in `problems`.
 */

export const OPTION = {
  acceptedOrigins: 'service-client-api.accepted-web-content-origins',
  rateLimit: 'service-client-api.rate-limit',
  rateLimitPrefix: 'service-client-api.rate-limit.',
  quarantineDelay: 'service-client-api.rate-limit-quarantine-delay',
  readAllowed: 'service-client-api.user-data.read-allowed',
  writeAllowed: 'service-client-api.user-data.write-allowed',
} as const;

/** A list of names with trailing-`*` wildcards: `*` is everything, an empty list nothing. */
export interface NameFilter {
  readonly patterns: readonly string[];
}

export interface OriginRule {
  /** `scheme://host[:port]`, or `*` for any origin. */
  readonly origin: string;
  readonly apis: NameFilter;
}

export interface RateLimits {
  /** Requests per minute over every API; 0 = no limit. */
  readonly perMinute: number;
  readonly perApi: ReadonlyMap<ApiName, number>;
  /** How long an origin stays refused after breaking a limit; `undefined` = for good. */
  readonly quarantineMs: number | undefined;
}

export interface SecurityOptions {
  readonly origins: readonly OriginRule[];
  readonly rateLimits: RateLimits;
  readonly userData: { readonly read: NameFilter; readonly write: NameFilter };
}

export interface Parsed<T> {
  readonly value: T;
  readonly problems: readonly string[];
}

const EVERYTHING: NameFilter = Object.freeze({ patterns: ['*'] });
const DEFAULT_QUARANTINE_SEC = 30;

export function matches(filter: NameFilter, name: string): boolean {
  return filter.patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

/** Split at the commas that are not inside parentheses. */
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** `http://Srv:80` → `http://srv`; undefined when it is not a bare http(s) origin. */
export function normalizeOrigin(value: string): string | undefined {
  if (!/^https?:\/\/[^/\s?#]+\/?$/i.test(value)) return undefined;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

const NAME_PATTERN = /^[A-Za-z0-9_.-]*\*?$/;

/** A comma list of names with trailing wildcards; bad entries are dropped and reported. */
export function parseNameList(value: string, what: string): Parsed<NameFilter> {
  const problems: string[] = [];
  const patterns: string[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (entry.length > 128 || !NAME_PATTERN.test(entry)) problems.push(`${what}: "${entry}" is not a name or a name ending in *`);
    else patterns.push(entry);
  }
  return { value: { patterns }, problems };
}

/** An API filter: each entry must be `*`, `<namespace>.*` or a known request (a trailing `*` allowed). */
function parseApiFilter(value: string, origin: string): Parsed<NameFilter> {
  const list = parseNameList(value, `the API filter of ${origin}`);
  const problems = [...list.problems];
  const patterns = list.value.patterns.filter((pattern) => {
    const known = matchesAnyApi(pattern);
    if (!known) problems.push(`the API filter of ${origin}: "${pattern}" names no request of the API`);
    return known;
  });
  return { value: { patterns }, problems };
}

function matchesAnyApi(pattern: string): boolean {
  return API_NAMES.some((api) => matches({ patterns: [pattern] }, api));
}

/** `http://srv0, http://srv1 (*), http://srv2 (agent.*, voice.dial)` */
export function parseAcceptedOrigins(value: string): Parsed<OriginRule[]> {
  const problems: string[] = [];
  const rules: OriginRule[] = [];
  for (const entry of splitTopLevel(value)) {
    const match = /^(\S+)\s*(?:\(([^()]*)\))?$/.exec(entry);
    const rawOrigin = match?.[1];
    if (!match || rawOrigin === undefined) {
      problems.push(`accepted origins: "${entry}" is not "origin" or "origin (api, …)"`);
      continue;
    }
    const origin = rawOrigin === '*' ? '*' : normalizeOrigin(rawOrigin);
    if (origin === undefined) {
      problems.push(`accepted origins: "${rawOrigin}" is not an origin (http(s)://host[:port])`);
      continue;
    }
    const filter = match[2] === undefined ? { value: EVERYTHING, problems: [] } : parseApiFilter(match[2], origin);
    problems.push(...filter.problems);
    rules.push({ origin, apis: filter.value });
  }
  return { value: rules, problems };
}

function parseCount(options: Readonly<Record<string, string>>, key: string, fallback: number, problems: string[]): number {
  const raw = options[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d{1,9}$/.test(raw.trim())) {
    problems.push(`${key}: "${raw}" is not a whole number`);
    return fallback;
  }
  return Number(raw.trim());
}

export function parseRateLimits(options: Readonly<Record<string, string>>): Parsed<RateLimits> {
  const problems: string[] = [];
  const perMinute = parseCount(options, OPTION.rateLimit, 0, problems);
  const perApi = new Map<ApiName, number>();
  for (const key of Object.keys(options)) {
    if (!key.startsWith(OPTION.rateLimitPrefix)) continue;
    const api = key.slice(OPTION.rateLimitPrefix.length);
    if (!(API_NAMES as readonly string[]).includes(api)) {
      problems.push(`${key}: "${api}" is not a request of the API`);
      continue;
    }
    const limit = parseCount(options, key, 0, problems);
    if (limit > 0) perApi.set(api as ApiName, limit);
  }
  const quarantineSec = parseCount(options, OPTION.quarantineDelay, DEFAULT_QUARANTINE_SEC, problems);
  return { value: { perMinute, perApi, quarantineMs: quarantineSec === 0 ? undefined : quarantineSec * 1000 }, problems };
}

/** The security options of an `[interaction-workspace]` section. */
export function parseSecurityOptions(options: Readonly<Record<string, string>>): Parsed<SecurityOptions> {
  const origins = parseAcceptedOrigins(options[OPTION.acceptedOrigins] ?? '');
  const rateLimits = parseRateLimits(options);
  const read = parseNameList(options[OPTION.readAllowed] ?? '*', OPTION.readAllowed);
  const write = parseNameList(options[OPTION.writeAllowed] ?? '*', OPTION.writeAllowed);
  return {
    value: { origins: origins.value, rateLimits: rateLimits.value, userData: { read: read.value, write: write.value } },
    problems: [...origins.problems, ...rateLimits.problems, ...read.problems, ...write.problems],
  };
}

/**
 * The APIs an origin may use: its own rule if the list names it, else the `*` rule, else none —
 * and `undefined` means the origin is not accepted at all.
 */
export function apiFilterFor(options: SecurityOptions, origin: string): NameFilter | undefined {
  return (options.origins.find((rule) => rule.origin === origin) ?? options.origins.find((rule) => rule.origin === '*'))?.apis;
}

/** The requests an origin's filter allows, in catalog order (system.getAllowedServices). */
export function allowedApis(filter: NameFilter): ApiName[] {
  return API_NAMES.filter((api) => matches(filter, api));
}

/** Keep the userData keys a filter lets through. */
export function filterKeys<V>(data: Readonly<Record<string, V>>, filter: NameFilter): Record<string, V> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => matches(filter, key)));
}
