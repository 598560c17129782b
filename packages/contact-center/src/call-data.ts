import { CtiError, userDataSchema } from '@ctikit/protocol';
import type { TServerRecordingState, UserData } from '@ctikit/protocol';
import { legOf } from './call-control.ts';
import type { TServerRequest } from './port.ts';
import type { World } from './world.ts';
import { writable, type Agent, type Call } from './model.ts';

/**
 * What a call carries besides its parties: user data (attached data) and the recording state. Every
 * change is reported by EventAttachedDataChanged to every agent DN on the call.
 */
type Request<K extends TServerRequest['request']> = Extract<TServerRequest, { request: K }>;

type UserDataRequest = Request<'RequestAttachUserData' | 'RequestUpdateUserData' | 'RequestDeletePair' | 'RequestDeleteUserData'>;

/** The call's user data after each request; a request that cannot apply throws. */
const USER_DATA_CHANGES: { [K in UserDataRequest['request']]: (call: Call, request: Request<K>) => UserData } = {
  /** New keys only: values already present are kept. */
  RequestAttachUserData: (call, request) => ({ ...request.userData, ...call.userData }),
  RequestUpdateUserData: (call, request) => ({ ...call.userData, ...request.userData }),
  RequestDeletePair: (call, request) => {
    if (!Object.hasOwn(call.userData, request.key)) {
      throw new CtiError('INVALID_ATTRIBUTE', `Call ${call.connectionId} has no user-data key ${request.key}.`);
    }
    const { [request.key]: _deleted, ...rest } = call.userData;
    return rest;
  },
  RequestDeleteUserData: () => ({}),
};

export function changeUserData(world: World, agent: Agent, request: UserDataRequest): void {
  const { call } = legOf(world, agent.dn, request.connectionId);
  const change = USER_DATA_CHANGES[request.request] as (call: Call, request: UserDataRequest) => UserData;
  const next = change(call, request);
  const checked = userDataSchema.safeParse(next);
  if (!checked.success) {
    throw new CtiError('INVALID_ATTRIBUTE', `User data: ${checked.error.issues.map((issue) => issue.message).join('; ')}.`);
  }
  writable(call).userData = checked.data;
  announceDataChange(world, call);
}

/** User data a request carries onto the call (a single-step transfer's): its keys replace the call's. */
export function mergeUserData(call: Call, userData: UserData | undefined): void {
  writable(call).userData = { ...call.userData, ...userData };
}

type RecordingRequest = Request<'RequestStartCallRecording' | 'RequestStopCallRecording' | 'RequestPauseCallRecording' | 'RequestResumeCallRecording'>;

const RECORDING_TRANSITIONS: Record<RecordingRequest['request'], { from: readonly TServerRecordingState[]; to: TServerRecordingState }> = {
  RequestStartCallRecording: { from: ['Stopped'], to: 'Recording' },
  RequestStopCallRecording: { from: ['Recording', 'Paused'], to: 'Stopped' },
  RequestPauseCallRecording: { from: ['Recording'], to: 'Paused' },
  RequestResumeCallRecording: { from: ['Paused'], to: 'Recording' },
};

export function changeRecording(world: World, agent: Agent, request: RecordingRequest): void {
  const { call, party } = legOf(world, agent.dn, request.connectionId);
  if (party.state !== 'Established' && party.state !== 'Held') {
    throw new CtiError('INVALID_CALL_STATE', `Call ${call.connectionId} is not established.`);
  }
  const transition = RECORDING_TRANSITIONS[request.request];
  if (!transition.from.includes(call.recordingState)) {
    throw new CtiError('INVALID_CALL_STATE', `Recording on call ${call.connectionId} is ${call.recordingState}.`);
  }
  writable(call).recordingState = transition.to;
  announceDataChange(world, call);
}

function announceDataChange(world: World, call: Call): void {
  for (const party of call.parties) {
    if (party.kind === 'agent') world.emitCall(call, party, 'EventAttachedDataChanged');
  }
}
