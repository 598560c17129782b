import type { AgentState } from './agent-state.ts';
import { linkLost } from './connection-status.ts';
import { COMMANDS, type CommandArgs, type CommandContext, type CommandName, type CommandResult } from './commands.ts';
import { endedUnanswered, isOwnConsultation, type Interaction } from './interaction.ts';
import { silentLogger, type Logger } from './logger.ts';
import { failure, labelReasons, type AgentTokenOutcome, type Failure, type QueueStatusOutcome, type ReasonLabels } from './outcome.ts';
import { dialTarget, type OutboundOutcome, type OutboundRequest } from './outbound.ts';
import type { ICtiVendorHandler } from './vendor-handler.ts';
import { WorkspaceModel } from './workspace-model.ts';

/**
 * The workspace: the one door commands come through — the toolbar's buttons, Fusion's
 * `onToolbarInteractionCommand` / `onOutgoingEvent`, extension requests. `execute` checks a command
 * against the model with its entry in the command table (accept needs an offered call, hold a
 * connected one…), then hands it to the vendor and answers with the vendor's outcome. It never
 * changes the model itself: the vendor's events do.
 *
 * Every failure, the workspace's refusals included, is also reported to the views as a
 * `commandFailed` model event under the command's name, so the toolbar can show an error that
 * Fusion caused.
 *
 * The workspace keeps the rules no view should have to know: the agent's own consultation legs
 * are closed as soon as they end (the call they served carries the wrap-up), and so are the calls
 * that end unanswered (declined, abandoned, canceled: nothing to wrap up; a missed call is closed in
 * the model only, so the agent stays where the contact center put them — Genesys' not ready after a
 * ring-out, Amazon's MissedCallAgent until its contact is cleared — until they go available); wrap-up is the
 * contact center's after-call work where it has one — closing the last wrap-up ends it, and its end
 * at the contact center (a timer, a supervisor) closes the wrap-ups; and the not-ready reasons are
 * asked of the vendor once, on start, and kept in the model; a single-step conference
 * (`conferenceCall`) is a consultation that joins the call as soon as its party answers
 * (completeConference) — if it ends first, nothing more happens: the call stays held, as after any
 * consultation that failed.
 */
export interface WorkspaceOptions {
  vendor: ICtiVendorHandler;
  logger?: Logger;
  /** Makes the eventId of an outbound call when the caller brings none (the platform's UUIDs: the core has no platform). */
  newEventId: () => string;
  /** The not-ready reasons' labels in the agent's language, by code; the contact center's names where none is given. */
  reasonLabels?: ReasonLabels;
}

/** The commands the workspace runs while the link is lost. */
const WITHOUT_LINK: ReadonlySet<CommandName> = new Set(['start', 'reasonCodes', 'closeInteraction']);

export class Workspace {
  readonly model: WorkspaceModel;
  private readonly vendor: ICtiVendorHandler;
  private readonly log: Logger;
  private readonly newEventId: () => string;
  private readonly reasonLabels: ReasonLabels;
  private readonly stopClosing: readonly (() => void)[];
  /** Single-step conferences waiting for their party to answer: consultation eventId → the call's. */
  private readonly conferencesWhenAnswered = new Map<string, string>();

  constructor(options: WorkspaceOptions) {
    this.vendor = options.vendor;
    this.log = options.logger ?? silentLogger;
    this.model = new WorkspaceModel({ logger: this.log });
    this.newEventId = options.newEventId;
    this.reasonLabels = options.reasonLabels ?? {};
    this.stopClosing = [
      this.model.on('interactionChanged', ({ interaction }) => {
        this.conferenceIfAnswered(interaction);
        this.closeIfNothingToWrapUp(interaction);
      }),
      this.model.on('agentChanged', ({ agent, previous }) => {
        this.closeIfWrapUpEnded(agent, previous);
        if (previous.kind === 'loggedOut' && agent.kind !== 'loggedOut') void this.loadDirectory();
      }),
    ];
  }

  /** Connect the vendor to the model (a vendor with a session to resume resyncs here), then learn the reason codes. */
  async start(): Promise<CommandResult<'start'>> {
    const outcome = await this.execute('start');
    void this.loadReasonCodes();
    return outcome;
  }

  /** Whether the vendor can drop a party from a conference (the views offer it only then). */
  get canDropParties(): boolean {
    return this.vendor.dropParty !== undefined;
  }

  /** Whether the vendor's own client rings for an incoming call (then the toolbar's ring is silent). */
  get vendorRings(): boolean {
    return this.vendor.ringsItself === true;
  }

  /** A token naming the agent for web extensions' servers, from a vendor that issues one. Never rejects. */
  async agentToken(): Promise<AgentTokenOutcome> {
    if (!this.vendor.agentToken) return failure('NO_AGENT_TOKEN');
    try {
      return await this.vendor.agentToken();
    } catch (error) {
      this.log.error({ err: error }, 'the vendor threw instead of answering with an outcome');
      return failure('INTERNAL_ERROR', 'The agent token could not be obtained.');
    }
  }

  /** The agent's queues now, from a vendor that lists them (a query, not a command: nothing changes). Never rejects. */
  async queueStatus(): Promise<QueueStatusOutcome> {
    if (!this.vendor.queueStatus) return failure('NOT_SUPPORTED', `${this.vendor.vendorName} lists no queues.`);
    try {
      return await this.vendor.queueStatus();
    } catch (error) {
      this.log.error({ err: error }, 'the vendor threw instead of answering with an outcome');
      return failure('INTERNAL_ERROR', 'The queue status could not be obtained.');
    }
  }

  /** One outbound campaign operation, from a vendor with campaigns. Never rejects. */
  async outbound(request: OutboundRequest): Promise<OutboundOutcome> {
    if (!this.vendor.outbound) return failure('UNSUPPORTED_OPERATION', `${this.vendor.vendorName} has no outbound campaigns.`);
    try {
      return await this.vendor.outbound(request);
    } catch (error) {
      this.log.error({ err: error, operation: request.operation }, 'the vendor threw instead of answering with an outcome');
      return failure('INTERNAL_ERROR', 'The outbound operation could not be completed.');
    }
  }

  /**
   * Call a campaign record (a preview record offered to the agent): the vendor marks it dialed and
   * names the number and the record's data, and the call carries them. A call that cannot be placed
   * gives the record back, so the campaign can offer it again.
   */
  async callRecord(recordHandle: number, eventId: string = this.newEventId()): Promise<CommandResult<'makeOutboundCall'>> {
    const called = await this.outbound({ operation: 'callRecord', recordHandle });
    if (!called.ok) return called;
    const target = dialTarget(called.data);
    if (!target) return failure('INTERNAL_ERROR', `The vendor named no number to dial for record ${recordHandle}.`);
    const dialed = await this.execute('makeOutboundCall', target.phone, eventId, target.userData);
    if (!dialed.ok) await this.outbound({ operation: 'rejectRecord', recordHandle });
    return dialed;
  }

  dispose(): Promise<void> {
    for (const stop of this.stopClosing) stop();
    return this.vendor.dispose();
  }

  /** Run a command of the table: checked against the model, then sent to the vendor. Never rejects. */
  async execute<C extends CommandName>(command: C, ...args: CommandArgs[C]): Promise<CommandResult<C>> {
    const spec = COMMANDS[command];
    const named = spec.subject === 'interaction' || command === 'makeOutboundCall' ? args[command === 'makeOutboundCall' ? 1 : 0] : undefined;
    const eventId = typeof named === 'string' ? named : undefined;
    const interaction = spec.subject === 'interaction' && eventId !== undefined ? this.model.interaction(eventId) : undefined;
    const refused = this.linkRefusal(command) ?? this.check(spec, args, interaction, eventId);
    if (refused) return this.refuse(command, refused, eventId);
    const context: CommandContext = { model: this.model, interaction, newEventId: this.newEventId };
    const prepared = spec.prepare ? spec.prepare(args, context) : args;
    if (!Array.isArray(prepared)) return this.refuse(command, prepared as Failure, eventId);
    let outcome: CommandResult<C>;
    try {
      outcome = await spec.send(this.vendor, prepared as CommandArgs[C], context);
    } catch (error) {
      this.log.error({ command, eventId, err: error }, 'the vendor threw instead of answering with an outcome');
      outcome = failure('INTERNAL_ERROR', error instanceof Error ? error.message : String(error)) as CommandResult<C>;
    }
    if (!outcome.ok) this.model.reportFailure(outcome, command, eventId);
    else if (command === 'conferenceCall' && eventId !== undefined && 'eventId' in outcome) this.conferencesWhenAnswered.set(outcome.eventId, eventId);
    return outcome;
  }

  /** While the link is lost, only what needs no vendor goes: closing an ended interaction, the start, the reason list. */
  private linkRefusal(command: CommandName): Failure | undefined {
    if (!linkLost(this.model.connection) || WITHOUT_LINK.has(command)) return undefined;
    return failure('LINK_LOST');
  }

  private check(
    spec: (typeof COMMANDS)[CommandName],
    args: readonly unknown[],
    interaction: Interaction | undefined,
    eventId: string | undefined,
  ): Failure | undefined {
    if (spec.subject !== 'interaction') return undefined;
    if (!interaction) return failure('UNKNOWN_INTERACTION', `No interaction ${eventId ?? ''}.`);
    const refused = spec.rule?.(interaction);
    if (refused || !spec.consultRule) return refused;
    const consultEventId = String(args[1]);
    const consult = this.model.interaction(consultEventId);
    if (!consult) return failure('UNKNOWN_INTERACTION', `No consultation ${consultEventId}.`);
    return spec.consultRule(consult);
  }

  private conferenceIfAnswered(consult: Interaction): void {
    const main = this.conferencesWhenAnswered.get(consult.eventId);
    if (main === undefined) return;
    if (consult.state === 'connected') {
      this.conferencesWhenAnswered.delete(consult.eventId);
      void this.execute('completeConference', main, consult.eventId);
    } else if (consult.state === 'wrapUp' || consult.state === 'closed') {
      this.conferencesWhenAnswered.delete(consult.eventId);
    }
  }

  private closeIfNothingToWrapUp(interaction: Interaction): void {
    if (interaction.state !== 'wrapUp') return;
    if (interaction.endCause?.kind === 'missed') this.model.close(interaction.eventId);
    else if (isOwnConsultation(interaction) || endedUnanswered(interaction)) void this.execute('closeInteraction', interaction.eventId);
  }

  /** The contact center ended the agent's after-call work (its timer, a supervisor): the wrap-ups it covered are over. */
  private closeIfWrapUpEnded(agent: AgentState, previous: AgentState): void {
    if (previous.kind !== 'afterCallWork' || agent.kind === 'afterCallWork') return;
    for (const interaction of this.model.interactions) {
      if (interaction.state === 'wrapUp') void this.execute('closeInteraction', interaction.eventId);
    }
  }

  private async loadReasonCodes(): Promise<void> {
    const outcome = await this.execute('reasonCodes');
    if (outcome.ok) this.model.apply({ type: 'reasonCodesListed', reasonCodes: labelReasons(outcome.reasonCodes, this.reasonLabels) });
  }

  /**
   * The directory, as the agent signs in: it names the colleagues and queues on the agent's calls
   * before the transfer panel first asks for it. Quietly: a vendor without one lists nothing, and a
   * failure here is no command of the agent's (the transfer panel asks again).
   */
  private async loadDirectory(): Promise<void> {
    const outcome = await (this.vendor.transferDestinations?.() ?? Promise.resolve(undefined));
    if (outcome?.ok) this.model.apply({ type: 'transferDestinationsListed', destinations: outcome.destinations });
    else if (outcome) this.log.warn({ code: outcome.code }, 'the directory could not be listed');
  }

  private refuse<C extends CommandName>(command: C, refusal: Failure, eventId: string | undefined): Promise<CommandResult<C>> {
    this.log.info({ command, eventId, code: refusal.code }, refusal.message);
    this.model.reportFailure(refusal, command, eventId);
    return Promise.resolve(refusal as CommandResult<C>);
  }
}
