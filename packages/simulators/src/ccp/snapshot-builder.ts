import type { ContactRecord, LegRecord } from './contact-book.ts';
import type { QuickConnectDirectory } from './quick-connects.ts';
import {
  AGENT_ENDPOINT,
  arn,
  phoneEndpoint,
  type AgentStateDefinition,
  type ConnectionType,
  type SelectableAgentState,
  type SoftphoneMediaInfo,
  type StreamsAgentData,
  type StreamsConfiguration,
  type StreamsConnection,
  type StreamsContact,
  type StreamsEndpoint,
  type StreamsQueue,
} from './streams-data.ts';

/**
 * Writes the agent's state and contacts in the library's snapshot format (streams-data.ts): the
 * configuration (`getConfiguration()`, `getAgentStates()`, the routing profile and its queues) and the
 * snapshot (`getState()`, `getAvailabilityState()`, `getContacts()`).
 */

export interface AgentProfile {
  readonly agentId: string;
  readonly name: string;
  /** The agent's DN on the contact-center simulator (the CCP's softphone line). */
  readonly dn: string;
  readonly queues: ReadonlyArray<{ readonly dn: string; readonly name: string }>;
  /** The custom not-routable states: the simulator's not-ready reason codes. */
  readonly customStates: readonly string[];
  readonly directory: QuickConnectDirectory;
}

export interface SnapshotInput {
  readonly profile: AgentProfile;
  readonly catalog: readonly SelectableAgentState[];
  readonly visible: { readonly state: AgentStateDefinition; readonly since: number };
  readonly chosen: { readonly state: AgentStateDefinition; readonly since: number };
  readonly contacts: readonly ContactRecord[];
  readonly now: number;
}

export function queueOf(dn: string, name: string): StreamsQueue {
  const queueARN = arn('queue', dn);
  return { name, queueARN, queueId: queueARN };
}

/** The agent's own queue, which every routing profile lists besides its queues: where transfers to the agent wait. */
function agentQueue(agentId: string): StreamsQueue {
  const queueARN = arn('queue', `agent/${agentId}`);
  return { name: null, queueARN, queueId: queueARN };
}

export function buildConfiguration(profile: AgentProfile, catalog: readonly SelectableAgentState[]): StreamsConfiguration {
  const queues = profile.queues.map((queue) => queueOf(queue.dn, queue.name));
  const routingProfileARN = arn('routing-profile', 'basic');
  return {
    name: profile.name,
    username: profile.agentId,
    agentARN: arn('agent', profile.agentId),
    extension: '',
    softphoneEnabled: true,
    softphoneAutoAccept: false,
    permissions: ['outboundCall'],
    dialableCountries: ['us', 'gb', 'jp', 'fr', 'de'],
    agentStates: catalog,
    routingProfile: {
      name: 'Basic Routing Profile',
      routingProfileARN,
      routingProfileId: routingProfileARN,
      defaultOutboundQueue: queues[0] ?? queueOf('outbound', 'BasicQueue'),
      queues: [...queues, agentQueue(profile.agentId)],
      channelConcurrencyMap: { VOICE: 1, CHAT: 0, TASK: 0 },
    },
    agentPreferences: { LANGUAGE: 'en_US' },
  };
}

/** The agent's softphone leg: an audio call whose media the CCP's softphone manager would set up. */
function softphoneMedia(leg: LegRecord): SoftphoneMediaInfo {
  return {
    autoAccept: false,
    callConfigJson: JSON.stringify({ callType: 'audio_only', simulated: true }),
    callContextToken: `call-context-${leg.connectionId}`,
    callType: 'audio_only',
    mediaLegContextToken: `media-leg-${leg.connectionId}`,
  };
}

function connection(leg: LegRecord, type: ConnectionType, initial: boolean, endpoint: StreamsEndpoint, mute: boolean | null): StreamsConnection {
  return {
    connectionId: leg.connectionId,
    endpoint,
    address: endpoint,
    state: { type: leg.state, timestamp: new Date(leg.at) },
    type,
    initial,
    mute,
    quickConnectName: endpoint.type === 'phone_number' ? null : endpoint.name,
    softphoneMediaInfo: type === 'agent' ? softphoneMedia(leg) : null,
    chatMediaInfo: null,
    monitoringInfo: null,
  };
}

function contactData(contact: ContactRecord, profile: AgentProfile, now: number): StreamsContact {
  const connections: StreamsConnection[] = [
    connection(contact.agent, 'agent', false, AGENT_ENDPOINT, contact.muted),
    connection(contact.customer, contact.direction, true, phoneEndpoint(contact.customer.phoneNumber), false),
  ];
  if (contact.thirdParty) {
    connections.push(connection(contact.thirdParty, 'outbound', false, profile.directory.endpointFor(contact.thirdParty.destination), false));
  }
  const queue = profile.queues.find((candidate) => candidate.dn === contact.queueDn) ?? profile.queues[0];
  // Outbound calls are placed through the default outbound queue, and stamped when they entered it, as inbound ones.
  const attributes = Object.fromEntries(Object.entries(contact.attributes).map(([name, value]) => [name, { name, value: String(value) }]));
  const state = { type: contact.state, timestamp: new Date(contact.stateAt) };
  return {
    contactId: contact.contactId,
    initialContactId: contact.contactId,
    type: 'voice',
    state,
    status: state,
    queue: queue ? queueOf(queue.dn, queue.name) : null,
    queueTimestamp: new Date(contact.createdAt),
    attributes,
    connections,
    contactDuration: String(Math.max(0, Math.round((now - contact.createdAt) / 1000))),
    contactFeatures: { attachmentsEnabled: null, messagingMarkdownEnabled: null, multiPartyConferenceEnabled: false },
    initiationMethod: contact.initiationMethod,
    name: null,
    description: null,
    references: null,
    channelContext: null,
  };
}

export function buildAgentData(input: SnapshotInput): StreamsAgentData {
  const { profile, visible, chosen, now } = input;
  return {
    configuration: buildConfiguration(profile, input.catalog),
    snapshot: {
      state: { ...visible.state, startTimestamp: new Date(visible.since) },
      agentAvailabilityState: { state: chosen.state.name, timeStamp: new Date(chosen.since) },
      nextState: null,
      contacts: [...input.contacts].sort((a, b) => a.stateAt - b.stateAt).map((contact) => contactData(contact, profile, now)),
      snapshotTimestamp: new Date(now),
      localTimestamp: now,
      skew: 0,
    },
  };
}
