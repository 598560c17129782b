import { describe, expect, it } from 'vitest';
import { CUSTOMER, Harness } from './harness.ts';

const NUMBER = '+442071234567';

/** 5001 talking to the customer on an ACD call; 5002 registered and logged in (NotReady). */
async function talking(config?: ConstructorParameters<typeof Harness>[0]): Promise<{ h: Harness; main: string }> {
  const h = new Harness(config);
  await h.ready('5001');
  await h.loggedIn('5002');
  const main = await h.answered('5001');
  return { h, main };
}

async function consulting(kind: 'RequestInitiateTransfer' | 'RequestInitiateConference' = 'RequestInitiateTransfer') {
  const { h, main } = await talking();
  const { connectionId } = await h.request('5001', { request: kind, connectionId: main, destination: '5002' });
  h.take('5001');
  h.take('5002');
  return { h, main, consult: connectionId as string };
}

describe('single-step transfer', () => {
  it('to an agent DN: the agent is released (Transferred) and the same call rings the target with the user data', async () => {
    const { h, main } = await talking();
    await h.request('5001', { request: 'RequestAttachUserData', connectionId: main, userData: { Case: 'C-9' } });
    h.take('5001');
    const sst = await h.request('5001', { request: 'RequestSingleStepTransfer', connectionId: main, destination: '5002', userData: { Note: 'refund' } });
    expect(sst.connectionId).toBeUndefined();
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId: main, callState: 'Transferred', referenceId: sst.referenceId }]);
    const [ringing] = h.take('5002');
    expect(ringing).toMatchObject({
      eventName: 'EventRinging',
      connectionId: main,
      thirdPartyDN: '5001',
      otherDN: CUSTOMER,
      callType: 'Inbound',
      userData: { Case: 'C-9', Note: 'refund' },
      parties: [CUSTOMER, '5002'],
    });
    expect(ringing).not.toHaveProperty('thisQueue');
    expect(h.take(CUSTOMER)).toEqual([]);
    h.sim.phoneAnswer('5002');
    expect(h.names('5002')).toEqual(['EventEstablished']);
    expect(h.sim.snapshot('5001').calls).toEqual([]);
    h.sim.customerHangup(main);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventReleased', callState: 'OK' }]);
  });

  it('to a queue: the call waits there and is routed with thisQueue', async () => {
    const { h, main } = await talking();
    await h.request('5001', { request: 'RequestAgentNotReady' });
    await h.request('5001', { request: 'RequestSingleStepTransfer', connectionId: main, destination: '8001' });
    expect(h.sim.listCalls()[0]?.parties).toEqual([
      { dn: CUSTOMER, kind: 'external', state: 'Established' },
      { dn: '8001', kind: 'queue', state: 'Queued' },
    ]);
    await h.loggedIn('5003');
    await h.request('5003', { request: 'RequestAgentReady' });
    expect(h.take('5003')).toMatchObject([
      { eventName: 'EventAgentReady' },
      { eventName: 'EventRinging', connectionId: main, thisQueue: '8001', otherDN: CUSTOMER },
    ]);
  });

  it('to a number: it rings there and the customer-side answer connects it', async () => {
    const { h, main } = await talking();
    await h.request('5001', { request: 'RequestSingleStepTransfer', connectionId: main, destination: NUMBER });
    expect(h.take(NUMBER)).toMatchObject([{ eventName: 'EventRinging', connectionId: main, thirdPartyDN: '5001' }]);
    h.sim.customerAnswer(main);
    expect(h.names(NUMBER)).toEqual(['EventEstablished']);
    expect(h.sim.listCalls()[0]?.parties.map((party) => party.state)).toEqual(['Established', 'Established']);
  });

  it('refuses a busy target, an invalid destination and a call that is not established', async () => {
    const { h, main } = await talking();
    h.call('5002', '+15550009999');
    await h.refused('5001', { request: 'RequestSingleStepTransfer', connectionId: main, destination: '5002' }, 'TERMINATING_PARTY_BUSY');
    await h.refused('5001', { request: 'RequestSingleStepTransfer', connectionId: main, destination: 'x' }, 'INVALID_CALLED_DN');
    await h.refused('5001', { request: 'RequestSingleStepTransfer', connectionId: main, destination: CUSTOMER }, 'TERMINATING_PARTY_BUSY');
    const ringing = h.call('5004', '+15550008888');
    await h.request('5004', { request: 'RequestRegisterAddress' });
    await h.refused('5004', { request: 'RequestSingleStepTransfer', connectionId: ringing, destination: '5003' }, 'INVALID_CALL_STATE');
    expect(h.sim.snapshot('5001').calls[0]?.state).toBe('Established');
  });

  it('puts the transferring agent in after-call work for an ACD call', async () => {
    const { h, main } = await talking({
      agents: [
        { agentId: 'agent1', name: 'A', dn: '5001', queues: ['8000'] },
        { agentId: 'agent2', name: 'B', dn: '5002', queues: [] },
      ],
      queues: [{ dn: '8000', name: 'Q' }],
      afterCallWork: { enabled: true, timeoutSec: 10 },
    });
    await h.request('5001', { request: 'RequestSingleStepTransfer', connectionId: main, destination: '5002' });
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventReleased', callState: 'Transferred' },
      { eventName: 'EventAgentNotReady', workMode: 'AfterCallWork' },
    ]);
  });
});

describe('two-step (consult) transfer', () => {
  it('holds the call, dials a consultation, and completes after the target answers', async () => {
    const { h, main } = await talking();
    const init = await h.request('5001', { request: 'RequestInitiateTransfer', connectionId: main, destination: '5002' });
    const consult = init.connectionId as string;
    expect(consult).toMatch(/^[0-9a-f]{16}$/);
    expect(consult).not.toBe(main);
    const [held, dialing] = h.takeCalls('5001');
    expect(held).toMatchObject({ eventName: 'EventHeld', connectionId: main, referenceId: init.referenceId });
    expect(dialing).toMatchObject({
      eventName: 'EventDialing',
      connectionId: consult,
      callType: 'Consult',
      transferConnectionId: main,
      otherDN: '5002',
      referenceId: init.referenceId,
    });
    expect(dialing?.callUuid).not.toBe(held?.callUuid);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventRinging', connectionId: consult, callType: 'Consult', otherDN: '5001', ANI: '5001' }]);
    expect(h.sim.snapshot('5001').calls).toMatchObject([
      { connectionId: main, state: 'Held', transferConnectionId: consult },
      { connectionId: consult, state: 'Dialing', transferConnectionId: main },
    ]);

    await h.request('5002', { request: 'RequestAnswerCall', connectionId: consult });
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventEstablished', connectionId: consult }]);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventEstablished', connectionId: consult }]);

    const complete = await h.request('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult });
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventReleased', connectionId: consult, callState: 'Transferred', referenceId: complete.referenceId },
      { eventName: 'EventReleased', connectionId: main, callState: 'Transferred', referenceId: complete.referenceId },
    ]);
    const [changed] = h.take('5002');
    expect(changed).toMatchObject({
      eventName: 'EventPartyChanged',
      connectionId: main,
      previousConnectionId: consult,
      otherDN: CUSTOMER,
      thirdPartyDN: '5001',
      callType: 'Inbound',
      parties: [CUSTOMER, '5002'],
    });
    expect(changed).not.toHaveProperty('referenceId');
    expect(h.take(CUSTOMER)).toMatchObject([{ eventName: 'EventPartyChanged', connectionId: main, otherDN: '5002', thirdPartyDN: '5001' }]);
    expect(h.sim.snapshot('5002').calls).toMatchObject([{ connectionId: main, state: 'Established' }]);
    expect(h.sim.snapshot('5001').calls).toEqual([]);
    expect(h.sim.listCalls().map((call) => call.connectionId)).toEqual([main]);
  });

  it('keeps the main call’s user data; the consultation starts with a copy', async () => {
    const { h, main } = await talking();
    await h.request('5001', { request: 'RequestAttachUserData', connectionId: main, userData: { Case: 'C-1' } });
    const { connectionId: consult } = await h.request('5001', {
      request: 'RequestInitiateTransfer',
      connectionId: main,
      destination: '5002',
      userData: { Hint: 'billing' },
    });
    expect(h.takeCalls('5002')[0]?.userData).toEqual({ Case: 'C-1', Hint: 'billing' });
    await h.request('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult as string });
    expect(h.takeCalls('5002')[0]?.userData).toEqual({ Case: 'C-1' });
  });

  it('completes blind (before the target answers): the target keeps ringing on the main call', async () => {
    const { h, main, consult } = await consulting();
    await h.request('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult });
    expect(h.names('5001')).toEqual(['EventReleased', 'EventReleased']);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventPartyChanged', connectionId: main, previousConnectionId: consult }]);
    expect(h.sim.snapshot('5002').calls).toMatchObject([{ connectionId: main, state: 'Ringing' }]);
    await h.request('5002', { request: 'RequestAnswerCall', connectionId: main });
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventEstablished', connectionId: main }]);
  });

  it('refuses to complete when the consultation leg is not dialing or established (98)', async () => {
    const { h, main, consult } = await consulting();
    h.sim.phoneAnswer('5002');
    await h.request('5001', { request: 'RequestHoldCall', connectionId: consult });
    const error = await h.refused('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult }, 'CANNOT_COMPLETE_TRANSFER');
    expect(error.tserverErrorCode).toBe(98);
  });

  it('refuses to complete with a call that is not this consultation, or one that reached no one', async () => {
    const h = new Harness();
    await h.ready('5001');
    await h.loggedIn('5002');
    const main = await h.answered('5001');
    await h.refused('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: main }, 'CANNOT_COMPLETE_TRANSFER');
    const { connectionId: consult } = await h.request('5001', { request: 'RequestInitiateTransfer', connectionId: main, destination: '8001' });
    await h.refused('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult as string }, 'CANNOT_COMPLETE_TRANSFER');
    await h.refused('5002', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult as string }, 'INVALID_CONNECTION_ID');
    await h.refused('5001', { request: 'RequestInitiateTransfer', connectionId: main, destination: '5002' }, 'INVALID_CALL_STATE');
  });

  it('consults a queue: the consultation is routed to an agent with CallType Consult', async () => {
    const { h, main } = await talking();
    await h.ready('5003');
    const { connectionId: consult } = await h.request('5001', { request: 'RequestInitiateTransfer', connectionId: main, destination: '8001' });
    expect(h.take('5003')).toMatchObject([{ eventName: 'EventRinging', connectionId: consult, callType: 'Consult', thisQueue: '8001' }]);
  });

  it('is cancelled by releasing the consultation, then retrieving the held call', async () => {
    const { h, main, consult } = await consulting();
    await h.request('5001', { request: 'RequestReleaseCall', connectionId: consult });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId: consult }]);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventAbandoned', connectionId: consult }]);
    expect(h.sim.snapshot('5001').calls).toEqual([expect.not.objectContaining({ transferConnectionId: expect.anything() })]);
    await h.request('5001', { request: 'RequestRetrieveCall', connectionId: main });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventRetrieved', connectionId: main }]);
  });

  it('leaves the consultation standing when the customer hangs up the held call', async () => {
    const { h, main, consult } = await consulting();
    h.sim.phoneAnswer('5002');
    h.take('5001');
    h.sim.customerHangup(main);
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId: main }]);
    expect(h.sim.snapshot('5001').calls).toEqual([expect.objectContaining({ connectionId: consult, state: 'Established' })]);
    expect(h.sim.snapshot('5001').calls[0]).not.toHaveProperty('transferConnectionId');
    await h.refused('5001', { request: 'RequestCompleteTransfer', connectionId: main, consultConnectionId: consult }, 'INVALID_CONNECTION_ID');
  });
});

describe('reconnect', () => {
  it('abandons a consultation still ringing and retrieves the main call', async () => {
    const { h, main, consult } = await consulting();
    const reconnect = await h.request('5001', { request: 'RequestReconnectCall', connectionId: main, consultConnectionId: consult });
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventReleased', connectionId: consult, referenceId: reconnect.referenceId },
      { eventName: 'EventRetrieved', connectionId: main, referenceId: reconnect.referenceId },
    ]);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventAbandoned', connectionId: consult, callState: 'Abandoned' }]);
    expect(h.sim.snapshot('5001').calls).toMatchObject([{ connectionId: main, state: 'Established' }]);
  });

  it('releases an answered consultation for both and retrieves the main call', async () => {
    const { h, main, consult } = await consulting();
    h.sim.phoneAnswer('5002');
    h.take('5001');
    h.take('5002');
    await h.request('5001', { request: 'RequestReconnectCall', connectionId: main, consultConnectionId: consult });
    expect(h.names('5001')).toEqual(['EventReleased', 'EventRetrieved']);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventReleased', connectionId: consult, callState: 'OK' }]);
  });

  it('refuses a pair that is not a consultation (93)', async () => {
    const { h, main } = await talking();
    await h.refused('5001', { request: 'RequestReconnectCall', connectionId: main, consultConnectionId: main }, 'INVALID_CALL_STATE');
  });
});

describe('conference', () => {
  async function conference() {
    const { h, main, consult } = await consulting('RequestInitiateConference');
    h.sim.phoneAnswer('5002');
    h.take('5001');
    h.take('5002');
    const complete = await h.request('5001', { request: 'RequestCompleteConference', connectionId: main, consultConnectionId: consult });
    return { h, main, consult, complete };
  }

  it('completes: the initiator is back on the main call with the target added; all three parties on it', async () => {
    const { h, main, consult, complete } = await conference();
    expect(h.take('5001')).toMatchObject([
      { eventName: 'EventReleased', connectionId: consult, referenceId: complete.referenceId },
      { eventName: 'EventRetrieved', connectionId: main, referenceId: complete.referenceId },
      { eventName: 'EventPartyAdded', connectionId: main, thirdPartyDN: '5002', callState: 'Conferenced', parties: [CUSTOMER, '5001', '5002'] },
    ]);
    expect(h.take('5002')).toMatchObject([
      { eventName: 'EventPartyChanged', connectionId: main, previousConnectionId: consult, callState: 'Conferenced', thirdPartyDN: '5001' },
    ]);
    expect(h.take(CUSTOMER)).toMatchObject([{ eventName: 'EventPartyAdded', thirdPartyDN: '5002' }]);
    for (const dn of ['5001', '5002']) {
      expect(h.sim.snapshot(dn).calls).toMatchObject([{ connectionId: main, state: 'Established', parties: [CUSTOMER, '5001', '5002'] }]);
    }
  });

  it('refuses to complete before the target answers (98)', async () => {
    const { h, main, consult } = await consulting('RequestInitiateConference');
    await h.refused('5001', { request: 'RequestCompleteConference', connectionId: main, consultConnectionId: consult }, 'CANNOT_COMPLETE_TRANSFER');
  });

  it('goes on when a party leaves: the others get EventPartyDeleted', async () => {
    const { h, main } = await conference();
    h.take('5001');
    h.take('5002');
    h.take(CUSTOMER);
    await h.request('5001', { request: 'RequestReleaseCall', connectionId: main });
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventReleased', connectionId: main, callState: 'OK' }]);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventPartyDeleted', connectionId: main, thirdPartyDN: '5001', parties: [CUSTOMER, '5002'] }]);
    expect(h.names(CUSTOMER)).toEqual(['EventPartyDeleted']);
    h.sim.customerHangup(main);
    expect(h.take('5002')).toMatchObject([{ eventName: 'EventReleased', connectionId: main }]);
  });

  it('deletes a party: it is released, the others get EventPartyDeleted', async () => {
    const { h, main } = await conference();
    h.take('5001');
    h.take('5002');
    h.take(CUSTOMER);
    const del = await h.request('5001', { request: 'RequestDeleteFromConference', connectionId: main, dn: '5002' });
    const [released] = h.take('5002');
    expect(released).toMatchObject({ eventName: 'EventReleased', connectionId: main });
    expect(released).not.toHaveProperty('referenceId');
    expect(h.take('5001')).toMatchObject([{ eventName: 'EventPartyDeleted', thirdPartyDN: '5002', referenceId: del.referenceId }]);
    expect(h.names(CUSTOMER)).toEqual(['EventPartyDeleted']);
    expect(h.sim.snapshot('5002').calls).toEqual([]);
    await h.refused('5001', { request: 'RequestDeleteFromConference', connectionId: main, dn: CUSTOMER }, 'INVALID_CALL_STATE');
  });

  it('refuses to delete a DN that is not on the call (53)', async () => {
    const { h, main } = await conference();
    await h.refused('5001', { request: 'RequestDeleteFromConference', connectionId: main, dn: '5004' }, 'INVALID_ATTRIBUTE');
  });
});
