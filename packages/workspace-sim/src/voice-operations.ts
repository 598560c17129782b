import type { z } from 'zod';
import type { TServerRequest } from '@ctikit/contact-center';
import { fromKvList } from './call-model.ts';
import { operationBodies } from './wire.ts';

/**
 * The voice operations the face serves, each a body schema and the T-Server request it becomes:
 * `POST /workspace/v3/voice/{operation}` for the agent and `POST /workspace/v3/voice/calls/{id}/{operation}`
 * for a call (`id` is the call's connection ID). The engine answers for the session's own DN only.
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EngineRequest = DistributiveOmit<TServerRequest, 'thisDN' | 'referenceId'>;

interface OperationContext {
  agentId: string;
  /** The call's connection ID, for a call operation. */
  callId: string;
}

/**
 * An operation parses its body into the engine requests it stands for, run in order until one is
 * refused (alternate is a hold and a retrieve, as a T-Server's RequestAlternateCall; send-user-event
 * reaches no call, so none).
 */
export interface VoiceOperation {
  parse(body: unknown, context: OperationContext): { ok: true; operationId?: string; requests: EngineRequest[] } | { ok: false; message: string };
}

function operation<S extends z.ZodType<{ operationId?: string | undefined }>>(
  schema: S,
  toRequests: (body: z.infer<S>, context: OperationContext) => EngineRequest | EngineRequest[],
): VoiceOperation {
  return {
    parse(body, context) {
      const parsed = schema.safeParse(body ?? {});
      if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
      const { operationId } = parsed.data;
      const requests = toRequests(parsed.data, context);
      return { ok: true, ...(operationId !== undefined ? { operationId } : {}), requests: Array.isArray(requests) ? requests : [requests] };
    },
  };
}

function onCall(request: 'RequestAnswerCall' | 'RequestReleaseCall' | 'RequestHoldCall' | 'RequestRetrieveCall' | RecordingRequest): VoiceOperation {
  return operation(operationBodies.none, (_body, { callId }) => ({ request, connectionId: callId }));
}

type RecordingRequest = 'RequestStartCallRecording' | 'RequestStopCallRecording' | 'RequestPauseCallRecording' | 'RequestResumeCallRecording';

function toDestination(request: 'RequestSingleStepTransfer' | 'RequestInitiateTransfer' | 'RequestInitiateConference'): VoiceOperation {
  return operation(operationBodies.destination, ({ data }, { callId }) => ({
    request,
    connectionId: callId,
    destination: data.destination,
    ...(data.userData ? { userData: fromKvList(data.userData) } : {}),
  }));
}

/** Complete or cancel a consultation: `{id}` is the consultation, the data names the held parent call. */
function onConsultation(request: 'RequestCompleteTransfer' | 'RequestCompleteConference'): VoiceOperation {
  return operation(operationBodies.parentConnId, ({ data }, { callId }) => ({ request, connectionId: data.parentConnId, consultConnectionId: callId }));
}

export const agentOperations: Record<string, VoiceOperation> = {
  login: operation(operationBodies.none, (_body, { agentId }) => ({ request: 'RequestAgentLogin', agentId })),
  logout: operation(operationBodies.none, () => ({ request: 'RequestAgentLogout' })),
  ready: operation(operationBodies.ready, ({ data }) => ({
    request: 'RequestAgentReady',
    ...(data?.agentWorkMode ? { workMode: data.agentWorkMode } : {}),
  })),
  'not-ready': operation(operationBodies.notReady, ({ data }) => ({
    request: 'RequestAgentNotReady',
    ...(data?.agentWorkMode ? { workMode: data.agentWorkMode } : {}),
    ...(data?.reasonCode ? { reasonCode: data.reasonCode } : {}),
  })),
  'make-call': operation(operationBodies.destination, ({ data }) => ({
    request: 'RequestMakeCall',
    destination: data.destination,
    ...(data.userData ? { userData: fromKvList(data.userData) } : {}),
  })),
  /** A user event for the T-Server's subscribers: checked and accepted; it changes no call and no DN. */
  'send-user-event': operation(operationBodies.userEvent, () => []),
};

/** `POST /workspace/v3/media/logout` (every channel) and `media/voice/logout`: this face has the voice channel only. */
export const mediaOperations: Record<string, VoiceOperation> = {
  logout: operation(operationBodies.none, () => ({ request: 'RequestAgentLogout' })),
};

export const callOperations: Record<string, VoiceOperation> = {
  answer: onCall('RequestAnswerCall'),
  release: onCall('RequestReleaseCall'),
  /** Release the call for every party: on this face's engine, the agent's release ends a two-party call. */
  clear: onCall('RequestReleaseCall'),
  /** Hold the active call `{id}` and retrieve the held one. */
  alternate: operation(operationBodies.heldConnId, ({ data }, { callId }) => [
    { request: 'RequestHoldCall', connectionId: callId },
    { request: 'RequestRetrieveCall', connectionId: data.heldConnId },
  ]),
  /** Bring the other call into this one: the engine merges a consultation with the call it was made from. */
  merge: operation(operationBodies.otherConnId, ({ data }, { callId }) => ({
    request: 'RequestCompleteConference',
    connectionId: data.otherConnId,
    consultConnectionId: callId,
  })),
  hold: onCall('RequestHoldCall'),
  retrieve: onCall('RequestRetrieveCall'),
  'single-step-transfer': toDestination('RequestSingleStepTransfer'),
  'initiate-transfer': toDestination('RequestInitiateTransfer'),
  'complete-transfer': onConsultation('RequestCompleteTransfer'),
  'initiate-conference': toDestination('RequestInitiateConference'),
  'complete-conference': onConsultation('RequestCompleteConference'),
  /** Release the consultation `{id}` and retrieve the held call. */
  reconnect: operation(operationBodies.heldConnId, ({ data }, { callId }) => ({
    request: 'RequestReconnectCall',
    connectionId: data.heldConnId,
    consultConnectionId: callId,
  })),
  'delete-from-conference': operation(operationBodies.dnToDrop, ({ data }, { callId }) => ({
    request: 'RequestDeleteFromConference',
    connectionId: callId,
    dn: data.dnToDrop,
  })),
  'send-dtmf': operation(operationBodies.dtmf, ({ data }, { callId }) => ({ request: 'RequestSendDTMF', connectionId: callId, digits: data.dtmfDigits })),
  'attach-user-data': operation(operationBodies.userData, ({ data }, { callId }) => ({
    request: 'RequestAttachUserData',
    connectionId: callId,
    userData: fromKvList(data.userData),
  })),
  'update-user-data': operation(operationBodies.userData, ({ data }, { callId }) => ({
    request: 'RequestUpdateUserData',
    connectionId: callId,
    userData: fromKvList(data.userData),
  })),
  'delete-user-data-pair': operation(operationBodies.key, ({ data }, { callId }) => ({ request: 'RequestDeletePair', connectionId: callId, key: data.key })),
  'start-recording': onCall('RequestStartCallRecording'),
  'stop-recording': onCall('RequestStopCallRecording'),
  'pause-recording': onCall('RequestPauseCallRecording'),
  'resume-recording': onCall('RequestResumeCallRecording'),
};
