import { useId } from 'preact/hooks';
import type { Interaction } from '../core/interaction.ts';
import { useToolbar } from './toolbar-context.ts';
import { conferenceView, say } from './view-model.ts';

/**
 * A conference's party list: each party besides the agent — their name when the toolbar knows it
 * (the CRM contact, the directory), the number formatted, their state — and Drop for each where the
 * vendor can drop a party. Renders nothing for a call that is not a conference.
 */
export function ConferenceParties(props: { interaction: Interaction }) {
  const { t, workspace, contacts, commands, formatNumber } = useToolbar();
  const { interaction } = props;
  const titleId = useId();
  const rows = conferenceView(
    interaction,
    workspace.model.identity,
    workspace.model.transferDestinations,
    contacts.get(interaction.eventId),
    workspace.canDropParties,
  );
  if (rows === undefined) return null;
  return (
    <section class="conference" aria-labelledby={titleId}>
      <h3 id={titleId} class="conference-title">
        {t('call.conferenceParties')}
      </h3>
      <ul class="conference-parties">
        {rows.map((row) => {
          const label = row.name ?? formatNumber(row.number);
          const key = `dropParty:${interaction.eventId}:${row.number}`;
          return (
            <li key={row.number} class="conference-party">
              <span class="conference-party-who">
                <span class="conference-party-name">{label}</span>
                {row.name !== undefined && (
                  <span class="conference-party-number" dir="ltr">
                    {formatNumber(row.number)}
                  </span>
                )}
              </span>
              <span class="badge">{say(t, row.state)}</span>
              {row.canDrop && (
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={commands.isPending(key)}
                  onClick={() => void commands.run(key, () => workspace.execute('dropParty', interaction.eventId, row.number))}
                >
                  {t('call.dropParty', { party: label })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
