import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';
import { notReadyWorkModes, readyWorkModes, userDataSchema } from './commands.ts';

/**
 * Events: what the bridge sends on `/genesysWs`, one JSON object per frame, dispatched on `eventName`
 * exactly as the seeds' `webSocketOnMessage` does. T-Server events keep their T-Server names and the
 * seeds' field names (`ANI`, `eventId`, `connectionId`); the rest are camelCase.
 *
 * Sequenced frames carry `seq` (per session, from 1, no gaps) and can be replayed on resume.
 * Session frames (`SessionOpened`, `Heartbeat`, `Snapshot`) and socket-level errors carry no `seq`.
 */

export const TSERVER_EVENT_NAMES = [
  'EventRegistered',
  'EventUnregistered',
  'EventAgentLogin',
  'EventAgentLogout',
  'EventAgentReady',
  'EventAgentNotReady',
  'EventRinging',
  'EventDialing',
  'EventNetworkReached',
  'EventEstablished',
  'EventReleased',
  'EventAbandoned',
  'EventDestinationBusy',
  'EventHeld',
  'EventRetrieved',
  'EventPartyChanged',
  'EventPartyAdded',
  'EventPartyDeleted',
  'EventAttachedDataChanged',
  'EventDTMFSent',
  'EventMuteOn',
  'EventMuteOff',
  /** A user event to the DN: Outbound Contact Server's notifications (userData `GSW_USER_EVENT` and the record). */
  'EventUserEvent',
  'EventError',
  'EventLinkDisconnected',
  'EventLinkConnected',
] as const;
export type TServerEventName = (typeof TSERVER_EVENT_NAMES)[number];

export const callTypes = ['Inbound', 'Outbound', 'Internal', 'Consult', 'Unknown'] as const;
export type CallType = (typeof callTypes)[number];

export const recordingStates = ['Stopped', 'Recording', 'Paused'] as const;
export type RecordingState = (typeof recordingStates)[number];

/** CallState on EventReleased / EventDestinationBusy (TCallState), telling how a leg ended. */
export const callStates = ['OK', 'Transferred', 'Conferenced', 'Busy', 'NoAnswer', 'Rejected', 'Abandoned'] as const;
export type CallState = (typeof callStates)[number];

export const agentStates = ['LoggedOut', 'NotReady', 'Ready'] as const;
export type AgentStateName = (typeof agentStates)[number];

const workMode = z.enum([...readyWorkModes, ...notReadyWorkModes]);

export const tserverEventSchema = z.object({
  eventName: z.enum(TSERVER_EVENT_NAMES),
  seq: z.number().int().positive().optional(),
  timestamp: z.number(),
  thisDN: z.string().optional(),
  agentId: z.string().optional(),
  /** Echo of the client's (or the bridge's) request correlation id. */
  referenceId: z.string().optional(),
  /** Stable for the interaction's whole life, even when the ConnID changes. */
  eventId: z.string().optional(),
  /** The current ConnID (16 hex digits). */
  connectionId: z.string().optional(),
  previousConnectionId: z.string().optional(),
  /** The other leg of a consultation: on a consult leg, the held main call; on the main call, the consult. */
  transferConnectionId: z.string().optional(),
  callUuid: z.string().optional(),
  callType: z.enum(callTypes).optional(),
  ANI: z.string().optional(),
  DNIS: z.string().optional(),
  otherDN: z.string().optional(),
  thirdPartyDN: z.string().optional(),
  thisQueue: z.string().optional(),
  callState: z.enum(callStates).optional(),
  /** Every DN on the call, this one included. */
  parties: z.array(z.string()).optional(),
  userData: userDataSchema.optional(),
  recordingState: z.enum(recordingStates).optional(),
  digits: z.string().optional(),
  workMode: workMode.optional(),
  reasons: z.record(z.string(), z.string()).optional(),
  /** T-Server's AttributeExtensions; EventAgentNotReady in AfterCallWork carries `WrapUpTime` (seconds) when the wrap-up is timed. */
  extensions: z.record(z.string(), z.string()).optional(),
  /** EventError: the stable code, the T-Library number and the message. */
  errorCode: z.enum(ERROR_CODES as [string, ...string[]]).optional(),
  tserverErrorCode: z.number().int().optional(),
  errorMessage: z.string().optional(),
});
export type TServerWireEvent = z.infer<typeof tserverEventSchema>;

export const interactionStates = ['Ringing', 'Dialing', 'Established', 'Held'] as const;
export type CallLegState = (typeof interactionStates)[number];

export const callSnapshotSchema = z.object({
  eventId: z.string(),
  connectionId: z.string(),
  callUuid: z.string(),
  callType: z.enum(callTypes),
  state: z.enum(interactionStates),
  ANI: z.string().optional(),
  DNIS: z.string().optional(),
  otherDN: z.string().optional(),
  thisQueue: z.string().optional(),
  transferConnectionId: z.string().optional(),
  parties: z.array(z.string()),
  userData: userDataSchema,
  muted: z.boolean(),
  recordingState: z.enum(recordingStates),
  startedAt: z.number(),
});
export type CallSnapshot = z.infer<typeof callSnapshotSchema>;

export const agentSnapshotSchema = z.object({
  agentId: z.string(),
  dn: z.string(),
  registered: z.boolean(),
  state: z.enum(agentStates),
  workMode: workMode.optional(),
  reasonCode: z.string().optional(),
});
export type AgentSnapshot = z.infer<typeof agentSnapshotSchema>;

export const sessionOpenedSchema = z.object({
  eventName: z.literal('SessionOpened'),
  timestamp: z.number(),
  sessionId: z.string(),
  agentId: z.string(),
  dn: z.string(),
  /** The last seq the bridge has sent in this session. */
  lastSeq: z.number().int().nonnegative(),
  /** How the client was brought up to date: missed events replayed, a Snapshot follows, or nothing. */
  resume: z.enum(['replayed', 'snapshot', 'fresh']),
  heartbeatMs: z.number().int().positive(),
});
export type SessionOpened = z.infer<typeof sessionOpenedSchema>;

export const snapshotSchema = z.object({
  eventName: z.literal('Snapshot'),
  timestamp: z.number(),
  /** The seq this snapshot is current at: later events continue from lastSeq + 1. */
  lastSeq: z.number().int().nonnegative(),
  agent: agentSnapshotSchema,
  calls: z.array(callSnapshotSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const heartbeatSchema = z.object({ eventName: z.literal('Heartbeat'), timestamp: z.number() });
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const bridgeFrameSchema = z.union([tserverEventSchema, sessionOpenedSchema, snapshotSchema, heartbeatSchema]);
export type BridgeFrame = z.infer<typeof bridgeFrameSchema>;
