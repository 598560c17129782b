import type { AgentSnapshot, Command } from '@ctikit/protocol';
import { arn, type AgentStateDefinition, type SelectableAgentState } from './streams-data.ts';

/**
 * The simulated instance's agent states and how they sit on the contact-center simulator's agent.
 *
 * Selectable states (`agent.getAgentStates()`): `Available` (routable), one `not_routable` state per
 * not-ready reason the contact-center simulator is configured with (their names are the reason codes),
 * and `Offline`. On the switch:
 *
 * | Amazon Connect state          | contact-center agent                |
 * |-------------------------------|-------------------------------------|
 * | Available                     | Ready                               |
 * | a custom state, e.g. `Lunch`  | NotReady, reason code `Lunch`       |
 * | Offline                       | LoggedOut                           |
 *
 * Besides those, the switch's agent may be NotReady for the CCP's own reasons: after-call work and
 * ring-no-answer (`RONA`), which the CCP shows as system and error states while a contact lingers.
 */

export const AVAILABLE = 'Available';
export const OFFLINE = 'Offline';
export const RING_NO_ANSWER_REASON = 'RONA';

export function agentStateCatalog(customStates: readonly string[]): readonly SelectableAgentState[] {
  return [
    { agentStateARN: arn('agent-state', 'available'), type: 'routable', name: AVAILABLE, startTimestamp: null },
    ...customStates.map((name) => ({
      agentStateARN: arn('agent-state', encodeURIComponent(name.toLowerCase())),
      type: 'not_routable' as const,
      name,
      startTimestamp: null,
    })),
    { agentStateARN: arn('agent-state', 'offline'), type: 'offline', name: OFFLINE, startTimestamp: null },
  ];
}

/** The selectable state a `putAgentState` names: by ARN, else by name. */
export function findState(
  catalog: readonly SelectableAgentState[],
  requested: { agentStateARN?: string | null; name?: string },
): SelectableAgentState | undefined {
  return (
    catalog.find((state) => requested.agentStateARN != null && state.agentStateARN === requested.agentStateARN) ??
    catalog.find((state) => state.name === requested.name)
  );
}

/** Whether the switch's agent is held out of routing by the CCP or the switch itself (wrap-up, ring-no-answer). */
export function isRoutingHold(agent: AgentSnapshot): boolean {
  return agent.state === 'NotReady' && (agent.workMode === 'AfterCallWork' || agent.reasonCode === RING_NO_ANSWER_REASON);
}

/**
 * The selectable state the switch's agent is in, or undefined when the switch says nothing about the
 * agent's choice (a reasonless not-ready between a login and its reason, or one of the CCP's holds).
 */
export function stateOfSwitchAgent(catalog: readonly AgentStateDefinition[], agent: AgentSnapshot): AgentStateDefinition | undefined {
  if (agent.state === 'LoggedOut') return catalog.find((state) => state.type === 'offline');
  if (agent.state === 'Ready') return catalog.find((state) => state.type === 'routable');
  if (isRoutingHold(agent) || agent.reasonCode === undefined) return undefined;
  return catalog.find((state) => state.type === 'not_routable' && state.name === agent.reasonCode);
}

/** The commands that bring the switch's agent into `target`; none when it is there already. */
export function commandsFor(target: AgentStateDefinition, agent: AgentSnapshot): Command[] {
  const loggedIn = agent.registered && agent.state !== 'LoggedOut';
  switch (target.type) {
    case 'routable':
      if (!loggedIn) return [{ type: 'initialize' }];
      return agent.state === 'Ready' ? [] : [{ type: 'Ready' }];
    case 'not_routable': {
      const notReady: Command = { type: 'NotReady', workMode: 'AuxWork', reasonCode: target.name };
      if (!loggedIn) return [{ type: 'initialize', ready: false }, notReady];
      return agent.state === 'NotReady' && agent.workMode === 'AuxWork' && agent.reasonCode === target.name ? [] : [notReady];
    }
    case 'offline':
      return agent.state === 'LoggedOut' ? [] : [{ type: 'Logout' }];
    default:
      return [];
  }
}
