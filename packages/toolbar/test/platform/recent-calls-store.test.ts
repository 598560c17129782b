import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.ts';
import type { RecentCall } from '../../src/core/recent-calls.ts';
import { LocalRecentCallsStore, recentCallsStorageKey } from '../../src/platform/recent-calls-store.ts';
import { MemoryStorage } from '../../src/platform/storage.ts';

const CALL: RecentCall = {
  eventId: 'e1',
  direction: 'inbound',
  phoneNumber: '+14155550142',
  name: 'Olivia Bennett',
  outcome: 'answered',
  startedAt: 1_700_000_000_000,
  talkMs: 2_000,
};

describe('LocalRecentCallsStore', () => {
  it("keeps each agent's list under its own key and reads it back", () => {
    const storage = new MemoryStorage();
    const mine = new LocalRecentCallsStore(storage, recentCallsStorageKey('genesys', 'agent1'), silentLogger);
    const theirs = new LocalRecentCallsStore(storage, recentCallsStorageKey('genesys', 'agent2'), silentLogger);
    mine.save([CALL, { ...CALL, eventId: 'e2', outcome: 'missed', talkMs: 0 }]);
    expect(new LocalRecentCallsStore(storage, recentCallsStorageKey('genesys', 'agent1'), silentLogger).load()).toEqual([
      CALL,
      { ...CALL, eventId: 'e2', outcome: 'missed', talkMs: 0 },
    ]);
    expect(theirs.load()).toEqual([]);
  });

  it('drops a stored list that does not parse, and starts empty', () => {
    const storage = new MemoryStorage();
    const key = recentCallsStorageKey('amazon', undefined);
    for (const text of ['not json', JSON.stringify({ version: 1, calls: [{ ...CALL, outcome: 'lost' }] }), JSON.stringify({ version: 2, calls: [] })]) {
      storage.setItem(key, text);
      expect(new LocalRecentCallsStore(storage, key, silentLogger).load()).toEqual([]);
      expect(storage.getItem(key)).toBeNull();
    }
  });
});
