import { expect } from 'vitest';
import type { Interaction } from '../../../src/core/interaction.ts';

/** What must hold of every interaction the model holds, whatever happened before. */
export function checkInteraction(interaction: Interaction): void {
  expect(['offered', 'dialing', 'connected', 'held', 'wrapUp']).toContain(interaction.state);
  expect(interaction.held).toBe(interaction.state === 'held');
  if (interaction.muted) expect(['connected', 'held']).toContain(interaction.state);
  expect(interaction.state === 'wrapUp').toBe(interaction.endCause !== undefined);
  expect(interaction.state === 'wrapUp').toBe(interaction.endedAt !== undefined);
  if (interaction.state === 'connected' || interaction.state === 'held') expect(interaction.connectedAt).toBeDefined();
}
