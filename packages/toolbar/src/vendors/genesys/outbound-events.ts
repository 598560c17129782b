import { z } from '../../platform/schema.ts';
import type { UserData, UserWireEvent } from '@ctikit/protocol';
import type { CallRecordRef, CampaignChange, CampaignMode, RecordChange } from '../../core/outbound.ts';
import type { VendorEvent } from '../../core/vendor-events.ts';

/**
 * Outbound Contact Server's notifications (an `EventUserEvent` whose userData names the notification
 * in `GSW_USER_EVENT`) → the core's campaign and record events. Notifications the core has no word
 * for (ChainedRecord, OCSError…) and user events that are not OCS's change nothing.
 *
 * | GSW_USER_EVENT | core event |
 * |---|---|
 * | CampaignStarted, CampaignLoaded / CampaignStopped, CampaignUnloaded | campaignChanged started / stopped |
 * | PreviewRecordEmpty | campaignChanged noRecordLeft |
 * | PreviewDialingModeStartAcknowledge / OverAcknowledge | campaignChanged pushPreviewStarted / pushPreviewStopped |
 * | PreviewRecord | recordChanged offered |
 * | RecordRejectAcknowledge, RecordCancelAcknowledge, RecordRescheduleAcknowledge, RecordRescheduleCancelAcknowledge | rejected, cancelled, rescheduled, rescheduleCancelled |
 * | UpdateCallCompletionStatsAcknowledge, DoNotCallAcknowledge, DoNotCallRemoveAcknowledge, RecordProcessedAcknowledge | updated, doNotCall, doNotCallRemoved, processed |
 */
const CAMPAIGN_CHANGES: Readonly<Record<string, CampaignChange>> = {
  CampaignStarted: 'started',
  CampaignLoaded: 'started',
  CampaignStopped: 'stopped',
  CampaignUnloaded: 'stopped',
  PreviewRecordEmpty: 'noRecordLeft',
  PreviewDialingModeStartAcknowledge: 'pushPreviewStarted',
  PreviewDialingModeOverAcknowledge: 'pushPreviewStopped',
};

const RECORD_CHANGES: Readonly<Record<string, RecordChange>> = {
  PreviewRecord: 'offered',
  RecordRejectAcknowledge: 'rejected',
  RecordCancelAcknowledge: 'cancelled',
  RecordRescheduleAcknowledge: 'rescheduled',
  RecordRescheduleCancelAcknowledge: 'rescheduleCancelled',
  UpdateCallCompletionStatsAcknowledge: 'updated',
  DoNotCallAcknowledge: 'doNotCall',
  DoNotCallRemoveAcknowledge: 'doNotCallRemoved',
  RecordProcessedAcknowledge: 'processed',
};

/** OCS's dialing modes (`GSW_CAMPAIGN_MODE`); the modes where the campaign dials (predictive, power…) are progressive to the agent. */
const MODES: Readonly<Record<string, CampaignMode>> = { Preview: 'preview', PushPreview: 'pushPreview' };

/** The keys OCS adds to a record's calling list fields; the rest are the fields the agent sees. */
const OCS_KEY = /^GSW_|^Interaction(Type|Subtype)$/;

const campaignSchema = z.object({
  GSW_CAMPAIGN_NAME: z.string().check(z.minLength(1)),
  GSW_CAMPAIGN_MODE: z.optional(z.string()),
  GSW_CALLING_LIST: z.optional(z.string()),
});

const recordSchema = z.object({
  GSW_RECORD_HANDLE: z.pipe(z.coerce.number(), z.int().check(z.positive())),
  GSW_CAMPAIGN_NAME: z.string().check(z.minLength(1)),
  GSW_CALLING_LIST: z.optional(z.string()),
  GSW_PHONE: z.optional(z.coerce.string()),
  GSW_CALL_RESULT: z.optional(z.pipe(z.coerce.number(), z.int())),
});

/** Unknown call result (OCS's 28) when the notification carries none. */
const UNKNOWN_CALL_RESULT = 28;

export function outboundEvents(event: UserWireEvent): VendorEvent[] {
  const userData = event.userData ?? {};
  const notification = userData['GSW_USER_EVENT'];
  if (typeof notification !== 'string') return [];
  const at = event.timestamp;
  const campaignChange = CAMPAIGN_CHANGES[notification];
  if (campaignChange !== undefined) {
    const parsed = campaignSchema.safeParse(userData);
    if (!parsed.success) return [];
    const { GSW_CAMPAIGN_NAME: name, GSW_CAMPAIGN_MODE: mode, GSW_CALLING_LIST: callingList } = parsed.data;
    return [
      { type: 'campaignChanged', change: campaignChange, campaign: { name, mode: MODES[mode ?? ''] ?? 'progressive', callingList: callingList ?? '' }, at },
    ];
  }
  const recordChange = RECORD_CHANGES[notification];
  const parsed = recordChange === undefined ? undefined : recordSchema.safeParse(userData);
  if (recordChange === undefined || !parsed?.success) return [];
  const record = parsed.data;
  return [
    {
      type: 'recordChanged',
      change: recordChange,
      record: {
        recordHandle: record.GSW_RECORD_HANDLE,
        campaignName: record.GSW_CAMPAIGN_NAME,
        callingList: record.GSW_CALLING_LIST ?? '',
        phone: record.GSW_PHONE ?? '',
        fields: callingListFields(userData),
        callResult: record.GSW_CALL_RESULT ?? UNKNOWN_CALL_RESULT,
      },
      at,
    },
  ];
}

function callingListFields(userData: UserData): UserData {
  return Object.fromEntries(Object.entries(userData).filter(([key]) => !OCS_KEY.test(key)));
}

/** The campaign record a call carries in its userData (OCS attaches `GSW_RECORD_HANDLE` and `GSW_CAMPAIGN_NAME`). */
export function callRecordOf(userData: UserData | undefined): CallRecordRef | undefined {
  const parsed = z.pick(recordSchema, { GSW_RECORD_HANDLE: true, GSW_CAMPAIGN_NAME: true }).safeParse(userData ?? {});
  return parsed.success ? { recordHandle: parsed.data.GSW_RECORD_HANDLE, campaignName: parsed.data.GSW_CAMPAIGN_NAME } : undefined;
}
