import { describe, expect, it } from 'vitest';
import { CrmContacts } from '../../src/core/crm-contacts.ts';
import { RECENT_CALLS_LIMIT, RecentCalls, type RecentCall, type RecentCallsStore } from '../../src/core/recent-calls.ts';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { T0, vendorEvent } from './support/vendor-events.ts';

class MemoryStore implements RecentCallsStore {
  saved: readonly RecentCall[] = [];
  constructor(private readonly initial: readonly RecentCall[] = []) {}
  load(): readonly RecentCall[] {
    return this.initial;
  }
  save(calls: readonly RecentCall[]): void {
    this.saved = calls;
  }
}

function setUp(initial: readonly RecentCall[] = []) {
  const model = new WorkspaceModel();
  const contacts = new CrmContacts();
  const store = new MemoryStore(initial);
  const recent = new RecentCalls(model, contacts, store);
  return { model, contacts, store, recent };
}

describe('RecentCalls', () => {
  it('lists an answered call as it ends, with the CRM name, the talk time and the time it came in', () => {
    const { model, contacts, store, recent } = setUp();
    model.apply(vendorEvent.offered('e1'));
    contacts.set('e1', { name: ' Olivia Bennett ' });
    model.apply(vendorEvent.connected('e1', T0 + 4000.25));
    expect(recent.calls).toEqual([]);
    model.apply(vendorEvent.ended('e1', 'completed', T0 + 64_000.5));
    const expected: RecentCall = {
      eventId: 'e1',
      direction: 'inbound',
      phoneNumber: '+15550100',
      name: 'Olivia Bennett',
      outcome: 'answered',
      startedAt: T0,
      talkMs: 60_000,
    };
    expect(recent.calls).toEqual([expected]);
    expect(store.saved).toEqual([expected]);
    // Closing its wrap-up lists nothing more.
    model.close('e1');
    expect(recent.calls).toHaveLength(1);
  });

  it('names each way a call ends: declined, missed, abandoned, transferred, an outbound call not put through', () => {
    const { model, recent } = setUp();
    model.apply(vendorEvent.offered('declined'));
    model.apply(vendorEvent.ended('declined', 'rejected'));
    model.apply(vendorEvent.offered('missed'));
    model.apply(vendorEvent.ended('missed', 'missed'));
    model.apply(vendorEvent.offered('abandoned'));
    model.apply(vendorEvent.ended('abandoned', 'abandoned'));
    model.apply(vendorEvent.offered('transferred'));
    model.apply(vendorEvent.connected('transferred'));
    model.apply({ type: 'interactionEnded', eventId: 'transferred', cause: { kind: 'transferred' }, at: T0 + 9000 });
    model.apply(vendorEvent.dialing('out', '+15550199'));
    model.apply({ type: 'interactionEnded', eventId: 'out', cause: { kind: 'canceled' }, at: T0 + 9000 });
    expect(recent.calls.map((call) => [call.eventId, call.outcome, call.talkMs])).toEqual([
      ['out', 'notConnected', 0],
      ['transferred', 'transferred', 8000],
      ['abandoned', 'abandoned', 0],
      ['missed', 'missed', 0],
      ['declined', 'declined', 0],
    ]);
    expect(recent.calls[0]).toMatchObject({ direction: 'outbound', phoneNumber: '+15550199' });
  });

  it("leaves out the agent's own consultation legs", () => {
    const { model, recent } = setUp();
    model.apply(vendorEvent.offered('main'));
    model.apply(vendorEvent.connected('main'));
    model.apply({
      type: 'interactionDialing',
      eventId: 'consult',
      details: { direction: 'consult', phoneNumber: '5002', userData: {}, parties: ['5001', '5002'], recordingState: 'stopped', linkedEventId: 'main' },
      at: T0 + 2000,
    });
    model.apply(vendorEvent.ended('consult', 'completed', T0 + 5000));
    expect(recent.calls).toEqual([]);
  });

  it('starts from the stored list and keeps only the newest entries', () => {
    const stored: RecentCall[] = Array.from({ length: RECENT_CALLS_LIMIT }, (_, n) => ({
      eventId: `old${n}`,
      direction: 'inbound',
      phoneNumber: '+15550100',
      outcome: 'answered',
      startedAt: T0 - n,
      talkMs: 1000,
    }));
    const { model, store, recent } = setUp(stored);
    expect(recent.calls).toHaveLength(RECENT_CALLS_LIMIT);
    model.apply(vendorEvent.offered('new'));
    model.apply(vendorEvent.ended('new', 'missed'));
    expect(recent.calls).toHaveLength(RECENT_CALLS_LIMIT);
    expect(recent.calls[0]?.eventId).toBe('new');
    expect(recent.calls.at(-1)?.eventId).toBe(`old${RECENT_CALLS_LIMIT - 2}`);
    recent.clear();
    expect(store.saved).toEqual([]);
  });
});
