import type { Clock } from '@ctikit/kernel';
import type { RateLimits } from './security-options.ts';

/**
 * `service-client-api.rate-limit*` for each origin: at most `perMinute` requests over any 60 s, and
 * at most `perApi` of one request; the request that breaks a limit puts the origin in quarantine,
 * where every request it makes is refused until the quarantine delay has passed (for good when the
 * delay is 0); then it starts afresh. Only what is limited is counted, so an origin costs memory in proportion to its limits.
 */
export type Admission = { readonly ok: true } | { readonly ok: false; readonly message: string };

const WINDOW_MS = 60_000;

interface OriginState {
  readonly overall: number[];
  readonly byApi: Map<string, number[]>;
  /** Refused until then; Infinity for good. */
  quarantinedUntil: number;
}

export class RateLimiter {
  private readonly origins = new Map<string, OriginState>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  admit(origin: string, api: string): Admission {
    const now = this.clock.now();
    const state = this.stateOf(origin);
    if (state.quarantinedUntil > now) return { ok: false, message: this.quarantineMessage(state.quarantinedUntil, now) };
    const apiLimit = (this.limits.perApi as ReadonlyMap<string, number>).get(api) ?? 0;
    const apiTimes = apiLimit > 0 ? this.timesOf(state, api) : undefined;
    const broken =
      this.limits.perMinute > 0 && recent(state.overall, now) >= this.limits.perMinute
        ? `${this.limits.perMinute} requests a minute`
        : apiTimes && recent(apiTimes, now) >= apiLimit
          ? `${apiLimit} ${api} requests a minute`
          : undefined;
    if (broken !== undefined) {
      state.quarantinedUntil = this.limits.quarantineMs === undefined ? Infinity : now + this.limits.quarantineMs;
      state.overall.length = 0;
      state.byApi.clear();
      return { ok: false, message: `Rate limit of ${broken} exceeded: ${this.quarantineMessage(state.quarantinedUntil, now)}` };
    }
    if (this.limits.perMinute > 0) state.overall.push(now);
    apiTimes?.push(now);
    return { ok: true };
  }

  private quarantineMessage(until: number, now: number): string {
    if (until === Infinity) return 'requests from this origin are refused for the rest of the session.';
    return `requests from this origin are refused for ${Math.ceil((until - now) / 1000)} s.`;
  }

  private stateOf(origin: string): OriginState {
    let state = this.origins.get(origin);
    if (!state) {
      state = { overall: [], byApi: new Map(), quarantinedUntil: 0 };
      this.origins.set(origin, state);
    }
    return state;
  }

  private timesOf(state: OriginState, api: string): number[] {
    let times = state.byApi.get(api);
    if (!times) {
      times = [];
      state.byApi.set(api, times);
    }
    return times;
  }
}

/** Drop the times older than the window (in place) and count the rest. */
function recent(times: number[], now: number): number {
  while (times.length > 0 && (times[0] ?? 0) <= now - WINDOW_MS) times.shift();
  return times.length;
}
