import { isCallEvent, type CallWireEvent } from '@ctikit/protocol';
import type { PortEvent } from '@ctikit/contact-center';
import { callFromEvent, dnModel, stateAfter } from './call-model.ts';
import type { AgentFacts } from './call-model.ts';
import type { NotificationType, VoiceMessage, WorkspaceCall } from './wire.ts';

/**
 * One Workspace session's voice notifications: the engine's T-Server events for the session's DN,
 * turned into `DnStateChanged` and `CallStateChanged` messages as the Workspace API sends them. It
 * keeps the calls as last published, so an event that does not carry a state (a party added, data
 * attached) keeps the call's state, and a call whose ConnID changes is published with
 * `previousConnId`. Events the Workspace API has no notification for (registration, busy tone,
 * mute) publish nothing. As Genesys' own simulator does, a notification carries the request's
 * `operationId` only for the operations that echo it (answer): clients must settle a request on the
 * state it leads to, not on the echo.
 */
export class VoiceNotifier {
  private readonly calls = new Map<string, WorkspaceCall>();
  /** Whether anything was published for an operation: activation publishes the Dn when nothing else was. */
  private readonly answered = new Set<string>();
  /** The operations whose notifications carry their operationId. */
  private readonly echoed = new Set<string>();

  constructor(
    private agent: AgentFacts,
    private readonly publish: (message: VoiceMessage) => void,
  ) {}

  get dn(): AgentFacts {
    return this.agent;
  }

  onEngineEvent(event: PortEvent): void {
    const operationId = event.referenceId;
    const message = isCallEvent(event) ? this.callMessage(event) : this.agentMessage(event);
    if (!message) return;
    if (operationId !== undefined) this.answered.add(operationId);
    this.publish(operationId !== undefined && this.echoed.has(operationId) ? { ...message, operationId } : message);
  }

  /** The notifications of this operation will carry its operationId. */
  echo(operationId: string): void {
    this.echoed.add(operationId);
  }

  /** Publish the Dn as it is, for an operation that changed nothing (activating an already active DN). */
  publishDnUnlessAnswered(operationId: string): void {
    if (!this.answered.delete(operationId)) this.publish({ messageType: 'DnStateChanged', dn: dnModel(this.agent) });
  }

  forget(operationId: string): void {
    this.answered.delete(operationId);
    this.echoed.delete(operationId);
  }

  private agentMessage(event: PortEvent): VoiceMessage | undefined {
    const next = agentAfter(this.agent, event);
    if (!next) return undefined;
    this.agent = next;
    return { messageType: 'DnStateChanged', dn: dnModel(next) };
  }

  private callMessage(event: PortEvent<CallWireEvent>): VoiceMessage | undefined {
    const { connectionId } = event;
    const previous = event.previousConnectionId;
    const before = this.calls.get(previous ?? connectionId) ?? this.calls.get(connectionId);
    const state = stateAfter(event, before?.state);
    if (!state) return undefined;
    const call = callFromEvent(this.agent.dn, event, state, before);
    if (previous !== undefined) this.calls.delete(previous);
    if (state === 'Released') this.calls.delete(connectionId);
    else this.calls.set(connectionId, call);
    return { messageType: 'CallStateChanged', notificationType: notificationTypeOf(event, before, call), call };
  }
}

function notificationTypeOf(event: PortEvent, before: WorkspaceCall | undefined, call: WorkspaceCall): NotificationType {
  switch (event.eventName) {
    case 'EventPartyAdded':
    case 'EventPartyDeleted':
      return 'ParticipantsUpdated';
    case 'EventAttachedDataChanged':
      return before !== undefined && before.recordingState !== call.recordingState ? 'CallRecordingStateChange' : 'AttachedDataChanged';
    default:
      return 'StateChange';
  }
}

function agentAfter(agent: AgentFacts, event: PortEvent): AgentFacts | undefined {
  switch (event.eventName) {
    case 'EventAgentLogin':
      return { dn: agent.dn, agentId: agent.agentId, state: 'LoggedIn' };
    case 'EventAgentLogout':
      return { dn: agent.dn, agentId: agent.agentId, state: 'LoggedOut' };
    case 'EventAgentReady':
      return { dn: agent.dn, agentId: agent.agentId, state: 'Ready', workMode: event.workMode };
    case 'EventAgentNotReady':
      return { dn: agent.dn, agentId: agent.agentId, state: 'NotReady', workMode: event.workMode, reasonCode: event.reasons?.['ReasonCode'] };
    default:
      return undefined;
  }
}
