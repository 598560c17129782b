import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/core/interaction.ts';
import { INTERACTION_STATES, transitionInteraction, type InteractionState, type InteractionStep } from '../../src/core/interaction-state.ts';

const T0 = 1_700_000_000_000;

function interaction(state: InteractionState, extra: Partial<Interaction> = {}): Interaction {
  return {
    eventId: 'e1',
    state,
    direction: 'inbound',
    phoneNumber: '+15550100',
    userData: {},
    parties: [],
    recordingState: 'stopped',
    offeredAt: T0,
    held: state === 'held',
    muted: false,
    ...(state === 'connected' || state === 'held' ? { connectedAt: T0 + 1 } : {}),
    ...(state === 'wrapUp' || state === 'closed' ? { endedAt: T0 + 2, endCause: { kind: 'completed' } } : {}),
    ...extra,
  };
}

function step(to: InteractionState): InteractionStep {
  if (to === 'closed') return { to };
  if (to === 'wrapUp') return { to, at: T0 + 10, cause: { kind: 'completed' } };
  return { to, at: T0 + 10 };
}

/** The diagram in interaction-state.ts, as a table. */
const allowed: Record<InteractionState, InteractionState[]> = {
  offered: ['connected', 'wrapUp'],
  dialing: ['connected', 'wrapUp'],
  connected: ['held', 'wrapUp'],
  held: ['connected', 'wrapUp'],
  wrapUp: ['closed'],
  closed: [],
};
const live: InteractionState[] = ['offered', 'dialing', 'connected', 'held'];

describe('interaction state machine', () => {
  for (const from of INTERACTION_STATES) {
    for (const to of INTERACTION_STATES) {
      const expected = from === to ? 'unchanged' : allowed[from].includes(to) ? 'changed' : 'rejected';
      it(`${from} → ${to} is ${expected}`, () => {
        const move = transitionInteraction(interaction(from), step(to));
        expect(move.result).toBe(expected);
        if (move.result === 'changed') {
          expect(move.interaction.state).toBe(to);
          expect(move.interaction.held).toBe(to === 'held');
        }
      });
    }
  }

  for (const from of INTERACTION_STATES) {
    for (const to of INTERACTION_STATES) {
      if (from === to) continue;
      const expected = allowed[from].includes(to) || (live.includes(from) && live.includes(to)) ? 'changed' : 'rejected';
      it(`by snapshot, ${from} → ${to} is ${expected}`, () => {
        expect(transitionInteraction(interaction(from), step(to), 'snapshot').result).toBe(expected);
      });
    }
  }

  it('answering stamps connectedAt once; hold and retrieve keep it', () => {
    const answered = transitionInteraction(interaction('offered'), { to: 'connected', at: T0 + 5 });
    if (answered.result !== 'changed') throw new Error('not answered');
    expect(answered.interaction.connectedAt).toBe(T0 + 5);
    const held = transitionInteraction(answered.interaction, { to: 'held', at: T0 + 7 });
    if (held.result !== 'changed') throw new Error('not held');
    const retrieved = transitionInteraction(held.interaction, { to: 'connected', at: T0 + 9 });
    if (retrieved.result !== 'changed') throw new Error('not retrieved');
    expect(retrieved.interaction).toMatchObject({ state: 'connected', held: false, connectedAt: T0 + 5 });
  });

  it('ending records the cause and the time, and clears held and muted', () => {
    const move = transitionInteraction(interaction('held', { muted: true }), {
      to: 'wrapUp',
      at: T0 + 30,
      cause: { kind: 'transferred' },
    });
    expect(move).toMatchObject({
      result: 'changed',
      interaction: { state: 'wrapUp', held: false, muted: false, endedAt: T0 + 30, endCause: { kind: 'transferred' } },
    });
  });

  it('a second end keeps the first cause', () => {
    const ended = interaction('wrapUp', { endCause: { kind: 'abandoned' } });
    expect(transitionInteraction(ended, { to: 'wrapUp', at: T0 + 99, cause: { kind: 'completed' } })).toEqual({
      result: 'unchanged',
    });
  });

  it('says why a move is rejected', () => {
    expect(transitionInteraction(interaction('offered'), { to: 'held', at: T0 })).toEqual({
      result: 'rejected',
      reason: 'interaction e1 cannot move from offered to held',
    });
  });
});
