import { CtiError } from '@ctikit/protocol';
import { login, logout, register, requestNotReady, requestReady, unregister } from './agent-state.ts';
import { changeRecording, changeUserData } from './call-data.ts';
import { answerCall, holdCall, makeCall, releaseCall, retrieveCall, sendDtmf, setMute } from './call-requests.ts';
import type { RequestOutcome, TServerRequest, TServerRequestName } from './port.ts';
import { completeConference, completeTransfer, deleteFromConference, initiateConsultation, reconnect, singleStepTransfer } from './transfer.ts';
import type { World } from './world.ts';
import type { Agent } from './model.ts';

/**
 * T-Server requests: one handler per request name. Before any handler runs, the DN must be a
 * configured agent DN (else DN_NOT_CONFIGURED) and registered (else NOT_INITIALIZED), except for
 * RequestRegisterAddress itself.
 */
type Handler<K extends TServerRequestName> = (world: World, agent: Agent, request: Extract<TServerRequest, { request: K }>) => RequestOutcome | void;

const handlers: { [K in TServerRequestName]: Handler<K> } = {
  RequestRegisterAddress: (world, agent) => register(world, agent),
  RequestUnregisterAddress: (world, agent) => unregister(world, agent),
  RequestAgentLogin: login,
  RequestAgentLogout: logout,
  RequestAgentReady: requestReady,
  RequestAgentNotReady: requestNotReady,
  RequestMakeCall: makeCall,
  RequestAnswerCall: answerCall,
  RequestReleaseCall: releaseCall,
  RequestHoldCall: holdCall,
  RequestRetrieveCall: retrieveCall,
  RequestSetMuteOn: setMute,
  RequestSetMuteOff: setMute,
  RequestSingleStepTransfer: singleStepTransfer,
  RequestInitiateTransfer: initiateConsultation,
  RequestCompleteTransfer: completeTransfer,
  RequestInitiateConference: initiateConsultation,
  RequestCompleteConference: completeConference,
  RequestReconnectCall: reconnect,
  RequestDeleteFromConference: deleteFromConference,
  RequestSendDTMF: sendDtmf,
  RequestAttachUserData: changeUserData,
  RequestUpdateUserData: changeUserData,
  RequestDeletePair: changeUserData,
  RequestDeleteUserData: changeUserData,
  RequestStartCallRecording: changeRecording,
  RequestStopCallRecording: changeRecording,
  RequestPauseCallRecording: changeRecording,
  RequestResumeCallRecording: changeRecording,
};

export function handleRequest(world: World, request: TServerRequest): RequestOutcome {
  const agent = world.agents.get(request.thisDN);
  if (!agent) throw new CtiError('DN_NOT_CONFIGURED', `DN ${request.thisDN} is not a configured agent DN.`);
  if (!agent.registered && request.request !== 'RequestRegisterAddress') {
    throw new CtiError('NOT_INITIALIZED', `DN ${agent.dn} is not registered: send RequestRegisterAddress first.`);
  }
  const handler = handlers[request.request] as Handler<TServerRequestName>;
  return handler(world, agent, request) ?? {};
}
