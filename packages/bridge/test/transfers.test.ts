import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientSocket, command, notReadyAgent, readyAgent, startBridge, talking } from './harness.ts';
import type { Frame, TestBridge } from './harness.ts';

/** Transfers and conferences between two agents: each sees its own legs, with stable eventIds. */

let t: TestBridge;
let alex: ClientSocket;
let kenji: ClientSocket;
let call: Frame;

beforeEach(async () => {
  t = await startBridge();
  alex = await readyAgent(t, 'agent1');
  kenji = await notReadyAgent(t, 'agent2');
  call = await talking(t, alex, 'agent1');
});

afterEach(async () => {
  await t.close();
});

/** Alex consults Kenji (who answers); returns the consult leg's ConnID and Kenji's eventId for it. */
async function consult(type: 'InitiateTransfer' | 'InitiateConference'): Promise<{ consultId: string; kenjiEventId: string }> {
  const result = await command(t, 'agent1', { type, connectionId: call.connectionId, destination: '5002', userData: { Topic: 'refund' } });
  expect(result.body).toMatchObject({ ok: true, connectionId: expect.any(String), eventId: expect.any(String) });
  const consultId = result.body['connectionId'] as string;
  expect(await alex.next('EventHeld')).toMatchObject({ connectionId: call.connectionId, eventId: call.eventId });
  expect(await alex.next('EventDialing')).toMatchObject({ connectionId: consultId, eventId: result.body['eventId'], callType: 'Consult' });
  const ring = await kenji.next('EventRinging');
  expect(ring).toMatchObject({ connectionId: consultId, callType: 'Consult', userData: { Topic: 'refund' } });
  await command(t, 'agent2', { type: 'Accept', connectionId: consultId });
  expect(await kenji.next('EventEstablished')).toMatchObject({ eventId: ring.eventId });
  return { consultId, kenjiEventId: ring.eventId as string };
}

describe('transfers', () => {
  it('single-step: Alex is released (Transferred) and the same call rings Kenji', async () => {
    await command(t, 'agent1', { type: 'SingleStepTransfer', connectionId: call.connectionId, destination: '5002' });
    expect(await alex.next('EventReleased')).toMatchObject({ connectionId: call.connectionId, eventId: call.eventId, callState: 'Transferred' });
    const ring = await kenji.next('EventRinging');
    expect(ring).toMatchObject({ connectionId: call.connectionId, ANI: '4155550123', thirdPartyDN: '5001' });
    await command(t, 'agent2', { type: 'Accept', connectionId: call.connectionId });
    expect(await kenji.next('EventEstablished')).toMatchObject({ eventId: ring.eventId });
  });

  it('consult transfer: Kenji keeps his eventId across EventPartyChanged and ends up on the customer call', async () => {
    const { consultId, kenjiEventId } = await consult('InitiateTransfer');
    await command(t, 'agent1', { type: 'CompleteTransfer', connectionId: call.connectionId, consultConnectionId: consultId });
    const released = [await alex.next('EventReleased'), await alex.next('EventReleased')];
    expect(released.map((f) => f.connectionId).sort()).toEqual([call.connectionId, consultId].sort());
    const changed = await kenji.next('EventPartyChanged');
    expect(changed).toMatchObject({ connectionId: call.connectionId, previousConnectionId: consultId, eventId: kenjiEventId, otherDN: '4155550123' });
    // Kenji now controls the customer call under its new ConnID, with the same eventId.
    await command(t, 'agent2', { type: 'Hold', connectionId: call.connectionId });
    expect(await kenji.next('EventHeld')).toMatchObject({ connectionId: call.connectionId, eventId: kenjiEventId });
    // Alex has no call left.
    expect(await command(t, 'agent1', { type: 'Hangup', connectionId: call.connectionId })).toMatchObject({
      status: 404,
      body: { error: { code: 'INVALID_CONNECTION_ID' } },
    });
  });

  it('ReconnectCall cancels the consultation and retrieves the customer', async () => {
    const { consultId, kenjiEventId } = await consult('InitiateTransfer');
    await command(t, 'agent1', { type: 'ReconnectCall', connectionId: call.connectionId, consultConnectionId: consultId });
    expect(await alex.next('EventReleased')).toMatchObject({ connectionId: consultId });
    expect(await alex.next('EventRetrieved')).toMatchObject({ connectionId: call.connectionId, eventId: call.eventId });
    expect(await kenji.next('EventReleased')).toMatchObject({ connectionId: consultId, eventId: kenjiEventId });
  });

  it('CompleteTransfer with a ConnID that is not a consultation is refused', async () => {
    const result = await command(t, 'agent1', { type: 'CompleteTransfer', connectionId: call.connectionId, consultConnectionId: call.connectionId });
    expect(result).toMatchObject({ status: 409, body: { error: { code: 'CANNOT_COMPLETE_TRANSFER', tserverErrorCode: 98 } } });
  });
});

describe('conference', () => {
  it('completes a three-party conference and deletes Kenji from it', async () => {
    const { consultId, kenjiEventId } = await consult('InitiateConference');
    await command(t, 'agent1', { type: 'CompleteConference', connectionId: call.connectionId, consultConnectionId: consultId });
    expect(await alex.next('EventRetrieved')).toMatchObject({ connectionId: call.connectionId, eventId: call.eventId });
    expect(await alex.next('EventPartyAdded')).toMatchObject({ thirdPartyDN: '5002', callState: 'Conferenced' });
    const changed = await kenji.next('EventPartyChanged');
    expect(changed).toMatchObject({ connectionId: call.connectionId, previousConnectionId: consultId, eventId: kenjiEventId });
    expect(changed['parties']).toEqual(expect.arrayContaining(['4155550123', '5001', '5002']));

    await command(t, 'agent1', { type: 'DeleteFromConference', connectionId: call.connectionId, dn: '5002' });
    expect(await kenji.next('EventReleased')).toMatchObject({ connectionId: call.connectionId, eventId: kenjiEventId });
    expect(await alex.next('EventPartyDeleted')).toMatchObject({ thirdPartyDN: '5002', eventId: call.eventId });
  });
});
