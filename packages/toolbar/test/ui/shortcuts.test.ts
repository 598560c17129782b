import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, parseToolbarConfig } from '../../src/config.ts';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { isShortcut, shortcutAction, shortcutCommand, type KeyPress } from '../../src/ui/agent-tools/shortcuts.ts';
import { vendorEvent } from '../core/support/vendor-events.ts';

const press = (code: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...modifiers,
});

describe('keyboard shortcuts', () => {
  it('match the physical key with exactly their modifiers', () => {
    expect(isShortcut('Alt+Shift+A', press('KeyA', { altKey: true, shiftKey: true }))).toBe(true);
    expect(isShortcut('Alt+Shift+A', press('KeyA', { altKey: true }))).toBe(false);
    expect(isShortcut('Alt+Shift+A', press('KeyA', { altKey: true, shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isShortcut('Control+Alt+1', press('Digit1', { altKey: true, ctrlKey: true }))).toBe(true);
    expect(isShortcut('Alt+F8', press('F8', { altKey: true }))).toBe(true);
    expect(shortcutAction({ ...DEFAULT_SHORTCUTS, mute: null }, press('KeyM', { altKey: true, shiftKey: true }))).toBeUndefined();
    expect(shortcutAction(DEFAULT_SHORTCUTS, press('KeyO', { altKey: true, shiftKey: true }))).toBe('hold');
  });

  it('send what the call cards offer: answer the ringing call, hold or resume and mute the current one, hang up or decline', () => {
    const model = new WorkspaceModel();
    model.apply(vendorEvent.offered('ringing'));
    expect(shortcutCommand('answer', model.interactions)).toEqual({ command: 'acceptCall', eventId: 'ringing' });
    expect(shortcutCommand('hangUp', model.interactions)).toEqual({ command: 'rejectCall', eventId: 'ringing' });
    expect(shortcutCommand('hold', model.interactions)).toBeUndefined();
    model.apply(vendorEvent.connected('ringing'));
    expect(shortcutCommand('answer', model.interactions)).toBeUndefined();
    expect(shortcutCommand('hold', model.interactions)).toEqual({ command: 'holdCall', eventId: 'ringing' });
    expect(shortcutCommand('mute', model.interactions)).toEqual({ command: 'muteCall', eventId: 'ringing' });
    expect(shortcutCommand('hangUp', model.interactions)).toEqual({ command: 'hangupCall', eventId: 'ringing' });
    model.apply(vendorEvent.held('ringing'));
    expect(shortcutCommand('hold', model.interactions)).toEqual({ command: 'retrieveCall', eventId: 'ringing' });
    model.apply(vendorEvent.retrieved('ringing'));
    model.apply(vendorEvent.muted('ringing', true));
    expect(shortcutCommand('mute', model.interactions)).toEqual({ command: 'unmuteCall', eventId: 'ringing' });
  });

  it('are configured in the config file, checked: a shortcut needs Alt, Control or Meta, and two actions cannot share one', () => {
    expect(parseToolbarConfig({}, '').shortcuts).toEqual(DEFAULT_SHORTCUTS);
    expect(parseToolbarConfig({ shortcuts: { answer: 'Control+Alt+1', mute: null } }, '').shortcuts).toEqual({
      ...DEFAULT_SHORTCUTS,
      answer: 'Control+Alt+1',
      mute: null,
    });
    expect(() => parseToolbarConfig({ shortcuts: { answer: 'Shift+A' } }, '')).toThrow(/needs Alt, Control or Meta/);
    expect(() => parseToolbarConfig({ shortcuts: { answer: 'Alt+Shift+a' } }, '')).toThrow(/a shortcut such as Alt\+Shift\+A/);
    expect(() => parseToolbarConfig({ shortcuts: { hold: 'Alt+Shift+A' } }, '')).toThrow(/two actions share one shortcut/);
    expect(() => parseToolbarConfig({ shortcuts: { dance: 'Alt+Shift+D' } }, '')).toThrow(/shortcuts/);
    // File only: the URL cannot set them.
    expect(parseToolbarConfig({}, '?shortcuts=x').shortcuts).toEqual(DEFAULT_SHORTCUTS);
  });
});
