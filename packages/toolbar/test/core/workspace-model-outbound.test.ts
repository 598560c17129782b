import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignChange, CampaignRecord } from '../../src/core/outbound.ts';
import type { VendorEvent } from '../../src/core/vendor-events.ts';
import { WorkspaceModel } from '../../src/core/workspace-model.ts';
import { details, T0, vendorEvent } from './support/vendor-events.ts';

/** The agent's outbound campaigns in the model: the campaigns announced, the record offered to preview. */
const RENEWALS: Campaign = { name: 'Renewals', mode: 'preview', callingList: 'RenewalsList' };
const ADA: CampaignRecord = {
  recordHandle: 1,
  campaignName: 'Renewals',
  callingList: 'RenewalsList',
  phone: '+14155550101',
  fields: { Name: 'Ada' },
  callResult: 28,
};

const campaign = (change: CampaignChange, name: string = RENEWALS.name): VendorEvent => ({
  type: 'campaignChanged',
  campaign: { ...RENEWALS, name },
  change,
  at: T0,
});
const record = (change: 'offered' | 'updated' | 'rejected' | 'processed', fields: CampaignRecord = ADA): VendorEvent => ({
  type: 'recordChanged',
  record: fields,
  change,
  at: T0,
});

function recorded(model: WorkspaceModel): string[] {
  const seen: string[] = [];
  model.on('campaignChanged', ({ campaign: c, change }) => seen.push(`campaign ${c.name} ${change}`));
  model.on('recordChanged', ({ record: r, change }) => seen.push(`record ${r.recordHandle} ${change}`));
  model.on('offeredRecordChanged', ({ record: r }) => seen.push(`offered ${r?.recordHandle ?? 'none'}`));
  return seen;
}

describe('WorkspaceModel: outbound campaigns', () => {
  it('keeps the campaigns that started and drops the ones that stopped', () => {
    const model = new WorkspaceModel();
    const seen = recorded(model);
    model.apply(campaign('started'));
    model.apply(campaign('started', 'Winback'));
    model.apply(campaign('started'));
    expect(model.campaigns.map((c) => c.name)).toEqual(['Winback', 'Renewals']);
    model.apply(campaign('stopped', 'Winback'));
    expect(model.campaigns).toEqual([RENEWALS]);
    model.apply(campaign('pushPreviewStarted'));
    expect(model.pushPreview).toBe(true);
    model.apply(campaign('pushPreviewStopped'));
    expect(model.pushPreview).toBe(false);
    expect(seen).toEqual([
      'campaign Renewals started',
      'campaign Winback started',
      'campaign Renewals started',
      'campaign Winback stopped',
      'campaign Renewals pushPreviewStarted',
      'campaign Renewals pushPreviewStopped',
    ]);
  });

  it('holds the offered record until it is given back, follows its updates, and ignores other records’ changes', () => {
    const model = new WorkspaceModel();
    const seen = recorded(model);
    model.apply(record('offered'));
    expect(model.offeredRecord).toEqual(ADA);
    model.apply(record('updated', { ...ADA, callResult: 33 }));
    expect(model.offeredRecord?.callResult).toBe(33);
    model.apply(record('processed', { ...ADA, recordHandle: 7 }));
    expect(model.offeredRecord?.recordHandle).toBe(1);
    model.apply(record('rejected'));
    expect(model.offeredRecord).toBeUndefined();
    expect(seen).toEqual(['offered 1', 'record 1 offered', 'offered 1', 'record 1 updated', 'record 7 processed', 'offered none', 'record 1 rejected']);
  });

  it('lets the offered record go when a call carrying it appears, and keeps the record on the call', () => {
    const model = new WorkspaceModel();
    model.apply(record('offered'));
    model.apply(vendorEvent.offered('e-other', T0, { campaignRecord: { recordHandle: 9, campaignName: 'Renewals' } }));
    expect(model.offeredRecord).toEqual(ADA);
    const calling = details({ direction: 'outbound', phoneNumber: ADA.phone, campaignRecord: { recordHandle: 1, campaignName: 'Renewals' } });
    model.apply({ type: 'interactionDialing', eventId: 'e1', details: calling, at: T0 });
    expect(model.offeredRecord).toBeUndefined();
    expect(model.interaction('e1')?.campaignRecord).toEqual({ recordHandle: 1, campaignName: 'Renewals' });
  });
});
