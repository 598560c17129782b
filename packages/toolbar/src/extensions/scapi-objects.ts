import type { AgentEventData, CallDirection, CallType, Interaction as ScapiInteraction, InteractionStateName, State } from '@ctikit/service-client';
import type { AgentState } from '../core/agent-state.ts';
import type { Direction, Interaction, RecordingState } from '../core/interaction.ts';
import type { InteractionState } from '../core/interaction-state.ts';
import type { ReasonCode } from '../core/outcome.ts';
import { filterKeys, type NameFilter } from './security-options.ts';

/**
 * The workspace model in the Service Client API's words: the agent's state as media.State
 * entries, and an interaction as interaction.Interaction. Pure functions of the model.
 */

const READY: State = { operationName: 'Ready', displayName: 'Ready', state: 'READY' };
const NOT_READY: State = { operationName: 'NotReady', displayName: 'Not Ready', state: 'NOT_READY' };
const AFTER_CALL_WORK: State = { operationName: 'AfterCallWork', displayName: 'After Call Work', state: 'NOT_READY_AFTER_CALLWORK' };
const LOG_OFF: State = { operationName: 'LogOff', displayName: 'Log Off', state: 'LOGOUT' };
const REASON_PREFIX = 'NotReadyReason:';

function reasonState(code: string, label: string): State {
  return { operationName: `${REASON_PREFIX}${code}`, displayName: `Not Ready - ${label}`, state: 'NOT_READY_ACTION_CODE', reason: label, reasonCode: code };
}

/** agent.getStateList: the states the agent can be put in (after-call work follows a call, it is not chosen). */
export function stateList(reasons: readonly ReasonCode[]): State[] {
  return [READY, NOT_READY, ...reasons.map((reason) => reasonState(reason.code, reason.label)), LOG_OFF];
}

/** agent.getState: the agent's state now. */
export function currentState(agent: AgentState, reasons: readonly ReasonCode[]): State {
  switch (agent.kind) {
    case 'ready':
      return READY;
    case 'afterCallWork':
      return AFTER_CALL_WORK;
    case 'loggedOut':
      return LOG_OFF;
    case 'notReady': {
      if (agent.reasonCode === undefined) return NOT_READY;
      const label = reasons.find((reason) => reason.code === agent.reasonCode)?.label ?? agent.reasonLabel ?? agent.reasonCode;
      return reasonState(agent.reasonCode, label);
    }
  }
}

/** What an operationName asks the workspace for; undefined when no state has that name. */
export type StateRequest = { readonly kind: 'ready' } | { readonly kind: 'notReady'; readonly reasonCode?: string } | { readonly kind: 'logout' };

export function stateRequest(operationName: string, reasons: readonly ReasonCode[]): StateRequest | undefined {
  if (operationName === READY.operationName) return { kind: 'ready' };
  if (operationName === NOT_READY.operationName) return { kind: 'notReady' };
  if (operationName === LOG_OFF.operationName) return { kind: 'logout' };
  if (!operationName.startsWith(REASON_PREFIX)) return undefined;
  const reasonCode = operationName.slice(REASON_PREFIX.length);
  return reasons.some((reason) => reason.code === reasonCode) ? { kind: 'notReady', reasonCode } : undefined;
}

/** The agent topic's STATE_CHANGED. */
export function stateChanged(state: State): AgentEventData {
  return {
    eventType: 'STATE_CHANGED',
    mediaState: state.state,
    ...(state.reason !== undefined ? { reason: state.reason } : {}),
    ...(state.reasonCode !== undefined ? { reasonCode: state.reasonCode } : {}),
  };
}

const STATE_NAMES: Record<InteractionState, InteractionStateName> = {
  offered: 'RINGING',
  dialing: 'DIALING',
  connected: 'TALKING',
  held: 'HELD',
  wrapUp: 'IDLE',
  closed: 'IDLE',
};

export function stateName(state: InteractionState): InteractionStateName {
  return STATE_NAMES[state];
}

const CALL_TYPES: Record<Direction, CallType> = { inbound: 'Inbound', outbound: 'Outbound', internal: 'Internal', consult: 'Consult' };
const RECORDING: Record<RecordingState, ScapiInteraction['recordingState']> = { stopped: 'STOPPED', recording: 'RECORDING', paused: 'PAUSED' };

/** What the host remembers of a call beyond the model: how it began and where it was before. */
export interface InteractionMemory {
  /** IN when it first rang here, OUT when it was first dialed from here. */
  readonly startedAs: CallDirection;
  readonly previousState: InteractionStateName;
}

export interface ViewContext {
  readonly readAllowed: NameFilter;
  readonly memory: InteractionMemory;
  readonly selectedCaseId: string | undefined;
  readonly markDoneBlocked: boolean;
}

export const CASE_KEY = 'IW_CaseUid';
export const BUNDLE_KEY = 'IW_BundleUid';

/** The case a call belongs to: Agent Desktop's IW_CaseUid when routing set one, else the call itself. */
export function caseIdOf(interaction: Interaction): string {
  const caseUid = interaction.userData[CASE_KEY];
  return caseUid === undefined || caseUid === '' ? interaction.eventId : String(caseUid);
}

/** interaction.Interaction for a call of the model. */
export function interactionView(interaction: Interaction, context: ViewContext): ScapiInteraction {
  const { direction, phoneNumber, userData } = interaction;
  const callDirection: CallDirection = direction === 'inbound' ? 'IN' : direction === 'outbound' ? 'OUT' : context.memory.startedAs;
  const caseId = caseIdOf(interaction);
  const bundleId = userData[BUNDLE_KEY];
  const isConsultation = direction === 'consult';
  const dialed = callDirection === 'OUT';
  const dnis = dialed ? phoneNumber : interaction.dnis;
  return {
    interactionId: interaction.eventId,
    ...(isConsultation && interaction.linkedEventId !== undefined ? { parentInteractionId: interaction.linkedEventId } : {}),
    caseId,
    ...(bundleId !== undefined ? { bundleId: String(bundleId) } : {}),
    userData: filterKeys(userData, context.readAllowed),
    parties: interaction.parties.map((name) => ({ name })),
    ...(interaction.callUuid !== undefined ? { callUuid: interaction.callUuid } : {}),
    state: stateName(interaction.state),
    previousState: context.memory.previousState,
    isConsultation,
    direction: callDirection,
    callType: CALL_TYPES[direction],
    ...(!dialed && phoneNumber !== '' ? { ani: phoneNumber } : {}),
    ...(dnis !== undefined && dnis !== '' ? { dnis } : {}),
    isMainCaseInteraction: !isConsultation,
    recordingState: RECORDING[interaction.recordingState],
    startDate: interaction.offeredAt,
    isCaseSelected: context.selectedCaseId === caseId,
    isCaseExpanded: context.selectedCaseId === caseId,
    isMarkDoneBlocked: context.markDoneBlocked,
  };
}
