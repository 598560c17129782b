import type { SimCallView } from '@ctikit/contact-center';
import { describe, expect, it } from 'vitest';
import { customerCalls, softphoneCalls, sortForNumber } from '../src/phone/phone-view.ts';
import { simCallSchema } from '../src/phone/sim-api.ts';

/** Calls in the shape `GET /sim/calls` returns them (parsed by the panel's own schema). */
function call(fields: Partial<SimCallView> & Pick<SimCallView, 'connectionId' | 'parties'>): SimCallView {
  return simCallSchema.parse({
    callUuid: `CK${fields.connectionId}`,
    callType: 'Inbound',
    ANI: '+14155550142',
    DNIS: '8000',
    userData: {},
    recordingState: 'Stopped',
    startedAt: 1,
    ...fields,
  });
}

const queued = call({
  connectionId: 'c1',
  parties: [
    { dn: '+14155550142', kind: 'external', state: 'Dialing' },
    { dn: '8000', kind: 'queue', state: 'Queued' },
  ],
});
const ringingAgent = call({
  connectionId: 'c2',
  ANI: '+13125550187',
  parties: [
    { dn: '+13125550187', kind: 'external', state: 'Dialing' },
    { dn: '5001', kind: 'agent', state: 'Ringing' },
  ],
});
const outbound = call({
  connectionId: 'c3',
  callType: 'Outbound',
  ANI: '5002',
  DNIS: '14155550142',
  parties: [
    { dn: '5002', kind: 'agent', state: 'Dialing' },
    { dn: '14155550142', kind: 'external', state: 'Ringing' },
  ],
});
const talking = call({
  connectionId: 'c4',
  parties: [
    { dn: '+442079460018', kind: 'external', state: 'Established' },
    { dn: '5001', kind: 'agent', state: 'Held' },
  ],
});

describe('customer phone view of the simulator calls', () => {
  it('says where each customer call is: queued, ringing an agent, ringing the customer, talking', () => {
    expect(customerCalls([queued, ringingAgent, outbound, talking])).toEqual([
      { connectionId: 'c1', number: '+14155550142', peer: 'Support (8000)', status: 'Waiting in Support (8000)', ringing: false },
      { connectionId: 'c2', number: '+13125550187', peer: 'Support (8000)', status: 'Ringing at agent 5001', ringing: false },
      { connectionId: 'c3', number: '14155550142', peer: 'agent 5002', status: 'Incoming call', ringing: true },
      { connectionId: 'c4', number: '+442079460018', peer: 'agent 5001', status: 'Talking', ringing: false },
    ]);
  });

  it('lists the calls of your number first, whatever its formatting', () => {
    const sorted = sortForNumber(customerCalls([ringingAgent, talking, outbound]), '+1 415 555 0142');
    expect(sorted.map((c) => c.connectionId)).toEqual(['c3', 'c2', 'c4']);
  });

  it("shows the agent softphone's legs on its DN with the other party", () => {
    expect(softphoneCalls([queued, ringingAgent, outbound, talking], '5001')).toEqual([
      { connectionId: 'c2', state: 'Ringing', other: '+13125550187' },
      { connectionId: 'c4', state: 'Held', other: '+442079460018' },
    ]);
    expect(softphoneCalls([queued], '5001')).toEqual([]);
  });

  it('refuses a call list entry that is not in the control API shape', () => {
    expect(simCallSchema.safeParse({ ...queued, parties: [{ dn: '1', kind: 'robot', state: 'Dialing' }] }).success).toBe(false);
  });
});
