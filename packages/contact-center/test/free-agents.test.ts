import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FreeAgents, longestIdleFirst } from '../src/free-agents.ts';

/** What the list orders by, with the idle time a test moves (the engine's agents keep theirs read-only). */
interface Agent {
  readonly order: number;
  idleSince: number;
}

function agent(order: number): Agent {
  return { order, idleSince: 0 };
}

type Step =
  | { kind: 'add'; agent: number; idleSince: number }
  | { kind: 'delete'; agent: number }
  | { kind: 'busy'; agent: number; busy: boolean }
  | { kind: 'first'; refused: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), agent: fc.nat(7), idleSince: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), agent: fc.nat(7) }),
  fc.record({ kind: fc.constant('busy' as const), agent: fc.nat(7), busy: fc.boolean() }),
  fc.record({ kind: fc.constant('first' as const), refused: fc.array(fc.nat(7), { maxLength: 3 }) }),
);

describe('FreeAgents', () => {
  it('always gives the longest-idle free agent that is accepted, as a scan of every agent would', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const agents = Array.from({ length: 8 }, (_, order) => agent(order));
        const busy = new Set<Agent>();
        const listed = new Set<Agent>();
        const free = new FreeAgents<Agent>((candidate) => !busy.has(candidate));
        for (const next of steps) {
          const target = agents[next.kind === 'first' ? 0 : next.agent] as Agent;
          if (next.kind === 'add') {
            target.idleSince = next.idleSince;
            free.add(target);
            listed.add(target);
          } else if (next.kind === 'delete') {
            free.delete(target);
            listed.delete(target);
          } else if (next.kind === 'busy') {
            if (next.busy) busy.add(target);
            else busy.delete(target);
          } else {
            // What the free list promises: among the agents added and free since, the longest idle accepted.
            const refused = new Set(next.refused);
            const expected = [...listed].filter((candidate) => !busy.has(candidate) && !refused.has(candidate.order)).sort(longestIdleFirst)[0];
            const got = free.first((candidate) => !refused.has(candidate.order));
            expect(got).toBe(expected);
            // The agents it met busy are dropped: they come back only when added again.
            for (const candidate of [...listed]) if (busy.has(candidate) && (!expected || longestIdleFirst(candidate, expected) < 0)) listed.delete(candidate);
          }
        }
      }),
    );
  });

  it('keeps agents idle since the same moment in configuration order, whatever order they are added in', () => {
    const [a0, a1, a2] = [agent(0), agent(1), agent(2)];
    const free = new FreeAgents<Agent>(() => true);
    for (const candidate of [a2, a0, a1]) free.add(candidate);
    expect(free.first()).toBe(a0);
    free.delete(a0);
    expect(free.first()).toBe(a1);
    expect(free.first((candidate) => candidate !== a1)).toBe(a2);
    expect(free.size).toBe(2);
  });
});
