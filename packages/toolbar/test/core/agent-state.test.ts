import { describe, expect, it } from 'vitest';
import { AGENT_STATE_KINDS, transitionAgent, type AgentState, type AgentStateKind } from '../../src/core/agent-state.ts';

const state: Record<AgentStateKind, AgentState> = {
  loggedOut: { kind: 'loggedOut' },
  notReady: { kind: 'notReady' },
  ready: { kind: 'ready' },
  afterCallWork: { kind: 'afterCallWork' },
};

/** The diagram in agent-state.ts, as a table: from → the states an event may move the agent to. */
const allowed: Record<AgentStateKind, AgentStateKind[]> = {
  loggedOut: ['notReady', 'ready'],
  notReady: ['ready', 'afterCallWork', 'loggedOut'],
  ready: ['notReady', 'afterCallWork', 'loggedOut'],
  afterCallWork: ['ready', 'notReady', 'loggedOut'],
};

describe('agent state machine', () => {
  for (const from of AGENT_STATE_KINDS) {
    for (const to of AGENT_STATE_KINDS) {
      const expected = from === to ? 'unchanged' : allowed[from].includes(to) ? 'changed' : 'rejected';
      it(`${from} → ${to} is ${expected}`, () => {
        const move = transitionAgent(state[from], state[to]);
        expect(move.result).toBe(expected);
        if (move.result === 'changed') expect(move.state).toEqual(state[to]);
      });
    }
  }

  it('a new not-ready reason is a change; the same reason again is not', () => {
    const lunch: AgentState = { kind: 'notReady', reasonCode: 'Lunch', reasonLabel: 'Lunch' };
    const breakState: AgentState = { kind: 'notReady', reasonCode: 'Break', reasonLabel: 'Break' };
    expect(transitionAgent(lunch, breakState)).toEqual({ result: 'changed', state: breakState });
    expect(transitionAgent(lunch, { ...lunch })).toEqual({ result: 'unchanged' });
  });

  it('a snapshot may put the agent in any state, even after-call work from logged out', () => {
    expect(transitionAgent(state.loggedOut, state.afterCallWork, 'snapshot')).toEqual({
      result: 'changed',
      state: state.afterCallWork,
    });
  });

  it('says why a move is rejected', () => {
    expect(transitionAgent(state.loggedOut, state.afterCallWork)).toEqual({
      result: 'rejected',
      reason: 'agent cannot move from loggedOut to afterCallWork',
    });
  });
});
