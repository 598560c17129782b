import * as z from 'zod/mini';
import { genesysCredentialSchema } from './genesys-credential.ts';

/**
 * Commands: what a client POSTs to `/genesys/events` (the socket `/genesysWs` is server→client only).
 * The seeds' two commands keep their exact spelling (`initialize`, `Accept` with `connectionId`);
 * the rest follow the T-Server request they become (RequestAnswerCall, RequestHoldCall, …).
 */

const connectionId = z.string().check(z.minLength(1)).check(z.maxLength(64));
const number = z.string().check(z.minLength(1)).check(z.maxLength(64));
const userDataKey = z.string().check(z.minLength(1)).check(z.maxLength(128));
export const userDataValue = z.union([z.string().check(z.maxLength(4096)), z.number()]);
export const userDataSchema = z
  .record(userDataKey, userDataValue)
  .check(z.refine((value) => Object.keys(value).length <= 100, { message: 'at most 100 user-data keys' }));
export type UserData = z.infer<typeof userDataSchema>;

export const readyWorkModes = ['ManualIn', 'AutoIn'] as const;
export const notReadyWorkModes = ['AuxWork', 'AfterCallWork'] as const;
export type ReadyWorkMode = (typeof readyWorkModes)[number];
export type NotReadyWorkMode = (typeof notReadyWorkModes)[number];
export type AgentWorkMode = ReadyWorkMode | NotReadyWorkMode;

const onCall = { connectionId };
/** Consult legs: `connectionId` is the held main call, `consultConnectionId` the consultation. */
const consultPair = { connectionId, consultConnectionId: connectionId };

export const commandShapes = {
  /**
   * RegisterAddress + AgentLogin (+ AgentReady unless `ready: false`). Seed: `{type:"initialize"}`.
   * `genesysCredential`: the agent's own Genesys sign-in, for a bridge on the Workspace API backend.
   */
  initialize: { ready: z.optional(z.boolean()), workMode: z.optional(z.enum(readyWorkModes)), genesysCredential: z.optional(genesysCredentialSchema) },
  Ready: { workMode: z.optional(z.enum(readyWorkModes)) },
  NotReady: { reasonCode: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(64))), workMode: z.optional(z.enum(notReadyWorkModes)) },
  Logout: { reasonCode: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(64))) },
  Accept: onCall,
  Reject: onCall,
  Hangup: onCall,
  /** `eventId` lets Fusion's click-to-dial id become the interaction's id for its whole life. */
  MakeCall: { phoneNumber: number, eventId: z.optional(z.string().check(z.minLength(1)).check(z.maxLength(128))), userData: z.optional(userDataSchema) },
  Hold: onCall,
  Retrieve: onCall,
  Mute: onCall,
  Unmute: onCall,
  SingleStepTransfer: { connectionId, destination: number, userData: z.optional(userDataSchema) },
  InitiateTransfer: { connectionId, destination: number, userData: z.optional(userDataSchema) },
  CompleteTransfer: consultPair,
  InitiateConference: { connectionId, destination: number, userData: z.optional(userDataSchema) },
  CompleteConference: consultPair,
  /** Cancel a consultation: release the consult leg and retrieve the held call (RequestReconnectCall). */
  ReconnectCall: consultPair,
  DeleteFromConference: { connectionId, dn: number },
  SendDTMF: { connectionId, digits: z.string().check(z.minLength(1)).check(z.maxLength(64)) },
  AttachUserData: { connectionId, userData: userDataSchema },
  UpdateUserData: { connectionId, userData: userDataSchema },
  /** Without `key`: delete all user data (RequestDeleteUserData); with it: one pair (RequestDeletePair). */
  DeleteUserData: { connectionId, key: z.optional(userDataKey) },
  StartRecording: onCall,
  StopRecording: onCall,
  PauseRecording: onCall,
  ResumeRecording: onCall,
} satisfies Record<string, z.core.$ZodLooseShape>;

export type CommandType = keyof typeof commandShapes;
export const COMMAND_TYPES = Object.keys(commandShapes) as CommandType[];

function commandSchema<T extends CommandType>(type: T) {
  return z.object({ type: z.literal(type), ...commandShapes[type] });
}

export const commandSchemas = Object.fromEntries(COMMAND_TYPES.map((type) => [type, commandSchema(type)])) as {
  [T in CommandType]: ReturnType<typeof commandSchema<T>>;
};

export type Command = { [T in CommandType]: z.infer<(typeof commandSchemas)[T]> }[CommandType];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Optional correlation id a client may send; echoed as `referenceId` in the result and events. */
export const referenceIdSchema = z.string().check(z.minLength(1)).check(z.maxLength(64));

export function isCommandType(value: unknown): value is CommandType {
  return typeof value === 'string' && Object.hasOwn(commandShapes, value);
}

/** The body of a successful command. */
export interface CommandResult {
  ok: true;
  type: CommandType;
  referenceId: string;
  /** The interaction the command acted on or created (MakeCall, InitiateTransfer, …). */
  eventId?: string;
  connectionId?: string;
}
