import { CtiError } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/index.ts';
import type { PortEvent, TServerRequest } from '../src/index.ts';

function register(dn: string, referenceId = `reg-${dn}`): TServerRequest {
  return { request: 'RequestRegisterAddress', thisDN: dn, referenceId };
}

describe('event dispatch', () => {
  it('delivers a DN’s events only to that DN’s listeners, before the request settles', async () => {
    const sim = createSimulator(undefined, new ManualClock());
    const mine: string[] = [];
    const theirs: string[] = [];
    sim.subscribe('5001', (event) => mine.push(event.eventName));
    sim.subscribe('5002', (event) => theirs.push(event.eventName));
    const pending = sim.request(register('5001'));
    expect(mine).toEqual(['EventRegistered']);
    await pending;
    expect(theirs).toEqual([]);
  });

  it('keeps delivering when a listener throws, and the engine keeps working', async () => {
    const sim = createSimulator(undefined, new ManualClock());
    const seen: string[] = [];
    sim.subscribe('5001', () => {
      throw new Error('listener bug');
    });
    sim.subscribe('5001', (event) => seen.push(event.eventName));
    sim.subscribeAll(() => {
      throw new Error('another bug');
    });
    await sim.request(register('5001'));
    await sim.request({ request: 'RequestAgentLogin', thisDN: '5001', referenceId: 'r2', agentId: 'agent1' });
    expect(seen).toEqual(['EventRegistered', 'EventAgentLogin', 'EventAgentNotReady']);
  });

  it('stops delivering after unsubscribe', async () => {
    const sim = createSimulator(undefined, new ManualClock());
    const seen: string[] = [];
    const all: string[] = [];
    const off = sim.subscribe('5001', (event) => seen.push(event.eventName));
    const offAll = sim.subscribeAll((event) => all.push(event.eventName));
    off();
    offAll();
    off();
    await sim.request(register('5001'));
    expect(seen).toEqual([]);
    expect(all).toEqual([]);
  });

  it('lets a listener send a request from inside its callback; the events stay in order', async () => {
    const sim = createSimulator(undefined, new ManualClock());
    const seen: PortEvent[] = [];
    sim.subscribe('5001', (event) => {
      seen.push(event);
      if (event.eventName === 'EventRinging') {
        void sim.request({ request: 'RequestAnswerCall', thisDN: '5001', referenceId: 'auto', connectionId: event.connectionId as string });
      }
    });
    await sim.request(register('5001'));
    await sim.request({ request: 'RequestAgentLogin', thisDN: '5001', referenceId: 'r2', agentId: 'agent1' });
    await sim.request({ request: 'RequestAgentReady', thisDN: '5001', referenceId: 'r3' });
    const { connectionId } = sim.placeCall({ from: '+14155550100', to: '8000' });
    expect(seen.map((event) => [event.eventName, event.referenceId])).toEqual([
      ['EventRegistered', 'reg-5001'],
      ['EventAgentLogin', 'r2'],
      ['EventAgentNotReady', 'r2'],
      ['EventAgentReady', 'r3'],
      ['EventRinging', undefined],
      ['EventEstablished', 'auto'],
    ]);
    expect(sim.snapshot('5001').calls).toMatchObject([{ connectionId, state: 'Established' }]);
  });

  it('rejects with a CtiError (never throws synchronously)', () => {
    const sim = createSimulator(undefined, new ManualClock());
    const result = sim.request(register('1234'));
    expect(result).toBeInstanceOf(Promise);
    return expect(result).rejects.toBeInstanceOf(CtiError);
  });
});

describe('close', () => {
  it('cancels every timer and refuses further requests', async () => {
    const clock = new ManualClock();
    const sim = createSimulator(undefined, clock);
    await sim.request(register('5001'));
    await sim.request({ request: 'RequestAgentLogin', thisDN: '5001', referenceId: 'r2', agentId: 'agent1' });
    await sim.request({ request: 'RequestAgentReady', thisDN: '5001', referenceId: 'r3' });
    sim.placeCall({ from: '+14155550100', to: '8000' });
    await sim.request({ request: 'RequestMakeCall', thisDN: '5001', referenceId: 'r4', destination: '+442071234567' });
    expect(clock.pendingTimers()).toBe(2);
    await sim.close();
    expect(clock.pendingTimers()).toBe(0);
    await expect(sim.request(register('5001'))).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(() => sim.placeCall({ from: '+14155550100', to: '8000' })).toThrow(CtiError);
  });
});
