import type { CallState } from '@ctikit/protocol';
import { RING_NO_ANSWER_REASON, becomeNotReady, legEnded } from './agent-state.ts';
import { FreeAgents } from './free-agents.ts';
import type { Agent, Call, Party, Queue } from './model.ts';
import { ringTimer } from './party-moves.ts';
import { moveInQueue } from './queue-moves.ts';
import type { World } from './world.ts';

/**
 * ACD queues: calls wait in arrival order (FIFO per queue) and are offered to the agent who has been
 * idle longest among those logged in, Ready, taking the queue and with no call on their DN. A call an
 * agent let ring out (RONA) or rejected returns to the front of its queue; a call is never offered again
 * to an agent who rejected it.
 *
 * Routing runs once a change is complete (`settleRouting`), for the queues that received calls and
 * the agents who became free during the change. Each queue keeps its free agents longest idle first
 * (`FreeAgents`): an agent who became free (`world.agentsToRoute`) takes their place in it, and an
 * offer takes the first agent who has not rejected the call, so no offer walks the queue's agents.
 * A call enters, is offered, returns to and leaves a queue through `moveInQueue` (queue-moves.ts).
 */
export type { Queue };

function isAvailable(agent: Agent): boolean {
  return agent.state === 'Ready' && agent.calls.size === 0;
}

export function createQueue(dn: string, name: string, agents: Agent[]): Queue {
  return { dn, name, waiting: [], agents, free: new FreeAgents(isAvailable) };
}

/** Offer waiting calls to free agents until one side runs out. */
export function settleRouting(world: World): void {
  while (world.queuesToRoute.size > 0 || world.agentsToRoute.size > 0) {
    markFree(world);
    const queues = [...world.queuesToRoute];
    world.queuesToRoute.clear();
    for (const queue of queues) offerQueue(world, queue);
    const agents = [...world.agentsToRoute];
    world.agentsToRoute.clear();
    for (const agent of agents) offerAgent(world, agent);
  }
}

/** Agents who became free during the change take their place, by idle time, in their queues' free lists. */
function markFree(world: World): void {
  for (const agent of world.agentsToRoute) {
    if (!isAvailable(agent)) continue;
    for (const dn of agent.queues) world.queues.get(dn)?.free.add(agent);
  }
}

/** The agent's ring-no-answer timer on an ACD leg, when the configuration sets one. */
export function armRingNoAnswer(world: World, call: Call, leg: Party): void {
  const seconds = world.config.ringTimeoutSec;
  if (seconds <= 0 || leg.queue === undefined) return;
  ringTimer(world, call, leg, seconds, () => returnToQueue(world, call, leg, 'NoAnswer'));
}

/**
 * An ACD leg stops ringing without being answered: the agent is released (NoAnswer or Rejected) and
 * the call goes back to the front of its queue. Ringing out makes a Ready agent NotReady (RONA).
 */
export function returnToQueue(world: World, call: Call, leg: Party, callState: Extract<CallState, 'NoAnswer' | 'Rejected'>): void {
  const agent = world.agents.get(leg.dn);
  if (!agent) return;
  moveInQueue(world, call, { move: 'return', leg, callState });
  if (callState === 'NoAnswer' && agent.state === 'Ready') becomeNotReady(world, agent, 'AuxWork', RING_NO_ANSWER_REASON);
  legEnded(world, agent, leg, call);
}

/** The waiting calls in order, each to the longest-idle free agent who has not rejected it, until no agent is free. */
function offerQueue(world: World, queue: Queue): void {
  let index = 0;
  while (index < queue.waiting.length && queue.free.first() !== undefined) {
    const call = queue.waiting[index] as Call;
    const agent = queue.free.first((candidate) => !call.rejectedBy.has(candidate.dn));
    if (agent) offer(world, call, agent, queue);
    else index++;
  }
}

function offerAgent(world: World, agent: Agent): void {
  if (!isAvailable(agent)) return;
  let next: { call: Call; queue: Queue } | undefined;
  for (const dn of agent.queues) {
    const queue = world.queues.get(dn);
    const call = queue?.waiting.find((waiting) => !waiting.rejectedBy.has(agent.dn));
    if (queue && call && (!next || call.queueSeq < next.call.queueSeq)) next = { call, queue };
  }
  if (next) offer(world, next.call, agent, next.queue);
}

function offer(world: World, call: Call, agent: Agent, queue: Queue): void {
  for (const dn of agent.queues) world.queues.get(dn)?.free.delete(agent);
  const leg = moveInQueue(world, call, { move: 'offer', queue, agent });
  if (leg) armRingNoAnswer(world, call, leg);
}
