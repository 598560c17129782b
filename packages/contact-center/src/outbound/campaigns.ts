import { CtiError } from '@ctikit/protocol';
import type { UserData } from '@ctikit/protocol';
import type { Clock } from '@ctikit/kernel';
import type { CampaignConfig, CampaignMode } from './campaign-config.ts';
import { CALL_RESULTS, isCallResult, UNKNOWN_CALL_RESULT } from './call-results.ts';

/**
 * The campaigns' records as Outbound Contact Server keeps them. A record is offered to one agent at
 * a time (a preview record it asked for, or the record of a progressive call it was handed) and only
 * that agent acts on it: calls, rejects, cancels, reschedules, sets its call result or fields, marks
 * it do-not-call or processed. Another agent naming the record is told UNKNOWN_RECORD, as if it did
 * not exist. Every change is notified to the record's agent, in OCS's words.
 */

export type RecordStatus = 'Ready' | 'Offered' | 'Dialing' | 'Scheduled' | 'Processed' | 'Cancelled';
export type CallbackType = 'Personal' | 'Campaign';

export interface OutboundRecordView {
  readonly recordHandle: number;
  readonly campaignName: string;
  readonly callingList: string;
  readonly mode: CampaignMode;
  readonly chainId: string;
  readonly phone: string;
  readonly fields: UserData;
  readonly status: RecordStatus;
  readonly callResult: number;
  readonly attempts: number;
  readonly doNotCall: boolean;
  /** Rescheduled: when (epoch ms), and for whom. */
  readonly scheduledAt?: number;
  readonly callbackType?: CallbackType;
}

/** A record being dialed: the number, and the record's data the call carries. */
export interface DialedRecord {
  readonly phone: string;
  readonly userData: UserData;
  readonly record: OutboundRecordView;
}

export interface CampaignView {
  readonly name: string;
  readonly mode: CampaignMode;
  readonly callingList: string;
  /** Records left to dial (ready, or rescheduled). */
  readonly recordsLeft: number;
}

/** OCS's notifications (GSW_USER_EVENT) for the changes of a record. */
export type RecordNotification =
  | 'PreviewRecord'
  | 'RecordRejectAcknowledge'
  | 'RecordCancelAcknowledge'
  | 'RecordRescheduleAcknowledge'
  | 'RecordRescheduleCancelAcknowledge'
  | 'UpdateCallCompletionStatsAcknowledge'
  | 'DoNotCallAcknowledge'
  | 'DoNotCallRemoveAcknowledge'
  | 'RecordProcessedAcknowledge';

/**
 * OCS's notifications about a campaign as a whole: it runs for the agent's group (sent when the
 * agent logs in), it has no record left to preview, push preview started or ended for the agent.
 */
export type CampaignNotification = 'CampaignStarted' | 'PreviewRecordEmpty' | 'PreviewDialingModeStartAcknowledge' | 'PreviewDialingModeOverAcknowledge';

export type OutboundEvent =
  | { readonly kind: 'record'; readonly notification: RecordNotification; readonly agentId: string; readonly record: OutboundRecordView }
  | { readonly kind: 'campaign'; readonly notification: CampaignNotification; readonly agentId: string; readonly campaign: CampaignView };

export type OutboundListener = (event: OutboundEvent) => void;

interface RecordState {
  readonly recordHandle: number;
  readonly campaign: CampaignConfig;
  readonly chainId: string;
  readonly phone: string;
  fields: UserData;
  status: RecordStatus;
  /** The agent it is offered to, being dialed for, or was last handled by. */
  agentId: string | undefined;
  callResult: number;
  attempts: number;
  doNotCall: boolean;
  scheduledAt: number | undefined;
  callbackType: CallbackType | undefined;
}

export class OutboundCampaigns {
  private readonly records: RecordState[];
  private readonly listeners = new Set<OutboundListener>();
  /** The agents who started push preview: each is pushed the next record of its push preview campaigns when it has none. */
  private readonly pushPreviewAgents = new Set<string>();

  constructor(
    private readonly campaignConfigs: readonly CampaignConfig[],
    private readonly clock: Clock,
  ) {
    let handle = 0;
    this.records = campaignConfigs.flatMap((campaign) =>
      campaign.records.map((record): RecordState => {
        handle += 1;
        return {
          recordHandle: handle,
          campaign,
          chainId: record.chain ?? `chain-${handle}`,
          phone: record.phone,
          fields: { ...record.fields },
          status: 'Ready',
          agentId: undefined,
          callResult: UNKNOWN_CALL_RESULT,
          attempts: 0,
          doNotCall: false,
          scheduledAt: undefined,
          callbackType: undefined,
        };
      }),
    );
  }

  subscribe(listener: OutboundListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The campaigns the agent's group takes part in. */
  campaigns(agentId: string): CampaignView[] {
    return this.campaignConfigs.filter((campaign) => inGroup(campaign, agentId)).map((campaign) => this.campaignView(campaign, agentId));
  }

  /** The agent logged in: OCS tells it of every campaign its group takes part in (CampaignStarted). */
  announceCampaigns(agentId: string): void {
    for (const campaign of this.campaignConfigs) if (inGroup(campaign, agentId)) this.notifyCampaign('CampaignStarted', campaign, agentId);
  }

  /** Call results the agent may set (OCS's call result enumeration). */
  callResults(): ReadonlyArray<{ readonly code: number; readonly name: string }> {
    return CALL_RESULTS;
  }

  /** The next record of a preview campaign, offered to the agent; `undefined` when none is left. */
  previewRecord(agentId: string, campaignName: string): OutboundRecordView | undefined {
    const campaign = this.campaignOf(agentId, campaignName);
    if (campaign.mode === 'progressive')
      throw new CtiError('UNSUPPORTED_OPERATION', `Campaign ${campaignName} dials progressively: it has no preview records.`);
    const offered = this.offerNext(agentId, campaign, true);
    if (!offered) this.notifyCampaign('PreviewRecordEmpty', campaign, agentId);
    return offered;
  }

  /** The next record of the agent's progressive campaigns, dialed for the agent (the call carries the record: no notification). */
  progressiveRecord(agentId: string): DialedRecord | undefined {
    for (const campaign of this.campaignConfigs) {
      if (campaign.mode !== 'progressive' || !inGroup(campaign, agentId)) continue;
      const offered = this.offerNext(agentId, campaign, false);
      if (offered) return this.callRecord(agentId, offered.recordHandle);
    }
    return undefined;
  }

  /**
   * The agent starts push preview (OCS's PreviewDialingModeStart): its push preview campaigns push it
   * their next record (PreviewRecord) whenever it has no record in hand, without its asking.
   */
  startPushPreview(agentId: string): CampaignView[] {
    const campaigns = this.pushPreviewCampaigns(agentId);
    this.pushPreviewAgents.add(agentId);
    for (const campaign of campaigns) this.notifyCampaign('PreviewDialingModeStartAcknowledge', campaign, agentId);
    this.pushNext(agentId);
    return campaigns.map((campaign) => this.campaignView(campaign, agentId));
  }

  /** The agent stops push preview (PreviewDialingModeOver): no more records are pushed; the one in hand stays. */
  stopPushPreview(agentId: string): CampaignView[] {
    const campaigns = this.pushPreviewCampaigns(agentId);
    this.pushPreviewAgents.delete(agentId);
    for (const campaign of campaigns) this.notifyCampaign('PreviewDialingModeOverAcknowledge', campaign, agentId);
    return campaigns.map((campaign) => this.campaignView(campaign, agentId));
  }

  /** The agent calls its offered record: what to dial, with the record's data to attach. */
  callRecord(agentId: string, recordHandle: number): DialedRecord {
    const record = this.own(agentId, recordHandle, ['Offered']);
    record.status = 'Dialing';
    record.attempts += 1;
    const dialed = view(record);
    return { phone: record.phone, userData: recordUserData(dialed), record: dialed };
  }

  /** The agent gives the record back (or its call could not be placed): another agent may get it. */
  reject(agentId: string, recordHandle: number): OutboundRecordView {
    const record = this.own(agentId, recordHandle, ['Offered', 'Dialing']);
    record.status = 'Ready';
    return this.settled(this.notify('RecordRejectAcknowledge', record, agentId), agentId);
  }

  /** The record is not dialed again in this campaign. */
  cancel(agentId: string, recordHandle: number): OutboundRecordView {
    const record = this.own(agentId, recordHandle, ['Offered', 'Dialing']);
    record.status = 'Cancelled';
    return this.settled(this.notify('RecordCancelAcknowledge', record, agentId), agentId);
  }

  /** Call the customer back at `at` (epoch ms): for this agent only (Personal) or anyone of the campaign. */
  reschedule(agentId: string, recordHandle: number, at: number, callbackType: CallbackType): OutboundRecordView {
    const record = this.own(agentId, recordHandle, ['Offered', 'Dialing']);
    if (!(at > this.clock.now())) throw new CtiError('INVALID_ATTRIBUTE', 'A record is rescheduled to a time in the future.');
    Object.assign(record, { status: 'Scheduled', scheduledAt: at, callbackType });
    return this.settled(this.notify('RecordRescheduleAcknowledge', record, agentId), agentId);
  }

  /** The agent takes the rescheduling back: the record is the agent's again. */
  cancelReschedule(agentId: string, recordHandle: number): OutboundRecordView {
    const record = this.own(agentId, recordHandle, ['Scheduled']);
    Object.assign(record, { status: 'Offered', scheduledAt: undefined, callbackType: undefined });
    return this.notify('RecordRescheduleCancelAcknowledge', record, agentId);
  }

  setCallResult(agentId: string, recordHandle: number, callResult: number): OutboundRecordView {
    if (!isCallResult(callResult)) throw new CtiError('INVALID_ATTRIBUTE', `${callResult} is not a call result (see the list of call results).`);
    const record = this.own(agentId, recordHandle);
    record.callResult = callResult;
    return this.notify('UpdateCallCompletionStatsAcknowledge', record, agentId);
  }

  record(agentId: string, recordHandle: number): OutboundRecordView {
    return view(this.own(agentId, recordHandle));
  }

  /** The records of the record's chain (the customer's other numbers), the record first. */
  chainedRecords(agentId: string, recordHandle: number): OutboundRecordView[] {
    const record = this.own(agentId, recordHandle);
    return [record, ...this.records.filter((other) => other !== record && other.campaign === record.campaign && other.chainId === record.chainId)].map(view);
  }

  updateFields(agentId: string, recordHandle: number, fields: UserData): OutboundRecordView {
    const record = this.own(agentId, recordHandle);
    record.fields = { ...record.fields, ...fields };
    return this.notify('UpdateCallCompletionStatsAcknowledge', record, agentId);
  }

  /** Never call this customer again: the record (and its chain) is done. */
  setDoNotCall(agentId: string, recordHandle: number): OutboundRecordView {
    const record = this.own(agentId, recordHandle);
    record.doNotCall = true;
    return this.notify('DoNotCallAcknowledge', record, agentId);
  }

  removeDoNotCall(agentId: string, recordHandle: number): OutboundRecordView {
    const record = this.own(agentId, recordHandle);
    record.doNotCall = false;
    return this.notify('DoNotCallRemoveAcknowledge', record, agentId);
  }

  /** The agent is done with the record (its call result set): OCS dials it no more. */
  markProcessed(agentId: string, recordHandle: number): OutboundRecordView {
    const record = this.own(agentId, recordHandle, ['Offered', 'Dialing']);
    record.status = 'Processed';
    return this.settled(this.notify('RecordProcessedAcknowledge', record, agentId), agentId);
  }

  /** Every record, for the simulator's control API and tests. */
  list(): OutboundRecordView[] {
    return this.records.map(view);
  }

  /** Offer the campaign's next due record to the agent; a preview record is notified (PreviewRecord). */
  private offerNext(agentId: string, campaign: CampaignConfig, preview: boolean): OutboundRecordView | undefined {
    const record = this.records.find((candidate) => candidate.campaign === campaign && this.isDue(candidate, agentId));
    if (!record) return undefined;
    Object.assign(record, { status: 'Offered', agentId, scheduledAt: undefined, callbackType: undefined });
    return preview ? this.notify('PreviewRecord', record, agentId) : view(record);
  }

  /** A record left the agent's hands: an agent in push preview is pushed the next one. */
  private settled(record: OutboundRecordView, agentId: string): OutboundRecordView {
    this.pushNext(agentId);
    return record;
  }

  private pushNext(agentId: string): void {
    if (!this.pushPreviewAgents.has(agentId)) return;
    const inHand = this.records.some((record) => record.agentId === agentId && (record.status === 'Offered' || record.status === 'Dialing'));
    if (inHand) return;
    for (const campaign of this.pushPreviewCampaigns(agentId)) if (this.offerNext(agentId, campaign, true)) return;
  }

  private pushPreviewCampaigns(agentId: string): CampaignConfig[] {
    const campaigns = this.campaignConfigs.filter((campaign) => campaign.mode === 'pushPreview' && inGroup(campaign, agentId));
    if (campaigns.length === 0) throw new CtiError('UNKNOWN_CAMPAIGN', `No push preview campaign for agent ${agentId}.`);
    return campaigns;
  }

  private campaignView(campaign: CampaignConfig, agentId: string): CampaignView {
    return {
      name: campaign.name,
      mode: campaign.mode,
      callingList: campaign.callingList,
      recordsLeft: this.records.filter((record) => record.campaign === campaign && this.isDue(record, agentId)).length,
    };
  }

  /** Ready, or rescheduled and due (a personal callback: for its agent only); never a do-not-call one. */
  private isDue(record: RecordState, agentId: string): boolean {
    if (record.doNotCall || this.hasDoNotCallChain(record)) return false;
    if (record.status === 'Ready') return true;
    if (record.status !== 'Scheduled' || record.scheduledAt === undefined || record.scheduledAt > this.clock.now()) return false;
    return record.callbackType === 'Campaign' || record.agentId === agentId;
  }

  private hasDoNotCallChain(record: RecordState): boolean {
    return this.records.some((other) => other.doNotCall && other.campaign === record.campaign && other.chainId === record.chainId);
  }

  private campaignOf(agentId: string, campaignName: string): CampaignConfig {
    const campaign = this.campaignConfigs.find((candidate) => candidate.name === campaignName && inGroup(candidate, agentId));
    if (!campaign) throw new CtiError('UNKNOWN_CAMPAIGN', `No campaign ${campaignName} for agent ${agentId}.`);
    return campaign;
  }

  /** The agent's record (offered to it, being dialed for it, or last handled by it), in one of `statuses`. */
  private own(agentId: string, recordHandle: number, statuses?: readonly RecordStatus[]): RecordState {
    const record = this.records.find((candidate) => candidate.recordHandle === recordHandle);
    if (!record || record.agentId !== agentId) throw new CtiError('UNKNOWN_RECORD', `Agent ${agentId} has no outbound record ${recordHandle}.`);
    if (statuses && !statuses.includes(record.status)) {
      throw new CtiError('INVALID_CALL_STATE', `Record ${recordHandle} is ${record.status}, not ${statuses.join(' or ')}.`);
    }
    return record;
  }

  private notify(notification: RecordNotification, record: RecordState, agentId: string): OutboundRecordView {
    const snapshot = view(record);
    this.emit({ kind: 'record', notification, agentId, record: snapshot });
    return snapshot;
  }

  private notifyCampaign(notification: CampaignNotification, campaign: CampaignConfig, agentId: string): void {
    this.emit({ kind: 'campaign', notification, agentId, campaign: this.campaignView(campaign, agentId) });
  }

  private emit(event: OutboundEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function inGroup(campaign: CampaignConfig, agentId: string): boolean {
  return campaign.agents.length === 0 || campaign.agents.includes(agentId);
}

function view(record: RecordState): OutboundRecordView {
  return {
    recordHandle: record.recordHandle,
    campaignName: record.campaign.name,
    callingList: record.campaign.callingList,
    mode: record.campaign.mode,
    chainId: record.chainId,
    phone: record.phone,
    fields: { ...record.fields },
    status: record.status,
    callResult: record.callResult,
    attempts: record.attempts,
    doNotCall: record.doNotCall,
    ...(record.scheduledAt !== undefined ? { scheduledAt: record.scheduledAt } : {}),
    ...(record.callbackType !== undefined ? { callbackType: record.callbackType } : {}),
  };
}

/** OCS's name of a dialing mode (`GSW_CAMPAIGN_MODE`). */
export const OCS_CAMPAIGN_MODES: Record<CampaignMode, string> = { preview: 'Preview', progressive: 'Progressive', pushPreview: 'PushPreview' };

/** A campaign notification's attributes, as OCS sends them. */
export function campaignUserData(campaign: CampaignView): UserData {
  return { GSW_CAMPAIGN_NAME: campaign.name, GSW_CAMPAIGN_MODE: OCS_CAMPAIGN_MODES[campaign.mode], GSW_CALLING_LIST: campaign.callingList };
}

/** The record as OCS attaches it to the call: its GSW_ keys and the calling list's fields. */
export function recordUserData(record: OutboundRecordView): UserData {
  return {
    ...record.fields,
    GSW_RECORD_HANDLE: record.recordHandle,
    GSW_CAMPAIGN_NAME: record.campaignName,
    GSW_CALLING_LIST: record.callingList,
    GSW_PHONE: record.phone,
    GSW_CALL_RESULT: record.callResult,
    GSW_ATTEMPTS: record.attempts,
    InteractionType: 'Outbound',
    InteractionSubtype: 'OutboundNew',
  };
}
