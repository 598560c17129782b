import type { AgentSnapshot, CallWireEvent, UserData } from '@ctikit/protocol';
import type { CallLegSnapshot, PortEvent } from '@ctikit/contact-center';
import type { KvPair, Participant, WorkspaceCall, WorkspaceCallState, WorkspaceDn } from './wire.ts';

/**
 * The Workspace Call and Dn models, built from what the engine reports for one DN: a call event
 * (with the call as the face last published it) or a leg snapshot, and the agent's state.
 */

/** The operations a call offers in each state, as `capabilities`. */
function capabilitiesOf(call: Pick<WorkspaceCall, 'state' | 'parentConnId' | 'participants' | 'recordingState'>): string[] {
  const userData = ['attach-user-data', 'update-user-data', 'delete-user-data-pair'];
  const recording =
    call.recordingState === 'Stopped'
      ? ['start-recording']
      : call.recordingState === 'Recording'
        ? ['pause-recording', 'stop-recording']
        : ['resume-recording', 'stop-recording'];
  const consultation = call.parentConnId !== undefined ? ['complete-transfer', 'complete-conference', 'reconnect'] : [];
  switch (call.state) {
    case 'Ringing':
      return ['answer', 'release', ...userData];
    case 'Dialing':
      return ['release', ...consultation, ...userData];
    case 'Established':
      return [
        'release',
        'hold',
        'send-dtmf',
        'single-step-transfer',
        'initiate-transfer',
        'initiate-conference',
        ...(call.participants.length >= 2 ? ['delete-from-conference'] : []),
        ...consultation,
        ...userData,
        ...recording,
      ];
    case 'Held':
      return ['retrieve', 'release', 'single-step-transfer', ...userData, ...recording];
    case 'Released':
      return [];
  }
}

function toKvList(userData: UserData): KvPair[] {
  return Object.entries(userData).map(([key, value]) =>
    typeof value === 'number' && Number.isInteger(value) ? { key, type: 'int', value } : { key, type: 'str', value: String(value) },
  );
}

/** The engine's flat user data: a `kvlist` value is kept as the JSON text of its pairs as an object. */
export function fromKvList(pairs: readonly KvPair[]): UserData {
  return Object.fromEntries(pairs.map((pair) => [pair.key, pair.type === 'kvlist' ? JSON.stringify(nested(pair.value)) : pair.value]));
}

function nested(pairs: readonly KvPair[]): Record<string, unknown> {
  return Object.fromEntries(pairs.map((pair) => [pair.key, pair.type === 'kvlist' ? nested(pair.value) : pair.value]));
}

/** The other parties, the one the DN talks to (or dials) first. */
function participantsOf(parties: readonly string[], self: string, ani: string, otherDN: string | undefined): Participant[] {
  const numbers = [...new Set([...(otherDN !== undefined ? [otherDN] : []), ...parties])].filter((number) => number !== self);
  return numbers.map((number) => ({ number, role: number === ani ? 'RoleOrigination' : 'RoleDestination' }));
}

/** The state a call event leaves the DN's leg in; `undefined` for events the Workspace API does not report. */
export function stateAfter(event: PortEvent, before: WorkspaceCallState | undefined): WorkspaceCallState | undefined {
  switch (event.eventName) {
    case 'EventRinging':
      return 'Ringing';
    case 'EventDialing':
      return 'Dialing';
    case 'EventEstablished':
    case 'EventRetrieved':
      return 'Established';
    case 'EventHeld':
      return 'Held';
    case 'EventReleased':
    case 'EventAbandoned':
      return 'Released';
    case 'EventPartyChanged':
    case 'EventPartyAdded':
    case 'EventPartyDeleted':
    case 'EventAttachedDataChanged':
    case 'EventDTMFSent':
      return before ?? 'Established';
    default:
      return undefined;
  }
}

interface LegFacts {
  connectionId: string;
  callUuid: string;
  callType: string;
  ANI: string;
  DNIS: string;
  otherDN?: string | undefined;
  transferConnectionId?: string | undefined;
  parties: readonly string[];
  userData: UserData;
  recordingState: WorkspaceCall['recordingState'];
}

function callModel(dn: string, facts: LegFacts, state: WorkspaceCallState, previousConnId?: string): WorkspaceCall {
  const parentConnId = facts.callType === 'Consult' ? facts.transferConnectionId : undefined;
  const call: WorkspaceCall = {
    type: 'Call',
    id: facts.connectionId,
    connId: facts.connectionId,
    ...(previousConnId !== undefined ? { previousConnId } : {}),
    ...(parentConnId !== undefined ? { parentConnId } : {}),
    phoneNumber: dn,
    callUuid: facts.callUuid,
    callType: facts.callType,
    state,
    capabilities: [],
    participants: participantsOf(facts.parties, dn, facts.ANI, facts.otherDN),
    dnis: facts.DNIS,
    recordingState: facts.recordingState,
    userData: toKvList(facts.userData),
    extensions: [],
  };
  call.capabilities = capabilitiesOf(call);
  return call;
}

/** The call after an engine event; `before` is the call as last published (under its previous ConnID on a PartyChanged). */
export function callFromEvent(dn: string, event: PortEvent<CallWireEvent>, state: WorkspaceCallState, before: WorkspaceCall | undefined): WorkspaceCall {
  const facts: LegFacts = {
    connectionId: event.connectionId,
    callUuid: event.callUuid ?? before?.callUuid ?? '',
    callType: event.callType ?? before?.callType ?? 'Unknown',
    ANI: event.ANI ?? before?.participants.find((participant) => participant.role === 'RoleOrigination')?.number ?? '',
    DNIS: event.DNIS ?? before?.dnis ?? '',
    otherDN: event.otherDN,
    transferConnectionId: event.transferConnectionId ?? before?.parentConnId,
    parties: event.parties ?? [],
    userData: event.userData ?? (before ? fromKvList(before.userData) : {}),
    recordingState: event.recordingState ?? before?.recordingState ?? 'Stopped',
  };
  return callModel(dn, facts, state, event.previousConnectionId);
}

export function callFromLeg(dn: string, leg: CallLegSnapshot): WorkspaceCall {
  return callModel(dn, { ...leg, ANI: leg.ANI ?? '', DNIS: leg.DNIS ?? '' }, leg.state);
}

export interface AgentFacts {
  dn: string;
  agentId: string;
  state: WorkspaceDn['agentState'];
  workMode?: string | undefined;
  reasonCode?: string | undefined;
}

export function agentFacts(agent: AgentSnapshot): AgentFacts {
  return { dn: agent.dn, agentId: agent.agentId, state: agent.state, workMode: agent.workMode, reasonCode: agent.reasonCode };
}

/** The Dn model of an agent's DN. */
export function dnModel(agent: AgentFacts): WorkspaceDn {
  const { state } = agent;
  const reasons: KvPair[] = state === 'NotReady' && agent.reasonCode !== undefined ? [{ key: 'ReasonCode', type: 'str', value: agent.reasonCode }] : [];
  const capabilities = state === 'LoggedOut' ? ['login'] : state === 'Ready' ? ['not-ready', 'logout'] : ['ready', 'not-ready', 'logout'];
  return {
    number: agent.dn,
    agentId: agent.agentId,
    agentState: state,
    ...(agent.workMode !== undefined && (state === 'Ready' || state === 'NotReady') ? { agentWorkMode: agent.workMode } : {}),
    reasons,
    capabilities,
  };
}
