import type { Agent, Interaction, Media, Section, State, ToastParameters, UserData } from './objects.ts';
import { ServiceClient, type Done, type Fail, type ServiceClientOptions, type ServiceResponse } from './service-client.ts';
import { API_CATALOG, type Namespace } from './protocol.ts';

/**
 * The namespaces of `genesys.wwe.service`: one method per request of the API, with the request's
 * parameters, then the optional `done` and `fail` callbacks, and a promise of the response.
 * A parameter that may be left out (`voice.dial`'s userData) may be skipped before the callbacks,
 * as in Genesys's script: `voice.dial("5001", done, fail)`; in its place, anything but a function
 * (`undefined` too) is that parameter.
 */

type Method<P extends unknown[], T> = (...args: [...P, Done<T>?, Fail?]) => Promise<ServiceResponse<T>>;

/** What a command answers: nothing to say beyond its success. */
type Ack = null;

export type TargetType = 'AGENT' | 'AGENT_GROUP' | 'SKILL' | 'INTERACTION_QUEUE' | 'ROUTING_POINT' | 'CUSTOM_CONTACT';
/** A plain number (a custom contact), or a typed target: Genesys' `{ type, destination, media }`, or `{ target, destination }`. */
export type TargetQuery =
  | string
  | { readonly type: TargetType; readonly destination: string; readonly media?: 'voice' }
  | { readonly target: TargetType; readonly destination: string };

/** T-Server request extensions (AttributeExtensions): flat key → string | number. */
export type Extensions = Readonly<Record<string, string | number>>;

export interface AgentNamespace {
  get: Method<[], Agent>;
  getState: Method<[], State>;
  getStateList: Method<[], State[]>;
  /** The `operationName` of a State from getStateList. */
  setState: Method<[operationName: string], Ack>;
}

/** Optional userData comes first, so `undefined` in its place is read as the userData, as at run time. */
type Transfer = Method<[interactionId: string, targetQuery: TargetQuery, userData: OptionalUserData, extensions: OptionalExtensions], Ack> &
  Method<[interactionId: string, targetQuery: TargetQuery, userData: OptionalUserData], Ack> &
  Method<[interactionId: string, targetQuery: TargetQuery], Ack>;

type OptionalUserData = UserData | null | undefined;
type OptionalExtensions = Extensions | null | undefined;

export interface InteractionNamespace {
  getInteractions: Method<[], Interaction[]>;
  getByInteractionId: Method<[interactionId: string], Interaction | null>;
  setUserData: Method<[interactionId: string, keyValues: UserData], Ack>;
  deleteUserData: Method<[interactionId: string, key: string], Ack>;
  selectCaseByCaseId: Method<[caseId: string], Ack>;
  markdone: Method<[interactionId: string], Ack>;
  blockMarkdone: Method<[interactionId: string, warningMessage: string], Ack>;
  unblockMarkdone: Method<[interactionId: string], Ack>;
  accept: Method<[interactionId: string], Ack>;
  reject: Method<[interactionId: string], Ack>;
  /** Resolves with the consultation's interactionId. */
  consult: Method<[interactionId: string, targetQuery: TargetQuery, userData: OptionalUserData, extensions: OptionalExtensions], { interactionId: string }> &
    Method<[interactionId: string, targetQuery: TargetQuery, userData: OptionalUserData], { interactionId: string }> &
    Method<[interactionId: string, targetQuery: TargetQuery], { interactionId: string }>;
  singleStepTransfer: Transfer;
  singleStepConference: Transfer;
  /** Takes the consultation's interactionId. */
  completeTransfer: Method<[consultInteractionId: string], Ack>;
  completeConference: Method<[consultInteractionId: string], Ack>;
}

type CallCommand = Method<[interactionId: string], Ack>;

export interface VoiceNamespace {
  /** Click-to-dial; resolves with the new call's interactionId. */
  dial: Method<[destination: string, userData: OptionalUserData], { interactionId: string }> & Method<[destination: string], { interactionId: string }>;
  /** dial, with T-Server request extensions. */
  dialEx: Method<[destination: string, userData: OptionalUserData, extensions: OptionalExtensions], { interactionId: string }>;
  answer: CallCommand;
  hold: CallCommand;
  resume: CallCommand;
  hangUp: CallCommand;
  startCallRecording: CallCommand;
  stopCallRecording: CallCommand;
  pauseCallRecording: CallCommand;
  resumeCallRecording: CallCommand;
}

export interface SipEndpointNamespace {
  muteMicrophone: Method<[], Ack>;
  unmuteMicrophone: Method<[], Ack>;
  muteSpeaker: Method<[], Ack>;
  unmuteSpeaker: Method<[], Ack>;
  isMicrophoneMute: Method<[], boolean>;
  isSpeakerMute: Method<[], boolean>;
}

export interface MediaNamespace {
  getMediaList: Method<[], Media[]>;
  getMediaByName: Method<[name: string], Media>;
  setState: Method<[mediaName: string, operationName: string], Ack>;
}

export interface SystemNamespace {
  /** The requests this page may make. */
  getAllowedServices: Method<[], string[]>;
  triggerActivity: Method<[], Ack>;
  popupToast: Method<[parameters: ToastParameters], { toastId: string }>;
  updateToast: Method<[toastId: string, parameters: Partial<ToastParameters>], Ack>;
  closeToast: Method<[toastId: string], Ack>;
  /** A page in a dialog over the toolbar; resolves with its `dialogId`. */
  openDialog: Method<[url: string, options: DialogOptions], { dialogId: string }>;
  closeDialog: Method<[dialogId: string], Ack>;
  /** Create or change a view of the toolbar's application menu bar, by name. */
  updateViewInApplicationMenuBar: Method<[view: MenuBarView], Ack>;
  closeViewInApplicationMenuBar: Method<[name: string], Ack>;
  /** Whether this page's view is shown to the agent now. */
  amIVisible: Method<[], boolean>;
  /** The toolbar is one tab: it leads, and never follows or negotiates. */
  isFrameLeading: Method<[], boolean>;
  isFrameFollowing: Method<[], boolean>;
  isFrameNegotiating: Method<[], boolean>;
  isFrameLeadingOrNegotiating: Method<[], boolean>;
  /** Whether this page is the extension the agent used last. */
  isLastActiveFrame: Method<[], boolean>;
}

export interface DialogOptions {
  readonly label?: string;
  /** CSS length: `430px`, `40%`. */
  readonly width?: string;
  readonly height?: string;
}

export interface MenuBarView {
  readonly name: string;
  readonly label: string;
  readonly shortLabel?: string;
  readonly tooltip?: string;
  readonly iconUrl?: string;
  readonly backgroundColor?: string;
  readonly labelColor?: string;
}

export interface MessengerNamespace {
  /** Post `message` to every other page subscribed to `messenger:<channel>`. */
  broadcastMessage: Method<[channel: string, message: unknown], Ack>;
}

export interface AuthNamespace {
  /** A signed, short-lived JWT naming the agent (verify it with the bridge's /.well-known/jwks.json). */
  getJwtToken: Method<[], string>;
}

type RecordRequest<P extends unknown[] = []> = Method<[interactionId: string, ...P], unknown>;

/** Outbound campaigns (Outbound Contact Server): records are addressed by the interaction that carries them. */
export interface OutboundNamespace {
  getCampaigns: Method<[], unknown>;
  getPreviewRecord: Method<[campaignName: string], unknown>;
  getChainedRecords: RecordRequest;
  getRecordFields: RecordRequest;
  updateRecordFields: RecordRequest<[recordData: Readonly<Record<string, unknown>>]>;
  callPreviewRecord: RecordRequest<[recordHandle: number]>;
  rejectPreviewRecord: RecordRequest;
  cancelPreviewRecord: RecordRequest;
  startDirectPushPreview: Method<[], unknown>;
  stopDirectPushPreview: Method<[], unknown>;
  rescheduleRecord: RecordRequest<[recordHandle: number, rescheduleDate: string, callbackType: string]>;
  cancelReschedule: RecordRequest;
  getListOfCallResults: Method<[], unknown>;
  setCallResult: RecordRequest<[callResult: number | string]>;
  getCallResult: RecordRequest;
  setDoNotCall: RecordRequest;
  removeDoNotCall: RecordRequest;
}

export interface EmailNamespace {
  create: Method<[destination: string, userData: OptionalUserData], Ack> & Method<[destination: string], Ack>;
}

export interface ConfigurationNamespace {
  /** `voice.*`, `Section/option`, or a list of them. */
  getOption: Method<[options: string | readonly string[]], Section[]>;
}

export interface ServiceNamespaces {
  readonly auth: AuthNamespace;
  readonly agent: AgentNamespace;
  readonly interaction: InteractionNamespace;
  readonly voice: VoiceNamespace;
  readonly sipEndpoint: SipEndpointNamespace;
  readonly media: MediaNamespace;
  readonly system: SystemNamespace;
  readonly email: EmailNamespace;
  readonly outbound: OutboundNamespace;
  readonly messenger: MessengerNamespace;
  readonly configuration: ConfigurationNamespace;
}

/** How many parameters each request takes before its callbacks. */
const ARITY: { [N in Namespace]: Record<(typeof API_CATALOG)[N][number], number> } = {
  auth: { getJwtToken: 0 },
  agent: { get: 0, getState: 0, getStateList: 0, setState: 1 },
  interaction: {
    getInteractions: 0,
    getByInteractionId: 1,
    setUserData: 2,
    deleteUserData: 2,
    selectCaseByCaseId: 1,
    markdone: 1,
    blockMarkdone: 2,
    unblockMarkdone: 1,
    accept: 1,
    reject: 1,
    consult: 4,
    singleStepTransfer: 4,
    singleStepConference: 4,
    completeTransfer: 1,
    completeConference: 1,
  },
  voice: {
    dial: 2,
    dialEx: 3,
    answer: 1,
    hold: 1,
    resume: 1,
    hangUp: 1,
    startCallRecording: 1,
    stopCallRecording: 1,
    pauseCallRecording: 1,
    resumeCallRecording: 1,
  },
  sipEndpoint: { muteMicrophone: 0, unmuteMicrophone: 0, muteSpeaker: 0, unmuteSpeaker: 0, isMicrophoneMute: 0, isSpeakerMute: 0 },
  media: { getMediaList: 0, getMediaByName: 1, setState: 2 },
  system: {
    getAllowedServices: 0,
    triggerActivity: 0,
    popupToast: 1,
    updateToast: 2,
    closeToast: 1,
    openDialog: 2,
    closeDialog: 1,
    updateViewInApplicationMenuBar: 1,
    closeViewInApplicationMenuBar: 1,
    amIVisible: 0,
    isFrameLeading: 0,
    isFrameFollowing: 0,
    isFrameNegotiating: 0,
    isFrameLeadingOrNegotiating: 0,
    isLastActiveFrame: 0,
  },
  email: { create: 2 },
  outbound: {
    getCampaigns: 0,
    getPreviewRecord: 1,
    getChainedRecords: 1,
    getRecordFields: 1,
    updateRecordFields: 2,
    callPreviewRecord: 2,
    rejectPreviewRecord: 1,
    cancelPreviewRecord: 1,
    startDirectPushPreview: 0,
    stopDirectPushPreview: 0,
    rescheduleRecord: 4,
    cancelReschedule: 1,
    getListOfCallResults: 0,
    setCallResult: 2,
    getCallResult: 1,
    setDoNotCall: 1,
    removeDoNotCall: 1,
  },
  messenger: { broadcastMessage: 2 },
  configuration: { getOption: 1 },
};

function asCallback<F>(value: unknown): F | undefined {
  return typeof value === 'function' ? (value as F) : undefined;
}

/** Requests whose omitted parameters Genesys' library sends as `null` (email.create without userData). */
const NULL_PADDED: ReadonlySet<string> = new Set(['email.create']);

/** One method: the parameters are the arguments before the first function (at most `arity`), then done and fail. */
function method(client: ServiceClient, request: string, arity: number) {
  return (...args: unknown[]): Promise<ServiceResponse<unknown>> => {
    let split = 0;
    while (split < arity && split < args.length && typeof args[split] !== 'function') split++;
    const parameters = args.slice(0, split);
    if (NULL_PADDED.has(request)) while (parameters.length < arity) parameters.push(null);
    return client.request(request, parameters, asCallback<Done<unknown>>(args[split]), asCallback<Fail>(args[split + 1]));
  };
}

export function createNamespaces(client: ServiceClient): ServiceNamespaces {
  const namespaces = Object.fromEntries(
    Object.entries(ARITY).map(([namespace, methods]) => [
      namespace,
      Object.fromEntries(Object.entries(methods).map(([name, arity]) => [name, method(client, `${namespace}.${name}`, arity)])),
    ]),
  );
  // Built from the same catalog the interfaces above describe, method by method.
  return namespaces as unknown as ServiceNamespaces;
}

/** `genesys.wwe.service`: the transport (sendMessage, subscribe…) and the namespaces on one object. */
export type WweService = ServiceClient & ServiceNamespaces;

export function createServiceClient(options: ServiceClientOptions): WweService {
  const client = new ServiceClient(options);
  return Object.assign(client, createNamespaces(client));
}
