import type { CallDirection, Interaction as ScapiInteraction, InteractionEventType, InteractionStateName } from '@ctikit/service-client';
import type { Interaction } from '../core/interaction.ts';
import { interactionView, stateName, type InteractionMemory } from './scapi-objects.ts';
import type { NameFilter } from './security-options.ts';

/**
 * The interaction topic, derived from the workspace model's change events: each change of a call
 * is turned into its interaction.Interaction and compared with the one extensions saw last, and
 * every difference is an event. The model moves only on the vendor's events, so these do too.
 *
 * | what changed | eventType |
 * |---|---|
 * | the call appeared | ADDED, then its state's event |
 * | state | RINGING, DIALING, ESTABLISHED (talking, retrieved), HELD, RELEASED (ended) |
 * | userData (as read-allowed) | ATTACHED_DATA_CHANGED |
 * | caseId / bundleId | CASE_OR_BUNDLE_ID_CHANGED |
 * | parties | PARTY_CHANGED |
 * | recordingState | CALL_RECORDING_STATE_CHANGED |
 * | the call was closed (wrap-up done) | REMOVED |
 */

const STATE_EVENTS: Record<InteractionStateName, InteractionEventType | undefined> = {
  UNKNOWN: undefined,
  RINGING: 'RINGING',
  DIALING: 'DIALING',
  TALKING: 'ESTABLISHED',
  HELD: 'HELD',
  IDLE: 'RELEASED',
};

function sameRecord(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/** The events between what extensions saw (`before`) and the call now. */
export function interactionEvents(before: ScapiInteraction | undefined, after: ScapiInteraction): InteractionEventType[] {
  const events: InteractionEventType[] = [];
  const stateEvent = STATE_EVENTS[after.state];
  if (!before) {
    events.push('ADDED');
    if (stateEvent) events.push(stateEvent);
    return events;
  }
  if (before.state !== after.state && stateEvent) events.push(stateEvent);
  if (!sameRecord(before.userData, after.userData)) events.push('ATTACHED_DATA_CHANGED');
  if (before.caseId !== after.caseId || before.bundleId !== after.bundleId) events.push('CASE_OR_BUNDLE_ID_CHANGED');
  if (before.parties.map((p) => p.name).join('\n') !== after.parties.map((p) => p.name).join('\n')) events.push('PARTY_CHANGED');
  if (before.recordingState !== after.recordingState) events.push('CALL_RECORDING_STATE_CHANGED');
  return events;
}

export interface TrackerContext {
  readonly readAllowed: NameFilter;
  readonly selectedCaseId: () => string | undefined;
  readonly markDoneBlocked: (eventId: string) => boolean;
}

interface Tracked extends InteractionMemory {
  readonly seen: ScapiInteraction;
}

function startedAs(interaction: Interaction): CallDirection {
  if (interaction.state === 'offered') return 'IN';
  if (interaction.state === 'dialing') return 'OUT';
  if (interaction.direction === 'inbound') return 'IN';
  if (interaction.direction === 'outbound') return 'OUT';
  return 'UNKNOWN';
}

export class InteractionTracker {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly context: TrackerContext) {}

  /** A call of the model changed (or appeared): its view now and the events extensions get. */
  changed(interaction: Interaction): { view: ScapiInteraction; events: InteractionEventType[] } {
    const known = this.tracked.get(interaction.eventId);
    const state = stateName(interaction.state);
    const memory: InteractionMemory = known
      ? { startedAs: known.startedAs, previousState: known.seen.state !== state ? known.seen.state : known.previousState }
      : { startedAs: startedAs(interaction), previousState: 'UNKNOWN' };
    const view = this.build(interaction, memory);
    this.tracked.set(interaction.eventId, { ...memory, seen: view });
    return { view, events: interactionEvents(known?.seen, view) };
  }

  /** A call was closed: its last view, for REMOVED; the tracker forgets it. */
  closed(interaction: Interaction): ScapiInteraction {
    const known = this.tracked.get(interaction.eventId);
    this.tracked.delete(interaction.eventId);
    return this.build(interaction, known ?? { startedAs: startedAs(interaction), previousState: 'UNKNOWN' });
  }

  /** The view of a call now (for requests), with the memory of its past. */
  view(interaction: Interaction): ScapiInteraction {
    const known = this.tracked.get(interaction.eventId);
    return this.build(interaction, known ?? { startedAs: startedAs(interaction), previousState: 'UNKNOWN' });
  }

  private build(interaction: Interaction, memory: InteractionMemory): ScapiInteraction {
    return interactionView(interaction, {
      readAllowed: this.context.readAllowed,
      memory,
      selectedCaseId: this.context.selectedCaseId(),
      markDoneBlocked: this.context.markDoneBlocked(interaction.eventId),
    });
  }
}
