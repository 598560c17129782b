import { ManualClock } from '@ctikit/kernel';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/core/agent-state.ts';
import { AgentDay } from '../../src/core/agent-day.ts';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { vendorEvent } from './support/vendor-events.ts';

function setUp() {
  const clock = new ManualClock();
  const model = new WorkspaceModel();
  const day = new AgentDay(model, clock);
  const agent = (state: AgentState) => model.apply({ type: 'agentStateChanged', state, at: clock.now() });
  return { clock, model, day, agent };
}

describe('AgentDay', () => {
  it('counts nothing before the agent signs in', () => {
    const { clock, day } = setUp();
    clock.advance(60_000);
    expect(day.summary()).toEqual({ callsHandled: 0, readyMs: 0, onCallMs: 0, wrapUpMs: 0, notReady: [] });
  });

  it('adds up the time in each state, a call counting as on a call whatever the agent state, and the handle time to the end of wrap-up', () => {
    const { clock, model, day, agent } = setUp();
    const start = clock.now();
    agent({ kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch' });
    clock.advance(30_000);
    agent({ kind: 'ready' });
    clock.advance(10_000);
    model.apply(vendorEvent.offered('e1', clock.now()));
    clock.advance(5_000); // ringing: still available
    model.apply(vendorEvent.connected('e1', clock.now()));
    clock.advance(60_000);
    model.apply(vendorEvent.ended('e1', 'completed', clock.now()));
    agent({ kind: 'afterCallWork' });
    clock.advance(20_000);
    expect(day.summary()).toMatchObject({ callsHandled: 1, averageHandleMs: 80_000, wrapUpMs: 20_000 });
    model.close('e1');
    agent({ kind: 'ready' });
    clock.advance(15_000);
    agent({ kind: 'notReady' });
    clock.advance(5_000);
    agent({ kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch' });
    clock.advance(1_000);

    expect(day.summary()).toEqual({
      since: start,
      callsHandled: 1,
      averageHandleMs: 80_000,
      readyMs: 30_000,
      onCallMs: 60_000,
      wrapUpMs: 20_000,
      notReady: [{ reasonCode: 'Lunch', reasonLabel: 'Lunch', ms: 31_000 }, { ms: 5_000 }],
    });
  });

  it('does not count a declined or missed call as handled, nor the time after logging out', () => {
    const { clock, model, day, agent } = setUp();
    agent({ kind: 'ready' });
    model.apply(vendorEvent.offered('declined', clock.now()));
    clock.advance(3_000);
    model.apply(vendorEvent.ended('declined', 'rejected', clock.now()));
    model.close('declined');
    clock.advance(7_000);
    agent({ kind: 'loggedOut' });
    clock.advance(100_000);
    expect(day.summary()).toMatchObject({ callsHandled: 0, readyMs: 10_000, onCallMs: 0, wrapUpMs: 0 });
    expect(day.summary().averageHandleMs).toBeUndefined();
  });
});
