/// <reference types="amazon-connect-streams" />
import { stripPhoneNumber, type AgentView, type ConnectionView, type ContactView } from './streams-view.ts';

/**
 * Reads the picture the mapping works on (streams-view.ts) out of the library's `Agent`, through its
 * public getters, at the moment of an `agent::refresh`. Enumerated values are copied as strings: the
 * library's typings declare its enums with values that differ from the runtime ones.
 */

export function connectionView(connection: connect.BaseConnection): ConnectionView {
  const endpoint = connection.getEndpoint();
  const phoneNumber = typeof endpoint.phoneNumber === 'string' && endpoint.phoneNumber !== '' ? stripPhoneNumber(endpoint.phoneNumber) : undefined;
  const name = typeof endpoint.name === 'string' && endpoint.name !== '' ? endpoint.name : undefined;
  const voice = connection as Partial<Pick<connect.VoiceConnection, 'isMute'>>;
  return {
    connectionId: connection.getConnectionId(),
    type: String(connection.getType()),
    state: String(connection.getState().type),
    initial: connection.isInitialConnection(),
    ...(phoneNumber !== undefined ? { phoneNumber } : {}),
    ...(name !== undefined ? { name } : {}),
    muted: typeof voice.isMute === 'function' ? voice.isMute.call(connection) === true : false,
  };
}

function contactView(contact: connect.Contact): ContactView {
  const state = contact.getState();
  const queue = contact.getQueue() as connect.Queue | null | undefined;
  const attributes: Record<string, string> = {};
  for (const [key, attribute] of Object.entries(contact.getAttributes() ?? {})) {
    if (attribute) attributes[key] = String(attribute.value);
  }
  return {
    contactId: contact.getContactId(),
    type: String(contact.getType()),
    state: String(state.type),
    stateAt: state.timestamp instanceof Date ? state.timestamp.getTime() : Date.now(),
    connections: contact.getConnections().map(connectionView),
    ...(queue?.name ? { queue: queue.name } : {}),
    attributes,
  };
}

export function readAgentView(agent: connect.Agent, now: number): AgentView {
  const state = agent.getState();
  const availability = agent.getAvailabilityState() as connect.AgentAvailabilityState | undefined;
  const name = agent.getName();
  const extension = agent.getExtension();
  return {
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    ...(typeof extension === 'string' && extension !== '' ? { extension: stripPhoneNumber(extension) } : {}),
    state: { name: state.name, type: String(state.type) },
    ...(availability?.state ? { availability: availability.state } : {}),
    states: agent.getAgentStates().map((definition) => ({ name: definition.name, type: String(definition.type) })),
    contacts: agent.getContacts().map(contactView),
    at: now,
  };
}
