import { describe, expect, it } from 'vitest';
import { CUSTOMER, Harness } from './harness.ts';

const SECOND = '+14155550101';

describe('queue status', () => {
  it("reports the calls waiting in each of the agent's queues and the longest wait, until a call is offered", async () => {
    const h = new Harness();
    expect(h.sim.queueStatus('5001')).toEqual([
      { dn: '8000', name: 'Support', waiting: 0, longestWaitSec: 0 },
      { dn: '8001', name: 'Sales', waiting: 0, longestWaitSec: 0 },
    ]);
    h.call('8000', CUSTOMER);
    h.clock.advance(20_500);
    h.call('8000', SECOND);
    h.clock.advance(4_000);
    expect(h.sim.queueStatus('5001')[0]).toEqual({ dn: '8000', name: 'Support', waiting: 2, longestWaitSec: 24 });
    expect(h.sim.queueStatus('5003')).toEqual([{ dn: '8001', name: 'Sales', waiting: 0, longestWaitSec: 0 }]);

    // The longest waiting call rings at the agent who goes ready: one call is left waiting, since it came.
    await h.ready('5002');
    expect(h.sim.queueStatus('5002')).toEqual([{ dn: '8000', name: 'Support', waiting: 1, longestWaitSec: 4 }]);
  });

  it('refuses a DN that is no agent', () => {
    expect(() => new Harness().sim.queueStatus('8000')).toThrow(/not a configured agent DN/);
  });
});
