import type { AttachedData, Interaction } from './interaction.ts';
import type { InteractionState } from './interaction-state.ts';
import { failure, type Failure } from './outcome.ts';

/**
 * What the workspace checks before a command reaches the vendor: the interaction it names must be
 * in a state where the command makes sense, and its arguments must be well formed. A refusal is a
 * failure value with a clear code, so the button that sent it can say why.
 *
 * A rule returns undefined when the command may go.
 */
export type InteractionRule = (interaction: Interaction) => Failure | undefined;

function inState(allowed: readonly InteractionState[], already: readonly InteractionState[] = []): InteractionRule {
  return (interaction) => {
    if (allowed.includes(interaction.state)) return undefined;
    if (already.includes(interaction.state)) {
      return failure('ALREADY_IN_STATE', `Interaction ${interaction.eventId} is already ${interaction.state}.`);
    }
    return failure(
      'INVALID_CALL_STATE',
      `Interaction ${interaction.eventId} is ${interaction.state}; this needs it ${allowed.join(' or ')}.`,
    );
  };
}

function both(first: InteractionRule, second: InteractionRule): InteractionRule {
  return (interaction) => first(interaction) ?? second(interaction);
}

function flag(test: (interaction: Interaction) => boolean, already: string): InteractionRule {
  return (interaction) =>
    test(interaction) ? undefined : failure('ALREADY_IN_STATE', `Interaction ${interaction.eventId} is already ${already}.`);
}

function recording(allowed: readonly Interaction['recordingState'][], already: Interaction['recordingState']): InteractionRule {
  return (interaction) => {
    if (allowed.includes(interaction.recordingState)) return undefined;
    if (interaction.recordingState === already) {
      return failure('ALREADY_IN_STATE', `The recording of ${interaction.eventId} is already ${already}.`);
    }
    return failure('INVALID_CALL_STATE', `The recording of ${interaction.eventId} is ${interaction.recordingState}.`);
  };
}

const IN_CALL: readonly InteractionState[] = ['connected', 'held'];
const LIVE: readonly InteractionState[] = ['offered', 'dialing', 'connected', 'held'];

/** The interaction commands, and the state each needs of the interaction it names. */
export const INTERACTION_RULES = {
  acceptCall: inState(['offered']),
  rejectCall: inState(['offered']),
  hangupCall: inState(['dialing', 'connected', 'held']),
  holdCall: inState(['connected'], ['held']),
  resumeCall: inState(['held'], ['connected']),
  muteCall: both(inState(IN_CALL), flag((i) => !i.muted, 'muted')),
  unmuteCall: both(inState(IN_CALL), flag((i) => i.muted, 'unmuted')),
  transferCall: inState(IN_CALL),
  consultCall: inState(['connected']),
  completeTransfer: inState(IN_CALL),
  completeConference: inState(IN_CALL),
  cancelConsult: inState(IN_CALL),
  sendDtmf: inState(['connected']),
  setAttachedData: inState(LIVE),
  deleteAttachedData: inState(LIVE),
  startRecording: both(inState(IN_CALL), recording(['stopped'], 'recording')),
  stopRecording: both(inState(IN_CALL), recording(['recording', 'paused'], 'stopped')),
  pauseRecording: both(inState(IN_CALL), recording(['recording'], 'paused')),
  resumeRecording: both(inState(IN_CALL), recording(['paused'], 'recording')),
} satisfies Record<string, InteractionRule>;

export type InteractionCommand = keyof typeof INTERACTION_RULES;

/** The consult leg named by completeTransfer / completeConference / cancelConsult. */
export const CONSULT_RULES = {
  /** A transfer may complete before the consulted party answers (a two-step "blind" transfer). */
  completeTransfer: inState(['dialing', 'connected', 'held']),
  /** A conference needs the consulted party on the line. */
  completeConference: inState(['connected', 'held']),
  cancelConsult: inState(LIVE),
} satisfies Record<string, InteractionRule>;

/**
 * A dialable number: formatting (spaces, dashes, dots, parentheses) removed, then an optional `+`
 * and 1–32 digits, `*` or `#`. Returns the normalised number, or a failure.
 */
export function normalizePhoneNumber(raw: string): string | Failure {
  const number = raw.trim().replace(/[\s().-]/g, '');
  if (/^\+?[0-9*#]{1,32}$/.test(number)) return number;
  return failure('INVALID_CALLED_DN', `"${raw}" is not a phone number.`);
}

export function checkDtmf(digits: string): Failure | undefined {
  if (/^[0-9*#A-D]{1,64}$/i.test(digits)) return undefined;
  return failure('INVALID_ATTRIBUTE', `"${digits}" is not a DTMF sequence (0-9, *, #, A-D).`);
}

export function checkAttachedData(data: AttachedData): Failure | undefined {
  const keys = Object.keys(data);
  if (keys.length === 0) return failure('INVALID_ATTRIBUTE', 'No attached data to set.');
  if (keys.some((key) => key.length === 0)) return failure('INVALID_ATTRIBUTE', 'An attached-data key is empty.');
  return undefined;
}
