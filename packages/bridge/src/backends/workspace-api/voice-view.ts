import { CtiError } from '@ctikit/protocol';
import type { CallLegSnapshot, DnSnapshot, PortEvent } from '@ctikit/contact-center';
import { LOGGED_OUT, agentEvents, agentViewOf, snapshotState } from './agent-events.ts';
import type { AgentView } from './agent-events.ts';
import { callEvents, callViewOf, legEvent, legSnapshot, reportedAfter } from './call-events.ts';
import type { CallChange, CallView, Cause, CallViewState } from './call-events.ts';
import type { WorkspaceCall, WorkspaceDn } from './workspace-wire.ts';

/**
 * The backend's own view of one agent's DN: registration, the agent state and the call legs, moved
 * only by what the Workspace API reports. Applying a notification returns the T-Server events it
 * stands for (agent-events.ts, call-events.ts); `snapshot` is what a resyncing client gets.
 */
export class VoiceView {
  registered = false;
  private agentState: AgentView = LOGGED_OUT;
  private readonly calls = new Map<string, CallView>();

  constructor(
    readonly agentId: string,
    readonly dn: string,
    private readonly now: () => number,
  ) {}

  get loggedIn(): boolean {
    return this.agentState.state !== 'LoggedOut';
  }

  /** The agent's state as last reported. */
  get agent(): AgentView {
    return this.agentState;
  }

  applyDn(dn: WorkspaceDn, referenceId?: string): PortEvent[] {
    const after = agentViewOf(dn);
    if (!after) return [];
    const events = agentEvents(this.agentState, after, { thisDN: this.dn, agentId: this.agentId, referenceId });
    this.agentState = after;
    return events;
  }

  /**
   * Apply a CallStateChanged: its events, the leg's state after it (`undefined`: a state the backend
   * does not know), and `created`, the ConnID of a call it introduced.
   */
  applyCall(
    call: WorkspaceCall,
    notificationType: string,
    request: Cause['request'],
    referenceId?: string,
  ): { events: PortEvent[]; state?: CallViewState; parentConnId?: string | undefined; created?: string } {
    const connectionId = call.connId ?? call.id;
    const previous = call.previousConnId;
    const rekeyed = previous !== undefined && previous !== connectionId && this.calls.has(previous);
    const before = rekeyed ? this.calls.get(previous) : this.calls.get(connectionId);
    const after = callViewOf(call, before, this.now());
    if (!after) return { events: [] };
    const change: CallChange = {
      before,
      after,
      previousConnectionId: rekeyed ? previous : undefined,
      notificationType,
      cause: { thisDN: this.dn, agentId: this.loggedIn ? this.agentId : undefined, request },
      referenceId,
    };
    const events = callEvents(change);
    after.reported = reportedAfter(change);
    if (rekeyed) this.calls.delete(previous);
    this.store(after);
    return {
      events,
      state: after.state,
      parentConnId: after.parentConnId,
      ...(before === undefined && after.state !== 'Released' ? { created: connectionId } : {}),
    };
  }

  /** What a notification of a call new to the DN would make of it, before applying it; `undefined` for a known call. */
  preview(call: WorkspaceCall): { state: CallViewState; parentConnId?: string | undefined } | undefined {
    const connectionId = call.connId ?? call.id;
    if (this.calls.has(connectionId) || (call.previousConnId !== undefined && this.calls.has(call.previousConnId))) return undefined;
    const view = callViewOf(call, undefined, this.now());
    return view && { state: view.state, parentConnId: view.parentConnId };
  }

  /** EventDTMFSent for digits the Workspace API accepted on one of the DN's calls. */
  dtmfSent(connectionId: string, digits: string, referenceId?: string): PortEvent {
    const view = this.calls.get(connectionId);
    if (!view) throw new CtiError('INVALID_CONNECTION_ID', `No call ${connectionId} on DN ${this.dn}.`);
    return legEvent('EventDTMFSent', view, { thisDN: this.dn, agentId: this.agentId }, referenceId, { digits });
  }

  /**
   * Bring the calls in step with the Workspace API's list after a reconnect. Calls a notification
   * already reported since (`touched`) are current and left alone; the others are compared with
   * the list: changed, new, or gone (released while the link was down).
   */
  reconcile(calls: readonly WorkspaceCall[], touched: ReadonlySet<string>): PortEvent[] {
    const events: PortEvent[] = [];
    const listed = new Set<string>();
    for (const call of calls) {
      const connectionId = call.connId ?? call.id;
      listed.add(connectionId);
      if (touched.has(connectionId)) continue;
      const before = this.calls.get(connectionId);
      const applied = this.applyCall(call, 'ParticipantsUpdated', undefined);
      events.push(...applied.events);
      const after = this.calls.get(connectionId);
      if (before && after && (JSON.stringify(before.userData) !== JSON.stringify(after.userData) || before.recordingState !== after.recordingState)) {
        events.push(...callEvents({ before: after, after, notificationType: 'AttachedDataChanged', cause: { thisDN: this.dn, agentId: this.agentId } }));
      }
    }
    for (const [connectionId, view] of [...this.calls]) {
      if (listed.has(connectionId) || touched.has(connectionId)) continue;
      const after: CallView = { ...view, state: 'Released' };
      events.push(...callEvents({ before: view, after, notificationType: 'StateChange', cause: { thisDN: this.dn, agentId: this.agentId } }));
      this.store(after);
    }
    return events;
  }

  /** The Workspace call id of one of the DN's calls, or INVALID_CONNECTION_ID. */
  callIdOf(connectionId: string): string {
    const view = this.calls.get(connectionId);
    if (!view) throw new CtiError('INVALID_CONNECTION_ID', `No call ${connectionId} on DN ${this.dn}.`);
    return view.callId;
  }

  userDataKeys(connectionId: string): string[] {
    this.callIdOf(connectionId);
    return Object.keys(this.calls.get(connectionId)?.userData ?? {});
  }

  /** Forget the calls: the session that reported them is gone and no other will. */
  forgetCalls(): void {
    this.calls.clear();
  }

  leg(connectionId: string): CallLegSnapshot | undefined {
    const view = this.calls.get(connectionId);
    return view === undefined ? undefined : legSnapshot(view, this.dn);
  }

  snapshot(): DnSnapshot {
    const calls = [...this.calls.values()]
      .sort((a, b) => a.startedAt - b.startedAt || a.connectionId.localeCompare(b.connectionId))
      .flatMap((view) => legSnapshot(view, this.dn) ?? []);
    return {
      agent: {
        agentId: this.agentId,
        dn: this.dn,
        registered: this.registered,
        state: snapshotState(this.agentState),
        ...(this.agentState.workMode !== undefined ? { workMode: this.agentState.workMode } : {}),
        ...(this.agentState.reasonCode !== undefined ? { reasonCode: this.agentState.reasonCode } : {}),
      },
      calls,
    };
  }

  /** Keep a live leg (linking a consultation to its main call), drop an ended one. */
  private store(view: CallView): void {
    const main = view.parentConnId === undefined ? undefined : this.calls.get(view.parentConnId);
    if (view.state === 'Released') {
      this.calls.delete(view.connectionId);
      if (main?.consultConnId === view.connectionId) main.consultConnId = undefined;
      return;
    }
    this.calls.set(view.connectionId, view);
    if (main) main.consultConnId = view.connectionId;
  }
}
