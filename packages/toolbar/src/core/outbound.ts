import type { AttachedData } from './interaction.ts';
import type { Outcome } from './outcome.ts';

/**
 * Outbound campaigns as the agent works them (Outbound Contact Server's model): a record of a
 * campaign's calling list, offered to the agent, called, given a call result, rescheduled, marked
 * do-not-call or processed. The vendor's side keeps the records; these are the operations the
 * workspace forwards to it (the Genesys bridge's `POST /genesys/outbound` takes them as they are).
 */
export type CallbackType = 'Personal' | 'Campaign';

/** How a campaign dials: the agent asks for records, the campaign dials for the agent, or pushes records to preview. */
export type CampaignMode = 'preview' | 'progressive' | 'pushPreview';

/** A campaign the agent's group takes part in. */
export interface Campaign {
  readonly name: string;
  readonly mode: CampaignMode;
  readonly callingList: string;
}

/** A record of a campaign's calling list as the agent sees it: the customer's number and fields. */
export interface CampaignRecord {
  readonly recordHandle: number;
  readonly campaignName: string;
  readonly callingList: string;
  readonly phone: string;
  /** The calling list's fields (customer name, account…). */
  readonly fields: AttachedData;
  /** The call result it has so far (the contact center's call result number). */
  readonly callResult: number;
}

/** The record a call dials or was dialed for (a called preview record, a progressive call). */
export interface CallRecordRef {
  readonly recordHandle: number;
  readonly campaignName: string;
}

/**
 * What the vendor reports of a campaign: it runs for the agent's group (`started`), no longer does
 * (`stopped`), has no record left to preview (`noRecordLeft`), pushes records to the agent or stopped
 * pushing them (`pushPreviewStarted` / `pushPreviewStopped`).
 */
export type CampaignChange = 'started' | 'stopped' | 'noRecordLeft' | 'pushPreviewStarted' | 'pushPreviewStopped';

/**
 * What the vendor reports of a record: offered to the agent for preview, given back (`rejected`), not
 * to be dialed again (`cancelled`), `rescheduled` or no longer (`rescheduleCancelled`), its fields or
 * call result `updated`, `doNotCall` set or removed, `processed`. The record is then out of the
 * agent's hands, except after `offered`, `updated`, `rescheduleCancelled` and the do-not-call changes.
 */
export type RecordChange =
  'offered' | 'rejected' | 'cancelled' | 'rescheduled' | 'rescheduleCancelled' | 'updated' | 'doNotCall' | 'doNotCallRemoved' | 'processed';

/** The record changes after which the agent no longer holds the record. */
export const RECORD_RELEASED: ReadonlySet<RecordChange> = new Set(['rejected', 'cancelled', 'rescheduled', 'processed']);

type OnRecord =
  | 'getRecord'
  | 'getChainedRecords'
  | 'callRecord'
  | 'rejectRecord'
  | 'cancelRecord'
  | 'cancelReschedule'
  | 'setDoNotCall'
  | 'removeDoNotCall'
  | 'markProcessed';

type OnAgent = 'getCampaigns' | 'getCallResults' | 'startPushPreview' | 'stopPushPreview';

export type OutboundRequest =
  | { operation: OnAgent }
  | { operation: 'getPreviewRecord'; campaignName: string }
  | { operation: OnRecord; recordHandle: number }
  | { operation: 'rescheduleRecord'; recordHandle: number; at: number; callbackType: CallbackType }
  | { operation: 'setCallResult'; recordHandle: number; callResult: number }
  | { operation: 'updateRecordFields'; recordHandle: number; fields: AttachedData };

/** The vendor's answer, checked by the vendor against the operation's shape. */
export type OutboundOutcome = Outcome<{ data: unknown }>;

/** What `callRecord` answers: the number to dial and the record's data for the call (already checked by the vendor). */
export function dialTarget(data: unknown): { phone: string; userData: AttachedData } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { phone, userData } = data as { phone?: unknown; userData?: unknown };
  return typeof phone === 'string' && typeof userData === 'object' && userData !== null ? { phone, userData: userData as AttachedData } : undefined;
}
