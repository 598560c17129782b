import { describe, expect, it } from 'vitest';
import { ManualClock } from '@ctikit/kernel';
import { RateLimiter } from '../../src/extensions/rate-limiter.ts';
import type { RateLimits } from '../../src/extensions/security-options.ts';

const CRM = 'https://crm.example.com';

function limiter(limits: Partial<RateLimits>) {
  const clock = new ManualClock();
  const rate = new RateLimiter({ perMinute: 0, perApi: new Map(), quarantineMs: 30_000, ...limits }, clock);
  return { clock, rate };
}

function admitted(rate: RateLimiter, count: number, api = 'agent.get', origin = CRM): boolean[] {
  return Array.from({ length: count }, () => rate.admit(origin, api).ok);
}

describe('rate limits', () => {
  it('lets everything through without limits', () => {
    const { rate } = limiter({});
    expect(admitted(rate, 1000).every(Boolean)).toBe(true);
  });

  it('refuses the request past the per-minute limit and quarantines the origin for the delay', () => {
    const { clock, rate } = limiter({ perMinute: 3 });
    expect(admitted(rate, 3)).toEqual([true, true, true]);
    const refused = rate.admit(CRM, 'voice.dial');
    expect(refused).toEqual({ ok: false, message: 'Rate limit of 3 requests a minute exceeded: requests from this origin are refused for 30 s.' });
    clock.advance(29_500);
    expect(rate.admit(CRM, 'agent.get')).toEqual({ ok: false, message: 'requests from this origin are refused for 1 s.' });
  });

  it('admits again, afresh, once the quarantine is over', () => {
    const { clock, rate } = limiter({ perMinute: 2, quarantineMs: 30_000 });
    admitted(rate, 3);
    clock.advance(30_000);
    expect(admitted(rate, 2)).toEqual([true, true]);
  });

  it('counts over a sliding minute', () => {
    const { clock, rate } = limiter({ perMinute: 2 });
    expect(admitted(rate, 1)).toEqual([true]);
    clock.advance(59_000);
    expect(admitted(rate, 1)).toEqual([true]);
    clock.advance(1_000);
    expect(admitted(rate, 1)).toEqual([true]);
  });

  it('limits one request on its own, quarantining the whole origin', () => {
    const { rate } = limiter({ perApi: new Map([['voice.dial', 1]]) });
    expect(admitted(rate, 3, 'agent.get')).toEqual([true, true, true]);
    expect(admitted(rate, 2, 'voice.dial')).toEqual([true, false]);
    expect(rate.admit(CRM, 'agent.get').ok).toBe(false);
  });

  it('keeps origins apart', () => {
    const { rate } = limiter({ perMinute: 1 });
    expect(admitted(rate, 2)).toEqual([true, false]);
    expect(admitted(rate, 1, 'agent.get', 'https://other.example.com')).toEqual([true]);
  });

  it('quarantines for good with a 0 s delay', () => {
    const { clock, rate } = limiter({ perMinute: 1, quarantineMs: undefined });
    admitted(rate, 2);
    clock.advance(24 * 3600_000);
    expect(rate.admit(CRM, 'agent.get')).toEqual({ ok: false, message: 'requests from this origin are refused for the rest of the session.' });
  });
});
