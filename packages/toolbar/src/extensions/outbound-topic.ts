import type { OutboundCampaignEventType, OutboundEventData, OutboundRecordEventType } from '@ctikit/service-client';
import type { Campaign, CampaignChange, CampaignRecord, RecordChange } from '../core/outbound.ts';

/**
 * The `outbound` topic: the workspace's campaign and record changes as Genesys' Outbound Contact
 * Server names them (its `GSW_USER_EVENT` notifications), with the campaign or the record. A vendor
 * without campaigns (Amazon Connect) reports none, so nothing is published.
 */
const CAMPAIGN_EVENTS: Record<CampaignChange, OutboundCampaignEventType> = {
  started: 'CampaignStarted',
  stopped: 'CampaignStopped',
  noRecordLeft: 'PreviewRecordEmpty',
  pushPreviewStarted: 'PreviewDialingModeStartAcknowledge',
  pushPreviewStopped: 'PreviewDialingModeOverAcknowledge',
};

const RECORD_EVENTS: Record<RecordChange, OutboundRecordEventType> = {
  offered: 'PreviewRecord',
  rejected: 'RecordRejectAcknowledge',
  cancelled: 'RecordCancelAcknowledge',
  rescheduled: 'RecordRescheduleAcknowledge',
  rescheduleCancelled: 'RecordRescheduleCancelAcknowledge',
  updated: 'UpdateCallCompletionStatsAcknowledge',
  doNotCall: 'DoNotCallAcknowledge',
  doNotCallRemoved: 'DoNotCallRemoveAcknowledge',
  processed: 'RecordProcessedAcknowledge',
};

const MODES = { preview: 'Preview', progressive: 'Progressive', pushPreview: 'PushPreview' } as const;

export function campaignEvent(campaign: Campaign, change: CampaignChange): OutboundEventData {
  return {
    eventType: CAMPAIGN_EVENTS[change],
    campaignName: campaign.name,
    campaign: { name: campaign.name, mode: MODES[campaign.mode], callingList: campaign.callingList },
  };
}

export function recordEvent(record: CampaignRecord, change: RecordChange): OutboundEventData {
  return { eventType: RECORD_EVENTS[change], campaignName: record.campaignName, record: { ...record, fields: { ...record.fields } } };
}
