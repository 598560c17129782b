import { z } from './schema.ts';
import type { Logger } from '../core/logger.ts';
import { CALL_OUTCOMES, RECENT_CALLS_LIMIT, type RecentCall, type RecentCallsStore } from '../core/recent-calls.ts';
import { MemoryStorage, type StorageLike } from './storage.ts';

/**
 * The agent's recent calls in the browser's localStorage, one key per agent, so the list survives a
 * new session of the same agent in the same browser and never shows one agent's calls to another.
 * What is read back is parsed with zod: a stored list that does not parse (another version, an edit
 * by hand) is dropped, never trusted.
 */
const recentCallSchema = z.object({
  eventId: z.string().check(z.minLength(1), z.maxLength(256)),
  direction: z.enum(['inbound', 'outbound', 'internal']),
  phoneNumber: z.string().check(z.maxLength(64)),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  outcome: z.enum(CALL_OUTCOMES as [RecentCall['outcome'], ...RecentCall['outcome'][]]),
  startedAt: z.int().check(z.nonnegative()),
  talkMs: z.int().check(z.nonnegative()),
});

const storedSchema = z.object({ version: z.literal(1), calls: z.array(recentCallSchema).check(z.maxLength(RECENT_CALLS_LIMIT)) });

export function recentCallsStorageKey(vendor: string, agentId: string | undefined): string {
  return `ctikit.recentCalls:${vendor}:${agentId ?? 'default'}`;
}

export class LocalRecentCallsStore implements RecentCallsStore {
  constructor(
    private readonly storage: StorageLike,
    private readonly key: string,
    private readonly log: Logger,
  ) {}

  load(): readonly RecentCall[] {
    const text = this.storage.getItem(this.key);
    if (text === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const stored = storedSchema.safeParse(parsed);
    if (stored.success) return stored.data.calls.map(({ name, ...call }) => (name === undefined ? call : { ...call, name }));
    this.log.warn({ key: this.key }, 'dropped a stored recent-calls list that does not parse');
    this.storage.removeItem(this.key);
    return [];
  }

  save(calls: readonly RecentCall[]): void {
    try {
      this.storage.setItem(this.key, JSON.stringify({ version: 1, calls }));
    } catch (error) {
      this.log.warn({ key: this.key, err: error }, 'the recent calls could not be stored');
    }
  }
}

/** The page's localStorage, else a storage that forgets (a frame whose browser blocks third-party storage throws on the access). */
export function pageLocalStorage(): StorageLike {
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage ?? new MemoryStorage();
  } catch {
    return new MemoryStorage();
  }
}
