import { describe, expect, it } from 'vitest';
import type { TServerRequest } from '@ctikit/contact-center';
import { callEvents, callViewOf, reportedAfter } from '../../src/backends/workspace-api/call-events.ts';
import type { CallView } from '../../src/backends/workspace-api/call-events.ts';
import { callSchema } from '../../src/backends/workspace-api/workspace-wire.ts';

/**
 * The rules that turn a Workspace `CallStateChanged` into T-Server events, one per case the
 * conformance suite cannot reach on its own (the face's notifications always follow the engine).
 */

const DN = '5001';
const CUSTOMER = '4155550123';

function view(fields: Record<string, unknown>, before?: CallView): CallView {
  const call = callSchema.parse({ id: 'c1', connId: 'c1', callUuid: 'U1', callType: 'Inbound', ani: CUSTOMER, dnis: '8000', ...fields });
  const result = callViewOf(call, before, 1_000);
  if (!result) throw new Error('unknown state');
  return result;
}

function names(
  before: CallView | undefined,
  after: CallView,
  notificationType = 'StateChange',
  request?: TServerRequest,
  previousConnectionId?: string,
): string[] {
  return callEvents({ before, after, notificationType, previousConnectionId, cause: { thisDN: DN, request } }).map((event) => event.eventName);
}

const ringing = view({ state: 'Ringing', participants: [{ number: CUSTOMER }] });
const talking = view({ state: 'Established', participants: [{ number: CUSTOMER }] }, ringing);
const release = (connectionId: string): TServerRequest => ({ request: 'RequestReleaseCall', connectionId, thisDN: DN, referenceId: 'r1' });

describe('CallStateChanged → T-Server events', () => {
  it('a ringing call released by the switch is abandoned; released by the agent, rejected', () => {
    const released = view({ state: 'Released', participants: [{ number: CUSTOMER }] }, ringing);
    expect(names(ringing, released)).toEqual(['EventAbandoned']);
    const rejected = callEvents({ before: ringing, after: released, notificationType: 'StateChange', cause: { thisDN: DN, request: release('c1') } });
    expect(rejected).toEqual([expect.objectContaining({ eventName: 'EventReleased', callState: 'Rejected' })]);
  });

  it('Completed counts as released; a call never seen is not reported when it ends', () => {
    expect(names(talking, view({ state: 'Completed' }, talking))).toEqual(['EventReleased']);
    expect(names(undefined, view({ state: 'Released' }))).toEqual([]);
  });

  it('a call first seen established or held is reported in that state (after a resync)', () => {
    expect(names(undefined, view({ state: 'Established' }))).toEqual(['EventEstablished']);
    expect(names(undefined, view({ state: 'Held' }))).toEqual(['EventHeld']);
  });

  it('participants that change with the state are not reported as parties added or deleted', () => {
    const dialing = view({ state: 'Dialing', callType: 'Internal', participants: [{ number: '8000' }] });
    const answered = view({ state: 'Established', callType: 'Internal', participants: [{ number: '5002' }] }, dialing);
    const change = { before: dialing, after: answered, notificationType: 'StateChange' };
    expect(names(dialing, answered)).toEqual(['EventEstablished']);
    expect(reportedAfter(change)).toEqual(['8000']);
  });

  it('ParticipantsUpdated reports each party added or gone against the parties last reported', () => {
    const conference = view({ state: 'Established', participants: [{ number: CUSTOMER }, { number: '5002' }] }, talking);
    expect(names(talking, conference, 'ParticipantsUpdated')).toEqual(['EventPartyAdded']);
    const reduced = view({ state: 'Established', participants: [{ number: '5002' }] }, talking);
    const events = callEvents({ before: talking, after: reduced, notificationType: 'ParticipantsUpdated', cause: { thisDN: DN } });
    expect(events.map((event) => [event.eventName, event.thirdPartyDN])).toEqual([
      ['EventPartyAdded', '5002'],
      ['EventPartyDeleted', CUSTOMER],
    ]);
  });

  it('a re-keyed call is EventPartyChanged with previousConnectionId, naming the party that left', () => {
    const consult = view({ id: 'c2', connId: 'c2', state: 'Established', callType: 'Consult', participants: [{ number: '5002' }] });
    const main = view({ id: 'c1', connId: 'c1', previousConnId: 'c2', state: 'Established', participants: [{ number: CUSTOMER }] }, consult);
    const events = callEvents({ before: consult, after: main, previousConnectionId: 'c2', notificationType: 'StateChange', cause: { thisDN: DN } });
    expect(events).toEqual([expect.objectContaining({ eventName: 'EventPartyChanged', connectionId: 'c1', previousConnectionId: 'c2', thirdPartyDN: '5002' })]);
  });

  it("a call's notification after the agent's send-dtmf is no call change: EventDTMFSent comes from the accepted request, not from it", () => {
    const dtmf: TServerRequest = { request: 'RequestSendDTMF', connectionId: 'c1', digits: '42', thisDN: DN, referenceId: 'r2' };
    expect(callEvents({ before: talking, after: talking, notificationType: 'StateChange', cause: { thisDN: DN, request: dtmf } })).toEqual([]);
  });

  it('reads the caller from the participants when the call has no ani (Genesys: RoleOrigination), and the dialled number from RoleDestination', () => {
    const inbound = view({
      id: 'c7',
      connId: 'c7',
      ani: undefined,
      dnis: undefined,
      state: 'Ringing',
      participants: [{ number: CUSTOMER, role: 'RoleOrigination' }],
    });
    expect(inbound).toMatchObject({ ANI: CUSTOMER, participants: [CUSTOMER] });
    expect(inbound.DNIS).toBeUndefined();
    const outbound = view({
      id: 'c8',
      connId: 'c8',
      ani: undefined,
      dnis: undefined,
      state: 'Dialing',
      participants: [{ number: '5002', role: 'RoleDestination' }],
    });
    expect(outbound).toMatchObject({ DNIS: '5002' });
    expect(outbound.ANI).toBeUndefined();
    const both = view({
      id: 'c9',
      connId: 'c9',
      state: 'Ringing',
      ani: '+1555',
      dnis: undefined,
      participants: [{ number: CUSTOMER, role: 'RoleOrigination' }],
    });
    expect(both.ANI).toBe('+1555');
  });

  it('reads user data pairs by type and leaves unknown call types and recording states as they were', () => {
    const data = view(
      {
        state: 'Established',
        callType: 'Predictive',
        recordingState: 'Whispering',
        userData: [
          { key: 'n', type: 'int', value: 7 },
          { key: 's', type: 'str', value: 'x' },
          { key: 'list', type: 'kvlist', value: [{ key: 'a', type: 'str', value: 'b' }] },
        ],
      },
      talking,
    );
    expect(data).toMatchObject({ callType: 'Inbound', recordingState: 'Stopped', userData: { n: 7, s: 'x', list: '[{"key":"a","type":"str","value":"b"}]' } });
    expect(callViewOf(callSchema.parse({ id: 'c1', state: 'Parked' }), undefined, 0)).toBeUndefined();
  });
});
