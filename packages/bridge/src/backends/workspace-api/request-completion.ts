import type { TServerRequest } from '@ctikit/contact-center';
import type { AgentView } from './agent-events.ts';
import type { CallViewState } from './call-events.ts';

/**
 * When a request is done: the change the contact center reports that completes it. The Workspace
 * API answers an operation over HTTP at once ("accepted") and reports its effect later as
 * notifications; Genesys' servers echo the request's `operationId` on some of them only (Genesys'
 * simulator: after answer and complete), so the echo is a shortcut, never a requirement. A request
 * settles on the first notification, after it was sent, that shows its effect:
 *
 * | request                                   | completed by                                                       |
 * |-------------------------------------------|--------------------------------------------------------------------|
 * | RegisterAddress (`activate-channels`)     | a `DnStateChanged`, and a `ChannelStateChanged` when the answer names other channels (whichever came first) |
 * | AgentLogin                                | `DnStateChanged`, agent not LoggedOut                              |
 * | AgentLogout                               | `DnStateChanged`, agent LoggedOut                                  |
 * | AgentReady / AgentNotReady                | `DnStateChanged`, agent Ready / NotReady                           |
 * | MakeCall                                  | `CallStateChanged` of a new call (its ConnID is the outcome)       |
 * | InitiateTransfer / InitiateConference     | `CallStateChanged` of a new call (the consultation's ConnID)       |
 * | AnswerCall, RetrieveCall, ReconnectCall   | `CallStateChanged`, the call Established                           |
 * | HoldCall                                  | `CallStateChanged`, the call Held                                  |
 * | ReleaseCall, SingleStepTransfer           | `CallStateChanged`, the call Released or Completed                 |
 * | CompleteTransfer                          | `CallStateChanged`, the held main call Released or Completed       |
 * | CompleteConference                        | `CallStateChanged`, the consultation Released or Completed         |
 * | DeleteFromConference                      | `CallStateChanged` `ParticipantsUpdated` of the call               |
 * | AttachUserData, UpdateUserData, DeletePair| `CallStateChanged` `AttachedDataChanged` of the call               |
 * | Start/Stop/Pause/ResumeCallRecording      | `CallStateChanged` `CallRecordingStateChange` of the call          |
 * | SendDTMF                                  | the HTTP answer (nothing to observe); the backend reports EventDTMFSent |
 *
 * An `EventError` with the request's operationId fails it; one without fails the oldest request
 * still waiting. A request that sees neither within `requestTimeoutMs` fails with REQUEST_TIMEOUT.
 */
export type Observation =
  | { kind: 'dn'; agent: AgentView }
  | {
      kind: 'call';
      /** The call's ConnID and, when the notification re-keyed it, the one it had. */
      connectionIds: readonly string[];
      state: CallViewState;
      notificationType: string;
      created: boolean;
      parentConnId?: string | undefined;
    };

export interface Completion {
  /** What the request waits for: the DN's state, one of its calls, or only the HTTP answer. */
  on: 'dn' | 'call' | 'answer';
  /** What the request waits for, in the words of a timeout's message. */
  awaits: string;
  /** `undefined`: the HTTP answer settles the request. */
  completes?: (observation: Observation) => boolean;
  /** The outcome is the ConnID of the new call that completes the request. */
  newCall?: boolean;
}

const onDn = (awaits: string, test: (agent: AgentView) => boolean): Completion => ({
  on: 'dn',
  awaits,
  completes: (observation) => observation.kind === 'dn' && test(observation.agent),
});

const onCall = (connectionId: string, awaits: string, test: (observation: Extract<Observation, { kind: 'call' }>) => boolean): Completion => ({
  on: 'call',
  awaits,
  completes: (observation) => observation.kind === 'call' && observation.connectionIds.includes(connectionId) && test(observation),
});

const ended = (state: CallViewState): boolean => state === 'Released';
/** A call the agent's DN places (Dialing), not one ringing at it; a consultation names its main call as parent. */
const newCall = (awaits: string, parentConnId?: string): Completion => ({
  on: 'call',
  awaits,
  newCall: true,
  completes: (observation) =>
    observation.kind === 'call' &&
    observation.created &&
    observation.state !== 'Ringing' &&
    (parentConnId === undefined || observation.parentConnId === parentConnId),
});

export function completionOf(request: TServerRequest): Completion {
  switch (request.request) {
    case 'RequestRegisterAddress':
      // The agent link settles it: it also waits for the other channels the activation named.
      return { on: 'dn', awaits: "the DN's state (and the other channels' states the activation named)" };
    case 'RequestAgentLogin':
      return onDn('the agent logged in', (agent) => agent.state !== 'LoggedOut');
    case 'RequestAgentLogout':
      return onDn('the agent logged out', (agent) => agent.state === 'LoggedOut');
    case 'RequestAgentReady':
      return onDn('the agent Ready', (agent) => agent.state === 'Ready');
    case 'RequestAgentNotReady':
      return onDn('the agent NotReady', (agent) => agent.state === 'NotReady');
    case 'RequestMakeCall':
      return newCall('the new call');
    case 'RequestInitiateTransfer':
    case 'RequestInitiateConference':
      return newCall(`the consultation of call ${request.connectionId}`, request.connectionId);
    case 'RequestAnswerCall':
    case 'RequestRetrieveCall':
    case 'RequestReconnectCall':
      return onCall(request.connectionId, `call ${request.connectionId} Established`, (call) => call.state === 'Established');
    case 'RequestHoldCall':
      return onCall(request.connectionId, `call ${request.connectionId} Held`, (call) => call.state === 'Held');
    case 'RequestReleaseCall':
    case 'RequestSingleStepTransfer':
    case 'RequestCompleteTransfer':
      return onCall(request.connectionId, `call ${request.connectionId} released`, (call) => ended(call.state));
    case 'RequestCompleteConference':
      return onCall(request.consultConnectionId, `call ${request.consultConnectionId} released`, (call) => ended(call.state));
    case 'RequestDeleteFromConference':
      return onCall(request.connectionId, `the parties of call ${request.connectionId}`, (call) => call.notificationType === 'ParticipantsUpdated');
    case 'RequestAttachUserData':
    case 'RequestUpdateUserData':
    case 'RequestDeletePair':
    case 'RequestDeleteUserData':
      return onCall(request.connectionId, `the user data of call ${request.connectionId}`, (call) => call.notificationType === 'AttachedDataChanged');
    case 'RequestStartCallRecording':
    case 'RequestStopCallRecording':
    case 'RequestPauseCallRecording':
    case 'RequestResumeCallRecording':
      return onCall(
        request.connectionId,
        `the recording state of call ${request.connectionId}`,
        (call) => call.notificationType === 'CallRecordingStateChange',
      );
    case 'RequestSendDTMF':
    case 'RequestUnregisterAddress':
    case 'RequestSetMuteOn':
    case 'RequestSetMuteOff':
      return { on: 'answer', awaits: 'the HTTP answer' };
  }
}

/** The ConnIDs a request acts on: its notifications' events are caused by it. */
export function callsOf(request: TServerRequest): string[] {
  const ids: string[] = [];
  if ('connectionId' in request && typeof request.connectionId === 'string') ids.push(request.connectionId);
  if ('consultConnectionId' in request && typeof request.consultConnectionId === 'string') ids.push(request.consultConnectionId);
  return ids;
}
