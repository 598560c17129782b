import type { Clock } from '@ctikit/kernel';

/** Buckets kept before the full ones are forgotten (a full bucket is the same as no bucket). */
const SWEEP_AT = 10_000;

/**
 * A token bucket per key (an agent's commands, an address's failed sign-ins): `burst` at once,
 * refilled at `perSecond`. One key's flood never slows another down. Time comes from the bridge's
 * clock, so tests are deterministic. Buckets that have refilled are forgotten once there are many,
 * so a stream of new keys (addresses) does not grow memory.
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
    const refilled = this.tokens(key, now);
    const allowed = refilled >= 1;
    if (this.buckets.size >= SWEEP_AT) this.sweep(now);
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    return allowed;
  }

  /** Whether `key` has a token left, without taking it. */
  has(key: string): boolean {
    return this.tokens(key, this.clock.now()) >= 1;
  }

  private tokens(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    return bucket ? Math.min(this.limits.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limits.perSecond) : this.limits.burst;
  }

  private sweep(now: number): void {
    for (const key of [...this.buckets.keys()]) {
      if (this.tokens(key, now) >= this.limits.burst) this.buckets.delete(key);
    }
  }
}
