import type { InteractionDetails } from '../../../src/core/interaction.ts';
import type { LiveInteractionSnapshot, VendorEvent } from '../../../src/core/vendor-events.ts';
import type { WorkspaceEventMap, WorkspaceModel } from '../../../src/core/workspace-model.ts';

/** Builders for vendor events, and a recorder of what the model tells its views. */
export const T0 = 1_700_000_000_000;

export function details(overrides: Partial<InteractionDetails> = {}): InteractionDetails {
  return {
    direction: 'inbound',
    phoneNumber: '+15550100',
    dnis: '8000',
    queue: '8000',
    userData: {},
    parties: ['+15550100', '5001'],
    recordingState: 'stopped',
    ...overrides,
  };
}

export const vendorEvent = {
  offered: (eventId: string, at = T0, overrides: Partial<InteractionDetails> = {}): VendorEvent => ({
    type: 'interactionOffered',
    eventId,
    details: details(overrides),
    at,
  }),
  dialing: (eventId: string, phoneNumber: string, at = T0): VendorEvent => ({
    type: 'interactionDialing',
    eventId,
    details: details({ direction: 'outbound', phoneNumber, parties: ['5001', phoneNumber] }),
    at,
  }),
  connected: (eventId: string, at = T0 + 1000): VendorEvent => ({ type: 'interactionConnected', eventId, at }),
  held: (eventId: string, at = T0 + 2000): VendorEvent => ({ type: 'interactionHeld', eventId, at }),
  retrieved: (eventId: string, at = T0 + 3000): VendorEvent => ({ type: 'interactionRetrieved', eventId, at }),
  muted: (eventId: string, muted: boolean, at = T0 + 2500): VendorEvent => ({
    type: 'interactionMuteChanged',
    eventId,
    muted,
    at,
  }),
  ended: (eventId: string, kind: 'completed' | 'rejected' | 'abandoned' | 'missed' = 'completed', at = T0 + 9000): VendorEvent => ({
    type: 'interactionEnded',
    eventId,
    cause: { kind },
    at,
  }),
  ready: (at = T0): VendorEvent => ({ type: 'agentStateChanged', state: { kind: 'ready' }, at }),
  resynced: (interactions: LiveInteractionSnapshot[], at = T0 + 50_000): VendorEvent => ({
    type: 'resynced',
    agent: { kind: 'ready' },
    interactions,
    at,
  }),
};

/** Every change event the model emits, as one line each: `interactionChanged e1 offered→connected`. */
export function recordChanges(model: WorkspaceModel): string[] {
  const lines: string[] = [];
  const on = <K extends keyof WorkspaceEventMap>(type: K, line: (payload: WorkspaceEventMap[K]) => string) =>
    model.on(type, (payload) => lines.push(line(payload)));
  on('agentChanged', (e) => `agentChanged ${e.previous.kind}→${e.agent.kind}`);
  on('connectionChanged', (e) => `connectionChanged ${e.previous.state}→${e.connection.state}`);
  on('interactionChanged', (e) => `interactionChanged ${e.interaction.eventId} ${e.previous?.state ?? 'new'}→${e.interaction.state}`);
  on('interactionClosed', (e) => `interactionClosed ${e.interaction.eventId}`);
  on('resynced', (e) => `resynced ${e.interactions.map((i) => `${i.eventId}:${i.state}`).join(',')}`);
  on('commandFailed', (e) => `commandFailed ${e.command ?? '-'} ${e.failure.code}`);
  return lines;
}
