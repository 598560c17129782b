import { isLoggedIn } from './agent-state.ts';
import {
  checkAttachedData,
  checkDtmf,
  CONSULT_RULES,
  INTERACTION_RULES,
  normalizePhoneNumber,
  type InteractionCommand,
} from './command-rules.ts';
import type { AttachedData, Interaction } from './interaction.ts';
import { isLive } from './interaction-state.ts';
import { silentLogger, type Logger } from './logger.ts';
import {
  failure,
  type CommandOutcome,
  type DialOutcome,
  type Failure,
  type Outcome,
  type ReasonCodesOutcome,
} from './outcome.ts';
import type { ConsultPurpose, ICtiVendorHandler } from './vendor-handler.ts';
import { WorkspaceModel } from './workspace-model.ts';

/**
 * The workspace: the one door commands come through — the toolbar's buttons, Fusion's
 * `onToolbarInteractionCommand` / `onOutgoingEvent`, extension requests. It checks a command against
 * the model (accept needs an offered call, hold a connected one…), then hands it to the vendor and
 * answers with the vendor's outcome. It never changes the model itself: the vendor's events do.
 *
 * Every failure, the workspace's refusals included, is also reported to the views as a
 * `commandFailed` model event, so the toolbar can show an error that Fusion caused.
 */
export interface WorkspaceOptions {
  vendor: ICtiVendorHandler;
  logger?: Logger;
  /** Makes the eventId of an outbound call when the caller brings none. */
  newEventId?: () => string;
}

export class Workspace {
  readonly model: WorkspaceModel;
  private readonly vendor: ICtiVendorHandler;
  private readonly log: Logger;
  private readonly newEventId: () => string;

  constructor(options: WorkspaceOptions) {
    this.vendor = options.vendor;
    this.log = options.logger ?? silentLogger;
    this.model = new WorkspaceModel({ logger: this.log });
    this.newEventId = options.newEventId ?? (() => globalThis.crypto.randomUUID());
  }

  /** Connect the vendor to the model; a vendor with a session to resume resyncs here. */
  start(): Promise<CommandOutcome> {
    return this.send('start', undefined, () => this.vendor.connect(this.model.apply));
  }

  dispose(): Promise<void> {
    return this.vendor.dispose();
  }

  makeAgentAvailable(): Promise<CommandOutcome> {
    if (this.model.agent.kind === 'ready') return this.refuse('makeAgentAvailable', failure('ALREADY_IN_STATE', 'The agent is already ready.'));
    return this.send('makeAgentAvailable', undefined, () => this.vendor.makeAgentAvailable());
  }

  makeAgentUnavailable(reasonCode?: string): Promise<CommandOutcome> {
    const agent = this.model.agent;
    if (agent.kind === 'notReady' && agent.reasonCode === reasonCode) {
      return this.refuse('makeAgentUnavailable', failure('ALREADY_IN_STATE', 'The agent is already not ready for this reason.'));
    }
    return this.send('makeAgentUnavailable', undefined, () => this.vendor.makeAgentUnavailable(reasonCode));
  }

  logout(reasonCode?: string): Promise<CommandOutcome> {
    if (!isLoggedIn(this.model.agent)) return this.refuse('logout', failure('ALREADY_IN_STATE', 'The agent is already logged out.'));
    return this.send('logout', undefined, () => this.vendor.logout(reasonCode));
  }

  reasonCodes(): Promise<ReasonCodesOutcome> {
    return this.send('reasonCodes', undefined, () => this.vendor.reasonCodes());
  }

  /**
   * Dial a number. `eventId` (Fusion's click-to-dial id) becomes the interaction's id; without one
   * the workspace makes one. Resolves with the eventId the interaction will have.
   */
  async makeOutboundCall(phoneNumber: string, eventId: string = this.newEventId()): Promise<DialOutcome> {
    const command = 'makeOutboundCall';
    if (!isLoggedIn(this.model.agent)) return this.refuse(command, failure('AGENT_LOGGED_OUT'), eventId);
    const number = normalizePhoneNumber(phoneNumber);
    if (typeof number !== 'string') return this.refuse(command, number, eventId);
    if (this.model.interaction(eventId)) return this.refuse(command, failure('EVENT_ID_IN_USE'), eventId);
    const outcome = await this.send(command, eventId, () => this.vendor.makeOutboundCall(number, eventId));
    return outcome.ok ? { ok: true, eventId } : outcome;
  }

  acceptCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('acceptCall', eventId, () => this.vendor.acceptCall(eventId));
  }

  rejectCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('rejectCall', eventId, () => this.vendor.rejectCall(eventId));
  }

  hangupCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('hangupCall', eventId, () => this.vendor.hangupCall(eventId));
  }

  holdCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('holdCall', eventId, () => this.vendor.holdCall(eventId));
  }

  resumeCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('resumeCall', eventId, () => this.vendor.resumeCall(eventId));
  }

  muteCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('muteCall', eventId, () => this.vendor.muteCall(eventId));
  }

  unmuteCall(eventId: string): Promise<CommandOutcome> {
    return this.onCall('unmuteCall', eventId, () => this.vendor.unmuteCall(eventId));
  }

  transferCall(eventId: string, destination: string): Promise<CommandOutcome> {
    const number = normalizePhoneNumber(destination);
    if (typeof number !== 'string') return this.refuse('transferCall', number, eventId);
    return this.onCall('transferCall', eventId, () => this.vendor.transferCall(eventId, number));
  }

  consultCall(eventId: string, destination: string, purpose: ConsultPurpose = 'transfer'): Promise<DialOutcome> {
    const number = normalizePhoneNumber(destination);
    if (typeof number !== 'string') return this.refuse('consultCall', number, eventId);
    const linked = this.linkedLive(eventId);
    if (linked) {
      return this.refuse('consultCall', failure('INVALID_CALL_STATE', `A consultation (${linked.eventId}) is already in progress.`), eventId);
    }
    return this.onCall('consultCall', eventId, () => this.vendor.consultCall(eventId, number, purpose));
  }

  completeTransfer(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onConsult('completeTransfer', eventId, consultEventId, () => this.vendor.completeTransfer(eventId, consultEventId));
  }

  completeConference(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onConsult('completeConference', eventId, consultEventId, () =>
      this.vendor.completeConference(eventId, consultEventId),
    );
  }

  cancelConsult(eventId: string, consultEventId: string): Promise<CommandOutcome> {
    return this.onConsult('cancelConsult', eventId, consultEventId, () => this.vendor.cancelConsult(eventId, consultEventId));
  }

  sendDtmf(eventId: string, digits: string): Promise<CommandOutcome> {
    const invalid = checkDtmf(digits);
    if (invalid) return this.refuse('sendDtmf', invalid, eventId);
    return this.onCall('sendDtmf', eventId, () => this.vendor.sendDtmf(eventId, digits));
  }

  setAttachedData(eventId: string, data: AttachedData): Promise<CommandOutcome> {
    const invalid = checkAttachedData(data);
    if (invalid) return this.refuse('setAttachedData', invalid, eventId);
    return this.onCall('setAttachedData', eventId, () => this.vendor.setAttachedData(eventId, data));
  }

  deleteAttachedData(eventId: string, key?: string): Promise<CommandOutcome> {
    return this.onCall('deleteAttachedData', eventId, () => this.vendor.deleteAttachedData(eventId, key));
  }

  startRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall('startRecording', eventId, () => this.vendor.startRecording(eventId));
  }

  stopRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall('stopRecording', eventId, () => this.vendor.stopRecording(eventId));
  }

  pauseRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall('pauseRecording', eventId, () => this.vendor.pauseRecording(eventId));
  }

  resumeRecording(eventId: string): Promise<CommandOutcome> {
    return this.onCall('resumeRecording', eventId, () => this.vendor.resumeRecording(eventId));
  }

  /**
   * Close an ended interaction: the agent finished its wrap-up (or dismissed a missed offer). A vendor
   * that keeps ended calls until told (Amazon Connect's after-call work) is told afterwards.
   */
  closeInteraction(eventId: string): CommandOutcome {
    const outcome = this.model.close(eventId);
    if (!outcome.ok) this.model.reportFailure(outcome, 'closeInteraction', eventId);
    const vendorClose = this.vendor.closeInteraction?.bind(this.vendor);
    if (outcome.ok && vendorClose) void this.send('closeInteraction', eventId, () => vendorClose(eventId));
    return outcome;
  }

  private onCall<T extends object>(
    command: InteractionCommand,
    eventId: string,
    call: () => Promise<Outcome<T>>,
  ): Promise<Outcome<T>> {
    const interaction = this.model.interaction(eventId);
    if (!interaction) return this.refuse(command, failure('UNKNOWN_INTERACTION', `No interaction ${eventId}.`), eventId);
    const refused = INTERACTION_RULES[command](interaction);
    if (refused) return this.refuse(command, refused, eventId);
    return this.send(command, eventId, call);
  }

  private onConsult(
    command: keyof typeof CONSULT_RULES,
    eventId: string,
    consultEventId: string,
    call: () => Promise<CommandOutcome>,
  ): Promise<CommandOutcome> {
    const consult = this.model.interaction(consultEventId);
    if (!consult) {
      return this.refuse(command, failure('UNKNOWN_INTERACTION', `No consultation ${consultEventId}.`), eventId);
    }
    const refused = CONSULT_RULES[command](consult);
    if (refused) return this.refuse(command, refused, eventId);
    return this.onCall(command, eventId, call);
  }

  /** The live interaction linked to this one (its consultation), if any. */
  private linkedLive(eventId: string): Interaction | undefined {
    const linkedEventId = this.model.interaction(eventId)?.linkedEventId;
    const linked = linkedEventId !== undefined ? this.model.interaction(linkedEventId) : undefined;
    return linked && isLive(linked.state) ? linked : undefined;
  }

  private async send<T extends object>(
    command: string,
    eventId: string | undefined,
    call: () => Promise<Outcome<T>>,
  ): Promise<Outcome<T>> {
    let outcome: Outcome<T>;
    try {
      outcome = await call();
    } catch (error) {
      this.log.error({ command, eventId, err: error }, 'the vendor threw instead of answering with an outcome');
      outcome = failure('INTERNAL_ERROR', error instanceof Error ? error.message : String(error));
    }
    if (!outcome.ok) this.model.reportFailure(outcome, command, eventId);
    return outcome;
  }

  private refuse(command: string, refusal: Failure, eventId?: string): Promise<Failure> {
    this.log.info({ command, eventId, code: refusal.code }, refusal.message);
    this.model.reportFailure(refusal, command, eventId);
    return Promise.resolve(refusal);
  }
}
