import {
  errorCodeForTServer,
  type AgentWireEvent,
  type CallSnapshot,
  type CallState,
  type CallWireEvent,
  type ErrorWireEvent,
  type LegState,
  type TServerRecordingState,
  type Snapshot,
  type TServerEventName,
  type TServerEventOf,
  type TServerWireEvent,
} from '@ctikit/protocol';
import type { AgentState } from '../../core/agent-state.ts';
import type { Direction, EndCause, InteractionDetails, RecordingState } from '../../core/interaction.ts';
import type { LiveInteractionState } from '../../core/interaction-state.ts';
import { failure, isCtiErrorCode, type CtiErrorCode, type VendorCause } from '../../core/outcome.ts';
import type { LiveInteractionSnapshot, VendorEvent, VendorEventOf } from '../../core/vendor-events.ts';
import { CallLegs } from './call-legs.ts';
import { callRecordOf, outboundEvents } from './outbound-events.ts';

/**
 * T-Server events (as the bridge forwards them) → the core's vendor events. One handler per event
 * name in a typed table; the call legs remember what each handler needs from earlier events.
 *
 * | T-Server event | core event |
 * |---|---|
 * | EventRinging | interactionOffered |
 * | EventDialing | interactionDialing (a consultation also links the held call) |
 * | EventEstablished | interactionConnected |
 * | EventHeld / EventRetrieved | interactionHeld / interactionRetrieved |
 * | EventReleased | interactionEnded, cause from CallState and the leg's state before (see `releaseCause`) |
 * | EventAbandoned | interactionEnded{abandoned} |
 * | EventPartyChanged | interactionDataChanged: same eventId, new ConnID, parties, who the call is with |
 * | EventPartyAdded / Deleted, EventAttachedDataChanged | interactionDataChanged |
 * | EventMuteOn / Off | interactionMuteChanged |
 * | EventAgentLogin / Ready / NotReady / Logout | agentStateChanged (NotReady AfterCallWork → afterCallWork, ending `WrapUpTime` s later when timed) |
 * | EventUserEvent (Outbound Contact Server's GSW_USER_EVENT) | campaignChanged / recordChanged (`outbound-events.ts`) |
 * | EventError | commandFailed, unless it repeats the failure of one of this client's own commands |
 * | Snapshot | resynced |
 *
 * EventRegistered / Unregistered, EventNetworkReached, EventDestinationBusy (EventReleased follows),
 * EventDTMFSent and the link events change no interaction or agent state; the vendor watches the
 * registration and link events itself.
 */
export interface MappingOptions {
  /** The label of a not-ready reason code. */
  reasonLabel?: (code: string) => string | undefined;
  /** Whether a referenceId is one of this client's commands (whose failure its caller already has). */
  isOwnCommand?: (referenceId: string) => boolean;
}

/** One handler per event name, each given the event of its own family (a call event always has its eventId and ConnID). */
type Handlers = { [N in TServerEventName]: (event: TServerEventOf<N>, mapper: TServerEventMapper) => VendorEvent[] };

const RECORDING: Record<TServerRecordingState, RecordingState> = { Stopped: 'stopped', Recording: 'recording', Paused: 'paused' };

const LIVE_STATES: Record<LegState, LiveInteractionState> = {
  Ringing: 'offered',
  Dialing: 'dialing',
  Established: 'connected',
  Held: 'held',
};

function failed(code: CtiErrorCode, message: string): EndCause {
  return { kind: 'failed', code, message };
}

/** How a released leg ended: by its CallState, read against the state the leg was in. */
export function releaseCause(before: LegState | undefined, callState: CallState | undefined): EndCause {
  if (callState === 'Transferred') return { kind: 'transferred' };
  if (before === 'Ringing') {
    if (callState === 'Rejected') return { kind: 'rejected' };
    if (callState === 'Abandoned') return { kind: 'abandoned' };
    return { kind: 'missed' };
  }
  if (before === 'Dialing') {
    if (callState === 'Busy') return failed('TERMINATING_PARTY_BUSY', 'The destination is busy.');
    if (callState === 'NoAnswer') return failed('DESTINATION_NO_ANSWER', 'The destination did not answer.');
    if (callState === 'Rejected') return failed('DESTINATION_REJECTED', 'The destination rejected the call.');
    return { kind: 'canceled' };
  }
  return { kind: 'completed' };
}

/** Who placed the call decides its direction and number: the agent's own DN as ANI means the agent dialed. */
interface CallFields {
  thisDN?: string | undefined;
  callType?: CallWireEvent['callType'];
  ANI?: string | undefined;
  DNIS?: string | undefined;
  otherDN?: string | undefined;
}

export function directionOf(call: CallFields): Direction {
  if (call.callType === 'Consult') return 'consult';
  if (call.callType === 'Internal') return 'internal';
  return call.ANI !== undefined && call.ANI === call.thisDN ? 'outbound' : 'inbound';
}

/** The customer's (or colleague's) number: the dialed number on the agent's own calls, else the caller. */
export function phoneNumberOf(call: CallFields): string {
  if (call.ANI !== undefined && call.ANI === call.thisDN) return call.otherDN ?? call.DNIS ?? '';
  if (call.callType === 'Inbound') return call.ANI ?? call.otherDN ?? '';
  return call.otherDN ?? call.ANI ?? '';
}

function agentState(workMode: string | undefined, reasonCode: string | undefined, label: MappingOptions['reasonLabel']): AgentState {
  if (workMode === 'AfterCallWork') return { kind: 'afterCallWork' };
  if (reasonCode === undefined) return { kind: 'notReady' };
  const reasonLabel = label?.(reasonCode);
  return { kind: 'notReady', reasonCode, ...(reasonLabel !== undefined ? { reasonLabel } : {}) };
}

/** After-call work; a timed one (T-Server's `WrapUpTime` extension, seconds) ends that long after the event. */
function afterCallWork(event: AgentWireEvent): AgentState {
  const seconds = Number(event.extensions?.['WrapUpTime']);
  return Number.isInteger(seconds) && seconds > 0 ? { kind: 'afterCallWork', endsAt: event.timestamp + seconds * 1000 } : { kind: 'afterCallWork' };
}

const agentEvent =
  (state: (event: AgentWireEvent, mapper: TServerEventMapper) => AgentState) =>
  (event: AgentWireEvent, mapper: TServerEventMapper): VendorEvent[] => [{ type: 'agentStateChanged', state: state(event, mapper), at: event.timestamp }];

const nothing = (): VendorEvent[] => [];

const HANDLERS: Handlers = {
  EventRegistered: nothing,
  EventUnregistered: nothing,
  EventAgentLogin: agentEvent((event) => agentState(event.workMode, undefined, undefined)),
  EventAgentLogout: agentEvent(() => ({ kind: 'loggedOut' })),
  EventAgentReady: agentEvent(() => ({ kind: 'ready' })),
  EventAgentNotReady: agentEvent((event, mapper) =>
    event.workMode === 'AfterCallWork' ? afterCallWork(event) : agentState(event.workMode, event.reasons?.['ReasonCode'], mapper.reasonLabel),
  ),
  EventRinging: (event, mapper) => mapper.started(event, 'Ringing'),
  EventDialing: (event, mapper) => mapper.started(event, 'Dialing'),
  EventNetworkReached: nothing,
  EventEstablished: (event, mapper) => mapper.moved(event, 'Established', 'interactionConnected'),
  EventHeld: (event, mapper) => mapper.moved(event, 'Held', 'interactionHeld'),
  EventRetrieved: (event, mapper) => mapper.moved(event, 'Established', 'interactionRetrieved'),
  EventReleased: (event, mapper) => mapper.ended(event, (before) => releaseCause(before, event.callState)),
  EventAbandoned: (event, mapper) =>
    mapper.ended(event, (before) => (before === undefined || before === 'Ringing' ? { kind: 'abandoned' } : { kind: 'completed' })),
  EventDestinationBusy: nothing,
  EventPartyChanged: (event, mapper) => mapper.partyChanged(event),
  EventPartyAdded: (event, mapper) => mapper.dataChanged(event, { parties: event.parties }),
  EventPartyDeleted: (event, mapper) => mapper.dataChanged(event, { parties: event.parties }),
  EventAttachedDataChanged: (event, mapper) =>
    mapper.dataChanged(event, {
      userData: event.userData,
      recordingState: event.recordingState === undefined ? undefined : RECORDING[event.recordingState],
    }),
  EventDTMFSent: nothing,
  EventMuteOn: (event) => [{ type: 'interactionMuteChanged', eventId: event.eventId, muted: true, at: event.timestamp }],
  EventMuteOff: (event) => [{ type: 'interactionMuteChanged', eventId: event.eventId, muted: false, at: event.timestamp }],
  EventUserEvent: (event) => outboundEvents(event),
  EventError: (event, mapper) => mapper.error(event),
  EventLinkDisconnected: nothing,
  EventLinkConnected: nothing,
};

export class TServerEventMapper {
  readonly legs = new CallLegs();

  constructor(private readonly options: MappingOptions = {}) {}

  get reasonLabel(): MappingOptions['reasonLabel'] {
    return this.options.reasonLabel;
  }

  map(event: TServerWireEvent): VendorEvent[] {
    // The table gives each name the handler of its family; TypeScript cannot correlate the lookup with the event.
    const handler = HANDLERS[event.eventName] as (event: TServerWireEvent, mapper: TServerEventMapper) => VendorEvent[];
    return handler(event, this);
  }

  /** A full snapshot: the legs are rebuilt from it and the model is told to replace its state. */
  mapSnapshot(snapshot: Snapshot): VendorEventOf<'resynced'> {
    this.legs.clear();
    for (const call of snapshot.calls) {
      this.legs.set({
        eventId: call.eventId,
        connectionId: call.connectionId,
        state: call.state,
        ...(call.transferConnectionId !== undefined ? { linkedConnectionId: call.transferConnectionId } : {}),
      });
    }
    const { agent } = snapshot;
    const interactions: LiveInteractionSnapshot[] = snapshot.calls.map((call) => ({
      eventId: call.eventId,
      state: LIVE_STATES[call.state],
      details: this.details({ ...call, thisDN: agent.dn }),
      offeredAt: call.startedAt,
      muted: call.muted,
    }));
    return {
      type: 'resynced',
      agent:
        agent.state === 'LoggedOut'
          ? { kind: 'loggedOut' }
          : agent.state === 'Ready'
            ? { kind: 'ready' }
            : agentState(agent.workMode, agent.reasonCode, this.options.reasonLabel),
      interactions,
      at: snapshot.timestamp,
    };
  }

  started(event: CallWireEvent, state: 'Ringing' | 'Dialing'): VendorEvent[] {
    const { eventId, connectionId, transferConnectionId } = event;
    this.legs.set({ eventId, connectionId, state, ...(transferConnectionId ? { linkedConnectionId: transferConnectionId } : {}) });
    const details = this.details(event);
    const started: VendorEvent = {
      type: state === 'Ringing' ? 'interactionOffered' : 'interactionDialing',
      eventId,
      details,
      at: event.timestamp,
    };
    const main = details.linkedEventId;
    if (main === undefined) return [started];
    this.legs.update(main, { linkedConnectionId: connectionId });
    return [started, { type: 'interactionDataChanged', eventId: main, linkedEventId: eventId, at: event.timestamp }];
  }

  moved(event: CallWireEvent, state: LegState, type: 'interactionConnected' | 'interactionHeld' | 'interactionRetrieved'): VendorEvent[] {
    const { eventId, connectionId } = event;
    const leg = this.legs.get(eventId);
    this.legs.set({ ...(leg ?? {}), eventId, connectionId, state });
    return [{ type, eventId, at: event.timestamp }];
  }

  ended(event: CallWireEvent, cause: (before: LegState | undefined) => EndCause): VendorEvent[] {
    const { eventId } = event;
    const leg = this.legs.remove(eventId);
    const ended: VendorEvent[] = [{ type: 'interactionEnded', eventId, cause: cause(leg?.state), at: event.timestamp }];
    if (!leg) return ended;
    for (const other of this.legs.all()) {
      if (other.linkedConnectionId !== leg.connectionId) continue;
      this.legs.update(other.eventId, { linkedConnectionId: undefined });
      ended.push({ type: 'interactionDataChanged', eventId: other.eventId, linkedEventId: null, at: event.timestamp });
    }
    return ended;
  }

  /** The leg got a new ConnID (the consulted agent's leg joining the main call) and keeps its eventId. */
  partyChanged(event: CallWireEvent): VendorEvent[] {
    const { eventId, connectionId } = event;
    const leg = this.legs.get(eventId);
    if (leg) {
      this.legs.set({
        ...leg,
        connectionId,
        linkedConnectionId: event.transferConnectionId,
      });
    }
    const linked = event.transferConnectionId === undefined ? undefined : this.legs.eventIdOf(event.transferConnectionId);
    return this.dataChanged(event, {
      parties: event.parties,
      userData: event.userData,
      direction: directionOf(event),
      phoneNumber: phoneNumberOf(event),
      linkedEventId: linked ?? null,
    });
  }

  dataChanged(event: CallWireEvent, change: Omit<VendorEventOf<'interactionDataChanged'>, 'type' | 'eventId' | 'at'>): VendorEvent[] {
    const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    return [{ type: 'interactionDataChanged', eventId: event.eventId, ...defined, at: event.timestamp }];
  }

  error(event: ErrorWireEvent): VendorEvent[] {
    if (event.referenceId !== undefined && this.options.isOwnCommand?.(event.referenceId)) return [];
    const code: CtiErrorCode = isCtiErrorCode(event.errorCode)
      ? event.errorCode
      : event.tserverErrorCode !== undefined
        ? errorCodeForTServer(event.tserverErrorCode)
        : 'INTERNAL_ERROR';
    const reported = failure(code, event.errorMessage, tserverCause(event.tserverErrorCode));
    return [{ type: 'commandFailed', failure: reported, ...(event.eventId ? { eventId: event.eventId } : {}), at: event.timestamp }];
  }

  private details(call: CallFields & Omit<Partial<CallSnapshot>, 'state'> & { thisQueue?: string | undefined }): InteractionDetails {
    const linked = call.transferConnectionId === undefined ? undefined : this.legs.eventIdOf(call.transferConnectionId);
    const campaignRecord = callRecordOf(call.userData);
    return {
      direction: directionOf(call),
      phoneNumber: phoneNumberOf(call),
      ...(call.DNIS !== undefined ? { dnis: call.DNIS } : {}),
      ...(call.callUuid !== undefined ? { callUuid: call.callUuid } : {}),
      ...(call.thisQueue !== undefined ? { queue: call.thisQueue } : {}),
      userData: call.userData ?? {},
      parties: call.parties ?? [],
      recordingState: call.recordingState === undefined ? 'stopped' : RECORDING[call.recordingState],
      ...(linked !== undefined ? { linkedEventId: linked } : {}),
      ...(campaignRecord !== undefined ? { campaignRecord } : {}),
    };
  }
}

/** A T-Library error number as the failure's vendor cause. */
export function tserverCause(tserverErrorCode: number | undefined): VendorCause | undefined {
  return tserverErrorCode === undefined ? undefined : { vendor: 'genesys', code: tserverErrorCode };
}
