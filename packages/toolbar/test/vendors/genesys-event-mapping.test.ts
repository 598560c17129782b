import { describe, expect, it } from 'vitest';
import { tserverEventSchema, type CallWireEvent, type Snapshot, type TServerEventName, type TServerEventOf, type TServerWireEvent } from '@ctikit/protocol';
import type { VendorEvent } from '../../src/core/vendor-events.ts';
import { TServerEventMapper } from '../../src/vendors/genesys/event-mapping.ts';

/** T-Server events as the bridge forwards them to agent 5001, and the core events they become. */
const AT = 1_700_000_000_000;
const ME = '5001';
const CUSTOMER = '4155550123';

/** A T-Server event as the socket hands it on: parsed by the wire schema. */
function wire<N extends TServerEventName>(eventName: N, fields: Partial<TServerEventOf<N>> = {}): TServerWireEvent {
  return tserverEventSchema.parse({ eventName, timestamp: AT, thisDN: ME, ...fields });
}

/** An inbound ACD call from the customer through queue 8000, as ConnID c1 / eventId e1. */
const inbound = {
  eventId: 'e1',
  connectionId: 'c1',
  callType: 'Inbound',
  ANI: CUSTOMER,
  DNIS: '8000',
  otherDN: CUSTOMER,
  thisQueue: '8000',
  parties: [CUSTOMER, ME],
  userData: { Segment: 'Gold' },
  recordingState: 'Stopped',
} as const satisfies Partial<TServerWireEvent>;

/** The agent's outbound call to the customer, ConnID c2 / eventId e2. */
const outbound = {
  eventId: 'e2',
  connectionId: 'c2',
  callType: 'Outbound',
  ANI: ME,
  DNIS: CUSTOMER,
  otherDN: CUSTOMER,
  parties: [ME, CUSTOMER],
} as const satisfies Partial<TServerWireEvent>;

function mapAll(events: TServerWireEvent[], mapper = new TServerEventMapper()): VendorEvent[] {
  return events.flatMap((event) => mapper.map(event));
}

describe('T-Server → core mapping', () => {
  const cases: Array<{ name: string; before?: TServerWireEvent[]; event: TServerWireEvent; expected: VendorEvent[] }> = [
    {
      name: 'EventRinging (inbound ACD) → offered, with the ANI as the number',
      event: wire('EventRinging', inbound),
      expected: [
        {
          type: 'interactionOffered',
          eventId: 'e1',
          details: {
            direction: 'inbound',
            phoneNumber: CUSTOMER,
            dnis: '8000',
            queue: '8000',
            userData: { Segment: 'Gold' },
            parties: [CUSTOMER, ME],
            recordingState: 'stopped',
          },
          at: AT,
        },
      ],
    },
    {
      name: "EventRinging (a colleague calls) → offered, internal, the colleague's DN",
      event: wire('EventRinging', { eventId: 'e3', connectionId: 'c3', callType: 'Internal', ANI: '5002', DNIS: ME, otherDN: '5002' }),
      expected: [
        {
          type: 'interactionOffered',
          eventId: 'e3',
          details: { direction: 'internal', phoneNumber: '5002', dnis: ME, userData: {}, parties: [], recordingState: 'stopped' },
          at: AT,
        },
      ],
    },
    {
      name: "EventRinging (an outbound call a colleague transferred here) → offered inbound, the customer's number",
      event: wire('EventRinging', { eventId: 'e4', connectionId: 'c4', callType: 'Outbound', ANI: '5002', DNIS: CUSTOMER, otherDN: CUSTOMER }),
      expected: [
        {
          type: 'interactionOffered',
          eventId: 'e4',
          details: { direction: 'inbound', phoneNumber: CUSTOMER, dnis: CUSTOMER, userData: {}, parties: [], recordingState: 'stopped' },
          at: AT,
        },
      ],
    },
    {
      name: 'EventDialing → dialing, outbound, the dialed number',
      event: wire('EventDialing', outbound),
      expected: [
        {
          type: 'interactionDialing',
          eventId: 'e2',
          details: { direction: 'outbound', phoneNumber: CUSTOMER, dnis: CUSTOMER, userData: {}, parties: [ME, CUSTOMER], recordingState: 'stopped' },
          at: AT,
        },
      ],
    },
    {
      name: 'EventDialing of a consultation → dialing consult, linked both ways to the held call',
      before: [wire('EventRinging', inbound), wire('EventEstablished', inbound), wire('EventHeld', inbound)],
      event: wire('EventDialing', {
        eventId: 'e5',
        connectionId: 'c5',
        callType: 'Consult',
        ANI: ME,
        DNIS: '5002',
        otherDN: '5002',
        transferConnectionId: 'c1',
      }),
      expected: [
        {
          type: 'interactionDialing',
          eventId: 'e5',
          details: { direction: 'consult', phoneNumber: '5002', dnis: '5002', userData: {}, parties: [], recordingState: 'stopped', linkedEventId: 'e1' },
          at: AT,
        },
        { type: 'interactionDataChanged', eventId: 'e1', linkedEventId: 'e5', at: AT },
      ],
    },
    { name: 'EventEstablished → connected', event: wire('EventEstablished', inbound), expected: [{ type: 'interactionConnected', eventId: 'e1', at: AT }] },
    { name: 'EventHeld → held', event: wire('EventHeld', inbound), expected: [{ type: 'interactionHeld', eventId: 'e1', at: AT }] },
    { name: 'EventRetrieved → resumed', event: wire('EventRetrieved', inbound), expected: [{ type: 'interactionRetrieved', eventId: 'e1', at: AT }] },
    { name: 'EventMuteOn → muted', event: wire('EventMuteOn', inbound), expected: [{ type: 'interactionMuteChanged', eventId: 'e1', muted: true, at: AT }] },
    {
      name: 'EventMuteOff → unmuted',
      event: wire('EventMuteOff', inbound),
      expected: [{ type: 'interactionMuteChanged', eventId: 'e1', muted: false, at: AT }],
    },
    {
      name: 'EventAttachedDataChanged → data changed (user data, recording)',
      event: wire('EventAttachedDataChanged', { ...inbound, userData: { Segment: 'Gold', CaseId: '42' }, recordingState: 'Recording' }),
      expected: [{ type: 'interactionDataChanged', eventId: 'e1', userData: { Segment: 'Gold', CaseId: '42' }, recordingState: 'recording', at: AT }],
    },
    {
      name: 'EventPartyAdded → data changed (parties)',
      event: wire('EventPartyAdded', { ...inbound, parties: [CUSTOMER, ME, '5002'] }),
      expected: [{ type: 'interactionDataChanged', eventId: 'e1', parties: [CUSTOMER, ME, '5002'], at: AT }],
    },
    {
      name: 'EventPartyDeleted → data changed (parties)',
      event: wire('EventPartyDeleted', { ...inbound, parties: [CUSTOMER, ME] }),
      expected: [{ type: 'interactionDataChanged', eventId: 'e1', parties: [CUSTOMER, ME], at: AT }],
    },
    { name: 'EventAgentLogin → not ready', event: wire('EventAgentLogin'), expected: [{ type: 'agentStateChanged', state: { kind: 'notReady' }, at: AT }] },
    {
      name: 'EventAgentReady → ready',
      event: wire('EventAgentReady', { workMode: 'ManualIn' }),
      expected: [{ type: 'agentStateChanged', state: { kind: 'ready' }, at: AT }],
    },
    {
      name: 'EventAgentNotReady (AuxWork) → not ready',
      event: wire('EventAgentNotReady', { workMode: 'AuxWork' }),
      expected: [{ type: 'agentStateChanged', state: { kind: 'notReady' }, at: AT }],
    },
    {
      name: 'EventAgentNotReady with reasons.ReasonCode → not ready for that reason, with its label',
      event: wire('EventAgentNotReady', { workMode: 'AuxWork', reasons: { ReasonCode: 'Lunch' } }),
      expected: [{ type: 'agentStateChanged', state: { kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch break' }, at: AT }],
    },
    {
      name: 'EventAgentNotReady (AfterCallWork) → after-call work',
      event: wire('EventAgentNotReady', { workMode: 'AfterCallWork' }),
      expected: [{ type: 'agentStateChanged', state: { kind: 'afterCallWork' }, at: AT }],
    },
    {
      name: 'EventAgentNotReady (AfterCallWork, WrapUpTime 60) → after-call work ending 60 s after the event',
      event: wire('EventAgentNotReady', { workMode: 'AfterCallWork', extensions: { WrapUpTime: '60' } }),
      expected: [{ type: 'agentStateChanged', state: { kind: 'afterCallWork', endsAt: AT + 60_000 }, at: AT }],
    },
    {
      name: 'EventAgentNotReady (AfterCallWork, WrapUpTime untimed) → after-call work with no end',
      event: wire('EventAgentNotReady', { workMode: 'AfterCallWork', extensions: { WrapUpTime: 'untimed' } }),
      expected: [{ type: 'agentStateChanged', state: { kind: 'afterCallWork' }, at: AT }],
    },
    { name: 'EventAgentLogout → logged out', event: wire('EventAgentLogout'), expected: [{ type: 'agentStateChanged', state: { kind: 'loggedOut' }, at: AT }] },
    {
      name: 'EventError about a command of another client → command failed',
      event: wire('EventError', {
        referenceId: 'other-tab-1',
        eventId: 'e1',
        errorCode: 'INVALID_CALL_STATE',
        tserverErrorCode: 93,
        errorMessage: 'Not ringing.',
      }),
      expected: [
        {
          type: 'commandFailed',
          failure: { ok: false, code: 'INVALID_CALL_STATE', message: 'Not ringing.', cause: { vendor: 'genesys', code: 93 } },
          eventId: 'e1',
          at: AT,
        },
      ],
    },
    {
      name: 'EventError with only a T-Library number → the catalog code for it',
      event: wire('EventError', { tserverErrorCode: 56 }),
      expected: [
        {
          type: 'commandFailed',
          failure: {
            ok: false,
            code: 'INVALID_CONNECTION_ID',
            message: 'No call with this connectionId exists on your DN.',
            cause: { vendor: 'genesys', code: 56 },
          },
          at: AT,
        },
      ],
    },
    {
      name: "EventError repeating a failure of this client's own command → nothing",
      event: wire('EventError', { referenceId: 'mine-1', errorCode: 'INVALID_CALL_STATE' }),
      expected: [],
    },
  ];

  for (const { name, before = [], event, expected } of cases) {
    it(name, () => {
      const mapper = new TServerEventMapper({
        reasonLabel: (code) => (code === 'Lunch' ? 'Lunch break' : undefined),
        isOwnCommand: (referenceId) => referenceId.startsWith('mine-'),
      });
      mapAll(before, mapper);
      expect(mapper.map(event)).toEqual(expected);
    });
  }

  const unchanged: TServerWireEvent['eventName'][] = [
    'EventRegistered',
    'EventUnregistered',
    'EventNetworkReached',
    'EventDestinationBusy',
    'EventDTMFSent',
    'EventLinkDisconnected',
    'EventLinkConnected',
  ];
  for (const eventName of unchanged) {
    it(`${eventName} → nothing`, () => {
      expect(new TServerEventMapper().map(wire(eventName, inbound))).toEqual([]);
    });
  }
});

describe('how a released leg ended', () => {
  const ringing = wire('EventRinging', inbound);
  const established = wire('EventEstablished', inbound);
  const held = wire('EventHeld', inbound);
  const dialing = wire('EventDialing', { ...outbound, eventId: 'e1', connectionId: 'c1' });
  const released = (callState: CallWireEvent['callState']) => wire('EventReleased', { ...inbound, callState });
  const table: Array<[string, TServerWireEvent[], TServerWireEvent, unknown]> = [
    ['ringing, Rejected → rejected', [ringing], released('Rejected'), { kind: 'rejected' }],
    ['ringing, NoAnswer (rang out) → missed', [ringing], released('NoAnswer'), { kind: 'missed' }],
    ['ringing, abandoned by the caller → abandoned', [ringing], wire('EventAbandoned', { ...inbound, callState: 'Abandoned' }), { kind: 'abandoned' }],
    ['ringing, Transferred away → transferred', [ringing], released('Transferred'), { kind: 'transferred' }],
    ['dialing, Busy → failed busy', [dialing], released('Busy'), { kind: 'failed', code: 'TERMINATING_PARTY_BUSY', message: 'The destination is busy.' }],
    [
      'dialing, NoAnswer → failed no answer',
      [dialing],
      released('NoAnswer'),
      { kind: 'failed', code: 'DESTINATION_NO_ANSWER', message: 'The destination did not answer.' },
    ],
    [
      'dialing, Rejected → failed rejected',
      [dialing],
      released('Rejected'),
      { kind: 'failed', code: 'DESTINATION_REJECTED', message: 'The destination rejected the call.' },
    ],
    ['dialing, released by the agent (OK) → canceled', [dialing], released('OK'), { kind: 'canceled' }],
    ['dialing consultation, Transferred (completed before the answer) → transferred', [dialing], released('Transferred'), { kind: 'transferred' }],
    ['connected, OK → completed', [ringing, established], released('OK'), { kind: 'completed' }],
    ['connected, Transferred → transferred', [ringing, established], released('Transferred'), { kind: 'transferred' }],
    ['connected consultation, Conferenced → completed', [dialing, established], released('Conferenced'), { kind: 'completed' }],
    ['held, OK (the customer hung up) → completed', [ringing, established, held], released('OK'), { kind: 'completed' }],
  ];
  for (const [name, before, event, cause] of table) {
    it(name, () => {
      const mapper = new TServerEventMapper();
      mapAll(before, mapper);
      expect(mapper.map(event)).toEqual([{ type: 'interactionEnded', eventId: 'e1', cause, at: AT }]);
      expect(mapper.legs.connectionIdOf('e1')).toBeUndefined();
    });
  }
});

describe('call legs across events', () => {
  it('EventPartyChanged keeps the eventId, follows the new ConnID and says who the call is with now', () => {
    const mapper = new TServerEventMapper();
    mapAll([wire('EventRinging', { eventId: 'e9', connectionId: 'c9', callType: 'Consult', ANI: '5002', otherDN: '5002' })], mapper);
    const changed = mapper.map(
      wire('EventPartyChanged', {
        ...inbound,
        eventId: 'e9',
        connectionId: 'c1',
        previousConnectionId: 'c9',
        thirdPartyDN: '5002',
        parties: [CUSTOMER, ME],
      }),
    );
    expect(changed).toEqual([
      {
        type: 'interactionDataChanged',
        eventId: 'e9',
        parties: [CUSTOMER, ME],
        userData: { Segment: 'Gold' },
        direction: 'inbound',
        phoneNumber: CUSTOMER,
        linkedEventId: null,
        at: AT,
      },
    ]);
    expect(mapper.legs.connectionIdOf('e9')).toBe('c1');
    expect(mapper.legs.eventIdOf('c9')).toBeUndefined();
  });

  it('the held call loses its link when its consultation ends', () => {
    const mapper = new TServerEventMapper();
    mapAll(
      [
        wire('EventRinging', inbound),
        wire('EventEstablished', inbound),
        wire('EventHeld', inbound),
        wire('EventDialing', { eventId: 'e5', connectionId: 'c5', callType: 'Consult', ANI: ME, otherDN: '5002', transferConnectionId: 'c1' }),
      ],
      mapper,
    );
    expect(mapper.map(wire('EventReleased', { eventId: 'e5', connectionId: 'c5', callState: 'OK' }))).toEqual([
      { type: 'interactionEnded', eventId: 'e5', cause: { kind: 'canceled' }, at: AT },
      { type: 'interactionDataChanged', eventId: 'e1', linkedEventId: null, at: AT },
    ]);
  });

  it('a call frame without its eventId or ConnID is no wire event (the socket ignores it); agent and error frames need neither', () => {
    expect(tserverEventSchema.safeParse({ eventName: 'EventRinging', timestamp: AT, connectionId: 'c1' }).success).toBe(false);
    expect(tserverEventSchema.safeParse({ eventName: 'EventEstablished', timestamp: AT, eventId: 'e1' }).success).toBe(false);
    expect(tserverEventSchema.safeParse({ eventName: 'EventAgentReady', timestamp: AT }).success).toBe(true);
    expect(tserverEventSchema.safeParse({ eventName: 'EventError', timestamp: AT, errorCode: 'INVALID_CALL_STATE' }).success).toBe(true);
  });
});

describe('Snapshot → resynced', () => {
  const snapshot: Snapshot = {
    eventName: 'Snapshot',
    timestamp: AT,
    lastSeq: 12,
    agent: { agentId: 'agent1', dn: ME, registered: true, state: 'NotReady', workMode: 'AuxWork', reasonCode: 'Lunch' },
    calls: [
      {
        eventId: 'e1',
        connectionId: 'c1',
        callUuid: 'U1',
        callType: 'Inbound',
        state: 'Held',
        ANI: CUSTOMER,
        DNIS: '8000',
        otherDN: CUSTOMER,
        thisQueue: '8000',
        transferConnectionId: 'c5',
        parties: [CUSTOMER, ME],
        userData: {},
        muted: true,
        recordingState: 'Paused',
        startedAt: AT - 60_000,
      },
      {
        eventId: 'e5',
        connectionId: 'c5',
        callUuid: 'U5',
        callType: 'Consult',
        state: 'Dialing',
        ANI: ME,
        DNIS: '5002',
        otherDN: '5002',
        transferConnectionId: 'c1',
        parties: [ME, '5002'],
        userData: {},
        muted: false,
        recordingState: 'Stopped',
        startedAt: AT - 5_000,
      },
    ],
  };

  it('maps the agent and every live call, and rebuilds the legs commands are addressed by', () => {
    const mapper = new TServerEventMapper({ reasonLabel: () => 'Lunch break' });
    mapAll([wire('EventRinging', { ...inbound, eventId: 'gone', connectionId: 'c0' })], mapper);
    expect(mapper.mapSnapshot(snapshot)).toEqual({
      type: 'resynced',
      agent: { kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch break' },
      interactions: [
        {
          eventId: 'e1',
          state: 'held',
          details: {
            direction: 'inbound',
            phoneNumber: CUSTOMER,
            dnis: '8000',
            callUuid: 'U1',
            queue: '8000',
            userData: {},
            parties: [CUSTOMER, ME],
            recordingState: 'paused',
            linkedEventId: 'e5',
          },
          offeredAt: AT - 60_000,
          muted: true,
        },
        {
          eventId: 'e5',
          state: 'dialing',
          details: {
            direction: 'consult',
            phoneNumber: '5002',
            dnis: '5002',
            callUuid: 'U5',
            userData: {},
            parties: [ME, '5002'],
            recordingState: 'stopped',
            linkedEventId: 'e1',
          },
          offeredAt: AT - 5_000,
          muted: false,
        },
      ],
      at: AT,
    });
    expect(mapper.legs.connectionIdOf('e5')).toBe('c5');
    expect(mapper.legs.connectionIdOf('gone')).toBeUndefined();
  });

  it('maps each agent state', () => {
    const agentOf = (agent: Partial<Snapshot['agent']>) =>
      new TServerEventMapper().mapSnapshot({ ...snapshot, calls: [], agent: { ...snapshot.agent, ...agent } }).agent;
    expect(agentOf({ state: 'LoggedOut' })).toEqual({ kind: 'loggedOut' });
    expect(agentOf({ state: 'Ready', workMode: 'ManualIn' })).toEqual({ kind: 'ready' });
    expect(agentOf({ state: 'NotReady', workMode: 'AfterCallWork' })).toEqual({ kind: 'afterCallWork' });
  });
});
