/**
 * The Service Client API's postMessage wire format, protocol version 2, as Genesys Agent Desktop
 * (Workspace Web Edition) speaks it with `wwe-service-client-api.js`. Both sides of ctikit use it:
 * the client library (`ServiceClient`) and the toolbar's extensions host.
 *
 * Client → host (the extension's frame posts to the toolbar):
 * - a request: `{ request: "agent.get", parameters: [...], referenceId: "0", userAgent: "WWE Client",
 *   protocolVersion: 2, frameId? }`;
 * - a subscription: `{ event: "subscribe", data: "agent" | ["agent", …], referenceId, … }`, answered with
 *   the `subscriptionId`; `{ event: "unsubscribe", data: subscriptionId }` is not answered.
 *
 * Host → client (the toolbar posts to the frame, to the frame's origin, never `*`):
 * - a response, matched by `referenceId`: `data` on success, `errorMessage` on failure;
 * - an event: `{ event: "<topic>", data: { eventType, … }, userAgent: "WWE Server", protocolVersion: 2 }`;
 * - the frame's id: `{ frameId, userAgent, protocolVersion }`, echoed by the client afterwards.
 *
 * A message is told apart in that order: `event`, then `referenceId`, then `frameId`.
 *
 * This module holds the names and shapes; `wire.ts` the host's zod schemas of what clients post,
 * `host-message.ts` the client's schema of what the host posts.
 */

export const PROTOCOL_VERSION = 2;
export const CLIENT_USER_AGENT = 'WWE Client';
export const SERVER_USER_AGENT = 'WWE Server';
/** A request with no answer after this long fails with `REQUEST_TIMEOUT_MESSAGE`. */
export const REQUEST_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MESSAGE = 'Request timeout';

/**
 * The notification topics a client can subscribe to, each with the namespace whose requests an
 * origin must be allowed (one of) to hear it. `messenger:<channel>` topics (below) carry the
 * messages of `messenger.broadcastMessage`.
 */
export const TOPIC_NAMESPACES = {
  agent: 'agent',
  interaction: 'interaction',
  media: 'media',
  system: 'system',
  outbound: 'outbound',
  markdone: 'interaction',
} as const;
export type Topic = keyof typeof TOPIC_NAMESPACES;
export const TOPICS = Object.keys(TOPIC_NAMESPACES) as Topic[];

export function isTopic(value: string): value is Topic {
  return Object.hasOwn(TOPIC_NAMESPACES, value);
}

/** `messenger:my-channel`: the messages other extensions broadcast on `my-channel`. */
export const MESSENGER_TOPIC_PREFIX = 'messenger:';
export type MessengerTopic = `${typeof MESSENGER_TOPIC_PREFIX}${string}`;
const CHANNEL = /^[A-Za-z0-9_.-]{1,64}$/;

export function isMessengerTopic(value: string): value is MessengerTopic {
  return value.startsWith(MESSENGER_TOPIC_PREFIX) && CHANNEL.test(value.slice(MESSENGER_TOPIC_PREFIX.length));
}

export function isChannelName(value: string): boolean {
  return CHANNEL.test(value);
}

/** Every request of the API, by namespace: the names a filter (`agent.*, voice.dial`) is matched against. */
export const API_CATALOG = {
  auth: ['getJwtToken'],
  agent: ['get', 'getState', 'getStateList', 'setState'],
  interaction: [
    'getInteractions',
    'getByInteractionId',
    'setUserData',
    'deleteUserData',
    'selectCaseByCaseId',
    'markdone',
    'blockMarkdone',
    'unblockMarkdone',
    'accept',
    'reject',
    'consult',
    'singleStepTransfer',
    'singleStepConference',
    'completeTransfer',
    'completeConference',
  ],
  voice: ['dial', 'dialEx', 'answer', 'hold', 'resume', 'hangUp', 'startCallRecording', 'stopCallRecording', 'pauseCallRecording', 'resumeCallRecording'],
  sipEndpoint: ['muteMicrophone', 'unmuteMicrophone', 'muteSpeaker', 'unmuteSpeaker', 'isMicrophoneMute', 'isSpeakerMute'],
  media: ['getMediaList', 'getMediaByName', 'setState'],
  system: [
    'getAllowedServices',
    'triggerActivity',
    'popupToast',
    'updateToast',
    'closeToast',
    'openDialog',
    'closeDialog',
    'updateViewInApplicationMenuBar',
    'closeViewInApplicationMenuBar',
    'amIVisible',
    'isFrameLeading',
    'isFrameFollowing',
    'isFrameNegotiating',
    'isFrameLeadingOrNegotiating',
    'isLastActiveFrame',
  ],
  email: ['create'],
  outbound: [
    'getCampaigns',
    'getPreviewRecord',
    'getChainedRecords',
    'getRecordFields',
    'updateRecordFields',
    'callPreviewRecord',
    'rejectPreviewRecord',
    'cancelPreviewRecord',
    'startDirectPushPreview',
    'stopDirectPushPreview',
    'rescheduleRecord',
    'cancelReschedule',
    'getListOfCallResults',
    'setCallResult',
    'getCallResult',
    'setDoNotCall',
    'removeDoNotCall',
  ],
  messenger: ['broadcastMessage'],
  configuration: ['getOption'],
} as const satisfies Record<string, readonly string[]>;

export type Namespace = keyof typeof API_CATALOG;
export type ApiName = { [N in Namespace]: `${N}.${(typeof API_CATALOG)[N][number]}` }[Namespace];

export const API_NAMES: readonly ApiName[] = Object.entries(API_CATALOG).flatMap(([namespace, methods]) =>
  methods.map((method) => `${namespace}.${method}` as ApiName),
);

export function isApiName(value: string): value is ApiName {
  return (API_NAMES as readonly string[]).includes(value);
}

/** A caller's own referenceId may be a string or a number; it is echoed as it came. */
export type ReferenceId = string | number;

/** What the host answers a request with. */
export interface ResponseMessage {
  readonly referenceId: ReferenceId;
  readonly request?: string;
  readonly data?: unknown;
  /** Set on a failure only; its presence is what makes a response a failure. */
  readonly errorMessage?: string;
  /** A stable code for the failure (`NOT_SUPPORTED`, `NOT_ALLOWED`, `INVALID_PARAMETERS`, the toolbar's CTI codes). */
  readonly errorCode?: string;
  /** The answer to a subscription. */
  readonly subscriptionId?: string;
  readonly userAgent: typeof SERVER_USER_AGENT;
  readonly protocolVersion: typeof PROTOCOL_VERSION;
}

export interface EventMessage<D extends { eventType: string } = { eventType: string }> {
  readonly event: Topic | MessengerTopic;
  readonly data: D;
  readonly userAgent: typeof SERVER_USER_AGENT;
  readonly protocolVersion: typeof PROTOCOL_VERSION;
}

export interface FrameIdMessage {
  readonly frameId: number;
  readonly userAgent: typeof SERVER_USER_AGENT;
  readonly protocolVersion: typeof PROTOCOL_VERSION;
}

export type HostMessage = ResponseMessage | EventMessage | FrameIdMessage;
