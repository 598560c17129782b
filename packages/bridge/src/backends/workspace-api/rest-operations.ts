import { CtiError } from '@ctikit/protocol';
import type { TServerRequest, TServerRequestName } from '@ctikit/contact-center';
import { kvListOf } from './call-events.ts';

/**
 * T-Server requests as Workspace API operations: one entry per request in a typed table. A call
 * operation names the call by the Workspace call id of the request's ConnID, which `callIdOf` looks
 * up in the agent's own calls, so a ConnID of another DN is refused (INVALID_CONNECTION_ID) before
 * anything is sent. Requests the session lifecycle handles (register, unregister), or that need
 * several operations (delete all user data), or that the Workspace API lacks (mute), are not here.
 */
export interface RestOperation {
  /** Under /workspace/v3. */
  path: string;
  data?: object;
}

const DTMF_DIGITS = /^[0-9*#A-D]+$/;

type Request<K extends TServerRequestName> = Extract<TServerRequest, { request: K }>;
type CallIdOf = (connectionId: string) => string;

type MappedRequestName = Exclude<
  TServerRequestName,
  'RequestRegisterAddress' | 'RequestUnregisterAddress' | 'RequestDeleteUserData' | 'RequestSetMuteOn' | 'RequestSetMuteOff'
>;

const accepted = (path: string, data?: object): RestOperation => ({ path, ...(data !== undefined ? { data } : {}) });
const onCall = (callId: string, operation: string, data?: object): RestOperation => accepted(`voice/calls/${encodeURIComponent(callId)}/${operation}`, data);
const withUserData = (request: { userData?: Record<string, string | number> | undefined }) =>
  request.userData !== undefined ? { userData: kvListOf(request.userData) } : {};

const OPERATIONS: { [K in MappedRequestName]: (request: Request<K>, callIdOf: CallIdOf) => RestOperation } = {
  RequestAgentLogin: () => accepted('voice/login'),
  RequestAgentLogout: () => accepted('voice/logout'),
  RequestAgentReady: (request) => accepted('voice/ready', request.workMode !== undefined ? { agentWorkMode: request.workMode } : undefined),
  RequestAgentNotReady: (request) =>
    accepted('voice/not-ready', {
      ...(request.workMode !== undefined ? { agentWorkMode: request.workMode } : {}),
      ...(request.reasonCode !== undefined ? { reasonCode: request.reasonCode } : {}),
    }),
  RequestMakeCall: (request) => accepted('voice/make-call', { destination: request.destination, ...withUserData(request) }),
  RequestAnswerCall: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'answer'),
  RequestReleaseCall: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'release'),
  RequestHoldCall: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'hold'),
  RequestRetrieveCall: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'retrieve'),
  RequestSingleStepTransfer: (request, callIdOf) =>
    onCall(callIdOf(request.connectionId), 'single-step-transfer', { destination: request.destination, ...withUserData(request) }),
  RequestInitiateTransfer: (request, callIdOf) =>
    onCall(callIdOf(request.connectionId), 'initiate-transfer', { destination: request.destination, ...withUserData(request) }),
  /** Sent on the consultation, naming the held call as its parent. */
  RequestCompleteTransfer: (request, callIdOf) =>
    onCall(callIdOf(request.consultConnectionId), 'complete-transfer', { parentConnId: callIdOf(request.connectionId) }),
  RequestInitiateConference: (request, callIdOf) =>
    onCall(callIdOf(request.connectionId), 'initiate-conference', { destination: request.destination, ...withUserData(request) }),
  RequestCompleteConference: (request, callIdOf) =>
    onCall(callIdOf(request.consultConnectionId), 'complete-conference', { parentConnId: callIdOf(request.connectionId) }),
  /** Release the consultation and retrieve the held call. */
  RequestReconnectCall: (request, callIdOf) => onCall(callIdOf(request.consultConnectionId), 'reconnect', { heldConnId: callIdOf(request.connectionId) }),
  RequestDeleteFromConference: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'delete-from-conference', { dnToDrop: request.dn }),
  /** Settled by the HTTP answer (nothing to observe), so the digits are checked before they are sent. */
  RequestSendDTMF: (request, callIdOf) => {
    if (!DTMF_DIGITS.test(request.digits)) throw new CtiError('INVALID_ATTRIBUTE', 'DTMF digits are 0-9, *, # and A-D.');
    return onCall(callIdOf(request.connectionId), 'send-dtmf', { dtmfDigits: request.digits });
  },
  RequestAttachUserData: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'attach-user-data', withUserData(request)),
  RequestUpdateUserData: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'update-user-data', withUserData(request)),
  RequestDeletePair: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'delete-user-data-pair', { key: request.key }),
  RequestStartCallRecording: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'start-recording'),
  RequestStopCallRecording: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'stop-recording'),
  RequestPauseCallRecording: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'pause-recording'),
  RequestResumeCallRecording: (request, callIdOf) => onCall(callIdOf(request.connectionId), 'resume-recording'),
};

export function isMapped(request: TServerRequest): request is Request<MappedRequestName> {
  return Object.hasOwn(OPERATIONS, request.request);
}

export function restOperation(request: Request<MappedRequestName>, callIdOf: CallIdOf): RestOperation {
  const toOperation = OPERATIONS[request.request] as (request: Request<MappedRequestName>, callIdOf: CallIdOf) => RestOperation;
  return toOperation(request, callIdOf);
}

/** The mute requests: the Workspace API v3 voice operations have no mute. */
export function unsupported(request: TServerRequest): CtiError {
  return new CtiError('UNSUPPORTED_OPERATION', `${request.request} is not available through the Genesys Workspace API v3 (it has no mute operation).`);
}
