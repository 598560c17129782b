import type { LegState } from '@ctikit/protocol';
import { z } from 'zod';

/**
 * The Workspace API v3 as this face speaks it: request bodies (parsed with zod at the edge) and the
 * shapes of its replies and CometD notifications. Every operation body is `{ operationId?, data? }`;
 * a client may choose the operationId, which the reply carries back (the notifications only for the
 * operations that echo it, voice-notifier.ts).
 */

export const WORKSPACE_BASE = '/workspace/v3';
export const SESSION_COOKIE = 'WORKSPACE_SESSIONID';
export const INITIALIZATION_CHANNEL = '/workspace/v3/initialization';
export const VOICE_CHANNEL = '/workspace/v3/voice';

/** `status.code` of a reply: 0 done, 1 accepted (the outcome follows as notifications). */
export const STATUS_OK = 0;
export const STATUS_ASYNC_OK = 1;

const text = z.string().min(1).max(4096);
/**
 * An attached-data pair as Genesys' clients send it: `str` and `int` values, and `kvlist` values
 * that are lists of pairs themselves (nested up to a few levels).
 */
export type KvPair =
  { key: string; type: 'str'; value: string } | { key: string; type: 'int'; value: number } | { key: string; type: 'kvlist'; value: KvPair[] };
const pairKey = z.string().min(1).max(128);
const kvPairSchema: z.ZodType<KvPair> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ key: pairKey, type: z.literal('str'), value: z.string().max(4096) }),
    z.object({ key: pairKey, type: z.literal('int'), value: z.number().int() }),
    z.object({ key: pairKey, type: z.literal('kvlist'), value: z.array(kvPairSchema).max(100) }),
  ]),
);

/** The body of an operation whose data is required. */
function withData<T extends z.ZodRawShape>(data: T) {
  return z.object({ operationId: z.string().min(1).max(128).optional(), data: z.object(data) });
}

/** The body of an operation whose data is optional (absent, `{}` or a few optional fields). */
function optionalData<T extends z.ZodRawShape>(data: T) {
  return z.object({ operationId: z.string().min(1).max(128).optional(), data: z.object(data).optional() });
}

const userDataList = z.array(kvPairSchema).max(100);

export const operationBodies = {
  none: optionalData({}),
  activateChannels: withData({ agentId: text, dn: text }),
  ready: optionalData({ agentWorkMode: z.enum(['ManualIn', 'AutoIn']).optional() }),
  notReady: optionalData({ agentWorkMode: z.enum(['AuxWork', 'AfterCallWork']).optional(), reasonCode: text.optional() }),
  destination: withData({ destination: text, userData: userDataList.optional() }),
  parentConnId: withData({ parentConnId: text }),
  heldConnId: withData({ heldConnId: text }),
  otherConnId: withData({ otherConnId: text }),
  userEvent: withData({ userData: userDataList, callUuid: text.optional(), connId: text.optional() }),
  dnToDrop: withData({ dnToDrop: text }),
  dtmf: withData({ dtmfDigits: text }),
  userData: withData({ userData: userDataList.min(1) }),
  key: withData({ key: z.string().min(1).max(128) }),
};

export interface Participant {
  number: string;
  role: 'RoleOrigination' | 'RoleDestination';
}

/** A Workspace API call's state: a T-Server leg state, or Released once it ended. */
export type WorkspaceCallState = LegState | 'Released';

/** The Call model: `id` is the connection ID the `voice/calls/{id}/…` operations take. */
export interface WorkspaceCall {
  type: 'Call';
  id: string;
  connId: string;
  /** Set when the connection ID changed (the target of a two-step transfer or conference). */
  previousConnId?: string;
  /** On a consultation: the call it was initiated from. */
  parentConnId?: string;
  /** The agent's DN. */
  phoneNumber: string;
  callUuid: string;
  callType: string;
  state: WorkspaceCallState;
  capabilities: string[];
  /** The other parties; the caller is the one with RoleOrigination (as Genesys sends it, there is no `ani`). */
  participants: Participant[];
  dnis: string;
  recordingState: 'Stopped' | 'Recording' | 'Paused';
  userData: KvPair[];
  extensions: KvPair[];
}

type WorkspaceAgentState = 'LoggedOut' | 'LoggedIn' | 'Ready' | 'NotReady';

export interface WorkspaceDn {
  number: string;
  agentId: string;
  agentState: WorkspaceAgentState;
  agentWorkMode?: string;
  reasons: KvPair[];
  capabilities: string[];
}

export type NotificationType = 'StateChange' | 'ParticipantsUpdated' | 'AttachedDataChanged' | 'CallRecordingStateChange';

export type VoiceMessage =
  | { messageType: 'CallStateChanged'; notificationType: NotificationType; call: WorkspaceCall; operationId?: string }
  | { messageType: 'DnStateChanged'; dn: WorkspaceDn; operationId?: string }
  | { messageType: 'EventError'; error: { errorCode: number; errorMessage: string }; operationId?: string };

/** The body of every failing reply. */
export interface ErrorReply {
  status: { code: number; message: string };
}
