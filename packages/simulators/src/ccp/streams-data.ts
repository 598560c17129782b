/**
 * The agent data the Amazon Connect CCP hands to amazon-connect-streams, in the library's own format:
 * what its shared worker posts as `agent::update` (`{ snapshot, configuration }`) and what
 * `connect.core.AgentDataProvider` diffs into agent and contact events. Field names and value sets are
 * the library's (`connect.AgentStateType`, `connect.ContactStateType`, `connect.ConnectionStateType`,
 * `connect.ConnectionType`, `connect.EndpointType`); timestamps are `Date`s, as the worker's SDK
 * client delivers them and as `getStateDuration()` and the worker's contact sort need.
 */

export type AgentStateType = 'init' | 'routable' | 'not_routable' | 'offline' | 'system' | 'error';

export type ContactStateType = 'init' | 'incoming' | 'pending' | 'connecting' | 'connected' | 'missed' | 'error' | 'ended' | 'rejected';

export type ConnectionStateType = 'init' | 'connecting' | 'connected' | 'hold' | 'disconnected';

export type ConnectionType = 'agent' | 'inbound' | 'outbound';

export type EndpointType = 'phone_number' | 'agent' | 'queue';

/** An agent state the agent can pick (`agent.getAgentStates()`), or the one the snapshot reports. */
export interface AgentStateDefinition {
  readonly agentStateARN: string | null;
  readonly type: AgentStateType;
  readonly name: string;
}

/** A selectable state as `getAgentStates` lists it: the service sends `startTimestamp: null` there. */
export interface SelectableAgentState extends AgentStateDefinition {
  readonly startTimestamp: null;
}

export interface StreamsEndpoint {
  readonly endpointARN: string | null;
  readonly type: EndpointType;
  readonly name: string | null;
  readonly phoneNumber: string | null;
  readonly agentLogin: string | null;
  readonly queue: string | null;
}

export interface StreamsConnection {
  readonly connectionId: string;
  readonly endpoint: StreamsEndpoint;
  /** The worker's alias of `endpoint`. */
  readonly address: StreamsEndpoint;
  readonly state: { readonly type: ConnectionStateType; readonly timestamp: Date };
  readonly type: ConnectionType;
  readonly initial: boolean;
  readonly mute: boolean | null;
  readonly quickConnectName: string | null;
  /** The agent's softphone leg carries its media's contexts (`contact.isSoftphoneCall()`); other legs null. */
  readonly softphoneMediaInfo: SoftphoneMediaInfo | null;
  readonly chatMediaInfo: null;
  readonly monitoringInfo: null;
}

export interface SoftphoneMediaInfo {
  readonly autoAccept: boolean;
  readonly callConfigJson: string;
  readonly callContextToken: string;
  readonly callType: 'audio_only';
  readonly mediaLegContextToken: string;
}

/** A queue; the agent's own queue (`…/queue/agent/<id>`, for transfers to the agent) has no name. */
export interface StreamsQueue {
  readonly name: string | null;
  readonly queueARN: string;
  readonly queueId: string;
}

export interface StreamsContact {
  readonly contactId: string;
  readonly initialContactId: string;
  readonly type: 'voice';
  readonly state: { readonly type: ContactStateType; readonly timestamp: Date };
  /** The worker's alias of `state`. */
  readonly status: { readonly type: ContactStateType; readonly timestamp: Date };
  readonly queue: StreamsQueue | null;
  readonly queueTimestamp: Date;
  readonly attributes: Readonly<Record<string, { readonly name: string; readonly value: string }>>;
  readonly connections: readonly StreamsConnection[];
  readonly contactDuration: string;
  readonly contactFeatures: {
    readonly attachmentsEnabled: null;
    readonly messagingMarkdownEnabled: null;
    readonly multiPartyConferenceEnabled: boolean;
  };
  readonly initiationMethod: 'inbound' | 'outbound' | 'transfer';
  readonly name: null;
  readonly description: null;
  readonly references: null;
  readonly channelContext: null;
}

export interface StreamsSnapshot {
  readonly state: AgentStateDefinition & { readonly startTimestamp: Date };
  readonly agentAvailabilityState: { readonly state: string; readonly timeStamp: Date };
  readonly nextState: null;
  readonly contacts: readonly StreamsContact[];
  readonly snapshotTimestamp: Date;
  readonly localTimestamp: number;
  readonly skew: number;
}

export interface StreamsConfiguration {
  readonly name: string;
  readonly username: string;
  readonly agentARN: string;
  readonly extension: string;
  readonly softphoneEnabled: boolean;
  readonly softphoneAutoAccept: boolean;
  readonly permissions: readonly string[];
  readonly dialableCountries: readonly string[];
  readonly agentStates: readonly SelectableAgentState[];
  readonly routingProfile: {
    readonly name: string;
    readonly routingProfileARN: string;
    readonly routingProfileId: string;
    readonly defaultOutboundQueue: StreamsQueue;
    readonly queues: readonly StreamsQueue[];
    readonly channelConcurrencyMap: Readonly<Record<string, number>>;
  };
  readonly agentPreferences: { readonly LANGUAGE: string };
}

/** The payload of `agent::update`. */
export interface StreamsAgentData {
  readonly snapshot: StreamsSnapshot;
  readonly configuration: StreamsConfiguration;
}

/** Quick connects, as `getEndpoints` answers them. */
export interface QuickConnect extends StreamsEndpoint {
  readonly endpointId: string;
}

/** The ARNs of the simulated instance (region, account and instance id are fixed, recognisably fake). */
export const INSTANCE_ARN = 'arn:aws:connect:eu-west-2:000000000000:instance/00000000-0000-4000-8000-c71c1c0ccc00';

export function arn(kind: 'agent' | 'queue' | 'agent-state' | 'routing-profile' | 'transfer-destination', id: string): string {
  return `${INSTANCE_ARN}/${kind}/${id}`;
}

export function phoneEndpoint(phoneNumber: string): StreamsEndpoint {
  return { endpointARN: null, type: 'phone_number', name: null, phoneNumber, agentLogin: null, queue: null };
}

/** The agent's own leg carries an empty `agent` endpoint, as the CTI service reports it. */
export const AGENT_ENDPOINT: StreamsEndpoint = Object.freeze({
  endpointARN: null,
  type: 'agent',
  name: null,
  phoneNumber: null,
  agentLogin: null,
  queue: null,
});
