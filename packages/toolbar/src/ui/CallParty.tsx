import type { Interaction } from '../core/interaction.ts';
import { useToolbar } from './toolbar-context.ts';
import { partyView, say } from './view-model.ts';

/** Who a call is with: the contact's name (from Fusion's lookup) or "Unknown caller", the number, and the campaign of a campaign call. */
export function CallParty(props: { interaction: Interaction }) {
  const { t, contacts } = useToolbar();
  const party = partyView(props.interaction, contacts.get(props.interaction.eventId));
  const campaign = props.interaction.campaignRecord?.campaignName;
  return (
    <div class="party">
      <p class="party-name">{say(t, party.name)}</p>
      {party.number !== undefined && (
        <p class="party-number" dir="ltr">
          {party.number}
        </p>
      )}
      {campaign !== undefined && <p class="party-campaign">{t('call.campaign', { campaign })}</p>}
    </div>
  );
}
