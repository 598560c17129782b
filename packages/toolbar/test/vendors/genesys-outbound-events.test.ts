import { describe, expect, it } from 'vitest';
import { bridgeFrameSchema, tserverEventSchema, type TServerWireEvent } from '@ctikit/protocol';
import { TServerEventMapper } from '../../src/vendors/genesys/event-mapping.ts';

/** Outbound Contact Server's notifications (EventUserEvent, GSW_USER_EVENT) → the core's campaign and record events. */
const AT = 1_700_000_000_000;

function userEvent(userData: Record<string, string | number>): TServerWireEvent {
  return tserverEventSchema.parse({ eventName: 'EventUserEvent', timestamp: AT, thisDN: '5001', agentId: 'agent1', userData });
}

const RECORD = {
  GSW_RECORD_HANDLE: 3,
  GSW_CAMPAIGN_NAME: 'Renewals',
  GSW_CALLING_LIST: 'RenewalsList',
  GSW_PHONE: '+14155550101',
  GSW_CALL_RESULT: 28,
  GSW_ATTEMPTS: 0,
  InteractionType: 'Outbound',
  InteractionSubtype: 'OutboundNew',
  Name: 'Ada Byron',
  Plan: 'Gold',
};

describe('OCS notifications → core', () => {
  it('reach the mapping: the socket’s frame schema takes EventUserEvent', () => {
    const frame = {
      eventName: 'EventUserEvent',
      seq: 4,
      timestamp: AT,
      thisDN: '5001',
      userData: { GSW_USER_EVENT: 'CampaignStarted', GSW_CAMPAIGN_NAME: 'Renewals' },
    };
    expect(bridgeFrameSchema.safeParse(frame).success).toBe(true);
  });

  const map = (userData: Record<string, string | number>) => new TServerEventMapper().map(userEvent(userData));

  it('CampaignStarted / CampaignLoaded → started, CampaignStopped / Unloaded → stopped, with OCS’s dialing mode', () => {
    const campaign = { GSW_CAMPAIGN_NAME: 'Push', GSW_CAMPAIGN_MODE: 'PushPreview', GSW_CALLING_LIST: 'PushList' };
    expect(map({ ...campaign, GSW_USER_EVENT: 'CampaignStarted' })).toEqual([
      { type: 'campaignChanged', change: 'started', campaign: { name: 'Push', mode: 'pushPreview', callingList: 'PushList' }, at: AT },
    ]);
    expect(map({ ...campaign, GSW_USER_EVENT: 'CampaignLoaded' })[0]).toMatchObject({ change: 'started' });
    expect(map({ ...campaign, GSW_USER_EVENT: 'CampaignUnloaded' })[0]).toMatchObject({ change: 'stopped' });
    expect(map({ GSW_CAMPAIGN_NAME: 'Dialer', GSW_CAMPAIGN_MODE: 'Predictive', GSW_USER_EVENT: 'CampaignStopped' })[0]).toMatchObject({
      change: 'stopped',
      campaign: { name: 'Dialer', mode: 'progressive', callingList: '' },
    });
    expect(map({ ...campaign, GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' })[0]).toMatchObject({ change: 'pushPreviewStarted' });
    expect(map({ ...campaign, GSW_USER_EVENT: 'PreviewDialingModeOverAcknowledge' })[0]).toMatchObject({ change: 'pushPreviewStopped' });
    expect(map({ ...campaign, GSW_USER_EVENT: 'PreviewRecordEmpty' })[0]).toMatchObject({ change: 'noRecordLeft' });
  });

  it('PreviewRecord → the record offered, with the calling list’s fields apart from OCS’s keys', () => {
    expect(map({ ...RECORD, GSW_USER_EVENT: 'PreviewRecord' })).toEqual([
      {
        type: 'recordChanged',
        change: 'offered',
        record: {
          recordHandle: 3,
          campaignName: 'Renewals',
          callingList: 'RenewalsList',
          phone: '+14155550101',
          fields: { Name: 'Ada Byron', Plan: 'Gold' },
          callResult: 28,
        },
        at: AT,
      },
    ]);
  });

  it('each acknowledge → its record change', () => {
    const changes = Object.entries({
      RecordRejectAcknowledge: 'rejected',
      RecordCancelAcknowledge: 'cancelled',
      RecordRescheduleAcknowledge: 'rescheduled',
      RecordRescheduleCancelAcknowledge: 'rescheduleCancelled',
      UpdateCallCompletionStatsAcknowledge: 'updated',
      DoNotCallAcknowledge: 'doNotCall',
      DoNotCallRemoveAcknowledge: 'doNotCallRemoved',
      RecordProcessedAcknowledge: 'processed',
    });
    for (const [notification, change] of changes) expect(map({ ...RECORD, GSW_USER_EVENT: notification })[0]).toMatchObject({ type: 'recordChanged', change });
  });

  it('a user event that is not OCS’s, or a notification without its record, changes nothing', () => {
    expect(map({ Note: 'hello' })).toEqual([]);
    expect(map({ GSW_USER_EVENT: 'ChainedRecordsDataEnd', GSW_RECORD_HANDLE: 3, GSW_CAMPAIGN_NAME: 'Renewals' })).toEqual([]);
    expect(map({ GSW_USER_EVENT: 'PreviewRecord', GSW_CAMPAIGN_NAME: 'Renewals' })).toEqual([]);
    expect(map({ GSW_USER_EVENT: 'CampaignStarted' })).toEqual([]);
  });

  it('a call carrying a record (a dialed preview record, a progressive call) names it', () => {
    const ringing = tserverEventSchema.parse({
      eventName: 'EventRinging',
      timestamp: AT,
      thisDN: '5001',
      eventId: 'e1',
      connectionId: 'c1',
      callType: 'Inbound',
      ANI: '+14155550201',
      userData: { ...RECORD, GSW_CAMPAIGN_NAME: 'Winback' },
    });
    expect(new TServerEventMapper().map(ringing)[0]).toMatchObject({
      type: 'interactionOffered',
      details: { campaignRecord: { recordHandle: 3, campaignName: 'Winback' } },
    });
  });
});
