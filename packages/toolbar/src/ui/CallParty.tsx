import type { Interaction } from '../core/interaction.ts';
import { useToolbar } from './toolbar-context.ts';
import { partyView, say } from './view-model.ts';

/**
 * Who a call is with: the contact's name (from Fusion's lookup), a colleague's or queue's name from the
 * contact center's directory, or "Unknown caller", the number, formatted for the agent's region, and
 * the campaign of a campaign call.
 */
export function CallParty(props: { interaction: Interaction }) {
  const { t, contacts, workspace, formatNumber } = useToolbar();
  const party = partyView(props.interaction, contacts.get(props.interaction.eventId), workspace.model.transferDestinations);
  const campaign = props.interaction.campaignRecord?.campaignName;
  return (
    <div class="party">
      <p class="party-name">{typeof party.name === 'string' ? formatNumber(party.name) : say(t, party.name)}</p>
      {party.number !== undefined && (
        <p class="party-number" dir="ltr">
          {formatNumber(party.number)}
        </p>
      )}
      {campaign !== undefined && <p class="party-campaign">{t('call.campaign', { campaign })}</p>}
    </div>
  );
}
