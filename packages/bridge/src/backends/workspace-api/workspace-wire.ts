import { z } from 'zod';

/**
 * What the Genesys Workspace API v3 sends back, parsed with zod before anything reads it: REST
 * replies, the initialization notification and the voice notifications (`CallStateChanged`,
 * `DnStateChanged`, `EventError`). Fields the backend does not use are left out and ignored; enums
 * the backend maps are kept open (a value it does not know is carried as a string, not rejected).
 */

export const API_BASE = '/workspace/v3';
export const INITIALIZATION_CHANNEL = '/workspace/v3/initialization';
export const VOICE_CHANNEL = '/workspace/v3/voice';
/** The other media channels' states (`ChannelStateChanged`): the backend only notes that they came. */
export const MEDIA_CHANNEL = '/workspace/v3/media';

/** `status.code`: 0 done, 1 accepted asynchronously (the outcome follows as notifications). */
export const replySchema = z.object({
  status: z.object({ code: z.number().int(), message: z.string().optional() }),
  operationId: z.string().optional(),
  /** `activate-channels`: the channels the Workspace API activated. */
  data: z
    .object({ channels: z.array(z.string()).optional() })
    .loose()
    .optional(),
});
export type Reply = z.infer<typeof replySchema>;

export const errorReplySchema = z.object({ status: z.object({ code: z.number().int().optional(), message: z.string().optional() }) });

const kvPairSchema = z.object({ key: z.string(), type: z.string(), value: z.unknown() });
export type KvPair = z.infer<typeof kvPairSchema>;

export const callSchema = z.object({
  id: z.string().min(1),
  connId: z.string().min(1).optional(),
  previousConnId: z.string().min(1).optional(),
  parentConnId: z.string().min(1).optional(),
  callUuid: z.string().optional(),
  callType: z.string().optional(),
  state: z.string(),
  participants: z.array(z.object({ number: z.string(), role: z.string().optional() }).loose()).default([]),
  ani: z.string().optional(),
  dnis: z.string().optional(),
  recordingState: z.string().optional(),
  userData: z.array(kvPairSchema).default([]),
  capabilities: z.array(z.string()).default([]),
});
export type WorkspaceCall = z.infer<typeof callSchema>;

export const dnSchema = z.object({
  number: z.string().optional(),
  agentId: z.string().optional(),
  agentState: z.string(),
  agentWorkMode: z.string().optional(),
  reasons: z.array(kvPairSchema).default([]),
});
export type WorkspaceDn = z.infer<typeof dnSchema>;

const operationId = z.string().optional();

export const voiceMessageSchema = z.discriminatedUnion('messageType', [
  z.object({ messageType: z.literal('CallStateChanged'), notificationType: z.string().default('StateChange'), call: callSchema, operationId }),
  z.object({ messageType: z.literal('DnStateChanged'), dn: dnSchema, operationId }),
  z.object({
    messageType: z.literal('EventError'),
    error: z.object({ errorCode: z.union([z.number(), z.string()]).optional(), errorMessage: z.string().optional() }),
    operationId,
  }),
]);
export type VoiceMessage = z.infer<typeof voiceMessageSchema>;

export const initializationSchema = z.object({ state: z.string() });

export const callsReplySchema = z.object({
  status: z.object({ code: z.number().int() }),
  data: z.object({ calls: z.array(callSchema) }),
});

/** A number the Workspace API may send as a string or a number; kept as text. */
const numberText = z.union([z.string(), z.number()]).transform(String);

/**
 * One entry of `GET targets`, read tolerantly: every field may be missing or null. Agents name the
 * person (`name`, else `firstName lastName`, else `userName`) and, while logged in, list their
 * channels' availability (the voice channel's `userState.state`, `activity` and `phoneNumber`, the
 * DN); queues and route points carry their `number`.
 */
export const directoryEntrySchema = z.object({
  type: z.string(),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  userName: z.string().nullish(),
  employeeId: z.string().nullish(),
  number: numberText.nullish(),
  availability: z
    .object({
      channels: z
        .array(
          z.object({
            name: z.string().nullish(),
            activity: z.string().nullish(),
            phoneNumber: numberText.nullish(),
            userState: z.object({ state: z.string().nullish() }).nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

/** `GET targets`: the entries are parsed one by one (directoryEntrySchema), so one the backend cannot read leaves the others. */
export const targetsReplySchema = z.object({
  status: z.object({ code: z.number().int() }),
  data: z.object({ targets: z.array(z.unknown()).nullish() }).nullish(),
});
