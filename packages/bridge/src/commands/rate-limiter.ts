import type { Clock } from '@ctikit/kernel';

/**
 * A token bucket per agent: `burst` commands at once, refilled at `perSecond`. One agent's flood
 * never slows another agent down. Time comes from the bridge's clock, so tests are deterministic.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: { perSecond: number; burst: number },
    private readonly clock: Clock,
  ) {}

  /** Take one token for `key`; false when the bucket is empty. */
  take(key: string): boolean {
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limits.burst, at: now };
    const refilled = Math.min(this.limits.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limits.perSecond);
    const allowed = refilled >= 1;
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    return allowed;
  }
}
