import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/core/agent-state.ts';
import type { EndCause, Interaction, InteractionDetails } from '../../src/core/interaction.ts';
import { isLive, type LiveInteractionState } from '../../src/core/interaction-state.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { VendorEvent } from '../../src/core/vendor-events.ts';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { checkInteraction } from './support/invariants.ts';

/**
 * No sequence of vendor events — random, duplicated, out of order, mixed with views closing
 * interactions — makes the model throw, log an internal error, or hold an impossible interaction.
 */
const eventIds = fc.constantFrom('a', 'b', 'c');
const at = fc.integer({ min: 1_700_000_000_000, max: 1_700_000_100_000 });
const liveState = fc.constantFrom<LiveInteractionState>('offered', 'dialing', 'connected', 'held');

const detailsArb: fc.Arbitrary<InteractionDetails> = fc.record({
  direction: fc.constantFrom('inbound', 'outbound', 'internal', 'consult'),
  phoneNumber: fc.constantFrom('+15550100', '5002'),
  userData: fc.dictionary(fc.constantFrom('k1', 'k2'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())),
  parties: fc.array(fc.constantFrom('5001', '5002', '+15550100'), { maxLength: 3 }),
  recordingState: fc.constantFrom('stopped', 'recording', 'paused'),
});

const agentArb: fc.Arbitrary<AgentState> = fc.oneof(
  fc.constant<AgentState>({ kind: 'loggedOut' }),
  fc.constant<AgentState>({ kind: 'ready' }),
  fc.constant<AgentState>({ kind: 'afterCallWork' }),
  fc
    .option(fc.constantFrom('Break', 'Lunch'), { nil: undefined })
    .map<AgentState>((reasonCode) => (reasonCode ? { kind: 'notReady', reasonCode } : { kind: 'notReady' })),
);

const causeArb: fc.Arbitrary<EndCause> = fc.oneof(
  fc.constantFrom<EndCause>(
    { kind: 'rejected' },
    { kind: 'abandoned' },
    { kind: 'missed' },
    { kind: 'timeout' },
    { kind: 'canceled' },
    { kind: 'completed' },
    { kind: 'transferred' },
  ),
  fc.constant<EndCause>({ kind: 'failed', code: 'TERMINATING_PARTY_BUSY', message: 'busy' }),
);

const vendorEventArb: fc.Arbitrary<VendorEvent> = fc.oneof(
  fc.record({ type: fc.constant('agentStateChanged' as const), state: agentArb, at }),
  fc.record({ type: fc.constant('interactionOffered' as const), eventId: eventIds, details: detailsArb, at }),
  fc.record({ type: fc.constant('interactionDialing' as const), eventId: eventIds, details: detailsArb, at }),
  fc.record({ type: fc.constant('interactionConnected' as const), eventId: eventIds, at }),
  fc.record({ type: fc.constant('interactionHeld' as const), eventId: eventIds, at }),
  fc.record({ type: fc.constant('interactionRetrieved' as const), eventId: eventIds, at }),
  fc.record({ type: fc.constant('interactionMuteChanged' as const), eventId: eventIds, muted: fc.boolean(), at }),
  fc.record(
    {
      type: fc.constant('interactionDataChanged' as const),
      eventId: eventIds,
      userData: detailsArb.map((d) => d.userData),
      linkedEventId: fc.oneof(eventIds, fc.constant(null)),
      recordingState: fc.constantFrom('stopped', 'recording', 'paused'),
      at,
    },
    { requiredKeys: ['type', 'eventId', 'at'] },
  ),
  fc.record({ type: fc.constant('interactionEnded' as const), eventId: eventIds, cause: causeArb, at }),
  fc.record({
    type: fc.constant('connectionChanged' as const),
    status: fc.constantFrom(
      { state: 'connecting' as const },
      { state: 'connected' as const },
      { state: 'reconnecting' as const, reason: 'socketClosed' as const, attempt: 1 },
      { state: 'offline' as const, reason: 'disposed' as const },
    ),
    at,
  }),
  fc.record({
    type: fc.constant('resynced' as const),
    agent: agentArb,
    interactions: fc.uniqueArray(fc.record({ eventId: eventIds, state: liveState, details: detailsArb, offeredAt: at, muted: fc.boolean() }), {
      selector: (s) => s.eventId,
      maxLength: 3,
    }),
    at,
  }),
  fc.record({
    type: fc.constant('commandFailed' as const),
    failure: fc.constant({ ok: false as const, code: 'INVALID_CALL_STATE' as const, message: 'no' }),
    at,
  }),
);

type Step = { apply: VendorEvent } | { close: string };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: vendorEventArb.map((apply) => ({ apply })) },
  { weight: 1, arbitrary: eventIds.map((close) => ({ close })) },
);

describe('WorkspaceModel under any sequence of vendor events', () => {
  it('never throws, never logs an internal error, never reaches an impossible state', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const errors: unknown[] = [];
        const ignore = () => undefined;
        const logger: Logger = { debug: ignore, info: ignore, warn: ignore, error: (fields) => errors.push(fields) };
        const model = new WorkspaceModel({ logger });
        const ended = new Set<string>();
        const shown = new Map<string, Interaction>();
        model.on('interactionChanged', ({ interaction, previous }) => {
          expect(previous).toBe(shown.get(interaction.eventId));
          shown.set(interaction.eventId, interaction);
        });
        model.on('interactionClosed', ({ interaction }) => shown.delete(interaction.eventId));

        for (const step of steps) {
          if ('apply' in step) model.apply(step.apply);
          else model.close(step.close);

          for (const interaction of model.interactions) {
            checkInteraction(interaction);
            if (isLive(interaction.state)) expect(ended.has(interaction.eventId)).toBe(false);
            else ended.add(interaction.eventId);
            expect(shown.get(interaction.eventId)).toBe(interaction);
          }
          for (const eventId of shown.keys()) expect(model.interaction(eventId)).toBeDefined();
          expect(['loggedOut', 'notReady', 'ready', 'afterCallWork']).toContain(model.agent.kind);
        }
        expect(errors).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
