import { CtiError, legStates, type AgentStateName, type ErrorCode, type LegState } from '@ctikit/protocol';
import { ManualClock } from '@ctikit/kernel';
import { describe, expect, it } from 'vitest';
import { AGENT_MOVES, createAgent, moveAgent, type AgentMove } from '../src/agent-state.ts';
import { createCall } from '../src/call-control.ts';
import { DEFAULT_SIMULATOR_CONFIG } from '../src/config.ts';
import { LEG_MOVES, moveLeg, type LegMove } from '../src/leg-moves.ts';
import type { Agent, Call, Party, Queue } from '../src/model.ts';
import { PARTY_MOVES, changeCall, joinCall, leaveCall, ringTimer, type PartyMove, type PartyPlace } from '../src/party-moves.ts';
import type { PortEvent } from '../src/port.ts';
import { QUEUE_MOVES, moveInQueue, queuePlace, type QueueMove, type QueuePlace } from '../src/queue-moves.ts';
import { createQueue } from '../src/routing.ts';
import { World } from '../src/world.ts';

/**
 * The engine's tables of moves, each move from every place: where the table allows it, the
 * transition writes the move's state and the party (or agent) hears the move's event; anywhere else
 * it is refused with the catalog's code and nothing changes, nothing is heard.
 */
const CUSTOMER = '+14155550100';
const AGENT_DN = '5001';

/** A switch of the default configuration, its routing left out (each queue move on its own), with every event it emits. */
function newWorld(): { world: World; events: PortEvent[]; clock: ManualClock } {
  const clock = new ManualClock();
  const world = new World(DEFAULT_SIMULATOR_CONFIG, clock, () => undefined);
  DEFAULT_SIMULATOR_CONFIG.agents.forEach((entry, order) => world.agents.set(entry.dn, createAgent(entry, order, 0)));
  for (const { dn, name } of DEFAULT_SIMULATOR_CONFIG.queues) {
    world.queues.set(
      dn,
      createQueue(
        dn,
        name,
        [...world.agents.values()].filter((agent) => agent.queues.includes(dn)),
      ),
    );
  }
  const events: PortEvent[] = [];
  world.dispatcher.subscribeAll((event) => events.push(event));
  return { world, events, clock };
}

/** Everything a move could write, as plain data. */
function modelOf(world: World): unknown {
  const party = (p: Party) => ({ dn: p.dn, kind: p.kind, state: p.state, muted: p.muted, answered: p.answered, queue: p.queue, timed: p.timer !== undefined });
  return {
    calls: [...world.calls.values()].map((call) => ({
      connectionId: call.connectionId,
      parties: call.parties.map(party),
      queuedIn: call.queuedIn,
      queueSeq: call.queueSeq,
      rejectedBy: [...call.rejectedBy],
      consultation: call.consultation,
      consultOf: call.consultOf,
    })),
    queues: [...world.queues.values()].map((queue) => ({ dn: queue.dn, waiting: queue.waiting.map((call) => call.connectionId) })),
    agents: [...world.agents.values()].map((agent) => ({
      dn: agent.dn,
      state: agent.state,
      workMode: agent.workMode,
      reasonCode: agent.reasonCode,
      idleSince: agent.idleSince,
      calls: [...agent.calls].map((call) => call.connectionId),
    })),
  };
}

/** The change is refused with `code`: the model is as it was and no one hears anything. */
function expectRefused(world: World, events: PortEvent[], change: () => void, code: ErrorCode): void {
  const before = modelOf(world);
  const heard = events.length;
  const error = (() => {
    try {
      world.run(change);
    } catch (caught) {
      return caught;
    }
    return undefined;
  })();
  expect(error).toBeInstanceOf(CtiError);
  expect((error as CtiError).code).toBe(code);
  expect(modelOf(world)).toEqual(before);
  expect(events.slice(heard)).toEqual([]);
}

/** The names of the events `dn` heard since `from`. */
function heardBy(events: readonly PortEvent[], dn: string, from: number): string[] {
  return events.slice(from).flatMap((event) => (event.thisDN === dn ? [event.eventName] : []));
}

/** A customer's call; `agentLeg` puts the agent's DN on it, ringing (with its ring timer) or dialing, then moves its leg to `state`. */
function customerCall(world: World, agentLeg?: { state: LegState }): { call: Call; leg?: Party } {
  return world.run(() => {
    const call = createCall(world, { callType: 'Inbound', ANI: CUSTOMER, DNIS: AGENT_DN });
    joinCall(world, call, { dn: CUSTOMER, kind: 'external' }, 'dial');
    if (!agentLeg) return { call };
    const leg = joinCall(world, call, { dn: AGENT_DN, kind: 'agent' }, agentLeg.state === 'Dialing' ? 'dial' : 'ring');
    if (leg.state === 'Ringing') ringTimer(world, call, leg, 30, () => undefined);
    if (agentLeg.state === 'Established' || agentLeg.state === 'Held') moveLeg(world, call, leg, 'answer');
    if (agentLeg.state === 'Held') moveLeg(world, call, leg, 'hold');
    return { call, leg };
  });
}

describe('LEG_MOVES', () => {
  for (const [move, { from, to, event }] of Object.entries(LEG_MOVES) as Array<[LegMove, (typeof LEG_MOVES)[LegMove]]>) {
    for (const state of legStates) {
      const allowed = (from as readonly LegState[]).includes(state);
      it(`${move} from ${state}: ${allowed ? `${to}, ${event}` : 'INVALID_CALL_STATE'}`, () => {
        const { world, events, clock } = newWorld();
        const { call, leg } = customerCall(world, { state });
        const party = leg as Party;
        if (!allowed) return expectRefused(world, events, () => moveLeg(world, call, party, move), 'INVALID_CALL_STATE');
        const heard = events.length;
        world.run(() => moveLeg(world, call, party, move));
        expect(party.state).toBe(to);
        expect(party.answered).toBe(to === 'Established' || state === 'Established' || state === 'Held');
        expect(party.timer).toBeUndefined();
        expect(clock.pendingTimers()).toBe(0);
        expect(heardBy(events, AGENT_DN, heard)).toEqual([event]);
      });
    }
  }
});

describe('PARTY_MOVES', () => {
  const places: readonly PartyPlace[] = ['absent', ...legStates];

  /** The agent's DN at `place` on a customer's call, and a second call to change to; when absent, its party is on another call. */
  function partyAt(world: World, place: PartyPlace): { call: Call; party: Party; other: Call } {
    const { call, leg } = customerCall(world, place === 'absent' ? undefined : { state: place });
    const other = world.run(() => {
      const second = createCall(world, { callType: 'Inbound', ANI: '+14155550101', DNIS: AGENT_DN });
      joinCall(world, second, { dn: '+14155550101', kind: 'external' }, 'dial');
      return second;
    });
    const party = leg ?? (customerCall(world, { state: 'Ringing' }).leg as Party);
    return { call, party, other };
  }

  const perform: Record<PartyMove, (world: World, at: { call: Call; party: Party; other: Call }) => void> = {
    ring: (world, { call }) => joinCall(world, call, { dn: AGENT_DN, kind: 'agent' }, 'ring'),
    dial: (world, { call }) => joinCall(world, call, { dn: AGENT_DN, kind: 'agent' }, 'dial'),
    release: (world, { call, party }) => leaveCall(world, call, party, 'release', { callState: 'OK' }),
    abandon: (world, { call, party }) => leaveCall(world, call, party, 'abandon', { callState: 'Abandoned' }),
    change: (world, { call, party, other }) => changeCall(world, call, other, party, { previousConnectionId: call.connectionId }),
  };

  for (const [move, { from, to, event }] of Object.entries(PARTY_MOVES) as Array<[PartyMove, (typeof PARTY_MOVES)[PartyMove]]>) {
    for (const place of places) {
      const allowed = (from as readonly PartyPlace[]).includes(place);
      it(`${move} from ${place}: ${allowed ? `${to}, ${event}` : 'INVALID_CALL_STATE'}`, () => {
        const { world, events, clock } = newWorld();
        const at = partyAt(world, place);
        const agent = world.agents.get(AGENT_DN) as Agent;
        if (!allowed) return expectRefused(world, events, () => perform[move](world, at), 'INVALID_CALL_STATE');
        const heard = events.length;
        world.run(() => perform[move](world, at));
        expect(heardBy(events, AGENT_DN, heard)).toEqual([event]);
        const now = at.call.parties.find((party) => party.dn === AGENT_DN);
        if (to === 'absent') {
          expect(now).toBeUndefined();
          expect(agent.calls.has(at.call)).toBe(false);
          expect(at.party.timer).toBeUndefined();
          expect(clock.pendingTimers()).toBe(0);
        } else if (to === 'kept') {
          expect(now).toBeUndefined();
          expect(at.other.parties).toContain(at.party);
          expect(at.party.state).toBe(place);
          expect([...agent.calls]).toContain(at.other);
          expect(agent.calls.has(at.call)).toBe(false);
        } else {
          expect(now?.state).toBe(to);
          expect(agent.calls.has(at.call)).toBe(true);
        }
      });
    }
  }

  it('change refuses a party whose DN is already on the other call', () => {
    const { world, events } = newWorld();
    const { call, party } = partyAt(world, 'Established');
    const other = customerCall(world, { state: 'Ringing' }).call;
    expectRefused(world, events, () => changeCall(world, call, other, party, {}), 'INVALID_CALL_STATE');
  });
});

describe('QUEUE_MOVES', () => {
  const places: readonly QueuePlace[] = ['outside', 'waiting', 'offered'];

  /** A customer's call at `place`: waiting in queue 8000, or offered from it to the agent's DN. */
  function callAt(world: World, place: QueuePlace): { call: Call; queue: Queue } {
    const { call } = customerCall(world);
    const queue = world.queues.get('8000') as Queue;
    world.run(() => {
      if (place !== 'outside') moveInQueue(world, call, { move: 'enter', queue });
      if (place === 'offered') moveInQueue(world, call, { move: 'offer', queue, agent: world.agents.get(AGENT_DN) as Agent });
    });
    expect(queuePlace(call)).toBe(place);
    return { call, queue };
  }

  const perform: Record<QueueMove, (world: World, call: Call, queue: Queue) => void> = {
    enter: (world, call, queue) => moveInQueue(world, call, { move: 'enter', queue }),
    offer: (world, call, queue) => moveInQueue(world, call, { move: 'offer', queue, agent: world.agents.get('5002') as Agent }),
    return: (world, call) => moveInQueue(world, call, { move: 'return', leg: call.parties.at(-1) as Party, callState: 'Rejected' }),
    abandon: (world, call) => moveInQueue(world, call, { move: 'abandon' }),
  };
  /** Who hears the move: the agent it is offered to, the agent whose offer returns. */
  const hearer: Record<QueueMove, string> = { enter: AGENT_DN, offer: '5002', return: AGENT_DN, abandon: AGENT_DN };

  for (const [move, entry] of Object.entries(QUEUE_MOVES) as Array<[QueueMove, (typeof QUEUE_MOVES)[QueueMove]]>) {
    const { from, to } = entry;
    const event = 'event' in entry ? entry.event : undefined;
    for (const place of places) {
      const allowed = (from as readonly QueuePlace[]).includes(place);
      it(`${move} from ${place}: ${allowed ? `${to}${event ? `, ${event}` : ''}` : 'INVALID_CALL_STATE'}`, () => {
        const { world, events } = newWorld();
        const { call, queue } = callAt(world, place);
        if (!allowed) return expectRefused(world, events, () => perform[move](world, call, queue), 'INVALID_CALL_STATE');
        const heard = events.length;
        world.run(() => perform[move](world, call, queue));
        expect(queuePlace(call)).toBe(to);
        expect(heardBy(events, hearer[move], heard)).toEqual(event ? [event] : []);
        expect(queue.waiting.includes(call)).toBe(to === 'waiting');
      });
    }
  }

  it('a call that returns goes to the front, not offered again to who rejected it; a new arrival goes to the back, offered to all', () => {
    const { world } = newWorld();
    const { call: first, queue } = callAt(world, 'offered');
    const { call: second } = callAt(world, 'waiting');
    world.run(() => moveInQueue(world, first, { move: 'return', leg: first.parties.at(-1) as Party, callState: 'Rejected' }));
    expect(queue.waiting).toEqual([first, second]);
    expect([...first.rejectedBy]).toEqual([AGENT_DN]);
    world.run(() => moveInQueue(world, first, { move: 'abandon' }));
    world.run(() => moveInQueue(world, first, { move: 'enter', queue }));
    expect(queue.waiting).toEqual([second, first]);
    expect([...first.rejectedBy]).toEqual([]);
  });

  it('offer refuses a call waiting in another queue', () => {
    const { world, events } = newWorld();
    const { call } = callAt(world, 'waiting');
    const sales = world.queues.get('8001') as Queue;
    expectRefused(
      world,
      events,
      () => moveInQueue(world, call, { move: 'offer', queue: sales, agent: world.agents.get(AGENT_DN) as Agent }),
      'INVALID_CALL_STATE',
    );
  });
});

describe('AGENT_MOVES', () => {
  const states: readonly AgentStateName[] = ['LoggedOut', 'NotReady', 'Ready'];

  function agentIn(world: World, state: AgentStateName): Agent {
    const agent = world.agents.get(AGENT_DN) as Agent;
    world.run(() => {
      if (state !== 'LoggedOut') moveAgent(world, agent, 'login', { workMode: 'AuxWork' });
      if (state === 'Ready') moveAgent(world, agent, 'ready', { workMode: 'ManualIn' });
    });
    return agent;
  }

  for (const [move, { from, to, event }] of Object.entries(AGENT_MOVES) as Array<[AgentMove, (typeof AGENT_MOVES)[AgentMove]]>) {
    for (const state of states) {
      const allowed = (from as readonly AgentStateName[]).includes(state);
      const refusal: ErrorCode = state === 'LoggedOut' ? 'NOT_INITIALIZED' : 'ALREADY_IN_STATE';
      it(`${move} from ${state}: ${allowed ? `${to}, ${event}` : refusal}`, () => {
        const { world, events } = newWorld();
        const agent = agentIn(world, state);
        const mode = to === 'NotReady' ? { workMode: 'AuxWork' as const, reasonCode: 'Break' } : to === 'Ready' ? { workMode: 'ManualIn' as const } : {};
        if (!allowed) return expectRefused(world, events, () => moveAgent(world, agent, move, mode), refusal);
        const heard = events.length;
        world.run(() => moveAgent(world, agent, move, mode));
        expect(agent.state).toBe(to);
        expect({ workMode: agent.workMode, reasonCode: agent.reasonCode }).toEqual({ workMode: undefined, reasonCode: undefined, ...mode });
        expect(heardBy(events, AGENT_DN, heard)).toEqual([event]);
      });
    }
  }
});
