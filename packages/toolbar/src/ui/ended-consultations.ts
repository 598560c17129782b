import type { Interaction } from '../core/interaction.ts';
import type { Workspace } from '../core/workspace.ts';
import { isOwnConsultLeg } from './view-model.ts';

/**
 * Close the agent's own consultation legs once they end (cancelled, transferred, joined into a
 * conference, or hung up by the consulted party): the call they served carries the wrap-up, and
 * Fusion never hears of them, so nobody else would. Returns the function that stops.
 */
export function closeEndedConsultations(workspace: Workspace): () => void {
  const closeIfEnded = (interaction: Interaction) => {
    if (interaction.state === 'wrapUp' && isOwnConsultLeg(interaction)) workspace.closeInteraction(interaction.eventId);
  };
  workspace.model.interactions.forEach(closeIfEnded);
  return workspace.model.on('interactionChanged', ({ interaction }) => closeIfEnded(interaction));
}
