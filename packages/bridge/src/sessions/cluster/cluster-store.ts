import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { z } from 'zod';
import { agentSnapshotSchema, callSnapshotSchema, CtiError } from '@ctikit/protocol';
import type { Snapshot } from '@ctikit/protocol';

/**
 * The cluster's session store in Redis. Per agent (keys hash-tagged `{agentId}`, so one agent's keys
 * share a Redis Cluster slot):
 *
 * - `ctikit:{a}:owner` — the node that owns the agent's backend session, under a lease (PX);
 * - `ctikit:{a}:session` — hash: `sessionId`, `seq` (the last frame's), `bytes` (of the replay),
 *   `state` (the agent and calls as last published, with eventIds), `ids` (ConnID → eventId);
 * - `ctikit:{a}:replay` — the last frames, oldest first, bounded in count and in bytes;
 * - `ctikit:{a}:present` — set (PX) by every node with a socket of the agent, renewed while it has
 *   one: its absence tells the owner the agent has no socket anywhere (the grace logout);
 * - channel `ctikit:{a}:frames` — every frame, to the agent's sockets on every node.
 *
 * Appending is one script, so it is atomic and fenced: only the lease holder appends, and only
 * the next seq. Each node also has a channel of its own (`ctikit:node:<nodeId>`) for the commands
 * other nodes forward to it and their answers.
 */

/** On the frames channel instead of a frame: the session was resynced; sockets must rejoin it. */
export const RESYNC_MESSAGE = 'RESYNC';

const storedStateSchema = z.object({ agent: agentSnapshotSchema, calls: z.array(callSnapshotSchema) });
export type StoredState = Pick<Snapshot, 'agent' | 'calls'>;

export interface StoredSession {
  sessionId: string;
  seq: number;
  state: StoredState | undefined;
  eventIds: Array<[string, string]>;
}

const storedSessionSchema = z.object({
  sessionId: z.string().min(1),
  seq: z.coerce.number().int().nonnegative(),
  state: z.string().optional(),
  ids: z.string().optional(),
});

const ACQUIRE = `
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if owner then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const APPEND = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('NOT_OWNER') end
local last = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
if tonumber(ARGV[2]) ~= last + 1 then return redis.error_reply('OUT_OF_SEQUENCE') end
redis.call('HSET', KEYS[2], 'seq', ARGV[2], 'state', ARGV[6], 'ids', ARGV[7])
redis.call('RPUSH', KEYS[3], ARGV[3])
local bytes = redis.call('HINCRBY', KEYS[2], 'bytes', string.len(ARGV[3]))
local count = redis.call('LLEN', KEYS[3])
while count > 0 and (bytes > tonumber(ARGV[4]) or count > tonumber(ARGV[5])) do
  local oldest = redis.call('LPOP', KEYS[3])
  bytes = redis.call('HINCRBY', KEYS[2], 'bytes', -string.len(oldest))
  count = count - 1
end
redis.call('PUBLISH', ARGV[8], ARGV[3])
return bytes`;

const RESET = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('NOT_OWNER') end
redis.call('DEL', KEYS[3])
redis.call('HSET', KEYS[2], 'sessionId', ARGV[2], 'seq', ARGV[3], 'bytes', 0, 'state', ARGV[4], 'ids', ARGV[5])
redis.call('PUBLISH', ARGV[6], ARGV[7])
return 1`;

const REPLAY = `
local last = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
local count = redis.call('LLEN', KEYS[2])
local from = tonumber(ARGV[1])
local oldest = last - count + 1
if from > last or from < oldest - 1 then return false end
return redis.call('LRANGE', KEYS[2], from - oldest + 1, -1)`;

type Scripted = Redis & {
  ctikitAcquire(owner: string, node: string, leaseMs: number): Promise<number>;
  ctikitRelease(owner: string, node: string): Promise<number>;
  ctikitAppend(...args: Array<string | number>): Promise<number>;
  ctikitReset(...args: Array<string | number>): Promise<number>;
  ctikitReplay(session: string, replay: string, from: number): Promise<string[] | null>;
};

export interface ClusterStoreOptions {
  /** `redis://host:port/db`, or ioredis options (Sentinel: `sentinels` + `name`; passed through). */
  redis: string | RedisOptions;
  keyPrefix: string;
  replayBufferSize: number;
  replayBufferBytes: number;
}

function keys(prefix: string, agentId: string) {
  const base = `${prefix}{${agentId}}`;
  return { owner: `${base}:owner`, session: `${base}:session`, replay: `${base}:replay`, frames: `${base}:frames`, present: `${base}:present` };
}

function connect(redis: string | RedisOptions): Redis {
  // No offline queue: while Redis is away a command fails at once, with a clear error, instead of waiting.
  const options: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false };
  return typeof redis === 'string' ? new Redis(redis, options) : new Redis({ ...options, ...redis });
}

/** A Redis failure as the wire says it. */
export function storeUnavailable(error: unknown): CtiError {
  if (error instanceof CtiError) return error;
  return new CtiError('SESSION_STORE_UNAVAILABLE', `The session store (Redis) cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
}

export class ClusterStore {
  /** Commands and scripts. */
  readonly redis: Scripted;
  /** Subscriptions (a connection in subscriber mode does nothing else). */
  readonly subscriber: Redis;

  constructor(private readonly options: ClusterStoreOptions) {
    this.redis = connect(options.redis) as Scripted;
    this.subscriber = connect(options.redis);
    this.redis.defineCommand('ctikitAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    this.redis.defineCommand('ctikitRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis.defineCommand('ctikitAppend', { numberOfKeys: 3, lua: APPEND });
    this.redis.defineCommand('ctikitReset', { numberOfKeys: 3, lua: RESET });
    this.redis.defineCommand('ctikitReplay', { numberOfKeys: 2, lua: REPLAY });
  }

  get ready(): boolean {
    return this.redis.status === 'ready' && this.subscriber.status === 'ready';
  }

  framesChannel(agentId: string): string {
    return keys(this.options.keyPrefix, agentId).frames;
  }

  nodeChannel(nodeId: string): string {
    return `${this.options.keyPrefix}node:${nodeId}`;
  }

  /** Take or extend the agent's lease; false when another node holds it. */
  async acquire(agentId: string, nodeId: string, leaseMs: number): Promise<boolean> {
    return (await this.redis.ctikitAcquire(keys(this.options.keyPrefix, agentId).owner, nodeId, leaseMs)) === 1;
  }

  async release(agentId: string, nodeId: string): Promise<void> {
    await this.redis.ctikitRelease(keys(this.options.keyPrefix, agentId).owner, nodeId);
  }

  /** A node has a socket of the agent, for `ttlMs` unless said again. */
  async markPresent(agentId: string, ttlMs: number): Promise<void> {
    await this.redis.set(keys(this.options.keyPrefix, agentId).present, '1', 'PX', ttlMs);
  }

  /** Whether any node said it had a socket of the agent within its ttl. */
  async present(agentId: string): Promise<boolean> {
    return (await this.redis.exists(keys(this.options.keyPrefix, agentId).present)) === 1;
  }

  async owner(agentId: string): Promise<{ nodeId: string | undefined; ttlMs: number }> {
    const key = keys(this.options.keyPrefix, agentId).owner;
    const [nodeId, ttlMs] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    return { nodeId: nodeId ?? undefined, ttlMs: Math.max(0, ttlMs) };
  }

  async load(agentId: string): Promise<StoredSession | undefined> {
    const raw = await this.redis.hgetall(keys(this.options.keyPrefix, agentId).session);
    const parsed = storedSessionSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const state = parsed.data.state === undefined ? undefined : storedStateSchema.safeParse(JSON.parse(parsed.data.state));
    const ids = z.array(z.tuple([z.string(), z.string()])).safeParse(parsed.data.ids === undefined ? [] : JSON.parse(parsed.data.ids));
    return {
      sessionId: parsed.data.sessionId,
      seq: parsed.data.seq,
      state: state?.success ? state.data : undefined,
      eventIds: ids.success ? ids.data : [],
    };
  }

  /** Keep frame `seq` (fenced by the lease) and deliver it to the agent's sockets everywhere. */
  append(agentId: string, nodeId: string, seq: number, frame: string, state: StoredState, eventIds: Array<[string, string]>): Promise<number> {
    const k = keys(this.options.keyPrefix, agentId);
    const { replayBufferBytes, replayBufferSize } = this.options;
    return this.redis.ctikitAppend(
      k.owner,
      k.session,
      k.replay,
      nodeId,
      seq,
      frame,
      replayBufferBytes,
      replayBufferSize,
      JSON.stringify(state),
      JSON.stringify(eventIds),
      k.frames,
    );
  }

  /** Start the session over (a new sessionId, no replay) and tell every node's sockets to rejoin it. */
  async reset(agentId: string, nodeId: string, session: StoredSession & { state: StoredState }): Promise<void> {
    const k = keys(this.options.keyPrefix, agentId);
    await this.redis.ctikitReset(
      k.owner,
      k.session,
      k.replay,
      nodeId,
      session.sessionId,
      session.seq,
      JSON.stringify(session.state),
      JSON.stringify(session.eventIds),
      k.frames,
      RESYNC_MESSAGE,
    );
  }

  /** The frames after `seq`, or undefined when some are gone. */
  async replay(agentId: string, seq: number): Promise<string[] | undefined> {
    const k = keys(this.options.keyPrefix, agentId);
    return (await this.redis.ctikitReplay(k.session, k.replay, seq)) ?? undefined;
  }

  /** Mark a socket ticket spent until `expiresAt` (epoch ms), on every node; false when it was spent already. */
  async spendTicket(jti: string, expiresAt: number, now: number): Promise<boolean> {
    try {
      return (await this.redis.set(`${this.options.keyPrefix}ticket:${jti}`, '1', 'PX', Math.max(1, expiresAt - now), 'NX')) === 'OK';
    } catch (error) {
      throw storeUnavailable(error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    this.subscriber.disconnect();
  }
}
