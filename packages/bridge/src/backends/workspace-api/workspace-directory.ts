import { targetSchema } from '@ctikit/protocol';
import type { Target, TargetState } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import { directoryEntrySchema } from './workspace-wire.ts';
import type { DirectoryEntry } from './workspace-wire.ts';

/**
 * The contact center's directory from the Workspace API's targets search (`GET targets`): agents
 * with their voice channel's state, then ACD queues and route points, as the protocol's `Target`s.
 *
 * - an agent's DN is its voice channel's `phoneNumber` (there while it is logged in), else its
 *   `number`, else the DN the bridge's configuration gives the agent of that `userName` (or
 *   `employeeId`); an agent with none is left out, as there is nothing to transfer to;
 * - its state: the voice channel LoggedOut → LoggedOut; an activity other than Idle (a call
 *   ringing, dialled, in progress or on hold) → Busy; else Ready, or NotReady (also LoggedIn);
 *   no voice channel, or a state the backend does not know, leaves the state out;
 * - a queue or route point is a `queue` on its `number`; other types (agent groups, skills,
 *   contacts) have no DN and are left out, and so is an entry the backend cannot read.
 */

/** What the search asks for: everything (`*`, as Genesys' simulator reads it) of the types with a DN, up to the protocol's most. */
export const DIRECTORY_QUERY = { searchTerm: '*', types: 'agent,acd-queue,route-point', limit: '1000' } as const;
const MOST = Number(DIRECTORY_QUERY.limit);

/** How long one answer serves every agent that asks (the toolbar asks at each sign-in). */
export const DIRECTORY_TTL_MS = 5_000;

const QUEUE_TYPES: ReadonlySet<string> = new Set(['acd-queue', 'route-point']);
const IDLE: ReadonlySet<string> = new Set(['Idle', 'Unknown']);

export interface ConfiguredAgent {
  agentId: string;
  dn: string;
}

export interface Directory {
  targets: Target[];
  /** Entries left out because they could not be read or do not fit the protocol (not those left out for want of a DN). */
  unreadable: number;
}

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function voiceOf(entry: DirectoryEntry) {
  return entry.availability?.channels?.find((channel) => channel.name === 'voice');
}

function stateOf(entry: DirectoryEntry): TargetState | undefined {
  const voice = voiceOf(entry);
  if (!voice) return undefined;
  const state = voice.userState?.state;
  if (state === 'LoggedOut') return 'LoggedOut';
  if (state !== 'Ready' && state !== 'NotReady' && state !== 'LoggedIn') return undefined;
  const activity = present(voice.activity);
  if (activity !== undefined && !IDLE.has(activity)) return 'Busy';
  return state === 'Ready' ? 'Ready' : 'NotReady';
}

function agentTarget(entry: DirectoryEntry, configured: readonly ConfiguredAgent[]): Partial<Target> {
  const agentId = present(entry.userName) ?? present(entry.employeeId);
  const fullName = [present(entry.firstName), present(entry.lastName)].filter((part) => part !== undefined).join(' ');
  const dn = present(voiceOf(entry)?.phoneNumber) ?? present(entry.number) ?? configured.find((agent) => agent.agentId === agentId)?.dn;
  const state = stateOf(entry);
  return {
    name: present(entry.name) ?? present(fullName) ?? agentId,
    type: 'agent',
    dn,
    ...(agentId !== undefined ? { agentId } : {}),
    ...(state !== undefined ? { state } : {}),
  };
}

/** The directory in the protocol's order (agents, then queues), each entry as the protocol takes it. */
export function directoryOf(entries: readonly unknown[], configured: readonly ConfiguredAgent[]): Directory {
  const agents: Target[] = [];
  const queues: Target[] = [];
  let unreadable = 0;
  for (const raw of entries) {
    const entry = directoryEntrySchema.safeParse(raw);
    if (!entry.success) {
      unreadable += 1;
      continue;
    }
    const { type } = entry.data;
    if (type !== 'agent' && !QUEUE_TYPES.has(type)) continue;
    const number = present(entry.data.number);
    const candidate = type === 'agent' ? agentTarget(entry.data, configured) : { name: present(entry.data.name) ?? number, type: 'queue', dn: number };
    if (candidate.dn === undefined) continue;
    const target = targetSchema.safeParse(candidate);
    if (target.success) (type === 'agent' ? agents : queues).push(target.data);
    else unreadable += 1;
  }
  return { targets: [...agents, ...queues].slice(0, MOST), unreadable };
}

/**
 * One directory for every agent, asked of the contact center at most once per `ttlMs`: while an
 * answer is fresh it is the answer, and agents who ask while it is being fetched share the fetch.
 * A failed fetch is not kept.
 */
export class DirectoryCache {
  private fresh: { targets: Target[]; at: number } | undefined;
  private loading: Promise<Target[]> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  get(load: () => Promise<Target[]>): Promise<Target[]> {
    if (this.fresh && this.clock.now() - this.fresh.at < this.ttlMs) return Promise.resolve(this.fresh.targets);
    this.loading ??= load()
      .then((targets) => {
        this.fresh = { targets, at: this.clock.now() };
        return targets;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
