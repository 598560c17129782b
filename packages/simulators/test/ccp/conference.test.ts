import { beforeEach, describe, expect, it } from 'vitest';
import { ccpHarness, CUSTOMER, DN, inboundCall as call, profile, type CcpHarness } from './ccp-harness.ts';

/**
 * Conferences on the simulated CCP, fed the T-Server events the contact-center simulator sends the
 * agent's DN (packages/contact-center/test/transfer.test.ts, "conference"): once merged there is no
 * consultation left, so leaving is hanging up the main call, and the contact ends when the others left.
 */

const consult = {
  eventId: 'e-3',
  connectionId: '0071000000000003',
  callType: 'Consult',
  ANI: DN,
  otherDN: '5002',
  transferConnectionId: call.connectionId,
} as const;
const TARGET = '5002';

let h: CcpHarness;

function contact() {
  const found = h.service.data().snapshot.contacts[0];
  if (!found) throw new Error('no contact');
  return found;
}

function legs(): string[] {
  return contact().connections.map((connection) => `${connection.type}:${connection.state.type}`);
}

async function conferenced(): Promise<void> {
  h.apply('EventRinging', call);
  h.apply('EventEstablished', call);
  const [quick] = profile.directory.list();
  await h.api('createAdditionalConnection', { contactId: 'e-1', endpoint: quick });
  h.apply('EventHeld', call);
  h.apply('EventDialing', consult);
  h.apply('EventEstablished', consult);
  expect(await h.api('conferenceConnections', { contactId: 'e-1' })).toEqual({ ok: true, data: {} });
  expect(h.sent.at(-1)).toEqual({ type: 'CompleteConference', connectionId: call.connectionId, consultConnectionId: consult.connectionId });
  h.apply('EventReleased', { ...consult, callState: 'Conferenced' });
  h.apply('EventRetrieved', call);
  h.apply('EventPartyAdded', { ...call, thirdPartyDN: TARGET, callState: 'Conferenced', parties: [CUSTOMER, DN, TARGET] });
}

beforeEach(() => {
  h = ccpHarness();
});

describe('a conference on the simulated CCP', () => {
  it('shows the three parties connected once merged, and refuses to merge twice', async () => {
    await conferenced();
    expect(contact().state.type).toBe('connected');
    expect(legs()).toEqual(['agent:connected', 'inbound:connected', 'outbound:connected']);
    expect(await h.api('conferenceConnections', { contactId: 'e-1' })).toMatchObject({ ok: false, error: { type: 'InvalidStateException' } });
  });

  it('leaves it by hanging up the main call (the consultation is gone), the others talking on', async () => {
    await conferenced();
    const agentLeg = contact().connections[0]?.connectionId;
    expect(await h.api('destroyConnection', { contactId: 'e-1', connectionId: agentLeg })).toEqual({ ok: true, data: {} });
    expect(h.sent.at(-1)).toEqual({ type: 'Hangup', connectionId: call.connectionId });
    h.apply('EventReleased', { ...call, callState: 'OK' });
    expect(contact().state.type).toBe('ended');
    expect(legs()).toEqual(['agent:disconnected', 'inbound:connected', 'outbound:connected']);
    expect(h.service.data().snapshot.state.name).toBe('AfterCallWork');
  });

  it('ends when the others have hung up: the third party first, then the customer', async () => {
    await conferenced();
    h.apply('EventPartyDeleted', { ...call, thirdPartyDN: TARGET, parties: [CUSTOMER, DN] });
    expect(contact().state.type).toBe('connected');
    expect(legs()).toEqual(['agent:connected', 'inbound:connected', 'outbound:disconnected']);
    h.apply('EventReleased', { ...call, callState: 'OK' });
    expect(contact().state.type).toBe('ended');
    expect(legs()).toEqual(['agent:disconnected', 'inbound:disconnected', 'outbound:disconnected']);
  });

  it('ends when the others have hung up: the customer first, then the third party', async () => {
    await conferenced();
    h.apply('EventPartyDeleted', { ...call, thirdPartyDN: CUSTOMER, parties: [DN, TARGET] });
    expect(legs()).toEqual(['agent:connected', 'inbound:disconnected', 'outbound:connected']);
    h.apply('EventReleased', { ...call, callState: 'OK' });
    expect(contact().state.type).toBe('ended');
    expect(h.service.data().snapshot.state.name).toBe('AfterCallWork');
  });

  it('drops a party from the conference: the third party or the customer is deleted from the call', async () => {
    await conferenced();
    const [, customerLeg, thirdLeg] = contact().connections.map((connection) => connection.connectionId);
    await h.api('destroyConnection', { contactId: 'e-1', connectionId: thirdLeg });
    expect(h.sent.at(-1)).toEqual({ type: 'DeleteFromConference', connectionId: call.connectionId, dn: TARGET });
    await h.api('destroyConnection', { contactId: 'e-1', connectionId: customerLeg });
    expect(h.sent.at(-1)).toEqual({ type: 'DeleteFromConference', connectionId: call.connectionId, dn: CUSTOMER });
  });

  it('finds a conference again after a reload: a call with three parties', () => {
    h.service.applySnapshot({
      eventName: 'Snapshot',
      timestamp: h.clock.now(),
      lastSeq: 9,
      agent: { agentId: 'agent1', dn: DN, registered: true, state: 'NotReady', workMode: 'AuxWork' },
      calls: [
        {
          ...call,
          callUuid: 'u-1',
          state: 'Established',
          parties: [CUSTOMER, DN, TARGET],
          userData: {},
          muted: false,
          recordingState: 'Stopped',
          startedAt: 0,
        },
      ],
    });
    expect(legs()).toEqual(['agent:connected', 'inbound:connected', 'outbound:connected']);
    const agentLeg = contact().connections[0]?.connectionId;
    void h.api('destroyConnection', { contactId: 'e-1', connectionId: agentLeg });
    expect(h.sent.at(-1)).toEqual({ type: 'Hangup', connectionId: call.connectionId });
  });
});
