import type { ConnectionStatus } from '../../../src/core/connection-status.ts';
import type { AgentState } from '../../../src/core/agent-state.ts';
import type { AttachedData, EndCause, RecordingState } from '../../../src/core/interaction.ts';
import { failure, OK, type CommandOutcome, type DialOutcome, type ReasonCode, type ReasonCodesOutcome } from '../../../src/core/outcome.ts';
import type { VendorEvent, VendorEventSink } from '../../../src/core/vendor-events.ts';
import type { ConsultPurpose, ICtiVendorHandler } from '../../../src/core/vendor-handler.ts';
import { details, T0 } from './vendor-events.ts';

/**
 * A small in-memory telephony vendor that keeps the port's contract: it checks each request against
 * its own calls, answers with an outcome, and reports what happened through the sink — only through
 * the sink. `deferEvents` holds the events back until `flush()`, like a vendor whose socket lags its
 * REST answers. It also plays the world outside: a customer calling in, answering, hanging up.
 */
interface MemoryCall {
  state: 'offered' | 'dialing' | 'connected' | 'held';
  muted: boolean;
  recordingState: RecordingState;
  userData: Record<string, string | number>;
}

export class MemoryVendor implements ICtiVendorHandler {
  readonly vendorName = 'memory';
  /** Every request that reached the vendor, as `method arg…`. */
  readonly requests: string[] = [];
  deferEvents = false;
  private sink: VendorEventSink | undefined;
  private held: VendorEvent[] = [];
  private agent: AgentState = { kind: 'loggedOut' };
  private readonly calls = new Map<string, MemoryCall>();
  private now = T0;
  private consults = 0;
  private readonly reasons: ReasonCode[] = [
    { code: 'Break', label: 'Break' },
    { code: 'Lunch', label: 'Lunch break' },
  ];

  /** The next failure to answer with, instead of doing anything. */
  failNext: CommandOutcome | undefined;
  /** A contact center with after-call work: a Ready agent whose connected call ends goes into it. */
  afterCallWork: { readonly endsAt?: number } | undefined;

  /** The link to the vendor goes (reconnecting) or comes back. */
  link(status: ConnectionStatus): void {
    this.emit({ type: 'connectionChanged', status, at: this.tick() });
  }

  /** The contact center ends the agent's after-call work on its own (its timer, a supervisor). */
  endsAfterCallWork(): void {
    this.setAgent({ kind: 'ready' });
  }

  async endAfterCallWork(): Promise<CommandOutcome> {
    return this.request('endAfterCallWork', [], () => this.setAgent({ kind: 'ready' }));
  }

  flush(): void {
    const events = this.held;
    this.held = [];
    for (const event of events) this.sink?.(event);
  }

  ring(eventId: string, ani = '+15550100', userData: AttachedData = {}): void {
    this.calls.set(eventId, { state: 'offered', muted: false, recordingState: 'stopped', userData: { ...userData } });
    this.emit({ type: 'interactionOffered', eventId, details: details({ phoneNumber: ani, userData }), at: this.tick() });
  }

  /** Someone else (the IVR, a colleague) attaches data to the call. */
  attachData(eventId: string, userData: AttachedData): void {
    const call = this.calls.get(eventId);
    if (!call) throw new Error(`no call ${eventId}`);
    call.userData = { ...call.userData, ...userData };
    this.emit({ type: 'interactionDataChanged', eventId, userData: { ...call.userData }, at: this.tick() });
  }

  customerAnswers(eventId: string): void {
    this.setState(eventId, 'connected');
    this.emit({ type: 'interactionConnected', eventId, at: this.tick() });
  }

  customerHangsUp(eventId: string): void {
    const call = this.calls.get(eventId);
    this.end(eventId, call?.state === 'offered' ? { kind: 'abandoned' } : { kind: 'completed' });
  }

  async connect(sink: VendorEventSink): Promise<CommandOutcome> {
    this.sink = sink;
    this.emit({ type: 'connectionChanged', status: { state: 'connected' }, at: this.tick() });
    return OK;
  }

  async dispose(): Promise<void> {
    this.sink = undefined;
  }

  async makeAgentAvailable(): Promise<CommandOutcome> {
    return this.request('makeAgentAvailable', [], () => {
      if (this.agent.kind === 'ready') return failure('ALREADY_IN_STATE');
      return this.setAgent({ kind: 'ready' });
    });
  }

  async makeAgentUnavailable(reasonCode?: string): Promise<CommandOutcome> {
    return this.request('makeAgentUnavailable', [reasonCode], () => {
      if (reasonCode === undefined) return this.setAgent({ kind: 'notReady' });
      const reason = this.reasons.find((r) => r.code === reasonCode);
      if (!reason) return failure('INVALID_ATTRIBUTE', `Unknown reason code ${reasonCode}.`);
      return this.setAgent({ kind: 'notReady', reasonCode, reasonLabel: reason.label });
    });
  }

  async logout(reasonCode?: string): Promise<CommandOutcome> {
    return this.request('logout', [reasonCode], () => this.setAgent({ kind: 'loggedOut' }));
  }

  async reasonCodes(): Promise<ReasonCodesOutcome> {
    return { ok: true, reasonCodes: this.reasons };
  }

  async makeOutboundCall(phoneNumber: string, eventId: string, userData?: AttachedData): Promise<CommandOutcome> {
    return this.request('makeOutboundCall', [phoneNumber, eventId, dataArg(userData)], () => {
      if (this.calls.has(eventId)) return failure('INVALID_ATTRIBUTE', 'eventId in use');
      this.calls.set(eventId, { state: 'dialing', muted: false, recordingState: 'stopped', userData: userData ?? {} });
      const at = this.tick();
      this.emit({
        type: 'interactionDialing',
        eventId,
        details: details({ direction: 'outbound', phoneNumber, parties: ['5001', phoneNumber], userData: userData ?? {} }),
        at,
      });
      return OK;
    });
  }

  async acceptCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('acceptCall', eventId, ['offered'], () => this.customerAnswers(eventId));
  }

  async rejectCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('rejectCall', eventId, ['offered'], () => this.end(eventId, { kind: 'rejected' }));
  }

  async hangupCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('hangupCall', eventId, ['dialing', 'connected', 'held'], (call) =>
      this.end(eventId, call.state === 'dialing' ? { kind: 'canceled' } : { kind: 'completed' }),
    );
  }

  async holdCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('holdCall', eventId, ['connected'], () => {
      this.setState(eventId, 'held');
      this.emit({ type: 'interactionHeld', eventId, at: this.tick() });
    });
  }

  async retrieveCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('retrieveCall', eventId, ['held'], () => this.retrieve(eventId));
  }

  async muteCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('muteCall', eventId, ['connected', 'held'], (call) => this.mute(eventId, call, true));
  }

  async unmuteCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('unmuteCall', eventId, ['connected', 'held'], (call) => this.mute(eventId, call, false));
  }

  async transferCall(eventId: string, destination: string, userData?: AttachedData): Promise<CommandOutcome> {
    return this.onCall('transferCall', eventId, ['connected', 'held'], () => this.end(eventId, { kind: 'transferred' }), [destination, dataArg(userData)]);
  }

  async consultCall(eventId: string, destination: string, _purpose?: ConsultPurpose, userData?: AttachedData): Promise<DialOutcome> {
    const consultEventId = `${eventId}-consult-${++this.consults}`;
    const outcome = await this.onCall(
      'consultCall',
      eventId,
      ['connected', 'held'],
      (call) => {
        if (call.state === 'connected') {
          this.setState(eventId, 'held');
          this.emit({ type: 'interactionHeld', eventId, at: this.tick() });
        }
        this.calls.set(consultEventId, { state: 'dialing', muted: false, recordingState: 'stopped', userData: userData ?? {} });
        this.emit({
          type: 'interactionDialing',
          eventId: consultEventId,
          details: details({ direction: 'consult', phoneNumber: destination, linkedEventId: eventId, userData: userData ?? {} }),
          at: this.tick(),
        });
        this.emit({ type: 'interactionDataChanged', eventId, linkedEventId: consultEventId, at: this.tick() });
      },
      [destination, dataArg(userData)],
    );
    return outcome.ok ? { ok: true, eventId: consultEventId } : outcome;
  }

  async completeTransfer(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onCall(
      'completeTransfer',
      eventId,
      ['held'],
      () => {
        this.end(consultEventId, { kind: 'transferred' });
        this.end(eventId, { kind: 'transferred' });
      },
      [consultEventId],
    );
  }

  async completeConference(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onCall(
      'completeConference',
      eventId,
      ['held'],
      () => {
        this.end(consultEventId, { kind: 'completed' });
        this.retrieve(eventId);
      },
      [consultEventId],
    );
  }

  async cancelConsult(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onCall(
      'cancelConsult',
      eventId,
      ['held'],
      () => {
        this.end(consultEventId, { kind: 'canceled' });
        this.retrieve(eventId);
      },
      [consultEventId],
    );
  }

  async sendDtmf(eventId: string, digits: string): Promise<CommandOutcome> {
    return this.onCall('sendDtmf', eventId, ['connected'], () => undefined, [digits]);
  }

  async setAttachedData(eventId: string, data: AttachedData): Promise<CommandOutcome> {
    return this.onCall('setAttachedData', eventId, ['offered', 'dialing', 'connected', 'held'], (call) => {
      call.userData = { ...call.userData, ...data };
      this.emit({ type: 'interactionDataChanged', eventId, userData: { ...call.userData }, at: this.tick() });
    });
  }

  async deleteAttachedData(eventId: string, key?: string): Promise<CommandOutcome> {
    return this.onCall('deleteAttachedData', eventId, ['offered', 'dialing', 'connected', 'held'], (call) => {
      if (key === undefined) call.userData = {};
      else delete call.userData[key];
      this.emit({ type: 'interactionDataChanged', eventId, userData: { ...call.userData }, at: this.tick() });
    });
  }

  async startRecording(eventId: string): Promise<CommandOutcome> {
    return this.record('startRecording', eventId, 'recording');
  }

  async stopRecording(eventId: string): Promise<CommandOutcome> {
    return this.record('stopRecording', eventId, 'stopped');
  }

  async pauseRecording(eventId: string): Promise<CommandOutcome> {
    return this.record('pauseRecording', eventId, 'paused');
  }

  async resumeRecording(eventId: string): Promise<CommandOutcome> {
    return this.record('resumeRecording', eventId, 'recording');
  }

  private record(method: string, eventId: string, recordingState: RecordingState): Promise<CommandOutcome> {
    return this.onCall(method, eventId, ['connected', 'held'], (call) => {
      call.recordingState = recordingState;
      this.emit({ type: 'interactionDataChanged', eventId, recordingState, at: this.tick() });
    });
  }

  private async request(method: string, args: unknown[], run: () => CommandOutcome): Promise<CommandOutcome> {
    this.requests.push([method, ...args.filter((a) => a !== undefined)].join(' '));
    const planned = this.failNext;
    this.failNext = undefined;
    return planned ?? run();
  }

  private async onCall(
    method: string,
    eventId: string,
    states: MemoryCall['state'][],
    run: (call: MemoryCall) => void,
    args: unknown[] = [],
  ): Promise<CommandOutcome> {
    return this.request(method, [eventId, ...args], () => {
      const call = this.calls.get(eventId);
      if (!call) return failure('INVALID_CONNECTION_ID');
      if (!states.includes(call.state)) return failure('INVALID_CALL_STATE');
      run(call);
      return OK;
    });
  }

  private setAgent(state: AgentState): CommandOutcome {
    this.agent = state;
    this.emit({ type: 'agentStateChanged', state, at: this.tick() });
    return OK;
  }

  private setState(eventId: string, state: MemoryCall['state']): void {
    const call = this.calls.get(eventId);
    if (call) call.state = state;
  }

  private retrieve(eventId: string): void {
    this.setState(eventId, 'connected');
    this.emit({ type: 'interactionRetrieved', eventId, at: this.tick() });
  }

  private mute(eventId: string, call: MemoryCall, muted: boolean): void {
    call.muted = muted;
    this.emit({ type: 'interactionMuteChanged', eventId, muted, at: this.tick() });
  }

  private end(eventId: string, cause: EndCause): void {
    const answered = this.calls.get(eventId)?.state !== 'offered';
    this.calls.delete(eventId);
    this.emit({ type: 'interactionEnded', eventId, cause, at: this.tick() });
    if (this.afterCallWork && answered && this.agent.kind === 'ready') this.setAgent({ kind: 'afterCallWork', ...this.afterCallWork });
  }

  private tick(): number {
    this.now += 1000;
    return this.now;
  }

  /** Report any event the way the vendor would (outbound campaign notifications, for one). */
  report(event: VendorEvent): void {
    this.emit(event);
  }

  private emit(event: VendorEvent): void {
    if (this.deferEvents) this.held.push(event);
    else this.sink?.(event);
  }
}

/** Attached data as the request log shows it (JSON), or nothing. */
function dataArg(userData: AttachedData | undefined): string | undefined {
  return userData !== undefined && Object.keys(userData).length > 0 ? JSON.stringify(userData) : undefined;
}
