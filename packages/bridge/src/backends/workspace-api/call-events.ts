import { callTypes, recordingStates } from '@ctikit/protocol';
import type { CallEventName, LegState, CallState, CallType, CallWireEvent, TServerRecordingState, UserData } from '@ctikit/protocol';
import type { CallLegSnapshot, PortEvent, TServerRequest } from '@ctikit/contact-center';

type CallPortEvent = PortEvent<CallWireEvent>;
import type { KvPair, WorkspaceCall } from './workspace-wire.ts';

/**
 * One call leg on the agent's DN as the Workspace API reports it, and the T-Server events a
 * `CallStateChanged` stands for, derived from the change between the leg as it was and as it is
 * (as the official client does: a calls map, re-keyed when `previousConnId` names a known call):
 *
 *     (new) ──▶ Ringing | Dialing | Established | Held   EventRinging | EventDialing | EventEstablished | EventHeld
 *     Ringing | Dialing ──▶ Established                  EventEstablished
 *     Established ──▶ Held ──▶ Established               EventHeld, EventRetrieved
 *     * ──▶ Released                                     EventReleased (EventAbandoned: ringing, and not the agent's doing)
 *     previousConnId known                               EventPartyChanged with previousConnectionId
 *     ParticipantsUpdated                                EventPartyAdded / EventPartyDeleted per party
 *     AttachedDataChanged, CallRecordingStateChange      EventAttachedDataChanged
 *
 * (EventDTMFSent is not a call change: the backend reports it when the Workspace API accepts the digits.)
 * The caller is read as Genesys sends it: `ani` / `dnis` when the call carries them, else the
 * participants with the roles RoleOrigination / RoleDestination.
 */
export type CallViewState = LegState | 'Released';

export interface CallView {
  connectionId: string;
  /** The id the `voice/calls/{id}/…` operations take. */
  callId: string;
  callUuid: string;
  callType: CallType;
  state: CallViewState;
  ANI?: string | undefined;
  DNIS?: string | undefined;
  /** The other parties, the one the DN talks to first. */
  participants: string[];
  /** The parties the agent has been told about: EventPartyAdded/Deleted are derived against these. */
  reported: string[];
  userData: UserData;
  recordingState: TServerRecordingState;
  /** On a consultation: the held main call. */
  parentConnId?: string | undefined;
  /** On a main call: the consultation in progress. */
  consultConnId?: string | undefined;
  startedAt: number;
}

/** What caused a notification: the agent's request when it carries that request's operationId. */
export interface Cause {
  thisDN: string;
  agentId?: string | undefined;
  request?: TServerRequest | undefined;
}

const LEG_STATES: Record<string, CallViewState> = {
  Ringing: 'Ringing',
  Dialing: 'Dialing',
  Established: 'Established',
  Held: 'Held',
  Released: 'Released',
  Completed: 'Released',
};

function userDataOf(pairs: readonly KvPair[]): UserData {
  const data: UserData = {};
  for (const { key, type, value } of pairs) {
    data[key] = type === 'int' && typeof value === 'number' ? value : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return data;
}

export function kvListOf(userData: UserData): Array<{ key: string; type: 'str' | 'int'; value: string | number }> {
  return Object.entries(userData).map(([key, value]) =>
    typeof value === 'number' && Number.isInteger(value) ? { key, type: 'int', value } : { key, type: 'str', value: String(value) },
  );
}

/** The leg a Workspace Call describes, carrying over what the backend knew of it; `undefined` for a state it does not know. */
export function callViewOf(call: WorkspaceCall, before: CallView | undefined, now: number): CallView | undefined {
  const state = LEG_STATES[call.state];
  if (state === undefined) return undefined;
  const callType = (callTypes as readonly string[]).includes(call.callType ?? '') ? (call.callType as CallType) : (before?.callType ?? 'Unknown');
  const recordingState = (recordingStates as readonly string[]).includes(call.recordingState ?? '')
    ? (call.recordingState as TServerRecordingState)
    : (before?.recordingState ?? 'Stopped');
  const participants = call.participants.map((participant) => participant.number);
  const withRole = (role: string): string | undefined => call.participants.find((participant) => participant.role === role)?.number;
  return {
    connectionId: call.connId ?? call.id,
    callId: call.id,
    callUuid: call.callUuid ?? before?.callUuid ?? '',
    callType,
    state,
    ANI: call.ani ?? withRole('RoleOrigination') ?? before?.ANI,
    DNIS: call.dnis ?? withRole('RoleDestination') ?? before?.DNIS,
    participants,
    reported: before?.reported ?? participants,
    userData: userDataOf(call.userData),
    recordingState,
    parentConnId: call.parentConnId ?? before?.parentConnId,
    consultConnId: before?.consultConnId,
    startedAt: before?.startedAt ?? now,
  };
}

/** The attributes every call event and leg snapshot carries. */
function legFields(view: CallView, thisDN: string) {
  const transferConnectionId = view.parentConnId ?? view.consultConnId;
  const otherDN = view.participants[0];
  return {
    connectionId: view.connectionId,
    callUuid: view.callUuid,
    callType: view.callType,
    ...(view.ANI !== undefined ? { ANI: view.ANI } : {}),
    ...(view.DNIS !== undefined ? { DNIS: view.DNIS } : {}),
    ...(otherDN !== undefined ? { otherDN } : {}),
    ...(transferConnectionId !== undefined ? { transferConnectionId } : {}),
    parties: [thisDN, ...view.participants],
    userData: { ...view.userData },
    recordingState: view.recordingState,
  };
}

export function legSnapshot(view: CallView, thisDN: string): CallLegSnapshot | undefined {
  if (view.state === 'Released') return undefined;
  return { ...legFields(view, thisDN), state: view.state, muted: false, startedAt: view.startedAt };
}

function stateEvent(before: CallViewState | undefined, after: LegState): CallEventName | undefined {
  if (before === after) return undefined;
  switch (after) {
    case 'Ringing':
      return 'EventRinging';
    case 'Dialing':
      return 'EventDialing';
    case 'Held':
      return 'EventHeld';
    case 'Established':
      return before === 'Held' ? 'EventRetrieved' : 'EventEstablished';
  }
}

/** How a leg ended, as far as the agent's own request tells. */
function releaseState(before: CallView, request: TServerRequest | undefined): CallState {
  switch (request?.request) {
    case 'RequestReleaseCall':
      return before.state === 'Ringing' ? 'Rejected' : 'OK';
    case 'RequestSingleStepTransfer':
    case 'RequestCompleteTransfer':
      return 'Transferred';
    case 'RequestCompleteConference':
      return 'Conferenced';
    default:
      return 'OK';
  }
}

export interface CallChange {
  before: CallView | undefined;
  after: CallView;
  /** The ConnID the call had before, when the notification re-keyed a known call. */
  previousConnectionId?: string | undefined;
  notificationType: string;
  cause: Cause;
  referenceId?: string | undefined;
}

/** An event about one leg, with the attributes every call event carries. */
export function legEvent(
  eventName: CallEventName,
  view: CallView,
  addressing: { thisDN: string; agentId?: string | undefined },
  referenceId: string | undefined,
  extra: Partial<CallPortEvent> = {},
): CallPortEvent {
  return {
    eventName,
    thisDN: addressing.thisDN,
    ...(addressing.agentId !== undefined ? { agentId: addressing.agentId } : {}),
    ...(referenceId !== undefined ? { referenceId } : {}),
    ...legFields(view, addressing.thisDN),
    ...extra,
  };
}

export function callEvents(change: CallChange): CallPortEvent[] {
  const { before, after, previousConnectionId, cause } = change;
  const event = (eventName: CallEventName, extra: Partial<CallPortEvent> = {}): CallPortEvent => legEvent(eventName, after, cause, change.referenceId, extra);
  if (after.state === 'Released') {
    if (!before || before.state === 'Released') return [];
    if (before.state === 'Ringing' && cause.request === undefined) return [event('EventAbandoned', { callState: 'Abandoned' })];
    return [event('EventReleased', { callState: releaseState(before, cause.request) })];
  }
  const events: CallPortEvent[] = [];
  if (previousConnectionId !== undefined && before) {
    const left = before.reported.filter((number) => !after.participants.includes(number));
    events.push(event('EventPartyChanged', { previousConnectionId, ...(left.length === 1 ? { thirdPartyDN: left[0] } : {}) }));
  }
  const transition = stateEvent(before?.state, after.state);
  if (transition) events.push(event(transition));
  if (before && previousConnectionId === undefined && change.notificationType === 'ParticipantsUpdated') {
    for (const number of after.participants) if (!before.reported.includes(number)) events.push(event('EventPartyAdded', { thirdPartyDN: number }));
    for (const number of before.reported) if (!after.participants.includes(number)) events.push(event('EventPartyDeleted', { thirdPartyDN: number }));
  }
  if (change.notificationType === 'AttachedDataChanged' || change.notificationType === 'CallRecordingStateChange') {
    events.push(event('EventAttachedDataChanged'));
  }
  return events;
}

/** The participants the agent knows after a change: updated when the parties were reported (or re-keyed). */
export function reportedAfter(change: Pick<CallChange, 'before' | 'after' | 'previousConnectionId' | 'notificationType'>): string[] {
  const { before, after } = change;
  if (!before || change.previousConnectionId !== undefined || change.notificationType === 'ParticipantsUpdated') return after.participants;
  return before.reported;
}
