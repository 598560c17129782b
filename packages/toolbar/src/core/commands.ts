import { isLoggedIn } from './agent-state.ts';
import { checkAttachedData, checkDtmf, inState, normalizePhoneNumber, onlyIf, recordingIn, type InteractionRule } from './command-rules.ts';
import { isConference, isOwnConsultation, otherParties, type AttachedData, type Interaction } from './interaction.ts';
import { failure, OK, type CommandOutcome, type DialOutcome, type Failure, type ReasonCodesOutcome, type TransferDestinationsOutcome } from './outcome.ts';
import type { ConsultPurpose, ICtiVendorHandler } from './vendor-handler.ts';
import type { WorkspaceModel } from './workspace-model.ts';

/**
 * The command vocabulary: every command the toolbar's buttons, Fusion and web extensions can send,
 * in one typed table. Each entry says what the command is about (the agent, an interaction, a
 * consultation), what the model must allow before it goes (its rule), which vendor request carries
 * it, and the feature it belongs to (which decides what Fusion is told the toolbar supports).
 *
 * `Workspace.execute(name, ...args)` runs an entry; a refusal and a vendor failure are both reported
 * under the command's name, so the views can say which control failed.
 */
export interface CommandArgs {
  start: [];
  makeAgentAvailable: [];
  makeAgentUnavailable: [reasonCode?: string];
  logout: [reasonCode?: string];
  reasonCodes: [];
  /** List the vendor's transfer destinations (quick connects) into the model. */
  transferDestinations: [];
  /** `eventId` (Fusion's click-to-dial id) becomes the interaction's id; without one the workspace makes one. */
  makeOutboundCall: [phoneNumber: string, eventId?: string, userData?: AttachedData];
  acceptCall: [eventId: string];
  rejectCall: [eventId: string];
  hangupCall: [eventId: string];
  /** Fusion's Disconnect: decline a call that is still offered, hang up any other. */
  endCall: [eventId: string];
  holdCall: [eventId: string];
  retrieveCall: [eventId: string];
  muteCall: [eventId: string];
  unmuteCall: [eventId: string];
  transferCall: [eventId: string, destination: string, userData?: AttachedData];
  consultCall: [eventId: string, destination: string, purpose?: ConsultPurpose, userData?: AttachedData];
  /** A single-step conference: a consultation that the workspace joins to the call as soon as its party answers. */
  conferenceCall: [eventId: string, destination: string, userData?: AttachedData];
  completeTransfer: [eventId: string, consultEventId: string];
  completeConference: [eventId: string, consultEventId: string];
  cancelConsult: [eventId: string, consultEventId: string];
  /** Drop one party (a DN or number of `parties`, not the agent's own) from a conference. */
  dropParty: [eventId: string, party: string];
  sendDtmf: [eventId: string, digits: string];
  setAttachedData: [eventId: string, data: AttachedData];
  deleteAttachedData: [eventId: string, key?: string];
  startRecording: [eventId: string];
  stopRecording: [eventId: string];
  pauseRecording: [eventId: string];
  resumeRecording: [eventId: string];
  closeInteraction: [eventId: string];
  /** The agent's speaker (their phone's, which no vendor reports): the workspace keeps its mute. */
  muteSpeaker: [];
  unmuteSpeaker: [];
}

export type CommandName = keyof CommandArgs;

/** What a command answers: a dial names the interaction it creates; reasonCodes lists them. */
export type CommandResult<C extends CommandName> = C extends 'makeOutboundCall' | 'consultCall' | 'conferenceCall'
  ? DialOutcome
  : C extends 'reasonCodes'
    ? ReasonCodesOutcome
    : C extends 'transferDestinations'
      ? TransferDestinationsOutcome
      : CommandOutcome;

/** The features a command belongs to; Fusion is told the toolbar supports exactly these. */
export type CommandFeature = 'session' | 'agent' | 'inbound' | 'outbound' | 'call' | 'transfer' | 'conference' | 'data' | 'recording';

/** What an entry's checks see: the model, and the interaction the command names (when it names one). */
export interface CommandContext {
  readonly model: WorkspaceModel;
  readonly interaction: Interaction | undefined;
  /** Makes the eventId of an outbound call when the caller brings none. */
  readonly newEventId: () => string;
}

interface CommandSpec<C extends CommandName> {
  /** `interaction`: the first argument is an eventId the model must hold, checked by `rule`. */
  readonly subject: 'workspace' | 'agent' | 'interaction';
  readonly feature: CommandFeature;
  readonly rule?: InteractionRule;
  /** Consult commands: the rule for the consultation their second argument names. */
  readonly consultRule?: InteractionRule;
  /** Checks and normalises the arguments against the model: the arguments to send, or a refusal. */
  readonly prepare?: (args: CommandArgs[C], context: CommandContext) => CommandArgs[C] | Failure;
  readonly send: (vendor: ICtiVendorHandler, args: CommandArgs[C], context: CommandContext) => Promise<CommandResult<C>>;
}

export type CommandTable = { readonly [C in CommandName]: CommandSpec<C> };

const IN_CALL = ['connected', 'held'] as const;
const LIVE = ['offered', 'dialing', 'connected', 'held'] as const;

/** A number argument normalised, or the refusal saying it is not a number. */
function withNumber<A extends unknown[]>(args: A, index: number): A | Failure {
  const number = normalizePhoneNumber(String(args[index]));
  if (typeof number !== 'string') return number;
  const next = [...args] as A;
  next[index] = number;
  return next;
}

/** A transfer destination: one the vendor listed, by name, else a number (normalised). */
function withDestination<A extends unknown[]>(args: A, model: WorkspaceModel): A | Failure {
  const named = model.transferDestinations.some((destination) => destination.name === args[1]);
  return named ? args : withNumber(args, 1);
}

/** The live consultation already placed from this call, if any. */
function liveConsultation({ model, interaction }: CommandContext): Interaction | undefined {
  const linked = interaction?.linkedEventId !== undefined ? model.interaction(interaction.linkedEventId) : undefined;
  return linked && LIVE.includes(linked.state as (typeof LIVE)[number]) ? linked : undefined;
}

/** A consultation goes to a number, and only when none is in progress from this call. */
function consultation<A extends unknown[]>(args: A, context: CommandContext): A | Failure {
  const linked = liveConsultation(context);
  if (linked) return failure('INVALID_CALL_STATE', `A consultation (${linked.eventId}) is already in progress.`);
  return withDestination(args, context.model);
}

function setSpeaker(model: WorkspaceModel, muted: boolean): Promise<CommandOutcome> {
  model.setSpeakerMuted(muted);
  return Promise.resolve({ ok: true });
}

export const COMMANDS: CommandTable = {
  start: { subject: 'workspace', feature: 'session', send: (vendor, _args, { model }) => vendor.connect(model.apply) },
  makeAgentAvailable: {
    subject: 'agent',
    feature: 'agent',
    prepare: (args, { model }) => (model.agent.kind === 'ready' ? failure('ALREADY_IN_STATE', 'The agent is already ready.') : args),
    send: (vendor) => vendor.makeAgentAvailable(),
  },
  makeAgentUnavailable: {
    subject: 'agent',
    feature: 'agent',
    prepare: (args, { model }) =>
      model.agent.kind === 'notReady' && model.agent.reasonCode === args[0]
        ? failure('ALREADY_IN_STATE', 'The agent is already not ready for this reason.')
        : args,
    send: (vendor, [reasonCode]) => vendor.makeAgentUnavailable(reasonCode),
  },
  logout: {
    subject: 'agent',
    feature: 'agent',
    prepare: (args, { model }) => (isLoggedIn(model.agent) ? args : failure('ALREADY_IN_STATE', 'The agent is already logged out.')),
    send: (vendor, [reasonCode]) => vendor.logout(reasonCode),
  },
  reasonCodes: { subject: 'agent', feature: 'agent', send: (vendor) => vendor.reasonCodes() },
  transferDestinations: {
    subject: 'agent',
    feature: 'transfer',
    send: async (vendor, _args, { model }) => {
      const outcome = vendor.transferDestinations ? await vendor.transferDestinations() : { ...OK, destinations: [] };
      if (outcome.ok) model.apply({ type: 'transferDestinationsListed', destinations: outcome.destinations });
      return outcome;
    },
  },
  makeOutboundCall: {
    subject: 'agent',
    feature: 'outbound',
    prepare: (args, { model, newEventId }) => {
      if (!isLoggedIn(model.agent)) return failure('AGENT_LOGGED_OUT');
      const eventId = args[1] ?? newEventId();
      if (model.interaction(eventId)) return failure('EVENT_ID_IN_USE');
      return withNumber<CommandArgs['makeOutboundCall']>([args[0], eventId, args[2]], 0);
    },
    send: async (vendor, [phoneNumber, eventId = '', userData]) => {
      const outcome = await vendor.makeOutboundCall(phoneNumber, eventId, userData);
      return outcome.ok ? { ok: true, eventId } : outcome;
    },
  },
  acceptCall: { subject: 'interaction', feature: 'inbound', rule: inState(['offered']), send: (v, [id]) => v.acceptCall(id) },
  rejectCall: { subject: 'interaction', feature: 'inbound', rule: inState(['offered']), send: (v, [id]) => v.rejectCall(id) },
  hangupCall: {
    subject: 'interaction',
    feature: 'call',
    rule: inState(['dialing', ...IN_CALL]),
    send: (v, [id]) => v.hangupCall(id),
  },
  endCall: {
    subject: 'interaction',
    feature: 'call',
    rule: inState(LIVE),
    send: (v, [id], { interaction }) => (interaction?.state === 'offered' ? v.rejectCall(id) : v.hangupCall(id)),
  },
  holdCall: { subject: 'interaction', feature: 'call', rule: inState(['connected'], ['held']), send: (v, [id]) => v.holdCall(id) },
  retrieveCall: {
    subject: 'interaction',
    feature: 'call',
    rule: inState(['held'], ['connected']),
    send: (v, [id]) => v.retrieveCall(id),
  },
  muteCall: {
    subject: 'interaction',
    feature: 'call',
    rule: onlyIf(inState(IN_CALL), (i) => !i.muted, 'muted'),
    send: (v, [id]) => v.muteCall(id),
  },
  unmuteCall: {
    subject: 'interaction',
    feature: 'call',
    rule: onlyIf(inState(IN_CALL), (i) => i.muted, 'unmuted'),
    send: (v, [id]) => v.unmuteCall(id),
  },
  transferCall: {
    subject: 'interaction',
    feature: 'transfer',
    rule: inState(IN_CALL),
    prepare: (args, { model }) => withDestination(args, model),
    send: (v, [id, destination, userData]) => v.transferCall(id, destination, userData),
  },
  consultCall: {
    subject: 'interaction',
    feature: 'transfer',
    rule: inState(['connected']),
    prepare: consultation,
    send: (v, [id, destination, purpose = 'transfer', userData]) => v.consultCall(id, destination, purpose, userData),
  },
  conferenceCall: {
    subject: 'interaction',
    feature: 'conference',
    rule: inState(['connected']),
    prepare: consultation,
    send: (v, [id, destination, userData]) => v.consultCall(id, destination, 'conference', userData),
  },
  completeTransfer: {
    subject: 'interaction',
    feature: 'transfer',
    rule: inState(IN_CALL),
    /** A transfer may complete before the consulted party answers (a two-step "blind" transfer). */
    consultRule: inState(['dialing', ...IN_CALL]),
    send: (v, [id, consultId]) => v.completeTransfer(id, consultId),
  },
  completeConference: {
    subject: 'interaction',
    feature: 'conference',
    rule: inState(IN_CALL),
    /** A conference needs the consulted party on the line. */
    consultRule: inState(IN_CALL),
    send: (v, [id, consultId]) => v.completeConference(id, consultId),
  },
  cancelConsult: {
    subject: 'interaction',
    feature: 'transfer',
    rule: inState(IN_CALL),
    consultRule: inState(LIVE),
    send: (v, [id, consultId]) => v.cancelConsult(id, consultId),
  },
  dropParty: {
    subject: 'interaction',
    feature: 'conference',
    rule: onlyIf(inState(IN_CALL), (interaction) => interaction.direction !== 'consult', 'not a conference'),
    prepare: (args, { model, interaction }) => {
      if (interaction === undefined || !isConference(interaction, model.identity.dn)) {
        return failure('INVALID_CALL_STATE', 'Only a party of a conference can be dropped.');
      }
      const party = otherParties(interaction, model.identity.dn).find((other) => other.number === args[1]);
      return party ? args : failure('INVALID_ATTRIBUTE', `"${args[1]}" is not a party of this conference.`);
    },
    send: (v, [id, party]) => v.dropParty?.(id, party) ?? Promise.resolve(failure('NOT_SUPPORTED', `${v.vendorName} cannot drop a party from a conference.`)),
  },
  sendDtmf: {
    subject: 'interaction',
    feature: 'call',
    rule: inState(['connected']),
    prepare: (args) => checkDtmf(args[1]) ?? args,
    send: (v, [id, digits]) => v.sendDtmf(id, digits),
  },
  setAttachedData: {
    subject: 'interaction',
    feature: 'data',
    rule: inState(LIVE),
    prepare: (args) => checkAttachedData(args[1]) ?? args,
    send: (v, [id, data]) => v.setAttachedData(id, data),
  },
  deleteAttachedData: {
    subject: 'interaction',
    feature: 'data',
    rule: inState(LIVE),
    send: (v, [id, key]) => v.deleteAttachedData(id, key),
  },
  startRecording: {
    subject: 'interaction',
    feature: 'recording',
    rule: onlyIf(inState(IN_CALL), recordingIn(['stopped'], 'recording')),
    send: (v, [id]) => v.startRecording(id),
  },
  stopRecording: {
    subject: 'interaction',
    feature: 'recording',
    rule: onlyIf(inState(IN_CALL), recordingIn(['recording', 'paused'], 'stopped')),
    send: (v, [id]) => v.stopRecording(id),
  },
  pauseRecording: {
    subject: 'interaction',
    feature: 'recording',
    rule: onlyIf(inState(IN_CALL), recordingIn(['recording'], 'paused')),
    send: (v, [id]) => v.pauseRecording(id),
  },
  resumeRecording: {
    subject: 'interaction',
    feature: 'recording',
    rule: onlyIf(inState(IN_CALL), recordingIn(['paused'], 'recording')),
    send: (v, [id]) => v.resumeRecording(id),
  },
  closeInteraction: {
    subject: 'interaction',
    feature: 'call',
    rule: inState(['wrapUp']),
    /**
     * The toolbar's own business: the model closes it at once; a vendor that keeps ended calls
     * (Amazon's after-call work) is told after. Closing the agent's last wrap-up ends their
     * after-call work at the contact center (`wrapUpOver`).
     */
    send: async (v, [id], { model }) => {
      const closing = model.interaction(id);
      const closed = model.close(id);
      if (!closed.ok) return closed;
      const cleared = await (v.closeInteraction?.(id) ?? Promise.resolve(closed));
      if (!cleared.ok || closing === undefined || isOwnConsultation(closing) || !wrapUpOver(model)) return cleared;
      return v.endAfterCallWork?.() ?? cleared;
    },
  },
  muteSpeaker: { subject: 'workspace', feature: 'call', send: (_v, _args, { model }) => setSpeaker(model, true) },
  unmuteSpeaker: { subject: 'workspace', feature: 'call', send: (_v, _args, { model }) => setSpeaker(model, false) },
};

/** The agent is in after-call work and has no wrap-up left: the contact center's after-call work can end. */
export function wrapUpOver(model: WorkspaceModel): boolean {
  return model.agent.kind === 'afterCallWork' && !model.interactions.some((interaction) => interaction.state === 'wrapUp');
}

/**
 * Whether the model allows a command on this interaction now (what a button shows enabled); for a
 * consult command, also on the consultation it would end.
 */
export function allows(command: CommandName, interaction: Interaction, consult?: Interaction): boolean {
  const spec: Pick<CommandSpec<CommandName>, 'rule' | 'consultRule'> = COMMANDS[command];
  if (spec.rule?.(interaction) !== undefined) return false;
  return consult === undefined || spec.consultRule?.(consult) === undefined;
}

/** Every feature some command belongs to. */
export const COMMAND_FEATURES: ReadonlySet<CommandFeature> = new Set(Object.values(COMMANDS).map((spec) => spec.feature));
