import { CtiError } from '@ctikit/protocol';
import type { AgentEventName, AgentStateName, AgentWorkMode, CallType, NotReadyWorkMode, ReadyWorkMode } from '@ctikit/protocol';
import type { SimulatorConfig } from './config.ts';
import { writable, type Agent, type Call, type Party } from './model.ts';
import type { TServerRequest } from './port.ts';
import type { AgentEventFields, World } from './world.ts';

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

export type AgentMove = keyof typeof AGENT_MOVES;

/** The work mode and reason code an agent's move leaves it in (none: cleared). */
export interface AgentMode {
  workMode?: AgentWorkMode;
  reasonCode?: string;
}

/**
 * The one way the agent's state changes: checked against the table (a logged-out agent is
 * NOT_INITIALIZED, any other refused move ALREADY_IN_STATE), then the state, work mode and reason
 * code are written, a pending wrap-up timer stops, and the agent's DN hears the event.
 */
export function moveAgent(world: World, agent: Agent, move: AgentMove, mode: AgentMode, fields: AgentEventFields = {}): void {
  const { from, to, event } = AGENT_MOVES[move];
  const allowed: readonly AgentStateName[] = from;
  if (!allowed.includes(agent.state)) {
    if (agent.state === 'LoggedOut') throw new CtiError('NOT_INITIALIZED', `No agent is logged in on DN ${agent.dn}.`);
    throw new CtiError('ALREADY_IN_STATE', `Agent ${agent.agentId} is already ${agent.state}.`);
  }
  const moving = writable(agent);
  moving.wrapUp?.cancel();
  delete moving.wrapUp;
  moving.state = to;
  if (mode.workMode === undefined) delete moving.workMode;
  else moving.workMode = mode.workMode;
  if (mode.reasonCode === undefined) delete moving.reasonCode;
  else moving.reasonCode = mode.reasonCode;
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
  writable(agent).registered = true;
  world.emitAgent(agent, 'EventRegistered');
}

export function unregister(world: World, agent: Agent): void {
  writable(agent).registered = false;
  world.emitAgent(agent, 'EventUnregistered');
}

export function login(world: World, agent: Agent, request: AgentRequest<'RequestAgentLogin'>): void {
  if (request.agentId !== agent.agentId) {
    throw new CtiError('DN_NOT_CONFIGURED', `Agent ${request.agentId} is not configured on DN ${agent.dn}.`);
  }
  if (agent.state !== 'LoggedOut') throw new CtiError('ALREADY_IN_STATE', `Agent ${agent.agentId} is already logged in.`);
  moveAgent(world, agent, 'login', { workMode: 'AuxWork' });
  world.emitAgent(agent, 'EventAgentNotReady', { workMode: 'AuxWork' });
}

export function logout(world: World, agent: Agent, request: AgentRequest<'RequestAgentLogout'>): void {
  requireLoggedIn(agent);
  if (agent.calls.size > 0) {
    throw new CtiError('INVALID_CALL_STATE', `DN ${agent.dn} has calls: release them before logging out.`);
  }
  moveAgent(
    world,
    agent,
    'logout',
    {},
    {
      agentId: agent.agentId,
      ...(request.reasonCode ? { reasons: { ReasonCode: request.reasonCode } } : {}),
    },
  );
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

/** The agent becomes Ready: idle from now, and back in this work mode after its next wrap-up. */
export function becomeReady(world: World, agent: Agent, workMode: ReadyWorkMode): void {
  moveAgent(world, agent, 'ready', { workMode }, { workMode });
  writable(agent).readyWorkMode = workMode;
  becameIdle(world, agent);
}

/** `wrapUpSec`: a timed wrap-up, announced in the event's extensions as T-Server's `WrapUpTime`. */
export function becomeNotReady(world: World, agent: Agent, workMode: NotReadyWorkMode, reasonCode?: string, wrapUpSec?: number): void {
  moveAgent(world, agent, 'notReady', reasonCode === undefined ? { workMode } : { workMode, reasonCode }, {
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
      writable(agent).wrapUp = world.schedule(afterCallWork.timeoutSec * 1000, () => {
        if (agent.state === 'NotReady' && agent.workMode === 'AfterCallWork') becomeReady(world, agent, agent.readyWorkMode);
      });
    }
    return;
  }
  if (agent.state === 'Ready' && agent.calls.size === 0) becameIdle(world, agent);
}

/** The agent is idle from now: routing may offer it the next call. */
function becameIdle(world: World, agent: Agent): void {
  writable(agent).idleSince = world.now();
  world.agentsToRoute.add(agent);
}

function requireLoggedIn(agent: Agent): void {
  if (agent.state === 'LoggedOut') {
    throw new CtiError('NOT_INITIALIZED', `No agent is logged in on DN ${agent.dn}: send RequestAgentLogin first.`);
  }
}
