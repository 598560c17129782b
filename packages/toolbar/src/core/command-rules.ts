import type { AttachedData, Interaction } from './interaction.ts';
import type { InteractionState } from './interaction-state.ts';
import { failure, type Failure } from './outcome.ts';

/**
 * The checks the command table (`commands.ts`) is built from: the interaction a command names must
 * be in a state where the command makes sense, and its arguments must be well formed. A refusal is
 * a failure value with a clear code, so the control that sent it can say why.
 *
 * A rule returns undefined when the command may go.
 */
export type InteractionRule = (interaction: Interaction) => Failure | undefined;

export function inState(allowed: readonly InteractionState[], already: readonly InteractionState[] = []): InteractionRule {
  return (interaction) => {
    if (allowed.includes(interaction.state)) return undefined;
    if (already.includes(interaction.state)) {
      return failure('ALREADY_IN_STATE', `Interaction ${interaction.eventId} is already ${interaction.state}.`);
    }
    return failure('INVALID_CALL_STATE', `Interaction ${interaction.eventId} is ${interaction.state}; this needs it ${allowed.join(' or ')}.`);
  };
}

/** `first`, then a flag the interaction must have (`already` names the state it is in otherwise). */
export function onlyIf(first: InteractionRule, test: InteractionRule | ((interaction: Interaction) => boolean), already?: string): InteractionRule {
  return (interaction) => {
    const refused = first(interaction);
    if (refused) return refused;
    const second = test(interaction);
    if (typeof second !== 'boolean') return second;
    return second ? undefined : failure('ALREADY_IN_STATE', `Interaction ${interaction.eventId} is already ${already ?? 'so'}.`);
  };
}

/** The recording must be in one of `allowed`; in `already` it is reported as already there. */
export function recordingIn(allowed: readonly Interaction['recordingState'][], already: Interaction['recordingState']): InteractionRule {
  return (interaction) => {
    if (allowed.includes(interaction.recordingState)) return undefined;
    if (interaction.recordingState === already) {
      return failure('ALREADY_IN_STATE', `The recording of ${interaction.eventId} is already ${already}.`);
    }
    return failure('INVALID_CALL_STATE', `The recording of ${interaction.eventId} is ${interaction.recordingState}.`);
  };
}

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
