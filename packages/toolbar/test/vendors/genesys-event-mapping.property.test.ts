import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callStates, callTypes, TSERVER_EVENT_NAMES, tserverEventSchema, type Snapshot, type TServerWireEvent } from '@ctikit/protocol';
import { isLive } from '../../src/core/interaction-state.ts';
import type { Logger } from '../../src/core/logger.ts';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { TServerEventMapper } from '../../src/vendors/genesys/event-mapping.ts';
import { checkInteraction } from '../core/support/invariants.ts';

/**
 * Any sequence of well-formed bridge frames — T-Server events in any order, repeated, about legs
 * the toolbar never heard of, mixed with snapshots — goes through the mapping into the model
 * without a throw, an internal error, or an impossible interaction.
 */
const eventId = fc.constantFrom('e1', 'e2', 'e3');
const connectionId = fc.constantFrom('c1', 'c2', 'c3');
const dn = fc.constantFrom('5001', '5002', '4155550123');
const timestamp = fc.integer({ min: 1_700_000_000_000, max: 1_700_000_100_000 });

const wireEvent: fc.Arbitrary<TServerWireEvent> = fc
  .record(
    {
      eventName: fc.constantFrom(...TSERVER_EVENT_NAMES),
      timestamp,
      thisDN: fc.constant('5001'),
      eventId,
      connectionId,
      previousConnectionId: connectionId,
      transferConnectionId: connectionId,
      callType: fc.constantFrom(...callTypes),
      ANI: dn,
      DNIS: dn,
      otherDN: dn,
      callState: fc.constantFrom(...callStates),
      parties: fc.array(dn, { maxLength: 3 }),
      userData: fc.dictionary(fc.constantFrom('a', 'b'), fc.oneof(fc.string({ maxLength: 4 }), fc.integer())),
      recordingState: fc.constantFrom('Stopped', 'Recording', 'Paused'),
      workMode: fc.constantFrom('ManualIn', 'AutoIn', 'AuxWork', 'AfterCallWork'),
      reasons: fc.constantFrom({ ReasonCode: 'Lunch' }, {}),
      referenceId: fc.constantFrom('mine-1', 'theirs-1'),
      errorCode: fc.constantFrom('INVALID_CALL_STATE', 'INVALID_CONNECTION_ID'),
    },
    { requiredKeys: ['eventName', 'timestamp'] },
  )
  .map((event) => tserverEventSchema.safeParse(event))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data as TServerWireEvent);

const snapshot: fc.Arbitrary<Snapshot> = fc.record({
  eventName: fc.constant('Snapshot' as const),
  timestamp,
  lastSeq: fc.nat(),
  agent: fc.record({
    agentId: fc.constant('agent1'),
    dn: fc.constant('5001'),
    registered: fc.boolean(),
    state: fc.constantFrom('LoggedOut', 'NotReady', 'Ready'),
  }),
  calls: fc.uniqueArray(
    fc.record({
      eventId,
      connectionId,
      callUuid: fc.constant('U'),
      callType: fc.constantFrom(...callTypes),
      state: fc.constantFrom('Ringing', 'Dialing', 'Established', 'Held'),
      ANI: dn,
      parties: fc.array(dn, { maxLength: 3 }),
      userData: fc.constant({}),
      muted: fc.boolean(),
      recordingState: fc.constantFrom('Stopped', 'Recording', 'Paused'),
      startedAt: timestamp,
    }),
    { selector: (call) => call.eventId, maxLength: 3 },
  ),
});

describe('T-Server frames → mapping → workspace model', () => {
  it('no sequence of frames throws, logs an internal error or leaves an impossible interaction', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 8, arbitrary: wireEvent }, { weight: 1, arbitrary: snapshot }), { maxLength: 60 }), (frames) => {
        const errors: unknown[] = [];
        const ignore = () => undefined;
        const logger: Logger = { debug: ignore, info: ignore, warn: ignore, error: (fields) => errors.push(fields) };
        const model = new WorkspaceModel({ logger });
        const mapper = new TServerEventMapper({ isOwnCommand: (referenceId) => referenceId === 'mine-1' });
        const ended = new Set<string>();
        for (const frame of frames) {
          const events = frame.eventName === 'Snapshot' ? [mapper.mapSnapshot(frame)] : mapper.map(frame);
          for (const event of events) model.apply(event);
          for (const interaction of model.interactions) {
            checkInteraction(interaction);
            if (isLive(interaction.state)) expect(ended.has(interaction.eventId)).toBe(false);
            else ended.add(interaction.eventId);
          }
          for (const leg of mapper.legs.all()) expect(mapper.legs.eventIdOf(leg.connectionId)).toBe(leg.eventId);
        }
        expect(errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
