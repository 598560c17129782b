import type {
  Target,
  AgentSnapshot,
  GenesysCredential,
  CallSnapshot,
  NotReadyWorkMode,
  ReadyWorkMode,
  EventNamed,
  TServerEventName,
  TServerWireEvent,
  UserData,
} from '@ctikit/protocol';

/**
 * The contact-center port: how the bridge reaches a contact center. The embedded simulator is its
 * default implementation; a Genesys Workspace API backend is another. The bridge's HTTP/WebSocket
 * layer knows only this interface.
 *
 * Requests are T-Server requests addressed from one DN (`thisDN`). A request resolves when the
 * contact center accepted it and rejects with a `CtiError` (T-Library error code) when it did not;
 * the state it causes arrives as events through `subscribe`, never through the promise.
 * A backend must answer a request about a call only if that call has a party on `thisDN`, so one
 * agent can never act on another agent's call.
 */

interface RequestBase {
  referenceId: string;
  thisDN: string;
}
interface OnCall extends RequestBase {
  connectionId: string;
}
interface ConsultPair extends OnCall {
  /** The consultation leg (TransferConnID / ConferenceConnID). */
  consultConnectionId: string;
}

export type TServerRequest =
  /** `credential`: the agent's own Genesys sign-in, for a backend that acts as the agent (the simulator ignores it). */
  | (RequestBase & { request: 'RequestRegisterAddress'; credential?: GenesysCredential })
  | (RequestBase & { request: 'RequestUnregisterAddress' })
  | (RequestBase & { request: 'RequestAgentLogin'; agentId: string; workMode?: ReadyWorkMode | NotReadyWorkMode })
  | (RequestBase & { request: 'RequestAgentLogout'; reasonCode?: string })
  | (RequestBase & { request: 'RequestAgentReady'; workMode?: ReadyWorkMode })
  | (RequestBase & { request: 'RequestAgentNotReady'; workMode?: NotReadyWorkMode; reasonCode?: string })
  | (RequestBase & { request: 'RequestMakeCall'; destination: string; userData?: UserData })
  | (OnCall & { request: 'RequestAnswerCall' })
  /** On a ringing call this is the agent's reject: an ACD call goes back to its queue. */
  | (OnCall & { request: 'RequestReleaseCall' })
  | (OnCall & { request: 'RequestHoldCall' })
  | (OnCall & { request: 'RequestRetrieveCall' })
  | (OnCall & { request: 'RequestSetMuteOn' })
  | (OnCall & { request: 'RequestSetMuteOff' })
  | (OnCall & { request: 'RequestSingleStepTransfer'; destination: string; userData?: UserData })
  | (OnCall & { request: 'RequestInitiateTransfer'; destination: string; userData?: UserData })
  | (ConsultPair & { request: 'RequestCompleteTransfer' })
  | (OnCall & { request: 'RequestInitiateConference'; destination: string; userData?: UserData })
  | (ConsultPair & { request: 'RequestCompleteConference' })
  | (ConsultPair & { request: 'RequestReconnectCall' })
  | (OnCall & { request: 'RequestDeleteFromConference'; dn: string })
  | (OnCall & { request: 'RequestSendDTMF'; digits: string })
  | (OnCall & { request: 'RequestAttachUserData'; userData: UserData })
  | (OnCall & { request: 'RequestUpdateUserData'; userData: UserData })
  | (OnCall & { request: 'RequestDeletePair'; key: string })
  | (OnCall & { request: 'RequestDeleteUserData' })
  | (OnCall & { request: 'RequestStartCallRecording' })
  | (OnCall & { request: 'RequestStopCallRecording' })
  | (OnCall & { request: 'RequestPauseCallRecording' })
  | (OnCall & { request: 'RequestResumeCallRecording' });

export type TServerRequestName = TServerRequest['request'];

/** What an accepted request reports back: the ConnID it created, if any (MakeCall, Initiate*). */
export interface RequestOutcome {
  connectionId?: string;
}

/**
 * An event as a backend reports it, addressed to one DN (`thisDN` is always set). The bridge adds
 * `eventId`, `seq` and `timestamp` and sends it on as a wire event.
 */
export type PortEvent<E extends TServerWireEvent = TServerWireEvent> = E extends unknown
  ? Omit<E, 'seq' | 'timestamp' | 'eventId'> & { thisDN: string }
  : never;

/** The port event of one name. */
export type PortEventOf<N extends TServerEventName> = EventNamed<PortEvent, N>;

export type PortEventListener = (event: PortEvent) => void;

/** A call leg as seen from one DN, without the bridge's eventId. */
export type CallLegSnapshot = Omit<CallSnapshot, 'eventId'>;

export interface DnSnapshot {
  agent: AgentSnapshot;
  calls: CallLegSnapshot[];
}

export interface AgentEntry {
  agentId: string;
  dn: string;
  name: string;
}

export interface ReasonCode {
  code: string;
  label: string;
}

/**
 * One of an agent's queues now, as Stat Server reports it (Genesys' statistics `Current_In_Queue` and
 * `CurrMaxCallWaitingTime` on the queue's DN): the calls waiting to be offered, and how long the
 * one waiting longest has waited (0 when none waits).
 */
export interface QueueStatus {
  dn: string;
  name: string;
  waiting: number;
  longestWaitSec: number;
}

export interface ContactCenterPort {
  /** Agents the contact center knows, in configuration order; the first is the dev-mode default. */
  agents(): AgentEntry[];
  /** Not-ready reason codes the agent may choose from. */
  reasonCodes(): ReasonCode[];
  /**
   * Optional: the directory — agents with their states, queues — that transfers and consultations
   * go to, as the agent on `dn` asks for it (a backend that acts as each agent asks with that
   * agent's session).
   */
  targets?(dn: string): Promise<Target[]>;
  request(request: TServerRequest): Promise<RequestOutcome>;
  /** Events addressed to `dn`, in order. Returns the unsubscribe function. */
  subscribe(dn: string, listener: PortEventListener): () => void;
  /** The DN's agent and calls now, for a client that resyncs. */
  snapshot(dn: string): DnSnapshot;
  /** Optional: the queues the DN's agent takes calls from, with their waiting calls now. A backend without queue statistics has none. */
  queueStatus?(dn: string): QueueStatus[];
  /**
   * Optional: this bridge stops driving the DN (in a cluster, another node holds the agent's lease):
   * a backend that keeps a session per agent with the contact center drops it, leaving the agent as
   * they are. The embedded simulator has nothing to drop.
   */
  release?(dn: string): void;
  /** The leg of `connectionId` on `dn` now, or undefined: one call's answer, without building the DN's snapshot. */
  leg(dn: string, connectionId: string): CallLegSnapshot | undefined;
  close(): Promise<void>;
}
