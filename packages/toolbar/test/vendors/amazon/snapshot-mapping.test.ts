import { beforeEach, describe, expect, it } from 'vitest';
import type { VendorEvent } from '../../../src/core/vendor-events.ts';
import { StreamsSnapshotMapper } from '../../../src/vendors/amazon/snapshot-mapping.ts';
import type { AgentView } from '../../../src/vendors/amazon/streams-view.ts';
import { AFTER_CALL_WORK, agentView, AT, AVAILABLE, BUSY, CALLING_CUSTOMER, contact, CUSTOMER, MISSED_CALL_AGENT, PENDING_BUSY } from './support/views.ts';

/**
 * Streams snapshots, one per `agent::refresh`, in the orders Amazon Connect produces them (amazon.md
 * §4.4), and the core events the toolbar's model and Fusion get from them. Seed 004's three ways a
 * call ends are here: declined before it is answered, hung up by the agent, hung up by the customer.
 */

const idle = agentView(AVAILABLE);
const ringing = agentView(PENDING_BUSY, [contact({ state: 'connecting' })]);
const talking = agentView(BUSY, [contact({ state: 'connected', agent: 'connected' })]);

let mapper: StreamsSnapshotMapper;
let consultIds: number;

beforeEach(() => {
  consultIds = 0;
  mapper = new StreamsSnapshotMapper({ newEventId: () => `generated-${++consultIds}` });
});

/** Map snapshots in order; the events of all but the first (the resync). */
function run(...views: AgentView[]): VendorEvent[] {
  const [first, ...rest] = views;
  if (first) mapper.map(first);
  return rest.flatMap((view) => mapper.map(view));
}

/** The events of the last snapshot, after mapping the ones before it. */
function last(...views: AgentView[]): VendorEvent[] {
  const final = views.pop();
  for (const view of views) mapper.map(view);
  return final ? mapper.map(final) : [];
}

function types(events: readonly VendorEvent[]): string[] {
  return events.map((event) => event.type);
}

describe('Amazon Connect snapshots → core events', () => {
  it('resyncs from the first snapshot: the agent as Amazon Connect has it, no calls', () => {
    expect(mapper.map(idle)).toEqual([{ type: 'resynced', agent: { kind: 'ready' }, interactions: [], at: AT }]);
  });

  it('offers a ringing inbound contact with the caller number, its contactId as eventId, queue and attributes', () => {
    const withData = agentView(PENDING_BUSY, [contact({ state: 'connecting', attributes: { Segment: 'Gold' } })]);
    expect(run(idle, withData)).toEqual([
      {
        type: 'interactionOffered',
        eventId: 'c-1',
        details: {
          direction: 'inbound',
          phoneNumber: CUSTOMER,
          queue: 'Support',
          userData: { Segment: 'Gold' },
          parties: [CUSTOMER],
          partyStates: { [CUSTOMER]: 'connected' },
          recordingState: 'stopped',
        },
        at: AT,
      },
    ]);
  });

  it('offers a queued callback when it comes in (the only contact Streams reports as incoming)', () => {
    const callback = agentView(PENDING_BUSY, [contact({ state: 'incoming' })]);
    expect(types(run(idle, callback))).toEqual(['interactionOffered']);
  });

  it('connects the call when the contact is connected (after the accept), not when the accept succeeds', () => {
    expect(run(idle, ringing, ringing, talking)).toEqual([
      expect.objectContaining({ type: 'interactionOffered' }),
      { type: 'interactionConnected', eventId: 'c-1', at: AT },
    ]);
  });

  it('scenario 1: declined before it was answered — a voice reject ends in error, told apart by the intent', () => {
    mapper.map(idle);
    mapper.map(ringing);
    mapper.intend('c-1', 'reject');
    const rejected = agentView(MISSED_CALL_AGENT, [contact({ state: 'error', agent: 'disconnected' })]);
    expect(mapper.map(rejected)).toEqual([
      { type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'rejected' }, at: AT },
      { type: 'agentStateChanged', state: { kind: 'notReady', reasonCode: 'MissedCallAgent', reasonLabel: 'Missed call' }, at: AT },
    ]);
  });

  it('scenario 2: the agent hangs up after the conversation — completed, then after-call work', () => {
    mapper.map(idle);
    mapper.map(talking);
    mapper.intend('c-1', 'hangup');
    const acw = agentView(AFTER_CALL_WORK, [contact({ state: 'ended', agent: 'disconnected', customer: 'disconnected' })]);
    expect(mapper.map(acw)).toEqual([
      { type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'completed' }, at: AT },
      { type: 'agentStateChanged', state: { kind: 'afterCallWork' }, at: AT },
    ]);
  });

  it('scenario 3: the customer hangs up — completed, then after-call work; clearing the contact ends it', () => {
    const acw = agentView(AFTER_CALL_WORK, [contact({ state: 'ended', agent: 'disconnected', customer: 'disconnected' })]);
    expect(last(idle, talking, acw)).toEqual([
      { type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'completed' }, at: AT },
      { type: 'agentStateChanged', state: { kind: 'afterCallWork' }, at: AT },
    ]);
    expect(mapper.map(idle)).toEqual([{ type: 'agentStateChanged', state: { kind: 'ready' }, at: AT }]);
  });

  it('a ring nobody answered is missed, and the agent is not ready until it is cleared', () => {
    const missed = agentView(MISSED_CALL_AGENT, [contact({ state: 'error', agent: 'disconnected', customer: 'connected' })]);
    expect(run(idle, ringing, missed)).toEqual([
      expect.objectContaining({ type: 'interactionOffered' }),
      { type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'missed' }, at: AT },
      { type: 'agentStateChanged', state: { kind: 'notReady', reasonCode: 'MissedCallAgent', reasonLabel: 'Missed call' }, at: AT },
    ]);
  });

  it('a caller who hangs up while it rings abandoned the call (their connection is gone)', () => {
    const abandoned = agentView(AVAILABLE, [contact({ state: 'error', agent: 'disconnected', customer: 'disconnected' })]);
    expect(run(idle, ringing, abandoned)).toContainEqual({ type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'abandoned' }, at: AT });
  });

  it('a ringing contact that leaves the snapshot was missed', () => {
    expect(run(idle, ringing, idle)).toContainEqual({ type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'missed' }, at: AT });
  });

  it('ends a contact once: an ended contact that is later cleared says nothing more', () => {
    const acw = agentView(AFTER_CALL_WORK, [contact({ state: 'ended', agent: 'disconnected', customer: 'disconnected' })]);
    const events = run(idle, talking, acw, acw, idle);
    expect(events.filter((event) => event.type === 'interactionEnded')).toHaveLength(1);
  });

  it('reports hold and resume of the customer connection', () => {
    const held = agentView(BUSY, [contact({ state: 'connected', agent: 'connected', customer: 'hold' })]);
    expect(last(idle, talking, held)).toEqual([{ type: 'interactionHeld', eventId: 'c-1', at: AT }]);
    expect(mapper.map(talking)).toEqual([{ type: 'interactionRetrieved', eventId: 'c-1', at: AT }]);
  });

  it('reports mute changes of the agent connection and new attributes', () => {
    const muted = agentView(BUSY, [contact({ state: 'connected', agent: 'connected', muted: true, attributes: { Case: '42' } })]);
    expect(last(idle, talking, muted)).toEqual([
      { type: 'interactionMuteChanged', eventId: 'c-1', muted: true, at: AT },
      { type: 'interactionDataChanged', eventId: 'c-1', userData: { Case: '42' }, at: AT },
    ]);
  });

  it("reports the customer's number when it changes (a call transferred to this agent joins the customer)", () => {
    const fromColleague = agentView(BUSY, [contact({ state: 'connected', agent: 'connected', phoneNumber: '6001' })]);
    const withCustomer = agentView(BUSY, [contact({ state: 'connected', agent: 'connected' })]);
    expect(last(idle, fromColleague, withCustomer)).toEqual([{ type: 'interactionDataChanged', eventId: 'c-1', phoneNumber: CUSTOMER, at: AT }]);
  });

  describe('calls the agent places', () => {
    const dialing = agentView(CALLING_CUSTOMER, [contact({ contactId: 'out-1', state: 'connecting', direction: 'outbound', customer: 'connecting' })]);
    const answered = agentView(BUSY, [contact({ contactId: 'out-1', state: 'connected', direction: 'outbound', agent: 'connected' })]);

    it('gives the new outbound contact the eventId its dial asked for (Fusion click-to-dial)', () => {
      mapper.map(idle);
      mapper.expectDial('fusion-7', CUSTOMER);
      expect(mapper.map(dialing)).toEqual([
        {
          type: 'interactionDialing',
          eventId: 'fusion-7',
          details: expect.objectContaining({ direction: 'outbound', phoneNumber: CUSTOMER }),
          at: AT,
        },
      ]);
      expect(mapper.map(answered)).toEqual([{ type: 'interactionConnected', eventId: 'fusion-7', at: AT }]);
      expect(mapper.contactIdOf('fusion-7')).toBe('out-1');
    });

    it('matches dials to contacts by number when several are pending', () => {
      mapper.map(idle);
      mapper.expectDial('first', '+33100000000');
      mapper.expectDial('second', CUSTOMER);
      expect(mapper.map(dialing)).toEqual([expect.objectContaining({ eventId: 'second' })]);
    });

    it('a busy line is a failed call with its reason, and the agent keeps the chosen state', () => {
      mapper.map(idle);
      mapper.expectDial('fusion-7', CUSTOMER);
      mapper.map(dialing);
      const busy = agentView({ name: 'LineEngagedCustomer', type: 'error' }, [
        contact({ contactId: 'out-1', state: 'error', direction: 'outbound', agent: 'disconnected', customer: 'disconnected' }),
      ]);
      expect(mapper.map(busy)).toEqual([
        {
          type: 'interactionEnded',
          eventId: 'fusion-7',
          cause: { kind: 'failed', code: 'TERMINATING_PARTY_BUSY', message: 'The line of the number called is busy.' },
          at: AT,
        },
      ]);
    });

    it('no answer is a failed call', () => {
      const noAnswer = agentView({ name: 'FailedConnectCustomer', type: 'error' }, [
        contact({ contactId: 'out-1', state: 'error', direction: 'outbound', agent: 'disconnected', customer: 'disconnected' }),
      ]);
      expect(run(idle, dialing, noAnswer)).toContainEqual(
        expect.objectContaining({ type: 'interactionEnded', cause: expect.objectContaining({ kind: 'failed', code: 'DESTINATION_NO_ANSWER' }) }),
      );
    });

    it('a call the agent hangs up before it is answered is canceled', () => {
      mapper.map(idle);
      mapper.map(dialing);
      mapper.intend('out-1', 'hangup');
      const ended = agentView(AFTER_CALL_WORK, [
        contact({ contactId: 'out-1', state: 'ended', direction: 'outbound', agent: 'disconnected', customer: 'disconnected' }),
      ]);
      expect(mapper.map(ended)).toContainEqual({ type: 'interactionEnded', eventId: 'out-1', cause: { kind: 'canceled' }, at: AT });
    });
  });

  describe('consultations and transfers through quick connects', () => {
    const consulting = (state: string) =>
      agentView(BUSY, [contact({ state: 'connected', agent: 'connected', customer: 'hold', thirdParty: { state, name: 'Kenji Sato' } })]);

    it('shows the third party as a consultation linked to the call (not a party of it until joined), with the eventId consultCall answered', () => {
      mapper.map(idle);
      mapper.map(talking);
      mapper.expectConsult('c-1', 'consult-1', false);
      expect(mapper.map(consulting('connecting'))).toEqual([
        { type: 'interactionHeld', eventId: 'c-1', at: AT },
        {
          type: 'interactionDialing',
          eventId: 'consult-1',
          details: { direction: 'consult', phoneNumber: 'Kenji Sato', userData: {}, parties: ['Kenji Sato'], recordingState: 'stopped', linkedEventId: 'c-1' },
          at: AT,
        },
        {
          type: 'interactionDataChanged',
          eventId: 'c-1',
          linkedEventId: 'consult-1',
          parties: [CUSTOMER],
          partyStates: { [CUSTOMER]: 'held' },
          at: AT,
        },
      ]);
      expect(mapper.map(consulting('connected'))).toEqual([{ type: 'interactionConnected', eventId: 'consult-1', at: AT }]);
      expect(mapper.consultConnectionOf('consult-1')).toBe('c-1-third');
    });

    it('the agent leaving with the third party connected transfers both', () => {
      mapper.map(idle);
      mapper.map(talking);
      mapper.expectConsult('c-1', 'consult-1', false);
      mapper.map(consulting('connecting'));
      mapper.map(consulting('connected'));
      mapper.intend('c-1', 'transfer');
      const left = agentView(AFTER_CALL_WORK, [
        contact({ state: 'ended', agent: 'disconnected', customer: 'connected', thirdParty: { state: 'connected', name: 'Kenji Sato' } }),
      ]);
      expect(mapper.map(left)).toEqual([
        { type: 'interactionEnded', eventId: 'consult-1', cause: { kind: 'transferred' }, at: AT },
        { type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'transferred' }, at: AT },
        { type: 'agentStateChanged', state: { kind: 'afterCallWork' }, at: AT },
      ]);
    });

    it('a conference ends the consultation and unlinks it, the three on one call', () => {
      mapper.map(idle);
      mapper.map(talking);
      mapper.expectConsult('c-1', 'consult-1', false);
      mapper.map(consulting('connected'));
      const conference = agentView(BUSY, [
        contact({ state: 'connected', agent: 'connected', customer: 'connected', thirdParty: { state: 'connected', name: 'Kenji Sato' } }),
      ]);
      expect(mapper.map(conference)).toEqual([
        { type: 'interactionRetrieved', eventId: 'c-1', at: AT },
        { type: 'interactionEnded', eventId: 'consult-1', cause: { kind: 'completed' }, at: AT },
        {
          type: 'interactionDataChanged',
          eventId: 'c-1',
          linkedEventId: null,
          parties: [CUSTOMER, 'Kenji Sato'],
          partyStates: { [CUSTOMER]: 'connected', 'Kenji Sato': 'connected' },
          at: AT,
        },
      ]);
      // The joined party is a party of the call from now on, never a consultation again.
      const held = agentView(BUSY, [
        contact({ state: 'connected', agent: 'connected', customer: 'hold', thirdParty: { state: 'connected', name: 'Kenji Sato' } }),
      ]);
      expect(mapper.map(conference).filter((event) => event.type === 'interactionDialing')).toEqual([]);
      expect(mapper.map(held).filter((event) => event.type === 'interactionDialing')).toEqual([]);
      const dropped = agentView(BUSY, [
        contact({ state: 'connected', agent: 'connected', customer: 'connected', thirdParty: { state: 'disconnected', name: 'Kenji Sato' } }),
      ]);
      expect(mapper.map(dropped).filter((event) => event.type === 'interactionDataChanged')).toEqual([
        { type: 'interactionDataChanged', eventId: 'c-1', parties: [CUSTOMER], partyStates: { [CUSTOMER]: 'connected' }, at: AT },
      ]);
    });

    it('a consultation dropped before it connected is canceled', () => {
      mapper.map(idle);
      mapper.map(talking);
      mapper.expectConsult('c-1', 'consult-1', false);
      mapper.map(consulting('connecting'));
      expect(mapper.map(consulting('disconnected'))).toContainEqual({ type: 'interactionEnded', eventId: 'consult-1', cause: { kind: 'canceled' }, at: AT });
    });

    it('a one-step transfer whose third party is connected at once (the transfer flow, Streams #447) leaves, transferred, with no consultation shown', () => {
      mapper.map(idle);
      mapper.map(talking);
      mapper.expectConsult('c-1', 'c-1', true);
      mapper.intend('c-1', 'transfer');
      const early = consulting('connected');
      expect(mapper.map(early)).toEqual([{ type: 'interactionHeld', eventId: 'c-1', at: AT }]);
      expect(mapper.blindTransfersReady(early)).toEqual(['c-1']);
      const left = agentView(AFTER_CALL_WORK, [
        contact({ state: 'ended', agent: 'disconnected', customer: 'hold', thirdParty: { state: 'connected', name: 'Kenji Sato' } }),
      ]);
      expect(mapper.map(left)).toEqual([
        { type: 'interactionEnded', eventId: 'c-1', cause: { kind: 'transferred' }, at: AT },
        { type: 'agentStateChanged', state: { kind: 'afterCallWork' }, at: AT },
      ]);
    });

    it('a one-step transfer shows no consultation, and is ready to leave once the party is on the call', () => {
      mapper.map(idle);
      mapper.map(talking);
      mapper.expectConsult('c-1', 'c-1', true);
      const view = consulting('connecting');
      expect(mapper.map(view)).toEqual([{ type: 'interactionHeld', eventId: 'c-1', at: AT }]);
      expect(mapper.blindTransfersReady(view)).toEqual(['c-1']);
    });
  });

  describe('a page reload during a call', () => {
    it('resyncs the calls the first snapshot lists, held and muted as they are', () => {
      const held = agentView(BUSY, [contact({ state: 'connected', agent: 'connected', customer: 'hold', muted: true, stateAt: AT - 60_000 })]);
      expect(mapper.map(held)).toEqual([
        {
          type: 'resynced',
          agent: { kind: 'ready' },
          interactions: [
            {
              eventId: 'c-1',
              state: 'held',
              details: expect.objectContaining({ direction: 'inbound', phoneNumber: CUSTOMER }),
              offeredAt: AT - 60_000,
              muted: true,
            },
          ],
          at: AT,
        },
      ]);
    });

    it('gives a placed call the eventId it had before the reload (kept by the vendor), an inbound one its contactId', () => {
      const before = new StreamsSnapshotMapper({ newEventId: () => 'unused' });
      before.map(idle);
      before.expectDial('fusion-7', CUSTOMER);
      const calls = agentView(BUSY, [
        contact({ contactId: 'out-1', state: 'connected', direction: 'outbound', agent: 'connected' }),
        contact({ contactId: 'in-1', state: 'connecting' }),
      ]);
      before.map(calls);
      expect(before.assignedEventIds()).toEqual({ 'out-1': 'fusion-7' });

      mapper.restoreEventIds(before.assignedEventIds());
      const [resynced] = mapper.map(calls);
      expect(resynced).toMatchObject({
        type: 'resynced',
        interactions: [expect.objectContaining({ eventId: 'fusion-7', state: 'connected' }), expect.objectContaining({ eventId: 'in-1', state: 'offered' })],
      });
    });

    it('leaves out contacts already ended (their after-call work is cleared when the agent goes available)', () => {
      const acw = agentView(AFTER_CALL_WORK, [contact({ state: 'ended', agent: 'disconnected', customer: 'disconnected' })]);
      expect(mapper.resync(acw)).toEqual({ type: 'resynced', agent: { kind: 'afterCallWork' }, interactions: [], at: AT });
    });
  });
});
