import { afterEach, describe, expect, it } from 'vitest';
import { CtiError } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import type { ErrorCode } from '@ctikit/protocol';
import type { RequestOutcome, TServerRequest } from '@ctikit/contact-center';
import { EventLog } from '../../../contact-center/test/conformance/event-log.ts';
import { CONFORMANCE_CONFIG, CUSTOMER } from '../../../contact-center/test/conformance/scenario.ts';
import { startWorkspaceTarget, tokenOf } from './workspace-target.ts';
import type { WorkspaceTarget } from './workspace-target.ts';

/**
 * The Workspace API backend's link to the API: a token that expires, a CometD connection the server
 * drops, re-initialisation with backoff (on a ManualClock, so each retry is a step of the test), and
 * the link state reported to the agent as EventLinkDisconnected / EventLinkConnected.
 */

let target: WorkspaceTarget | undefined;
let log: EventLog | undefined;

afterEach(async () => {
  log?.close();
  await target?.close();
  target = undefined;
  log = undefined;
});

const BACKOFF = { initialDelayMs: 1_000, maxDelayMs: 8_000 };
let references = 0;

function request(t: WorkspaceTarget, body: Record<string, unknown> & { request: TServerRequest['request'] }): Promise<RequestOutcome> {
  return t.port.request({ ...body, thisDN: '5001', referenceId: `link-${++references}` } as TServerRequest);
}

async function failure(promise: Promise<unknown>): Promise<CtiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CtiError);
  return error as CtiError;
}

/** Wait until `condition` holds, checking after each turn of the event loop (the test timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<CtiError> {
  const error = await failure(promise);
  expect(error.code).toBe(code);
  return error;
}

/** Agent 5001 registered, logged in and Ready, on a backend whose token comes from `token()`. */
async function readyAgent(clock: ManualClock, token: () => string): Promise<{ t: WorkspaceTarget; events: EventLog }> {
  const t = await startWorkspaceTarget(CONFORMANCE_CONFIG, { clock, reconnect: BACKOFF, tokenSource: token });
  const events = new EventLog(t.port, ['5001']);
  target = t;
  log = events;
  await request(t, { request: 'RequestRegisterAddress' });
  await request(t, { request: 'RequestAgentReady' });
  await events.expectNext('5001', ['EventRegistered', 'EventAgentLogin', 'EventAgentNotReady', 'EventAgentReady']);
  return { t, events };
}

describe('Workspace API link', () => {
  it('reports a dropped CometD connection, reconnects after the backoff and reports the call that rang meanwhile', async () => {
    const clock = new ManualClock();
    const { t, events } = await readyAgent(clock, () => tokenOf('agent1'));

    expect(t.face.control.dropNotifications('agent1')).toBe(1);
    expect(await events.next('5001', 'EventLinkDisconnected')).toMatchObject({ errorCode: 'BACKEND_UNAVAILABLE' });
    await expectCode(request(t, { request: 'RequestAgentNotReady' }), 'BACKEND_UNAVAILABLE');

    const { connectionId } = t.simulator.placeCall({ from: CUSTOMER, to: '8000' });
    clock.advance(BACKOFF.initialDelayMs);
    const [ringing] = await events.expectNext('5001', ['EventRinging', 'EventLinkConnected']);
    expect(ringing).toMatchObject({ connectionId, ANI: CUSTOMER });
    expect(t.port.snapshot('5001')).toMatchObject({ agent: { registered: true, state: 'Ready' }, calls: [{ connectionId, state: 'Ringing' }] });

    await request(t, { request: 'RequestAnswerCall', connectionId });
    expect(await events.next('5001', 'EventEstablished')).toMatchObject({ connectionId });
    t.simulator.customerHangup(connectionId);
    await events.next('5001', 'EventReleased');
  });

  it('reports a call that ended while the link was down as released', async () => {
    const clock = new ManualClock();
    const { t, events } = await readyAgent(clock, () => tokenOf('agent1'));
    const { connectionId } = t.simulator.placeCall({ from: CUSTOMER, to: '8000' });
    await events.next('5001', 'EventRinging');
    await request(t, { request: 'RequestAnswerCall', connectionId });
    await events.next('5001', 'EventEstablished');

    t.face.control.dropNotifications('agent1');
    await events.next('5001', 'EventLinkDisconnected');
    t.simulator.customerHangup(connectionId);
    clock.advance(BACKOFF.initialDelayMs);
    const [released] = await events.expectNext('5001', ['EventReleased', 'EventLinkConnected']);
    expect(released).toMatchObject({ connectionId });
    expect(t.port.snapshot('5001').calls).toEqual([]);
  });

  it('on an expired token: link down, a clear UNAUTHENTICATED error, retries with backoff, and back with a fresh token', async () => {
    const clock = new ManualClock();
    let token = tokenOf('agent1');
    const { t, events } = await readyAgent(clock, () => token);

    t.face.control.expireToken(token);
    await events.next('5001', 'EventLinkDisconnected');
    clock.advance(BACKOFF.initialDelayMs);
    const refused = await events.next('5001', 'EventError');
    expect(refused).toMatchObject({ errorCode: 'UNAUTHENTICATED' });
    expect(refused.errorMessage).toMatch(/HTTP 401/);
    const error = await expectCode(request(t, { request: 'RequestAgentNotReady' }), 'UNAUTHENTICATED');
    expect(error.message).toMatch(/agent1's token/);

    // The second attempt, with the same expired token, fails quietly (the agent was told once).
    clock.advance(2 * BACKOFF.initialDelayMs);
    await until(() => clock.pendingTimers() === 1);
    await expectCode(request(t, { request: 'RequestAgentNotReady' }), 'UNAUTHENTICATED');

    token = t.face.control.issueToken('agent1');
    clock.advance(4 * BACKOFF.initialDelayMs);
    await events.next('5001', 'EventLinkConnected');
    expect(events.unread('5001')).toEqual([]);
    await request(t, { request: 'RequestAgentNotReady', reasonCode: 'Break' });
    expect(await events.next('5001', 'EventAgentNotReady')).toMatchObject({ reasons: { ReasonCode: 'Break' } });
  });

  it('stops reconnecting when the backend closes', async () => {
    const clock = new ManualClock();
    const { t, events } = await readyAgent(clock, () => tokenOf('agent1'));
    t.face.control.dropNotifications('agent1');
    await events.next('5001', 'EventLinkDisconnected');
    await t.port.close();
    clock.advance(BACKOFF.maxDelayMs);
    expect(clock.pendingTimers()).toBe(0);
    await expectCode(request(t, { request: 'RequestAgentReady' }), 'BACKEND_UNAVAILABLE');
  });
});
