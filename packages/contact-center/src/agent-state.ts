import { CtiError } from '@ctikit/protocol';
import type { AgentEventName, AgentStateName, CallType, NotReadyWorkMode, ReadyWorkMode } from '@ctikit/protocol';
import type { SimulatorConfig } from './config.ts';
import type { TServerRequest } from './port.ts';
import type { AgentEventFields, World } from './world.ts';
import type { Agent, Call, Party } from './model.ts';

/** The calls with a customer on them: what `afterCallWork.after: customerCalls` follows. */
const CUSTOMER_CALLS: readonly CallType[] = ['Inbound', 'Outbound'];

/** The reason code the switch itself sets when an agent lets an ACD call ring out. */
export const RING_NO_ANSWER_REASON = 'RONA';

type AgentRequest<K extends TServerRequest['request']> = Extract<TServerRequest, { request: K }>;

/** The agent's moves: from which states, to which, reported by which T-Server event. */
export const AGENT_MOVES = {
  login: { from: ['LoggedOut'], to: 'NotReady', event: 'EventAgentLogin' },
  logout: { from: ['NotReady', 'Ready'], to: 'LoggedOut', event: 'EventAgentLogout' },
  ready: { from: ['NotReady'], to: 'Ready', event: 'EventAgentReady' },
  notReady: { from: ['NotReady', 'Ready'], to: 'NotReady', event: 'EventAgentNotReady' },
} as const satisfies Record<string, { from: readonly AgentStateName[]; to: AgentStateName; event: AgentEventName }>;

/**
 * The one way the agent's state changes: checked against the table (a logged-out agent is
 * NOT_INITIALIZED, any other refused move ALREADY_IN_STATE), then the agent's DN hears the event.
 */
function moveAgent(world: World, agent: Agent, move: keyof typeof AGENT_MOVES, fields: AgentEventFields = {}): void {
  const { from, to, event } = AGENT_MOVES[move];
  const allowed: readonly AgentStateName[] = from;
  if (!allowed.includes(agent.state)) {
    if (agent.state === 'LoggedOut') throw new CtiError('NOT_INITIALIZED', `No agent is logged in on DN ${agent.dn}.`);
    throw new CtiError('ALREADY_IN_STATE', `Agent ${agent.agentId} is already ${agent.state}.`);
  }
  agent.state = to;
  world.emitAgent(agent, event, fields);
}

export function createAgent(entry: SimulatorConfig['agents'][number], order: number, now: number): Agent {
  return {
    agentId: entry.agentId,
    name: entry.name,
    dn: entry.dn,
    queues: entry.queues,
    order,
    registered: false,
    state: 'LoggedOut',
    readyWorkMode: 'ManualIn',
    idleSince: now,
    calls: new Set(),
  };
}

export function register(world: World, agent: Agent): void {
  agent.registered = true;
  world.emitAgent(agent, 'EventRegistered');
}

export function unregister(world: World, agent: Agent): void {
  agent.registered = false;
  world.emitAgent(agent, 'EventUnregistered');
}

export function login(world: World, agent: Agent, request: AgentRequest<'RequestAgentLogin'>): void {
  if (request.agentId !== agent.agentId) {
    throw new CtiError('DN_NOT_CONFIGURED', `Agent ${request.agentId} is not configured on DN ${agent.dn}.`);
  }
  if (agent.state !== 'LoggedOut') throw new CtiError('ALREADY_IN_STATE', `Agent ${agent.agentId} is already logged in.`);
  agent.workMode = 'AuxWork';
  delete agent.reasonCode;
  moveAgent(world, agent, 'login');
  world.emitAgent(agent, 'EventAgentNotReady', { workMode: 'AuxWork' });
}

export function logout(world: World, agent: Agent, request: AgentRequest<'RequestAgentLogout'>): void {
  requireLoggedIn(agent);
  if (agent.calls.size > 0) {
    throw new CtiError('INVALID_CALL_STATE', `DN ${agent.dn} has calls: release them before logging out.`);
  }
  agent.wrapUp?.cancel();
  delete agent.workMode;
  delete agent.reasonCode;
  moveAgent(world, agent, 'logout', {
    agentId: agent.agentId,
    ...(request.reasonCode ? { reasons: { ReasonCode: request.reasonCode } } : {}),
  });
}

export function requestReady(world: World, agent: Agent, request: AgentRequest<'RequestAgentReady'>): void {
  requireLoggedIn(agent);
  if (agent.state === 'Ready') throw new CtiError('ALREADY_IN_STATE', `Agent ${agent.agentId} is already Ready.`);
  becomeReady(world, agent, request.workMode ?? 'ManualIn');
}

export function requestNotReady(world: World, agent: Agent, request: AgentRequest<'RequestAgentNotReady'>): void {
  requireLoggedIn(agent);
  const { reasonCode } = request;
  if (reasonCode !== undefined && !world.reasonCodes.has(reasonCode)) {
    throw new CtiError('INVALID_ATTRIBUTE', `Unknown not-ready reason code: ${reasonCode}.`);
  }
  const workMode = request.workMode ?? 'AuxWork';
  if (agent.state === 'NotReady' && agent.workMode === workMode && agent.reasonCode === reasonCode) {
    throw new CtiError('ALREADY_IN_STATE', `Agent ${agent.agentId} is already NotReady (${workMode}).`);
  }
  becomeNotReady(world, agent, workMode, reasonCode);
}

export function becomeReady(world: World, agent: Agent, workMode: ReadyWorkMode): void {
  agent.wrapUp?.cancel();
  delete agent.wrapUp;
  agent.workMode = workMode;
  agent.readyWorkMode = workMode;
  delete agent.reasonCode;
  agent.idleSince = world.now();
  moveAgent(world, agent, 'ready', { workMode });
  world.agentsToRoute.add(agent);
}

/** `wrapUpSec`: a timed wrap-up, announced in the event's extensions as T-Server's `WrapUpTime`. */
export function becomeNotReady(world: World, agent: Agent, workMode: NotReadyWorkMode, reasonCode?: string, wrapUpSec?: number): void {
  agent.wrapUp?.cancel();
  delete agent.wrapUp;
  agent.workMode = workMode;
  if (reasonCode === undefined) delete agent.reasonCode;
  else agent.reasonCode = reasonCode;
  moveAgent(world, agent, 'notReady', {
    workMode,
    ...(reasonCode !== undefined ? { reasons: { ReasonCode: reasonCode } } : {}),
    ...(wrapUpSec !== undefined ? { extensions: { WrapUpTime: String(wrapUpSec) } } : {}),
  });
}

/**
 * An agent's leg left a call. A Ready agent whose answered ACD leg (or, with `after: customerCalls`,
 * any answered leg of a call with a customer) ended goes into wrap-up when after-call work is on (an agent who chose NotReady during the call keeps that state); a Ready agent
 * left with no call is idle from now and may be offered the next call.
 */
export function legEnded(world: World, agent: Agent, leg: Party, call: Pick<Call, 'callType'>): void {
  const { afterCallWork } = world.config;
  const followed = afterCallWork.after === 'queueCalls' ? leg.queue !== undefined : CUSTOMER_CALLS.includes(call.callType);
  if (afterCallWork.enabled && followed && leg.answered && agent.state === 'Ready') {
    becomeNotReady(world, agent, 'AfterCallWork', undefined, afterCallWork.timeoutSec > 0 ? afterCallWork.timeoutSec : undefined);
    if (afterCallWork.timeoutSec > 0) {
      agent.wrapUp = world.schedule(afterCallWork.timeoutSec * 1000, () => {
        if (agent.state === 'NotReady' && agent.workMode === 'AfterCallWork') becomeReady(world, agent, agent.readyWorkMode);
      });
    }
    return;
  }
  if (agent.state === 'Ready' && agent.calls.size === 0) {
    agent.idleSince = world.now();
    world.agentsToRoute.add(agent);
  }
}

function requireLoggedIn(agent: Agent): void {
  if (agent.state === 'LoggedOut') {
    throw new CtiError('NOT_INITIALIZED', `No agent is logged in on DN ${agent.dn}: send RequestAgentLogin first.`);
  }
}
