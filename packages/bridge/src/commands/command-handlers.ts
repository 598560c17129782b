import { CtiError } from '@ctikit/protocol';
import type { CommandOf, CommandType } from '@ctikit/protocol';
import type { CallLegSnapshot, ContactCenterPort, RequestOutcome, TServerRequest } from '@ctikit/contact-center';
import type { AgentSession } from '../sessions/agent-session.ts';
import type { UserDataGuard } from './user-data-guard.ts';

/**
 * Command → T-Server requests, one handler per command type in a typed table. Every request is
 * sent from the session's own DN and every ConnID a command names must be a leg on that DN, so one
 * agent can never act on another agent's call. A handler resolves when the contact center accepted
 * the request(s); the state they cause reaches the client as events on its socket.
 */

export interface CommandContext {
  backend: ContactCenterPort;
  session: AgentSession;
  referenceId: string;
  userData: UserDataGuard;
}

type CommandHandler<T extends CommandType> = (command: CommandOf<T>, context: CommandContext) => Promise<RequestOutcome>;

/** A request without the fields every request gets from its context. */
type RequestBody = TServerRequest extends infer R ? (R extends TServerRequest ? Omit<R, 'referenceId' | 'thisDN'> : never) : never;

/** Requests that name one call leg and nothing else. */
type PlainCallRequest = Extract<
  TServerRequest['request'],
  | 'RequestAnswerCall'
  | 'RequestReleaseCall'
  | 'RequestHoldCall'
  | 'RequestRetrieveCall'
  | 'RequestSetMuteOn'
  | 'RequestSetMuteOff'
  | 'RequestDeleteUserData'
  | 'RequestStartCallRecording'
  | 'RequestStopCallRecording'
  | 'RequestPauseCallRecording'
  | 'RequestResumeCallRecording'
>;

function send(context: CommandContext, body: RequestBody): Promise<RequestOutcome> {
  return context.backend.request({ ...body, referenceId: context.referenceId, thisDN: context.session.dn });
}

/** The leg of `connectionId` on the agent's DN, or INVALID_CONNECTION_ID. */
function legOf(context: CommandContext, connectionId: string): CallLegSnapshot {
  const leg = context.backend.leg(context.session.dn, connectionId);
  if (!leg) throw new CtiError('INVALID_CONNECTION_ID', `No call ${connectionId} on DN ${context.session.dn}.`);
  return leg;
}

function onCall(request: PlainCallRequest) {
  return async (command: { connectionId: string }, context: CommandContext): Promise<RequestOutcome> => {
    legOf(context, command.connectionId);
    return send(context, { request, connectionId: command.connectionId });
  };
}

function onConsultPair(request: 'RequestCompleteTransfer' | 'RequestCompleteConference' | 'RequestReconnectCall') {
  return async (command: { connectionId: string; consultConnectionId: string }, context: CommandContext) => {
    legOf(context, command.connectionId);
    legOf(context, command.consultConnectionId);
    return send(context, { request, connectionId: command.connectionId, consultConnectionId: command.consultConnectionId });
  };
}

function toDestination(request: 'RequestSingleStepTransfer' | 'RequestInitiateTransfer' | 'RequestInitiateConference') {
  return async (command: CommandOf<'SingleStepTransfer' | 'InitiateTransfer' | 'InitiateConference'>, context: CommandContext) => {
    const leg = legOf(context, command.connectionId);
    const { connectionId, destination, userData } = command;
    if (userData) context.userData.check(leg.userData, userData);
    return send(context, { request, connectionId, destination, ...(userData ? { userData } : {}) });
  };
}

export const commandHandlers: { [T in CommandType]: CommandHandler<T> } = {
  /** RegisterAddress always (so EventRegistered is sent again), Login if logged out, Ready unless `ready: false`. */
  initialize: async (command, context) => {
    const { backend, session } = context;
    await send(context, { request: 'RequestRegisterAddress', ...(command.genesysCredential ? { credential: command.genesysCredential } : {}) });
    if (backend.snapshot(session.dn).agent.state === 'LoggedOut') {
      await send(context, { request: 'RequestAgentLogin', agentId: session.agentId });
    }
    if (command.ready !== false && backend.snapshot(session.dn).agent.state !== 'Ready') {
      await send(context, { request: 'RequestAgentReady', ...(command.workMode ? { workMode: command.workMode } : {}) });
    }
    return {};
  },
  Ready: (command, context) => send(context, { request: 'RequestAgentReady', ...(command.workMode ? { workMode: command.workMode } : {}) }),
  NotReady: (command, context) =>
    send(context, {
      request: 'RequestAgentNotReady',
      ...(command.workMode ? { workMode: command.workMode } : {}),
      ...(command.reasonCode ? { reasonCode: command.reasonCode } : {}),
    }),
  Logout: (command, context) => send(context, { request: 'RequestAgentLogout', ...(command.reasonCode ? { reasonCode: command.reasonCode } : {}) }),
  Accept: onCall('RequestAnswerCall'),
  /** The agent declines a ringing call: RequestReleaseCall on the ringing leg (an ACD call goes back to its queue). */
  Reject: async (command, context) => {
    const leg = legOf(context, command.connectionId);
    if (leg.state !== 'Ringing') throw new CtiError('INVALID_CALL_STATE', `Call ${command.connectionId} is ${leg.state}, not Ringing: use Hangup.`);
    return send(context, { request: 'RequestReleaseCall', connectionId: command.connectionId });
  },
  Hangup: onCall('RequestReleaseCall'),
  MakeCall: async (command, context) => {
    const { session, referenceId } = context;
    if (command.userData) context.userData.check({}, command.userData);
    if (command.eventId !== undefined) {
      if (session.ids.isInUse(command.eventId)) throw new CtiError('INVALID_ATTRIBUTE', `eventId ${command.eventId} is already in use.`);
      session.ids.request(referenceId, command.eventId);
    }
    try {
      const outcome = await send(context, {
        request: 'RequestMakeCall',
        destination: command.phoneNumber,
        ...(command.userData ? { userData: command.userData } : {}),
      });
      const { connectionId } = outcome;
      // A backend that reports EventDialing after answering: give the call its requested id now.
      if (connectionId !== undefined && session.ids.eventIdOf(connectionId) === undefined && session.hasCall(connectionId)) {
        session.ids.ensure(connectionId, referenceId);
      }
      return outcome;
    } finally {
      session.ids.settle(referenceId);
    }
  },
  Hold: onCall('RequestHoldCall'),
  Retrieve: onCall('RequestRetrieveCall'),
  Mute: onCall('RequestSetMuteOn'),
  Unmute: onCall('RequestSetMuteOff'),
  SingleStepTransfer: toDestination('RequestSingleStepTransfer'),
  InitiateTransfer: toDestination('RequestInitiateTransfer'),
  CompleteTransfer: onConsultPair('RequestCompleteTransfer'),
  InitiateConference: toDestination('RequestInitiateConference'),
  CompleteConference: onConsultPair('RequestCompleteConference'),
  ReconnectCall: onConsultPair('RequestReconnectCall'),
  DeleteFromConference: async (command, context) => {
    legOf(context, command.connectionId);
    return send(context, { request: 'RequestDeleteFromConference', connectionId: command.connectionId, dn: command.dn });
  },
  SendDTMF: async (command, context) => {
    legOf(context, command.connectionId);
    return send(context, { request: 'RequestSendDTMF', connectionId: command.connectionId, digits: command.digits });
  },
  AttachUserData: async (command, context) => {
    context.userData.check(legOf(context, command.connectionId).userData, command.userData, 'kept');
    return send(context, { request: 'RequestAttachUserData', connectionId: command.connectionId, userData: command.userData });
  },
  UpdateUserData: async (command, context) => {
    context.userData.check(legOf(context, command.connectionId).userData, command.userData);
    return send(context, { request: 'RequestUpdateUserData', connectionId: command.connectionId, userData: command.userData });
  },
  /** With `key`: RequestDeletePair; without: RequestDeleteUserData (all keys). */
  DeleteUserData: async (command, context) => {
    legOf(context, command.connectionId);
    if (command.key === undefined) return send(context, { request: 'RequestDeleteUserData', connectionId: command.connectionId });
    return send(context, { request: 'RequestDeletePair', connectionId: command.connectionId, key: command.key });
  },
  StartRecording: onCall('RequestStartCallRecording'),
  StopRecording: onCall('RequestStopCallRecording'),
  PauseRecording: onCall('RequestPauseCallRecording'),
  ResumeRecording: onCall('RequestResumeCallRecording'),
};

/** Run a validated command; the table's typing guarantees each type reaches its own handler. */
export function runCommand<T extends CommandType>(command: CommandOf<T>, context: CommandContext): Promise<RequestOutcome> {
  const handler = commandHandlers[command.type as T];
  return handler(command, context);
}
