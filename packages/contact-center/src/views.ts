import { CtiError } from '@ctikit/protocol';
import type { AgentSnapshot, Target, TargetState } from '@ctikit/protocol';
import { partyOn } from './call.ts';
import { legSnapshot } from './leg-fields.ts';
import type { SimAgentView, SimCallView, SimPartyView } from './control.ts';
import type { CallLegSnapshot, DnSnapshot, QueueStatus } from './port.ts';
import type { World } from './world.ts';
import type { Agent, Call } from './model.ts';

/** Read-only views of the simulated switch: a DN's snapshot for a resyncing client, and the control lists. */

export function agentSnapshot(agent: Agent): AgentSnapshot {
  return {
    agentId: agent.agentId,
    dn: agent.dn,
    registered: agent.registered,
    state: agent.state,
    ...(agent.workMode ? { workMode: agent.workMode } : {}),
    ...(agent.reasonCode !== undefined ? { reasonCode: agent.reasonCode } : {}),
  };
}

export function dnSnapshot(world: World, dn: string): DnSnapshot {
  const agent = world.agents.get(dn);
  if (!agent) throw new CtiError('DN_NOT_CONFIGURED', `DN ${dn} is not a configured agent DN.`);
  const calls = [];
  for (const call of callsByAge(agent.calls)) {
    const party = partyOn(call, dn);
    if (party) calls.push(legSnapshot(call, party));
  }
  return { agent: agentSnapshot(agent), calls };
}

/** The queues of the DN's agent, in configuration order: how many calls wait in each, and the longest wait (whole seconds). */
export function queueStatus(world: World, dn: string): QueueStatus[] {
  const agent = world.agents.get(dn);
  if (!agent) throw new CtiError('DN_NOT_CONFIGURED', `DN ${dn} is not a configured agent DN.`);
  const now = world.clock.now();
  return agent.queues.flatMap((queueDn) => {
    const queue = world.queues.get(queueDn);
    if (!queue) return [];
    const oldest = queue.waiting.reduce<number | undefined>(
      (first, call) => (first === undefined ? call.startedAt : Math.min(first, call.startedAt)),
      undefined,
    );
    return [
      {
        dn: queue.dn,
        name: queue.name,
        waiting: queue.waiting.length,
        longestWaitSec: oldest === undefined ? 0 : Math.max(0, Math.floor((now - oldest) / 1000)),
      },
    ];
  });
}

/** One leg on `dn`, found among the DN's own calls (an agent has a few; the world may have thousands). */
export function dnLeg(world: World, dn: string, connectionId: string): CallLegSnapshot | undefined {
  const agent = world.agents.get(dn);
  if (!agent) throw new CtiError('DN_NOT_CONFIGURED', `DN ${dn} is not a configured agent DN.`);
  for (const call of agent.calls) {
    if (call.connectionId !== connectionId) continue;
    const party = partyOn(call, dn);
    return party ? legSnapshot(call, party) : undefined;
  }
  return undefined;
}

export function listAgents(world: World): SimAgentView[] {
  return [...world.agents.values()].map((agent) => ({
    ...agentSnapshot(agent),
    name: agent.name,
    queues: [...agent.queues],
    calls: callsByAge(agent.calls).map((call) => call.connectionId),
  }));
}

export function listCalls(world: World): SimCallView[] {
  return [...world.calls.values()].map((call) => {
    const parties: SimPartyView[] = call.parties.map((party) => ({ dn: party.dn, kind: party.kind, state: party.state }));
    if (call.queuedIn !== undefined) parties.push({ dn: call.queuedIn, kind: 'queue', state: 'Queued' });
    return {
      connectionId: call.connectionId,
      callUuid: call.callUuid,
      callType: call.callType,
      ANI: call.ANI,
      DNIS: call.DNIS,
      parties,
      userData: { ...call.userData },
      recordingState: call.recordingState,
      startedAt: call.startedAt,
    };
  });
}

function callsByAge(calls: Iterable<Call>): Call[] {
  return [...calls].sort((a, b) => a.startedAt - b.startedAt || a.connectionId.localeCompare(b.connectionId));
}

/** The directory: every agent with their state (on a call: Busy), then every queue, in configuration order. */
export function directoryTargets(world: World): Target[] {
  const agents = [...world.agents.values()].map((agent): Target => ({
    name: agent.name,
    type: 'agent',
    dn: agent.dn,
    agentId: agent.agentId,
    state: targetState(agent),
  }));
  const queues = [...world.queues.values()].map((queue): Target => ({ name: queue.name, type: 'queue', dn: queue.dn }));
  return [...agents, ...queues];
}

function targetState(agent: Agent): TargetState {
  if (agent.state === 'LoggedOut') return 'LoggedOut';
  if (agent.calls.size > 0) return 'Busy';
  return agent.state === 'Ready' ? 'Ready' : 'NotReady';
}
