import type { CallState } from '@ctikit/protocol';
import { RING_NO_ANSWER_REASON, becomeNotReady, legEnded } from './agent-state.ts';
import { addParty, newParty, removeParty } from './call.ts';
import { FreeAgents } from './free-agents.ts';
import type { World } from './world.ts';
import type { Agent, Call, Party, Queue } from './model.ts';

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
 */
export type { Queue };

function isAvailable(agent: Agent): boolean {
  return agent.state === 'Ready' && agent.calls.size === 0;
}

export function createQueue(dn: string, name: string, agents: Agent[]): Queue {
  return { dn, name, waiting: [], agents, free: new FreeAgents(isAvailable) };
}

export function enqueue(world: World, call: Call, queue: Queue, position: 'front' | 'back'): void {
  call.queuedIn = queue.dn;
  if (position === 'back') {
    call.queueSeq = world.nextQueueArrival();
    queue.waiting.push(call);
  } else {
    queue.waiting.unshift(call);
  }
  world.queuesToRoute.add(queue);
}

export function dequeue(world: World, call: Call): void {
  if (call.queuedIn === undefined) return;
  const queue = world.queues.get(call.queuedIn);
  const index = queue ? queue.waiting.indexOf(call) : -1;
  if (queue && index >= 0) queue.waiting.splice(index, 1);
  delete call.queuedIn;
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
  leg.timer = world.schedule(seconds * 1000, () => {
    if (leg.state === 'Ringing' && call.parties.includes(leg)) returnToQueue(world, call, leg, 'NoAnswer');
  });
}

/**
 * An ACD leg stops ringing without being answered: the agent is released (NoAnswer or Rejected) and
 * the call goes back to the front of its queue. Ringing out makes a Ready agent NotReady (RONA).
 */
export function returnToQueue(world: World, call: Call, leg: Party, callState: Extract<CallState, 'NoAnswer' | 'Rejected'>): void {
  const agent = world.agents.get(leg.dn);
  const queue = leg.queue === undefined ? undefined : world.queues.get(leg.queue);
  if (!agent || !queue) return;
  world.emitCall(call, leg, 'EventReleased', { callState });
  removeParty(world, call, leg);
  if (callState === 'Rejected') call.rejectedBy.add(agent.dn);
  if (callState === 'NoAnswer' && agent.state === 'Ready') becomeNotReady(world, agent, 'AuxWork', RING_NO_ANSWER_REASON);
  enqueue(world, call, queue, 'front');
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
  dequeue(world, call);
  for (const dn of agent.queues) world.queues.get(dn)?.free.delete(agent);
  const leg = newParty(agent.dn, 'agent', 'Ringing', queue.dn);
  addParty(world, call, leg);
  armRingNoAnswer(world, call, leg);
  world.emitCall(call, leg, 'EventRinging');
}
