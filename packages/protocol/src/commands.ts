import { z } from 'zod';
import { genesysCredentialSchema } from './genesys-credential.ts';

/**
 * Commands: what a client POSTs to `/genesys/events` (the socket `/genesysWs` is server→client only).
 * The seeds' two commands keep their exact spelling (`initialize`, `Accept` with `connectionId`);
 * the rest follow the T-Server request they become (RequestAnswerCall, RequestHoldCall, …).
 */

const connectionId = z.string().min(1).max(64);
const number = z.string().min(1).max(64);
const userDataKey = z.string().min(1).max(128);
export const userDataValue = z.union([z.string().max(4096), z.number().finite()]);
export const userDataSchema = z
  .record(userDataKey, userDataValue)
  .refine((value) => Object.keys(value).length <= 100, { message: 'at most 100 user-data keys' });
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
  initialize: { ready: z.boolean().optional(), workMode: z.enum(readyWorkModes).optional(), genesysCredential: genesysCredentialSchema.optional() },
  Ready: { workMode: z.enum(readyWorkModes).optional() },
  NotReady: { reasonCode: z.string().min(1).max(64).optional(), workMode: z.enum(notReadyWorkModes).optional() },
  Logout: { reasonCode: z.string().min(1).max(64).optional() },
  Accept: onCall,
  Reject: onCall,
  Hangup: onCall,
  /** `eventId` lets Fusion's click-to-dial id become the interaction's id for its whole life. */
  MakeCall: { phoneNumber: number, eventId: z.string().min(1).max(128).optional(), userData: userDataSchema.optional() },
  Hold: onCall,
  Retrieve: onCall,
  Mute: onCall,
  Unmute: onCall,
  SingleStepTransfer: { connectionId, destination: number, userData: userDataSchema.optional() },
  InitiateTransfer: { connectionId, destination: number, userData: userDataSchema.optional() },
  CompleteTransfer: consultPair,
  InitiateConference: { connectionId, destination: number, userData: userDataSchema.optional() },
  CompleteConference: consultPair,
  /** Cancel a consultation: release the consult leg and retrieve the held call (RequestReconnectCall). */
  ReconnectCall: consultPair,
  DeleteFromConference: { connectionId, dn: number },
  SendDTMF: { connectionId, digits: z.string().min(1).max(64) },
  AttachUserData: { connectionId, userData: userDataSchema },
  UpdateUserData: { connectionId, userData: userDataSchema },
  /** Without `key`: delete all user data (RequestDeleteUserData); with it: one pair (RequestDeletePair). */
  DeleteUserData: { connectionId, key: userDataKey.optional() },
  StartRecording: onCall,
  StopRecording: onCall,
  PauseRecording: onCall,
  ResumeRecording: onCall,
} satisfies Record<string, z.ZodRawShape>;

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
export const referenceIdSchema = z.string().min(1).max(64);

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
