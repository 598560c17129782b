import type { CallLegSnapshot, ContactCenterPort, DnSnapshot } from '@ctikit/contact-center';
import { z } from 'zod';

/**
 * `GET /workspace/v3/targets`, the Workspace API's directory search, on the engine's agents and
 * queues, in the shape Genesys' agent-api-simulator answers: `{status:{code:0}, data:{targets,
 * totalMatches}}`. An agent target names the person (`name`, `firstName`, `lastName`, `userName`,
 * `employeeId`) and, while the agent is logged in, `availability.channels` with the voice channel's
 * state (`userState`), `activity` (Idle, ReceivingCall, InitiatingCall, Handling…Call, CallOnHold)
 * and `phoneNumber`, the DN; a logged-out agent has no availability, as in Genesys' simulator. A
 * queue is an `acd-queue` with its `number`.
 *
 * The query as Genesys documents it: `searchTerm` (required; `*` is everything, else comma-separated
 * terms matched case-insensitively within the name or user name, or whole with `matchType=exact`),
 * `types` (comma-separated; absent, every type), `limit` (100 when absent). `totalMatches` counts the
 * matches before the limit.
 */

interface VoiceAvailability {
  name: 'voice';
  available: boolean;
  activity: string;
  userState: { state: string; workMode?: string; reason?: string };
  phoneNumber: string;
}

export type WorkspaceTarget =
  | {
      DBID: number;
      type: 'agent';
      name: string;
      firstName: string;
      lastName: string;
      userName: string;
      employeeId: string;
      availability?: { channels: VoiceAvailability[] };
    }
  | { DBID: number; type: 'acd-queue'; name: string; number: string };

export const targetsQuerySchema = z.object({
  searchTerm: z.string().min(1).max(256),
  types: z.string().max(256).optional(),
  matchType: z.string().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});
export type TargetsQuery = z.infer<typeof targetsQuerySchema>;

/** What the agent is doing on the voice channel, from the leg that matters most (a call in progress, else the first). */
function activityOf(calls: readonly CallLegSnapshot[]): string {
  const leg = calls.find((call) => call.state === 'Established') ?? calls[0];
  if (!leg) return 'Idle';
  switch (leg.state) {
    case 'Ringing':
      return 'ReceivingCall';
    case 'Dialing':
      return 'InitiatingCall';
    case 'Held':
      return 'CallOnHold';
    case 'Established':
      return leg.callType === 'Unknown' ? 'HandlingInboundCall' : `Handling${leg.callType}Call`;
  }
}

function voiceOf({ agent, calls }: DnSnapshot): VoiceAvailability {
  return {
    name: 'voice',
    available: agent.state === 'Ready' && calls.length === 0,
    activity: activityOf(calls),
    userState: {
      state: agent.state,
      ...(agent.workMode !== undefined ? { workMode: agent.workMode } : {}),
      ...(agent.state === 'NotReady' && agent.reasonCode !== undefined ? { reason: agent.reasonCode } : {}),
    },
    phoneNumber: agent.dn,
  };
}

/** Every agent (in configuration order), then every queue. */
async function directory(port: ContactCenterPort, askingDn: string): Promise<WorkspaceTarget[]> {
  const agents = port.agents().map(({ agentId, dn, name }, index): WorkspaceTarget => {
    const [firstName = '', ...rest] = name.split(' ');
    const snapshot = port.snapshot(dn);
    return {
      DBID: index + 1,
      type: 'agent',
      name,
      firstName,
      lastName: rest.join(' '),
      userName: agentId,
      employeeId: agentId,
      ...(snapshot.agent.state !== 'LoggedOut' ? { availability: { channels: [voiceOf(snapshot)] } } : {}),
    };
  });
  const queues = ((await port.targets?.(askingDn)) ?? [])
    .filter((target) => target.type === 'queue')
    .map((queue, index): WorkspaceTarget => ({ DBID: index + 1, type: 'acd-queue', name: queue.name, number: queue.dn }));
  return [...agents, ...queues];
}

function matches(target: WorkspaceTarget, query: TargetsQuery): boolean {
  const types = query.types?.split(',');
  if (types && !types.includes(target.type)) return false;
  if (query.searchTerm === '*') return true;
  const userName = target.type === 'agent' ? target.userName : undefined;
  return query.searchTerm.split(',').some((term) => {
    if (query.matchType === 'exact') return term === target.name;
    const needle = term.toLowerCase();
    return target.name.toLowerCase().includes(needle) || (userName?.toLowerCase().includes(needle) ?? false);
  });
}

/** The search's answer, as the session's agent (on `askingDn`) asks it. */
export async function searchTargets(port: ContactCenterPort, askingDn: string, query: TargetsQuery) {
  const found = (await directory(port, askingDn)).filter((target) => matches(target, query));
  return { status: { code: 0 }, data: { targets: found.slice(0, query.limit), totalMatches: found.length } };
}
