import { useEffect, useState } from 'preact/hooks';
import type { Interaction } from '../core/interaction.ts';
import type { ModelView } from './hooks.ts';

/**
 * Where the outbound campaign views go: the campaigns and the preview record card above the calls,
 * the call result in a campaign call's wrap-up. Their code (`outbound/outbound-ui.tsx`) is loaded with
 * `import()` the first time the agent has a campaign, an offered record or a campaign call, so the
 * toolbar's initial script carries none of it, and agents without campaigns never load it.
 */
type OutboundUi = typeof import('./outbound/outbound-ui.tsx');

let loading: Promise<OutboundUi> | undefined;

function useOutboundUi(needed: boolean): OutboundUi | undefined {
  const [ui, setUi] = useState<OutboundUi | undefined>(undefined);
  useEffect(() => {
    if (!needed || ui) return undefined;
    let live = true;
    loading ??= import('./outbound/outbound-ui.tsx');
    loading.then(
      (module) => live && setUi(module),
      () => (loading = undefined),
    );
    return () => {
      live = false;
    };
  }, [needed, ui]);
  return ui;
}

/** The agent's campaigns and the record offered to it, once it has any. */
export function CampaignsSlot(props: { model: ModelView }) {
  const { campaigns, offeredRecord, pushPreview } = props.model;
  const ui = useOutboundUi(campaigns.length > 0 || offeredRecord !== undefined);
  return ui ? <ui.CampaignPanel campaigns={campaigns} offeredRecord={offeredRecord} pushPreview={pushPreview} interactions={props.model.interactions} /> : null;
}

/** A campaign call's wrap-up: its call result and Mark processed. */
export function RecordWrapUpSlot(props: { interaction: Interaction }) {
  const ui = useOutboundUi(props.interaction.campaignRecord !== undefined);
  return ui && props.interaction.campaignRecord ? <ui.RecordWrapUp record={props.interaction.campaignRecord} /> : null;
}
