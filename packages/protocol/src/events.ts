import * as z from 'zod/mini';
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

/** The agent's DN and the agent on it: registration, login and the agent state. */
export const AGENT_EVENT_NAMES = [
  'EventRegistered',
  'EventUnregistered',
  'EventAgentLogin',
  'EventAgentLogout',
  'EventAgentReady',
  'EventAgentNotReady',
] as const;
/** One call leg on the DN: always carries the leg's `eventId` and ConnID. */
export const CALL_EVENT_NAMES = [
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
] as const;
/** A user event to the DN: Outbound Contact Server's notifications (userData `GSW_USER_EVENT` and the record). */
export const USER_EVENT_NAME = 'EventUserEvent';
/** The bridge's link to the contact center. */
export const LINK_EVENT_NAMES = ['EventLinkDisconnected', 'EventLinkConnected'] as const;

export const TSERVER_EVENT_NAMES = [...AGENT_EVENT_NAMES, ...CALL_EVENT_NAMES, USER_EVENT_NAME, 'EventError', ...LINK_EVENT_NAMES] as const;
export type TServerEventName = (typeof TSERVER_EVENT_NAMES)[number];
export type AgentEventName = (typeof AGENT_EVENT_NAMES)[number];
export type CallEventName = (typeof CALL_EVENT_NAMES)[number];
export type LinkEventName = (typeof LINK_EVENT_NAMES)[number];

export const callTypes = ['Inbound', 'Outbound', 'Internal', 'Consult', 'Unknown'] as const;
export type CallType = (typeof callTypes)[number];

export const recordingStates = ['Stopped', 'Recording', 'Paused'] as const;
export type TServerRecordingState = (typeof recordingStates)[number];

/** CallState on EventReleased / EventDestinationBusy (TCallState), telling how a leg ended. */
export const callStates = ['OK', 'Transferred', 'Conferenced', 'Busy', 'NoAnswer', 'Rejected', 'Abandoned'] as const;
export type CallState = (typeof callStates)[number];

export const agentStates = ['LoggedOut', 'NotReady', 'Ready'] as const;
export type AgentStateName = (typeof agentStates)[number];

const workMode = z.enum([...readyWorkModes, ...notReadyWorkModes]);

/** What every T-Server event carries. */
const eventBase = {
  seq: z.optional(z.int().check(z.positive())),
  timestamp: z.number(),
  thisDN: z.optional(z.string()),
  agentId: z.optional(z.string()),
  /** Echo of the client's (or the bridge's) request correlation id. */
  referenceId: z.optional(z.string()),
};

const errorCode = z.enum(ERROR_CODES as [string, ...string[]]);
/** T-Server's AttributeExtensions; EventAgentNotReady in AfterCallWork carries `WrapUpTime` (seconds) when the wrap-up is timed. */
const extensions = z.record(z.string(), z.string());

export const agentEventSchema = z.object({
  eventName: z.enum(AGENT_EVENT_NAMES),
  ...eventBase,
  workMode: z.optional(workMode),
  reasons: z.optional(z.record(z.string(), z.string())),
  extensions: z.optional(extensions),
});
export type AgentWireEvent = z.infer<typeof agentEventSchema>;

export const callEventSchema = z.object({
  eventName: z.enum(CALL_EVENT_NAMES),
  ...eventBase,
  /** Stable for the interaction's whole life, even when the ConnID changes. */
  eventId: z.string(),
  /** The current ConnID (16 hex digits). */
  connectionId: z.string(),
  previousConnectionId: z.optional(z.string()),
  /** The other leg of a consultation: on a consult leg, the held main call; on the main call, the consult. */
  transferConnectionId: z.optional(z.string()),
  callUuid: z.optional(z.string()),
  callType: z.optional(z.enum(callTypes)),
  ANI: z.optional(z.string()),
  DNIS: z.optional(z.string()),
  otherDN: z.optional(z.string()),
  thirdPartyDN: z.optional(z.string()),
  thisQueue: z.optional(z.string()),
  callState: z.optional(z.enum(callStates)),
  /** Every DN on the call, this one included. */
  parties: z.optional(z.array(z.string())),
  userData: z.optional(userDataSchema),
  recordingState: z.optional(z.enum(recordingStates)),
  digits: z.optional(z.string()),
  extensions: z.optional(extensions),
});
export type CallWireEvent = z.infer<typeof callEventSchema>;

/** EventError: the stable code, the T-Library number and the message; about a call leg when it names one. */
export const errorEventSchema = z.object({
  eventName: z.literal('EventError'),
  ...eventBase,
  eventId: z.optional(z.string()),
  connectionId: z.optional(z.string()),
  errorCode: z.optional(errorCode),
  tserverErrorCode: z.optional(z.int()),
  errorMessage: z.optional(z.string()),
});
export type ErrorWireEvent = z.infer<typeof errorEventSchema>;

export const userEventSchema = z.object({
  eventName: z.literal(USER_EVENT_NAME),
  ...eventBase,
  userData: z.optional(userDataSchema),
});
export type UserWireEvent = z.infer<typeof userEventSchema>;

/** EventLinkDisconnected says why (the stable code and a message). */
export const linkEventSchema = z.object({
  eventName: z.enum(LINK_EVENT_NAMES),
  ...eventBase,
  errorCode: z.optional(errorCode),
  errorMessage: z.optional(z.string()),
});
export type LinkWireEvent = z.infer<typeof linkEventSchema>;

/** A T-Server event, by family: the event name decides which fields it has. */
export const tserverEventSchema = z.discriminatedUnion('eventName', [agentEventSchema, callEventSchema, userEventSchema, errorEventSchema, linkEventSchema]);
export type TServerWireEvent = z.infer<typeof tserverEventSchema>;
/** The member of a union of event families that has the name `N`, narrowed to it. */
export type EventNamed<E extends { eventName: string }, N extends string> = E extends unknown
  ? N extends E['eventName']
    ? E & { eventName: N }
    : never
  : never;
/** The event of one name. */
export type TServerEventOf<N extends TServerEventName> = EventNamed<TServerWireEvent, N>;

const CALL_EVENTS: ReadonlySet<string> = new Set(CALL_EVENT_NAMES);
/** Whether an event is about one call leg (and so has its eventId and ConnID). */
export function isCallEvent<E extends { eventName: string }>(event: E): event is Extract<E, { eventName: CallEventName }> {
  return CALL_EVENTS.has(event.eventName);
}

/** An event before its session numbers it: what a backend or the bridge builds, `seq` and `timestamp` still to come. */
export type UnsequencedEvent<E extends TServerWireEvent = TServerWireEvent> = E extends unknown ? Omit<E, 'seq' | 'timestamp'> : never;

/** A call leg's T-Server state (a party on the call): the one name set the engine, the wire and the vendor adapter use. */
export const legStates = ['Ringing', 'Dialing', 'Established', 'Held'] as const;
export type LegState = (typeof legStates)[number];

export const callSnapshotSchema = z.object({
  eventId: z.string(),
  connectionId: z.string(),
  callUuid: z.string(),
  callType: z.enum(callTypes),
  state: z.enum(legStates),
  ANI: z.optional(z.string()),
  DNIS: z.optional(z.string()),
  otherDN: z.optional(z.string()),
  thisQueue: z.optional(z.string()),
  transferConnectionId: z.optional(z.string()),
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
  workMode: z.optional(workMode),
  reasonCode: z.optional(z.string()),
});
export type AgentSnapshot = z.infer<typeof agentSnapshotSchema>;

export const sessionOpenedSchema = z.object({
  eventName: z.literal('SessionOpened'),
  timestamp: z.number(),
  sessionId: z.string(),
  agentId: z.string(),
  dn: z.string(),
  /** The last seq the bridge has sent in this session. */
  lastSeq: z.int().check(z.nonnegative()),
  /** How the client was brought up to date: missed events replayed, a Snapshot follows, or nothing. */
  resume: z.enum(['replayed', 'snapshot', 'fresh']),
  heartbeatMs: z.int().check(z.positive()),
});
export type SessionOpened = z.infer<typeof sessionOpenedSchema>;

export const snapshotSchema = z.object({
  eventName: z.literal('Snapshot'),
  timestamp: z.number(),
  /** The seq this snapshot is current at: later events continue from lastSeq + 1. */
  lastSeq: z.int().check(z.nonnegative()),
  agent: agentSnapshotSchema,
  calls: z.array(callSnapshotSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const heartbeatSchema = z.object({ eventName: z.literal('Heartbeat'), timestamp: z.number() });
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const bridgeFrameSchema = z.discriminatedUnion('eventName', [
  agentEventSchema,
  callEventSchema,
  userEventSchema,
  errorEventSchema,
  linkEventSchema,
  sessionOpenedSchema,
  snapshotSchema,
  heartbeatSchema,
]);
export type BridgeFrame = z.infer<typeof bridgeFrameSchema>;
