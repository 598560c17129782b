import type { ShortcutAction, Shortcuts } from '../../config.ts';
import { allows, type CommandName } from '../../core/commands.ts';
import type { Interaction } from '../../core/interaction.ts';
import { activeCallControls, callCards } from '../view-model.ts';

/**
 * The call controls' keyboard shortcuts: which configured shortcut a key press is, and which command
 * it sends to which call — the one its button would, and only when the workspace would accept it.
 *
 * - answer: the first ringing call's Accept;
 * - hangUp: the current call's Hang up, else the call being dialed (cancel), else the ringing one (decline);
 * - hold: Hold, or Resume when the current call is held;
 * - mute: Mute, or Unmute when muted.
 */

/** The parts of a KeyboardEvent a shortcut is matched on. */
export interface KeyPress {
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  /** The physical key (`KeyA`, `Digit1`, `F8`): Alt on a Mac changes `key`, never `code`. */
  readonly code: string;
}

export const SHORTCUT_ACTIONS: readonly ShortcutAction[] = ['answer', 'hangUp', 'hold', 'mute'];

/** Whether a key press is the shortcut (`Alt+Shift+A`): exactly its modifiers, and its key. */
export function isShortcut(shortcut: string, press: KeyPress): boolean {
  const parts = shortcut.split('+');
  const key = parts.at(-1) ?? '';
  const modifiers = new Set(parts.slice(0, -1));
  const code = /^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : key;
  return (
    press.code === code &&
    press.altKey === modifiers.has('Alt') &&
    press.ctrlKey === modifiers.has('Control') &&
    press.metaKey === modifiers.has('Meta') &&
    press.shiftKey === modifiers.has('Shift')
  );
}

/** The action a key press is, if any. */
export function shortcutAction(shortcuts: Shortcuts, press: KeyPress): ShortcutAction | undefined {
  return SHORTCUT_ACTIONS.find((action) => {
    const shortcut = shortcuts[action];
    return shortcut !== null && isShortcut(shortcut, press);
  });
}

export interface ShortcutCommand {
  readonly command: CommandName;
  readonly eventId: string;
}

/** The command an action sends now, or undefined when no call takes it: what the calls' buttons offer, nothing more. */
export function shortcutCommand(action: ShortcutAction, interactions: readonly Interaction[]): ShortcutCommand | undefined {
  const cards = callCards(interactions);
  const incoming = cards.find((card) => card.kind === 'incoming')?.interaction;
  const dialing = cards.find((card) => card.kind === 'dialing')?.interaction;
  const activeCard = cards.find((card) => card.kind === 'active');
  const active = activeCard?.interaction;
  const controls = activeCard && activeCard.kind === 'active' ? activeCallControls(activeCard.interaction, activeCard.consult) : undefined;
  const send = (command: CommandName, interaction: Interaction | undefined) =>
    interaction && allows(command, interaction) ? { command, eventId: interaction.eventId } : undefined;
  switch (action) {
    case 'answer':
      return send('acceptCall', incoming);
    case 'hangUp':
      return (controls?.hangup ? send('hangupCall', active) : undefined) ?? send('hangupCall', dialing) ?? send('rejectCall', incoming);
    case 'hold':
      return controls?.hold === 'hold' ? send('holdCall', active) : controls?.hold === 'retrieve' ? send('retrieveCall', active) : undefined;
    case 'mute':
      return controls?.mute === 'mute' ? send('muteCall', active) : controls?.mute === 'unmute' ? send('unmuteCall', active) : undefined;
  }
}
