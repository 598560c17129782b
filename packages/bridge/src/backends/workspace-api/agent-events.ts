import { notReadyWorkModes, readyWorkModes } from '@ctikit/protocol';
import type { AgentStateName, AgentWorkMode, NotReadyWorkMode, ReadyWorkMode } from '@ctikit/protocol';
import type { PortEvent } from '@ctikit/contact-center';
import type { WorkspaceDn } from './workspace-wire.ts';

/**
 * The agent's state on its DN as the Workspace API reports it (`DnStateChanged`), and the T-Server
 * agent events a change of it stands for:
 *
 *     LoggedOut ──▶ LoggedIn | NotReady | Ready      EventAgentLogin (+ EventAgentNotReady / EventAgentReady)
 *     * ──▶ NotReady (other work mode or reason)     EventAgentNotReady
 *     * ──▶ Ready (other work mode)                  EventAgentReady
 *     * ──▶ LoggedOut                                EventAgentLogout
 */
export interface AgentView {
  state: 'LoggedOut' | 'LoggedIn' | 'Ready' | 'NotReady';
  workMode?: AgentWorkMode;
  reasonCode?: string;
}

export const LOGGED_OUT: AgentView = { state: 'LoggedOut' };

const AGENT_STATES: ReadonlySet<string> = new Set(['LoggedOut', 'LoggedIn', 'Ready', 'NotReady']);

/** The Dn as an AgentView; `undefined` for a state the backend does not know (OutOfService…). */
export function agentViewOf(dn: WorkspaceDn): AgentView | undefined {
  if (!AGENT_STATES.has(dn.agentState)) return undefined;
  const state = dn.agentState as AgentView['state'];
  const modes: readonly string[] = state === 'Ready' ? readyWorkModes : state === 'NotReady' ? notReadyWorkModes : [];
  const workMode = dn.agentWorkMode !== undefined && modes.includes(dn.agentWorkMode) ? (dn.agentWorkMode as AgentWorkMode) : undefined;
  const reason = state === 'NotReady' ? dn.reasons.find((pair) => pair.key === 'ReasonCode')?.value : undefined;
  return {
    state,
    ...(workMode !== undefined ? { workMode } : {}),
    ...(reason !== undefined && reason !== null ? { reasonCode: String(reason) } : {}),
  };
}

/** The snapshot state: a DN logged in but not yet Ready or NotReady counts as NotReady. */
export function snapshotState(view: AgentView): AgentStateName {
  return view.state === 'LoggedIn' ? 'NotReady' : view.state;
}

interface Addressing {
  thisDN: string;
  agentId: string;
  referenceId?: string | undefined;
}

export function agentEvents(before: AgentView, after: AgentView, addressing: Addressing): PortEvent[] {
  const base = {
    thisDN: addressing.thisDN,
    agentId: addressing.agentId,
    ...(addressing.referenceId !== undefined ? { referenceId: addressing.referenceId } : {}),
  };
  const events: PortEvent[] = [];
  if (before.state === 'LoggedOut' && after.state !== 'LoggedOut') events.push({ eventName: 'EventAgentLogin', ...base });
  if (after.state === 'NotReady' && (before.state !== 'NotReady' || before.workMode !== after.workMode || before.reasonCode !== after.reasonCode)) {
    events.push({
      eventName: 'EventAgentNotReady',
      ...base,
      ...(after.workMode !== undefined ? { workMode: after.workMode as NotReadyWorkMode } : {}),
      ...(after.reasonCode !== undefined ? { reasons: { ReasonCode: after.reasonCode } } : {}),
    });
  }
  if (after.state === 'Ready' && (before.state !== 'Ready' || before.workMode !== after.workMode)) {
    events.push({ eventName: 'EventAgentReady', ...base, ...(after.workMode !== undefined ? { workMode: after.workMode as ReadyWorkMode } : {}) });
  }
  if (after.state === 'LoggedOut' && before.state !== 'LoggedOut') events.push({ eventName: 'EventAgentLogout', ...base });
  return events;
}
