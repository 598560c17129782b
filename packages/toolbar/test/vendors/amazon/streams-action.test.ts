import { describe, expect, it } from 'vitest';
import { ManualClock } from '@ctikit/kernel';
import { readStreamsFailure, streamsAction, type StreamsCallbacks } from '../../../src/vendors/amazon/streams-action.ts';

/**
 * Streams action callbacks may never fire (amazon.md §5, issue #1090): each action settles once, on
 * the library's answer or on the watchdog. Time is the ManualClock's.
 */
describe('Streams actions under a watchdog', () => {
  function start(clock: ManualClock): { callbacks: () => StreamsCallbacks; outcome: ReturnType<typeof streamsAction> } {
    let captured: StreamsCallbacks | undefined;
    const outcome = streamsAction(clock, 10_000, 'accept the call', (callbacks) => {
      captured = callbacks;
    });
    return {
      callbacks: () => {
        if (!captured) throw new Error('the action did not start');
        return captured;
      },
      outcome,
    };
  }

  it('is accepted when the library calls success', async () => {
    const clock = new ManualClock();
    const { callbacks, outcome } = start(clock);
    callbacks().success();
    await expect(outcome).resolves.toEqual({ ok: true });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('fails with REQUEST_TIMEOUT, naming the action, when nothing answers', async () => {
    const clock = new ManualClock();
    const { callbacks, outcome } = start(clock);
    clock.advance(9_999);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    clock.advance(1);
    await expect(outcome).resolves.toEqual({
      ok: false,
      code: 'REQUEST_TIMEOUT',
      message: 'Amazon Connect did not answer accept the call within 10 s.',
    });
    callbacks().success();
    await expect(outcome).resolves.toMatchObject({ code: 'REQUEST_TIMEOUT' });
  });

  it('reads the service error the CCP forwards (JSON) into a code and a message', async () => {
    const clock = new ManualClock();
    const { callbacks, outcome } = start(clock);
    callbacks().failure(JSON.stringify({ type: 'InvalidStateException', message: 'Contact c-1 is not ringing.' }));
    await expect(outcome).resolves.toEqual({
      ok: false,
      code: 'INVALID_CALL_STATE',
      message: 'Amazon Connect refused accept the call: Contact c-1 is not ringing.',
    });
  });

  it('fails when the library throws (a contact that is gone)', async () => {
    const outcome = streamsAction(new ManualClock(), 10_000, 'hold the call', () => {
      throw new Error('Contact c-1 no longer exists.');
    });
    await expect(outcome).resolves.toEqual({
      ok: false,
      code: 'INVALID_CALL_STATE',
      message: 'Amazon Connect cannot hold the call: Contact c-1 no longer exists.',
    });
  });
});

describe('Streams failures', () => {
  it.each([
    ['a bare word (contact.accept fails with "error")', 'error', 'INTERNAL_ERROR', 'Amazon Connect refused x: error'],
    ['an unknown exception keeps its name', '{"code":"SomethingElse"}', 'INTERNAL_ERROR', 'Amazon Connect refused x: SomethingElse'],
    ['a bad endpoint', '{"type":"BadEndpointException","message":"no such number"}', 'INVALID_CALLED_DN', 'Amazon Connect refused x: no such number'],
    ['an object', { name: 'AccessDeniedException', message: 'denied' }, 'UNAUTHENTICATED', 'Amazon Connect refused x: denied'],
    ['nothing', undefined, 'INTERNAL_ERROR', 'Amazon Connect refused x: no reason given'],
  ])('%s', (_name, error, code, message) => {
    expect(readStreamsFailure('x', error)).toEqual({ ok: false, code, message });
  });
});
